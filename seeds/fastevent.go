package seeds

import (
	"strconv"
	"unicode/utf8"

	"github.com/mapsvc/mapsvc/geo"
)

// decodeEvent is geo.DecodeEvent, quicker on the events of a usual ledger:
// an object of known fields, each once and spelt as the ledger spells it,
// with string values that need no unescaping, a number for share, and the
// arrays of sources, places and references. For anything else (escapes,
// null, an
// unknown, repeated or differently cased field, bad syntax) it leaves the
// event to geo.DecodeEvent, so the result and every error are its. Three
// quarters of reading a million-event ledger went to encoding/json.
func decodeEvent(b []byte) (geo.Event, error) {
	if e, ok := fastEvent(b); ok {
		return e, nil
	}
	return geo.DecodeEvent(b)
}

type fastReader struct {
	b []byte
	i int
}

func (r *fastReader) space() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// next skips space and takes c, or reports that the next byte is not c.
func (r *fastReader) next(c byte) bool {
	r.space()
	if r.i < len(r.b) && r.b[r.i] == c {
		r.i++
		return true
	}
	return false
}

// str reads a string that needs no unescaping and is valid UTF-8.
func (r *fastReader) str() (string, bool) {
	r.space()
	if r.i >= len(r.b) || r.b[r.i] != '"' {
		return "", false
	}
	start := r.i + 1
	ascii := true
	for j := start; j < len(r.b); j++ {
		switch c := r.b[j]; {
		case c == '"':
			s := r.b[start:j]
			if !ascii && !utf8.Valid(s) {
				return "", false
			}
			r.i = j + 1
			return string(s), true
		case c == '\\' || c < 0x20:
			return "", false
		case c >= 0x80:
			ascii = false
		}
	}
	return "", false
}

// object reads the members of an object, calling member for each key;
// member reads the value. Keys repeated are refused.
func (r *fastReader) object(member func(key string) bool) bool {
	if !r.next('{') {
		return false
	}
	if r.next('}') {
		return true
	}
	var seen [24]string
	n := 0
	for {
		k, ok := r.str()
		if !ok || !r.next(':') {
			return false
		}
		for _, s := range seen[:n] {
			if s == k {
				return false
			}
		}
		if n == len(seen) {
			return false
		}
		seen[n] = k
		n++
		if !member(k) {
			return false
		}
		if r.next(',') {
			continue
		}
		return r.next('}')
	}
}

// array reads the elements of an array (non-nil when empty, as
// encoding/json gives), each by elem.
func (r *fastReader) array(elem func() bool) bool {
	if !r.next('[') {
		return false
	}
	if r.next(']') {
		return true
	}
	for {
		if !elem() {
			return false
		}
		if r.next(',') {
			continue
		}
		return r.next(']')
	}
}

// number reads a JSON number as encoding/json reads one into a float64.
func (r *fastReader) number() (float64, bool) {
	r.space()
	b, i := r.b, r.i
	digits := func() int {
		n := 0
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case digits() == 0:
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return 0, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(string(b[r.i:i]), 64)
	if err != nil {
		return 0, false
	}
	r.i = i
	return f, true
}

func (r *fastReader) strings() ([]string, bool) {
	out := []string{}
	ok := r.array(func() bool {
		s, ok := r.str()
		out = append(out, s)
		return ok
	})
	return out, ok
}

func fastEvent(b []byte) (geo.Event, bool) {
	r := &fastReader{b: b}
	var e geo.Event
	str := func(dst *string) bool {
		s, ok := r.str()
		*dst = s
		return ok
	}
	ok := r.object(func(key string) bool {
		var s string
		switch key {
		case "id":
			return str(&e.ID)
		case "region":
			return str(&e.Region)
		case "place":
			return str(&e.Place)
		case "places":
			var ok bool
			e.Places, ok = r.strings()
			return ok
		case "date":
			return str(&s) && e.Date.UnmarshalText([]byte(s)) == nil
		case "kind":
			ok := str(&s)
			e.Kind = geo.Kind(s)
			return ok
		case "from":
			ok := str(&s)
			e.From = geo.Controller(s)
			return ok
		case "to":
			ok := str(&s)
			e.To = geo.Controller(s)
			return ok
		case "share":
			f, ok := r.number()
			e.Share = &f
			return ok
		case "majority":
			ok := str(&s)
			e.Majority = geo.Controller(s)
			return ok
		case "extent":
			ok := str(&s)
			e.Extent = geo.Extent(s)
			return ok
		case "extent_note":
			return str(&e.ExtentNote)
		case "scheduled":
			return str(&e.Scheduled)
		case "confidence":
			return str(&e.Confidence)
		case "summary":
			return str(&e.Summary)
		case "notes":
			return str(&e.Notes)
		case "reference":
			var ok bool
			e.Reference, ok = r.strings()
			return ok
		case "sources":
			e.Sources = []geo.Source{}
			return r.array(func() bool {
				var src geo.Source
				ok := r.object(func(key string) bool {
					switch key {
					case "ref":
						return str(&src.Ref)
					case "outlet":
						return str(&src.Outlet)
					case "title":
						return str(&src.Title)
					case "published":
						return str(&src.Published)
					case "lang":
						return str(&src.Lang)
					case "quote":
						return str(&src.Quote)
					case "via":
						return str(&src.Via)
					case "note":
						return str(&src.Note)
					case "wire":
						return str(&src.Wire)
					case "party":
						return str(&src.Party)
					case "tier":
						return str(&src.Tier)
					}
					return false
				})
				e.Sources = append(e.Sources, src)
				return ok
			})
		case "date_precision", "date_first", "date_last":
			// Derived fields, ignored on decoding.
			return str(&s)
		}
		return false
	})
	if !ok {
		return geo.Event{}, false
	}
	r.space()
	return e, r.i == len(r.b)
}
