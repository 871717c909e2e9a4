package topology

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

func box(x0, y0, x1, y1 float64) orb.Polygon {
	return orb.Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}
}

func TestAreaOnTheEllipsoid(t *testing.T) {
	// Reference values by numerical integration of the WGS 84 area element
	// M(φ)·N(φ)·cos φ dφ dλ (20,000 steps), independent of the authalic
	// formula Area uses.
	tests := []struct {
		name string
		g    orb.Geometry
		want float64
	}{
		{"cell at the equator", box(0, 0, 1, 1), 12308.46},
		{"cell at 40 north", box(46, 40, 47, 41), 9412.85},
		{"two cells", orb.MultiPolygon{box(0, 0, 1, 1), box(2, 0, 3, 1)}, 2 * 12308.46},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Area(tt.g); math.Abs(got-tt.want) > 0.05 {
				t.Errorf("got %.1f km², want %.1f", got, tt.want)
			}
		})
	}
}

func TestInvalidNamesTheFault(t *testing.T) {
	e := New()
	bowtie := orb.Polygon{{{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}}}
	why, err := e.Invalid(bowtie)
	if err != nil || why == "" {
		t.Fatalf("bow-tie: got %q, %v; want a self-intersection", why, err)
	}
	// Two squares sharing an edge are an invalid MultiPolygon (the fault
	// Shusha and its town had); Clean merges them into one polygon.
	touching := orb.MultiPolygon{box(0, 0, 1, 1), box(1, 0, 2, 1)}
	if why, _ := e.Invalid(touching); why == "" {
		t.Fatal("edge-sharing multipolygon reported valid")
	}
	c, err := e.Clean(touching)
	if err != nil {
		t.Fatal(err)
	}
	if why, _ := e.Invalid(c); why != "" {
		t.Errorf("cleaned geometry still invalid: %s", why)
	}
}

// Two units side by side whose line moves: the outline stays, the line
// follows the second source, a pinned square stays with its unit, and
// what the second source leaves uncovered goes to a neighbour.
func TestRedrawMovesTheLineInsideTheOutline(t *testing.T) {
	e := New()
	units := []Unit{
		{ID: "west", Old: box(0, 0, 1, 1), New: box(0, 0, 0.6, 1), Pinned: []orb.Geometry{box(0.7, 0.4, 0.8, 0.5)}},
		{ID: "east", Old: box(1, 0, 2, 1), New: box(0.6, 0, 1.9, 1)},
	}
	got, err := e.Redraw(units, []orb.Geometry{box(2, 0, 3, 1)})
	if err != nil {
		t.Fatal(err)
	}
	w, east := Area(got["west"]), Area(got["east"])
	cell := Area(box(0, 0, 0.1, 0.1))
	// west: 0.6 of the cell plus the pinned 0.01; east: the rest,
	// including the strip 1.9-2.0 no New boundary covers.
	if math.Abs(w-(0.6*100+1)*cell) > 0.01*cell || math.Abs(east-(1.4*100-1)*cell) > 0.01*cell {
		t.Errorf("areas west %.1f east %.1f km²; want %.1f and %.1f", w, east, 61*cell, 139*cell)
	}
	if o, _ := e.Overlap(got["west"], got["east"]); o > 0 {
		t.Errorf("west and east overlap by %.3f km²", o)
	}
	in, _ := e.Contains(got["west"], orb.Point{0.75, 0.45})
	if !in {
		t.Error("pinned square left its unit")
	}
	holes, _ := e.Holes([]orb.Geometry{got["west"], got["east"]})
	if len(holes) != 0 {
		t.Errorf("gaps after redraw: %v", holes)
	}
}

// A unit redrawn "with" one neighbour takes the second source's line to
// that neighbour only: its line to the other neighbour stays where Old
// draws it, whatever the second source says.
func TestRedrawWithMovesOnlyTheNamedLine(t *testing.T) {
	e := New()
	units := []Unit{
		// mid's second-source boundary moves both its lines east by 0.2.
		{ID: "mid", Old: box(1, 0, 2, 1), New: box(1.2, 0, 2.2, 1), With: []string{"east"}},
		{ID: "west", Old: box(0, 0, 1, 1), New: box(0, 0, 1.2, 1)},
		{ID: "east", Old: box(2, 0, 3, 1), New: box(2.2, 0, 3, 1)},
	}
	got, err := e.Redraw(units, nil)
	if err != nil {
		t.Fatal(err)
	}
	cell := Area(box(0, 0, 0.1, 0.1))
	want := map[string]float64{"west": 100 * cell, "mid": 120 * cell, "east": 80 * cell}
	for id, w := range want {
		if a := Area(got[id]); math.Abs(a-w) > 0.01*cell {
			t.Errorf("%s: %.1f km², want %.1f", id, a, w)
		}
	}
	for _, p := range []struct {
		id string
		pt orb.Point
	}{{"west", orb.Point{0.9, 0.5}}, {"mid", orb.Point{1.1, 0.5}}, {"mid", orb.Point{2.1, 0.5}}, {"east", orb.Point{2.3, 0.5}}} {
		if in, _ := e.Contains(got[p.id], p.pt); !in {
			t.Errorf("%v is not in %s", p.pt, p.id)
		}
	}
	if _, err := e.Redraw([]Unit{{ID: "a", Old: box(0, 0, 1, 1), New: box(0, 0, 1, 1), With: []string{"nobody"}}}, nil); err == nil {
		t.Error("a With naming no unit of the group was accepted")
	}
}

