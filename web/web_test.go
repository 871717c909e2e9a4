package web_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/web"
)

// newRouter builds the real router over a real temporary store with the
// embedded data, and the web routes mounted as mapsvc mounts them.
func newRouter(t *testing.T, opt web.Options) *handlers.Router {
	t.Helper()
	svc := testenv.Service(t)
	today := geo.DayOf(2025, 6, 1)
	if opt.Today == nil {
		opt.Today = func() geo.Day { return today }
	}
	return handlers.New(svc, handlers.Options{Today: opt.Today, Mounts: []func(*echo.Echo){web.Mount(svc, opt)}})
}

// fakeAssets lays out node_modules/maplibre-gl as npm installs it.
func fakeAssets(t *testing.T, version string) string {
	t.Helper()
	dir := t.TempDir()
	dist := filepath.Join(dir, "maplibre-gl", "dist")
	if err := os.MkdirAll(dist, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "maplibre-gl", "package.json"), []byte(`{"name":"maplibre-gl","version":"`+version+`"}`), 0o644)
	os.WriteFile(filepath.Join(dist, "maplibre-gl.mjs"), []byte(strings.Repeat("export const x = 1;\n", 200)), 0o644)
	os.WriteFile(filepath.Join(dist, "maplibre-gl-worker.mjs"), []byte("self.onmessage = () => {};\n"), 0o644)
	os.WriteFile(filepath.Join(dist, "maplibre-gl.css"), []byte(".maplibregl-map{position:relative}\n"), 0o644)
	return dir
}

func get(t *testing.T, e http.Handler, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Host = "maps.example.org"
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}

func TestFramingHeaders(t *testing.T) {
	e := newRouter(t, web.Options{Assets: fakeAssets(t, "6.17.0")})
	page := get(t, e, "/?date=2020-11-25")
	if page.Code != http.StatusOK {
		t.Fatalf("/: status %d", page.Code)
	}
	if got := page.Header().Get("X-Frame-Options"); got != "DENY" {
		t.Errorf("/: X-Frame-Options %q, want DENY", got)
	}
	csp := page.Header().Get("Content-Security-Policy")
	for _, want := range []string{"frame-ancestors 'none'", "script-src 'self'", "worker-src 'self' blob:", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("/: CSP %q lacks %q", csp, want)
		}
	}
	embed := get(t, e, "/embed?date=2020-11-25")
	if embed.Code != http.StatusOK {
		t.Fatalf("/embed: status %d", embed.Code)
	}
	if got := embed.Header().Get("X-Frame-Options"); got != "" {
		t.Errorf("/embed: X-Frame-Options %q, want none", got)
	}
	if csp := embed.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors *") || strings.Contains(csp, "'none'; frame") {
		t.Errorf("/embed: CSP %q, want frame-ancestors *", csp)
	}
	for _, p := range []string{"/static/app.js", "/oembed?url=" + url.QueryEscape("http://maps.example.org/")} {
		if rec := get(t, e, p); rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", p)
		}
	}
}

