package placeapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/ogc"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/tiles"
)

// OGCCollections are the OGC API collections of the places and the
// approximate control areas, for ogc.MountWith.
func OGCCollections(hs *Histories) []ogc.Extra {
	return []ogc.Extra{
		{ID: "places", Title: "Places",
			Description: "The gazetteer: settlements and named heights of the conflict area with their names, district and the source of their position. Places without a sourced position have a null geometry. Who held a place on a day is in /api/v1/places?date=D.",
			Build:       func(v *service.View, lang geo.Lang) ([]ogc.Feature, error) { return placeFeatures(hs, v, lang) }},
		{ID: "control-areas", Title: "Approximate control areas",
			Description: "For every day on which a district was split between two holders, the approximate area each held, derived from the places each side held (method voronoi-places-v1: Voronoi cells of the places, clipped to the district and merged per holder). datetime=D returns the areas of day D. start is inclusive, end exclusive (null while open). Every feature is approximate.",
			Timed:       true,
			Build:       func(v *service.View, lang geo.Lang) ([]ogc.Feature, error) { return areaFeatures(hs, v, lang) }},
	}
}

func placeFeatures(hs *Histories, v *service.View, lang geo.Lang) ([]ogc.Feature, error) {
	ph, err := hs.For(v)
	if errors.Is(err, ErrPlacesDoNotFit) {
		// Another world's districts (a synthetic benchmark world): none
		// of these places is in it, and the other collections still serve.
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []ogc.Feature
	for _, p := range ph.Places() {
		f := placeFeature(ph, p, lang, nil)
		props, err := json.Marshal(f.Properties)
		if err != nil {
			return nil, err
		}
		of := ogc.Feature{ID: p.ID, Properties: props}
		if p.Point != nil {
			of.Geometry = *p.Point
			of.GeometryJSON, _ = json.Marshal(f.Geometry)
		}
		out = append(out, of)
	}
	return out, nil
}

// areaOGCProps are an area's properties with its time span.
type areaOGCProps struct {
	areaProps
	Start string  `json:"start"`
	End   *string `json:"end"`
}

// areaSpan is one district holder's piece over the consecutive epochs in
// which it does not change: it holds from first to last (open: still).
type areaSpan struct {
	f     areaFeature
	first geo.Day
	last  geo.Day // the last day it holds; only meaningful once closed
	open  bool
}

// areaSpans walks every epoch and merges a district holder's piece across
// consecutive epochs in which it does not change; the closed spans come
// first, then the open ones by id.
func areaSpans(hs *Histories, v *service.View, lang geo.Lang) ([]areaSpan, error) {
	ph, err := hs.For(v)
	if err != nil {
		return nil, err
	}
	days := ph.ChangeDays()
	var closed []areaSpan
	current := map[string]*areaSpan{} // region-controller → running piece
	for epoch := 1; epoch <= len(days); epoch++ {
		start := days[epoch-1]
		ds, err := hs.Areas(ph, epoch)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, dist := range ds {
			fs, err := districtFeatures(ph, dist, lang)
			if err != nil {
				return nil, err
			}
			for _, f := range fs {
				seen[f.ID] = true
				if cur, ok := current[f.ID]; ok && string(cur.f.Geometry) == string(f.Geometry) &&
					cur.f.Properties.Controller == f.Properties.Controller && slices.Equal(cur.f.Properties.EventIDs, f.Properties.EventIDs) {
					continue
				}
				if cur, ok := current[f.ID]; ok {
					cur.last = start - 1
					closed = append(closed, *cur)
				}
				current[f.ID] = &areaSpan{f: f, first: start}
			}
		}
		for id, cur := range current {
			if !seen[id] {
				cur.last = start - 1
				closed = append(closed, *cur)
				delete(current, id)
			}
		}
	}
	for _, id := range sortedKeys(current) {
		o := *current[id]
		o.open = true
		closed = append(closed, o)
	}
	return closed, nil
}

func areaFeatures(hs *Histories, v *service.View, lang geo.Lang) ([]ogc.Feature, error) {
	spans, err := areaSpans(hs, v, lang)
	if errors.Is(err, ErrPlacesDoNotFit) {
		return nil, nil // as placeFeatures
	}
	if err != nil {
		return nil, err
	}
	var out []ogc.Feature
	for _, o := range spans {
		p := areaOGCProps{areaProps: o.f.Properties, Start: o.first.String()}
		if !o.open {
			end := (o.last + 1).String()
			p.End = &end
		}
		props, err := json.Marshal(p)
		if err != nil {
			return nil, err
		}
		g, err := geojson.UnmarshalGeometry(o.f.Geometry)
		if err != nil {
			return nil, fmt.Errorf("area %s: %w", o.f.ID, err)
		}
		out = append(out, ogc.Feature{ID: o.f.ID + "-" + o.first.String(), Properties: props, Geometry: g.Geometry(),
			GeometryJSON: o.f.Geometry, First: o.first, Last: o.last, Open: o.open})
	}
	return out, nil
}

// AreaSpan is one holder's approximate piece of a split district over the
// days it did not change: from Start to End (exclusive), or on from Start
// while Open.
type AreaSpan struct {
	Region     string
	Controller geo.Controller
	Method     string
	Geometry   orb.Geometry
	Start, End geo.Day
	Open       bool
}

// AreaSpans are the spans of every approximate control area of v, the
// same pieces the control-areas collection serves; the tiles package
// makes its areas layer from them.
func (hs *Histories) AreaSpans(v *service.View) ([]AreaSpan, error) {
	spans, err := areaSpans(hs, v, geo.LangEN)
	if err != nil {
		return nil, err
	}
	out := make([]AreaSpan, 0, len(spans))
	for _, o := range spans {
		g, err := geojson.UnmarshalGeometry(o.f.Geometry)
		if err != nil {
			return nil, fmt.Errorf("area %s: %w", o.f.ID, err)
		}
		a := AreaSpan{Region: o.f.Properties.Region, Controller: o.f.Properties.Controller, Method: o.f.Properties.Method,
			Geometry: g.Geometry(), Start: o.first, Open: o.open}
		if !o.open {
			a.End = o.last + 1
		}
		out = append(out, a)
	}
	return out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TileAreas hands hs's area spans to the tiles package, which does not
// import this one: the server's tiles, the PMTiles export and the tests'
// GIS server all draw their areas layer through it.
func TileAreas(hs *Histories) tiles.AreaSource {
	return func(v *service.View) ([]tiles.Area, error) {
		spans, err := hs.AreaSpans(v)
		if err != nil {
			return nil, err
		}
		out := make([]tiles.Area, len(spans))
		for i, a := range spans {
			out[i] = tiles.Area{Region: a.Region, Controller: a.Controller, Method: a.Method, Geometry: a.Geometry,
				Start: a.Start, End: a.End, Open: a.Open}
		}
		return out, nil
	}
}
