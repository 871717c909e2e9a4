package ogc_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/service"
)

// fakeStore serves a dataset the test made.
type fakeStore struct{ ds service.Dataset }

func (f fakeStore) Load() (service.Dataset, error) { return f.ds, nil }

// newServerWith starts the real router over the embedded data changed by
// edit, without a database.
func newServerWith(t *testing.T, edit func([]geo.Region, []geo.Event)) *httptest.Server {
	t.Helper()
	rs, events := ledgertest.Data(t)
	edit(rs, events)
	svc, err := service.New(fakeStore{service.Dataset{Regions: rs, Events: events, Version: "edited"}})
	if err != nil {
		t.Fatalf("service.New: %v", err)
	}
	return serve(t, svc)
}

// featureCollection is the part of an items answer the tests read.
type featureCollection struct {
	Type     string `json:"type"`
	Features []struct {
		ID         string          `json:"id"`
		Geometry   json.RawMessage `json:"geometry"`
		Properties map[string]any  `json:"properties"`
	} `json:"features"`
	NumberMatched  int    `json:"numberMatched"`
	NumberReturned int    `json:"numberReturned"`
	TimeStamp      string `json:"timeStamp"`
	Links          []link `json:"links"`
}

type link struct {
	Href, Rel, Type, Title string
}

func linkOf(links []link, rel string) (link, bool) {
	for _, l := range links {
		if l.Rel == rel {
			return l, true
		}
	}
	return link{}, false
}

func relPath(srv *httptest.Server, href string) string {
	return strings.TrimPrefix(href, srv.URL)
}

// The shared setup (internal/testenv): a real temporary store with the
// embedded data, and the real router with the GIS mounts on a real port.
var (
	newServer   = testenv.NewGISServer
	serve       = testenv.GISServer
	get         = testenv.Get
	getJSON     = testenv.GetJSON
	wantProblem = testenv.WantProblem
)
