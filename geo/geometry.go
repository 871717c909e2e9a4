package geo

import (
	"fmt"
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// ValidatePosition checks that p is a finite lon/lat in range.
func ValidatePosition(p orb.Point) error {
	lon, lat := p[0], p[1]
	if math.IsNaN(lon) || math.IsNaN(lat) || math.IsInf(lon, 0) || math.IsInf(lat, 0) {
		return fmt.Errorf("position %v is not finite", p)
	}
	if lon < -180 || lon > 180 || lat < -90 || lat > 90 {
		return fmt.Errorf("position %v is outside lon -180..180, lat -90..90", p)
	}
	return nil
}

// ValidateGeometry checks a region boundary: a Polygon or MultiPolygon whose
// rings are closed, have at least four positions, do not cross themselves,
// lie in lon/lat range and follow RFC 7946 winding (exterior rings
// counter-clockwise, holes clockwise).
func ValidateGeometry(g orb.Geometry) error {
	switch g := g.(type) {
	case orb.Polygon:
		return validatePolygon(g)
	case orb.MultiPolygon:
		if len(g) == 0 {
			return fmt.Errorf("%w: empty MultiPolygon", ErrInvalid)
		}
		for i, p := range g {
			if err := validatePolygon(p); err != nil {
				return fmt.Errorf("polygon %d: %w", i, err)
			}
		}
		return nil
	case nil:
		return fmt.Errorf("%w: no geometry", ErrInvalid)
	default:
		return fmt.Errorf("%w: geometry type %s is not Polygon or MultiPolygon", ErrInvalid, g.GeoJSONType())
	}
}

func validatePolygon(p orb.Polygon) error {
	if len(p) == 0 {
		return fmt.Errorf("%w: polygon has no rings", ErrInvalid)
	}
	for i, ring := range p {
		if err := validateRing(ring); err != nil {
			return fmt.Errorf("ring %d: %w", i, err)
		}
		exterior := i == 0
		if ccw := SignedArea(ring) > 0; ccw != exterior {
			want := "counter-clockwise"
			if !exterior {
				want = "clockwise"
			}
			return fmt.Errorf("%w: ring %d must wind %s (RFC 7946)", ErrInvalid, i, want)
		}
	}
	return nil
}

func validateRing(r orb.Ring) error {
	if len(r) < 4 {
		return fmt.Errorf("%w: ring has %d positions, needs at least 4", ErrInvalid, len(r))
	}
	for _, pt := range r {
		if err := ValidatePosition(pt); err != nil {
			return fmt.Errorf("%w: %v", ErrInvalid, err)
		}
	}
	if r[0] != r[len(r)-1] {
		return fmt.Errorf("%w: ring is not closed", ErrInvalid)
	}
	if i, j, ok := selfIntersection(r); ok {
		return fmt.Errorf("%w: ring crosses itself at segments %d and %d", ErrInvalid, i, j)
	}
	return nil
}

// SignedArea is the shoelace area of a ring in squared degrees: positive
// when the ring winds counter-clockwise.
func SignedArea(r orb.Ring) float64 {
	var a float64
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return a / 2
}

// selfIntersection finds two non-adjacent segments of a closed ring that
// touch or cross. Rings here have at most a few thousand positions, so the
// quadratic scan with a bounding-box reject is fast enough and exact.
func selfIntersection(r orb.Ring) (int, int, bool) {
	n := len(r) - 1 // segments
	// A sweep over segments ordered by their least x compares only pairs
	// whose x ranges overlap: the all-pairs loop made loading the redrawn
	// district boundaries (thousands of vertices) cost most of start-up.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	minX := func(i int) float64 { return math.Min(r[i][0], r[i+1][0]) }
	sort.Slice(order, func(p, q int) bool { return minX(order[p]) < minX(order[q]) })
	bi, bj, found := 0, 0, false
	for p, i := range order {
		a, b := r[i], r[i+1]
		maxX := math.Max(a[0], b[0])
		for _, j := range order[p+1:] {
			c, d := r[j], r[j+1]
			if math.Min(c[0], d[0]) > maxX {
				break
			}
			lo, hi := min(i, j), max(i, j)
			if hi == lo+1 || (lo == 0 && hi == n-1) {
				continue // neighbours share an endpoint by construction
			}
			if math.Max(a[1], b[1]) < math.Min(c[1], d[1]) || math.Max(c[1], d[1]) < math.Min(a[1], b[1]) {
				continue
			}
			// Report the first pair in ring order, as the all-pairs loop did.
			if segmentsTouch(a, b, c, d) && (!found || lo < bi || (lo == bi && hi < bj)) {
				bi, bj, found = lo, hi, true
			}
		}
	}
	return bi, bj, found
}

func orient(a, b, c orb.Point) float64 {
	return (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
}

func onSegment(a, b, p orb.Point) bool {
	return math.Min(a[0], b[0]) <= p[0] && p[0] <= math.Max(a[0], b[0]) &&
		math.Min(a[1], b[1]) <= p[1] && p[1] <= math.Max(a[1], b[1])
}

func segmentsTouch(a, b, c, d orb.Point) bool {
	o1, o2 := orient(a, b, c), orient(a, b, d)
	o3, o4 := orient(c, d, a), orient(c, d, b)
	if ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)) {
		return true
	}
	return (o1 == 0 && onSegment(a, b, c)) || (o2 == 0 && onSegment(a, b, d)) ||
		(o3 == 0 && onSegment(c, d, a)) || (o4 == 0 && onSegment(c, d, b))
}
