package handlers

import (
	"io"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
)

// MaxPeriodsLimit is the largest page of /api/v1/periods; a larger limit
// is served as this one, as the OGC API does.
const MaxPeriodsLimit = 10000

// periods answers every control period, or a page of them with limit
// and offset. A small whole feed is built once and kept; a big one (a
// million periods make 1.3 GB) and every page are streamed a feature at a
// time, so memory stays flat however long the history.
func (a *API) periods(c echo.Context) error {
	q, err := parseQuery(c.QueryString(), "lang", "limit", "offset")
	if err != nil {
		return err
	}
	lang, err := q.Lang()
	if err != nil {
		return err
	}
	var r service.PeriodsRange
	if q.Has("limit") || q.Has("offset") {
		r.Paged, r.Limit = true, MaxPeriodsLimit
		if q.Has("limit") {
			if r.Limit, err = wholeParam(q.Get("limit"), "limit", 1); err != nil {
				return err
			}
			r.Limit = min(r.Limit, MaxPeriodsLimit)
		}
		if q.Has("offset") {
			if r.Offset, err = wholeParam(q.Get("offset"), "offset", 0); err != nil {
				return err
			}
		}
	}
	v := a.svc.View()
	if !r.Paged && !v.StreamPeriods() {
		e, err := v.Periods(lang)
		if err != nil {
			return err
		}
		return httpkit.Send(c, e, httpkit.CacheShort)
	}
	etag := v.PeriodsETag(lang, r)
	return httpkit.Stream(c, httpkit.Streamed{ContentType: service.TypeGeoJSON, ETag: etag,
		GzipETag: etag[:len(etag)-1] + `-gz"`, Cache: httpkit.CacheShort,
		Body: func(w io.Writer) error { return v.WritePeriods(w, lang, r) }})
}

// wholeParam parses a whole-number parameter of at least least; past
// the int32 range it is too large, except a limit, which is clamped.
func wholeParam(s, name string, least int) (int, error) {
	if s == "" || !allDigits(s) {
		return 0, service.BadRequest("%s %q is not a whole number from %d", name, s, least)
	}
	n, err := strconv.ParseUint(s, 10, 31)
	switch {
	case err != nil && name == "limit":
		return MaxPeriodsLimit, nil
	case err != nil:
		return 0, service.BadRequest("%s %q is too large", name, s)
	case int(n) < least:
		return 0, service.BadRequest("%s must be at least %d", name, least)
	}
	return int(n), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
