// Package areas derives approximate control areas inside split districts
// from the places each side held.
//
// Geometry engine: github.com/peterstace/simplefeatures (pure Go), so the
// server builds and runs without cgo or libgeos-dev. It was chosen over
// GEOS (github.com/twpayne/go-geos, cgo) because the server must build with
// plain `go run ./cmd/mapsvc` on a machine without GEOS, and over writing
// polygon overlay here because it already has the operations the method
// needs (intersection, union of many, difference, validity) on OGC simple
// features, reads WKB that orb writes and writes GeoJSON. The tests still
// use GEOS, test-only, to check validity and the tiling of every district
// and to compare every piece with a GEOS computation of the same method.
//
// Method ("voronoi-places-v1"), for a day D and every district whose state
// at the end of D has two holders (extent partial):
//
//  1. The sites are the district's places that have a sourced position and
//     a known holder on D (geo.PlaceHistory.StateAt; inside an uncertain
//     window a place counts for its earlier holder, as districts do).
//  2. Each site's Voronoi cell is the district polygon intersected with the
//     half-planes closer to it than to every other site, distances taken
//     in a local equirectangular projection (longitude scaled by the cosine
//     of the district's mean latitude). Sites at the same position count
//     once. The half-planes are intersected first, as a convex polygon
//     clipped edge by edge (plain arithmetic, no overlay), and are snapped
//     to a 1e-9 degree grid so that neighbouring cells share their
//     vertices exactly; the district clip follows in step 3.
//  3. The cells are merged per holder with a union. The first holder
//     (the district's majority holder where both have places) gets the
//     union of its cells intersected with the district; the other holder gets
//     the district minus that piece, so the pieces tile the district
//     exactly: their union is the district and they do not overlap.
//  4. No outline points are added: where a split district has places of
//     only one holder, or none located, that district is one piece of the
//     holder its places have (or, with no places, its majority holder) and
//     its computed share (1) stands beside the ledger's share as the sign
//     that the evidence does not show the split.
//
// The result follows the evidence only: a line between two places is the
// perpendicular bisector of the segment between them, not a front line.
// Every area is marked approximate.
package areas

import (
	"fmt"
	"math"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
	sf "github.com/peterstace/simplefeatures/geom"

	"github.com/mapsvc/mapsvc/geo"
)

// Method names the derivation in every answer.
const Method = "voronoi-places-v1"

// Area is one holder's approximate piece of a split district.
type Area struct {
	Region     string
	Controller geo.Controller
	// GeoJSON is the piece's geometry (Polygon or MultiPolygon).
	GeoJSON string
	// PlaceIDs are the sites whose cells make up the piece; EventIDs the
	// events behind their states and the district's state.
	PlaceIDs []string
	EventIDs []string
	// Share is the piece's part of the district's area (planar, in the
	// local projection).
	Share float64
	// LedgerShare is the ledger's share for this holder, nil where no
	// source gives one.
	LedgerShare *float64
}

// District is the split of one district on one day.
type District struct {
	Region string
	State  geo.State
	Areas  []Area
	// Evidence says whether both holders have located places here
	// ("both"), only one ("one_side") or none ("none").
	Evidence string
}

// Compute returns the split districts on day d with their areas, in the
// history's region order.
func Compute(ph *geo.PlaceHistory, d geo.Day) ([]District, error) {
	h := ph.Districts()
	var out []District
	for _, r := range h.Regions() {
		if r.Role != geo.RoleConflict {
			continue
		}
		st := h.StateAt(r, d)
		if st.Extent != geo.ExtentPartial || len(st.Holders) < 2 {
			continue
		}
		dist, err := split(ph, r, st, d)
		if err != nil {
			return nil, fmt.Errorf("areas: %s on %s: %w", r.ID, d, err)
		}
		out = append(out, dist)
	}
	return out, nil
}

type site struct {
	x, y     float64 // projected
	holder   geo.Controller
	places   []string
	eventIDs []string
}

// plan is the part of the method that needs no geometry engine: the sites
// of a district, who comes first, and what evidence there is. The GEOS
// cross-check in the tests starts from the same plan.
type plan struct {
	sites []*site
	kx    float64 // cosine of the mean latitude
	span  float64 // half-plane size, in projected degrees (GEOS check)
	// box is the district's bounding box in projected degrees with a
	// margin: every cell starts from this same box, so cells that meet
	// at its edges share their vertices there.
	box [4]float64
	// order is the first and second holder; with one-sided or no
	// evidence, order[0] is the holder of the one whole piece.
	order    [2]geo.Controller
	evidence string
}

