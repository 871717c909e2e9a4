package areas_test

import (
	"testing"

	"github.com/twpayne/go-geos"

	"github.com/mapsvc/mapsvc/areas"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
)

func compute(t *testing.T, ph *geo.PlaceHistory, date string) map[string]areas.District {
	t.Helper()
	d, err := geo.ParseDay(date)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := areas.Compute(ph, d)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]areas.District{}
	for _, x := range ds {
		out[x.Region] = x
	}
	return out
}

// holderAt returns the controller of the piece that contains the place.
func holderAt(t *testing.T, ph *geo.PlaceHistory, dist areas.District, placeID string) geo.Controller {
	t.Helper()
	p, err := ph.Place(placeID)
	if err != nil {
		t.Fatal(err)
	}
	ctx := geos.NewContext()
	pt := ctx.NewPointFromXY(p.Point[0], p.Point[1])
	for _, a := range dist.Areas {
		g, err := ctx.NewGeomFromGeoJSON(a.GeoJSON)
		if err != nil {
			t.Fatal(err)
		}
		if g.Intersects(pt) {
			return a.Controller
		}
	}
	return ""
}

func TestDoneWhenChecks(t *testing.T) {
	ph := ledgertest.PlaceHistory(t)
	cases := []struct {
		name, date, region, place string
		want                      geo.Controller
	}{
		{"2019: Agdam town on the Armenian-held side", "2019-06-01", "agdam", "agdam", geo.ARM},
		{"2019: eastern Agdam district (Guzanli) Azerbaijani", "2019-06-01", "agdam", "quzanli", geo.AZE},
		{"2019: eastern Agdam district (Kolgishlag) Azerbaijani", "2019-06-01", "agdam", "kolqislaq", geo.AZE},
		{"2019: Horadiz on the Azerbaijani side of Fuzuli", "2019-06-01", "fuzuli", "horadiz", geo.AZE},
		{"2019: Fuzuli town on the Armenian-held side", "2019-06-01", "fuzuli", "fuzuli", geo.ARM},
		{"2019: Hadrut on the Armenian side of Khojavend", "2019-06-01", "khojavend", "hadrut", geo.ARM},
		{"2019: Tartar town Azerbaijani, Aghdara Armenian-held", "2019-06-01", "tartar", "terter", geo.AZE},
		{"2019: Aghdara Armenian-held", "2019-06-01", "tartar", "agdere", geo.ARM},
		{"2020-10-20: Hadrut on the Azerbaijani side", "2020-10-20", "khojavend", "hadrut", geo.AZE},
		{"2020-10-20: Martuni still Armenian-held", "2020-10-20", "khojavend", "xocavend", geo.ARM},
		{"2021: Vank on the Armenian-held side of Kalbajar", "2021-06-01", "kalbajar", "vengli", geo.ARM},
		{"2021: Kalbajar town Azerbaijani", "2021-06-01", "kalbajar", "kelbecer", geo.AZE},
		{"2021: Lachin town in the corridor", "2021-06-01", "lachin", "lacin", geo.ARM},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dist, ok := compute(t, ph, c.date)[c.region]
			if !ok {
				t.Fatalf("%s is not split on %s", c.region, c.date)
			}
			if got := holderAt(t, ph, dist, c.place); got != c.want {
				t.Errorf("got %q, want %s", got, c.want)
			}
		})
	}
}

func TestNoSplitAfterSeptember2023(t *testing.T) {
	ph := ledgertest.PlaceHistory(t)
	if got := compute(t, ph, "2023-10-15"); len(got) != 0 {
		t.Errorf("got %d split districts on 2023-10-15, want none", len(got))
	}
}

