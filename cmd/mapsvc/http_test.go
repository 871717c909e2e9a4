package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/internal/testenv"
)

// fullServer is the real router with every mount, as `mapsvc serve`
// builds it, on a real TCP port.
func fullServer(t *testing.T, publicURL string) (*httptest.Server, string) {
	t.Helper()
	svc := testenv.Service(t)
	c := defaultConfig()
	c.Assets = filepath.Join("..", "..", "node_modules")
	c.PublicURL = publicURL
	router := handlers.New(svc, handlers.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		PublicURL: publicURL, Mounts: mounts(svc, c)})
	srv := httptest.NewServer(router)
	t.Cleanup(srv.Close)
	return srv, svc.View().Version
}

// sampleURLs gives every GET route of the router a concrete URL. A route
// added without a sample fails TestEveryGETRouteAnswersHEAD, so none is
// left out.
func sampleURLs(t *testing.T, version string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "node_modules", "maplibre-gl", "package.json"))
	if err != nil {
		t.Fatalf("MapLibre is not installed (run npm ci): %v", err)
	}
	var pkg struct{ Version string }
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		"/healthz":                             "/healthz",
		"/api/v1/snapshot":                     "/api/v1/snapshot?date=2020-11-25",
		"/api/v1/periods":                      "/api/v1/periods",
		"/api/v1/regions":                      "/api/v1/regions",
		"/api/v1/regions/:id":                  "/api/v1/regions/kalbajar",
		"/metrics":                             "/metrics",
		"/api/v1/openapi.json":                 "/api/v1/openapi.json",
		"/version":                             "/version",
		"/api/v1/areas":                        "/api/v1/areas?date=2019-06-01",
		"/api/v1/lines":                        "/api/v1/lines?date=2019-06-01",
		"/api/v1/peacekeeping":                 "/api/v1/peacekeeping?date=2021-06-01",
		"/api/v1/places":                       "/api/v1/places?date=2020-10-20",
		"/api/v1/places/:id":                   "/api/v1/places/hadrut",
		"/api/v1/events":                       "/api/v1/events?region=agdam",
		"/api/v1/events/:id":                   "/api/v1/events/kalbajar-2020-11-25-handover",
		"/api/v1/events/:id/revisions":         "/api/v1/events/kalbajar-2020-11-25-handover/revisions",
		"/api/v1/timeline":                     "/api/v1/timeline",
		"/api/v1/changes":                      "/api/v1/changes?from=2020-11-19&to=2020-12-01",
		"/api/v1/epochs":                       "/api/v1/epochs",
		"/api/v1/epochs/:version/:file":        "/api/v1/epochs/" + version + "/3.geojson",
		"/api/v1/admin/backup":                 "", // editors only: 403 here
		"/ogc":                                 "/ogc",
		"/ogc/":                                "/ogc/",
		"/ogc/conformance":                     "/ogc/conformance",
		"/ogc/api":                             "/ogc/api",
		"/ogc/collections":                     "/ogc/collections",
		"/ogc/collections/:collectionId":       "/ogc/collections/regions",
		"/ogc/collections/:collectionId/items": "/ogc/collections/events/items?limit=5",
		"/ogc/collections/:collectionId/items/:featureId": "/ogc/collections/regions/items/shusha",
		"/api/v1/download":                       "/api/v1/download",
		"/api/v1/download/:file":                 "/api/v1/download/periods.kml",
		"/tiles/:layer":                          "/tiles/periods.json",
		"/tiles/:layer/:z/:x/:y":                 "/tiles/periods/6/40/24.mvt",
		"/tiles/:layer/v/:version/:z/:x/:y":      "/tiles/periods/v/" + version + "/6/40/24.mvt",
		"/tiles/:layer/metadata.json":            "/tiles/periods/metadata.json",
		"/tiles/:layer/v/:version/metadata.json": "/tiles/periods/v/" + version + "/metadata.json",
		"/":                                      "/?date=2020-11-25",
		"/embed":                                 "/embed?date=2020-11-25",
		"/static/*":                              "/static/app.js",
		"/vendor/maplibre-gl/:version/:file":     "/vendor/maplibre-gl/" + pkg.Version + "/maplibre-gl.css",
		"/favicon.ico":                           "/favicon.ico",
		"/oembed":                                "/oembed?url=" + url.QueryEscape("http://HOST/?date=2020-11-25"),
		"/api/v1/snapshot.svg":                   "/api/v1/snapshot.svg?date=2020-11-25",
		"/api/v1/snapshot.png":                   "/api/v1/snapshot.png?date=2020-11-25",
	}
}