func TestPageContent(t *testing.T) {
	e := newRouter(t, web.Options{Assets: fakeAssets(t, "6.17.0"), BasemapURL: "https://tiles.example.net/{z}/{x}/{y}.png", BasemapAttribution: "© Example & <Co>"})
	rec := get(t, e, "/?date=2020-11-25&lang=ar")
	if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	body := rec.Body.String()
	for _, want := range []string{
		`<html lang="ar" dir="rtl" data-theme="auto">`,
		`data-maplibre="/vendor/maplibre-gl/6.17.0/maplibre-gl.mjs"`,
		`<link rel="preload" as="fetch" href="/api/v1/periods?lang=ar" crossorigin="anonymous">`,
		`<link rel="preload" as="fetch" href="/api/v1/regions?lang=ar" crossorigin="anonymous">`,
		`data-maplibre-worker="/vendor/maplibre-gl/6.17.0/maplibre-gl-worker.mjs?v=6.17.0"`,
		// The date is in the title, written with the server's month names.
		`<span id="title-date" class="title-date">25 نوفمبر 2020</span>`,
		`data-src="/api/v1/snapshot.svg?date=2020-11-25&amp;lang=ar"`,
		// The day's SVG is inside the page, its text percent-encoded.
		`<img id="fallback-map" class="fallback-map" src="data:image/svg&#43;xml;charset=utf-8,%3C?xml`,
		`data-date=%222020-11-25%22`,
		`data-basemap="https://tiles.example.net/{z}/{x}/{y}.png"`,
		`data-basemap-attribution="© Example &amp; &lt;Co&gt;"`,
		`type="application/json+oembed"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	csp := rec.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "img-src 'self' data: blob: https://tiles.example.net") || !strings.Contains(csp, "connect-src 'self' https://tiles.example.net") {
		t.Errorf("CSP does not allow the basemap's origin: %s", csp)
	}
	if !regexp.MustCompile(`<script type="module" src="/static/[0-9a-f]{16}/app.js"></script>`).MatchString(body) {
		t.Error("page does not load app.js from its build folder")
	}
	// An unknown language falls back to English rather than failing.
	if body := get(t, e, "/?lang=xx").Body.String(); !strings.Contains(body, `<html lang="en" dir="ltr" data-theme="auto">`) {
		t.Error("lang=xx: want the English page")
	}
	// Revalidation; private, as its oEmbed link holds the Host it was
	// reached by (no public URL configured here).
	etag := rec.Header().Get("ETag")
	if etag == "" || rec.Header().Get("Cache-Control") != "private, no-cache" {
		t.Fatalf("page validators: ETag %q Cache-Control %q", etag, rec.Header().Get("Cache-Control"))
	}
	if again := get(t, e, "/?date=2020-11-25&lang=ar", "If-None-Match", etag); again.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d, want 304", again.Code)
	}
}

func TestTheme(t *testing.T) {
	e := newRouter(t, web.Options{Assets: fakeAssets(t, "6.17.0")})
	cases := []struct{ target, want string }{
		{"/embed", `data-theme="light"`}, // an article page is light unless asked
		{"/embed?theme=dark", `data-theme="dark"`},
		{"/embed?theme=auto", `data-theme="auto"`},
		{"/embed?theme=purple", `data-theme="light"`},
		{"/", `data-theme="auto"`},
		{"/?theme=light", `data-theme="light"`},
	}
	for _, c := range cases {
		if body := get(t, e, c.target).Body.String(); !strings.Contains(body, c.want) {
			t.Errorf("%s: page lacks %s", c.target, c.want)
		}
	}
}

func TestMonthNamesFromTheServer(t *testing.T) {
	e := newRouter(t, web.Options{Assets: fakeAssets(t, "6.17.0")})
	body := get(t, e, "/embed?date=2020-11-25&lang=az").Body.String()
	if !strings.Contains(body, `25 noyabr 2020`) {
		t.Error("az embed title lacks the date written with Azerbaijani month names")
	}
	if !strings.Contains(body, `data-dates="{&#34;months&#34;:[&#34;yanvar&#34;`) {
		t.Error("az embed lacks the month names for the page's own date formatting")
	}
}

// The page links its own files under a folder named by their hash, where
// they are immutable and compressed.
func TestStaticBuildFolder(t *testing.T) {
	e := newRouter(t, web.Options{Assets: fakeAssets(t, "6.17.0")})
	m := regexp.MustCompile(`src="(/static/[0-9a-f]{16}/)app.js"`).FindStringSubmatch(get(t, e, "/").Body.String())
	if m == nil {
		t.Fatal("no build folder in the page")
	}
	plain := get(t, e, m[1]+"app.js")
	if plain.Code != http.StatusOK || !strings.Contains(plain.Header().Get("Cache-Control"), "immutable") {
		t.Fatalf("build file: %d %q", plain.Code, plain.Header().Get("Cache-Control"))
	}
	gz := get(t, e, m[1]+"app.js", "Accept-Encoding", "gzip")
	if gz.Header().Get("Content-Encoding") != "gzip" || gz.Body.Len() >= plain.Body.Len() {
		t.Errorf("gzip: encoding %q, %d bytes vs %d", gz.Header().Get("Content-Encoding"), gz.Body.Len(), plain.Body.Len())
	}
	if rec := get(t, e, "/static/0123456789abcdef/app.js"); rec.Code != http.StatusNotFound {
		t.Errorf("an unknown build: status %d, want 404", rec.Code)
	}
	if rec := get(t, e, "/static/app.js"); rec.Code != http.StatusOK || rec.Header().Get("Cache-Control") != "no-cache" {
		t.Errorf("plain path: %d %q", rec.Code, rec.Header().Get("Cache-Control"))
	}
}

