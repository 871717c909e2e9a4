package handlers_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/store"
)

// readSpy fails the test's expectation if anyone reads the body.
type readSpy struct {
	mu   sync.Mutex
	read bool
}

func (r *readSpy) Read(p []byte) (int, error) {
	r.mu.Lock()
	r.read = true
	r.mu.Unlock()
	return 0, io.EOF
}

func TestAnnouncedBodyPastTheLimitIs413Unread(t *testing.T) {
	w := newWriteEnv(t, store.Options{})
	cases := []struct {
		method, target string
		length         int64
	}{
		{http.MethodPost, "/api/v1/events", handlers.MaxBodyBytes + 1},
		{http.MethodPut, "/api/v1/events/x", handlers.MaxBodyBytes + 1},
		{http.MethodPost, "/api/v1/extract", 50 << 20},
		{http.MethodGet, "/api/v1/snapshot?date=2020-11-25", handlers.DefaultBodyLimit + 1},
		{http.MethodGet, "/no/such/route", 1 << 30},
	}
	for _, tc := range cases {
		t.Run(tc.method+" "+tc.target, func(t *testing.T) {
			spy := &readSpy{}
			req := httptest.NewRequest(tc.method, tc.target, spy)
			req.ContentLength = tc.length
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+token)
			rec := httptest.NewRecorder()
			w.e.ServeHTTP(rec, req)
			if rec.Code != http.StatusRequestEntityTooLarge || rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Errorf("got %d %q, want 413 problem JSON", rec.Code, rec.Header().Get("Content-Type"))
			}
			if spy.read {
				t.Error("the body was read")
			}
		})
	}
	// Within the limit the route answers as before.
	if rec := w.do(t, http.MethodGet, "/api/v1/snapshot?date=2020-11-25", nil); rec.Code != 200 {
		t.Errorf("plain GET: %d", rec.Code)
	}
}

// lockedBuffer is a log sink safe for the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) lines(t *testing.T) []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(l.b.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
		out = append(out, m)
	}
	return out
}

func TestAccessAndWriteLogs(t *testing.T) {
	w := newWriteEnv(t, store.Options{})
	var logs lockedBuffer
	e := handlers.New(w.svc, handlers.Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil)), AccessLog: true,
		Editors: []handlers.Editor{{Name: "desk", Token: token}}, WriteRate: 1000, WriteBurst: 1000})
	w.e = e
	w.do(t, http.MethodGet, "/api/v1/snapshot?date=2020-11-25", nil)
	if rec := w.do(t, http.MethodPost, "/api/v1/events", mustJSON(newEvent("kalbajar-2024-05-01-logtest", "2024-05-01"))); rec.Code != 201 {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	var access, write map[string]any
	for _, l := range logs.lines(t) {
		switch {
		case l["msg"] == "request" && l["route"] == "/api/v1/snapshot":
			access = l
		case l["msg"] == "write":
			write = l
		}
	}
	if access == nil {
		t.Fatal("no access line for the snapshot request")
	}
	for _, k := range []string{"method", "route", "status", "bytes", "duration_ms", "client"} {
		if _, ok := access[k]; !ok {
			t.Errorf("access line lacks %s: %v", k, access)
		}
	}
	if access["status"] != float64(200) || access["method"] != "GET" || access["bytes"].(float64) < 1000 {
		t.Errorf("access line: %v", access)
	}
	if write == nil || write["editor"] != "desk" || write["event_id"] != "kalbajar-2024-05-01-logtest" || write["action"] != "create" {
		t.Errorf("write line: %v, want editor desk and the event id", write)
	}
}

func TestMetrics(t *testing.T) {
	svc := testenv.Service(t)
	e := handlers.New(svc, handlers.Options{WriteRate: 0.001, WriteBurst: 1})
	get := func(target string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		return rec
	}
	for i := 0; i < 3; i++ {
		get("/api/v1/snapshot?date=2020-11-25")
	}
	get("/api/v1/snapshot?date=2020-13-01")
	get("/nothing/here/1")
	get("/nothing/here/2")
	// Extraction shares the write throttle: the second POST is refused.
	for i := 0; i < 2; i++ {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/v1/extract?published=2020-11-25", strings.NewReader("text")))
	}
	rec := get("/metrics")
	body := rec.Body.String()
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") {
		t.Fatalf("/metrics: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	for _, want := range []string{
		`mapsvc_http_requests_total{method="GET",route="/api/v1/snapshot",status="200"} 3`,
		`mapsvc_http_requests_total{method="GET",route="/api/v1/snapshot",status="400"} 1`,
		`mapsvc_http_requests_total{method="GET",route="unmatched",status="404"} 2`,
		`mapsvc_http_request_duration_seconds_count{route="/api/v1/snapshot",status="200"} 3`,
		`mapsvc_rate_limited_total{route="/api/v1/extract"} 1`,
		`mapsvc_cache_hits_total{group="day"} 2`,
		`mapsvc_cache_budget_bytes `,
		`mapsvc_epochs_built_total 1`,
		`go_goroutines `,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if strings.Contains(body, "/nothing/here") {
		t.Error("an unregistered path became a label")
	}
}
