package render

import (
	"fmt"
	"sync"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/service"
)

// Content types of the static snapshots.
const (
	TypeSVG = "image/svg+xml"
	TypePNG = "image/png"
)

// CacheControl matches the JSON API's: shared caches keep an answer
// briefly, and the ETag makes revalidation cheap.
const CacheControl = "public, max-age=60, stale-while-revalidate=300"

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
	h := &handler{svc: svc, opt: opt, cache: map[string]*service.Encoded{}}
	return func(e *echo.Echo) {
		e.GET("/api/v1/snapshot.svg", h.serve(TypeSVG))
		e.GET("/api/v1/snapshot.png", h.serve(TypePNG))
	}
}

type handler struct {
	svc   *service.Service
	opt   Options
	mu    sync.Mutex
	cache map[string]*service.Encoded
	// building serialises rendering: a PNG takes tens of milliseconds of
	// CPU, and a burst of distinct dates should queue, not pile up.
	building sync.Mutex
}

const maxCached = 256

func (h *handler) serve(contentType string) echo.HandlerFunc {
	return func(c echo.Context) error {
		q, err := handlers.Query(c.QueryString(), "date", "lang")
		if err != nil {
			return err
		}
		d := h.opt.Today()
		if q.Has("date") {
			if d, err = geo.ParseDay(q.Get("date")); err != nil {
				return fmt.Errorf("parameter date: %w", err)
			}
		}
		lang := geo.LangEN
		if q.Has("lang") {
			if lang, err = geo.ParseLang(q.Get("lang")); err != nil {
				return service.BadRequest("lang %q is not one of en, ar, az, ru, hy", q.Get("lang"))
			}
		}
		e, err := h.encoded(contentType, d, lang)
		if err != nil {
			return err
		}
		return Send(c, e, CacheControl, contentType == TypeSVG)
	}
}

// encoded returns the cached rendering for this view, date and language.
func (h *handler) encoded(contentType string, d geo.Day, lang geo.Lang) (*service.Encoded, error) {
	v := h.svc.View()
	ext := "svg"
	if contentType == TypePNG {
		ext = "png"
	}
	key := fmt.Sprintf("%s-snapshot-%s-%s-%s", v.Version, ext, d, lang)
	h.mu.Lock()
	e, ok := h.cache[key]
	h.mu.Unlock()
	if ok {
		return e, nil
	}
	h.building.Lock()
	defer h.building.Unlock()
	h.mu.Lock()
	e, ok = h.cache[key]
	h.mu.Unlock()
	if ok {
		return e, nil
	}
	var body []byte
	var err error
	if ext == "png" {
		body, err = PNG(v.History, v.Version, d, lang)
	} else {
		body, err = SVG(v.History, v.Version, d, lang)
	}
	if err != nil {
		return nil, err
	}
	e = &service.Encoded{Body: body, ContentType: contentType, ETag: `"` + etagSafe(key) + `"`}
	h.mu.Lock()
	if len(h.cache) >= maxCached {
		h.cache = map[string]*service.Encoded{}
	}
	h.cache[key] = e
	h.mu.Unlock()
	return e, nil
}

func etagSafe(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '"' || c < 0x21 || c > 0x7e {
			b[i] = '_'
		}
	}
	return string(b)
}

// Send writes an encoded answer the way the core API does; allowGzip is
// false for bodies compressed already.
func Send(c echo.Context, e *service.Encoded, cacheControl string, allowGzip bool) error {
	if allowGzip {
		return handlers.Send(c, e, cacheControl)
	}
	return handlers.SendUncompressed(c, e, cacheControl)
}
