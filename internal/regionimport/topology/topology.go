// Package topology does the region importer's geometry work with GEOS
// (github.com/twpayne/go-geos, the engine behind PostGIS and QGIS):
// validity by the OGC simple-features rules, redrawing the lines between
// neighbouring units from a second source inside a fixed outline,
// removing slivers against a neighbour, and ellipsoidal areas.
//
// It needs cgo and libgeos-dev, so only the importer and the tests use it;
// the server binary does not link GEOS.
package topology

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
	"github.com/twpayne/go-geos"
)

// Grid is the coordinate grid of the output, 6 decimals (about 0.1 m):
// results are snapped to it by GEOS so they stay valid after rounding.
const Grid = 1e-6

// sliverArea (square degrees, about 1 m²) is the overlap or gap two
// neighbours may show from floating-point noise alone.
const sliverArea = 1e-10

// Engine holds one GEOS context; it is not safe for concurrent use.
type Engine struct {
	ctx *geos.Context
}

// New returns an engine with its own GEOS context.
func New() *Engine {
	return &Engine{ctx: geos.NewContext()}
}

// Geom converts an orb geometry to GEOS.
func (e *Engine) Geom(g orb.Geometry) (*geos.Geom, error) {
	b, err := wkb.Marshal(g)
	if err != nil {
		return nil, err
	}
	return e.ctx.NewGeomFromWKB(b)
}

