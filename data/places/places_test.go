package places_test

import (
	"errors"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/mapsvc/mapsvc/data/places"
	"github.com/mapsvc/mapsvc/data/regions"
	"github.com/mapsvc/mapsvc/geo"
)

func contains(g orb.Geometry, p orb.Point) bool {
	switch g := g.(type) {
	case orb.Polygon:
		return planar.PolygonContains(g, p)
	case orb.MultiPolygon:
		return planar.MultiPolygonContains(g, p)
	}
	return false
}

// Every located place lies inside its district's polygon, with no
// exceptions: where a source's line missed a place, the importer moves it
// (the "anchors" of data/regions/curated.json).
func TestPlacesLieInTheirDistricts(t *testing.T) {
	ps, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := regions.Load()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*geo.Region{}
	for i := range rs {
		byID[rs[i].ID] = &rs[i]
	}
	for _, p := range ps {
		if p.Point == nil {
			continue
		}
		r, ok := byID[p.Region]
		if !ok {
			t.Errorf("%s: unknown region %q", p.ID, p.Region)
			continue
		}
		if !contains(r.Geometry, *p.Point) {
			in := conflictRegionAt(rs, *p.Point)
			t.Errorf("%s (%v, %s) lies outside %s (inside %q)", p.ID, *p.Point, p.CoordSource.Kind, p.Region, in)
		}
	}
}

func TestParseNamesFileAndPlace(t *testing.T) {
	cases := []struct{ name, in string }{
		{"unknown field", `{"version":1,"places":[{"id":"a","kind":"town","region":"agdam","names":{"en":"A","az":"A"},"colour":"red"}]}`},
		{"no Azerbaijani name", `{"version":1,"places":[{"id":"a","kind":"town","region":"agdam","names":{"en":"A"}}]}`},
		{"point without a source", `{"version":1,"places":[{"id":"a","kind":"town","region":"agdam","names":{"en":"A","az":"A"},"point":[46.9,40.0]}]}`},
		{"bad kind", `{"version":1,"places":[{"id":"a","kind":"city","region":"agdam","names":{"en":"A","az":"A"}}]}`},
		{"page source without a link", `{"version":1,"places":[{"id":"a","kind":"town","region":"agdam","names":{"en":"A","az":"A"},"point":[46.9,40.0],"coord_source":{"kind":"page","url":"javascript:x"}}]}`},
		{"wrong version", `{"version":2,"places":[]}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := places.Parse("test.json", []byte(c.in))
			if !errors.Is(err, geo.ErrInvalid) {
				t.Fatalf("got %v, want ErrInvalid", err)
			}
			if got := err.Error(); len(got) < 10 || got[:10] != "test.json:" {
				t.Errorf("error %q does not name the file", got)
			}
		})
	}
}

func conflictRegionAt(rs []geo.Region, p orb.Point) string {
	for _, o := range rs {
		if o.Role == geo.RoleConflict && contains(o.Geometry, p) {
			return o.ID
		}
	}
	return ""
}
