package service

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/paulmach/orb"
)

// A new epoch's features are encoded for every region at once. With
// reflection (json.Marshal of snapshotProps) that was 8-10 µs a region:
// over 1 ms for the 77 default regions and about 100 ms for 10,000. The
// appenders below write the same bytes as encoding/json (a test compares
// them over every state of the ledger and odd strings) in a fraction of
// that.

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string exactly as encoding/json.Marshal
// writes it: HTML-safe (<, >, & escaped), invalid UTF-8 replaced by
// U+FFFD, and U+2028/U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendFloat appends f as encoding/json does; ok is false for NaN and
// infinities, which it refuses.
func appendFloat(b []byte, f float64) ([]byte, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, false
	}
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// appendMultiPolygon appends a region boundary as a MultiPolygon geometry,
// the bytes json.Marshal(geojson.NewGeometry(geo.AsMulti(g))) writes (a
// test compares them), without reflection or the compaction pass
// encoding/json makes over a MarshalJSON result: that was a third of
// building a view. ok is false for any other geometry, for nil or empty
// parts (which encoding/json writes as null) and for coordinates JSON
// cannot hold; the caller marshals those.
func appendMultiPolygon(b []byte, g orb.Geometry) ([]byte, bool) {
	var mp orb.MultiPolygon
	switch g := g.(type) {
	case orb.Polygon:
		mp = orb.MultiPolygon{g}
	case orb.MultiPolygon:
		mp = g
	default:
		return b, false
	}
	if mp == nil {
		return b, false
	}
	b = append(b, `{"type":"MultiPolygon","coordinates":[`...)
	for i, p := range mp {
		if p == nil {
			return b, false
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for j, r := range p {
			if r == nil {
				return b, false
			}
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			for k, pt := range r {
				if k > 0 {
					b = append(b, ',')
				}
				var ok1, ok2 bool
				b = append(b, '[')
				b, ok1 = appendFloat(b, pt[0])
				b = append(b, ',')
				b, ok2 = appendFloat(b, pt[1])
				if !ok1 || !ok2 {
					return b, false
				}
				b = append(b, ']')
			}
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	return append(b, "]}"...), true
}

// appendOptString appends s, or null when s is empty.
func appendOptString(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendString(b, s)
}

// appendStrings appends a JSON array of strings ([] when empty).
func appendStrings[S ~string](b []byte, ss []S) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, string(s))
	}
	return append(b, ']')
}

// appendSnapshotProps appends the properties of one snapshot feature: the
// bytes of json.Marshal(snapshotProps{...}) for region r in state s. ok is
// false only for a share that JSON cannot hold (NaN, infinite); the caller
// then falls back to encoding/json for its error.
func appendSnapshotProps(b []byte, r *geo.Region, s *geo.State, lang geo.Lang) ([]byte, bool) {
	return appendState(appendPropsHead(b, r, lang), s, lang)
}

// appendFeatureHead appends a snapshot feature up to its state: the
// members that depend on the region and language only.
func appendFeatureHead(b []byte, r *geo.Region, lang geo.Lang) []byte {
	b = append(b, `{"type":"Feature","id":`...)
	b = appendString(b, r.ID)
	b = append(b, `,"properties":`...)
	return appendPropsHead(b, r, lang)
}

// appendPropsHead opens a snapshot feature's properties with the region's
// own members.
func appendPropsHead(b []byte, r *geo.Region, lang geo.Lang) []byte {
	b = append(b, `{"region":`...)
	b = appendString(b, r.ID)
	b = append(b, `,"name":`...)
	b = appendString(b, r.Name(lang))
	b = append(b, `,"kind":`...)
	b = appendString(b, r.Kind)
	b = append(b, `,"role":`...)
	b = appendString(b, string(r.Role))
	if r.ISO != "" {
		b = append(b, `,"iso_3166_2":`...)
		b = appendString(b, r.ISO)
	}
	return b
}

// appendState appends the members of StateJSON (as stateJSON(s, lang)
// would marshal them) and closes the object.
func appendState(b []byte, s *geo.State, lang geo.Lang) ([]byte, bool) {
	b = append(b, `,"controller":`...)
	if s.Controller != "" {
		b = appendString(b, string(s.Controller))
		b = append(b, `,"controller_name":`...)
		b = appendString(b, s.Controller.Name(lang))
	} else {
		b = append(b, `null,"controller_name":null`...)
	}
	b = append(b, `,"status":`...)
	b = appendString(b, string(s.Status))
	b = append(b, `,"extent":`...)
	if s.Controller != "" {
		b = appendString(b, string(s.Extent))
		b = append(b, `,"extent_status":`...)
		b = appendString(b, string(s.ExtentStatus))
	} else {
		b = append(b, `null,"extent_status":null`...)
	}
	b = append(b, `,"holders":[`...)
	for i, h := range s.Holders {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"controller":`...)
		b = appendString(b, string(h.Controller))
		b = append(b, `,"controller_name":`...)
		b = appendString(b, h.Controller.Name(lang))
		b = append(b, `,"share":`...)
		if h.Share == nil {
			b = append(b, "null"...)
		} else {
			var ok bool
			if b, ok = appendFloat(b, *h.Share); !ok {
				return b, false
			}
		}
		b = append(b, '}')
	}
	b = append(b, ']')
	if len(s.Candidates) > 0 {
		b = append(b, `,"candidates":`...)
		b = appendStrings(b, s.Candidates)
	}
	if s.SinceEvent != "" {
		b = append(b, `,"since":`...)
		b = appendString(b, s.Since.Text)
		b = append(b, `,"since_precision":`...)
		b = appendString(b, string(s.Since.Precision))
		b = append(b, `,"since_event":`...)
		b = appendString(b, s.SinceEvent)
	} else {
		b = append(b, `,"since":null,"since_precision":null,"since_event":null`...)
	}
	b = append(b, `,"event_ids":`...)
	b = appendStrings(b, s.EventIDs)
	return append(b, '}'), true
}

// appendDay appends d as YYYY-MM-DD (as Day.String, without fmt).
func appendDay(b []byte, d geo.Day) []byte {
	y, m, dd := d.Date()
	if y < 0 || y > 9999 {
		return append(b, d.String()...)
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}