// Orb converts a GEOS areal result back to an orb Polygon or MultiPolygon,
// dropping any lines or points an overlay left over.
func (e *Engine) Orb(g *geos.Geom) (orb.Geometry, error) {
	var polys []orb.Polygon
	var walk func(g *geos.Geom) error
	walk = func(g *geos.Geom) error {
		switch g.TypeID() {
		case geos.TypeIDPolygon:
			if g.IsEmpty() {
				return nil
			}
			o, err := wkb.Unmarshal(g.ToWKB())
			if err != nil {
				return err
			}
			polys = append(polys, o.(orb.Polygon))
		case geos.TypeIDMultiPolygon, geos.TypeIDGeometryCollection:
			for i := 0; i < g.NumGeometries(); i++ {
				if err := walk(g.Geometry(i)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(g); err != nil {
		return nil, err
	}
	switch len(polys) {
	case 0:
		return nil, errors.New("no area left")
	case 1:
		return polys[0], nil
	}
	return orb.MultiPolygon(polys), nil
}

// Invalid returns why g is not valid under the OGC simple-features rules
// as GEOS checks them, or "" when it is valid.
func (e *Engine) Invalid(g orb.Geometry) (string, error) {
	gg, err := e.Geom(g)
	if err != nil {
		return "", err
	}
	if gg.IsValid() {
		return "", nil
	}
	return gg.IsValidReason(), nil
}

// Clean makes g valid (GEOS MakeValid) and snaps it to the output grid.
func (e *Engine) Clean(g orb.Geometry) (orb.Geometry, error) {
	gg, err := e.Geom(g)
	if err != nil {
		return nil, err
	}
	return e.Orb(e.snap(gg.MakeValid()))
}

func (e *Engine) snap(g *geos.Geom) *geos.Geom {
	return g.SetPrecision(Grid, geos.PrecisionRuleNone)
}

// Unit is one region taking part in a redraw.
type Unit struct {
	ID string
	// Old is the unit's current boundary; the union of all units' Old
	// boundaries is the outline that stays fixed.
	Old orb.Geometry
	// New is the unit's boundary in the second source; only its part
	// inside the fixed outline is used.
	New orb.Geometry
	// Pinned areas belong to this unit whatever New says (a town the
	// district is named after, drawn apart by the first source).
	Pinned []orb.Geometry
	// With, when set, limits what New redraws to the unit's lines with
	// these units of the group: its lines with the other units stay as
	// Old draws them (used where the second source's line to one
	// neighbour is better than the first's but its line to another is
	// not).
	With []string
}

// Redraw redraws the lines between units from their New boundaries. The
// outline of the group is the union of their Old boundaries, grown by
// what the New boundaries hold outside every fixed neighbour (for example
// a river line the second source draws further out along a border with a
// country the data does not carry); no fixed neighbour loses or gains
// anything, so each still shares its edges exactly with the group.
// Area inside the outline that no New boundary covers goes to the unit
// that shares the longest border with it; pinned areas go to their unit.
// It returns the new boundaries by unit id, valid and on the output grid.
func (e *Engine) Redraw(units []Unit, fixed []orb.Geometry) (map[string]orb.Geometry, error) {
	if len(units) == 0 {
		return nil, nil
	}
	var olds []*geos.Geom
	for _, u := range units {
		g, err := e.Geom(u.Old)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", u.ID, err)
		}
		olds = append(olds, e.snap(g.MakeValid()))
	}
	outline := e.snap(e.union(olds))
	var news, fixedGeoms []*geos.Geom
	for _, u := range units {
		g, err := e.Geom(u.New)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", u.ID, err)
		}
		// MakeValid may leave a line beside the area where the second
		// source's ring doubles back on itself (a spike); overlays need
		// areas only.
		ng, err := e.polygonal(e.snap(g.MakeValid()))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", u.ID, err)
		}
		news = append(news, ng)
	}
	if err := e.limitToNeighbours(units, olds, news); err != nil {
		return nil, err
	}
	beyond := e.union(news)
	// Only the fixed neighbours the new boundaries reach take part, so the
	// result depends on the group's surroundings and not on units far
	// away (which keeps an import of a subset byte-identical).
	for _, f := range fixed {
		g, err := e.Geom(f)
		if err != nil {
			return nil, err
		}
		if g = e.snap(g.MakeValid()); g.Intersects(beyond) {
			fixedGeoms = append(fixedGeoms, g)
		}
	}
	if len(fixedGeoms) > 0 {
		beyond = beyond.DifferencePrec(e.union(fixedGeoms), Grid)
	}
	outline = e.snap(outline.UnionPrec(beyond, Grid))

	geoms := make([]*geos.Geom, len(units))
	taken := e.ctx.NewEmptyPolygon()
	for i, g := range news {
		// Clip to the outline; a second source's own overlaps go to the
		// unit listed first.
		// Where it only touches the outline the intersection holds a
		// line or a point as well: keep the areas.
		in, err := e.polygonal(e.snap(g.IntersectionPrec(outline, Grid)))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", units[i].ID, err)
		}
		if g, err = e.polygonal(e.snap(in.DifferencePrec(taken, Grid))); err != nil {
			return nil, fmt.Errorf("%s: %w", units[i].ID, err)
		}
		geoms[i] = g
		taken = e.snap(taken.UnionPrec(g, Grid))
	}
	// Pinned areas: to their unit, out of every other.
	for i, u := range units {
		for _, p := range u.Pinned {
			pg, err := e.Geom(p)
			if err != nil {
				return nil, fmt.Errorf("%s: pinned: %w", u.ID, err)
			}
			pg = e.snap(pg.MakeValid().IntersectionPrec(outline, Grid))
			for j := range geoms {
				if j == i {
					geoms[j] = e.snap(geoms[j].UnionPrec(pg, Grid))
				} else {
					geoms[j] = e.snap(geoms[j].DifferencePrec(pg, Grid))
				}
			}
			taken = e.snap(taken.UnionPrec(pg, Grid))
		}
	}
	// What the second source leaves uncovered inside the outline.
	left := e.snap(outline.DifferencePrec(taken, Grid))
	for k := 0; k < left.NumGeometries(); k++ {
		piece := left.Geometry(k)
		if piece.TypeID() != geos.TypeIDPolygon || piece.IsEmpty() {
			continue
		}
		best := e.neighbour(piece, geoms, olds)
		u, err := e.polygonal(e.snap(geoms[best].UnionPrec(piece, Grid)))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", units[best].ID, err)
		}
		geoms[best] = u
	}
	out := map[string]orb.Geometry{}
	for i, u := range units {
		g, err := e.Orb(e.snap(geoms[i].MakeValid()))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", u.ID, err)
		}
		out[u.ID] = g
	}
	return out, nil
}

