package placeapi

import (
	"encoding/json"
	"fmt"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/areas"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
)

// LinesPath serves the approximate lines between the holders of split
// districts on a day, derived from the control areas (their shared
// boundaries): the lines of contact of 12 May 1994 and 10 Nov 2020 are
// /api/v1/lines?date=1994-05-12 and ?date=2020-11-10.
//
//	GET /api/v1/lines?date=YYYY-MM-DD[&lang=]
const LinesPath = "/api/v1/lines"

type lineProps struct {
	Region      string   `json:"region"`
	RegionName  string   `json:"region_name"`
	Approximate bool     `json:"approximate"`
	Method      string   `json:"method"`
	EventIDs    []string `json:"event_ids"`
}

type lineFeature struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Geometry   json.RawMessage `json:"geometry"`
	Properties lineProps       `json:"properties"`
}

func (s *server) lines(c echo.Context) error {
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
	ph, err := s.places(v)
	if err != nil {
		return err
	}
	e, err := s.cache.Get(v, fmt.Sprintf("lines|%s|%s", lang, d), service.TypeGeoJSON, func() ([]byte, error) {
		ls, err := areas.Lines(ph, d)
		if err != nil {
			return nil, err
		}
		fc := struct {
			Type     string        `json:"type"`
			Date     string        `json:"date"`
			Note     string        `json:"note"`
			Features []lineFeature `json:"features"`
		}{Type: "FeatureCollection", Date: d.String(), Note: areasNote, Features: []lineFeature{}}
		for _, l := range ls {
			r, err := ph.Districts().Region(l.Region)
			if err != nil {
				return nil, err
			}
			fc.Features = append(fc.Features, lineFeature{Type: "Feature", ID: l.Region + "-line", Geometry: json.RawMessage(l.GeoJSON),
				Properties: lineProps{Region: l.Region, RegionName: r.Name(lang), Approximate: true, Method: areas.Method, EventIDs: l.EventIDs}})
		}
		return json.Marshal(fc)
	})
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, httpkit.CacheShort)
}