func TestWithoutMapLibre(t *testing.T) {
	e := newRouter(t, web.Options{Assets: t.TempDir()})
	rec := get(t, e, "/")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	if !strings.Contains(body, `data-maplibre=""`) || strings.Contains(body, "/vendor/") {
		t.Error("a page without MapLibre must not reference it, so the script shows the install hint")
	}
	v := get(t, e, "/vendor/maplibre-gl/6.17.0/maplibre-gl.mjs")
	if v.Code != http.StatusNotFound || !strings.Contains(v.Header().Get("Content-Type"), "problem+json") || !strings.Contains(v.Body.String(), "npm ci") {
		t.Errorf("missing vendor file: %d %s %s", v.Code, v.Header().Get("Content-Type"), v.Body.String())
	}
}

func TestVendorFiles(t *testing.T) {
	e := newRouter(t, web.Options{Assets: fakeAssets(t, "6.17.0")})
	rec := get(t, e, "/vendor/maplibre-gl/6.17.0/maplibre-gl.mjs")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/javascript; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") || !strings.Contains(cc, "max-age=31536000") {
		t.Errorf("cache control %q", cc)
	}
	gz := get(t, e, "/vendor/maplibre-gl/6.17.0/maplibre-gl.mjs", "Accept-Encoding", "gzip")
	if gz.Header().Get("Content-Encoding") != "gzip" || gz.Body.Len() >= rec.Body.Len() {
		t.Errorf("gzip: encoding %q, %d bytes vs %d", gz.Header().Get("Content-Encoding"), gz.Body.Len(), rec.Body.Len())
	}
	if nm := get(t, e, "/vendor/maplibre-gl/6.17.0/maplibre-gl.mjs", "If-None-Match", rec.Header().Get("ETag")); nm.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: %d", nm.Code)
	}
	for _, p := range []string{
		"/vendor/maplibre-gl/6.16.0/maplibre-gl.mjs",   // not the installed version
		"/vendor/maplibre-gl/6.17.0/package.json",      // not a served file
		"/vendor/maplibre-gl/6.17.0/..%2fpackage.json", // no way out of dist
		"/static/index.html",                           // templates are not static files
		"/static/../web.go",                            // nor is anything else
	} {
		if rec := get(t, e, p); rec.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, rec.Code)
		}
	}
	for p, ct := range map[string]string{"/static/app.js": "text/javascript; charset=utf-8", "/static/style.css": "text/css; charset=utf-8", "/favicon.ico": "image/svg+xml"} {
		rec := get(t, e, p)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != ct {
			t.Errorf("%s: %d %q", p, rec.Code, rec.Header().Get("Content-Type"))
		}
		if nm := get(t, e, p, "If-None-Match", rec.Header().Get("ETag")); nm.Code != http.StatusNotModified {
			t.Errorf("%s revalidation: %d", p, nm.Code)
		}
	}
}

