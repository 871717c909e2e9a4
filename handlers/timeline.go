package handlers

import (
	"io"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
)

// timeline answers the change days and every event. A small ledger's
// answer is built once and kept; a large one's (a store's period index,
// 347 MB a language with a million events) is streamed from the store a
// chunk of events at a time, so memory stays flat.
func (a *API) timeline(c echo.Context) error {
	lang, err := langOnly(c)
	if err != nil {
		return err
	}
	v := a.svc.View()
	if !v.StreamTimeline() {
		e, err := v.Timeline(lang)
		if err != nil {
			return err
		}
		return httpkit.Send(c, e, httpkit.CacheShort)
	}
	etag := v.TimelineETag(lang)
	return httpkit.Stream(c, httpkit.Streamed{ContentType: service.TypeJSON, ETag: etag,
		GzipETag: etag[:len(etag)-1] + `-gz"`, Cache: httpkit.CacheShort,
		Body: func(w io.Writer) error { return v.WriteTimeline(w, lang) }})
}
