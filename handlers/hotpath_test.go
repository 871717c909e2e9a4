package handlers

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/internal/logbuf"
	"github.com/mapsvc/mapsvc/service"
)

// A cached snapshot goes through the whole Router (route table, CORS,
// metrics, recovery, headers) without allocating, identity and gzip; the
// access log adds its one record (slog keeps five attributes inline).
func TestCachedSnapshotAllocations(t *testing.T) {
	rs, evs := ledgertest.Data(t)
	svc, err := service.New(memStore{service.Dataset{Regions: rs, Events: evs, Version: "t"}})
	if err != nil {
		t.Fatal(err)
	}
	today, _ := geo.ParseDay("2026-11-21")
	buf := logbuf.New(io.Discard, time.Hour, 64<<10)
	defer buf.Close()
	for _, tc := range []struct {
		name  string
		opt   Options
		limit float64
	}{
		{"no access log", Options{}, 0},
		{"access log", Options{AccessLog: true, AccessLogger: slog.New(slog.NewTextHandler(buf, nil))}, 1},
	} {
		tc.opt.Today = func() geo.Day { return today }
		tc.opt.Logger = slog.New(slog.DiscardHandler)
		rt := New(svc, tc.opt)
		for _, enc := range []string{"", "gzip"} {
			req := httptest.NewRequest(http.MethodGet, "/api/v1/snapshot?date=2020-11-25", nil)
			req.Header.Set("Accept-Encoding", enc)
			w := &nullWriter{h: http.Header{}}
			rt.ServeHTTP(w, req) // builds and caches the day
			if w.h.Get("Etag") == "" || w.h.Get("Access-Control-Allow-Origin") != "*" || w.h.Get("X-Content-Type-Options") != "nosniff" {
				t.Fatalf("%s %q: headers %v", tc.name, enc, w.h)
			}
			limit := tc.limit
			if raceEnabled {
				limit += 3 // see raceEnabled
			}
			n := testing.AllocsPerRun(200, func() {
				clear(w.h)
				rt.ServeHTTP(w, req)
			})
			if n > limit {
				t.Errorf("%s, Accept-Encoding %q: %.1f allocations per request, want at most %.0f", tc.name, enc, n, limit)
			}
		}
	}
}