func TestRedrawGrowsOnlyOutsideFixedNeighbours(t *testing.T) {
	e := New()
	units := []Unit{{ID: "a", Old: box(0, 0, 1, 1), New: box(0, -0.2, 1.2, 1)}}
	fixed := []orb.Geometry{box(1, 0, 2, 1)} // the neighbour east keeps its land
	got, err := e.Redraw(units, fixed)
	if err != nil {
		t.Fatal(err)
	}
	// Grows south (no neighbour there), including south of the
	// neighbour, but not into it.
	want := Area(box(0, -0.2, 1, 1)) + Area(box(1, -0.2, 1.2, 0))
	if a := Area(got["a"]); math.Abs(a-want) > 0.1 {
		t.Errorf("got %.1f km², want %.1f", a, want)
	}
	if o, _ := e.Overlap(got["a"], fixed[0]); o > 0 {
		t.Errorf("took %.3f km² from a fixed neighbour", o)
	}
}

func TestSubtractRemovesTheOverlap(t *testing.T) {
	e := New()
	g, km2, err := e.Subtract(box(0, 0, 1, 1), box(0.9, 0, 2, 1))
	if err != nil {
		t.Fatal(err)
	}
	if want := Area(box(0.9, 0, 1, 1)); math.Abs(km2-want) > 0.1 {
		t.Errorf("removed %.1f km², want %.1f", km2, want)
	}
	if want := Area(box(0, 0, 0.9, 1)); math.Abs(Area(g)-want) > 0.1 {
		t.Errorf("left %.1f km², want %.1f", Area(g), want)
	}
	if _, km2, _ := e.Subtract(box(0, 0, 1, 1), box(1, 0, 2, 1)); km2 != 0 {
		t.Errorf("touching neighbour: removed %.3f km², want 0", km2)
	}
}

func TestWidthOfASliver(t *testing.T) {
	if w := Width(box(0, 0, 1, 1e-6)); w > 1.01e-6 || w < 0.99e-6 {
		t.Errorf("sliver width %g, want 1e-6", w)
	}
}

// A thin gap between two units, closed above and below by a fixed
// neighbour, is absorbed; a wide one is land and stays.
func TestAbsorbSliversClosesOnlyThinGaps(t *testing.T) {
	e := New()
	fixed := []orb.Geometry{box(-1, 1, 3, 2), box(-1, -1, 3, 0)}
	for _, tt := range []struct {
		name   string
		gap    float64
		closed bool
	}{
		{"3 decimetres", 3e-6, true},
		{"a tenth of a degree", 0.1, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			units := map[string]orb.Geometry{"a": box(0, 0, 1, 1), "b": box(1+tt.gap, 0, 2, 1)}
			out, gained, err := e.AbsorbSlivers(units, fixed, 1e-4)
			if err != nil {
				t.Fatal(err)
			}
			holes, _ := e.Holes([]orb.Geometry{out["a"], out["b"], fixed[0], fixed[1]})
			if tt.closed && (len(holes) != 0 || gained["a"]+gained["b"] == 0) {
				t.Errorf("gap not closed: holes %d, gained %v", len(holes), gained)
			}
			if !tt.closed && (len(holes) != 1 || len(gained) != 0) {
				t.Errorf("land taken: holes %d, gained %v", len(holes), gained)
			}
		})
	}
}

// Anchor moves the line between two units locally so that the first
// holds the point, takes nothing from a third unit or a fixed area, and
// the two still tile what they tiled before.
func TestAnchorMovesTheLineLocally(t *testing.T) {
	e := New()
	units := map[string]orb.Geometry{
		"a": box(0, 0, 1, 1),
		"b": box(1, 0, 2, 1),
		"c": box(0, 1, 2, 2),
	}
	p := orb.Point{1.02, 0.98} // in b, 0.02 from a, 0.02 from c
	got, moved, err := e.Anchor(units, []orb.Geometry{box(0, -1, 2, 0)}, "a", p, 0.001)
	if err != nil {
		t.Fatal(err)
	}
	if in, _ := e.Contains(got["a"], p); !in {
		t.Fatalf("a does not hold %v", p)
	}
	if in, _ := e.Contains(got["b"], p); in {
		t.Errorf("b still holds %v", p)
	}
	if _, ok := got["c"]; ok {
		t.Error("c changed")
	}
	if in, _ := e.Contains(got["a"], orb.Point{1.02, 0.5}); in {
		t.Error("the change reaches far from the point")
	}
	before := Area(units["a"]) + Area(units["b"])
	after := Area(got["a"]) + Area(got["b"])
	if math.Abs(before-after) > 0.01 {
		t.Errorf("a and b cover %.2f km², %.2f before", after, before)
	}
	if o, _ := e.Overlap(got["a"], got["b"]); o > 1e-6 {
		t.Errorf("a and b overlap by %g km²", o)
	}
	if moved["b"] <= 0 || moved[""] != 0 {
		t.Errorf("moved %v, want only from b", moved)
	}
	// A point no unit holds (a river bend cut off by the outline) is
	// taken from no one, and the fixed area is left alone.
	q := orb.Point{0.5, -0.01}
	got, moved, err = e.Anchor(units, []orb.Geometry{box(0.6, -1, 2, 0)}, "a", q, 0.001)
	if err != nil {
		t.Fatal(err)
	}
	if in, _ := e.Contains(got["a"], q); !in || moved[""] <= 0 || len(got) != 1 {
		t.Errorf("outside point: holds %v, moved %v, changed %d units", in, moved, len(got))
	}
	if o, _ := e.Overlap(got["a"], box(0.6, -1, 2, 0)); o > 1e-6 {
		t.Errorf("a took %g km² of the fixed area", o)
	}
}
