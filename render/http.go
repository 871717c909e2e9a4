package render

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
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
		q, err := StrictQuery(c.QueryString(), "date", "lang")
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

// Send writes an encoded answer with its validators: 304 when
// If-None-Match matches either representation, gzip when allowed and the
// client accepts it.
func Send(c echo.Context, e *service.Encoded, cacheControl string, allowGzip bool) error {
	req, hd := c.Request(), c.Response().Header()
	etag, body := e.ETag, e.Body
	if allowGzip {
		hd.Set("Vary", "Accept-Encoding")
		if acceptsGzip(req.Header.Get("Accept-Encoding")) {
			etag, body = e.GzipETag(), e.Gzip()
			hd.Set("Content-Encoding", "gzip")
		}
	}
	hd.Set("ETag", etag)
	hd.Set("Cache-Control", cacheControl)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set(echo.HeaderContentType, e.ContentType)
	if inm := req.Header.Get("If-None-Match"); inm != "" && etagMatches(inm, e) {
		hd.Del("Content-Encoding")
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, e.ContentType, body)
}

func etagMatches(header string, e *service.Encoded) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == e.ETag || t == e.GzipETag() {
			return true
		}
	}
	return false
}

func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
			continue
		}
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(k) == "q" {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f <= 0 {
				return false
			}
		}
		return true
	}
	return false
}

// StrictQuery parses a query string and rejects names outside allowed
// and repeated names, as the JSON API does.
func StrictQuery(raw string, allowed ...string) (url.Values, error) {
	v, err := url.ParseQuery(raw)
	if err != nil {
		return nil, service.BadRequest("query: %v", err)
	}
	var unknown []string
	for k, vals := range v {
		if !contains(allowed, k) {
			unknown = append(unknown, k)
		} else if len(vals) > 1 {
			return nil, service.BadRequest("%q given %d times", k, len(vals))
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, service.BadRequest("unknown query parameter %s (this endpoint takes: %s)", strings.Join(unknown, ", "), strings.Join(allowed, ", "))
	}
	return v, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