// sharedRouteSamples are more URLs of routes whose sample in sampleURLs
// shows one of their kinds only.
func sharedRouteSamples(version string) map[string][]string {
	return map[string][]string{
		"/api/v1/download/:file": {"/api/v1/download/areas.geojson?date=2019-06-01", "/api/v1/download/areas.csv?date=2019-06-01",
			"/api/v1/download/areas.kml?date=2019-06-01&precision=5&simplify=0.001"},
		"/tiles/:layer":                          {"/tiles/areas.json"},
		"/tiles/:layer/:z/:x/:y":                 {"/tiles/areas/6/40/24.mvt"},
		"/tiles/:layer/v/:version/:z/:x/:y":      {"/tiles/areas/v/" + version + "/6/40/24.mvt"},
		"/tiles/:layer/metadata.json":            {"/tiles/areas/metadata.json"},
		"/tiles/:layer/v/:version/metadata.json": {"/tiles/areas/v/" + version + "/metadata.json"},
	}
}

// getRoutes lists the router's GET paths.
func getRoutes(t *testing.T) []string {
	t.Helper()
	svc := testenv.Service(t)
	c := defaultConfig()
	e := handlers.New(svc, handlers.Options{Mounts: mounts(svc, c)})
	seen := map[string]bool{}
	var out []string
	for _, r := range e.Routes() {
		if r.Method == http.MethodGet && !seen[r.Path] {
			seen[r.Path] = true
			out = append(out, r.Path)
		}
	}
	sort.Strings(out)
	return out
}

// rawHead sends HEAD over a fresh connection and returns the status line,
// the headers and every byte the server sent after them.
func rawHead(t *testing.T, srv *httptest.Server, target string) (int, http.Header, []byte) {
	t.Helper()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "HEAD %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, srv.Listener.Addr())
	br := bufio.NewReader(conn)
	res, err := http.ReadResponse(br, &http.Request{Method: http.MethodHead})
	if err != nil {
		t.Fatalf("HEAD %s: %v", target, err)
	}
	rest, _ := io.ReadAll(br) // the server closes after the headers
	return res.StatusCode, res.Header, rest
}

func TestEveryGETRouteAnswersHEAD(t *testing.T) {
	srv, version := fullServer(t, "")
	samples := sampleURLs(t, version)
	check := func(route, target string) {
		target = strings.ReplaceAll(target, "HOST", srv.Listener.Addr().String())
		t.Run(route+" "+target, func(t *testing.T) {
			res, body := testenv.Get(t, srv, target)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: got %d, want 200; %.300s", target, res.StatusCode, body)
			}
			status, h, rest := rawHead(t, srv, target)
			if status != http.StatusOK || len(rest) != 0 {
				t.Errorf("HEAD %s: got %d with %d body bytes, want 200 and none", target, status, len(rest))
			}
			if cl := h.Get("Content-Length"); res.Header.Get("Content-Length") != "" && cl != res.Header.Get("Content-Length") {
				t.Errorf("HEAD %s: Content-Length %q, GET's %q", target, cl, res.Header.Get("Content-Length"))
			}
			// Open CORS on every public GET, with no Origin in the request:
			// a CDN's copy of this answer serves cross-origin readers too.
			if got := res.Header.Get("Access-Control-Allow-Origin"); got != "*" {
				t.Errorf("GET %s without Origin: Access-Control-Allow-Origin %q, want *", target, got)
			}
			if got := h.Get("Access-Control-Allow-Origin"); got != "*" {
				t.Errorf("HEAD %s: Access-Control-Allow-Origin %q, want *", target, got)
			}
		})
	}
	for _, route := range getRoutes(t) {
		target, ok := samples[route]
		if !ok {
			t.Errorf("GET route %s has no sample URL in this test: add one", route)
			continue
		}
		if target == "" {
			continue
		}
		check(route, target)
	}
	// Routes that serve more than one thing get a sample of each kind too:
	// the areas tile layer and the areas downloads.
	for route, targets := range sharedRouteSamples(version) {
		for _, target := range targets {
			check(route, target)
		}
	}
	t.Run("errors carry CORS too", func(t *testing.T) {
		res, _ := testenv.Get(t, srv, "/api/v1/snapshot?date=2020-02-30")
		if res.StatusCode != http.StatusBadRequest || res.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("got %d with ACAO %q, want 400 with *", res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"))
		}
	})
}

