// Package ogc serves mapsvc's data as OGC API - Features - Part 1: Core
// under /ogc, for GIS clients such as QGIS and GDAL: a landing page, the
// conformance classes, an OpenAPI 3.0 document, and the collections
// regions, control-periods and events with their items, as GeoJSON
// (f=json, the default) or as HTML a person can browse (f=html).
//
// One route table (routes.go) drives the router, the strict query
// checking and the OpenAPI document, so the document describes exactly
// what is served.
package ogc

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/bytecache"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
)

// Prefix is where the API is mounted.
const Prefix = "/ogc"

// Media types.
const (
	typeJSON    = "application/json"
	typeGeoJSON = "application/geo+json"
	typeHTML    = "text/html"
	typeOpenAPI = "application/vnd.oai.openapi+json;version=3.0"
	htmlCharset = "text/html; charset=utf-8"
)

// server answers the OGC API routes over the current view.
type server struct {
	svc    *service.Service
	routes []*route
	cache  *service.Cache
	ix     indexes
	defs   []collectionDef // core and extra collections, in listing order

	hostsMu sync.Mutex
	hosts   map[string]bool // request-derived bases whose answers are cached (maxHosts)
}

// maxHosts is how many distinct request hosts get cached answers when no
// public URL is set (localhost, 127.0.0.1, a LAN name, a proxy's name): a
// flood of made-up Host headers cannot fill the cache with copies.
const maxHosts = 4

// Mount returns the hook that adds the OGC API routes to the router
// (cmd/mapsvc/mounts.go lists it).
func Mount(svc *service.Service) func(*echo.Echo) {
	return MountWith(svc)
}

// MountWith is Mount with collections built by other packages over the
// same view (the places and the control areas), listed after the core
// collections.
func MountWith(svc *service.Service, extras ...Extra) func(*echo.Echo) {
	defs := append([]collectionDef(nil), collectionDefs...)
	for _, x := range extras {
		defs = append(defs, collectionDef{ID: x.ID, Title: x.Title, Description: x.Description, Timed: x.Timed})
	}
	ids := make([]string, len(defs))
	for i, d := range defs {
		ids[i] = d.ID
	}
	s := &server{svc: svc, routes: routeTable(ids), cache: svc.NewCache("ogc"), defs: defs, ix: indexes{extras: extras}, hosts: map[string]bool{}}
	return func(e *echo.Echo) {
		for _, rt := range s.routes {
			e.GET(Prefix+rt.echoPath(), s.handler(rt))
			if rt.path == "/" {
				e.GET(Prefix, s.handler(rt)) // the landing page without its slash
			}
		}
	}
}

// request is one checked request.
type request struct {
	c    echo.Context
	q    url.Values
	f    string // json or html
	base string // scheme://host, for absolute links
	view *service.View
}

func (s *server) handler(rt *route) echo.HandlerFunc {
	return func(c echo.Context) error {
		kq, err := httpkit.ParseQuery(c.QueryString(), rt.queryNames()...)
		if err != nil {
			return err
		}
		q := kq.Values()
		base, cacheable := s.base(c)
		r := &request{c: c, q: q, f: "json", base: base, view: s.svc.View()}
		if q.Has("f") {
			r.f = q.Get("f")
			if !rt.hasFormat(r.f) {
				return service.BadRequest("f=%q is not offered here; use %s", r.f, strings.Join(rt.formats(), " or "))
			}
		} else if rt.html {
			// Without f, the Accept header chooses: a browser gets the
			// page, every other client JSON (the default).
			httpkit.AddVary(c.Response().Header(), "Accept")
			if prefersHTML(c.Request().Header.Get("Accept")) {
				r.f = "html"
			}
		}
		contentType := rt.json
		if r.f == "html" {
			contentType = htmlCharset
		}
		var e *service.Encoded
		if cacheable {
			key := rt.opID + "|" + c.Request().URL.Path + "?" + q.Encode() + "|" + r.f + "|" + r.base
			e, err = s.cache.Get(r.view, key, contentType, func() ([]byte, error) { return rt.build(s, r) })
		} else {
			e, err = uncached(r.view, contentType, func() ([]byte, error) { return rt.build(s, r) })
		}
		if err != nil {
			return err
		}
		if r.f == "html" {
			setPageHeaders(c.Response().Header())
		}
		return httpkit.Send(c, e, httpkit.Links(c, httpkit.CacheShort))
	}
}

