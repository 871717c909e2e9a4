package placeapi

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/areas"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

// AreasPath serves the approximate control areas of one day:
//
//	GET /api/v1/areas?date=YYYY-MM-DD[&lang=]
//
// One feature per holder of every district split on that day, derived by
// areas.Method from the places each side held (see package areas). Every
// feature says approximate: true. Answers are built once per epoch of the
// place history (the days between two change days share one answer).
const AreasPath = "/api/v1/areas"

type areaCollection struct {
	Type        string        `json:"type"`
	Date        string        `json:"date"`
	EpochStart  *string       `json:"epoch_start"`
	Method      string        `json:"method"`
	Approximate bool          `json:"approximate"`
	Note        string        `json:"note"`
	Features    []areaFeature `json:"features"`
}

type areaFeature struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Geometry   json.RawMessage `json:"geometry"`
	Properties areaProps       `json:"properties"`
}

type areaProps struct {
	Region         string         `json:"region"`
	RegionName     string         `json:"region_name"`
	Controller     geo.Controller `json:"controller"`
	ControllerName string         `json:"controller_name"`
	Approximate    bool           `json:"approximate"`
	Method         string         `json:"method"`
	Evidence       string         `json:"evidence"`
	ShareComputed  float64        `json:"share_computed"`
	ShareLedger    *float64       `json:"share_ledger"`
	DistrictStatus geo.Status     `json:"district_status"`
	PlaceIDs       []string       `json:"place_ids"`
	EventIDs       []string       `json:"event_ids"`
	// Direction is where the piece lies in its district (see Direction);
	// Towns the ids of the towns among PlaceIDs, the district's
	// administrative centre first, and TownNames their names in lang.
	Direction string   `json:"direction"`
	Towns     []string `json:"towns"`
	TownNames []string `json:"town_names"`
}

const areasNote = "Approximate: each split district is divided between its holders by the Voronoi cells of the places each side held on that day; the line between two places is drawn halfway between them, not where a front ran."

func (s *server) areas(c echo.Context) error {
	q, err := httpkit.ParseQuery(c.QueryString(), "date", "lang")
	if err != nil {
		return err
	}
	d, err := requiredDay(q)
	if err != nil {
		return err
	}
	lang, err := q.Lang()
	if err != nil {
		return err
	}
	v := s.svc.View()
	if _, err := s.places(v); err != nil {
		return err
	}
	e, err := s.cache.Get(v, fmt.Sprintf("areas|%s|%s", lang, d), service.TypeGeoJSON, func() ([]byte, error) {
		return s.hs.AreasGeoJSON(v, d, lang)
	})
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, httpkit.CacheShort)
}

// AreasGeoJSON is the body of /api/v1/areas for day d of v: the downloads
// package writes its areas files from it, so both carry the same
// properties.
func (hs *Histories) AreasGeoJSON(v *service.View, d geo.Day, lang geo.Lang) ([]byte, error) {
	ph, err := hs.For(v)
	if err != nil {
		return nil, err
	}
	epoch, start, ok := Epoch(ph, d)
	ds, err := hs.Areas(ph, epoch)
	if err != nil {
		return nil, err
	}
	fc := areaCollection{Type: "FeatureCollection", Date: d.String(), Method: areas.Method, Approximate: true, Note: areasNote, Features: []areaFeature{}}
	if ok {
		st := start.String()
		fc.EpochStart = &st
	}
	for _, dist := range ds {
		fs, err := districtFeatures(ph, dist, lang)
		if err != nil {
			return nil, err
		}
		fc.Features = append(fc.Features, fs...)
	}
	return json.Marshal(fc)
}

