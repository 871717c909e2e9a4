package main

import (
	"github.com/labstack/echo/v4"
	mountlist "github.com/mapsvc/mapsvc/internal/mounts"
	"github.com/mapsvc/mapsvc/service"
)

// mounts lists the route groups beyond the core API: the shared list of
// internal/mounts, which the OpenAPI test builds its router from too. Add
// new mounts there, not here.
func mounts(svc *service.Service, c Config) []func(*echo.Echo) {
	return mountlist.All(svc, mountlist.Options{Assets: c.Assets, BasemapURL: c.BasemapURL, BasemapAttribution: c.BasemapAttribution})
}
