package geo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

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
		var mp orb.MultiPolygon
		err := p.list(func() error {
			poly, err := p.polygon()
			mp = append(mp, poly)
			return err
		})
		if err != nil {
			return nil, err
		}
		return mp, p.end()
	}
	return nil, errNotPolygonal
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
