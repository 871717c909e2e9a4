package main

import (
	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/export"
	"github.com/mapsvc/mapsvc/ogc"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/tiles"
	"github.com/mapsvc/mapsvc/web"
)

// mounts lists the route groups beyond the core API. Each package that
// serves pages or protocols adds one line here.
func mounts(svc *service.Service, c Config) []func(*echo.Echo) {
	return []func(*echo.Echo){
		ogc.MountWith(svc, ogc.Options{PublicURL: c.PublicURL}),
		export.Mount(svc),
		tiles.Mount(svc),
		web.Mount(svc, web.Options{Assets: c.Assets, BasemapURL: c.BasemapURL, BasemapAttribution: c.BasemapAttribution}),
	}
}
