// Package testenv holds what many packages' tests share: a service over a
// real temporary store seeded with the embedded data, the real router on a
// real TCP port, request helpers, and the GDAL command-line clients.
package testenv

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/store"
)

// Service opens a store in t.TempDir, imports the embedded regions and
// ledger, and returns a service over it; everything closes with the test.
func Service(t testing.TB) *service.Service {
	t.Helper()
	db, err := store.Create(filepath.Join(t.TempDir(), "test.db"), store.Options{})
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	rs, events := ledgertest.Data(t)
	if _, _, err := db.Import(rs, events); err != nil {
		t.Fatalf("Import: %v", err)
	}
	svc, err := service.New(db)
	if err != nil {
		t.Fatalf("service.New: %v", err)
	}
	return svc
}

// Server starts the real router with the given mounts on a real TCP port.
func Server(t testing.TB, svc *service.Service, mounts ...func(*echo.Echo)) *httptest.Server {
	t.Helper()
	router := handlers.New(svc, handlers.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Mounts: mounts})
	srv := httptest.NewServer(router)
	t.Cleanup(srv.Close)
	return srv
}

// Get fetches path (header pairs optional) and returns the response with
// its body read.
func Get(t testing.TB, srv *httptest.Server, path string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1] // the client sends req.Host, not a Host header
			continue
		}
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

// GetJSON fetches path, wants a 200, and decodes the body into v.
func GetJSON(t testing.TB, srv *httptest.Server, path string, v any) *http.Response {
	t.Helper()
	res, b := Get(t, srv, path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: got status %d, want 200; body %s", path, res.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: decoding: %v; body %.300s", path, err, b)
	}
	return res
}

// WantProblem checks an RFC 9457 problem answer with the given status.
func WantProblem(t testing.TB, res *http.Response, body []byte, status int) {
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

// RequireGDAL fails, never skips, when a GDAL client is missing: these
// tests are the proof that real GIS clients read the service.
func RequireGDAL(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found on PATH: the GDAL client tests must run, not skip; install Debian's gdal-bin (apt-get install -y gdal-bin)", tool)
		}
	}
}

// RunGDAL runs a GDAL command-line tool and returns its output.
func RunGDAL(t testing.TB, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "NO_PROXY=127.0.0.1,localhost", "no_proxy=127.0.0.1,localhost",
		"GDAL_HTTP_TIMEOUT=60", "CPL_DEBUG=OFF", "GDAL_HTTP_MAX_RETRY=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

var featureCountRE = regexp.MustCompile(`Feature Count: (\d+)`)

// FeatureCounts returns the "Feature Count" figures of `ogrinfo -so`
// output, by layer name.
func FeatureCounts(t testing.TB, out string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	layer := ""
	for _, line := range strings.Split(out, "\n") {
		if name, ok := strings.CutPrefix(line, "Layer name: "); ok {
			layer = strings.TrimSpace(name)
		}
		if m := featureCountRE.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			counts[layer] = n
		}
	}
	return counts
}
