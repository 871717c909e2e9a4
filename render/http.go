package render

import (
	"fmt"
	"sync"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
)

// Content types of the static snapshots.
const (
	TypeSVG = "image/svg+xml"
	TypePNG = "image/png"
)

// Options configure the snapshot routes.
type Options struct {
	// Today is the default date; tests pin it. Nil means geo.Today.
	Today func() geo.Day
}

// Mount adds GET /api/v1/snapshot.svg and /api/v1/snapshot.png.
func Mount(svc *service.Service, opt Options) func(*echo.Echo) {
	if opt.Today == nil {
		opt.Today = geo.Today
	}
	h := &handler{svc: svc, opt: opt, cache: service.NewCache(256)}
	return func(e *echo.Echo) {
		e.GET("/api/v1/snapshot.svg", h.serve(TypeSVG))
		e.GET("/api/v1/snapshot.png", h.serve(TypePNG))
	}
}

type handler struct {
	svc   *service.Service
	opt   Options
	cache *service.Cache
	// building serialises rendering: a PNG takes tens of milliseconds of
	// CPU, and a burst of distinct dates should queue, not pile up.
	building sync.Mutex
}

func (h *handler) serve(contentType string) echo.HandlerFunc {
	return func(c echo.Context) error {
		q, err := httpkit.ParseQuery(c.QueryString(), "date", "lang")
		if err != nil {
			return err
		}
		d, err := q.Day("date", h.opt.Today())
		if err != nil {
			return err
		}
		lang, err := q.Lang()
		if err != nil {
			return err
		}
		e, err := h.encoded(contentType, d, lang)
		if err != nil {
			return err
		}
		if contentType == TypePNG {
			return httpkit.SendUncompressed(c, e, httpkit.CacheShort)
		}
		return httpkit.Send(c, e, httpkit.CacheShort)
	}
}

// encoded returns the cached rendering for this view, date and language.
func (h *handler) encoded(contentType string, d geo.Day, lang geo.Lang) (*service.Encoded, error) {
	v := h.svc.View()
	key := fmt.Sprintf("%s|%s|%s", contentType, d, lang)
	return h.cache.Get(v, key, contentType, func() ([]byte, error) {
		h.building.Lock()
		defer h.building.Unlock()
		if contentType == TypePNG {
			return PNG(v.History, v.Version, d, lang)
		}
		return SVG(v.History, v.Version, d, lang)
	})
}
