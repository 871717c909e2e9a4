package ogc

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// intersects reports whether geometry g (with bound gb) shares at least one
// point with box b: exactly, not just by bounding boxes, so a box in the
// notch of a concave district or inside a hole does not match it.
func intersects(g orb.Geometry, gb orb.Bound, b orb.Bound) bool {
	if !gb.Intersects(b) {
		return false
	}
	switch g := g.(type) {
	case orb.Point:
		return b.Contains(g)
	case orb.Polygon:
		return polygonIntersects(g, b)
	case orb.MultiPolygon:
		for _, p := range g {
			if polygonIntersects(p, b) {
				return true
			}
		}
	}
	return false
}

func polygonIntersects(p orb.Polygon, b orb.Bound) bool {
	if len(p) == 0 {
		return false
	}
	// The box lies (at least partly) inside the polygon.
	if planar.PolygonContains(p, b.Min) {
		return true
	}
	corners := [4]orb.Point{b.Min, {b.Max[0], b.Min[1]}, b.Max, {b.Min[0], b.Max[1]}}
	for _, ring := range p {
		for i, pt := range ring {
			// A vertex inside the box.
			if b.Contains(pt) {
				return true
			}
			if i == 0 {
				continue
			}
			// An edge crossing a side of the box.
			for k := 0; k < 4; k++ {
				if segmentsMeet(ring[i-1], pt, corners[k], corners[(k+1)%4]) {
					return true
				}
			}
		}
	}
	return false
}

func cross(a, b, c orb.Point) float64 {
	return (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
}

func within(a, b, p orb.Point) bool {
	return min(a[0], b[0]) <= p[0] && p[0] <= max(a[0], b[0]) &&
		min(a[1], b[1]) <= p[1] && p[1] <= max(a[1], b[1])
}

// segmentsMeet reports whether segments ab and cd share a point.
func segmentsMeet(a, b, c, d orb.Point) bool {
	d1, d2 := cross(c, d, a), cross(c, d, b)
	d3, d4 := cross(a, b, c), cross(a, b, d)
	if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
		return true
	}
	return (d1 == 0 && within(c, d, a)) || (d2 == 0 && within(c, d, b)) ||
		(d3 == 0 && within(a, b, c)) || (d4 == 0 && within(a, b, d))
}
