package tiles_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/data/regions"
	"github.com/mapsvc/mapsvc/export"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/ogc"
	"github.com/mapsvc/mapsvc/seeds"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/store"
	"github.com/mapsvc/mapsvc/tiles"
)

// newServer starts the real router (core API and every mounted package)
// on a real TCP port, over a temporary store seeded with the embedded
// regions and ledger.
func newServer(t *testing.T) (*httptest.Server, *service.Service) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "test.db"), store.Options{})
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	rs, err := regions.Load()
	if err != nil {
		t.Fatal(err)
	}
	l, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.Import(rs, l.Events); err != nil {
		t.Fatalf("Import: %v", err)
	}
	svc, err := service.New(db)
	if err != nil {
		t.Fatalf("service.New: %v", err)
	}
	return serve(t, svc), svc
}

func serve(t *testing.T, svc *service.Service) *httptest.Server {
	router := handlers.New(svc, handlers.Options{
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Mounts: []func(*echo.Echo){ogc.Mount(svc), export.Mount(svc), tiles.Mount(svc)},
	})
	srv := httptest.NewServer(router)
	t.Cleanup(srv.Close)
	return srv
}

// get fetches path and returns the response with its body read.
func get(t *testing.T, srv *httptest.Server, path string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

// getJSON fetches path, wants a 200, and decodes the body into v.
func getJSON(t *testing.T, srv *httptest.Server, path string, v any) *http.Response {
	t.Helper()
	res, b := get(t, srv, path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: got status %d, want 200; body %s", path, res.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: decoding: %v; body %.300s", path, err, b)
	}
	return res
}

// wantProblem checks a problem answer with the given status.
func wantProblem(t *testing.T, res *http.Response, body []byte, status int) {
	t.Helper()
	if res.StatusCode != status {
		t.Errorf("got status %d, want %d; body %s", res.StatusCode, status, body)
		return
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("got Content-Type %q, want application/problem+json", ct)
	}
	var p struct {
		Status int    `json:"status"`
		Detail string `json:"detail"`
	}
	if err := json.Unmarshal(body, &p); err != nil || p.Status != status || p.Detail == "" {
		t.Errorf("got problem body %s, want status %d and a detail", body, status)
	}
}
