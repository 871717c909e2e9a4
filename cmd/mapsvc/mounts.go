package main

import (
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

// mounts lists the route groups beyond the core API. Each package that
// serves pages or protocols adds one line here.
func mounts(svc *service.Service, c Config) []func(*echo.Echo) {
	places := placeapi.EmbeddedHistories()
	return []func(*echo.Echo){
		ogc.MountWith(svc, placeapi.OGCCollections(places)...),
		downloads.MountWith(svc, places.AreasGeoJSON),
		placeapi.Mount(svc, places),
		tiles.MountWith(svc, tileAreas(places)),
		web.Mount(svc, web.Options{Assets: c.Assets, BasemapURL: c.BasemapURL, BasemapAttribution: c.BasemapAttribution,
			Areas: renderAreas(places)}),
	}
}

// tileAreas hands the place package's area spans to the tiles package,
// which does not import it.
func tileAreas(hs *placeapi.Histories) tiles.AreaSource {
	return func(v *service.View) ([]tiles.Area, error) {
		spans, err := hs.AreaSpans(v)
		if err != nil {
			return nil, err
		}
		out := make([]tiles.Area, len(spans))
		for i, a := range spans {
			out[i] = tiles.Area{Region: a.Region, Controller: a.Controller, Method: a.Method, Geometry: a.Geometry,
				Start: a.Start, End: a.End, Open: a.Open}
		}
		return out, nil
	}
}

// renderAreas hands the place package's drawing of a day (the pieces of
// districts split on evidence of both sides, and the lines between them)
// to the static SVG/PNG map, which does not import it.
func renderAreas(hs *placeapi.Histories) render.AreaSource {
	return func(v *service.View, d geo.Day) (*render.Areas, error) {
		pieces, lines, err := hs.Drawing(v, d)
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
