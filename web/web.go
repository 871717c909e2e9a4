// Package web serves the map page (/), the embeddable map (/embed), their
// own scripts and styles (embedded from web/static), MapLibre GL JS from
// the npm-installed files on disk, oEmbed (/oembed), and mounts the static
// SVG/PNG snapshots of package render.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/render"
	"github.com/mapsvc/mapsvc/service"
)

//go:embed static
var staticFiles embed.FS

// Options configure the pages.
type Options struct {
	// Assets is the folder of npm-installed packages (node_modules);
	// MapLibre is served from Assets/maplibre-gl/dist.
	Assets string
	// BasemapURL, when set, draws a basemap under the districts: a raster
	// tile template with {z}/{x}/{y}, or the URL of a MapLibre style JSON.
	BasemapURL string
	// BasemapAttribution is shown with the map when a basemap is used.
	BasemapAttribution string
	// Today is the last day the slider offers; tests pin it.
	Today func() geo.Day
	// Areas gives the static SVG/PNG map the approximate control areas
	// of split districts (see render.Options.Areas); nil keeps stripes.
	Areas render.AreaSource
}

// FirstDay is the first day the map offers: the ledger's baseline.
const FirstDay = "1991-01-01"

// Mount adds the page, embed, asset, oEmbed and snapshot image routes.
func Mount(svc *service.Service, opt Options) func(*echo.Echo) {
	if opt.Today == nil {
		opt.Today = geo.Today
	}
	if opt.Assets == "" {
		opt.Assets = "node_modules"
	}
	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	s := &site{svc: svc, opt: opt, static: static}
	s.assets = sync.OnceValue(func() *siteAssets { return readAssets(static) })
	s.snapshots = render.New(svc, render.Options{Today: opt.Today, Areas: opt.Areas})
	return func(e *echo.Echo) {
		get := []string{http.MethodGet, http.MethodHead}
		e.Match(get, "/", s.page("index.html", false))
		e.Match(get, "/embed", s.page("embed.html", true))
		e.Match(get, "/static/*", s.staticFile)
		e.Match(get, "/vendor/maplibre-gl/:version/:file", s.vendor)
		e.Match(get, "/favicon.ico", s.favicon)
		e.Match(get, "/oembed", s.oembed)
		s.snapshots.Mount(e)
	}
}

type site struct {
	svc    *service.Service
	opt    Options
	static fs.FS
	// assets are the parsed pages and the static files' hashes, made on
	// the first request that needs them: an API-only start does not wait
	// for hashing every embedded file.
	assets func() *siteAssets
	gz     sync.Map // static file name → gzip-compressed body, made on first use
	// snapshots renders the static maps; the page inlines the day's SVG.
	snapshots *render.Snapshots
}

// siteAssets are what the pages and static files need of the embedded tree.
type siteAssets struct {
	pages  *template.Template
	hashes map[string]string // static file name → strong ETag
	build  string            // hash of all static files: their immutable folder
	// css is style.css, put inside the served pages; cssHash allows it
	// in the content security policy.
	css     template.CSS
	cssHash string
}

