package placeapi

import (
	"slices"

	"github.com/mapsvc/mapsvc/geo"
)

type featureCollection struct {
	Type     string    `json:"type"`
	Date     *string   `json:"date,omitempty"`
	Features []feature `json:"features"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

type feature struct {
	Type       string     `json:"type"`
	ID         string     `json:"id"`
	Geometry   *point     `json:"geometry"`
	Properties properties `json:"properties"`
	// Only on /places/{id}.
	History []period     `json:"history,omitempty"`
	Events  []*geo.Event `json:"events,omitempty"`
}

type properties struct {
	ID          string              `json:"id"`
	Region      string              `json:"region"`
	Kind        geo.PlaceKind       `json:"kind"`
	Name        string              `json:"name"`
	Names       map[geo.Lang]string `json:"names"`
	Aliases     []string            `json:"aliases,omitempty"`
	NKRName     string              `json:"nkr_name,omitempty"`
	CoordSource *geo.CoordSource    `json:"coord_source"`
	Note        string              `json:"note,omitempty"`
	// On a date:
	Controller     *geo.Controller  `json:"controller,omitempty"`
	ControllerName *string          `json:"controller_name,omitempty"`
	Status         geo.Status       `json:"status,omitempty"`
	Basis          geo.PlaceBasis   `json:"basis,omitempty"`
	Candidates     []geo.Controller `json:"candidates,omitempty"`
	EventIDs       []string         `json:"event_ids,omitempty"`
}

// period is a span of days over which a place's state holds: start
// inclusive, end exclusive (null while open).
type period struct {
	Start          string           `json:"start"`
	End            *string          `json:"end"`
	Controller     *geo.Controller  `json:"controller"`
	ControllerName *string          `json:"controller_name"`
	Status         geo.Status       `json:"status"`
	Basis          geo.PlaceBasis   `json:"basis"`
	Candidates     []geo.Controller `json:"candidates,omitempty"`
	EventIDs       []string         `json:"event_ids"`
}

func placeFeature(ph *geo.PlaceHistory, p *geo.Place, lang geo.Lang, day *geo.Day) feature {
	f := feature{Type: "Feature", ID: p.ID, Properties: properties{
		ID: p.ID, Region: p.Region, Kind: p.Kind, Name: p.Name(lang), Names: p.Names, Aliases: p.Aliases,
		NKRName: p.NKRName, CoordSource: p.CoordSource, Note: p.Note,
	}}
	if p.Point != nil {
		f.Geometry = &point{Type: "Point", Coordinates: [2]float64{p.Point[0], p.Point[1]}}
	}
	if day != nil {
		s := ph.StateAt(p, *day)
		pr := &f.Properties
		pr.Status, pr.Basis, pr.Candidates, pr.EventIDs = s.Status, s.Basis, s.Candidates, s.EventIDs
		if pr.EventIDs == nil {
			pr.EventIDs = []string{}
		}
		if s.Controller != "" {
			c, n := s.Controller, s.Controller.Name(lang)
			pr.Controller, pr.ControllerName = &c, &n
		}
	}
	return f
}

// history walks the change days of places and districts and keeps the
// days on which this place's state changes.
func history(ph *geo.PlaceHistory, p *geo.Place, lang geo.Lang) []period {
	var out []period
	var prev geo.PlaceState
	for _, d := range ph.ChangeDays() {
		s := ph.StateAt(p, d)
		if len(out) > 0 && same(prev, s) {
			continue
		}
		if s.Status == geo.StatusUnknown && len(out) == 0 {
			continue
		}
		ds := d.String()
		if len(out) > 0 {
			out[len(out)-1].End = &ds
		}
		pe := period{Start: ds, Status: s.Status, Basis: s.Basis, Candidates: s.Candidates, EventIDs: s.EventIDs}
		if pe.EventIDs == nil {
			pe.EventIDs = []string{}
		}
		if s.Controller != "" {
			c, n := s.Controller, s.Controller.Name(lang)
			pe.Controller, pe.ControllerName = &c, &n
		}
		out = append(out, pe)
		prev = s
	}
	if out == nil {
		out = []period{}
	}
	return out
}

func same(a, b geo.PlaceState) bool {
	return a.Status == b.Status && a.Controller == b.Controller && a.Basis == b.Basis &&
		slices.Equal(a.Candidates, b.Candidates) && slices.Equal(a.EventIDs, b.EventIDs)
}
