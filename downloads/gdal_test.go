package downloads_test

import (
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/testenv"
)

// download fetches a download into dir under the name the server gives
// it in Content-Disposition, and returns the path.
func download(t *testing.T, srv *httptest.Server, path, dir string) string {
	t.Helper()
	res, body := get(t, srv, path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: got %d, want 200; body %s", path, res.StatusCode, body)
	}
	_, params, err := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
	if err != nil || params["filename"] == "" || strings.ContainsAny(params["filename"], `/\`) {
		t.Fatalf("GET %s: got Content-Disposition %q, want an attachment with a plain file name", path, res.Header.Get("Content-Disposition"))
	}
	file := filepath.Join(dir, params["filename"])
	if err := os.WriteFile(file, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestGDALReadsTheDownloads(t *testing.T) {
	requireGDAL(t, "ogrinfo")
	srv, svc := newServer(t)
	h := svc.View().History
	snapshotCount := len(h.Snapshot(0).Regions)
	periodCount := len(h.AllPeriods())
	dir := t.TempDir()
	tests := []struct {
		name, path string
		want       int
	}{
		{"snapshot as KML", "/api/v1/download/snapshot.kml?date=2020-11-25", snapshotCount},
		{"snapshot as CSV", "/api/v1/download/snapshot.csv?date=2020-11-25", snapshotCount},
		{"snapshot as GeoJSON", "/api/v1/download/snapshot.geojson?date=2020-11-25", snapshotCount},
		{"periods as KML", "/api/v1/download/periods.kml", periodCount},
		{"periods as CSV", "/api/v1/download/periods.csv", periodCount},
		{"simplified, rounded periods as KML", "/api/v1/download/periods.kml?precision=3&simplify=0.01", periodCount},
		{"simplified, rounded snapshot as CSV", "/api/v1/download/snapshot.csv?date=1994-05-12&precision=3&simplify=0.02", snapshotCount},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := download(t, srv, tt.path, dir)
			out := runGDAL(t, "ogrinfo", "-ro", "-so", "-al", file)
			counts := featureCounts(t, out)
			total := 0
			for _, n := range counts {
				total += n
			}
			if len(counts) != 1 || total != tt.want {
				t.Errorf("GDAL got layers %v, want one layer of %d features", counts, tt.want)
			}
			// GDAL found geometry: an extent in lon/lat around the area.
			ext := regexp.MustCompile(`Extent: \((4[0-9]\.\d+), (3[0-9]\.\d+)\) - \((4[0-9]|5[01])\.\d+, (4[0-2])\.\d+\)`)
			if !ext.MatchString(out) {
				t.Errorf("GDAL reported no lon/lat extent around the South Caucasus:\n%s", out)
			}
			if strings.HasSuffix(file, ".csv") && !strings.Contains(out, "region: String") {
				t.Errorf("GDAL read no region column from the CSV:\n%s", out)
			}
			t.Logf("%s: GDAL read %d features from %s", tt.name, total, filepath.Base(file))
		})
	}
}

var (
	requireGDAL   = testenv.RequireGDAL
	runGDAL       = testenv.RunGDAL
	featureCounts = testenv.FeatureCounts
)
