// Package areas derives approximate control areas inside split districts
// from the places each side held, with GEOS (github.com/twpayne/go-geos)
// as the geometry engine.
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
//     once.
//  3. The cells are merged per holder with a GEOS union. The first holder
//     (the district's majority holder where both have places) gets the
//     union of its cells clipped to the district; the other holder gets
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
	"github.com/twpayne/go-geos"

	"github.com/mapsvc/mapsvc/geo"
)

// Method names the derivation in every answer.
const Method = "voronoi-places-v1"

// Area is one holder's approximate piece of a split district.
type Area struct {
	Region     string
	Controller geo.Controller
	// GeoJSON is the piece's geometry (Polygon or MultiPolygon) as GEOS
	// writes it.
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
	ctx := geos.NewContext()
	var out []District
	for _, r := range h.Regions() {
		if r.Role != geo.RoleConflict {
			continue
		}
		st := h.StateAt(r, d)
		if st.Extent != geo.ExtentPartial || len(st.Holders) < 2 {
			continue
		}
		dist, err := split(ctx, ph, r, st, d)
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

func split(ctx *geos.Context, ph *geo.PlaceHistory, r *geo.Region, st geo.State, d geo.Day) (District, error) {
	district, err := toGEOS(ctx, r.Geometry)
	if err != nil {
		return District{}, err
	}
	b := r.Geometry.Bound()
	kx := math.Cos((b.Min[1] + b.Max[1]) / 2 * math.Pi / 180)

	var sites []*site
	at := map[[2]float64]*site{}
	for _, p := range ph.PlacesIn(r.ID) {
		if p.Point == nil {
			continue
		}
		s := ph.StateAt(p, d)
		if s.Controller == "" {
			continue
		}
		key := [2]float64{p.Point[0], p.Point[1]}
		if old, ok := at[key]; ok {
			old.places = append(old.places, p.ID)
			old.eventIDs = append(old.eventIDs, s.EventIDs...)
			continue
		}
		st := &site{x: p.Point[0] * kx, y: p.Point[1], holder: s.Controller, places: []string{p.ID}, eventIDs: s.EventIDs}
		at[key] = st
		sites = append(sites, st)
	}

	holders := map[geo.Controller]bool{}
	for _, s := range sites {
		holders[s.holder] = true
	}
	out := District{Region: r.ID, State: st}
	// The first holder keeps its cells; the second gets the rest.
	order := []geo.Controller{st.Holders[0].Controller, st.Holders[1].Controller}
	switch len(holders) {
	case 0:
		out.Evidence = "none"
		out.Areas = []Area{whole(r, st, order[0], district, nil, nil)}
		return out, nil
	case 1:
		out.Evidence = "one_side"
		var only geo.Controller
		for c := range holders {
			only = c
		}
		ids, evs := collect(sites, only)
		out.Areas = []Area{whole(r, st, only, district, ids, evs)}
		return out, nil
	}
	out.Evidence = "both"

	// Voronoi cells as half-plane intersections (see the package comment).
	span := math.Max((b.Max[0]-b.Min[0])*kx, b.Max[1]-b.Min[1]) * 4
	var firstCells []*geos.Geom
	for i, s := range sites {
		if s.holder != order[0] {
			continue
		}
		cell := district
		for j, o := range sites {
			if i == j {
				continue
			}
			cell = cell.Intersection(halfPlane(ctx, s, o, span, kx))
			if cell.IsEmpty() {
				break
			}
		}
		firstCells = append(firstCells, cell)
	}
	first := ctx.NewCollection(geos.TypeIDGeometryCollection, firstCells).UnaryUnion().Intersection(district)
	second := district.Difference(first)
	total := district.Area()
	for k, g := range []*geos.Geom{first, second} {
		ids, evs := collect(sites, order[k])
		a := Area{Region: r.ID, Controller: order[k], GeoJSON: g.ToGeoJSON(0), PlaceIDs: ids,
			EventIDs: merge(evs, st.EventIDs), Share: g.Area() / total, LedgerShare: ledgerShare(st, order[k])}
		out.Areas = append(out.Areas, a)
	}
	return out, nil
}

func whole(r *geo.Region, st geo.State, c geo.Controller, g *geos.Geom, ids, evs []string) Area {
	if ids == nil {
		ids = []string{}
	}
	return Area{Region: r.ID, Controller: c, GeoJSON: g.ToGeoJSON(0), PlaceIDs: ids, EventIDs: merge(evs, st.EventIDs),
		Share: 1, LedgerShare: ledgerShare(st, c)}
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

// halfPlane returns, as a large rectangle in lon/lat, the points closer to
// s than to o in the projected plane. The projection only scales x, so a
// half-plane there is a half-plane in lon/lat.
func halfPlane(ctx *geos.Context, s, o *site, span, kx float64) *geos.Geom {
	mx, my := (s.x+o.x)/2, (s.y+o.y)/2
	nx, ny := o.x-s.x, o.y-s.y
	l := math.Hypot(nx, ny)
	nx, ny = nx/l, ny/l
	ux, uy := -ny, nx
	pts := [][]float64{
		{mx + span*ux, my + span*uy},
		{mx + span*ux - span*nx, my + span*uy - span*ny},
		{mx - span*ux - span*nx, my - span*uy - span*ny},
		{mx - span*ux, my - span*uy},
	}
	ring := make([][]float64, 0, 5)
	for _, p := range pts {
		ring = append(ring, []float64{p[0] / kx, p[1]})
	}
	ring = append(ring, ring[0])
	return ctx.NewPolygon([][][]float64{ring})
}

// toGEOS converts an orb geometry through WKB.
func toGEOS(ctx *geos.Context, g orb.Geometry) (*geos.Geom, error) {
	b, err := wkb.Marshal(g)
	if err != nil {
		return nil, err
	}
	return ctx.NewGeomFromWKB(b)
}
