// Package mounts lists the route groups the server mounts beyond the core
// API (handlers.New). cmd/mapsvc serves them and the OpenAPI test of
// handlers/openapi builds its router from the same list, so a route added
// here is checked against the document. It imports no handlers package,
// so both can use it without an import cycle.
package mounts

import (
	"errors"
	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/downloads"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/ogc"
	"github.com/mapsvc/mapsvc/placeapi"
	"github.com/mapsvc/mapsvc/render"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/tiles"
	"github.com/mapsvc/mapsvc/web"
)

// Options are the settings of the mounted pages.
type Options struct {
	// Assets is the folder of npm-installed front-end packages.
	Assets string
	// BasemapURL and BasemapAttribution are the optional basemap.
	BasemapURL, BasemapAttribution string
}

// All returns the mounts for handlers.Options.Mounts. Each package that
// serves pages or protocols adds one line here.
func All(svc *service.Service, opt Options) []func(*echo.Echo) {
	places := placeapi.EmbeddedHistories()
	return []func(*echo.Echo){
		ogc.MountWith(svc, placeapi.OGCCollections(places)...),
		downloads.MountWith(svc, places.AreasGeoJSON),
		placeapi.Mount(svc, places),
		tiles.MountWith(svc, placeapi.TileAreas(places)),
		web.Mount(svc, web.Options{Assets: opt.Assets, BasemapURL: opt.BasemapURL, BasemapAttribution: opt.BasemapAttribution,
			Areas: renderAreas(places)}),
	}
}

// renderAreas hands the place package's drawing of a day (the pieces of
// districts split on evidence of both sides, and the lines between them)
// to the static SVG/PNG map, which does not import it.
//
// Where the place ledger does not fit the data (another world's
// districts), the map is drawn without areas, as export-pmtiles leaves
// out its areas layer: a district then keeps its stripes.
func renderAreas(hs *placeapi.Histories) render.AreaSource {
	return func(v *service.View, d geo.Day) (*render.Areas, error) {
		pieces, lines, err := hs.Drawing(v, d)
		if errors.Is(err, placeapi.ErrPlacesDoNotFit) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		a := &render.Areas{}
		for _, p := range pieces {
			a.Pieces = append(a.Pieces, render.Area{Region: p.Region, Controller: p.Controller, Geometry: p.Geometry,
				Direction: p.Direction, Towns: p.Towns})
		}
		for _, l := range lines {
			a.Lines = append(a.Lines, render.Line{Region: l.Region, Geometry: l.Geometry})
		}
		return a, nil
	}
}
