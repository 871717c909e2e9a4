package areas_test

import (
	"encoding/json"
	"testing"

	"github.com/paulmach/orb/geojson"

	"github.com/mapsvc/mapsvc/geo"
)

func geoJSON(t *testing.T, r *geo.Region) string {
	t.Helper()
	b, err := json.Marshal(geojson.NewGeometry(r.Geometry))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