func TestOEmbed(t *testing.T) {
	e := newRouter(t, web.Options{Assets: fakeAssets(t, "6.17.0")})
	page := "http://maps.example.org/?date=2020-11-25&lang=ar&region=kalbajar"
	rec := get(t, e, "/oembed?format=json&maxwidth=400&maxheight=300&url="+url.QueryEscape(page))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("content type %q", ct)
	}
	var o web.OEmbed
	if err := json.Unmarshal(rec.Body.Bytes(), &o); err != nil {
		t.Fatal(err)
	}
	if o.Version != "1.0" || o.Type != "rich" || o.ProviderName == "" || o.Title == "" {
		t.Errorf("oEmbed fields: %+v", o)
	}
	if o.Width > 400 || o.Height > 300 || o.Width < 1 || o.Height < 1 {
		t.Errorf("size %dx%d exceeds maxwidth/maxheight 400x300", o.Width, o.Height)
	}
	for _, want := range []string{`<iframe src="http://maps.example.org/embed?`, "date=2020-11-25", "lang=ar", "region=kalbajar", `width="400"`,
		`data-mapsvc`, `e.origin!=="http://maps.example.org"`, `"mapsvc:resize"`} {
		if !strings.Contains(o.HTML, want) {
			t.Errorf("html %q lacks %q", o.HTML, want)
		}
	}
	if !strings.Contains(o.Title, "نوفمبر") {
		t.Errorf("title %q is not in Arabic", o.Title)
	}
	// Without max sizes: the default size.
	rec = get(t, e, "/oembed?url="+url.QueryEscape("http://maps.example.org/embed"))
	if rec.Code != http.StatusOK {
		t.Fatalf("embed url: %d", rec.Code)
	}
	// The size follows maxwidth and maxheight and the layout (taller than
	// wide would be wrong for a map with a slider under it).
	sizes := []struct {
		query       string
		wantW, maxH int
	}{
		{"", 640, 0},
		{"&maxwidth=900", 900, 0},
		{"&maxwidth=320", 320, 0},
		{"&maxwidth=5000", 1200, 0},
		{"&maxwidth=900&maxheight=400", 900, 400},
	}
	for _, c := range sizes {
		rec := get(t, e, "/oembed?url="+url.QueryEscape("http://maps.example.org/embed?theme=dark")+c.query)
		var o web.OEmbed
		if err := json.Unmarshal(rec.Body.Bytes(), &o); err != nil {
			t.Fatalf("%s: %v (%s)", c.query, err, rec.Body)
		}
		if o.Width != c.wantW {
			t.Errorf("%s: width %d, want %d", c.query, o.Width, c.wantW)
		}
		if c.maxH > 0 && o.Height > c.maxH || o.Height < 200 || (c.maxH == 0 && (o.Height < o.Width*62/100 || o.Height > o.Width*62/100+400)) {
			t.Errorf("%s: height %d for width %d", c.query, o.Height, o.Width)
		}
		if !strings.Contains(o.HTML, "theme=dark") {
			t.Errorf("%s: the theme is not carried: %s", c.query, o.HTML)
		}
	}

	cases := []struct {
		name, query string
		status      int
	}{
		{"other site", "url=" + url.QueryEscape("http://elsewhere.example/?date=2020-11-25"), 404},
		{"other path", "url=" + url.QueryEscape("http://maps.example.org/api/v1/snapshot"), 404},
		{"not http", "url=" + url.QueryEscape("javascript:alert(1)"), 404},
		{"xml", "format=xml&url=" + url.QueryEscape("http://maps.example.org/"), 501},
		{"no url", "format=json", 400},
		{"bad maxwidth", "maxwidth=wide&url=" + url.QueryEscape("http://maps.example.org/"), 400},
		{"zero maxheight", "maxheight=0&url=" + url.QueryEscape("http://maps.example.org/"), 400},
		{"bad date in url", "url=" + url.QueryEscape("http://maps.example.org/?date=2020-13-01"), 400},
		{"bad lang in url", "url=" + url.QueryEscape("http://maps.example.org/?lang=fr"), 400},
		{"unknown region", "url=" + url.QueryEscape("http://maps.example.org/?region=atlantis"), 400},
		{"unknown theme", "url=" + url.QueryEscape("http://maps.example.org/embed?theme=sepia"), 400},
		{"repeated", "url=a&url=b", 400},
	}
	for _, c := range cases {
		rec := get(t, e, "/oembed?"+c.query)
		if rec.Code != c.status {
			t.Errorf("%s: status %d, want %d (%s)", c.name, rec.Code, c.status, rec.Body)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("%s: content type %q, want problem JSON", c.name, ct)
		}
	}
}