func planFor(ph *geo.PlaceHistory, r *geo.Region, st geo.State, d geo.Day) plan {
	b := r.Geometry.Bound()
	kx := math.Cos((b.Min[1] + b.Max[1]) / 2 * math.Pi / 180)
	p := plan{kx: kx, span: math.Max((b.Max[0]-b.Min[0])*kx, b.Max[1]-b.Min[1]) * 4}
	m := p.span / 40 // a tenth of the district's larger side
	p.box = [4]float64{b.Min[0]*kx - m, b.Min[1] - m, b.Max[0]*kx + m, b.Max[1] + m}
	at := map[[2]float64]*site{}
	for _, pl := range ph.PlacesIn(r.ID) {
		if pl.Point == nil {
			continue
		}
		s := ph.StateAt(pl, d)
		if s.Controller == "" {
			continue
		}
		key := [2]float64{pl.Point[0], pl.Point[1]}
		if old, ok := at[key]; ok {
			old.places = append(old.places, pl.ID)
			old.eventIDs = append(old.eventIDs, s.EventIDs...)
			continue
		}
		st := &site{x: pl.Point[0] * kx, y: pl.Point[1], holder: s.Controller, places: []string{pl.ID}, eventIDs: s.EventIDs}
		at[key] = st
		p.sites = append(p.sites, st)
	}
	holders := map[geo.Controller]bool{}
	for _, s := range p.sites {
		holders[s.holder] = true
	}
	// The first holder keeps its cells; the second gets the rest.
	p.order = [2]geo.Controller{st.Holders[0].Controller, st.Holders[1].Controller}
	switch len(holders) {
	case 0:
		p.evidence = "none"
	case 1:
		p.evidence = "one_side"
		for c := range holders {
			p.order[0] = c
		}
	default:
		p.evidence = "both"
	}
	return p
}

func split(ph *geo.PlaceHistory, r *geo.Region, st geo.State, d geo.Day) (District, error) {
	district, err := fromOrb(r.Geometry)
	if err != nil {
		return District{}, err
	}
	p := planFor(ph, r, st, d)
	out := District{Region: r.ID, State: st, Evidence: p.evidence}
	if p.evidence != "both" {
		a, err := whole(r, st, p, district)
		if err != nil {
			return District{}, err
		}
		out.Areas = []Area{a}
		return out, nil
	}

	var cells []sf.Geometry
	for i, s := range p.sites {
		if s.holder != p.order[0] {
			continue
		}
		if c, ok := cell(p, i); ok {
			cells = append(cells, c)
		}
	}
	u, err := sf.UnionMany(cells)
	if err != nil {
		return District{}, fmt.Errorf("union of cells: %w", err)
	}
	first, err := sf.Intersection(u, district)
	if err != nil {
		return District{}, fmt.Errorf("clip to district: %w", err)
	}
	first = polygonal(first)
	second, err := sf.Difference(district, first)
	if err != nil {
		return District{}, fmt.Errorf("rest of district: %w", err)
	}
	second = polygonal(second)
	total := district.Area()
	for k, g := range []sf.Geometry{first, second} {
		js, err := g.MarshalJSON()
		if err != nil {
			return District{}, err
		}
		ids, evs := collect(p.sites, p.order[k])
		out.Areas = append(out.Areas, Area{Region: r.ID, Controller: p.order[k], GeoJSON: string(js), PlaceIDs: ids,
			EventIDs: merge(evs, st.EventIDs), Share: g.Area() / total, LedgerShare: ledgerShare(st, p.order[k])})
	}
	return out, nil
}

func whole(r *geo.Region, st geo.State, p plan, g sf.Geometry) (Area, error) {
	js, err := g.MarshalJSON()
	if err != nil {
		return Area{}, err
	}
	ids, evs := collect(p.sites, p.order[0])
	return Area{Region: r.ID, Controller: p.order[0], GeoJSON: string(js), PlaceIDs: ids, EventIDs: merge(evs, st.EventIDs),
		Share: 1, LedgerShare: ledgerShare(st, p.order[0])}, nil
}

func ledgerShare(st geo.State, c geo.Controller) *float64 {
	for _, h := range st.Holders {
		if h.Controller == c {
			return h.Share
		}
	}
	return nil
}

