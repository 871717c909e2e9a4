package main

import (
	"testing"

	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/handlers/openapi"
	"github.com/mapsvc/mapsvc/internal/testenv"
)

// The OpenAPI document lists exactly the /api/v1 routes of the router
// `mapsvc serve` builds (its mounts included), so a route mounted here
// and not through internal/mounts cannot escape the document.
func TestOpenAPIDocumentListsTheServersRoutes(t *testing.T) {
	svc := testenv.Service(t)
	e := handlers.New(svc, handlers.Options{Mounts: mounts(svc, defaultConfig())})
	missing, extra, err := openapi.Compare(e.Routes())
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("served but not documented: %v; documented but not served: %v", missing, extra)
	}
	n := 0
	for _, r := range e.Routes() {
		if r.Path == "/api/v1/areas" || r.Path == "/api/v1/places/:id" || r.Path == "/api/v1/snapshot.svg" {
			n++
		}
	}
	if n != 3 {
		t.Errorf("the server's router has %d of /api/v1/areas, /api/v1/places/:id and /api/v1/snapshot.svg, want 3", n)
	}
}