// TestNeutralWords keeps loaded words out of the interface's own strings;
// they may appear only inside quoted source text, which comes from data.
func TestNeutralWords(t *testing.T) {
	banned := []string{"liberat", "occup", "terroris", "احتلال", "محتل", "تحرير", "إرهاب", "оккупа", "освобож", "террор", "işğal", "terror", "ազատագր", "օկուպա", "ահաբեկ"}
	for _, name := range []string{"static/i18n.js", "static/app.js", "static/index.html", "static/embed.html", "../render/words.go"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		low := strings.ToLower(string(b))
		for _, w := range banned {
			if strings.Contains(low, w) {
				t.Errorf("%s contains %q", name, w)
			}
		}
	}
}

// Encoded and backslash forms of "..", and absolute paths, never reach a
// file outside the served folders.
func TestPathTraversalIsRefused(t *testing.T) {
	e := newRouter(t, web.Options{Assets: fakeAssets(t, "6.17.0")})
	for _, p := range []string{
		"/static/..%2fweb.go",
		"/static/%2e%2e/web.go",
		"/static/%2e%2e%2fweb.go",
		"/static/..%5cweb.go",
		"/static/..\\web.go",
		"/static//etc/passwd",
		"/static/%2fetc%2fpasswd",
		"/vendor/maplibre-gl/6.17.0/..%5c..%5cpackage.json",
		"/vendor/maplibre-gl/6.17.0/%2e%2e/%2e%2e/package.json",
		"/vendor/maplibre-gl/..%2f..%2f..%2fetc%2fpasswd/x.js",
	} {
		rec := get(t, e, p)
		if rec.Code == http.StatusOK || strings.Contains(rec.Body.String(), "package web") || strings.Contains(rec.Body.String(), "root:") {
			t.Errorf("%s: status %d, served %.60q", p, rec.Code, rec.Body.String())
		}
		if rec.Code >= 500 {
			t.Errorf("%s: status %d", p, rec.Code)
		}
	}
}

