package geo

import (
	"encoding/json"
	"fmt"

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

// DecodeRegions reads a FeatureCollection of region features.
func DecodeRegions(b []byte) ([]Region, error) {
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		return nil, fmt.Errorf("%w: regions: %v", ErrInvalid, err)
	}
	out := make([]Region, 0, len(fc.Features))
	for _, f := range fc.Features {
		r, err := RegionFromFeature(f)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}
