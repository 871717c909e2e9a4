package geo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// RegionFromStored decodes a region feature as the store writes it
// (json.Marshal of RegionFeature). Reading the boundaries through
// encoding/json's reflection was half of a restart's time (the
// coordinates are most of the bytes), so Polygon and MultiPolygon
// coordinates are parsed directly; anything else, or anything the direct
// parse does not expect, goes the general way (RegionFromFeature), which
// gives the same Region.
func RegionFromStored(b []byte) (Region, error) {
	if r, ok := regionFromCompact(b); ok {
		return r, nil
	}
	var f struct {
		ID         string          `json:"id"`
		Type       string          `json:"type"`
		Geometry   json.RawMessage `json:"geometry"`
		Properties regionProps     `json:"properties"`
	}
	if err := json.Unmarshal(b, &f); err == nil && f.Type == "Feature" && f.ID != "" {
		if g, err := parsePolygonal(f.Geometry); err == nil {
			p := f.Properties
			return Region{
				ID: f.ID, ISO: p.ISO, Kind: p.Kind, Role: p.Role, Names: p.Names, Aliases: p.Aliases,
				EconomicRegion: p.EconomicRegion, Baseline: p.Baseline, Label: orb.Point(p.Label),
				Geometry: g, Source: p.Source, Licence: p.Licence, Corrections: p.Corrections,
			}, nil
		}
	}
	gf, err := geojson.UnmarshalFeature(b)
	if err != nil {
		return Region{}, err
	}
	return RegionFromFeature(gf)
}

var errNotPolygonal = errors.New("not a plain Polygon or MultiPolygon")

// parsePolygonal parses {"type":"Polygon"|"MultiPolygon","coordinates":...}
// with two-number positions, as orb writes them.
func parsePolygonal(b []byte) (orb.Geometry, error) {
	var head struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, err
	}
	p := coordParser{b: head.Coordinates}
	switch head.Type {
	case "Polygon":
		poly, err := p.polygon()
		if err != nil {
			return nil, err
		}
		return poly, p.end()
	case "MultiPolygon":
		mp, err := p.multiPolygon()
		if err != nil {
			return nil, err
		}
		return mp, p.end()
	}
	return nil, errNotPolygonal
}

// regionFromCompact reads a feature exactly as the store writes it:
// compact, with the keys id, type, geometry and properties only, and a
// Polygon or MultiPolygon whose type comes before its coordinates. The
// coordinates, most of the bytes, are parsed in place, and only the
// properties go through encoding/json: RegionFromStored's general path
// passes over them three times (validity, the raw geometry, its head).
// ok is false for anything else, which the general path then reads, so
// the two give the same Region.
func regionFromCompact(b []byte) (r Region, ok bool) {
	p := coordParser{b: b}
	if !p.eat('{') {
		return Region{}, false
	}
	var (
		id, typ string
		g       orb.Geometry
		props   []byte
	)
	for {
		key, ok := p.plainString()
		if !ok || !p.eat(':') {
			return Region{}, false
		}
		switch key {
		case "id":
			id, ok = p.plainString()
		case "type":
			typ, ok = p.plainString()
		case "geometry":
			g, ok = p.geometry()
		case "properties":
			start := p.i
			ok = p.skipObject()
			props = b[start:p.i]
		default:
			return Region{}, false
		}
		if !ok {
			return Region{}, false
		}
		if p.eat('}') {
			break
		}
		if !p.eat(',') {
			return Region{}, false
		}
	}
	if p.i != len(b) || typ != "Feature" || id == "" || g == nil || props == nil {
		return Region{}, false
	}
	var pr regionProps
	if err := json.Unmarshal(props, &pr); err != nil {
		return Region{}, false
	}
	return Region{
		ID: id, ISO: pr.ISO, Kind: pr.Kind, Role: pr.Role, Names: pr.Names, Aliases: pr.Aliases,
		EconomicRegion: pr.EconomicRegion, Baseline: pr.Baseline, Label: orb.Point(pr.Label),
		Geometry: g, Source: pr.Source, Licence: pr.Licence, Corrections: pr.Corrections,
	}, true
}

