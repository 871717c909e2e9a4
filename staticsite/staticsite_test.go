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
	return newExportWith(t, staticsite.Options{Dir: dir})
}

// newExportWith exports the test data in English and Arabic to zoom 4,
// with opt's Dir, Assets, PMTiles and SnapshotBudget.
func newExportWith(t *testing.T, opt staticsite.Options) *staticsite.Manifest {
	t.Helper()
	svc := testenv.Service(t)
	today, _ := geo.ParseDay("2026-11-21")
	router := handlers.New(svc, handlers.Options{Mounts: []func(*echo.Echo){
		tiles.Mount(svc), downloads.Mount(svc), web.Mount(svc, web.Options{Assets: t.TempDir(), Today: func() geo.Day { return today }}),
	}})
	opt.Langs, opt.MaxZoom, opt.Today = []geo.Lang{geo.LangEN, geo.LangAR}, 4, today
	m, err := staticsite.Export(svc, router, opt)
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

// Over the snapshot budget, the per-epoch files are left out (the
// manifest says why) and only the latest epoch is written.
func TestSnapshotBudget(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	m := newExportWith(t, staticsite.Options{Dir: dir, SnapshotBudget: 100 << 10})
	if len(m.Epochs.Snapshots[geo.LangEN]) != 0 || !strings.Contains(m.Epochs.Omitted, "over the budget of 0 MB") {
		t.Fatalf("got %d snapshots, omitted %q; want none and the reason", len(m.Epochs.Snapshots[geo.LangEN]), m.Epochs.Omitted)
	}
	var snaps []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), "snapshot-") && strings.HasSuffix(d.Name(), ".geojson") {
			snaps = append(snaps, d.Name())
		}
		return nil
	})
	if len(snaps) != 2 { // the latest epoch, in English and Arabic
		t.Errorf("got snapshot files %v, want the latest epoch's in two languages", snaps)
	}
	for _, l := range []geo.Lang{geo.LangEN, geo.LangAR} {
		if _, err := os.Stat(filepath.Join(dir, m.Files["snapshot-latest-"+string(l)])); err != nil {
			t.Errorf("the latest snapshot in %s: %v", l, err)
		}
	}
	// Under the budget, every epoch (as in the default export).
	m = newExportWith(t, staticsite.Options{Dir: dir, SnapshotBudget: -1})
	if len(m.Epochs.Snapshots[geo.LangEN]) != len(m.Epochs.ChangeDays)+1 || m.Epochs.Omitted != "" {
		t.Errorf("without a bound: %d snapshots for %d change days, omitted %q", len(m.Epochs.Snapshots[geo.LangEN]), len(m.Epochs.ChangeDays), m.Epochs.Omitted)
	}
}

// A PMTiles archive is copied in under a hashed name with the pmtiles
// script, both listed in the manifest.
func TestExportIncludesPMTiles(t *testing.T) {
	assets := t.TempDir()
	os.MkdirAll(filepath.Join(assets, "pmtiles", "dist"), 0o755)
	os.WriteFile(filepath.Join(assets, "pmtiles", "dist", "pmtiles.js"), []byte("var pmtiles = {};"), 0o644)
	archive := filepath.Join(t.TempDir(), "a.pmtiles")
	os.WriteFile(archive, []byte("PMTiles\x03 stand-in"), 0o644)
	dir := filepath.Join(t.TempDir(), "site")
	m := newExportWith(t, staticsite.Options{Dir: dir, Assets: assets, PMTiles: archive})
	if m.PMTiles == nil || !regexp.MustCompile(`^data/mapsvc\.[0-9a-f]{12}\.pmtiles$`).MatchString(m.PMTiles.Archive) {
		t.Fatalf("got manifest pmtiles %+v", m.PMTiles)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, m.PMTiles.Archive)); string(b) != "PMTiles\x03 stand-in" {
		t.Errorf("the archive's copy holds %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, m.PMTiles.Library)); string(b) != "var pmtiles = {};" {
		t.Errorf("the script's copy holds %q", b)
	}
	// Without the npm package the export says what to install.
	_, err := staticsite.Export(testenv.Service(t), handlers.New(testenv.Service(t), handlers.Options{}),
		staticsite.Options{Dir: filepath.Join(t.TempDir(), "x"), Assets: t.TempDir(), PMTiles: archive, MaxZoom: 1, Langs: []geo.Lang{geo.LangEN}})
	if err == nil || !strings.Contains(err.Error(), "npm") {
		t.Errorf("got %v, want an error naming the npm package", err)
	}
}

