package tiles_test

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"
)

func TestGDALReadsTheTiles(t *testing.T) {
	requireGDAL(t, "ogrinfo")
	srv, svc := newServer(t)
	v := svc.View()
	shusha, err := v.History.Region("shusha")
	if err != nil {
		t.Fatal(err)
	}
	near := maptile.At(shusha.Label, 10)
	tests := []struct {
		name, layer string
		tile        maptile.Tile
		want        int // -1: whatever the tile decodes to, but some
	}{
		{"every period in the zoom 6 tile over the area", "periods", maptile.New(40, 24, 6), len(v.History.AllPeriods())},
		{"regions in the zoom 6 tile", "regions", maptile.New(40, 24, 6), -1},
		{"periods near Shusha at zoom 10", "periods", near, -1},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := fmt.Sprintf("/tiles/%s/v/%s/%d/%d/%d.mvt", tt.layer, v.Version, tt.tile.Z, tt.tile.X, tt.tile.Y)
			res, body := get(t, srv, path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: got %d, want 200; body %s", path, res.StatusCode, body)
			}
			layers, err := mvt.Unmarshal(body)
			if err != nil || len(layers) != 1 || layers[0].Name != tt.layer {
				t.Fatalf("decoding the tile: got %v layers, %v; want one layer %s", len(layers), err, tt.layer)
			}
			decoded := len(layers[0].Features)
			if decoded == 0 || (tt.want >= 0 && decoded != tt.want) {
				t.Fatalf("the tile decodes to %d features, want %d", decoded, tt.want)
			}
			// GDAL's MVT driver takes z/x/y from a {z}/{x}/{y}.pbf path ...
			sub := filepath.Join(dir, tt.layer, fmt.Sprint(tt.tile.Z), fmt.Sprint(tt.tile.X))
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			pbf := filepath.Join(sub, fmt.Sprintf("%d.pbf", tt.tile.Y))
			if err := os.WriteFile(pbf, body, 0o644); err != nil {
				t.Fatal(err)
			}
			out := runGDAL(t, "ogrinfo", "-ro", "-so", "-al", pbf)
			if got := featureCounts(t, out)[tt.layer]; got != decoded {
				t.Errorf("GDAL read %d features from %s, want %d:\n%s", got, pbf, decoded, out)
			}
			if !strings.Contains(out, "Pseudo-Mercator") {
				t.Errorf("GDAL did not georeference the tile in Web Mercator:\n%s", out)
			}
			// ... or from open options on a file of any name.
			file := filepath.Join(dir, tt.layer+"-tile.mvt")
			if err := os.WriteFile(file, body, 0o644); err != nil {
				t.Fatal(err)
			}
			out = runGDAL(t, "ogrinfo", "-ro", "-so", "-al",
				"-oo", fmt.Sprintf("Z=%d", tt.tile.Z), "-oo", fmt.Sprintf("X=%d", tt.tile.X), "-oo", fmt.Sprintf("Y=%d", tt.tile.Y), file)
			if got := featureCounts(t, out)[tt.layer]; got != decoded {
				t.Errorf("GDAL read %d features with -oo Z/X/Y, want %d", got, decoded)
			}
			if tt.layer == "periods" {
				for _, field := range []string{"start_day: Integer", "end_day: Integer", "controller: String"} {
					if !strings.Contains(out, field) {
						t.Errorf("GDAL found no field %q in the tile:\n%s", field, out)
					}
				}
			}
			t.Logf("%s: GDAL read %d features from tile %d/%d/%d", tt.name, decoded, tt.tile.Z, tt.tile.X, tt.tile.Y)
		})
	}
}

var (
	requireGDAL   = testenv.RequireGDAL
	runGDAL       = testenv.RunGDAL
	featureCounts = testenv.FeatureCounts
)
