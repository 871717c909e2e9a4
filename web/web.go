// Package web serves the map page (/), the embeddable map (/embed), their
// own scripts and styles (embedded from web/static), MapLibre GL JS from
// the npm-installed files on disk, oEmbed (/oembed), and mounts the static
// SVG/PNG snapshots of package render.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
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
	s := &site{svc: svc, opt: opt, static: static, pages: template.Must(template.ParseFS(static, "*.html"))}
	s.hashes = hashFiles(static)
	snapshots := render.Mount(svc, render.Options{Today: opt.Today})
	return func(e *echo.Echo) {
		get := []string{http.MethodGet, http.MethodHead}
		e.Match(get, "/", s.page("index.html", false))
		e.Match(get, "/embed", s.page("embed.html", true))
		e.Match(get, "/static/*", s.staticFile)
		e.Match(get, "/vendor/maplibre-gl/:version/:file", s.vendor)
		e.Match(get, "/favicon.ico", s.favicon)
		e.Match(get, "/oembed", s.oembed)
		snapshots(e)
	}
}

type site struct {
	svc    *service.Service
	opt    Options
	static fs.FS
	pages  *template.Template
	hashes map[string]string // static file name → strong ETag
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
	FullMap            string
	// StaticBase prefixes the page's own assets: "/static/" when served,
	// a content-hashed relative folder in a static export.
	StaticBase string
	// Manifest, set only in a static export, is where the page finds its
	// data files instead of the API.
	Manifest string
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
		data := pageData{Lang: string(lang), Dir: "ltr", Title: render.Title(lang), Subtitle: render.Subtitle(d, lang),
			BasemapURL: s.opt.BasemapURL, BasemapAttribution: s.opt.BasemapAttribution,
			FirstDay: FirstDay, Today: s.opt.Today().String(), StaticBase: "/static/"}
		if render.RTL(lang) {
			data.Dir = "rtl"
		}
		view := url.Values{"date": {d.String()}}
		if lang != geo.LangEN {
			view.Set("lang", string(lang))
		}
		if r := q.Get("region"); r != "" && geo.ValidID(r) {
			view.Set("region", r)
		}
		data.SnapshotSVG = "/api/v1/snapshot.svg?" + url.Values{"date": {d.String()}, "lang": {string(lang)}}.Encode()
		data.FullMap = "/?" + view.Encode()
		// The oEmbed discovery link is absolute (consumers fetch it from
		// wherever they read the page), on the public URL when one is set.
		base, _ := httpkit.BaseURL(c)
		pagePath := "/?"
		if embed {
			pagePath = "/embed?"
		}
		data.OEmbed = base + "/oembed?" + url.Values{"url": {base + pagePath + view.Encode()}, "format": {"json"}}.Encode()
		if v, ok := maplibreVersion(s.opt.Assets); ok {
			data.MapLibreJS = "/vendor/maplibre-gl/" + v + "/maplibre-gl.mjs"
			data.MapLibreCSS = "/vendor/maplibre-gl/" + v + "/maplibre-gl.css"
		}
		var b bytes.Buffer
		if err := s.pages.ExecuteTemplate(&b, name, data); err != nil {
			return err
		}
		setPageHeaders(c.Response().Header(), embed, s.opt.BasemapURL)
		return httpkit.SendBytes(c, "text/html; charset=utf-8", b.Bytes(), httpkit.Links(c, httpkit.CacheRevalidate))
	}
}

// setPageHeaders sets the content security policy and framing rules.
// Only /embed may be framed, by any site; every other page refuses.
func setPageHeaders(h http.Header, embed bool, basemap string) {
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
		"style-src 'self'",
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

// staticFile serves the page's own scripts and styles. They revalidate on
// every use (no-cache) against a content-hash ETag, so a new build is
// picked up at once and an unchanged file costs a 304.
func (s *site) staticFile(c echo.Context) error {
	name := path.Clean(c.Param("*"))
	ctype, ok := staticTypes[path.Ext(name)]
	if !ok || strings.HasPrefix(name, ".") || !fs.ValidPath(name) {
		return echo.NewHTTPError(http.StatusNotFound, "no such file")
	}
	b, err := fs.ReadFile(s.static, name)
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "no such file")
	}
	c.Response().Header().Set("Cross-Origin-Resource-Policy", "same-origin")
	return httpkit.SendBytesTagged(c, ctype, b, httpkit.CacheRevalidate, s.hashes[name])
}

func (s *site) favicon(c echo.Context) error {
	b, err := fs.ReadFile(s.static, "favicon.svg")
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "no favicon")
	}
	return httpkit.SendBytesTagged(c, "image/svg+xml", b, "public, max-age=86400", s.hashes["favicon.svg"])
}

// vendorMaxAge lets browsers keep MapLibre for a year: its URL carries
// the installed version, so an upgrade is a new URL.
const vendorMaxAge = 365 * 24 * time.Hour
