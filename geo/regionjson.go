package geo

import (
	"encoding/json"
	"fmt"

	"github.com/mapsvc/mapsvc/internal/jsonguard"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// regionProps is the property set of a region feature in
// data/regions/regions.geojson and in the store.
type regionProps struct {
	ISO            string          `json:"iso_3166_2,omitempty"`
	Kind           string          `json:"kind"`
	Role           Role            `json:"role"`
	Names          map[Lang]string `json:"names"`
	Aliases        []string        `json:"aliases,omitempty"`
	EconomicRegion string          `json:"economic_region,omitempty"`
	Baseline       Controller      `json:"baseline_controller,omitempty"`
	Label          [2]float64      `json:"label"`
	Source         string          `json:"source"`
	Licence        string          `json:"licence"`
	Corrections    []string        `json:"corrections,omitempty"`
}

// RegionFeature encodes a region as a GeoJSON feature.
func RegionFeature(r *Region) *geojson.Feature {
	f := geojson.NewFeature(r.Geometry)
	f.ID = r.ID
	b, _ := json.Marshal(regionProps{
		ISO: r.ISO, Kind: r.Kind, Role: r.Role, Names: r.Names, Aliases: r.Aliases,
		EconomicRegion: r.EconomicRegion, Baseline: r.Baseline, Label: r.Label,
		Source: r.Source, Licence: r.Licence, Corrections: r.Corrections,
	})
	_ = json.Unmarshal(b, &f.Properties)
	return f
}

// RegionFromFeature decodes a region feature. It does not validate.
func RegionFromFeature(f *geojson.Feature) (Region, error) {
	id, ok := f.ID.(string)
	if !ok {
		return Region{}, fmt.Errorf("%w: region feature without a string id", ErrInvalid)
	}
	b, err := json.Marshal(f.Properties)
	if err != nil {
		return Region{}, err
	}
	var p regionProps
	if err := json.Unmarshal(b, &p); err != nil {
		return Region{}, fmt.Errorf("%w: region %q properties: %v", ErrInvalid, id, err)
	}
	return Region{
		ID: id, ISO: p.ISO, Kind: p.Kind, Role: p.Role, Names: p.Names, Aliases: p.Aliases,
		EconomicRegion: p.EconomicRegion, Baseline: p.Baseline, Label: orb.Point(p.Label),
		Geometry: f.Geometry, Source: p.Source, Licence: p.Licence, Corrections: p.Corrections,
	}, nil
}

// maxGeoJSONDepth caps nesting: a MultiPolygon feature in a collection is
// seven levels deep; decoding cost grows with depth, so check first.
const maxGeoJSONDepth = 12

// DecodeRegions reads a FeatureCollection of region features. Untrusted
// input is checked before decoding: nesting depth, keys repeated in another
// letter case, and positions of other than 2 or 3 numbers (orb would
// accept them silently).
func DecodeRegions(b []byte) ([]Region, error) {
	if err := jsonguard.Check(b, maxGeoJSONDepth); err != nil {
		return nil, fmt.Errorf("%w: regions: %v", ErrInvalid, err)
	}
	if err := checkPositions(b); err != nil {
		return nil, err
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		return nil, fmt.Errorf("%w: regions: %v", ErrInvalid, err)
	}
	out := make([]Region, 0, len(fc.Features))
	for i, f := range fc.Features {
		if f == nil {
			return nil, fmt.Errorf("%w: regions: feature %d is null", ErrInvalid, i)
		}
		r, err := RegionFromFeature(f)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// checkPositions rejects positions that are null or have other than two or
// three numbers.
func checkPositions(b []byte) error {
	var fc struct {
		Features []struct {
			ID       any `json:"id"`
			Geometry *struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		return fmt.Errorf("%w: regions: %v", ErrInvalid, err)
	}
	for _, f := range fc.Features {
		if f.Geometry == nil {
			continue
		}
		var rings [][][]float64
		switch f.Geometry.Type {
		case "Polygon":
			if err := json.Unmarshal(f.Geometry.Coordinates, &rings); err != nil {
				return fmt.Errorf("%w: region %v: %v", ErrInvalid, f.ID, err)
			}
		case "MultiPolygon":
			var polys [][][][]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &polys); err != nil {
				return fmt.Errorf("%w: region %v: %v", ErrInvalid, f.ID, err)
			}
			for _, p := range polys {
				rings = append(rings, p...)
			}
		default:
			continue // Validate names the wrong type
		}
		for _, r := range rings {
			for _, p := range r {
				if len(p) != 2 && len(p) != 3 {
					return fmt.Errorf("%w: region %v: a position has %d numbers, want 2 (lon, lat) or 3", ErrInvalid, f.ID, len(p))
				}
			}
		}
	}
	return nil
}
