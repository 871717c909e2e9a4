package ogc_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/testenv"
)

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

var (
	requireGDAL   = testenv.RequireGDAL
	runGDAL       = testenv.RunGDAL
	featureCounts = testenv.FeatureCounts
)
