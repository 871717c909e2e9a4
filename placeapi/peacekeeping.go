package placeapi

import (
	"encoding/json"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/areas"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
)

// PeacekeepingPath serves the Russian peacekeeping mission's approximate
// area of responsibility on a day (10 Nov 2020 until the withdrawal ended
// in June 2024), as an overlay: a presence, never a controller.
//
//	GET /api/v1/peacekeeping?date=YYYY-MM-DD
//
// An empty collection when the mission is not deployed.
const PeacekeepingPath = "/api/v1/peacekeeping"

type zoneProps struct {
	Kind        string   `json:"kind"`
	Presence    string   `json:"presence"`
	Approximate bool     `json:"approximate"`
	Method      string   `json:"method"`
	DrawnFrom   string   `json:"drawn_from"`
	Frozen      bool     `json:"frozen"`
	Note        string   `json:"note"`
	EventIDs    []string `json:"event_ids"`
}

type zoneFeature struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Geometry   json.RawMessage `json:"geometry"`
	Properties zoneProps       `json:"properties"`
}

const zoneNote = "Approximate: drawn as the ground Armenian forces held (whole districts and the approximate areas in split ones), around which the 10 Nov 2020 statement deployed the peacekeepers; after 20 Sep 2023 it keeps the shape of the last day they held ground, until the withdrawal. Not the mission's own map."

func (s *server) peacekeeping(c echo.Context) error {
	q, err := httpkit.ParseQuery(c.QueryString(), "date")
	if err != nil {
		return err
	}
	d, err := requiredDay(q)
	if err != nil {
		return err
	}
	v := s.svc.View()
	ph, err := s.places(v)
	if err != nil {
		return err
	}
	e, err := s.cache.Get(v, "peacekeeping|"+d.String(), service.TypeGeoJSON, func() ([]byte, error) {
		z, ok, err := areas.Peacekeeping(ph, d)
		if err != nil {
			return nil, err
		}
		fc := struct {
			Type     string        `json:"type"`
			Date     string        `json:"date"`
			Features []zoneFeature `json:"features"`
		}{Type: "FeatureCollection", Date: d.String(), Features: []zoneFeature{}}
		if ok {
			fc.Features = append(fc.Features, zoneFeature{Type: "Feature", ID: "peacekeeping-" + z.Day.String(), Geometry: json.RawMessage(z.GeoJSON),
				Properties: zoneProps{Kind: "peacekeeping_zone", Presence: "RUS", Approximate: true, Method: areas.PeacekeepingMethod,
					DrawnFrom: z.Day.String(), Frozen: z.Frozen, Note: zoneNote, EventIDs: z.EventIDs}})
		}
		return json.Marshal(fc)
	})
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, httpkit.CacheShort)
}