func districtFeatures(ph *geo.PlaceHistory, dist areas.District, lang geo.Lang) ([]areaFeature, error) {
	r, err := ph.Districts().Region(dist.Region)
	if err != nil {
		return nil, err
	}
	var out []areaFeature
	for k, a := range dist.Areas {
		others, err := otherPieces(dist, k)
		if err != nil {
			return nil, err
		}
		dir, towns, err := pieceFacts(ph, r, a, others)
		if err != nil {
			return nil, err
		}
		ids, names := []string{}, []string{}
		for _, p := range towns {
			ids, names = append(ids, p.ID), append(names, p.Name(lang))
		}
		out = append(out, areaFeature{Type: "Feature", ID: a.Region + "-" + string(a.Controller),
			Geometry: json.RawMessage(a.GeoJSON), Properties: areaProps{
				Region: a.Region, RegionName: r.Name(lang), Controller: a.Controller, ControllerName: a.Controller.Name(lang),
				Approximate: true, Method: areas.Method, Evidence: dist.Evidence,
				ShareComputed: math.Round(a.Share*1e4) / 1e4, ShareLedger: round4(a.LedgerShare), DistrictStatus: dist.State.Status,
				PlaceIDs: a.PlaceIDs, EventIDs: a.EventIDs,
				Direction: dir, Towns: ids, TownNames: names,
			}})
	}
	return out, nil
}

func round4(f *float64) *float64 {
	if f == nil {
		return nil
	}
	r := math.Round(*f*1e4) / 1e4
	return &r
}

// AreaPiece is one holder's approximate piece of a district split on
// place evidence of both sides, as orb geometry (Polygon or MultiPolygon).
type AreaPiece struct {
	Region     string
	Controller geo.Controller
	Geometry   orb.Geometry
	// Direction and Towns say where the piece lies in its district and
	// which towns it holds (see Direction and the towns of /api/v1/areas).
	Direction string
	Towns     []*geo.Place
}

// AreaLine is the approximate line between the two pieces of a district
// (LineString or MultiLineString).
type AreaLine struct {
	Region   string
	Geometry orb.Geometry
}

// Drawing returns what a map draws for day d of v: the pieces of the
// districts split on place evidence of both sides (the same pieces the
// areas route serves with evidence "both"; districts with one-sided or no
// evidence are left out, a map keeps its stripes there) and the lines
// between them. The static SVG/PNG map takes them (cmd/mapsvc wires it).
func (hs *Histories) Drawing(v *service.View, d geo.Day) ([]AreaPiece, []AreaLine, error) {
	ph, err := hs.For(v)
	if err != nil {
		return nil, nil, err
	}
	epoch, _, _ := Epoch(ph, d)
	ds, err := hs.Areas(ph, epoch)
	if err != nil {
		return nil, nil, err
	}
	var both []areas.District
	var pieces []AreaPiece
	for _, dist := range ds {
		if dist.Evidence != "both" {
			continue
		}
		both = append(both, dist)
		for k, a := range dist.Areas {
			g, err := geojson.UnmarshalGeometry([]byte(a.GeoJSON))
			if err != nil {
				return nil, nil, fmt.Errorf("area %s-%s: %w", a.Region, a.Controller, err)
			}
			r, err := ph.Districts().Region(a.Region)
			if err != nil {
				return nil, nil, err
			}
			others, err := otherPieces(dist, k)
			if err != nil {
				return nil, nil, err
			}
			dir, towns, err := pieceFacts(ph, r, a, others)
			if err != nil {
				return nil, nil, err
			}
			pieces = append(pieces, AreaPiece{Region: a.Region, Controller: a.Controller, Geometry: g.Geometry(),
				Direction: dir, Towns: towns})
		}
	}
	ls, err := areas.LinesOf(both)
	if err != nil {
		return nil, nil, err
	}
	lines := make([]AreaLine, 0, len(ls))
	for _, l := range ls {
		g, err := geojson.UnmarshalGeometry([]byte(l.GeoJSON))
		if err != nil {
			return nil, nil, fmt.Errorf("line in %s: %w", l.Region, err)
		}
		lines = append(lines, AreaLine{Region: l.Region, Geometry: g.Geometry()})
	}
	return pieces, lines, nil
}

