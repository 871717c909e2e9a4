package handlers

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/service"
)

// memStore serves a dataset from memory.
type memStore struct{ ds service.Dataset }

func (m memStore) Load() (service.Dataset, error) { return m.ds, nil }

// nullWriter is a ResponseWriter that keeps nothing but its headers.
type nullWriter struct{ h http.Header }

func (w *nullWriter) Header() http.Header         { return w.h }
func (w *nullWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *nullWriter) WriteHeader(int)             {}

// BenchmarkHotPathLayers: a cached snapshot through the handler alone,
// then with each layer of the chain New assembles added in turn (the
// access log formatted into io.Discard), then through New itself. The
// differences are each layer's cost per request.
func BenchmarkHotPathLayers(b *testing.B) {
	rs, evs := ledgertest.Data(b)
	svc, err := service.New(memStore{service.Dataset{Regions: rs, Events: evs, Version: "bench"}})
	if err != nil {
		b.Fatal(err)
	}
	today, _ := geo.ParseDay("2026-11-21")
	a := &API{svc: svc, opt: Options{Today: func() geo.Day { return today }}, metrics: newMetrics(svc)}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	routes := map[string]bool{"/api/v1/snapshot": true}
	known := func(r string) bool { return routes[r] }
	// Each layer as its own middleware, as New assembled them before
	// requestChain; echo makes a closure for each on every request.
	layers := []struct {
		name string
		add  func(e *echo.Echo)
	}{
		{"handler", func(*echo.Echo) {}},
		{"+restorehead", func(e *echo.Echo) { e.Use(httpkit.RestoreHead()) }},
		{"+observe", func(e *echo.Echo) {
			e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
				return func(c echo.Context) error {
					start := time.Now()
					if err := next(c); err != nil {
						c.Error(err)
					}
					a.metrics.observe(log, c, time.Since(start), known)
					return nil
				}
			})
		}},
		{"+recover", func(e *echo.Echo) {
			e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{DisableStackAll: true}))
		}},
		{"+headasget", func(e *echo.Echo) { e.Pre(httpkit.HeadAsGet()) }},
		{"+trailingslash", func(e *echo.Echo) {
			e.Pre(middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{Skipper: func(c echo.Context) bool { return true }}))
		}},
		{"+cors", func(e *echo.Echo) { e.Use(httpkit.CORS()) }},
		{"+publicurl", func(e *echo.Echo) { e.Use(httpkit.PublicURL("")) }},
		{"+limitbody", func(e *echo.Echo) { e.Use(limitBody) }},
	}
	run := func(b *testing.B, h http.Handler) {
		for _, enc := range []string{"identity", "gzip"} {
			b.Run(enc, func(b *testing.B) {
				req := httptest.NewRequest(http.MethodGet, "/api/v1/snapshot?date=2020-11-25", nil)
				if enc == "gzip" {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				w := &nullWriter{h: http.Header{}}
				h.ServeHTTP(w, req)
				b.ReportAllocs()
				for b.Loop() {
					clear(w.h)
					h.ServeHTTP(w, req)
				}
			})
		}
	}
	for i := range layers {
		b.Run(layers[i].name, func(b *testing.B) {
			e := echo.New()
			e.HTTPErrorHandler = errorHandler(log)
			for _, l := range layers[:i+1] {
				l.add(e)
			}
			e.GET("/api/v1/snapshot", a.snapshot)
			run(b, e)
		})
	}
	// The same layers as New now assembles them: one Pre, one Use.
	b.Run("chain", func(b *testing.B) {
		e := echo.New()
		e.HTTPErrorHandler = errorHandler(log)
		e.Pre(beforeRouting)
		e.Use(requestChain(log, log, a.metrics, known, ""))
		e.GET("/api/v1/snapshot", a.snapshot)
		run(b, e)
	})
	b.Run("New", func(b *testing.B) {
		run(b, New(svc, Options{Logger: log, AccessLog: true, Today: func() geo.Day { return today }}))
	})
}
