package downloads

import (
	"math"
	"strconv"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"
)

// Bounds of the geometry options.
const (
	MaxPrecision = 8   // decimals; 8 is about a millimetre
	MaxSimplify  = 0.1 // degrees; about 11 km, wider than that erases districts
)

// Options shape the geometry of a download.
type Options struct {
	// Precision is the number of decimals kept in coordinates, 0..8;
	// -1 keeps them as stored.
	Precision int
	// Simplify is the Douglas-Peucker tolerance in degrees, 0..0.1; 0 keeps
	// every vertex.
	Simplify float64
}

// ParsePrecision parses the precision parameter: a whole number of decimals
// from 0 to MaxPrecision.
func ParsePrecision(s string) (int, error) {
	if s == "" || len(s) > 2 {
		return 0, service.BadRequest("precision %q is not a whole number of decimals from 0 to %d", s, MaxPrecision)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, service.BadRequest("precision %q is not a whole number of decimals from 0 to %d", s, MaxPrecision)
		}
	}
	n, _ := strconv.Atoi(s)
	if n > MaxPrecision {
		return 0, service.BadRequest("precision %d is above the maximum %d", n, MaxPrecision)
	}
	return n, nil
}

// ParseSimplify parses the simplify parameter: a tolerance in degrees from
// 0 to MaxSimplify.
func ParseSimplify(s string) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, service.BadRequest("simplify %q is not a number of degrees", s)
	}
	if f < 0 || f > MaxSimplify {
		return 0, service.BadRequest("simplify %v is outside 0..%v degrees", f, MaxSimplify)
	}
	return f, nil
}

// Shape returns g simplified and rounded as the options say, without
// touching g. Rings that collapse (fewer than four positions once
// simplified, rounded and freed of repeated positions) are dropped, and so
// are polygons whose outer ring collapses; nil means nothing is left, and
// the feature is written without geometry rather than with a broken one.
func (o Options) Shape(g orb.Geometry) orb.Geometry {
	if g == nil {
		return nil
	}
	g = orb.Clone(g)
	if o.Simplify > 0 {
		g = o.simplify(g)
	}
	switch g := g.(type) {
	case orb.Point:
		return o.point(g)
	case orb.Polygon:
		if p := o.polygon(g); p != nil {
			return p
		}
		return nil
	case orb.MultiPolygon:
		var out orb.MultiPolygon
		for _, p := range g {
			if p := o.polygon(p); p != nil {
				out = append(out, p)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	}
	return g
}

func (o Options) point(p orb.Point) orb.Point {
	if o.Precision < 0 {
		return p
	}
	scale := math.Pow(10, float64(o.Precision))
	return orb.Point{math.Round(p[0]*scale) / scale, math.Round(p[1]*scale) / scale}
}

func (o Options) polygon(p orb.Polygon) orb.Polygon {
	var out orb.Polygon
	for i, r := range p {
		var ring orb.Ring
		for _, pt := range r {
			pt = o.point(pt)
			if len(ring) > 0 && ring[len(ring)-1] == pt {
				continue
			}
			ring = append(ring, pt)
		}
		if len(ring) > 0 && ring[0] != ring[len(ring)-1] {
			ring = append(ring, ring[0])
		}
		if len(ring) < 4 {
			if i == 0 {
				return nil
			}
			continue
		}
		out = append(out, ring)
	}
	return out
}

// shapeValid shapes a region's boundary as one MultiPolygon and refuses
// a precision too coarse for it: when rounding loses a part or a ring, or
// breaks a boundary that simplification alone left valid, the answer is a
// 400 naming the region and the least precision that works, never a null
// or broken geometry. Simplification itself may drop parts smaller than
// its tolerance; a boundary it erases entirely is refused as well.
func (o Options) shapeValid(r *geo.Region) (orb.Geometry, error) {
	return o.shapeGeometry(r.Geometry, r.ID)
}

// shapeGeometry is shapeValid for any polygonal geometry; what names it
// in the 400.
func (o Options) shapeGeometry(orig orb.Geometry, what string) (orb.Geometry, error) {
	g := o.Shape(orig)
	if o.precisionKeeps(orig, g) {
		return geo.AsMulti(g), nil
	}
	for p := o.Precision + 1; o.Precision >= 0 && p <= MaxPrecision; p++ {
		if o2 := (Options{Precision: p, Simplify: o.Simplify}); o2.precisionKeeps(orig, o2.Shape(orig)) {
			return nil, service.BadRequest("precision %d collapses or breaks the boundary of %s; use precision %d or more", o.Precision, what, p)
		}
	}
	return nil, service.BadRequest("simplify %v erases the boundary of %s; use a smaller tolerance", o.Simplify, what)
}

// precisionKeeps reports whether shaped, the boundary orig simplified and
// rounded, is there and has lost nothing to rounding.
func (o Options) precisionKeeps(orig, shaped orb.Geometry) bool {
	if shaped == nil {
		return false
	}
	if o.Precision < 0 {
		return true
	}
	simplified := Options{Precision: -1, Simplify: o.Simplify}.Shape(orig)
	if simplified == nil {
		return false
	}
	count := func(g orb.Geometry) (parts, rings int) {
		for _, p := range geo.AsMulti(g).(orb.MultiPolygon) {
			parts, rings = parts+1, rings+len(p)
		}
		return
	}
	p1, r1 := count(simplified)
	p2, r2 := count(shaped)
	return p1 == p2 && r1 == r2 && (geo.ValidateGeometry(shaped) == nil || geo.ValidateGeometry(simplified) != nil)
}

// simplify runs Douglas-Peucker part by part; a part whose outer ring the
// tolerance would collapse (a small city, an exclave) keeps its vertices,
// so simplifying never erases a region.
func (o Options) simplify(g orb.Geometry) orb.Geometry {
	dp := simplify.DouglasPeucker(o.Simplify)
	one := func(p orb.Polygon) orb.Polygon {
		s := dp.Simplify(orb.Clone(p)).(orb.Polygon)
		if len(s) == 0 || len(s[0]) < 4 {
			return p
		}
		return s
	}
	switch g := g.(type) {
	case orb.Polygon:
		return one(g)
	case orb.MultiPolygon:
		out := make(orb.MultiPolygon, len(g))
		for i, p := range g {
			out[i] = one(p)
		}
		return out
	}
	return dp.Simplify(g)
}
