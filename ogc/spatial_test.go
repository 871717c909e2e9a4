package ogc

import (
	"testing"

	"github.com/paulmach/orb"
)

func TestIntersectsIsExact(t *testing.T) {
	// A U open to the north: x 0..3, y 0..3, with the notch x 1..2, y 1..3.
	u := orb.Polygon{{{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}}}
	// A square with a square hole.
	holed := orb.Polygon{{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}, {{1, 1}, {1, 3}, {3, 3}, {3, 1}, {1, 1}}}
	box := func(x0, y0, x1, y1 float64) orb.Bound {
		return orb.Bound{Min: orb.Point{x0, y0}, Max: orb.Point{x1, y1}}
	}
	tests := []struct {
		name string
		g    orb.Geometry
		b    orb.Bound
		want bool
	}{
		{"a box in the notch of a U", u, box(1.2, 1.5, 1.8, 2.5), false},
		{"a box over one arm", u, box(0.5, 2, 1.5, 2.5), true},
		{"a box inside the polygon with no vertex in it", u, box(0.2, 0.2, 0.4, 0.4), true},
		{"a thin box across the U with no vertex in it", u, box(-1, 0.5, 4, 0.6), true},
		{"a box touching an edge", u, box(3, 1, 4, 2), true},
		{"a box beside the polygon", u, box(3.1, 0, 4, 1), false},
		{"a box in a hole", holed, box(1.5, 1.5, 2.5, 2.5), false},
		{"a box over a hole's edge", holed, box(0.5, 1.5, 1.5, 2.5), true},
		{"a point inside a box", orb.Point{1, 1}, box(0, 0, 2, 2), true},
		{"a point outside a box", orb.Point{3, 1}, box(0, 0, 2, 2), false},
		{"a multipolygon with one part in the box", orb.MultiPolygon{u, {{{10, 10}, {11, 10}, {11, 11}, {10, 11}, {10, 10}}}}, box(9, 9, 12, 12), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := intersects(tt.g, tt.g.Bound(), tt.b); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
