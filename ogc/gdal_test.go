package ogc_test

import (
	"context"
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

func TestGDALReadsTheOGCAPI(t *testing.T) {
	requireGDAL(t, "ogrinfo", "ogr2ogr")
	srv, _ := newServer(t)
	source := "OAPIF:" + srv.URL + "/ogc"
	matched := map[string]int{}
	for _, id := range []string{"regions", "control-periods", "events"} {
		var fc featureCollection
		getJSON(t, srv, "/ogc/collections/"+id+"/items?limit=1", &fc)
		matched[id] = fc.NumberMatched
	}

	t.Run("ogrinfo lists every collection", func(t *testing.T) {
		out := runGDAL(t, "ogrinfo", "-ro", source)
		for id := range matched {
			if !regexp.MustCompile(`(?m)^\d+: ` + regexp.QuoteMeta(id) + ` `).MatchString(out) {
				t.Errorf("got no layer %s in ogrinfo's list:\n%s", id, out)
			}
		}
	})

	t.Run("ogrinfo reports each collection's feature count", func(t *testing.T) {
		out := runGDAL(t, "ogrinfo", "-ro", "-so", "-al", source)
		got := featureCounts(t, out)
		for id, want := range matched {
			if got[id] != want {
				t.Errorf("%s: GDAL got %d features, want numberMatched %d", id, got[id], want)
			}
		}
		t.Logf("GDAL feature counts over OAPIF: %v", got)
	})

	t.Run("ogr2ogr copies control-periods to a GeoPackage", func(t *testing.T) {
		gpkg := filepath.Join(t.TempDir(), "out.gpkg")
		runGDAL(t, "ogr2ogr", "-f", "GPKG", gpkg, source, "control-periods")
		out := runGDAL(t, "ogrinfo", "-ro", "-so", gpkg, "control-periods")
		got := featureCounts(t, out)["control-periods"]
		if got != matched["control-periods"] || got == 0 {
			t.Errorf("GeoPackage has %d features, want numberMatched %d", got, matched["control-periods"])
		}
		// QGIS's Temporal Controller needs start and end as dates.
		for _, field := range []string{"start: Date", "end: Date", "start_day: Integer", "end_day: Integer"} {
			if !strings.Contains(out, field) {
				t.Errorf("got no field %q in the GeoPackage:\n%s", field, out)
			}
		}
		t.Logf("ogr2ogr copied %d control periods", got)
	})

	t.Run("ogr2ogr follows next links in small pages", func(t *testing.T) {
		gpkg := filepath.Join(t.TempDir(), "events.gpkg")
		runGDAL(t, "ogr2ogr", "-f", "GPKG", "-oo", "PAGE_SIZE=7", gpkg, source, "events")
		got := featureCounts(t, runGDAL(t, "ogrinfo", "-ro", "-so", gpkg, "events"))["events"]
		if got != matched["events"] || got == 0 {
			t.Errorf("GeoPackage has %d events, want numberMatched %d", got, matched["events"])
		}
		t.Logf("ogr2ogr copied %d events in pages of 7", got)
	})
}