// limitToNeighbours rewrites the New boundary of each unit with With
// set: it takes the second source's boundary only where that lies in the
// Old area of a unit in With or outside every unit of the group, keeps its
// own Old area except what the second source gives to a unit in With; the
// other units' New boundaries take back what the second source gave it
// inside their Old areas and give up what it now holds.
func (e *Engine) limitToNeighbours(units []Unit, olds, news []*geos.Geom) error {
	index := map[string]int{}
	for i, u := range units {
		index[u.ID] = i
	}
	for i, u := range units {
		if len(u.With) == 0 {
			continue
		}
		with := map[int]bool{i: true}
		for _, id := range u.With {
			j, ok := index[id]
			if !ok {
				return fmt.Errorf("%s: redraw with %q, which is not redrawn", u.ID, id)
			}
			with[j] = true
		}
		var others, given []*geos.Geom
		for j := range units {
			if !with[j] {
				others = append(others, olds[j])
			} else if j != i {
				g, err := e.areas(news[j].IntersectionPrec(olds[i], Grid))
				if err != nil {
					return fmt.Errorf("%s: %w", units[j].ID, err)
				}
				given = append(given, g)
			}
		}
		g := news[i]
		var err error
		if len(others) > 0 {
			if g, err = e.areas(g.DifferencePrec(e.union(others), Grid)); err != nil {
				return fmt.Errorf("%s: %w", u.ID, err)
			}
		}
		if g, err = e.areas(g.UnionPrec(olds[i], Grid)); err != nil {
			return fmt.Errorf("%s: %w", u.ID, err)
		}
		if len(given) > 0 {
			if g, err = e.areas(g.DifferencePrec(e.union(given), Grid)); err != nil {
				return fmt.Errorf("%s: %w", u.ID, err)
			}
		}
		orig := news[i]
		news[i] = g
		for j := range units {
			if with[j] {
				continue
			}
			// What the second source gives this unit inside the other's
			// Old area stays the other's.
			back, err := e.areas(orig.IntersectionPrec(olds[j], Grid))
			if err != nil {
				return fmt.Errorf("%s: %w", units[j].ID, err)
			}
			o, err := e.areas(news[j].UnionPrec(back, Grid))
			if err != nil {
				return fmt.Errorf("%s: %w", units[j].ID, err)
			}
			if news[j], err = e.areas(o.DifferencePrec(g, Grid)); err != nil {
				return fmt.Errorf("%s: %w", units[j].ID, err)
			}
		}
	}
	return nil
}

// areas snaps an overlay's result to the grid and keeps its areas (an
// overlay of two areas that touch along a line returns the line too).
func (e *Engine) areas(g *geos.Geom) (*geos.Geom, error) {
	if g == nil {
		return nil, fmt.Errorf("GEOS overlay failed")
	}
	return e.polygonal(e.snap(g))
}

// union returns the union of gs on the grid. GEOS collections take
// ownership of their members, so the members are cloned: the callers keep
// using gs.
func (e *Engine) union(gs []*geos.Geom) *geos.Geom {
	clones := make([]*geos.Geom, len(gs))
	for i, g := range gs {
		clones[i] = g.Clone()
	}
	return e.ctx.NewCollection(geos.TypeIDGeometryCollection, clones).UnaryUnionPrec(Grid)
}

// polygonal drops what an overlay left besides areas (a line, a point)
// so the result is a Polygon or MultiPolygon again.
func (e *Engine) polygonal(g *geos.Geom) (*geos.Geom, error) {
	if t := g.TypeID(); t == geos.TypeIDPolygon || t == geos.TypeIDMultiPolygon {
		return g, nil
	}
	o, err := e.Orb(g)
	if err != nil {
		return nil, err
	}
	return e.Geom(o)
}