func readAssets(static fs.FS) *siteAssets {
	a := &siteAssets{pages: template.Must(template.ParseFS(static, "*.html")), hashes: hashFiles(static), build: buildHash(static)}
	if css, err := fs.ReadFile(static, "style.css"); err == nil {
		// The stylesheet goes inside the page: a paint waits for no
		// request but the page's own (the CSP allows it by its hash).
		sum := sha256.Sum256(css)
		a.css = template.CSS(css)
		a.cssHash = "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return a
}

// pageData fills the page templates.
type pageData struct {
	Lang, Dir          string
	Title, Subtitle    string
	OEmbed             string
	MapLibreJS         string
	MapLibreCSS        string
	BasemapURL         string
	BasemapAttribution string
	FirstDay, Today    string
	SnapshotSVG        string
	// SnapshotInline is the same SVG as a data: URL, so the map box shows
	// the day without waiting for a request that shares a slow line with
	// the scripts; empty when not inlined (a static export, or a client
	// over its rate of new renderings).
	SnapshotInline template.URL
	FullMap        string
	// StaticBase prefixes the page's own assets: "/static/" when served,
	// a content-hashed relative folder in a static export.
	StaticBase string
	// Manifest, set only in a static export, is where the page finds its
	// data files instead of the API.
	Manifest string
	// DateText is the shown day written out, for the title.
	DateText string
	// Theme is light, dark or auto (follow the reader's system).
	Theme string
	// DateWords are the month names and layouts of Lang as JSON, from the
	// same source as the static map's.
	DateWords string
	// Preload lists what the page will fetch, so the browser starts at once.
	ModulePreloads []string
	DataPreloads   []string
	// MapLibreWorker is the worker module MapLibre starts. The page
	// fetches MapLibre, its stylesheet and worker only after it has drawn
	// the districts from the SVG, so they never share the line with what
	// the first view needs.
	MapLibreWorker string
	// InlineCSS is the stylesheet written inside the page; empty in a
	// static export, which links it.
	InlineCSS template.CSS
	// ResizeScript goes into the offered iframe snippet; empty in a static
	// export, whose address is not known when it is written.
	ResizeScript string
}

func (s *site) page(name string, embed bool) echo.HandlerFunc {
	return func(c echo.Context) error {
		q := c.QueryParams()
		lang, err := geo.ParseLang(q.Get("lang"))
		if err != nil {
			lang = geo.LangEN // the page falls back; the API is the strict one
		}
		d := s.opt.Today()
		if day, err := geo.ParseDay(q.Get("date")); err == nil {
			d = day
		}
		theme := q.Get("theme")
		if theme != "light" && theme != "dark" && theme != "auto" {
			// An article page is light unless asked otherwise; the full
			// page follows the reader's system.
			theme = "auto"
			if embed {
				theme = "light"
			}
		}
		base := "/static/" + s.assets().build + "/"
		data := pageData{Lang: string(lang), Dir: "ltr", Title: render.Title(lang), Subtitle: render.Subtitle(d, lang),
			BasemapURL: s.opt.BasemapURL, BasemapAttribution: s.opt.BasemapAttribution,
			FirstDay: FirstDay, Today: s.opt.Today().String(), StaticBase: base,
			DateText: render.LongDate(d, lang), Theme: theme, DateWords: dateWordsJSON(lang),
			ModulePreloads: []string{base + "i18n.js", base + "dom.js"},
			DataPreloads:   dataPreloads(lang), InlineCSS: s.assets().css}
		if render.RTL(lang) {
			data.Dir = "rtl"
		}
		view := url.Values{"date": {d.String()}}
		if lang != geo.LangEN {
			view.Set("lang", string(lang))
		}
		if q.Has("theme") {
			view.Set("theme", theme)
		}
		if r := q.Get("region"); r != "" && geo.ValidID(r) {
			view.Set("region", r)
		}
		data.SnapshotSVG = "/api/v1/snapshot.svg?" + url.Values{"date": {d.String()}, "lang": {string(lang)}}.Encode()
		if svg, err := s.snapshots.SVG(c.RealIP(), d, lang); err == nil {
			data.SnapshotInline = template.URL(svgDataURL(svg))
		}
		data.FullMap = "/?" + view.Encode()
		// The oEmbed discovery link is absolute (consumers fetch it from
		// wherever they read the page), on the public URL when one is set.
		site, _ := httpkit.BaseURL(c)
		pagePath := "/?"
		if embed {
			pagePath = "/embed?"
		}
		data.ResizeScript = resizeScript(site)
		data.OEmbed = site + "/oembed?" + url.Values{"url": {site + pagePath + view.Encode()}, "format": {"json"}}.Encode()
		if v, ok := maplibreVersion(s.opt.Assets); ok {
			data.MapLibreJS = "/vendor/maplibre-gl/" + v + "/maplibre-gl.mjs"
			data.MapLibreCSS = "/vendor/maplibre-gl/" + v + "/maplibre-gl.css"
			// MapLibre starts its worker from this URL, version in the query.
			data.MapLibreWorker = "/vendor/maplibre-gl/" + v + "/maplibre-gl-worker.mjs?v=" + url.QueryEscape(v)
		}
		var b bytes.Buffer
		if err := s.assets().pages.ExecuteTemplate(&b, name, data); err != nil {
			return err
		}
		setPageHeaders(c.Response().Header(), embed, s.opt.BasemapURL, s.assets().cssHash)
		// With the SVG inside, the page is tens of kilobytes: compressed
		// when the client accepts it.
		page := b.Bytes()
		etag := httpkit.ContentTag(page)
		var once sync.Once
		var gz []byte
		return httpkit.Write(c, httpkit.Answer{ContentType: "text/html; charset=utf-8", ETag: etag, GzipETag: etag[:len(etag)-1] + `-gz"`,
			Gzip: true, Cache: httpkit.Links(c, httpkit.CacheRevalidate),
			Parts: func(z bool) [][]byte {
				if !z {
					return [][]byte{page}
				}
				once.Do(func() {
					var buf bytes.Buffer
					zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
					zw.Write(page)
					zw.Close()
					gz = buf.Bytes()
				})
				return [][]byte{gz}
			}})
	}
}

// svgDataURL writes an SVG as a data: URL, percent-encoding only what a
// URL cannot hold, so it compresses about as well as the SVG itself.
func svgDataURL(svg []byte) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(svg) + len(svg)/4 + 32)
	b.WriteString("data:image/svg+xml;charset=utf-8,")
	for _, c := range svg {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~!$&'()*+,;=:@/?", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}

// setPageHeaders sets the content security policy and framing rules.
// Only /embed may be framed, by any site; every other page refuses.
// styleHash, when set, allows the page's one inline stylesheet.
func setPageHeaders(h http.Header, embed bool, basemap, styleHash string) {
	style := "style-src 'self'"
	if styleHash != "" {
		style += " " + styleHash
	}
	extra := ""
	if o := originOf(basemap); o != "" {
		extra = " " + o
	}
	ancestors := "'none'"
	if embed {
		ancestors = "*"
	}
	h.Set("Content-Security-Policy", strings.Join([]string{
		"default-src 'self'",
		"script-src 'self'",
		style,
		"img-src 'self' data: blob:" + extra,
		"connect-src 'self'" + extra,
		"font-src 'self'" + extra,
		"worker-src 'self' blob:",
		"child-src 'self' blob:",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors " + ancestors,
	}, "; "))
	if !embed {
		h.Set("X-Frame-Options", "DENY")
	}
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
}

// originOf returns scheme://host of an http(s) URL, or "".
func originOf(raw string) string {
	if raw == "" {
		return ""
	}
	// Tile templates carry {z}/{x}/{y}, which url.Parse accepts in paths.
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// staticTypes are the only files served from web/static; the HTML
// templates are served through the page handlers instead.
var staticTypes = map[string]string{
	".js":  "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".svg": "image/svg+xml",
}

func hashFiles(fsys fs.FS) map[string]string {
	out := map[string]string{}
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out[p] = `"` + hex.EncodeToString(sum[:12]) + `"`
		return nil
	})
	return out
}

