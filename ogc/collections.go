package ogc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// collectionDef is the fixed description of one collection.
type collectionDef struct {
	ID, Title, Description string
	// Timed collections filter by datetime; untimed ones validate it and
	// then return every feature.
	Timed bool
}

// collectionDefs are the collections served, in the order listed.
var collectionDefs = []collectionDef{
	{ID: "regions", Title: "Regions",
		Description: "Every mapped unit (a MultiPolygon each): the conflict-area districts and cities, the rest of Azerbaijan's units for context, and neighbouring Armenia for orientation. Boundaries are fixed for the whole span, so a datetime filter is checked and then matches every region.",
		Timed:       false},
	{ID: "control-periods", Title: "Control periods",
		Description: "One feature per conflict-area region and control period: who held it from `start` (inclusive) to `end` (exclusive; null while the period is open), with the region's boundary as a MultiPolygon. A period holds at the end of each of its days, so datetime=D returns exactly the periods with start <= D < end: the snapshot of day D. start_time and end_time are the same bounds as RFC 3339 date-times (midnight UTC, end exclusive; end_time is 9999-12-31T23:59:59Z while the period is open): use them for QGIS's Temporal Controller (separate start and end fields), which then shows exactly one period per region on every day. start_day and end_day are the days counted from 1970-01-01. List values (candidates, event_ids) are compact JSON text.",
		Timed:       true},
	{ID: "events", Title: "Events",
		Description: "Every dated ledger event with its sources (list and object values as compact JSON text). The geometry is the label point of the event's region (located: region); area-wide events that name no region (ceasefires, political acts) get the centre of the conflict area (located: conflict-area), so every format keeps them. datetime matches events whose date window [date_first, date_last] meets the requested interval.",
		Timed:       true},
}

// feature is one item, ready to filter and encode.
type feature struct {
	id       string
	props    json.RawMessage
	geom     orb.Geometry // nil: null geometry
	geomJSON json.RawMessage
	bound    orb.Bound
	// The days the feature covers, inclusive; open: no last day.
	timed       bool
	first, last geo.Day
	open        bool
}

// collection is a collection's features for one data version and language.
type collection struct {
	collectionDef
	features []feature
	byID     map[string]int
	bbox     orb.Bound
	hasBBox  bool
	// Temporal extent; nil ends are open or unknown.
	tFirst, tLast *geo.Day

	// src, when set, answers the items from the store instead of
	// features (a view on a store's period index: a million periods or
	// events would take gigabytes here); its extent is computed on
	// first use.
	src        source
	extentOnce sync.Once
	extentErr  error
}

// index holds every collection of one data version and language.
type index map[string]*collection

// indexes keeps the indexes of the current data version.
type indexes struct {
	mu      sync.Mutex
	version string
	byLang  map[geo.Lang]index
	extras  []Extra
}

func (x *indexes) get(v *service.View, lang geo.Lang) (index, error) {
	x.mu.Lock()
	if x.version != v.Version {
		x.version, x.byLang = v.Version, map[geo.Lang]index{}
	}
	ix, ok := x.byLang[lang]
	x.mu.Unlock()
	if ok {
		return ix, nil
	}
	ix, err := buildIndex(v, lang)
	if err != nil {
		return nil, err
	}
	if err := addExtras(ix, x.extras, v, lang); err != nil {
		return nil, err
	}
	x.mu.Lock()
	if x.version == v.Version {
		x.byLang[lang] = ix
	}
	x.mu.Unlock()
	return ix, nil
}

// regionProps are a region's properties here: flat, so every GIS reads
// them as plain columns.
type regionProps struct {
	Region         string         `json:"region"`
	Name           string         `json:"name"`
	NameEN         string         `json:"name_en"`
	NameAR         string         `json:"name_ar"`
	NameAZ         string         `json:"name_az"`
	NameRU         string         `json:"name_ru"`
	NameHY         string         `json:"name_hy"`
	Kind           string         `json:"kind"`
	Role           geo.Role       `json:"role"`
	ISO            string         `json:"iso_3166_2"`
	EconomicRegion string         `json:"economic_region"`
	Baseline       geo.Controller `json:"baseline_controller"`
	LabelLon       float64        `json:"label_lon"`
	LabelLat       float64        `json:"label_lat"`
	Source         string         `json:"source"`
	Licence        string         `json:"licence"`
}

