package main

import (
	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/downloads"
	"github.com/mapsvc/mapsvc/ogc"
	"github.com/mapsvc/mapsvc/placeapi"
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
		web.Mount(svc, web.Options{Assets: c.Assets, BasemapURL: c.BasemapURL, BasemapAttribution: c.BasemapAttribution}),
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
