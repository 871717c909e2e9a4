// Package placeapi serves the gazetteer and its place-level history over
// HTTP, beside the district API:
//
//	GET /api/v1/places[?date=YYYY-MM-DD&lang=]   every place as a GeoJSON point
//	GET /api/v1/places/{id}[?lang=]              one place with its history and sources
//	GET /api/v1/areas?date=YYYY-MM-DD[&lang=]     approximate control areas (see areas.go)
//
// Without a date the places carry their names, district, kind and the
// source of their coordinates; with one they also carry who held them at
// the end of that day (controller, status, basis, event_ids), as
// geo.PlaceHistory defines it. Places without a sourced position have a
// null geometry. Bad input is a 400 problem, an unknown id a 404.
package placeapi

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/data/places"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/seeds"
	"github.com/mapsvc/mapsvc/service"
)

// Prefix is where the place routes are mounted.
const Prefix = "/api/v1/places"

// Source builds the place history for a district view; Mount's default
// reads the embedded gazetteer and place ledger.
type Source func(h *geo.History) (*geo.PlaceHistory, error)

// server answers the place routes over the current view.
type server struct {
	svc    *service.Service
	source Source
	cache  *service.Cache

	mu      sync.Mutex
	version string
	ph      *geo.PlaceHistory
	// epochs are computed area collections by place history, epoch and
	// language: the geometry work is done once per epoch.
	epochs map[string]*areaCollection
}

// Mount returns the hook that adds the place routes to the router.
func Mount(svc *service.Service, source Source) func(*echo.Echo) {
	s := &server{svc: svc, source: source, cache: service.NewCache(512), epochs: map[string]*areaCollection{}}
	return func(e *echo.Echo) {
		e.GET(Prefix, s.list)
		e.GET(Prefix+"/:id", s.one)
		e.GET(AreasPath, s.areas)
	}
}

// places returns the place history of v, built once per data version.
func (s *server) places(v *service.View) (*geo.PlaceHistory, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ph != nil && s.version == v.Version {
		return s.ph, nil
	}
	ph, err := s.source(v.History)
	if err != nil {
		// The district data changed under the place ledger: a server
		// fault, logged, not the client's.
		return nil, fmt.Errorf("place history for data version %s: %v", v.Version, err)
	}
	s.version, s.ph, s.epochs = v.Version, ph, map[string]*areaCollection{}
	return ph, nil
}

func parseLang(q interface{ Get(string) string }, has bool) (geo.Lang, error) {
	if !has {
		return geo.LangEN, nil
	}
	l, err := geo.ParseLang(q.Get("lang"))
	if err != nil {
		return "", service.BadRequest("lang %q is not one of en, ar, az, ru, hy", q.Get("lang"))
	}
	return l, nil
}

func (s *server) list(c echo.Context) error {
	q, err := handlers.Query(c.QueryString(), "date", "lang")
	if err != nil {
		return err
	}
	lang, err := parseLang(q, q.Has("lang"))
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
	return handlers.Send(c, e, handlers.CacheControl)
}

func (s *server) one(c echo.Context) error {
	q, err := handlers.Query(c.QueryString(), "lang")
	if err != nil {
		return err
	}
	lang, err := parseLang(q, q.Has("lang"))
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
	return handlers.Send(c, e, handlers.CacheControl)
}

// Embedded is the Source over the gazetteer and place ledger built into the
// binary (data/places/places.json, seeds/places.json), parsed once.
func Embedded() (Source, error) {
	ps, err := places.Load()
	if err != nil {
		return nil, err
	}
	l, err := seeds.EmbeddedPlaces()
	if err != nil {
		return nil, err
	}
	return func(h *geo.History) (*geo.PlaceHistory, error) {
		// NewPlaceHistory keeps pointers into its arguments: each history
		// gets its own copies.
		return geo.NewPlaceHistory(h, slices.Clone(ps), slices.Clone(l.Events))
	}, nil
}

// MountEmbedded mounts the place routes over the embedded data. Should the
// embedded files not parse (the tests keep them parsing), every place
// request fails with a logged server error rather than the whole server.
func MountEmbedded(svc *service.Service) func(*echo.Echo) {
	src, err := Embedded()
	if err != nil {
		src = func(*geo.History) (*geo.PlaceHistory, error) { return nil, err }
	}
	return Mount(svc, src)
}
