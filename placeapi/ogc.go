package placeapi

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/paulmach/orb/geojson"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/ogc"
	"github.com/mapsvc/mapsvc/service"
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

// areaFeatures walks every epoch and merges a district holder's piece
// across consecutive epochs in which it does not change.
func areaFeatures(hs *Histories, v *service.View, lang geo.Lang) ([]ogc.Feature, error) {
	ph, err := hs.For(v)
	if err != nil {
		return nil, err
	}
	days := ph.ChangeDays()
	type open struct {
		f     areaFeature
		first geo.Day
		last  geo.Day // the last day it holds; only meaningful once closed
	}
	var closed []open
	current := map[string]*open{} // region-controller → running piece
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
				current[f.ID] = &open{f: f, first: start}
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
	var out []ogc.Feature
	emit := func(o open, isOpen bool) error {
		p := areaOGCProps{areaProps: o.f.Properties, Start: o.first.String()}
		if !isOpen {
			end := (o.last + 1).String()
			p.End = &end
		}
		props, err := json.Marshal(p)
		if err != nil {
			return err
		}
		g, err := geojson.UnmarshalGeometry(o.f.Geometry)
		if err != nil {
			return fmt.Errorf("area %s: %w", o.f.ID, err)
		}
		out = append(out, ogc.Feature{ID: o.f.ID + "-" + o.first.String(), Properties: props, Geometry: g.Geometry(),
			GeometryJSON: o.f.Geometry, First: o.first, Last: o.last, Open: isOpen})
		return nil
	}
	for _, o := range closed {
		if err := emit(o, false); err != nil {
			return nil, err
		}
	}
	for _, id := range sortedKeys(current) {
		if err := emit(*current[id], true); err != nil {
			return nil, err
		}
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
