package service

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/mapsvc/mapsvc/geo"
)

// periodProps are one control period's properties. Start and end are ISO
// dates (end exclusive, null while open) so QGIS's Temporal Controller
// can animate the layer as is; start_day/end_day are the same days as
// integers for MapLibre filter expressions.
type periodProps struct {
	Region         string        `json:"region"`
	Name           string        `json:"name"`
	Start          string        `json:"start"`
	End            *string       `json:"end"`
	StartDay       int           `json:"start_day"`
	EndDay         *int          `json:"end_day"`
	StartPrecision geo.Precision `json:"start_precision"`
	EndPrecision   *string       `json:"end_precision"`
	StartEvent     string        `json:"start_event"`
	EndEvent       *string       `json:"end_event"`
	// start_time and end_time are the same bounds as RFC 3339 instants
	// (midnight UTC; the end exclusive), finite even while the period is
	// open, for clients that filter by date-time (QGIS's Temporal
	// Controller, GDAL): a period holds for frames start_time <= t < end_time.
	StartTime string `json:"start_time"`
	EndTime   string `json:"end_time"`
	StateJSON
}

// OpenEndTime is end_time of a period that has not ended: far enough in
// the future for any time filter, and finite, as GIS clients drop or
// mis-sort empty date-times.
const OpenEndTime = "9999-12-31T23:59:59Z"

// dayTime is midnight UTC at the start of d, RFC 3339.
func dayTime(d geo.Day) string { return d.String() + "T00:00:00Z" }

// PeriodFeatureProps returns the properties of a period feature.
func PeriodFeatureProps(p *geo.Period, r *geo.Region, lang geo.Lang) any {
	props := periodProps{Region: p.Region, Name: r.Name(lang), Start: p.Start.String(), StartDay: int(p.Start),
		StartPrecision: p.StartPrecision, StartEvent: p.StartEvent, StartTime: dayTime(p.Start), EndTime: OpenEndTime,
		StateJSON: stateJSON(p.State, lang)}
	if !p.Open {
		props.EndTime = dayTime(p.End)
		end, endDay, prec, ev := p.End.String(), int(p.End), string(p.EndPrecision), p.EndEvent
		props.End, props.EndDay, props.EndPrecision, props.EndEvent = &end, &endDay, &prec, &ev
	}
	return props
}

// Periods answers every control period as a GeoJSON FeatureCollection,
// built whole and kept: for a feed past StreamPeriodsBytes transports
// call WritePeriods instead.
func (v *View) Periods(lang geo.Lang) (*Encoded, error) {
	return v.cached("periods-"+string(lang), TypeGeoJSON, func() ([]byte, error) {
		var b bytes.Buffer
		if err := v.WritePeriods(&b, lang, PeriodsRange{}); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	})
}

// PeriodID is a stable feature id for a period.
func PeriodID(p *geo.Period) string { return p.Region + "-" + p.Start.String() }

func (v *View) writeFeature(b *bytes.Buffer, i int, id string, props any, geomRegion string) error {
	pb, err := json.Marshal(props)
	if err != nil {
		return fmt.Errorf("feature %q: %w", id, err)
	}
	if i > 0 {
		b.WriteByte(',')
	}
	idb, _ := json.Marshal(id)
	b.WriteString(`{"type":"Feature","id":`)
	b.Write(idb)
	b.WriteString(`,"properties":`)
	b.Write(pb)
	b.WriteString(`,"geometry":`)
	if g, ok := v.geometry[geomRegion]; ok {
		b.Write(g)
	} else {
		b.WriteString("null")
	}
	b.WriteByte('}')
	return nil
}

// regionProps are a region's properties in the regions feed.
type regionProps struct {
	Region         string              `json:"region"`
	Name           string              `json:"name"`
	Names          map[geo.Lang]string `json:"names"`
	Aliases        []string            `json:"aliases"`
	ISO            string              `json:"iso_3166_2,omitempty"`
	Kind           string              `json:"kind"`
	Role           geo.Role            `json:"role"`
	EconomicRegion string              `json:"economic_region,omitempty"`
	Label          [2]float64          `json:"label"`
	Source         string              `json:"source"`
	Licence        string              `json:"licence"`
	Corrections    []string            `json:"corrections,omitempty"`
	History        *regionHistory      `json:"history,omitempty"`
}

type regionHistory struct {
	Periods []any        `json:"periods"`
	Events  []*geo.Event `json:"events"`
}