// The page carries the day's SVG, so it is compressed; past the client's
// rate of new renderings it links the SVG instead of rendering more.
func TestPageInlineSVG(t *testing.T) {
	e := newRouter(t, web.Options{Assets: fakeAssets(t, "6.17.0")})
	plain := get(t, e, "/embed?date=2020-11-25")
	gz := get(t, e, "/embed?date=2020-11-25", "Accept-Encoding", "gzip")
	if gz.Header().Get("Content-Encoding") != "gzip" || gz.Body.Len()*2 > plain.Body.Len() {
		t.Fatalf("gzip: encoding %q, %d bytes vs %d", gz.Header().Get("Content-Encoding"), gz.Body.Len(), plain.Body.Len())
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(unzipped, plain.Body.Bytes()) {
		t.Fatalf("gzip body differs from the page (%v)", err)
	}
	if again := get(t, e, "/embed?date=2020-11-25", "If-None-Match", gz.Header().Get("ETag"), "Accept-Encoding", "gzip"); again.Code != http.StatusNotModified {
		t.Errorf("revalidation: status %d", again.Code)
	}
	// Distinct days from one address: the renderings past the burst are
	// not made for the page, which then points at the SVG's URL.
	linked := 0
	for d := 1; d <= 20; d++ {
		day := fmt.Sprintf("2019-03-%02d", d)
		body := get(t, e, "/embed?date="+day).Body.String()
		switch {
		case strings.Contains(body, `src="data:image/svg&#43;xml;charset=utf-8,`) && strings.Contains(body, "data-date=%22"+day+"%22"):
		case strings.Contains(body, `src="/api/v1/snapshot.svg?date=`+day+`&amp;lang=en"`):
			linked++
		default:
			t.Fatalf("%s: the page neither inlines nor links its SVG", day)
		}
	}
	if linked == 0 {
		t.Error("every page rendered an SVG: the page is a way round the rendering rate")
	}
}

// A brotli copy that scripts/precompress.mjs wrote beside a MapLibre file
// is served to browsers that accept brotli; a stale one is not.
func TestVendorBrotli(t *testing.T) {
	assets := fakeAssets(t, "6.17.0")
	dist := filepath.Join(assets, "maplibre-gl", "dist")
	br := []byte("not really brotli, but the bytes to send")
	if err := os.WriteFile(filepath.Join(dist, "maplibre-gl.mjs.br"), br, 0o644); err != nil {
		t.Fatal(err)
	}
	e := newRouter(t, web.Options{Assets: assets})
	const u = "/vendor/maplibre-gl/6.17.0/maplibre-gl.mjs"
	rec := get(t, e, u, "Accept-Encoding", "gzip, deflate, br")
	if rec.Header().Get("Content-Encoding") != "br" || !bytes.Equal(rec.Body.Bytes(), br) {
		t.Fatalf("brotli: encoding %q, body %q", rec.Header().Get("Content-Encoding"), rec.Body.String())
	}
	if !strings.Contains(rec.Header().Get("Vary"), "Accept-Encoding") || !strings.HasSuffix(rec.Header().Get("ETag"), `-br"`) {
		t.Errorf("brotli: Vary %q, ETag %q", rec.Header().Get("Vary"), rec.Header().Get("ETag"))
	}
	if nm := get(t, e, u, "Accept-Encoding", "br", "If-None-Match", rec.Header().Get("ETag")); nm.Code != http.StatusNotModified {
		t.Errorf("brotli revalidation: %d", nm.Code)
	}
	if gz := get(t, e, u, "Accept-Encoding", "gzip"); gz.Header().Get("Content-Encoding") != "gzip" {
		t.Errorf("gzip-only client: encoding %q", gz.Header().Get("Content-Encoding"))
	}
	if r := get(t, e, u, "Accept-Encoding", "br", "Range", "bytes=0-9"); r.Header().Get("Content-Encoding") != "" || r.Code != http.StatusPartialContent {
		t.Errorf("range: encoding %q, status %d", r.Header().Get("Content-Encoding"), r.Code)
	}
	// The worker has no copy: gzip as before.
	if w := get(t, e, "/vendor/maplibre-gl/6.17.0/maplibre-gl-worker.mjs", "Accept-Encoding", "br, gzip"); w.Header().Get("Content-Encoding") != "gzip" {
		t.Errorf("no copy: encoding %q", w.Header().Get("Content-Encoding"))
	}
	// A copy older than its file (the package was updated) is not used.
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dist, "maplibre-gl.mjs.br"), old, old); err != nil {
		t.Fatal(err)
	}
	if s := get(t, e, u, "Accept-Encoding", "br, gzip"); s.Header().Get("Content-Encoding") != "gzip" {
		t.Errorf("stale copy: encoding %q", s.Header().Get("Content-Encoding"))
	}
}

// The page carries its stylesheet inside (its first paint waits for no
// other request), allowed by the CSP through the hash of exactly those
// bytes, and names MapLibre without preloading it: the page fetches the
// library once it has drawn the districts from the SVG.
func TestPageInlineStyleAndNoMapLibrePreload(t *testing.T) {
	e := newRouter(t, web.Options{Assets: fakeAssets(t, "6.17.0")})
	for _, target := range []string{"/?date=2020-11-25", "/embed?date=2020-11-25"} {
		rec := get(t, e, target)
		body := rec.Body.String()
		m := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("%s: no inline stylesheet", target)
		}
		if !strings.Contains(m[1], ".fallback-map") || !strings.Contains(m[1], "@media print") {
			t.Errorf("%s: the inline stylesheet is not style.css: %.80q", target, m[1])
		}
		sum := sha256.Sum256([]byte(m[1]))
		want := "style-src 'self' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, want) {
			t.Errorf("%s: CSP %q lacks %q", target, csp, want)
		}
		if strings.Contains(body, `rel="stylesheet"`) {
			t.Errorf("%s: still links a stylesheet", target)
		}
		if strings.Contains(body, `href="/vendor/maplibre-gl/`) {
			t.Errorf("%s: preloads MapLibre, which would share the line with the first view's data", target)
		}
		if !strings.Contains(body, `data-maplibre="/vendor/maplibre-gl/6.17.0/maplibre-gl.mjs"`) {
			t.Errorf("%s: does not name MapLibre for later", target)
		}
	}
}
