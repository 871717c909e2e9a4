package geo_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/mapsvc/mapsvc/data/regions"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/synth"
	"github.com/paulmach/orb/geojson"
)

// The direct parse of stored regions gives what the general decoder gives.
func TestRegionFromStoredMatchesGeneralDecoder(t *testing.T) {
	rs, err := regions.Load()
	if err != nil {
		t.Fatal(err)
	}
	rs = append(rs, synth.Regions(5, 1)...)
	for i := range rs {
		b, err := json.Marshal(geo.RegionFeature(&rs[i]))
		if err != nil {
			t.Fatal(err)
		}
		got, err := geo.RegionFromStored(b)
		if err != nil {
			t.Fatal(err)
		}
		f, err := geojson.UnmarshalFeature(b)
		if err != nil {
			t.Fatal(err)
		}
		want, err := geo.RegionFromFeature(f)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: direct parse differs from the general decoder", rs[i].ID)
		}
	}
	// Shapes the direct parse leaves to the general decoder.
	for _, b := range []string{
		`{"id":"p","type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"kind":"x","role":"conflict","names":{"en":"P"},"label":[1,2],"source":"s","licence":"l"}}`,
		`{"id":"q","type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0,5],[1,0,5],[1,1,5],[0,0,5]]]},"properties":{"kind":"x","role":"conflict","names":{"en":"Q"},"label":[0.5,0.5],"source":"s","licence":"l"}}`,
	} {
		got, err1 := geo.RegionFromStored([]byte(b))
		f, err := geojson.UnmarshalFeature([]byte(b))
		if err != nil {
			t.Fatal(err)
		}
		want, err2 := geo.RegionFromFeature(f)
		if (err1 == nil) != (err2 == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v %v, want %v %v", b, got, err1, want, err2)
		}
	}
}