func buildIndex(v *service.View, lang geo.Lang) (index, error) {
	h := v.History
	ix := index{}
	geomJSON := map[string]json.RawMessage{}
	for _, r := range h.Regions() {
		b, err := json.Marshal(geojson.NewGeometry(geo.AsMulti(r.Geometry)))
		if err != nil {
			return nil, fmt.Errorf("region %q geometry: %w", r.ID, err)
		}
		geomJSON[r.ID] = b
	}
	add := func(c *collection, f feature) error {
		if _, dup := c.byID[f.id]; dup {
			return fmt.Errorf("collection %s: feature id %q twice", c.ID, f.id)
		}
		c.byID[f.id] = len(c.features)
		c.features = append(c.features, f)
		return nil
	}
	newColl := func(def collectionDef) *collection {
		c := &collection{collectionDef: def, byID: map[string]int{}}
		ix[def.ID] = c
		return c
	}
	regions := newColl(collectionDefs[0])
	for _, r := range h.Regions() {
		p := regionProps{Region: r.ID, Name: r.Name(lang), NameEN: r.Names[geo.LangEN], NameAR: r.Names[geo.LangAR],
			NameAZ: r.Names[geo.LangAZ], NameRU: r.Names[geo.LangRU], NameHY: r.Names[geo.LangHY], Kind: r.Kind,
			Role: r.Role, ISO: r.ISO, EconomicRegion: r.EconomicRegion, Baseline: r.Baseline,
			LabelLon: r.Label[0], LabelLat: r.Label[1], Source: r.Source, Licence: r.Licence}
		pb, err := json.Marshal(p)
		if err != nil {
			return nil, err
		}
		if err := add(regions, feature{id: r.ID, props: pb, geom: r.Geometry, geomJSON: geomJSON[r.ID], bound: r.Geometry.Bound()}); err != nil {
			return nil, err
		}
	}
	periods := newColl(collectionDefs[1])
	if v.Indexed() {
		periods.src = newStoredPeriods(v, lang, geomJSON)
	} else {
		for _, r := range h.Regions() {
			ps := h.Periods(r.ID)
			for i := range ps {
				f, err := periodFeature(&ps[i], r, lang, geomJSON[r.ID])
				if err != nil {
					return nil, err
				}
				if err := add(periods, f); err != nil {
					return nil, err
				}
			}
		}
	}
	events := newColl(collectionDefs[2])
	centre := conflictCentre(h)
	// Whole-ledger event answers come from the store exactly when
	// /api/v1/events streams them.
	if v.StreamEvents(geo.EventFilter{}) {
		events.src = &storedEvents{v: v, centre: centre}
	} else {
		for _, e := range h.Events() {
			f, err := eventFeature(h, e, centre)
			if err != nil {
				return nil, err
			}
			if err := add(events, f); err != nil {
				return nil, err
			}
		}
	}
	for _, c := range ix {
		if c.src == nil {
			c.extent()
		}
	}
	return ix, nil
}

// eventLocation is the point of an event: its region's label point, or
// for an area-wide event that names no region the conflict area's centre.
// Every event has a point, so formats that drop features without
// geometry (FlatGeobuf) keep them all; located says which point.
func eventLocation(h *geo.History, e *geo.Event, centre orb.Point) (orb.Point, string) {
	if e.Region != "" {
		if r, err := h.Region(e.Region); err == nil {
			return r.Label, "region"
		}
	}
	return centre, "conflict-area"
}

// eventFeature is the feature of event e.
func eventFeature(h *geo.History, e *geo.Event, centre orb.Point) (feature, error) {
	at, located := eventLocation(h, e, centre)
	pb, err := flatJSON(e)
	if err != nil {
		return feature{}, err
	}
	pb = append(append(pb[:len(pb)-1], `,"located":"`+located+`"`...), '}')
	f := feature{id: e.ID, props: pb, timed: true, first: e.Date.First, last: e.Date.Last, geom: at, bound: at.Bound()}
	f.geomJSON, _ = json.Marshal(geojson.NewGeometry(at))
	return f, nil
}