func newRegionProps(r *geo.Region, lang geo.Lang) regionProps {
	p := regionProps{Region: r.ID, Name: r.Name(lang), Names: r.Names, Aliases: r.Aliases, ISO: r.ISO, Kind: r.Kind,
		Role: r.Role, EconomicRegion: r.EconomicRegion, Label: r.Label, Source: r.Source, Licence: r.Licence, Corrections: r.Corrections}
	if p.Aliases == nil {
		p.Aliases = []string{}
	}
	return p
}

// Regions answers every region with its boundary.
func (v *View) Regions(lang geo.Lang) (*Encoded, error) {
	return v.cached("regions-"+string(lang), TypeGeoJSON, func() ([]byte, error) {
		var b bytes.Buffer
		b.WriteString(`{"type":"FeatureCollection","data_version":"` + v.Version + `","features":[`)
		for i, r := range v.History.Regions() {
			if err := v.writeFeature(&b, i, r.ID, newRegionProps(r, lang), r.ID); err != nil {
				return nil, err
			}
		}
		b.WriteString("]}\n")
		return b.Bytes(), nil
	})
}

// Region answers one region with its periods and events.
func (v *View) Region(id string, lang geo.Lang) (*Encoded, error) {
	r, err := v.History.Region(id)
	if err != nil {
		return nil, err
	}
	return v.cached("region-"+id+"-"+string(lang), TypeGeoJSON, func() ([]byte, error) {
		p := newRegionProps(r, lang)
		// A large ledger is not read for one region: its period record
		// names the region's events.
		ps, evs, indexed, err := v.indexedRegionHistory(r)
		if err != nil {
			return nil, err
		}
		if !indexed {
			ps, evs = v.History.Periods(id), v.History.FindEvents(geo.EventFilter{Region: id})
		}
		h := &regionHistory{Periods: []any{}, Events: evs}
		for i := range ps {
			h.Periods = append(h.Periods, PeriodFeatureProps(&ps[i], r, lang))
		}
		if h.Events == nil {
			h.Events = []*geo.Event{}
		}
		p.History = h
		var b bytes.Buffer
		if err := v.writeFeature(&b, 0, r.ID, p, r.ID); err != nil {
			return nil, err
		}
		b.WriteByte('\n')
		return b.Bytes(), nil
	})
}

// Events answers the events matching f.
func (v *View) Events(f geo.EventFilter) (*Encoded, error) {
	if f.Region != "" {
		if _, err := v.History.Region(f.Region); err != nil {
			return nil, err
		}
	}
	return v.cached(eventsKey(f), TypeJSON, func() ([]byte, error) {
		if v.StreamEvents(f) {
			// Built whole for callers that want the bytes; transports
			// stream it with WriteEvents instead.
			var b bytes.Buffer
			err := v.WriteEvents(&b, f)
			return b.Bytes(), err
		}
		evs, err := v.findEvents(f)
		if err != nil {
			return nil, err
		}
		if evs == nil {
			evs = []*geo.Event{}
		}
		return jsonBody(map[string]any{"data_version": v.Version, "count": len(evs), "events": evs})
	})
}

// findEvents is History.FindEvents; one region's events on a large ledger
// are read from the store by the ids its period record holds.
func (v *View) findEvents(f geo.EventFilter) ([]*geo.Event, error) {
	if f.Region == "" {
		return v.History.FindEvents(f), nil
	}
	r, err := v.History.Region(f.Region)
	if err != nil {
		return nil, err
	}
	_, evs, indexed, err := v.indexedRegionHistory(r)
	if err != nil {
		return nil, err
	}
	if !indexed {
		return v.History.FindEvents(f), nil
	}
	var out []*geo.Event
	for _, e := range evs {
		if (f.From == nil || e.Date.Last >= *f.From) && (f.To == nil || e.Date.First <= *f.To) {
			out = append(out, e)
		}
	}
	return out, nil
}

// Event answers one event with its sources.
func (v *View) Event(id string) (*Encoded, error) {
	e, indexed, err := v.indexedEvent(id)
	if !indexed {
		e, err = v.History.Event(id)
	}
	if err != nil {
		return nil, err
	}
	return v.cached("event-"+id, TypeJSON, func() ([]byte, error) { return jsonBody(e) })
}

