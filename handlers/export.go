package handlers

import (
	"net/url"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/service"
)

// Exported helpers for the packages that mount routes of their own (OGC
// API, downloads, tiles), so that they answer with the same caching,
// validation and problem bodies as the core API.

// CacheControl is the Cache-Control of data answers that may change with
// an edit: short shared caching, cheap revalidation by ETag.
const CacheControl = cacheControl

// Send writes an encoded answer with its ETag, a 304 when If-None-Match
// matches, gzip when the client accepts it, and the given Cache-Control.
func Send(c echo.Context, e *service.Encoded, cache string) error { return send(c, e, cache) }

// SendUncompressed is Send for bodies that are compressed already (PNG):
// never gzipped again.
func SendUncompressed(c echo.Context, e *service.Encoded, cache string) error {
	return sendEncoded(c, e, cache, false)
}

// Query checks a raw query string against the names an endpoint takes. An
// unknown name or a repeated one is an error that the router answers with a
// 400 problem body, as for the core API.
func Query(raw string, allowed ...string) (url.Values, error) {
	q, err := parseQuery(raw, allowed...)
	if err != nil {
		return nil, err
	}
	return q.v, nil
}
