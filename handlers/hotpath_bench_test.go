package handlers

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/cpubench"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/internal/logbuf"
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
// then with each layer added in turn as echo middleware, as New assembled
// them once (the access log formatted into io.Discard): the differences
// are each layer's cost per request, echo's closure for it included. Then
// through New's Router, which runs the same steps as plain calls.
// cpu-ns/op is the process's CPU time per request (steadier than ns/op on
// a shared machine).
func BenchmarkHotPathLayers(b *testing.B) {
	rs, evs := ledgertest.Data(b)
	svc, err := service.New(memStore{service.Dataset{Regions: rs, Events: evs, Version: "bench"}})
	if err != nil {
		b.Fatal(err)
	}
	today, _ := geo.ParseDay("2026-11-21")
	a := &API{svc: svc, opt: Options{Today: func() geo.Day { return today }}, metrics: newMetrics(svc)}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	known := map[string]bool{"/api/v1/snapshot": true}
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
		b.Helper()
		for _, enc := range []string{"identity", "gzip"} {
			b.Run(enc, func(b *testing.B) {
				req := httptest.NewRequest(http.MethodGet, "/api/v1/snapshot?date=2020-11-25", nil)
				if enc == "gzip" {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				w := &nullWriter{h: http.Header{}}
				h.ServeHTTP(w, req)
				b.ReportAllocs()
				cpu := cpubench.Used()
				for b.Loop() {
					clear(w.h)
					h.ServeHTTP(w, req)
				}
				b.ReportMetric(float64(cpubench.Used()-cpu)/float64(b.N), "cpu-ns/op")
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
	// New's Router: the same steps as plain calls around the route table,
	// without the access log, with it into a discarding buffer (serve
	// buffers it, internal/logbuf), and with a write system call per line
	// (/dev/null), as serve wrote it before.
	b.Run("router", func(b *testing.B) {
		run(b, New(svc, Options{Logger: log, Today: func() geo.Day { return today }}))
	})
	b.Run("router+accesslog", func(b *testing.B) {
		buf := logbuf.New(io.Discard, time.Hour, 64<<10)
		defer buf.Close()
		run(b, New(svc, Options{Logger: log, AccessLog: true, AccessLogger: slog.New(slog.NewTextHandler(buf, nil)),
			Today: func() geo.Day { return today }}))
	})
	b.Run("router+accesslog-syscall", func(b *testing.B) {
		null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		defer null.Close()
		run(b, New(svc, Options{Logger: log, AccessLog: true, AccessLogger: slog.New(slog.NewTextHandler(null, nil)),
			Today: func() geo.Day { return today }}))
	})
}