// base returns scheme://host for links (the configured public URL, or one
// derived from the request with a sanitised host), and whether answers
// built with it may be kept in the shared cache.
func (s *server) base(c echo.Context) (string, bool) {
	b, fixed := httpkit.BaseURL(c)
	if fixed {
		return b, true
	}
	if !validHost(c.Request().Host) {
		b = b[:strings.Index(b, "://")+3] + "localhost"
	}
	s.hostsMu.Lock()
	defer s.hostsMu.Unlock()
	if s.hosts[b] {
		return b, true
	}
	if len(s.hosts) < maxHosts {
		s.hosts[b] = true
		return b, true
	}
	return b, false
}

// validHost accepts host[:port] made of name and address characters only,
// so a Host header cannot inject markup or odd bytes into links.
func validHost(h string) bool {
	if h == "" || len(h) > 255 {
		return false
	}
	for _, r := range h {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".-:[]", r)) {
			return false
		}
	}
	return true
}

// uncached builds an answer that is not kept, with the same kind of ETag.
func uncached(v *service.View, contentType string, build func() ([]byte, error)) (*service.Encoded, error) {
	return service.NewCache("ogc-uncached", bytecache.New(1)).Get(v, "", contentType, build)
}

// setPageHeaders gives the HTML pages the content security policy and
// framing rules of the map page (web.setPageHeaders without a basemap),
// with the pages' one inline style allowed by its hash: nothing but the
// page's own resources, and no framing.
func setPageHeaders(h http.Header) {
	h.Set("Content-Security-Policy", strings.Join([]string{
		"default-src 'self'",
		"script-src 'self'",
		"style-src 'self' " + styleHash,
		"img-src 'self' data: blob:",
		"connect-src 'self'",
		"font-src 'self'",
		"worker-src 'self' blob:",
		"child-src 'self' blob:",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	}, "; "))
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
}

// link is an OGC API link object.
type link struct {
	Href  string `json:"href"`
	Rel   string `json:"rel"`
	Type  string `json:"type,omitempty"`
	Title string `json:"title,omitempty"`
}

// href is the absolute URL of path (under Prefix) with query q.
func (r *request) href(path string, q url.Values) string {
	u := r.base + Prefix + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// with returns a copy of q with name set to value.
func with(q url.Values, name, value string) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	out.Set(name, value)
	return out
}

// selfLinks are the self and alternate links of a page at path whose JSON
// form has media type jsonType.
func (r *request) selfLinks(path string, q url.Values, jsonType, title string) []link {
	j := link{Href: r.href(path, with(q, "f", "json")), Type: jsonType, Title: title + " as JSON"}
	h := link{Href: r.href(path, with(q, "f", "html")), Type: typeHTML, Title: title + " as HTML"}
	if r.f == "html" {
		h.Rel, j.Rel = "self", "alternate"
		return []link{h, j}
	}
	j.Rel, h.Rel = "self", "alternate"
	return []link{j, h}
}

// lang reads the lang parameter.
func (r *request) lang() (geo.Lang, error) {
	if !r.q.Has("lang") {
		return geo.LangEN, nil
	}
	return httpkit.ParseLang(r.q.Get("lang"))
}

// prefersHTML reports whether an Accept header ranks text/html above
// JSON: browsers send text/html first, GIS clients JSON or nothing.
func prefersHTML(accept string) bool {
	best := func(types ...string) float64 {
		q := 0.0
		for _, part := range strings.Split(accept, ",") {
			name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			name = strings.ToLower(strings.TrimSpace(name))
			for _, t := range types {
				if name != t {
					continue
				}
				v := 1.0
				for _, p := range strings.Split(params, ";") {
					if k, val, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.TrimSpace(k) == "q" {
						if f, err := strconv.ParseFloat(strings.TrimSpace(val), 64); err == nil {
							v = f
						}
					}
				}
				if v > q {
					q = v
				}
			}
		}
		return q
	}
	h := best("text/html", "application/xhtml+xml")
	return h > 0 && h > best("application/json", "application/geo+json", typeOpenAPI, "application/vnd.oai.openapi+json")
}

func jsonBody(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("ogc: encoding: %w", err)
	}
	return append(b, '\n'), nil
}
