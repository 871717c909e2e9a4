package handlers

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
)

// EpochURL is where an epoch's snapshot lives for good: the data version in
// the path means the bytes behind it never change, so caches and CDNs may
// keep them forever.
func EpochURL(version string, epoch int, lang geo.Lang) string {
	return "/api/v1/epochs/" + version + "/" + strconv.Itoa(epoch) + ".geojson?lang=" + string(lang)
}

func (a *API) epochs(c echo.Context) error {
	if _, err := parseQuery(c.QueryString()); err != nil {
		return err
	}
	v := a.svc.View()
	e, err := v.Epochs("/api/v1/epochs/" + v.Version + "/{epoch}.geojson?lang={lang}")
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, httpkit.CacheShort)
}

// epochSnapshot serves /api/v1/epochs/{version}/{epoch}.geojson. A stale
// version is a 404 that names the current one: the URL promised bytes that
// no longer exist.
func (a *API) epochSnapshot(c echo.Context) error {
	lang, err := langOnly(c)
	if err != nil {
		return err
	}
	v := a.svc.View()
	if c.Param("version") != v.Version {
		return fmt.Errorf("%w: data version %q is gone; the current version is %s (see /api/v1/epochs)", geo.ErrNotFound, c.Param("version"), v.Version)
	}
	name, ok := strings.CutSuffix(c.Param("file"), ".geojson")
	n, err := strconv.Atoi(name)
	if !ok || err != nil || n < 0 || strconv.Itoa(n) != name {
		return fmt.Errorf("%w: %q is not EPOCH.geojson", geo.ErrNotFound, c.Param("file"))
	}
	e, err := v.EpochSnapshot(n, lang)
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, httpkit.CacheImmutable)
}