// answersWithLinks are the answers that hold absolute URLs.
var answersWithLinks = []string{
	"/tiles/periods.json", "/tiles/regions.json", "/ogc", "/ogc/collections", "/ogc/collections/events/items?limit=2",
	"/ogc/api", "/?date=2020-11-25", "/embed?date=2020-11-25",
}

func TestHostHeaderNeverReachesAnotherClient(t *testing.T) {
	t.Run("without a public URL", func(t *testing.T) {
		srv, _ := fullServer(t, "")
		for _, path := range answersWithLinks {
			evil, eb := testenv.Get(t, srv, path, "Host", "evil.example", "X-Forwarded-Proto", "javascript")
			if !strings.Contains(string(eb), "evil.example") {
				t.Errorf("%s: the Host-derived answer names no host; this test checks nothing", path)
			}
			if strings.Contains(string(eb), "javascript:") {
				t.Errorf("%s: a forged X-Forwarded-Proto reached the links", path)
			}
			if cc := evil.Header.Get("Cache-Control"); cc != httpkit.CachePrivate {
				t.Errorf("%s: a Host-derived answer has Cache-Control %q, want %q", path, cc, httpkit.CachePrivate)
			}
			res, body := testenv.Get(t, srv, path)
			if strings.Contains(string(body), "evil.example") || res.Header.Get("ETag") == evil.Header.Get("ETag") {
				t.Errorf("%s: another client's answer carries the evil Host (ETag %s)", path, res.Header.Get("ETag"))
			}
		}
	})
	t.Run("with a public URL", func(t *testing.T) {
		const public = "https://maps.example.org"
		srv, _ := fullServer(t, public)
		for _, path := range answersWithLinks {
			res, body := testenv.Get(t, srv, path, "Host", "evil.example")
			if strings.Contains(string(body), "evil.example") || !strings.Contains(string(body), public) {
				t.Errorf("%s: want links on %s only, got %.200s", path, public, body)
			}
			if cc := res.Header.Get("Cache-Control"); cc == httpkit.CachePrivate {
				t.Errorf("%s: with a public URL the answer may be shared, got Cache-Control %q", path, cc)
			}
		}
		var o struct {
			ProviderURL string `json:"provider_url"`
			HTML        string `json:"html"`
		}
		res, body := testenv.Get(t, srv, "/oembed?url="+url.QueryEscape(public+"/?date=2020-11-25"))
		if res.StatusCode != 200 || json.Unmarshal(body, &o) != nil || o.ProviderURL != public+"/" || !strings.Contains(o.HTML, `src="`+public+`/embed?date=2020-11-25`) {
			t.Errorf("oEmbed on the public URL: got %d %s", res.StatusCode, body)
		}
	})
}