// geometry reads {"type":"Polygon"|"MultiPolygon","coordinates":[...]}.
func (p *coordParser) geometry() (orb.Geometry, bool) {
	if !p.eat('{') {
		return nil, false
	}
	if k, ok := p.plainString(); !ok || k != "type" || !p.eat(':') {
		return nil, false
	}
	typ, ok := p.plainString()
	if !ok || !p.eat(',') {
		return nil, false
	}
	if k, ok := p.plainString(); !ok || k != "coordinates" || !p.eat(':') {
		return nil, false
	}
	var (
		g   orb.Geometry
		err error
	)
	switch typ {
	case "Polygon":
		g, err = p.polygon()
	case "MultiPolygon":
		g, err = p.multiPolygon()
	default:
		return nil, false
	}
	if err != nil || !p.eat('}') {
		return nil, false
	}
	return g, true
}

// plainString reads a JSON string without escapes or control
// characters, in valid UTF-8: what encoding/json would read the same.
func (p *coordParser) plainString() (string, bool) {
	if !p.eat('"') {
		return "", false
	}
	start := p.i
	for p.i < len(p.b) {
		switch c := p.b[p.i]; {
		case c == '"':
			s := p.b[start:p.i]
			p.i++
			return string(s), utf8.Valid(s)
		case c == '\\' || c < 0x20:
			return "", false
		}
		p.i++
	}
	return "", false
}

// skipObject moves past one object, minding strings and their escapes.
// It checks only the nesting: the caller decodes what it spans.
func (p *coordParser) skipObject() bool {
	if p.i >= len(p.b) || p.b[p.i] != '{' {
		return false
	}
	depth := 0
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case '"':
			for p.i++; p.i < len(p.b) && p.b[p.i] != '"'; p.i++ {
				if p.b[p.i] == '\\' {
					p.i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				p.i++
				return true
			}
		}
		p.i++
	}
	return false
}

func (p *coordParser) multiPolygon() (orb.MultiPolygon, error) {
	var mp orb.MultiPolygon
	err := p.list(func() error {
		poly, err := p.polygon()
		mp = append(mp, poly)
		return err
	})
	return mp, err
}

// coordParser reads nested arrays of numbers from compact JSON.
type coordParser struct {
	b []byte
	i int
}

func (p *coordParser) polygon() (orb.Polygon, error) {
	var poly orb.Polygon
	err := p.list(func() error {
		var ring orb.Ring
		err := p.list(func() error {
			pt, err := p.point()
			ring = append(ring, pt)
			return err
		})
		poly = append(poly, ring)
		return err
	})
	return poly, err
}

// list reads [item, item, ...], calling item for each.
func (p *coordParser) list(item func() error) error {
	if !p.eat('[') {
		return errNotPolygonal
	}
	if p.eat(']') {
		return nil
	}
	for {
		if err := item(); err != nil {
			return err
		}
		if p.eat(']') {
			return nil
		}
		if !p.eat(',') {
			return errNotPolygonal
		}
	}
}

func (p *coordParser) point() (orb.Point, error) {
	if !p.eat('[') {
		return orb.Point{}, errNotPolygonal
	}
	x, err := p.number()
	if err != nil || !p.eat(',') {
		return orb.Point{}, errNotPolygonal
	}
	y, err := p.number()
	if err != nil || !p.eat(']') {
		return orb.Point{}, errNotPolygonal
	}
	return orb.Point{x, y}, nil
}

func (p *coordParser) number() (float64, error) {
	if p.i >= len(p.b) || (p.b[p.i] != '-' && (p.b[p.i] < '0' || p.b[p.i] > '9')) {
		return 0, errNotPolygonal // ParseFloat takes +1, .5 and Inf; JSON does not
	}
	j := p.i
	for j < len(p.b) && (p.b[j] == '-' || p.b[j] == '+' || p.b[j] == '.' || p.b[j] == 'e' || p.b[j] == 'E' || (p.b[j] >= '0' && p.b[j] <= '9')) {
		j++
	}
	f, err := strconv.ParseFloat(string(p.b[p.i:j]), 64)
	p.i = j
	return f, err
}

func (p *coordParser) eat(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *coordParser) end() error {
	if len(bytes.TrimSpace(p.b[p.i:])) != 0 {
		return fmt.Errorf("%w: trailing data", errNotPolygonal)
	}
	return nil
}
