package downloads_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// kml22Schema assembles the OGC KML 2.2 schema in a temporary folder: the
// real ogckml22.xsd from the go-kml module, with its xAL import pointed at
// the local stand-in (testdata/kml22/README.md says why).
func kml22Schema(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/twpayne/go-kml/v3").Output()
	if err != nil {
		t.Fatalf("locating the go-kml module: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "xsd", "ogckml22.xsd"))
	if err != nil {
		t.Fatalf("reading ogckml22.xsd: %v", err)
	}
	const remote = `schemaLocation="http://docs.oasis-open.org/election/external/xAL.xsd"`
	if !strings.Contains(string(b), remote) {
		t.Fatal("ogckml22.xsd no longer imports xAL from its published location")
	}
	dir := t.TempDir()
	schema := filepath.Join(dir, "ogckml22.xsd")
	if err := os.WriteFile(schema, []byte(strings.Replace(string(b), remote, `schemaLocation="xAL.xsd"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"atom-author-link.xsd", "xAL.xsd"} {
		s, err := os.ReadFile(filepath.Join("testdata", "kml22", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), s, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return schema
}

func TestKMLValidatesAgainstKML22Schema(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Fatal("xmllint not found: install Debian's libxml2-utils; the schema check must run, not skip")
	}
	schema := kml22Schema(t)
	srv, _ := newServer(t)
	dir := t.TempDir()
	for _, path := range []string{
		"/api/v1/download/periods.kml",
		"/api/v1/download/snapshot.kml?date=2020-11-25",
		"/api/v1/download/snapshot.kml?date=1993-04-02&lang=ar",
	} {
		t.Run(path, func(t *testing.T) {
			file := download(t, srv, path, dir)
			out, err := exec.Command("xmllint", "--noout", "--nonet", "--schema", schema, file).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "validates") {
				t.Errorf("xmllint --schema ogckml22.xsd %s: %v\n%.2000s", filepath.Base(file), err, out)
			}
		})
	}
	t.Run("the schema catches the old element order", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.kml")
		os.WriteFile(bad, []byte(`<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>x</name><styleUrl>#a</styleUrl>`+
			`<TimeSpan><begin>2020-11-25</begin></TimeSpan></Placemark></kml>`), 0o644)
		if out, err := exec.Command("xmllint", "--noout", "--nonet", "--schema", schema, bad).CombinedOutput(); err == nil {
			t.Errorf("a styleUrl before TimeSpan validated: the check checks nothing\n%s", out)
		}
	})
}

func TestGDALReadsKMLFieldsWithoutCollisions(t *testing.T) {
	requireGDAL(t, "ogrinfo")
	srv, _ := newServer(t)
	file := download(t, srv, "/api/v1/download/periods.kml", t.TempDir())
	out := runGDAL(t, "ogrinfo", "-ro", "-al", "-so", file)
	for _, want := range []string{"prop_name: String", "prop_end: String", "start: String", "controller: String"} {
		if !strings.Contains(out, want) {
			t.Errorf("GDAL's KML fields lack %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Warning") {
		t.Errorf("GDAL warned:\n%s", out)
	}
}

// GDAL's /vsicurl/ asks HEAD for the size, then reads byte ranges.
func TestGDALReadsDownloadsThroughVSICURL(t *testing.T) {
	requireGDAL(t, "ogrinfo")
	srv, svc := newServer(t)
	periods := len(svc.View().History.AllPeriods())
	for _, path := range []string{"/api/v1/download/periods.geojson", "/api/v1/download/periods.csv", "/api/v1/download/periods.kml"} {
		t.Run(path, func(t *testing.T) {
			out := runGDAL(t, "ogrinfo", "-ro", "-so", "-al", "/vsicurl/"+srv.URL+path)
			total := 0
			for _, n := range featureCounts(t, out) {
				total += n
			}
			if total != periods {
				t.Errorf("GDAL read %d features through /vsicurl/, want %d:\n%s", total, periods, out)
			}
			if strings.Contains(out, "Warning") || strings.Contains(out, "ERROR") {
				t.Errorf("GDAL warned:\n%s", out)
			}
			if strings.HasSuffix(path, ".csv") && !strings.Contains(out, `ID["EPSG",4326]`) {
				t.Errorf("GDAL found no EPSG:4326 in the CSV:\n%s", out)
			}
		})
	}
}