// collect returns the place ids and event ids of the sites of holder c.
func collect(sites []*site, c geo.Controller) (ids, evs []string) {
	ids = []string{}
	for _, s := range sites {
		if s.holder == c {
			ids = append(ids, s.places...)
			evs = append(evs, s.eventIDs...)
		}
	}
	sort.Strings(ids)
	return ids, evs
}

// merge returns the distinct ids of a and b, sorted.
func merge(a, b []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, l := range [][]string{a, b} {
		for _, id := range l {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	sort.Strings(out)
	return out
}

// gridDigits is the snapping grid of cell vertices: 1e-9 degrees, about
// 0.1 mm, far below the method's precision, and coarse enough that the
// same Voronoi vertex computed from two cells lands on one grid point.
const gridDigits = 9

// cell returns site i's Voronoi cell in lon/lat: the plan's box clipped
// by the half-plane of every other site, with ok false where nothing is
// left. Cells built from boxes of their own would meet along nearly but
// not exactly collinear edges outside the district, and their union would
// keep zero-width spikes along those edges.
func cell(p plan, i int) (sf.Geometry, bool) {
	s := p.sites[i]
	x0, y0, x1, y1 := p.box[0], p.box[1], p.box[2], p.box[3]
	poly := [][2]float64{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}
	for j, o := range p.sites {
		if i != j {
			poly = clipHalfPlane(poly, s, o)
		}
	}
	if len(poly) < 3 {
		return sf.Geometry{}, false
	}
	scale := math.Pow(10, gridDigits)
	coords := make([]float64, 0, 2*len(poly)+2)
	prev := [2]float64{math.NaN(), math.NaN()}
	for _, q := range poly {
		v := [2]float64{math.Round(q[0]/p.kx*scale) / scale, math.Round(q[1]*scale) / scale}
		if v != prev {
			coords = append(coords, v[0], v[1])
			prev = v
		}
	}
	if len(coords) >= 4 && coords[0] == coords[len(coords)-2] && coords[1] == coords[len(coords)-1] {
		coords = coords[:len(coords)-2]
	}
	if len(coords) < 6 {
		return sf.Geometry{}, false
	}
	coords = append(coords, coords[0], coords[1])
	ring := sf.NewLineString(sf.NewSequence(coords, sf.DimXY))
	poly2 := sf.NewPolygon([]sf.LineString{ring})
	if poly2.Validate() != nil || poly2.Area() == 0 {
		return sf.Geometry{}, false
	}
	return poly2.AsGeometry(), true
}

// clipHalfPlane keeps the part of the convex polygon poly (projected
// coordinates, counter-clockwise) that is at least as close to s as to o.
func clipHalfPlane(poly [][2]float64, s, o *site) [][2]float64 {
	mx, my := (s.x+o.x)/2, (s.y+o.y)/2
	nx, ny := o.x-s.x, o.y-s.y
	side := func(q [2]float64) float64 { return (q[0]-mx)*nx + (q[1]-my)*ny } // <= 0 is s's side
	out := make([][2]float64, 0, len(poly)+1)
	for k, a := range poly {
		b := poly[(k+1)%len(poly)]
		da, db := side(a), side(b)
		if da <= 0 {
			out = append(out, a)
		}
		if (da < 0 && db > 0) || (da > 0 && db < 0) {
			t := da / (da - db)
			out = append(out, [2]float64{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])})
		}
	}
	return out
}

// polygonal keeps the areal parts of g (an overlay of polygons may add
// the lines and points where they touch) as a Polygon or MultiPolygon.
func polygonal(g sf.Geometry) sf.Geometry {
	switch g.Type() {
	case sf.TypePolygon, sf.TypeMultiPolygon:
		return g
	}
	var polys []sf.Polygon
	for _, part := range g.Dump() {
		if p, ok := part.AsPolygon(); ok && !p.IsEmpty() {
			polys = append(polys, p)
		}
	}
	if len(polys) == 1 {
		return polys[0].AsGeometry()
	}
	return sf.NewMultiPolygon(polys).AsGeometry()
}

// fromOrb converts an orb geometry through WKB.
func fromOrb(g orb.Geometry) (sf.Geometry, error) {
	b, err := wkb.Marshal(g)
	if err != nil {
		return sf.Geometry{}, err
	}
	return sf.UnmarshalWKB(b)
}
