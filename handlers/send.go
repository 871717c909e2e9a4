package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/service"
)

// cacheControl lets shared caches keep data answers briefly; the ETag makes
// revalidation cheap, and an edit moves the ETag on.
const cacheControl = "public, max-age=60, stale-while-revalidate=300"

// send writes an encoded answer: 304 when If-None-Match matches, gzip
// when the client accepts it, and the same validators either way.
func send(c echo.Context, e *service.Encoded, cache string) error {
	return sendEncoded(c, e, cache, true)
}

// sendEncoded is send; allowGzip false keeps already-compressed bodies
// (PNG) as they are.
func sendEncoded(c echo.Context, e *service.Encoded, cache string, allowGzip bool) error {
	req, h := c.Request(), c.Response().Header()
	etag, gz := e.ETag, false
	if allowGzip {
		h.Set("Vary", "Accept-Encoding")
		if AcceptsGzip(req.Header.Get("Accept-Encoding")) {
			etag, gz = e.GzipETag(), true
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("ETag", etag)
	h.Set("Cache-Control", cache)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set(echo.HeaderContentType, e.ContentType)
	if inm := req.Header.Get("If-None-Match"); inm != "" && etagMatch(inm, e) {
		h.Del("Content-Encoding")
		return c.NoContent(http.StatusNotModified)
	}
	// The body goes out part by part (a snapshot day is its own head and
	// the epoch's shared features) with its length declared, so a 150 KB
	// answer is neither copied per request nor chunked.
	parts := e.Parts(gz)
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	h.Set(echo.HeaderContentLength, strconv.Itoa(n))
	w := c.Response()
	w.WriteHeader(http.StatusOK)
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// etagMatch accepts either representation's tag (weak comparison, as
// RFC 9110 asks for If-None-Match).
func etagMatch(header string, e *service.Encoded) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == e.ETag || t == e.GzipETag() {
			return true
		}
	}
	return false
}

// AcceptsGzip reports whether an Accept-Encoding header admits gzip.
func AcceptsGzip(h string) bool {
	for _, part := range strings.Split(h, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
			continue
		}
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(k) == "q" {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				q = f
			}
		}
		return q > 0
	}
	return false
}