// neighbour picks the unit sharing the longest border with piece; with no
// shared border, the unit whose old boundary held most of it.
func (e *Engine) neighbour(piece *geos.Geom, geoms, olds []*geos.Geom) int {
	best, bestLen := -1, 0.0
	edge := piece.Boundary()
	for i, g := range geoms {
		if g.IsEmpty() {
			continue
		}
		if t := g.TypeID(); t != geos.TypeIDPolygon && t != geos.TypeIDMultiPolygon {
			p, err := e.polygonal(g)
			if err != nil {
				continue
			}
			g = p
		}
		if l := edge.Intersection(g.Boundary().Buffer(Grid, 2)).Length(); l > bestLen {
			best, bestLen = i, l
		}
	}
	if best >= 0 {
		return best
	}
	bestArea := -1.0
	for i, g := range olds {
		if a := piece.Intersection(g).Area(); a > bestArea {
			best, bestArea = i, a
		}
	}
	return best
}

// Subtract returns g without cut (for example a district without the part
// that overlaps a neighbouring country's outline), valid and on the grid,
// and the area removed in km².
func (e *Engine) Subtract(g, cut orb.Geometry) (orb.Geometry, float64, error) {
	gg, err := e.Geom(g)
	if err != nil {
		return nil, 0, err
	}
	cg, err := e.Geom(cut)
	if err != nil {
		return nil, 0, err
	}
	gg, cg = e.snap(gg.MakeValid()), e.snap(cg.MakeValid())
	if !gg.Intersects(cg) {
		return g, 0, nil
	}
	over, err := e.Orb(gg.Intersection(cg))
	if err != nil { // touching only: nothing to remove
		return g, 0, nil
	}
	res, err := e.Orb(e.snap(gg.DifferencePrec(cg, Grid)))
	if err != nil {
		return nil, 0, err
	}
	return res, Area(over), nil
}

// Width is the mean width in degrees of a thin area, area over half its
// perimeter: a sliver from snapping to the grid is at most Grid wide.
func Width(g orb.Geometry) float64 {
	var polys []orb.Polygon
	switch g := g.(type) {
	case orb.Polygon:
		polys = []orb.Polygon{g}
	case orb.MultiPolygon:
		polys = g
	}
	area, perim := 0.0, 0.0
	for _, p := range polys {
		for i, r := range p {
			a := 0.0
			for k := 0; k+1 < len(r); k++ {
				a += r[k][0]*r[k+1][1] - r[k+1][0]*r[k][1]
				perim += math.Hypot(r[k+1][0]-r[k][0], r[k+1][1]-r[k][1])
			}
			if i == 0 {
				area += math.Abs(a) / 2
			} else {
				area -= math.Abs(a) / 2
			}
		}
	}
	if perim == 0 {
		return 0
	}
	return area / (perim / 2)
}

// OverlapShape returns what a and b have in common, or nil.
func (e *Engine) OverlapShape(a, b orb.Geometry) (orb.Geometry, error) {
	ag, err := e.Geom(a)
	if err != nil {
		return nil, err
	}
	bg, err := e.Geom(b)
	if err != nil {
		return nil, err
	}
	if !ag.Intersects(bg) {
		return nil, nil
	}
	o, err := e.Orb(ag.Intersection(bg))
	if err != nil { // touching only
		return nil, nil
	}
	return o, nil
}

// Overlap returns the area in km² that a and b have in common.
func (e *Engine) Overlap(a, b orb.Geometry) (float64, error) {
	ag, err := e.Geom(a)
	if err != nil {
		return 0, err
	}
	bg, err := e.Geom(b)
	if err != nil {
		return 0, err
	}
	if !ag.Intersects(bg) {
		return 0, nil
	}
	if ag.Intersection(bg).Area() < sliverArea {
		return 0, nil
	}
	o, err := e.Orb(ag.Intersection(bg))
	if err != nil {
		return 0, nil
	}
	return Area(o), nil
}

// Holes returns the interior rings of the union of gs, each as a polygon,
// largest first: gaps between neighbours show up here.
func (e *Engine) Holes(gs []orb.Geometry) ([]orb.Polygon, error) {
	var all []*geos.Geom
	for _, g := range gs {
		gg, err := e.Geom(g)
		if err != nil {
			return nil, err
		}
		all = append(all, gg)
	}
	u, err := e.Orb(e.union(all))
	if err != nil {
		return nil, err
	}
	holes := holesOf(u)
	sort.Slice(holes, func(i, j int) bool { return Area(holes[i]) > Area(holes[j]) })
	return holes, nil
}

