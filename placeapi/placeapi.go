// Package placeapi serves the gazetteer and its place-level history over
// HTTP, beside the district API:
//
//	GET /api/v1/places[?date=YYYY-MM-DD&lang=]   every place as a GeoJSON point
//	GET /api/v1/places/{id}[?lang=]              one place with its history and sources
//	GET /api/v1/areas?date=YYYY-MM-DD[&lang=]     approximate control areas (see areas.go)
//	GET /api/v1/peacekeeping?date=YYYY-MM-DD      the peacekeeping overlay (see peacekeeping.go)
//	GET /api/v1/lines?date=YYYY-MM-DD[&lang=]     approximate lines between holders (see lines.go)
//
// Without a date the places carry their names, district, kind and the
// source of their coordinates; with one they also carry who held them at
// the end of that day (controller, status, basis, event_ids), as
// geo.PlaceHistory defines it. Places without a sourced position have a
// null geometry. Bad input is a 400 problem, an unknown id a 404.
package placeapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/areas"
	"github.com/mapsvc/mapsvc/data/places"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/seeds"
	"github.com/mapsvc/mapsvc/service"
)

// Prefix is where the place routes are mounted.
const Prefix = "/api/v1/places"

// Source builds the place history for a district view; Mount's default
// reads the embedded gazetteer and place ledger.
type Source func(h *geo.History) (*geo.PlaceHistory, error)

// Histories builds the place history of each data version once, and the
// control areas of each of its epochs once; the place routes and the OGC
// collections share it.
type Histories struct {
	source Source

	mu      sync.Mutex
	version string
	ph      *geo.PlaceHistory
	areas   map[int][]areas.District // by epoch
}

// NewHistories returns an empty cache over source.
func NewHistories(source Source) *Histories { return &Histories{source: source} }

// For returns the place history of v, built once per data version.
func (hs *Histories) For(v *service.View) (*geo.PlaceHistory, error) {
	hs.mu.Lock()
	defer hs.mu.Unlock()
	if hs.ph != nil && hs.version == v.Version {
		return hs.ph, nil
	}
	ph, err := hs.source(v.History)
	if err != nil {
		// The district data changed under the place ledger: a server
		// fault, logged, not the client's.
		return nil, fmt.Errorf("%w: place history for data version %s: %v", ErrPlacesDoNotFit, v.Version, err)
	}
	hs.version, hs.ph, hs.areas = v.Version, ph, map[int][]areas.District{}
	return ph, nil
}

// ErrPlacesDoNotFit is For's error when the place ledger names districts
// or holders the view's data does not have (another world's data, such
// as a synthetic benchmark world): nothing can be said about places or
// areas there.
var ErrPlacesDoNotFit = errors.New("the place ledger does not fit the district data")

// Epoch returns the epoch of day d in ph: the number of change days on or
// before d, and the epoch's first day (ok false before the first one).
func Epoch(ph *geo.PlaceHistory, d geo.Day) (epoch int, start geo.Day, ok bool) {
	days := ph.ChangeDays()
	epoch = sort.Search(len(days), func(i int) bool { return days[i] > d })
	if epoch == 0 {
		return 0, 0, false
	}
	return epoch, days[epoch-1], true
}

// Areas returns the split districts of an epoch of ph, computed once.
func (hs *Histories) Areas(ph *geo.PlaceHistory, epoch int) ([]areas.District, error) {
	hs.mu.Lock()
	if hs.ph == ph {
		if ds, ok := hs.areas[epoch]; ok {
			hs.mu.Unlock()
			return ds, nil
		}
	}
	hs.mu.Unlock()
	if epoch == 0 {
		return nil, nil
	}
	ds, err := areas.Compute(ph, ph.ChangeDays()[epoch-1])
	if err != nil {
		return nil, err
	}
	hs.mu.Lock()
	if hs.ph == ph {
		hs.areas[epoch] = ds
	}
	hs.mu.Unlock()
	return ds, nil
}

// server answers the place routes over the current view.
type server struct {
	svc   *service.Service
	hs    *Histories
	cache *service.Cache
}

// Mount returns the hook that adds the place and area routes to the router.
func Mount(svc *service.Service, hs *Histories) func(*echo.Echo) {
	s := &server{svc: svc, hs: hs, cache: svc.NewCache("places")}
	return func(e *echo.Echo) {
		e.GET(Prefix, s.list)
		e.GET(Prefix+"/:id", s.one)
		e.GET(AreasPath, s.areas)
		e.GET(PeacekeepingPath, s.peacekeeping)
		e.GET(LinesPath, s.lines)
	}
}

