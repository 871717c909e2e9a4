package areas

import (
	"fmt"

	sf "github.com/peterstace/simplefeatures/geom"

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
	return LinesOf(ds)
}

// LinesOf returns the lines between the holders of districts already
// split by Compute (callers that cache the districts of an epoch, such as
// the static map, need not compute them again).
func LinesOf(ds []District) ([]Line, error) {
	var out []Line
	for _, dist := range ds {
		if len(dist.Areas) != 2 {
			continue
		}
		a, err := sf.UnmarshalGeoJSON([]byte(dist.Areas[0].GeoJSON))
		if err != nil {
			return nil, err
		}
		b, err := sf.UnmarshalGeoJSON([]byte(dist.Areas[1].GeoJSON))
		if err != nil {
			return nil, err
		}
		shared, err := sf.Intersection(a.Boundary(), b.Boundary())
		if err != nil {
			return nil, fmt.Errorf("areas: line in %s: %w", dist.Region, err)
		}
		shared = linear(shared)
		if shared.IsEmpty() {
			continue
		}
		js, err := shared.MarshalJSON()
		if err != nil {
			return nil, err
		}
		out = append(out, Line{Region: dist.Region, GeoJSON: string(js),
			EventIDs: merge(dist.Areas[0].EventIDs, dist.Areas[1].EventIDs)})
	}
	return out, nil
}

// linear keeps the lines of g (where two boundaries meet they may also
// touch at single points) as a LineString or MultiLineString.
func linear(g sf.Geometry) sf.Geometry {
	switch g.Type() {
	case sf.TypeLineString, sf.TypeMultiLineString:
		return g
	}
	var ls []sf.LineString
	for _, part := range g.Dump() {
		if l, ok := part.AsLineString(); ok && !l.IsEmpty() {
			ls = append(ls, l)
		}
	}
	if len(ls) == 1 {
		return ls[0].AsGeometry()
	}
	return sf.NewMultiLineString(ls).AsGeometry()
}
