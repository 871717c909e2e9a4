package testenv

import (
	"net/http/httptest"
	"testing"

	"github.com/mapsvc/mapsvc/downloads"
	"github.com/mapsvc/mapsvc/ogc"
	"github.com/mapsvc/mapsvc/placeapi"
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

// AreasGISServer is GISServer with the approximate control areas: the
// areas tile layer, the areas downloads and the place routes
// (/api/v1/areas), all over one placeapi.Histories, as cmd/mapsvc mounts
// them.
func AreasGISServer(t testing.TB) (*httptest.Server, *service.Service) {
	svc := Service(t)
	hs := placeapi.EmbeddedHistories()
	tileAreas := placeapi.TileAreas(hs)
	return Server(t, svc, placeapi.Mount(svc, hs), downloads.MountWith(svc, hs.AreasGeoJSON), tiles.MountWith(svc, tileAreas)), svc
}
