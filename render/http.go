package render

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
	"golang.org/x/time/rate"
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
	// RenderRate and RenderBurst bound the renderings one client may ask
	// for (answers not in the cache); cached ones are always served.
	// Defaults 2 a second, burst 10.
	RenderRate  float64
	RenderBurst int
	// Areas gives the approximate control areas drawn inside split
	// districts (the place package's, wired in cmd/mapsvc); nil draws
	// every split district striped.
	Areas AreaSource
}

// Mount adds GET /api/v1/snapshot.svg and /api/v1/snapshot.png.
func Mount(svc *service.Service, opt Options) func(*echo.Echo) {
	return New(svc, opt).Mount
}

// Snapshots renders the static maps and keeps them in the service's
// cache; the pages inline the day's SVG from the same cache.
type Snapshots struct{ h *handler }

// New makes the snapshot renderer.
func New(svc *service.Service, opt Options) *Snapshots {
	if opt.Today == nil {
		opt.Today = geo.Today
	}
	if opt.RenderRate <= 0 {
		opt.RenderRate, opt.RenderBurst = 2, 10
	}
	h := &handler{svc: svc, opt: opt, cache: svc.NewCache("render"),
		limit: middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
			Rate: rate.Limit(opt.RenderRate), Burst: opt.RenderBurst, ExpiresIn: 3 * time.Minute})}
	return &Snapshots{h: h}
}

// Mount adds GET /api/v1/snapshot.svg and /api/v1/snapshot.png.
func (s *Snapshots) Mount(e *echo.Echo) {
	e.GET("/api/v1/snapshot.svg", s.h.serve(TypeSVG))
	e.GET("/api/v1/snapshot.png", s.h.serve(TypePNG))
}

// SVG returns the SVG of day d in lang, as /api/v1/snapshot.svg serves
// it, under the same per-client rate of new renderings.
func (s *Snapshots) SVG(client string, d geo.Day, lang geo.Lang) ([]byte, error) {
	e, err := s.h.encoded(client, TypeSVG, d, lang)
	if err != nil {
		return nil, err
	}
	return e.Bytes(), nil
}

type handler struct {
	svc   *service.Service
	opt   Options
	cache *service.Cache
	limit *middleware.RateLimiterMemoryStore
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
		e, err := h.encoded(c.RealIP(), contentType, d, lang)
		if errors.Is(err, ErrRenderLimit) {
			c.Response().Header().Set("Retry-After", "1")
			return echo.NewHTTPError(http.StatusTooManyRequests, err.Error())
		}
		if err != nil {
			return err
		}
		if contentType == TypePNG {
			return httpkit.SendUncompressed(c, e, httpkit.CacheShort)
		}
		return httpkit.Send(c, e, httpkit.CacheShort)
	}
}

// ErrRenderLimit: a client asked for more new renderings than its rate.
var ErrRenderLimit = errors.New("too many new renderings from this address; cached dates are still served")

// encoded returns the cached rendering for this view, date and language,
// rendering it when the client is within its rate.
func (h *handler) encoded(client, contentType string, d geo.Day, lang geo.Lang) (*service.Encoded, error) {
	v := h.svc.View()
	ext := "svg"
	if contentType == TypePNG {
		ext = "png"
	}
	key := fmt.Sprintf("snapshot-%s-%s-%s", ext, d, lang)
	if e, ok := h.cache.Lookup(v, key); ok {
		return e, nil
	}
	if ok, _ := h.limit.Allow(client); !ok {
		return nil, ErrRenderLimit
	}
	h.building.Lock()
	defer h.building.Unlock()
	return h.cache.Get(v, key, contentType, func() ([]byte, error) {
		var a *Areas
		if h.opt.Areas != nil {
			var err error
			if a, err = h.opt.Areas(v, d); err != nil {
				return nil, fmt.Errorf("approximate areas for %s: %w", d, err)
			}
		}
		if ext == "png" {
			return PNG(v.History, v.Version, d, lang, a)
		}
		return SVG(v.History, v.Version, d, lang, a)
	})
}