func (s *server) places(v *service.View) (*geo.PlaceHistory, error) { return s.hs.For(v) }

func (s *server) list(c echo.Context) error {
	q, err := httpkit.ParseQuery(c.QueryString(), "date", "lang")
	if err != nil {
		return err
	}
	lang, err := q.Lang()
	if err != nil {
		return err
	}
	var day *geo.Day
	if q.Has("date") {
		d, err := geo.ParseDay(q.Get("date"))
		if err != nil {
			return fmt.Errorf("parameter date: %w", err)
		}
		day = &d
	}
	v := s.svc.View()
	key := fmt.Sprintf("list|%s|%v", lang, day)
	if day != nil {
		key = fmt.Sprintf("list|%s|%s", lang, *day)
	}
	e, err := s.cache.Get(v, key, service.TypeGeoJSON, func() ([]byte, error) {
		ph, err := s.places(v)
		if err != nil {
			return nil, err
		}
		fc := featureCollection{Type: "FeatureCollection", Features: []feature{}}
		if day != nil {
			d := day.String()
			fc.Date = &d
		}
		for _, p := range ph.Places() {
			fc.Features = append(fc.Features, placeFeature(ph, p, lang, day))
		}
		return json.Marshal(fc)
	})
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, httpkit.CacheShort)
}

func (s *server) one(c echo.Context) error {
	q, err := httpkit.ParseQuery(c.QueryString(), "lang")
	if err != nil {
		return err
	}
	lang, err := q.Lang()
	if err != nil {
		return err
	}
	id := c.Param("id")
	if !geo.ValidID(id) {
		return fmt.Errorf("%w: place %q", geo.ErrNotFound, id)
	}
	v := s.svc.View()
	ph, err := s.places(v)
	if err != nil {
		return err
	}
	p, err := ph.Place(id)
	if err != nil {
		return err
	}
	e, err := s.cache.Get(v, "one|"+id+"|"+string(lang), service.TypeGeoJSON, func() ([]byte, error) {
		f := placeFeature(ph, p, lang, nil)
		f.History = history(ph, p, lang)
		f.Events = ph.EventsOf(p.ID)
		if f.Events == nil {
			f.Events = []*geo.Event{}
		}
		return json.Marshal(f)
	})
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, httpkit.CacheShort)
}

// Embedded is the Source over the gazetteer and place ledger built into the
// binary (data/places/places.json, seeds/places.json), parsed once, on the
// first place request: a server's start and first snapshot do not wait
// for them (parsing them was a fifth of a start's work).
func Embedded() (Source, error) {
	type data struct {
		places []geo.Place
		events []geo.Event
	}
	parsed := sync.OnceValues(func() (data, error) {
		ps, err := places.Load()
		if err != nil {
			return data{}, err
		}
		l, err := seeds.EmbeddedPlaces()
		return data{ps, l.Events}, err
	})
	return func(h *geo.History) (*geo.PlaceHistory, error) {
		d, err := parsed()
		if err != nil {
			return nil, err
		}
		ps, evs := d.places, d.events
		// NewPlaceHistory keeps pointers into its arguments: each history
		// gets its own copies.
		return geo.NewPlaceHistory(h, slices.Clone(ps), slices.Clone(evs))
	}, nil
}

// EmbeddedHistories is NewHistories over the embedded data. Should the
// embedded files not parse (the tests keep them parsing), every place
// request fails with a logged server error rather than the whole server.
func EmbeddedHistories() *Histories {
	src, err := Embedded()
	if err != nil {
		src = func(*geo.History) (*geo.PlaceHistory, error) { return nil, err }
	}
	return NewHistories(src)
}

// MountEmbedded mounts the place routes over the embedded data.
func MountEmbedded(svc *service.Service) func(*echo.Echo) {
	return Mount(svc, EmbeddedHistories())
}

// requiredDay reads the date every area, line and zone route needs.
func requiredDay(q httpkit.Query) (geo.Day, error) {
	if !q.Has("date") {
		return 0, service.BadRequest("parameter date is required (YYYY-MM-DD)")
	}
	d, err := geo.ParseDay(q.Get("date"))
	if err != nil {
		return 0, fmt.Errorf("parameter date: %w", err)
	}
	return d, nil
}