// Contains reports whether g holds p in its interior or on its boundary.
func (e *Engine) Contains(g orb.Geometry, p orb.Point) (bool, error) {
	gg, err := e.Geom(g)
	if err != nil {
		return false, err
	}
	pg, err := e.Geom(p)
	if err != nil {
		return false, err
	}
	return gg.Covers(pg), nil
}

// WGS 84 ellipsoid.
const (
	semiMajor  = 6378137.0
	flattening = 1 / 298.257223563
)

// Area returns the area of a polygon or multipolygon on the WGS 84
// ellipsoid in km². Rings are projected with Lambert's cylindrical
// equal-area projection on the ellipsoid (y from the authalic latitude
// function q), which keeps areas exact, and measured with the shoelace
// formula; edges are straight in that projection, a difference of far
// less than a square kilometre at district scale.
func Area(g orb.Geometry) float64 {
	var polys []orb.Polygon
	switch g := g.(type) {
	case orb.Polygon:
		polys = []orb.Polygon{g}
	case orb.MultiPolygon:
		polys = g
	}
	total := 0.0
	for _, p := range polys {
		for i, r := range p {
			a := math.Abs(ringArea(r))
			if i == 0 {
				total += a
			} else {
				total -= a
			}
		}
	}
	return total / 1e6
}

func ringArea(r orb.Ring) float64 {
	s := 0.0
	for i := 0; i+1 < len(r); i++ {
		x1, y1 := project(r[i])
		x2, y2 := project(r[i+1])
		s += x1*y2 - x2*y1
	}
	return s / 2
}

func project(p orb.Point) (x, y float64) {
	e2 := flattening * (2 - flattening)
	e := math.Sqrt(e2)
	sin := math.Sin(p[1] * math.Pi / 180)
	q := (1 - e2) * (sin/(1-e2*sin*sin) - math.Log((1-e*sin)/(1+e*sin))/(2*e))
	return semiMajor * p[0] * math.Pi / 180, semiMajor * q / 2
}

// AbsorbSlivers fills the thin gaps (holes no wider than maxWidth degrees
// on average) between units and fixed neighbours: each gap goes to the
// unit that shares the longest border with it, so units and fixed end up
// sharing their edges. Gaps are found around each unit in turn, among the
// unit and what touches it, so the result does not depend on units far
// away. It returns the units' new boundaries by id and the km² each gained.
func (e *Engine) AbsorbSlivers(units map[string]orb.Geometry, fixed []orb.Geometry, maxWidth float64) (map[string]orb.Geometry, map[string]float64, error) {
	ids := make([]string, 0, len(units))
	for id := range units {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	geoms := make([]*geos.Geom, len(ids))
	for i, id := range ids {
		g, err := e.Geom(units[id])
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", id, err)
		}
		geoms[i] = g
	}
	var fixedGeoms []*geos.Geom
	for _, f := range fixed {
		g, err := e.Geom(f)
		if err != nil {
			return nil, nil, err
		}
		fixedGeoms = append(fixedGeoms, g)
	}
	const near = 1e-4
	gained := map[string]float64{}
	for i := range ids {
		local := []*geos.Geom{geoms[i]}
		var idx []int
		for j := range geoms {
			if j == i || geoms[j].DistanceWithin(geoms[i], near) {
				idx = append(idx, j)
				if j != i {
					local = append(local, geoms[j])
				}
			}
		}
		for _, f := range fixedGeoms {
			if f.DistanceWithin(geoms[i], near) {
				local = append(local, f)
			}
		}
		u, err := e.Orb(e.union(local))
		if err != nil {
			return nil, nil, err
		}
		for _, h := range holesOf(u) {
			if Width(h) > maxWidth {
				continue
			}
			hg, err := e.Geom(h)
			if err != nil {
				return nil, nil, err
			}
			if !hg.DistanceWithin(geoms[i], Grid) {
				continue
			}
			cands := make([]*geos.Geom, len(idx))
			for k, j := range idx {
				cands[k] = geoms[j]
			}
			best := idx[e.neighbour(hg, cands, cands)]
			g, err := e.polygonal(e.snap(geoms[best].UnionPrec(hg, Grid)))
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", ids[best], err)
			}
			geoms[best] = g
			gained[ids[best]] += Area(h)
		}
	}
	out := map[string]orb.Geometry{}
	for i, id := range ids {
		if gained[id] == 0 {
			out[id] = units[id]
			continue
		}
		g, err := e.Orb(geoms[i])
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", id, err)
		}
		out[id] = g
	}
	return out, gained, nil
}

