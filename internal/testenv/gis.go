package testenv

import (
	"net/http/httptest"
	"testing"

	"github.com/mapsvc/mapsvc/downloads"
	"github.com/mapsvc/mapsvc/ogc"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/tiles"
)

// GISServer serves svc through the real router with the GIS mounts (OGC
// API, downloads, tiles) on a real TCP port.
func GISServer(t testing.TB, svc *service.Service) *httptest.Server {
	return Server(t, svc, ogc.Mount(svc), downloads.Mount(svc), tiles.Mount(svc))
}

// NewGISServer is GISServer over a fresh seeded store.
func NewGISServer(t testing.TB) (*httptest.Server, *service.Service) {
	svc := Service(t)
	return GISServer(t, svc), svc
}