func TestRangeRequests(t *testing.T) {
	srv, version := fullServer(t, "")
	for _, path := range []string{"/api/v1/download/periods.geojson", "/api/v1/download/snapshot.kml?date=2020-11-25",
		"/tiles/periods/v/" + version + "/6/40/24.mvt", "/tiles/periods/6/40/24.mvt"} {
		t.Run(path, func(t *testing.T) {
			full, whole := testenv.Get(t, srv, path)
			if full.StatusCode != 200 || full.Header.Get("Accept-Ranges") != "bytes" {
				t.Fatalf("GET: %d, Accept-Ranges %q; want 200 and bytes", full.StatusCode, full.Header.Get("Accept-Ranges"))
			}
			for _, rg := range []struct {
				header     string
				start, end int
			}{{"bytes=0-99", 0, 100}, {"bytes=10-", 10, len(whole)}, {fmt.Sprintf("bytes=-%d", 50), len(whole) - 50, len(whole)}} {
				res, part := testenv.Get(t, srv, path, "Range", rg.header, "Accept-Encoding", "gzip")
				want := fmt.Sprintf("bytes %d-%d/%d", rg.start, rg.end-1, len(whole))
				if res.StatusCode != http.StatusPartialContent || res.Header.Get("Content-Range") != want || string(part) != string(whole[rg.start:rg.end]) {
					t.Errorf("Range %s: got %d %q with %d bytes, want 206 %q and the same bytes", rg.header, res.StatusCode, res.Header.Get("Content-Range"), len(part), want)
				}
			}
			res, _ := testenv.Get(t, srv, path, "Range", fmt.Sprintf("bytes=%d-", len(whole)+10))
			if res.StatusCode != http.StatusRequestedRangeNotSatisfiable {
				t.Errorf("a range past the end: got %d, want 416", res.StatusCode)
			}
			// If-Range with a stale tag gets the whole body.
			res, body := testenv.Get(t, srv, path, "Range", "bytes=0-9", "If-Range", `"stale"`)
			if res.StatusCode != 200 || len(body) != len(whole) {
				t.Errorf("If-Range with a stale tag: got %d with %d bytes, want 200 and all", res.StatusCode, len(body))
			}
		})
	}
}

func TestOGCPagesForBrowsers(t *testing.T) {
	srv, _ := fullServer(t, "")
	tests := []struct {
		name, path, accept, wantType string
	}{
		{"a browser gets the landing page as HTML", "/ogc", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"},
		{"a GIS client gets JSON", "/ogc", "application/json", "application/json"},
		{"no Accept gets JSON", "/ogc/collections", "", "application/json"},
		{"a browser gets the items as HTML", "/ogc/collections/events/items?limit=2", "text/html", "text/html"},
		{"f wins over Accept", "/ogc/collections?f=json", "text/html", "application/json"},
		{"the API definition as a page", "/ogc/api?f=html", "", "text/html"},
		{"the API definition stays JSON for JSON clients", "/ogc/api", "application/vnd.oai.openapi+json;version=3.0", "application/vnd.oai.openapi+json"},
		{"a trailing slash on collections", "/ogc/collections/", "", "application/json"},
		{"a trailing slash on items", "/ogc/collections/regions/items/", "", "application/geo+json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h []string
			if tt.accept != "" {
				h = []string{"Accept", tt.accept}
			}
			res, body := testenv.Get(t, srv, tt.path, h...)
			if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), tt.wantType) {
				t.Errorf("got %d %q, want 200 %s; %.200s", res.StatusCode, res.Header.Get("Content-Type"), tt.wantType, body)
			}
		})
	}
	var landing struct {
		Links []struct{ Href, Rel, Type string }
	}
	testenv.GetJSON(t, srv, "/ogc", &landing)
	found := false
	for _, l := range landing.Links {
		if l.Rel == "service-doc" && l.Type == "text/html" && strings.HasSuffix(l.Href, "/ogc/api?f=html") {
			found = true
		}
	}
	if !found {
		t.Errorf("the landing page has no service-doc link to /ogc/api?f=html: %+v", landing.Links)
	}
}

func TestOEmbedDiscoveryAndPinnedDate(t *testing.T) {
	srv, _ := fullServer(t, "")
	host := srv.Listener.Addr().String()
	for _, path := range []string{"/?date=2020-11-25", "/embed?date=2020-11-25"} {
		_, body := testenv.Get(t, srv, path)
		want := `<link rel="alternate" type="application/json+oembed" href="http://` + host + `/oembed?`
		if !strings.Contains(string(body), want) {
			t.Errorf("%s: no oEmbed discovery link with an absolute href (%s...)", path, want)
		}
	}
	// An embed of a page without a date keeps the day the reader saw.
	var o struct{ HTML string }
	testenv.GetJSON(t, srv, "/oembed?url="+url.QueryEscape("http://"+host+"/?lang=ar"), &o)
	if want := "/embed?date=" + geo.Today().String() + "&amp;lang=ar"; !strings.Contains(o.HTML, want) {
		t.Errorf("oEmbed of an undated page: got %s, want an iframe on %s", o.HTML, want)
	}
}
