package ogc_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runQuiet runs a GDAL tool and returns stdout and stderr apart: a
// warning on stderr fails the test even when the tool succeeds.
func runQuiet(t *testing.T, name string, args ...string) (string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(cmd.Environ(), "NO_PROXY=127.0.0.1,localhost", "no_proxy=127.0.0.1,localhost", "GDAL_HTTP_MAX_RETRY=0")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String(), stderr.String()
}

func TestOgr2ogrCopiesEveryCollectionWithoutWarnings(t *testing.T) {
	requireGDAL(t, "ogrinfo", "ogr2ogr")
	srv, _ := newServer(t)
	dir := t.TempDir()
	wantType := map[string]string{"regions": "Multi Polygon", "control-periods": "Multi Polygon", "events": "Point"}
	for _, id := range []string{"regions", "control-periods", "events"} {
		var fc featureCollection
		getJSON(t, srv, "/ogc/collections/"+id+"/items?limit=1", &fc)
		for _, format := range []struct{ driver, ext string }{{"GPKG", "gpkg"}, {"FlatGeobuf", "fgb"}} {
			t.Run(id+" to "+format.driver, func(t *testing.T) {
				out := filepath.Join(dir, id+"."+format.ext)
				_, stderr := runQuiet(t, "ogr2ogr", "-f", format.driver, out, "OAPIF:"+srv.URL+"/ogc", id)
				if strings.TrimSpace(stderr) != "" {
					t.Errorf("ogr2ogr printed:\n%s", stderr)
				}
				info, stderr := runQuiet(t, "ogrinfo", "-ro", "-so", "-al", out)
				if strings.TrimSpace(stderr) != "" {
					t.Errorf("ogrinfo printed:\n%s", stderr)
				}
				total := 0
				for _, n := range featureCounts(t, info) {
					total += n
				}
				if total != fc.NumberMatched {
					t.Errorf("%s holds %d features, the API matched %d", filepath.Base(out), total, fc.NumberMatched)
				}
				if !strings.Contains(info, "Geometry: "+wantType[id]) {
					t.Errorf("want one geometry type, %s:\n%s", wantType[id], info)
				}
			})
		}
	}
}
