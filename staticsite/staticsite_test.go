package staticsite_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/downloads"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/staticsite"
	"github.com/mapsvc/mapsvc/tiles"
	"github.com/mapsvc/mapsvc/web"
)

func newExport(t *testing.T, dir string) *staticsite.Manifest {
	t.Helper()
	svc := testenv.Service(t)
	today, _ := geo.ParseDay("2026-11-21")
	router := handlers.New(svc, handlers.Options{Mounts: []func(*echo.Echo){
		tiles.Mount(svc), downloads.Mount(svc), web.Mount(svc, web.Options{Assets: t.TempDir(), Today: func() geo.Day { return today }}),
	}})
	m, err := staticsite.Export(svc, router, staticsite.Options{Dir: dir, Langs: []geo.Lang{geo.LangEN, geo.LangAR}, MaxZoom: 4, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestExportWritesHashedFilesWithGzipTwins(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	m := newExport(t, dir)
	hashed := regexp.MustCompile(`\.[0-9a-f]{12}\.(geojson|json|svg)$`)
	if len(m.Epochs.Snapshots[geo.LangEN]) != len(m.Epochs.ChangeDays)+1 {
		t.Fatalf("got %d snapshots for %d change days", len(m.Epochs.Snapshots[geo.LangEN]), len(m.Epochs.ChangeDays))
	}
	files := append([]string{}, m.Epochs.Snapshots[geo.LangAR]...)
	for _, f := range m.Files {
		files = append(files, f)
	}
	for _, rel := range files {
		if !hashed.MatchString(rel) {
			t.Errorf("%s is not content-hashed", rel)
		}
		body, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		gz, err := os.ReadFile(filepath.Join(dir, rel+".gz"))
		if err != nil {
			t.Fatalf("%s has no gzip twin", rel)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := io.ReadAll(zr)
		if !bytes.Equal(plain, body) {
			t.Errorf("%s.gz does not inflate to %s", rel, rel)
		}
	}
	for _, page := range []string{"index.html", "index.ar.html", "embed.html", "embed.ar.html", "manifest.json"} {
		if _, err := os.Stat(filepath.Join(dir, page)); err != nil {
			t.Errorf("missing %s", page)
		}
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.ar.html"))
	if !strings.Contains(string(index), `dir="rtl"`) || !strings.Contains(string(index), `data-manifest="manifest.json"`) || strings.Contains(string(index), `"/static/`) {
		t.Error("the Arabic page should be right to left, read the manifest and use relative asset paths")
	}
	var tj map[string]any
	b, _ := os.ReadFile(filepath.Join(dir, m.Tiles["periods"]))
	json.Unmarshal(b, &tj)
	tmpl := tj["tiles"].([]any)[0].(string)
	tile := strings.NewReplacer("{z}", "0", "{x}", "0", "{y}", "0").Replace(tmpl)
	if _, err := os.Stat(filepath.Join(dir, tile)); err != nil {
		t.Errorf("tile 0/0/0 missing at %s", tile)
	}
}

// A second export replaces the first as a whole.
func TestExportReplacesThePreviousExport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	newExport(t, dir)
	os.WriteFile(filepath.Join(dir, "stale.txt"), []byte("x"), 0o644)
	newExport(t, dir)
	if _, err := os.Stat(filepath.Join(dir, "stale.txt")); err == nil {
		t.Error("a file from the previous export survived")
	}
	if _, err := os.Stat(dir + ".partial"); err == nil {
		t.Error("the working folder was left behind")
	}
}
