package areas

import (
	"github.com/twpayne/go-geos"

	"github.com/mapsvc/mapsvc/geo"
)

// Line is the approximate line between the two holders' pieces of one
// split district: where their pieces meet (the shared part of their
// boundaries), so it follows the Voronoi edges between places of the two
// sides, not a surveyed front.
type Line struct {
	Region   string
	GeoJSON  string
	EventIDs []string
}

// Lines returns the approximate lines between holders on day d, one per
// district where both holders have located places. The lines of 12 May
// 1994 and 10 Nov 2020 are these lines on those days.
func Lines(ph *geo.PlaceHistory, d geo.Day) ([]Line, error) {
	ds, err := Compute(ph, d)
	if err != nil {
		return nil, err
	}
	ctx := geos.NewContext()
	var out []Line
	for _, dist := range ds {
		if len(dist.Areas) != 2 {
			continue
		}
		a, err := ctx.NewGeomFromGeoJSON(dist.Areas[0].GeoJSON)
		if err != nil {
			return nil, err
		}
		b, err := ctx.NewGeomFromGeoJSON(dist.Areas[1].GeoJSON)
		if err != nil {
			return nil, err
		}
		shared := a.Boundary().Intersection(b.Boundary())
		if shared.IsEmpty() {
			continue
		}
		out = append(out, Line{Region: dist.Region, GeoJSON: shared.ToGeoJSON(0),
			EventIDs: merge(dist.Areas[0].EventIDs, dist.Areas[1].EventIDs)})
	}
	return out, nil
}
