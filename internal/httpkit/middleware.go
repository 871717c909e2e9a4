package httpkit

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
)

// OpenCORS marks an answer readable from any origin, without credentials.
// It is set whether or not the request carried Origin, so a copy a CDN
// cached for a plain request still works for a cross-origin one; the value
// never depends on the request, so no Vary: Origin is needed.
func OpenCORS(h http.Header) {
	h[echo.HeaderAccessControlAllowOrigin] = corsOrigin
	h[echo.HeaderAccessControlExposeHeaders] = corsExpose
}

// Header values every answer of a kind carries, made once: setting a
// header through Header.Set makes a one-string slice per request. Each has
// its capacity equal to its length, so Header.Add appends to a copy.
var (
	corsOrigin  = values("*")
	corsExpose  = values("ETag, Link, Content-Range, Accept-Ranges, Content-Disposition")
	nosniff     = values("nosniff")
	gzipValue   = values("gzip")
	brValue     = values("br")
	bytesValue  = values("bytes")
	acceptEncVa = values("Accept-Encoding")
	// known are the values of the Cache-Control and Content-Type headers
	// the routes send, looked up by value (see shared).
	known = func() map[string][]string {
		m := map[string][]string{}
		for _, v := range []string{CacheShort, CacheImmutable, CacheRevalidate, CachePrivate,
			"application/json", "application/geo+json", "image/png", "application/vnd.mapbox-vector-tile",
			"text/html; charset=utf-8", "application/problem+json"} {
			m[v] = values(v)
		}
		return m
	}()
)

func values(v string) []string { return []string{v}[:1:1] }

// shared returns a made-once slice holding v when v is a known value,
// else a new one.
func shared(v string) []string {
	if s, ok := known[v]; ok {
		return s
	}
	return []string{v}
}

// CORS sets the open CORS headers on every answer (errors too) and answers
// preflights for reads.
func CORS() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if done, err := ApplyCORS(c); done {
				return err
			}
			return next(c)
		}
	}
}

// ApplyCORS is what CORS does for one request: it sets the open CORS
// headers and, for a preflight, answers it (done is then true).
func ApplyCORS(c echo.Context) (done bool, err error) {
	h := c.Response().Header()
	OpenCORS(h)
	req := c.Request()
	if req.Method == http.MethodOptions && req.Header.Get(echo.HeaderAccessControlRequestMethod) != "" {
		h.Set(echo.HeaderAccessControlAllowMethods, "GET, HEAD, OPTIONS")
		if rh := req.Header.Get(echo.HeaderAccessControlRequestHeaders); rh != "" {
			h.Set(echo.HeaderAccessControlAllowHeaders, rh)
		}
		h.Set(echo.HeaderAccessControlMaxAge, "86400")
		return true, c.NoContent(http.StatusNoContent)
	}
	return false, nil
}

// HeadAsGet routes HEAD like GET (RFC 9110: every GET resource answers
// HEAD). Echo routes by method before any Use middleware runs, so this Pre
// middleware shows the router GET, and RestoreHead, the first Use
// middleware, puts HEAD back: handlers and http.ServeContent then answer
// with the GET's headers and no body, and the server drops any body
// written anyway.
func HeadAsGet() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			HeadToGet(c)
			return next(c)
		}
	}
}

// HeadToGet is what HeadAsGet does for one request.
func HeadToGet(c echo.Context) {
	if req := c.Request(); req.Method == http.MethodHead {
		req.Method = http.MethodGet
		c.Set(headKey, true)
	}
}

// RestoreHead undoes HeadAsGet once the route is chosen.
func RestoreHead() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			GetToHead(c)
			return next(c)
		}
	}
}

// GetToHead is what RestoreHead does for one request.
func GetToHead(c echo.Context) {
	if IsHead(c) {
		c.Request().Method = http.MethodHead
	}
}

const (
	headKey = "httpkit.head"
	baseKey = "httpkit.base"
)

// IsHead reports whether the client asked with HEAD.
func IsHead(c echo.Context) bool { b, _ := c.Get(headKey).(bool); return b }

// PublicURL records the configured public base URL (scheme://host[/path],
// no trailing slash) for BaseURL; empty means none is configured.
func PublicURL(base string) echo.MiddlewareFunc {
	base = strings.TrimRight(base, "/")
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			SetPublicURL(c, base)
			return next(c)
		}
	}
}

// SetPublicURL is what PublicURL does for one request; base has no
// trailing slash.
func SetPublicURL(c echo.Context, base string) {
	if base != "" {
		c.Set(baseKey, base)
	}
}

// ValidatePublicURL checks a --public-url value.
func ValidatePublicURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return errBadPublicURL
	}
	return nil
}

// BaseURL is the scheme://host every absolute URL of an answer starts
// with. fixed is true when it is the configured public URL; otherwise it
// was derived from this request's Host header, and the answer must be sent
// with Links(c, cache) so no shared cache hands it to another host.
func BaseURL(c echo.Context) (base string, fixed bool) {
	if b, ok := c.Get(baseKey).(string); ok && b != "" {
		return b, true
	}
	req := c.Request()
	scheme := "http"
	if req.TLS != nil {
		scheme = "https"
	} else if p := strings.ToLower(req.Header.Get(echo.HeaderXForwardedProto)); p == "https" {
		scheme = p
	}
	return scheme + "://" + req.Host, false
}

// Links returns cache for an answer that holds absolute URLs: as given
// when the base is configured, private otherwise.
func Links(c echo.Context, cache string) string {
	if _, fixed := BaseURL(c); fixed {
		return cache
	}
	return CachePrivate
}