type timelineEntry struct {
	EventID    string          `json:"event_id"`
	Date       string          `json:"date"`
	Precision  geo.Precision   `json:"date_precision"`
	First      string          `json:"date_first"`
	Last       string          `json:"date_last"`
	Region     string          `json:"region,omitempty"`
	RegionName string          `json:"region_name,omitempty"`
	Kind       geo.Kind        `json:"kind"`
	Control    bool            `json:"changes_control"`
	From       *geo.Controller `json:"from"`
	To         *geo.Controller `json:"to"`
	Extent     geo.Extent      `json:"extent,omitempty"`
	Confidence string          `json:"confidence"`
	Label      string          `json:"label"`
}

// Timeline answers the change days (where any snapshot differs from the
// day before) and every event with a short label.
func (v *View) Timeline(lang geo.Lang) (*Encoded, error) {
	return v.cached("timeline-"+string(lang), TypeJSON, func() ([]byte, error) {
		days := []string{}
		for _, d := range v.History.ChangeDays() {
			days = append(days, d.String())
		}
		entries := []timelineEntry{}
		for _, e := range v.History.Events() {
			entries = append(entries, v.timelineEntry(e, lang))
		}
		return jsonBody(map[string]any{"data_version": v.Version, "lang": lang, "change_days": days, "events": entries})
	})
}

// TimelineEstimate is about how many bytes Timeline(lang) answers, from
// the entries of up to n events spread evenly over the ledger, without
// building it: what a static export weighs against its budget before it
// writes a file that grows with the history (347 MB a language with a
// million events).
func (v *View) TimelineEstimate(lang geo.Lang, n int) (int64, error) {
	days := len(v.History.ChangeDays())
	est := int64(100 + 13*days)
	events := v.History.Events()
	if len(events) == 0 || n <= 0 {
		return est, nil
	}
	step := max(1, len(events)/n)
	var sum, k int64
	for i := 0; i < len(events) && k < int64(n); i += step {
		b, err := json.Marshal(v.timelineEntry(events[i], lang))
		if err != nil {
			return 0, err
		}
		sum += int64(len(b)) + 1
		k++
	}
	return est + sum*int64(len(events))/k, nil
}

func (v *View) timelineEntry(e *geo.Event, lang geo.Lang) timelineEntry {
	t := timelineEntry{EventID: e.ID, Date: e.Date.Text, Precision: e.Date.Precision, First: e.Date.First.String(),
		Last: e.Date.Last.String(), Region: e.Region, Kind: e.Kind, Control: e.Controlling(), Extent: e.Extent, Confidence: e.Confidence}
	if e.From != "" {
		f := e.From
		t.From = &f
	}
	if e.To != "" {
		to := e.To
		t.To = &to
	}
	label := ""
	if r, err := v.History.Region(e.Region); err == nil {
		t.RegionName = r.Name(lang)
		label = t.RegionName + ": "
	}
	switch {
	case e.Kind == geo.KindBaseline:
		label += e.To.Name(lang)
	case e.Controlling():
		label += e.From.Name(lang) + " → " + e.To.Name(lang)
		if e.Extent == geo.ExtentPartial {
			label += " (" + partialWord(lang) + ")"
		}
	default:
		label += e.Summary
	}
	t.Label = label
	return t
}

func partialWord(lang geo.Lang) string {
	switch lang {
	case geo.LangAR:
		return "جزئي"
	case geo.LangAZ:
		return "qismən"
	case geo.LangRU:
		return "частично"
	case geo.LangHY:
		return "մասնակի"
	}
	return "partial"
}

type regionChangeJSON struct {
	Region string    `json:"region"`
	Name   string    `json:"name"`
	Before StateJSON `json:"before"`
	After  StateJSON `json:"after"`
}

// Changes answers what changed between the ends of two days.
func (v *View) Changes(from, to geo.Day, lang geo.Lang) (*Encoded, error) {
	if to < from {
		return nil, BadRequest("to (%s) is before from (%s)", to, from)
	}
	key := fmt.Sprintf("changes-%s-%s-%s", from, to, lang)
	return v.cached(key, TypeJSON, func() ([]byte, error) {
		rcs, evs := v.History.Changes(from, to)
		regions := []regionChangeJSON{}
		for _, rc := range rcs {
			regions = append(regions, regionChangeJSON{Region: rc.Region.ID, Name: rc.Region.Name(lang),
				Before: stateJSON(rc.Before, lang), After: stateJSON(rc.After, lang)})
		}
		if evs == nil {
			evs = []*geo.Event{}
		}
		return jsonBody(map[string]any{"from": from.String(), "to": to.String(), "data_version": v.Version, "regions": regions, "events": evs})
	})
}
