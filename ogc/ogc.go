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
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
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
}

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
	s := &server{svc: svc, routes: routeTable(ids), cache: service.NewCache(1024), defs: defs, ix: indexes{extras: extras}}
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
		q, err := handlers.Query(c.QueryString(), rt.queryNames()...)
		if err != nil {
			return err
		}
		r := &request{c: c, q: q, f: "json", base: c.Scheme() + "://" + c.Request().Host, view: s.svc.View()}
		if q.Has("f") {
			r.f = q.Get("f")
			if !rt.hasFormat(r.f) {
				return service.BadRequest("f=%q is not offered here; use %s", r.f, strings.Join(rt.formats(), " or "))
			}
		}
		contentType := rt.json
		if r.f == "html" {
			contentType = htmlCharset
		}
		key := rt.opID + "|" + c.Request().URL.Path + "?" + q.Encode() + "|" + r.base
		e, err := s.cache.Get(r.view, key, contentType, func() ([]byte, error) { return rt.build(s, r) })
		if err != nil {
			return err
		}
		return handlers.Send(c, e, handlers.CacheControl)
	}
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
	l, err := geo.ParseLang(r.q.Get("lang"))
	if err != nil {
		return "", service.BadRequest("lang %q is not one of en, ar, az, ru, hy", r.q.Get("lang"))
	}
	return l, nil
}

func jsonBody(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("ogc: encoding: %w", err)
	}
	return append(b, '\n'), nil
}