// periodFeature is the feature of period p of region r, whose geometry
// text is geomJSON.
func periodFeature(p *geo.Period, r *geo.Region, lang geo.Lang, geomJSON json.RawMessage) (feature, error) {
	pb, err := flatJSON(service.PeriodFeatureProps(p, r, lang))
	if err != nil {
		return feature{}, err
	}
	return feature{id: service.PeriodID(p), props: pb, geom: r.Geometry, geomJSON: geomJSON, bound: r.Geometry.Bound(),
		timed: true, first: p.Start, last: p.End - 1, open: p.Open}, nil
}

// conflictCentre is the centre of the conflict-area regions' bounds: the
// point given to area-wide events, which name no region.
func conflictCentre(h *geo.History) orb.Point {
	var b orb.Bound
	first := true
	for _, r := range h.Regions() {
		if r.Role != geo.RoleConflict {
			continue
		}
		if first {
			b, first = r.Geometry.Bound(), false
		} else {
			b = b.Union(r.Geometry.Bound())
		}
	}
	return b.Center()
}

// flatJSON encodes v as a JSON object whose arrays and objects are
// written as their compact JSON text: every property is then a plain
// column (GeoPackage and FlatGeobuf have no list or object fields; GDAL
// warns on the first and fails on the second), in the API's order.
func flatJSON(v any) (json.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	fields, err := service.Fields(b)
	if err != nil {
		return nil, err
	}
	out := []byte{'{'}
	for i, f := range fields {
		if i > 0 {
			out = append(out, ',')
		}
		k, _ := json.Marshal(f.Name)
		out = append(append(out, k...), ':')
		val := bytes.TrimSpace(f.Value)
		if len(val) > 0 && (val[0] == '[' || val[0] == '{') {
			var c bytes.Buffer
			if err := json.Compact(&c, val); err != nil {
				return nil, err
			}
			val, _ = json.Marshal(c.String())
		}
		out = append(out, val...)
	}
	return append(out, '}'), nil
}

// extent computes the collection's spatial and temporal extent.
func (c *collection) extent() {
	open := false
	for i := range c.features {
		f := &c.features[i]
		if f.geom != nil {
			c.addBound(f.bound)
		}
		if !f.timed {
			continue
		}
		c.addDays(f.first, f.last, f.open)
		open = open || f.open
	}
	if open {
		c.tLast = nil
	}
}

// addBound widens the spatial extent to b.
func (c *collection) addBound(b orb.Bound) {
	if c.hasBBox {
		c.bbox = c.bbox.Union(b)
	} else {
		c.bbox, c.hasBBox = b, true
	}
}

// addDays widens the temporal extent to first .. last (open: no last
// day; the caller then drops tLast once every feature is seen).
func (c *collection) addDays(first, last geo.Day, open bool) {
	if c.tFirst == nil || first < *c.tFirst {
		d := first
		c.tFirst = &d
	}
	if !open && (c.tLast == nil || last > *c.tLast) {
		d := last
		c.tLast = &d
	}
}

// page returns how many features pass the filters and those of them
// from offset, at most limit.
func (c *collection) page(bbox *orb.Bound, dt *Interval, offset, limit int) (matched int, pg []*feature, err error) {
	if c.src != nil {
		return c.src.page(bbox, dt, offset, limit)
	}
	for i := range c.features {
		f := &c.features[i]
		if bbox != nil && (f.geom == nil || !intersects(f.geom, f.bound, *bbox)) {
			continue
		}
		if dt != nil && f.timed && !dt.Meets(f.first, f.last, f.open) {
			continue
		}
		if matched >= offset && len(pg) < limit {
			pg = append(pg, f)
		}
		matched++
	}
	return matched, pg, nil
}

// feature returns the feature of id; nil when there is none.
func (c *collection) feature(id string) (*feature, error) {
	if c.src != nil {
		return c.src.feature(id)
	}
	if i, ok := c.byID[id]; ok {
		return &c.features[i], nil
	}
	return nil, nil
}

// ready computes the extent of a collection served from the store, once.
func (c *collection) ready() error {
	if c.src != nil {
		c.extentOnce.Do(func() { c.extentErr = c.src.extent(c) })
	}
	return c.extentErr
}
