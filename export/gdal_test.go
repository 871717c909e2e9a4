package export_test

import (
	"context"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// requireGDAL fails, never skips, when a GDAL client is missing: these
// tests are the proof that real GIS clients read the service.
func requireGDAL(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found on PATH: the GDAL client tests must run, not skip; install Debian's gdal-bin (apt-get install -y gdal-bin)", tool)
		}
	}
}

// runGDAL runs a GDAL command line tool and returns its output.
func runGDAL(t *testing.T, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "NO_PROXY=127.0.0.1,localhost", "no_proxy=127.0.0.1,localhost",
		"GDAL_HTTP_TIMEOUT=60", "CPL_DEBUG=OFF", "GDAL_HTTP_MAX_RETRY=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

var featureCountRE = regexp.MustCompile(`Feature Count: (\d+)`)

// featureCounts returns the "Feature Count" figures of ogrinfo -so output,
// by layer name.
func featureCounts(t *testing.T, out string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	layer := ""
	for _, line := range strings.Split(out, "\n") {
		if name, ok := strings.CutPrefix(line, "Layer name: "); ok {
			layer = strings.TrimSpace(name)
		}
		if m := featureCountRE.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			counts[layer] = n
		}
	}
	return counts
}

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
		{"simplified, rounded snapshot as CSV", "/api/v1/download/snapshot.csv?date=1994-05-12&precision=2&simplify=0.05", snapshotCount},
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
