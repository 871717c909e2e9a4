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
	for _, a := range dist.Areas {
		out = append(out, areaFeature{Type: "Feature", ID: a.Region + "-" + string(a.Controller),
			Geometry: json.RawMessage(a.GeoJSON), Properties: areaProps{
				Region: a.Region, RegionName: r.Name(lang), Controller: a.Controller, ControllerName: a.Controller.Name(lang),
				Approximate: true, Method: areas.Method, Evidence: dist.Evidence,
				ShareComputed: math.Round(a.Share*1e4) / 1e4, ShareLedger: round4(a.LedgerShare), DistrictStatus: dist.State.Status,
				PlaceIDs: a.PlaceIDs, EventIDs: a.EventIDs,
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
		for _, a := range dist.Areas {
			g, err := geojson.UnmarshalGeometry([]byte(a.GeoJSON))
			if err != nil {
				return nil, nil, fmt.Errorf("area %s-%s: %w", a.Region, a.Controller, err)
			}
			pieces = append(pieces, AreaPiece{Region: a.Region, Controller: a.Controller, Geometry: g.Geometry()})
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