// staticFile serves the page's own scripts and styles. Under
// /static/{build}/, where build is a hash of all of them, they are
// immutable and cached for a year (the pages link there, and relative
// module imports stay inside the same build); the plain /static/{name}
// revalidates on every use against a content-hash ETag. Both are
// gzip-compressed when the client accepts it.
func (s *site) staticFile(c echo.Context) error {
	name := path.Clean(c.Param("*"))
	cache := "no-cache"
	if dir, rest, ok := strings.Cut(name, "/"); ok {
		if dir != s.assets().build {
			// An older or unknown build: its files are gone.
			return echo.NewHTTPError(http.StatusNotFound, "no such file (the page was updated; reload it)")
		}
		name, cache = rest, "public, max-age="+strconv.Itoa(int(vendorMaxAge/time.Second))+", immutable"
	}
	ctype, ok := staticTypes[path.Ext(name)]
	if !ok || strings.HasPrefix(name, ".") || !fs.ValidPath(name) || strings.Contains(name, "/") {
		return echo.NewHTTPError(http.StatusNotFound, "no such file")
	}
	b, err := fs.ReadFile(s.static, name)
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "no such file")
	}
	c.Response().Header().Set("Cross-Origin-Resource-Policy", "same-origin")
	etag := s.assets().hashes[name]
	return httpkit.Write(c, httpkit.Answer{ContentType: ctype, ETag: etag, GzipETag: etag[:len(etag)-1] + `-gz"`, Gzip: true, Cache: cache,
		Parts: func(gz bool) [][]byte {
			if gz {
				return [][]byte{s.gzipped(name, b)}
			}
			return [][]byte{b}
		}})
}

// gzipped compresses a static file on its first request and keeps it:
// compressing them all at start cost start-up time.
func (s *site) gzipped(name string, b []byte) []byte {
	if gz, ok := s.gz.Load(name); ok {
		return gz.([]byte)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	gz, _ := s.gz.LoadOrStore(name, buf.Bytes())
	return gz.([]byte)
}

// buildHash names one build of the static files: a hash of their names
// and contents.
func buildHash(fsys fs.FS) string {
	sum := sha256.New()
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum.Write([]byte(p))
		sum.Write([]byte{0})
		sum.Write(b)
		return nil
	})
	return hex.EncodeToString(sum.Sum(nil)[:8])
}

// dateWordsJSON is render's month names and layouts for lang, as JSON for
// the page's data attribute.
func dateWordsJSON(lang geo.Lang) string {
	b, err := json.Marshal(render.DateWordsFor(lang))
	if err != nil {
		return "{}"
	}
	return string(b)
}

// dataPreloads are the API answers the page fetches first; the page
// requests exactly these URLs.
func dataPreloads(lang geo.Lang) []string {
	q := "?lang=" + url.QueryEscape(string(lang))
	return []string{"/api/v1/periods" + q, "/api/v1/regions" + q}
}

func (s *site) favicon(c echo.Context) error {
	b, err := fs.ReadFile(s.static, "favicon.svg")
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "no favicon")
	}
	return httpkit.SendBytesTagged(c, "image/svg+xml", b, "public, max-age=86400", s.assets().hashes["favicon.svg"])
}

// vendorMaxAge lets browsers keep MapLibre for a year: its URL carries
// the installed version, so an upgrade is a new URL.
const vendorMaxAge = 365 * 24 * time.Hour
