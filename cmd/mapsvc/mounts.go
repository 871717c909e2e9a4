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
		downloads.Mount(svc),
		placeapi.Mount(svc, places),
		tiles.Mount(svc),
		web.Mount(svc, web.Options{Assets: c.Assets, BasemapURL: c.BasemapURL, BasemapAttribution: c.BasemapAttribution}),
	}
}
