package ogc_test

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/ogc"
	"github.com/mapsvc/mapsvc/service"
)

func router(svc *service.Service, publicURL string) *handlers.Router {
	return handlers.New(svc, handlers.Options{PublicURL: publicURL, Mounts: []func(*echo.Echo){ogc.MountWith(svc)}})
}

func do(e http.Handler, target, host string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Host = host
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}

func ogcCache(svc *service.Service) (entries int, bytes int64) {
	groups, _, _ := svc.CacheStats()
	for _, g := range groups {
		if g.Group == "ogc" {
			return g.Entries, g.Bytes
		}
	}
	return 0, 0
}

// Made-up Host headers do not multiply cached answers: past a few hosts
// answers are built but not kept, and their links still use the host.
func TestDistinctHostsDoNotFillTheCache(t *testing.T) {
	svc := testenv.Service(t)
	e := router(svc, "")
	for i := 0; i < 50; i++ {
		host := fmt.Sprintf("h%d.example", i)
		rec := do(e, "/ogc/collections/events/items?limit=7", host)
		if rec.Code != 200 {
			t.Fatalf("%s: %d", host, rec.Code)
		}
		if !strings.Contains(rec.Body.String(), "http://"+host+"/ogc/") {
			t.Fatalf("%s: links do not use the request's host", host)
		}
	}
	if n, _ := ogcCache(svc); n > 4 {
		t.Errorf("50 hosts, one query: %d cached answers, want at most 4", n)
	}
	if rec := do(e, "/ogc", "evil\"><script>.example"); strings.Contains(rec.Body.String(), "<script>") {
		t.Error("a Host header with markup reached the page")
	}
}

// With a public URL every link uses it and the Host header is ignored:
// one cached answer per query whatever the host.
func TestPublicURLIsTheOnlyBase(t *testing.T) {
	svc := testenv.Service(t)
	e := router(svc, "https://maps.example.org")
	for i := 0; i < 20; i++ {
		rec := do(e, "/ogc/collections?f=json", fmt.Sprintf("x%d.example", i))
		if strings.Contains(rec.Body.String(), fmt.Sprintf("x%d.example", i)) || !strings.Contains(rec.Body.String(), `"https://maps.example.org/ogc/collections`) {
			t.Fatalf("links do not use the public URL: %.300s", rec.Body)
		}
	}
	if n, _ := ogcCache(svc); n != 1 {
		t.Errorf("20 hosts, one query: %d cached answers, want 1", n)
	}
}

// Many distinct queries stay within the cache's byte budget.
func TestDistinctQueriesStayWithinTheByteBudget(t *testing.T) {
	svc := testenv.Service(t)
	const budget = 2 << 20
	svc.SetCacheBytes(budget)
	e := router(svc, "")
	for n := 1; n <= 300; n++ {
		if rec := do(e, fmt.Sprintf("/ogc/collections/events/items?limit=%d", n), "localhost"); rec.Code != 200 {
			t.Fatalf("limit=%d: %d", n, rec.Code)
		}
	}
	_, used, _ := svc.CacheStats()
	if used > budget {
		t.Errorf("cache holds %d bytes, budget %d", used, budget)
	}
	if _, b := ogcCache(svc); b == 0 {
		t.Error("nothing cached at all; the test proves nothing")
	}
}

// The HTML pages carry the map page's security headers, and the policy
// allows their one inline style by its hash.
func TestHTMLPagesCarryTheSecurityHeaders(t *testing.T) {
	svc := testenv.Service(t)
	e := router(svc, "")
	for _, path := range []string{"/ogc?f=html", "/ogc/collections?f=html", "/ogc/collections/events/items?f=html&limit=2"} {
		rec := do(e, path, "localhost")
		h := rec.Header()
		csp := h.Get("Content-Security-Policy")
		if rec.Code != 200 || !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'self'") ||
			h.Get("X-Frame-Options") != "DENY" || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: status %d CSP %q XFO %q", path, rec.Code, csp, h.Get("X-Frame-Options"))
			continue
		}
		m := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(rec.Body.String())
		if m == nil {
			t.Errorf("%s: no style element", path)
			continue
		}
		sum := sha256.Sum256([]byte(m[1]))
		if want := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, want) {
			t.Errorf("%s: the policy does not allow the page's style (%s)", path, want)
		}
	}
}
