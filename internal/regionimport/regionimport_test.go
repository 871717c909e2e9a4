package regionimport

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/mapsvc/mapsvc/data/regions"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/regionimport/topology"
	"github.com/paulmach/orb"
)

func importSubset(t *testing.T) ([]geo.Region, Provenance) {
	t.Helper()
	rs, prov, err := Import(Input{
		NaturalEarth:  "testdata/ne_subset.json",
		Armenia:       "testdata/countries/AM.json",
		Curated:       "../../data/regions/curated.json",
		GeoBoundaries: "../../data/regions/geoboundaries-aze-adm2.geojson",
	})
	if err != nil {
		t.Fatal(err)
	}
	return rs, prov
}

func byID(rs []geo.Region) map[string]*geo.Region {
	m := map[string]*geo.Region{}
	for i := range rs {
		m[rs[i].ID] = &rs[i]
	}
	return m
}

func TestImportCorrectsNaturalEarth(t *testing.T) {
	rs, prov := importSubset(t)
	m := byID(rs)
	tests := []struct {
		name, id, iso, en, ar string
	}{
		{"Lankaran in Kalbajar-Lachin is Lachin", "lachin", "AZ-LAC", "Lachin", "لاتشين"},
		{"Susa is Shusha", "shusha", "AZ-SUS", "Shusha", "شوشا"},
		{"Stepanakert unit is the city of Khankendi", "khankendi", "AZ-XA", "Khankendi", "خانكيندي"},
		{"Lankaran district gets its own code", "lankaran", "AZ-LAN", "Lankaran", "لنكران"},
		{"Lankaran city keeps AZ-LA", "lankaran-city", "AZ-LA", "Lankaran", "لنكران"},
		{"Arabic district prefix is dropped", "kalbajar", "AZ-KAL", "Kalbajar", "كالباجار"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := m[tt.id]
			if r == nil {
				t.Fatalf("no region %s", tt.id)
			}
			if r.ISO != tt.iso || r.Names[geo.LangEN] != tt.en || r.Names[geo.LangAR] != tt.ar {
				t.Errorf("got %s %s %s, want %s %s %s", r.ISO, r.Names[geo.LangEN], r.Names[geo.LangAR], tt.iso, tt.en, tt.ar)
			}
		})
	}
	if m["khankendi"].Kind != "city" {
		t.Errorf("khankendi kind: got %s, want city", m["khankendi"].Kind)
	}
	// The town (a separate Natural Earth polygon touching the district
	// along an edge, which made an invalid MultiPolygon) is now one
	// polygon with the district.
	if _, ok := m["shusha"].Geometry.(orb.Polygon); !ok {
		t.Errorf("shusha should be one polygon with its merged town, got %T", m["shusha"].Geometry)
	}
	if prov.Redrawn["jabrayil"] == "" || prov.Redrawn["shusha"] == "" {
		t.Errorf("provenance redrawn: got %v", prov.Redrawn)
	}
	if prov.Merged["AZE-5565"] != "shusha" {
		t.Errorf("provenance merged: got %v", prov.Merged)
	}
	if m["armenia"] == nil || m["armenia"].Role != geo.RoleNeighbour {
		t.Error("armenia outline missing or not a neighbour")
	}
	for _, id := range geo.ConflictRegionIDs {
		r := m[id]
		if r == nil || r.Role != geo.RoleConflict {
			t.Errorf("conflict region %s missing", id)
			continue
		}
		for _, l := range geo.Langs {
			if r.Names[l] == "" {
				t.Errorf("%s has no %s name", id, l)
			}
		}
	}
}

// The committed data/regions must be what the importer makes: every unit
// of the subset whose neighbours are all in the subset (the gaps the
// importer closes depend on them) must encode to exactly the committed
// feature, and that must include all 12 conflict units.
func TestImportReproducesCommittedRegions(t *testing.T) {
	rs, _ := importSubset(t)
	committed, err := regions.Load()
	if err != nil {
		t.Fatal(err)
	}
	want := byID(committed)
	inSubset := byID(rs)
	eng := topology.New()
	closed := func(id string) bool {
		g, err := eng.Geom(want[id].Geometry)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range committed {
			if inSubset[o.ID] != nil || o.ID == id {
				continue
			}
			og, err := eng.Geom(o.Geometry)
			if err != nil {
				t.Fatal(err)
			}
			if g.DistanceWithin(og, 1e-4) {
				return false
			}
		}
		return true
	}
	compared := map[string]bool{}
	for i := range rs {
		c := want[rs[i].ID]
		if c == nil {
			t.Errorf("%s is not in the committed regions", rs[i].ID)
			continue
		}
		if !closed(rs[i].ID) {
			continue
		}
		compared[rs[i].ID] = true
		got, _ := json.Marshal(geo.RegionFeature(&rs[i]))
		exp, _ := json.Marshal(geo.RegionFeature(c))
		if string(got) != string(exp) {
			t.Errorf("%s differs from the committed feature; run `go run ./cmd/regionimport` again", rs[i].ID)
		}
	}
	for _, id := range geo.ConflictRegionIDs {
		if !compared[id] {
			t.Errorf("%s was not compared: add its neighbours to testdata/ne_subset.json", id)
		}
	}
}

func TestImportRejectsWrongInput(t *testing.T) {
	_, _, err := Import(Input{NaturalEarth: "testdata/countries/AM.json", Armenia: "testdata/countries/AM.json", Curated: "../../data/regions/curated.json", GeoBoundaries: "../../data/regions/geoboundaries-aze-adm2.geojson"})
	if err == nil {
		t.Fatal("importing an admin-0 file as admin-1 succeeded")
	}
	_, _, err = Import(Input{NaturalEarth: filepath.Join("testdata", "missing.json"), Armenia: "x", Curated: "y"})
	if err == nil {
		t.Fatal("missing file: no error")
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Lankaran": "lankaran", "Yevlakh Rayon": "yevlakh-rayon", "Şirvan": "shirvan", "Xızı": "xizi", "  Baku ": "baku"} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q): got %q, want %q", in, got, want)
		}
	}
}

// Every anchor of curated.json ends up inside its unit, and the provenance
// says what each took.
func TestAnchoredPlacesAreInside(t *testing.T) {
	rs, prov := importSubset(t)
	m := byID(rs)
	var cur Curated
	b, err := os.ReadFile("../../data/regions/curated.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &cur); err != nil {
		t.Fatal(err)
	}
	if len(cur.Anchors) == 0 {
		t.Fatal("no anchors in curated.json")
	}
	e := topology.New()
	for _, a := range cur.Anchors {
		in, err := e.Contains(m[a.Unit].Geometry, a.Point)
		if err != nil || !in {
			t.Errorf("%s: %v not inside %s (%v)", a.Place, a.Point, a.Unit, err)
		}
		if prov.Anchored[a.Place] == "" {
			t.Errorf("%s: not in the provenance", a.Place)
		}
	}
}