func holesOf(g orb.Geometry) []orb.Polygon {
	var polys []orb.Polygon
	switch g := g.(type) {
	case orb.Polygon:
		polys = []orb.Polygon{g}
	case orb.MultiPolygon:
		polys = g
	}
	var holes []orb.Polygon
	for _, p := range polys {
		for _, r := range p[1:] {
			holes = append(holes, orb.Polygon{r})
		}
	}
	return holes
}

// Anchor moves the line of unit id so that it holds p, a sourced position
// of a place the unit is documented to hold. The area added is the part of
// the band of width d+margin along the unit's edge (d: p's distance from
// the unit, in degrees) that lies within 1.5(d+margin) of p: the smallest
// local change that puts p inside with the margin, following the shape of
// the existing line. It is taken only from the unit that holds p, if any,
// and from land no unit holds (a border river a generalised outline cuts
// off); every other unit, and the fixed areas (a neighbouring country),
// keep what they have. It returns the changed geometries by id, valid and
// on the grid, and the km² moved from each (key "" for land no unit held).
func (e *Engine) Anchor(units map[string]orb.Geometry, fixed []orb.Geometry, id string, p orb.Point, margin float64) (map[string]orb.Geometry, map[string]float64, error) {
	geoms := map[string]*geos.Geom{}
	ids := make([]string, 0, len(units))
	for uid, g := range units {
		gg, err := e.Geom(g)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", uid, err)
		}
		geoms[uid] = e.snap(gg.MakeValid())
		ids = append(ids, uid)
	}
	sort.Strings(ids)
	own := geoms[id]
	if own == nil {
		return nil, nil, fmt.Errorf("no unit %q", id)
	}
	pt := e.ctx.NewPointFromXY(p[0], p[1])
	d := own.Distance(pt)
	if d == 0 {
		return map[string]orb.Geometry{}, map[string]float64{}, nil
	}
	depth := d + margin
	band := own.Buffer(depth, 16).Intersection(pt.Buffer(1.5*depth, 32)).Difference(own)
	holder := ""
	for _, uid := range ids {
		if uid != id && geoms[uid].Covers(pt) {
			holder = uid
		}
	}
	for _, uid := range ids {
		if uid != id && uid != holder {
			band = band.Difference(geoms[uid])
		}
	}
	for _, f := range fixed {
		fg, err := e.Geom(f)
		if err != nil {
			return nil, nil, err
		}
		band = band.Difference(e.snap(fg.MakeValid()))
	}
	band, err := e.polygonal(e.snap(band))
	if err != nil {
		return nil, nil, err
	}
	out := map[string]orb.Geometry{}
	moved := map[string]float64{}
	grown := e.snap(own.UnionPrec(band, Grid))
	if !grown.Covers(pt) {
		return nil, nil, fmt.Errorf("%s: the point %v is still outside after the correction", id, p)
	}
	total, err := e.Orb(band)
	if err != nil {
		return nil, nil, err
	}
	if out[id], err = e.Orb(grown); err != nil {
		return nil, nil, err
	}
	taken := 0.0
	if holder != "" {
		h := geoms[holder]
		over, err := e.Orb(h.Intersection(band))
		if err == nil {
			taken = Area(over)
		}
		if out[holder], err = e.Orb(e.snap(h.DifferencePrec(band, Grid))); err != nil {
			return nil, nil, err
		}
		moved[holder] = taken
	}
	if rest := Area(total) - taken; rest > 0.005 {
		moved[""] = rest
	}
	return out, moved, nil
}
