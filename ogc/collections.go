package ogc

import (
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
		Description: "Every mapped unit: the conflict-area districts and cities, the rest of Azerbaijan's units for context, and neighbouring Armenia for orientation. Boundaries are fixed for the whole span, so a datetime filter is checked and then matches every region.",
		Timed:       false},
	{ID: "control-periods", Title: "Control periods",
		Description: "One feature per conflict-area region and control period: who held it from `start` (inclusive) to `end` (exclusive; null while the period is open), with the region's boundary. A period holds at the end of each of its days, so datetime=D returns exactly the periods with start <= D < end: the snapshot of day D. start_day and end_day are the same days counted from 1970-01-01.",
		Timed:       true},
	{ID: "events", Title: "Events",
		Description: "Every dated ledger event with its sources. The geometry is the label point of the event's region; area-wide events that name no region (ceasefires, political acts) are included with a null geometry, so a bbox filter leaves them out. datetime matches events whose date window [date_first, date_last] meets the requested interval.",
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
	ix, err := buildIndex(v.History, lang)
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

func buildIndex(h *geo.History, lang geo.Lang) (index, error) {
	ix := index{}
	geomJSON := map[string]json.RawMessage{}
	for _, r := range h.Regions() {
		b, err := json.Marshal(geojson.NewGeometry(r.Geometry))
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
	for _, r := range h.Regions() {
		ps := h.Periods(r.ID)
		for i := range ps {
			p := &ps[i]
			pb, err := json.Marshal(service.PeriodFeatureProps(p, r, lang))
			if err != nil {
				return nil, err
			}
			f := feature{id: service.PeriodID(p), props: pb, geom: r.Geometry, geomJSON: geomJSON[r.ID], bound: r.Geometry.Bound(),
				timed: true, first: p.Start, last: p.End - 1, open: p.Open}
			if err := add(periods, f); err != nil {
				return nil, err
			}
		}
	}
	events := newColl(collectionDefs[2])
	for _, e := range h.Events() {
		pb, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		f := feature{id: e.ID, props: pb, geomJSON: json.RawMessage("null"), timed: true, first: e.Date.First, last: e.Date.Last}
		if e.Region != "" {
			if r, err := h.Region(e.Region); err == nil {
				f.geom = r.Label
				f.geomJSON, _ = json.Marshal(geojson.NewGeometry(r.Label))
				f.bound = r.Label.Bound()
			}
		}
		if err := add(events, f); err != nil {
			return nil, err
		}
	}
	for _, c := range ix {
		c.extent()
	}
	return ix, nil
}

// extent computes the collection's spatial and temporal extent.
func (c *collection) extent() {
	open := false
	for i := range c.features {
		f := &c.features[i]
		if f.geom != nil {
			if c.hasBBox {
				c.bbox = c.bbox.Union(f.bound)
			} else {
				c.bbox, c.hasBBox = f.bound, true
			}
		}
		if !f.timed {
			continue
		}
		if c.tFirst == nil || f.first < *c.tFirst {
			d := f.first
			c.tFirst = &d
		}
		if f.open {
			open = true
		} else if c.tLast == nil || f.last > *c.tLast {
			d := f.last
			c.tLast = &d
		}
	}
	if open {
		c.tLast = nil
	}
}

// match returns the indices of the features that pass the filters.
func (c *collection) match(bbox *orb.Bound, dt *Interval) []int {
	out := []int{}
	for i := range c.features {
		f := &c.features[i]
		if bbox != nil && (f.geom == nil || !intersects(f.geom, f.bound, *bbox)) {
			continue
		}
		if dt != nil && f.timed && !dt.Meets(f.first, f.last, f.open) {
			continue
		}
		out = append(out, i)
	}
	return out
}
