package tiles_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"
)

// surveyorArea is the signed area of a ring in its own coordinates
// (positive when it turns anticlockwise with y up, that is clockwise on a
// screen whose y points down).
func surveyorArea(r orb.Ring) float64 {
	a := 0.0
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return a / 2
}

func TestTilesAreMVT21(t *testing.T) {
	srv, svc := newServer(t)
	v := svc.View()
	shusha, err := v.History.Region("shusha")
	if err != nil {
		t.Fatal(err)
	}
	for _, tile := range []maptile.Tile{maptile.New(40, 24, 6), maptile.At(shusha.Label, 9), maptile.At(shusha.Label, 12)} {
		for _, layer := range []string{"periods", "regions"} {
			t.Run(fmt.Sprintf("%s %d/%d/%d", layer, tile.Z, tile.X, tile.Y), func(t *testing.T) {
				path := fmt.Sprintf("/tiles/%s/v/%s/%d/%d/%d.mvt", layer, v.Version, tile.Z, tile.X, tile.Y)
				res, body := get(t, srv, path)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("GET %s: %d", path, res.StatusCode)
				}
				layers, err := mvt.Unmarshal(body)
				if err != nil || len(layers) != 1 {
					t.Fatalf("decoding: %v", err)
				}
				if layers[0].Version != 2 {
					t.Errorf("layer version %d, want 2 (MVT 2.1)", layers[0].Version)
				}
				rings := 0
				for _, f := range layers[0].Features {
					var polys orb.MultiPolygon
					switch g := f.Geometry.(type) {
					case orb.Polygon:
						polys = orb.MultiPolygon{g}
					case orb.MultiPolygon:
						polys = g
					default:
						t.Fatalf("feature %v: geometry %T, want polygons", f.ID, f.Geometry)
					}
					for _, p := range polys {
						for i, r := range p {
							rings++
							a := surveyorArea(r)
							if i == 0 && a <= 0 {
								t.Errorf("feature %v: exterior ring with area %v in tile coordinates, want positive", f.ID, a)
							}
							if i > 0 && a >= 0 {
								t.Errorf("feature %v: hole with area %v in tile coordinates, want negative", f.ID, a)
							}
						}
					}
				}
				if rings == 0 {
					t.Fatal("the tile has no rings: this test checks nothing")
				}
			})
		}
	}
}

func TestGDALOpensTheTileSetOverHTTP(t *testing.T) {
	requireGDAL(t, "ogrinfo")
	srv, svc := newServer(t)
	v := svc.View()
	var meta map[string]any
	getJSON(t, srv, "/tiles/periods/v/"+v.Version+"/metadata.json", &meta)
	if meta["format"] != "pbf" || !strings.Contains(fmt.Sprint(meta["json"]), `"vector_layers"`) {
		t.Fatalf("metadata.json: got %v", meta)
	}
	// MVT:URL/{z} opens one zoom level of the set; the driver reads
	// metadata.json beside the zoom folders for the schema.
	out := runGDAL(t, "ogrinfo", "-ro", "-so", "-al", "-oo", "TILE_EXTENSION=mvt",
		"MVT:"+srv.URL+"/tiles/periods/v/"+v.Version+"/6")
	if got := featureCounts(t, out)["periods"]; got != len(v.History.AllPeriods()) {
		t.Errorf("GDAL read %d periods from zoom 6 over HTTP, want %d:\n%s", got, len(v.History.AllPeriods()), out)
	}
	for _, want := range []string{"Multi Polygon", "start_day: ", "controller: String", "Pseudo-Mercator"} {
		if !strings.Contains(out, want) {
			t.Errorf("GDAL's report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Warning") || strings.Contains(out, "ERROR") {
		t.Errorf("GDAL warned:\n%s", out)
	}
	// /vsicurl/ reads a tile by byte ranges.
	out = runGDAL(t, "ogrinfo", "-ro", "-so", "-al", "-oo", "Z=6", "-oo", "X=40", "-oo", "Y=24",
		"/vsicurl/"+srv.URL+"/tiles/periods/v/"+v.Version+"/6/40/24.mvt")
	if got := featureCounts(t, out)["periods"]; got != len(v.History.AllPeriods()) {
		t.Errorf("GDAL read %d periods through /vsicurl/, want %d:\n%s", got, len(v.History.AllPeriods()), out)
	}
}