// On every change day, the pieces of each split district tile it: their
// union is the district and no two overlap; each piece's holder is one of
// the district's holders.
func TestPiecesTileTheirDistricts(t *testing.T) {
	ph := ledgertest.PlaceHistory(t)
	ctx := geos.NewContext()
	h := ph.Districts()
	checked := 0
	for _, d := range ph.ChangeDays() {
		ds, err := areas.Compute(ph, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, dist := range ds {
			r, _ := h.Region(dist.Region)
			whole, err := ctx.NewGeomFromGeoJSON(geoJSON(t, r))
			if err != nil {
				t.Fatal(err)
			}
			holders := map[geo.Controller]bool{}
			for _, hd := range dist.State.Holders {
				holders[hd.Controller] = true
			}
			var pieces []*geos.Geom
			for _, a := range dist.Areas {
				if !holders[a.Controller] {
					t.Errorf("%s %s: piece held by %s, not a holder of the district", dist.Region, d, a.Controller)
				}
				g, err := ctx.NewGeomFromGeoJSON(a.GeoJSON)
				if err != nil {
					t.Fatal(err)
				}
				pieces = append(pieces, g)
			}
			union := ctx.NewCollection(geos.TypeIDGeometryCollection, pieces).UnaryUnion()
			tol := whole.Area() * 1e-9
			if diff := union.SymDifference(whole).Area(); diff > tol {
				t.Errorf("%s %s: union differs from the district by %g deg² (tolerance %g)", dist.Region, d, diff, tol)
			}
			for i := range pieces {
				for j := i + 1; j < len(pieces); j++ {
					if ov := pieces[i].Intersection(pieces[j]).Area(); ov > tol {
						t.Errorf("%s %s: pieces %d and %d overlap by %g deg²", dist.Region, d, i, j, ov)
					}
				}
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no split district checked")
	}
	t.Logf("%d district splits checked over %d change days", checked, len(ph.ChangeDays()))
}

func TestPeacekeepingZone(t *testing.T) {
	ph := ledgertest.PlaceHistory(t)
	day := func(s string) geo.Day {
		d, err := geo.ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cases := []struct {
		date           string
		present, froze bool
		inside         string // a place inside the zone
	}{
		{"2020-11-09", false, false, ""},
		{"2021-06-01", true, false, "xankendi"},
		{"2021-06-01", true, false, "vengli"},
		{"2023-10-15", true, true, "xankendi"},
		{"2024-07-01", false, false, ""},
	}
	ctx := geos.NewContext()
	for _, c := range cases {
		z, ok, err := areas.Peacekeeping(ph, day(c.date))
		if err != nil {
			t.Fatal(err)
		}
		if ok != c.present || z.Frozen != c.froze {
			t.Errorf("%s: got present %v frozen %v, want %v %v", c.date, ok, z.Frozen, c.present, c.froze)
			continue
		}
		if !ok {
			continue
		}
		g, err := ctx.NewGeomFromGeoJSON(z.GeoJSON)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := ph.Place(c.inside)
		if !g.Intersects(ctx.NewPointFromXY(p.Point[0], p.Point[1])) {
			t.Errorf("%s: %s lies outside the zone", c.date, c.inside)
		}
		if len(z.EventIDs) == 0 || z.EventIDs[0] == "" {
			t.Errorf("%s: no events behind the zone", c.date)
		}
		// Kalbajar town, handed over in 2020, is not in the zone.
		k, _ := ph.Place("kelbecer")
		if g.Intersects(ctx.NewPointFromXY(k.Point[0], k.Point[1])) {
			t.Errorf("%s: Kalbajar town lies inside the zone", c.date)
		}
	}
}

func TestLinesBetweenHolders(t *testing.T) {
	ph := ledgertest.PlaceHistory(t)
	for _, c := range []struct {
		date string
		want []string // districts that must have a line
		none bool
	}{
		{"1994-05-12", []string{"agdam", "fuzuli", "tartar"}, false},
		{"2020-11-10", []string{"tartar", "khojavend", "lachin"}, false},
		{"2023-10-15", nil, true},
	} {
		d, _ := geo.ParseDay(c.date)
		ls, err := areas.Lines(ph, d)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, l := range ls {
			got[l.Region] = true
			if len(l.EventIDs) == 0 || len(l.GeoJSON) < 20 {
				t.Errorf("%s %s: line without events or geometry", c.date, l.Region)
			}
		}
		if c.none && len(ls) != 0 {
			t.Errorf("%s: got %d lines, want none", c.date, len(ls))
		}
		for _, r := range c.want {
			if !got[r] {
				t.Errorf("%s: no line in %s (got %v)", c.date, r, got)
			}
		}
	}
}

// On 2019-06-01 Agdam district splits west/east, as the line of contact
// ran: Agdam town and the west on the Armenian-held side, the east of the
// district (towards Barda and Aghjabadi) on the Azerbaijani side.
func TestAgdamSplitsWestEastIn2019(t *testing.T) {
	ph := ledgertest.PlaceHistory(t)
	dist, ok := compute(t, ph, "2019-06-01")["agdam"]
	if !ok {
		t.Fatal("Agdam is not split on 2019-06-01")
	}
	r, err := ph.Districts().Region("agdam")
	if err != nil {
		t.Fatal(err)
	}
	ctx := geos.NewContext()
	whole, err := ctx.NewGeomFromGeoJSON(geoJSON(t, r))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		lon, lat float64
		want     geo.Controller
	}{
		{"east of the district", 47.10, 40.04, geo.AZE},
		{"north-east, near Guzanli", 47.15, 40.14, geo.AZE},
		{"Agdam town", 46.92736, 39.99096, geo.ARM},
		{"west of the district", 46.76, 40.03, geo.ARM},
		{"north-west, near Papravand", 46.84, 40.155, geo.ARM},
	} {
		pt := ctx.NewPointFromXY(c.lon, c.lat)
		if !whole.Intersects(pt) {
			t.Fatalf("%s (%g, %g) is not inside Agdam district", c.name, c.lon, c.lat)
		}
		var got geo.Controller
		for _, a := range dist.Areas {
			g, err := ctx.NewGeomFromGeoJSON(a.GeoJSON)
			if err != nil {
				t.Fatal(err)
			}
			if g.Intersects(pt) {
				got = a.Controller
			}
		}
		if got != c.want {
			t.Errorf("%s (%g, %g): held by %q, want %s", c.name, c.lon, c.lat, got, c.want)
		}
	}
}
