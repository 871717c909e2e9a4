package geo_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/mapsvc/mapsvc/data/regions"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/synth"
	"github.com/mapsvc/mapsvc/seeds"
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
	// Shapes the direct parses leave to the general decoder, or refuse
	// as it does.
	const props = `"properties":{"kind":"x","role":"conflict","names":{"en":"Q \"R\" {S}"},"label":[0.5,0.5],"source":"s","licence":"l"}`
	const ring = `[[[0,0],[1,0],[1,1],[0,0]]]`
	for _, b := range []string{
		`{"id":"p","type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"kind":"x","role":"conflict","names":{"en":"P"},"label":[1,2],"source":"s","licence":"l"}}`,
		`{"id":"q","type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0,5],[1,0,5],[1,1,5],[0,0,5]]]},"properties":{"kind":"x","role":"conflict","names":{"en":"Q"},"label":[0.5,0.5],"source":"s","licence":"l"}}`,
		`{"id":"q","type":"Feature","geometry":{"type":"Polygon","coordinates":` + ring + `},` + props + `}`,
		`{"id":"q","type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[` + ring + `,` + ring + `]},` + props + `}`,
		`{` + props + `,"geometry":{"type":"Polygon","coordinates":` + ring + `},"type":"Feature","id":"q"}`,
		`{"id":"q", "type":"Feature","geometry":{"type":"Polygon","coordinates":` + ring + `},` + props + `}`,
		`{"id":"\u0071","type":"Feature","geometry":{"type":"Polygon","coordinates":` + ring + `},` + props + `}`,
		`{"id":"q","type":"Feature","bbox":[0,0,1,1],"geometry":{"type":"Polygon","coordinates":` + ring + `},` + props + `}`,
		`{"id":"q","type":"Feature","geometry":{"coordinates":` + ring + `,"type":"Polygon"},` + props + `}`,
		`{"id":"q","type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]],"bbox":[0,0,1,1]},` + props + `}`,
		`{"id":"q","type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,.5]]]},` + props + `}`,
		`{"id":"q","type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1e400]]]},` + props + `}`,
		`{"id":"q","type":"Feature","geometry":{"type":"Polygon","coordinates":` + ring + `},` + props + `} `,
		`{"id":"q","type":"Feature","geometry":{"type":"Polygon","coordinates":` + ring + `},"properties":{"kind":"x","role":"conflict","names":{"en":"Q"},"label":[0.5,0.5],"source":"s","licence":"l"},"extra":1}`,
		`{"id":"q","type":"Feature","geometry":{"type":"Polygon","coordinates":` + ring + `},"properties":{"kind":"x","role":"conflict","names":{"en":"Q"}]}`,
	} {
		got, err1 := geo.RegionFromStored([]byte(b))
		f, err := geojson.UnmarshalFeature([]byte(b))
		var want geo.Region
		err2 := err
		if err == nil {
			want, err2 = geo.RegionFromFeature(f)
		}
		if (err1 == nil) != (err2 == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v %v, want %v %v", b, got, err1, want, err2)
		}
	}
}

// The one-pass decoding of stored events gives what json.Unmarshal (through
// Event.UnmarshalJSON) gives, and fails where it fails.
func TestDecodeStoredEventMatchesUnmarshal(t *testing.T) {
	l, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	evs := append(l.Events, synth.Events(synth.Regions(5, 1), 50, 1)...)
	for _, e := range evs {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		var want geo.Event
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		got, err := geo.DecodeStoredEvent(b)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v, %v; want %+v", e.ID, got, err, want)
		}
	}
	for _, b := range []string{`{"id":"x","date":"2020-13-01"}`, `{"id":1}`, `{"id":"x"`, `[]`} {
		var want geo.Event
		err1 := json.Unmarshal([]byte(b), &want)
		got, err2 := geo.DecodeStoredEvent([]byte(b))
		if (err1 == nil) != (err2 == nil) || (err1 == nil && !reflect.DeepEqual(got, want)) {
			t.Errorf("%s: got %v, %v; want %v, %v", b, got, err2, want, err1)
		}
	}
}
