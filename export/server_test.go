package export_test

import (
	"net/http/httptest"
	"testing"

	"github.com/mapsvc/mapsvc/export"
	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/ogc"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/tiles"
)

// The shared setup: a real temporary store with the embedded data, and the
// real router with the GIS mounts on a real TCP port.
func newServer(t *testing.T) (*httptest.Server, *service.Service) {
	svc := testenv.Service(t)
	return serve(t, svc), svc
}

func serve(t *testing.T, svc *service.Service) *httptest.Server {
	return testenv.Server(t, svc, ogc.Mount(svc), export.Mount(svc), tiles.Mount(svc))
}

var (
	get         = testenv.Get
	getJSON     = testenv.GetJSON
	wantProblem = testenv.WantProblem
)