// A history longer than a page is written as pages of at most PeriodsPage
// periods, listed in order, that together hold exactly the whole feed;
// with one page, periods-LANG is the whole feed as before.
func TestPeriodsPaged(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	whole := newExportWith(t, staticsite.Options{Dir: dir})
	if whole.Periods != nil || whole.Files["periods-en"] == "" {
		t.Fatalf("one page: periods %v, file %q; want the whole feed as periods-en", whole.Periods, whole.Files["periods-en"])
	}
	type feed struct {
		Features []json.RawMessage `json:"features"`
	}
	var all feed
	read := func(rel string, into any) {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, into); err != nil {
			t.Fatal(err)
		}
	}
	read(whole.Files["periods-en"], &all)
	const page = 40
	if len(all.Features) <= 2*page {
		t.Fatalf("only %d periods in the test data", len(all.Features))
	}
	m := newExportWith(t, staticsite.Options{Dir: dir, PeriodsPage: page})
	if _, ok := m.Files["periods-en"]; ok {
		t.Error("paged export still names a whole periods-en file")
	}
	pages := m.Periods[geo.LangEN]
	if want := (len(all.Features) + page - 1) / page; len(pages) != want || len(m.Periods[geo.LangAR]) != want {
		t.Fatalf("%d pages in English, %d in Arabic, want %d", len(pages), len(m.Periods[geo.LangAR]), want)
	}
	var joined []string
	for _, p := range pages {
		var f feed
		read(p, &f)
		if len(f.Features) > page {
			t.Errorf("%s holds %d periods, more than a page", p, len(f.Features))
		}
		if _, err := os.Stat(filepath.Join(dir, p+".gz")); err != nil {
			t.Errorf("no gzip twin of %s", p)
		}
		for _, x := range f.Features {
			joined = append(joined, string(x))
		}
	}
	var want []string
	for _, x := range all.Features {
		want = append(want, string(x))
	}
	if strings.Join(joined, "\n") != strings.Join(want, "\n") {
		t.Error("the pages joined differ from the whole feed")
	}
}

// Over the region budget, no region file is written and the manifest
// says why; under it, every conflict region has its file.
func TestRegionBudget(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	m := newExportWith(t, staticsite.Options{Dir: dir, RegionBudget: 10 << 10})
	count := func(m *staticsite.Manifest) int {
		n := 0
		for k := range m.Files {
			if strings.HasPrefix(k, "region-") {
				n++
			}
		}
		return n
	}
	if n := count(m); n != 0 || !strings.Contains(m.RegionsOmitted, "over the budget") {
		t.Fatalf("%d region files, omitted %q; want none and the reason", n, m.RegionsOmitted)
	}
	m = newExportWith(t, staticsite.Options{Dir: dir})
	if n := count(m); n == 0 || m.RegionsOmitted != "" {
		t.Fatalf("%d region files, omitted %q under the default budget", n, m.RegionsOmitted)
	}
}

// Over the timeline budget each timeline file holds the change days and
// no events, and the manifest and the file say why; under it (the
// default), the file is the API's answer byte for byte.
func TestTimelineBudget(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	m := newExportWith(t, staticsite.Options{Dir: dir, TimelineBudget: 1 << 10})
	if !strings.Contains(m.TimelineOmitted, "over the budget") {
		t.Fatalf("timeline omitted %q; want the reason", m.TimelineOmitted)
	}
	var tl struct {
		ChangeDays    []string          `json:"change_days"`
		Events        []json.RawMessage `json:"events"`
		EventsOmitted string            `json:"events_omitted"`
	}
	body, err := os.ReadFile(filepath.Join(dir, m.Files["timeline-en"]))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(body, &tl); err != nil {
		t.Fatal(err)
	}
	if tl.Events == nil || len(tl.Events) != 0 || tl.EventsOmitted != m.TimelineOmitted {
		t.Fatalf("over the budget: %d events, omitted %q", len(tl.Events), tl.EventsOmitted)
	}
	if len(tl.ChangeDays) == 0 || len(tl.ChangeDays) != len(m.Epochs.ChangeDays) {
		t.Fatalf("%d change days in the timeline, %d epochs' change days", len(tl.ChangeDays), len(m.Epochs.ChangeDays))
	}

	m = newExportWith(t, staticsite.Options{Dir: dir})
	if m.TimelineOmitted != "" {
		t.Fatalf("omitted %q under the default budget", m.TimelineOmitted)
	}
	svc := testenv.Service(t)
	want, err := svc.View().Timeline(geo.LangAR)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, m.Files["timeline-ar"]))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("the timeline file (%d bytes) is not the API's answer (%d bytes)", len(got), len(want.Bytes()))
	}
}
