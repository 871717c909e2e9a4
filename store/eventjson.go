package store

import (
	"math"
	"strconv"

	"github.com/mapsvc/mapsvc/geo"
)

// eventEncoder writes events as json.Marshal(e) (through
// Event.MarshalJSON) would, directly for the usual event: a share written
// without an exponent, and strings of printable ASCII that JSON leaves as they are (no quote,
// backslash, or the <, >, & that encoding/json escapes). Any other event
// goes through MarshalJSON; the bytes are the same either way, and they
// decide the data version. The results are cut from large blocks: a
// million small allocations cost the heap more than their bytes.
type eventEncoder struct {
	scratch, block []byte
}

const encodeBlock = 1 << 20

func (enc *eventEncoder) encode(e *geo.Event) ([]byte, error) {
	b, ok := appendEvent(enc.scratch[:0], e)
	enc.scratch = b
	if !ok {
		var err error
		if b, err = e.MarshalJSON(); err != nil {
			return nil, err
		}
	}
	if len(b) > cap(enc.block)-len(enc.block) {
		enc.block = make([]byte, 0, max(encodeBlock, len(b)))
	}
	start := len(enc.block)
	enc.block = append(enc.block, b...)
	return enc.block[start:len(enc.block):len(enc.block)], nil
}

func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

type eventWriter struct {
	b  []byte
	ok bool
}

func (w *eventWriter) str(key, v string) {
	w.b = append(w.b, ',', '"')
	w.b = append(w.b, key...)
	w.b = append(w.b, '"', ':', '"')
	w.b = append(w.b, v...)
	w.b = append(w.b, '"')
	w.ok = w.ok && plainJSON(v)
}

func (w *eventWriter) opt(key, v string) {
	if v != "" {
		w.str(key, v)
	}
}

func (w *eventWriter) list(key string, vs []string) {
	if len(vs) == 0 {
		return
	}
	w.b = append(w.b, ',', '"')
	w.b = append(w.b, key...)
	w.b = append(w.b, '"', ':', '[')
	for i, v := range vs {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.b = append(w.b, '"')
		w.b = append(w.b, v...)
		w.b = append(w.b, '"')
		w.ok = w.ok && plainJSON(v)
	}
	w.b = append(w.b, ']')
}

func (w *eventWriter) day(key string, d geo.Day) {
	y, m, dd := d.Date()
	if y < 0 || y > 9999 {
		w.ok = false
		return
	}
	w.b = append(w.b, ',', '"')
	w.b = append(w.b, key...)
	w.b = append(w.b, '"', ':', '"',
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+dd/10), byte('0'+dd%10), '"')
}

// appendEvent appends e as json.Marshal writes it, in the field order of
// geo.Event and its omitempty rules, then the derived date fields; ok is
// false where the event needs what encodeEvent leaves to MarshalJSON.
func appendEvent(dst []byte, e *geo.Event) ([]byte, bool) {
	w := &eventWriter{b: dst, ok: true}
	w.b = append(w.b, `{"id":"`...)
	w.b = append(w.b, e.ID...)
	w.b = append(w.b, '"')
	w.ok = plainJSON(e.ID)
	w.opt("region", e.Region)
	w.opt("place", e.Place)
	w.list("places", e.Places)
	w.str("date", e.Date.Text)
	w.str("kind", string(e.Kind))
	w.opt("from", string(e.From))
	w.opt("to", string(e.To))
	w.opt("extent", string(e.Extent))
	if e.Share != nil {
		// encoding/json writes a float64 this way unless it is NaN or
		// infinite (an error) or needs an exponent.
		f := *e.Share
		if a := math.Abs(f); math.IsNaN(f) || math.IsInf(f, 0) || (a != 0 && (a < 1e-6 || a >= 1e21)) {
			return w.b, false
		}
		w.b = append(w.b, `,"share":`...)
		w.b = strconv.AppendFloat(w.b, f, 'f', -1, 64)
	}
	w.opt("majority", string(e.Majority))
	w.opt("extent_note", e.ExtentNote)
	w.opt("scheduled", e.Scheduled)
	w.str("confidence", e.Confidence)
	w.str("summary", e.Summary)
	if e.Sources == nil {
		w.b = append(w.b, `,"sources":null`...)
	} else {
		w.b = append(w.b, `,"sources":[`...)
		for i := range e.Sources {
			s := &e.Sources[i]
			if i > 0 {
				w.b = append(w.b, ',')
			}
			w.b = append(w.b, `{"ref":"`...)
			w.b = append(w.b, s.Ref...)
			w.b = append(w.b, '"')
			w.ok = w.ok && plainJSON(s.Ref)
			w.opt("outlet", s.Outlet)
			w.opt("title", s.Title)
			w.opt("published", s.Published)
			w.opt("lang", s.Lang)
			w.opt("quote", s.Quote)
			w.opt("via", s.Via)
			w.opt("note", s.Note)
			w.opt("wire", s.Wire)
			w.opt("party", s.Party)
			w.opt("tier", s.Tier)
			w.b = append(w.b, '}')
		}
		w.b = append(w.b, ']')
	}
	w.list("reference", e.Reference)
	w.opt("notes", e.Notes)
	w.str("date_precision", string(e.Date.Precision))
	w.day("date_first", e.Date.First)
	w.day("date_last", e.Date.Last)
	w.b = append(w.b, '}')
	return w.b, w.ok
}