// pieceFacts returns where piece a lies in district r, seen from the
// district's other pieces (others), and the towns it holds, the district's
// administrative centre (the town that bears the district's name) first.
func pieceFacts(ph *geo.PlaceHistory, r *geo.Region, a areas.Area, others []orb.Geometry) (string, []*geo.Place, error) {
	g, err := geojson.UnmarshalGeometry([]byte(a.GeoJSON))
	if err != nil {
		return "", nil, fmt.Errorf("area %s-%s: %w", a.Region, a.Controller, err)
	}
	var towns []*geo.Place
	for _, id := range a.PlaceIDs {
		p, err := ph.Place(id)
		if err != nil || p.Kind != geo.PlaceTown {
			continue
		}
		if p.Names[geo.LangEN] == r.Names[geo.LangEN] {
			towns = append([]*geo.Place{p}, towns...)
		} else {
			towns = append(towns, p)
		}
	}
	return Direction(g.Geometry(), r.Geometry, others), towns, nil
}

// otherPieces returns the geometries of the district's pieces other than
// the k-th.
func otherPieces(dist areas.District, k int) ([]orb.Geometry, error) {
	var out []orb.Geometry
	for i, a := range dist.Areas {
		if i == k {
			continue
		}
		g, err := geojson.UnmarshalGeometry([]byte(a.GeoJSON))
		if err != nil {
			return nil, fmt.Errorf("area %s-%s: %w", a.Region, a.Controller, err)
		}
		out = append(out, g.Geometry())
	}
	return out, nil
}

// Direction names where piece lies in its district, for a reader: one of
// north, north-east, east, south-east, south, south-west, west and
// north-west. It is the side of the line between the piece and the
// district's other pieces on which the piece lies: the piece's edges
// shared with the others, each with its outward normal (longitudes scaled
// by the cosine of the latitude), add up to a vector pointing across the
// line; the piece lies opposite it. (For a line running north to south
// with the piece on its west, the normals point east: "west".) Where the
// piece shares no edge with the others, it is the bearing of the piece's
// centroid from the district's. A diagonal is named when the smaller
// component is more than tan 22.5° of the larger. It is as approximate as
// the pieces themselves.
func Direction(piece, district orb.Geometry, others []orb.Geometry) string {
	dc, _ := planar.CentroidArea(district)
	k := math.Cos(dc[1] * math.Pi / 180)
	shared := map[orb.Point]bool{}
	key := func(p orb.Point) orb.Point { return orb.Point{math.Round(p[0] * 1e7), math.Round(p[1] * 1e7)} }
	for _, o := range others {
		for _, poly := range polygonsOf(o) {
			for _, ring := range poly {
				for _, p := range ring {
					shared[key(p)] = true
				}
			}
		}
	}
	var nx, ny float64
	for _, poly := range polygonsOf(piece) {
		for i, ring := range poly {
			// The polygon's inside is on the left of an exterior ring
			// that winds counter-clockwise and of a hole that winds
			// clockwise.
			left := ring.Orientation() == orb.CCW
			if i > 0 {
				left = ring.Orientation() == orb.CW
			}
			for j := 0; j+1 < len(ring); j++ {
				p, q := ring[j], ring[j+1]
				if !shared[key(p)] || !shared[key(q)] {
					continue
				}
				dx, dy := (q[0]-p[0])*k, q[1]-p[1]
				if left { // outward is to the right
					nx, ny = nx+dy, ny-dx
				} else {
					nx, ny = nx-dy, ny+dx
				}
			}
		}
	}
	if nx == 0 && ny == 0 {
		pc, _ := planar.CentroidArea(piece)
		return compass((pc[0]-dc[0])*k, pc[1]-dc[1])
	}
	return compass(-nx, -ny)
}

func compass(dx, dy float64) string {
	ns, ew := "north", "east"
	if dy < 0 {
		ns = "south"
	}
	if dx < 0 {
		ew = "west"
	}
	big, small := math.Abs(dx), math.Abs(dy)
	if small > big {
		big, small = small, big
	}
	switch {
	case small > math.Tan(math.Pi/8)*big:
		return ns + "-" + ew
	case math.Abs(dx) >= math.Abs(dy):
		return ew
	}
	return ns
}

func polygonsOf(g orb.Geometry) []orb.Polygon {
	switch g := g.(type) {
	case orb.Polygon:
		return []orb.Polygon{g}
	case orb.MultiPolygon:
		return g
	}
	return nil
}
