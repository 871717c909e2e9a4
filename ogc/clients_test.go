package ogc_test

import (
	"context"
	"encoding/json"
	"image/color"
	stdpng "image/png"
	"net/http/httptest"
	"os"
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

// debianPython runs one of testdata/clients' scripts with Debian's python3,
// which has QGIS's and OWSLib's modules (apt-get install python3-qgis
// qgis-providers python3-owslib); a missing module fails the test.
func debianPython(t *testing.T, script string, args ...string) []byte {
	t.Helper()
	const python = "/usr/bin/python3"
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, append([]string{filepath.Join("testdata", "clients", script)}, args...)...)
	cmd.Env = append(cmd.Environ(), "QT_QPA_PLATFORM=offscreen", "NO_PROXY=127.0.0.1,localhost", "no_proxy=127.0.0.1,localhost",
		"XDG_RUNTIME_DIR="+t.TempDir(), "HOME="+t.TempDir())
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s\n(the client tests need Debian's python3-qgis, qgis-providers and python3-owslib)", python, script, err, stderr.String())
	}
	return []byte(stdout.String())
}

// snapshotHolders is the API's answer to who held each conflict region at
// the end of day.
func snapshotHolders(t *testing.T, srv *httptest.Server, day string) map[string]any {
	t.Helper()
	var snap struct {
		Features []struct {
			Properties struct {
				Region     string `json:"region"`
				Role       string `json:"role"`
				Controller any    `json:"controller"`
			} `json:"properties"`
		} `json:"features"`
	}
	getJSON(t, srv, "/api/v1/snapshot?date="+day, &snap)
	out := map[string]any{}
	for _, f := range snap.Features {
		if f.Properties.Role == "conflict" {
			out[f.Properties.Region] = f.Properties.Controller
		}
	}
	if len(out) != 12 {
		t.Fatalf("the snapshot of %s has %d conflict regions, want 12", day, len(out))
	}
	return out
}

func TestQGISReadsTheAPIAndStepsTheTemporalController(t *testing.T) {
	srv, _ := newServer(t)
	days := []string{"2020-11-24", "2020-11-25", "2020-11-30", "2020-12-01"}
	png := filepath.Join(t.TempDir(), "frame.png")
	var got struct {
		Collections map[string]struct {
			Valid bool `json:"valid"`
			Count int  `json:"count"`
		} `json:"collections"`
		Layers map[string]struct {
			Valid     bool   `json:"valid"`
			Count     int    `json:"count"`
			StartType string `json:"start_type"`
			Frames    map[string]struct {
				Filter string `json:"filter"`
				Shown  []struct {
					Region     string `json:"region"`
					Controller any    `json:"controller"`
				} `json:"shown"`
			} `json:"frames"`
		} `json:"layers"`
		PNGSaved bool `json:"png_saved"`
	}
	out := debianPython(t, "qgis_temporal.py", append([]string{srv.URL, png}, days...)...)
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("QGIS script output: %v\n%s", err, out)
	}
	for _, id := range []string{"regions", "control-periods", "events"} {
		var fc featureCollection
		getJSON(t, srv, "/ogc/collections/"+id+"/items?limit=1", &fc)
		if c := got.Collections[id]; !c.Valid || c.Count != fc.NumberMatched {
			t.Errorf("QGIS OAPIF layer %s: valid %v with %d features, want valid with %d", id, c.Valid, c.Count, fc.NumberMatched)
		}
	}
	want := map[string]map[string]any{}
	for _, d := range days {
		want[d] = snapshotHolders(t, srv, d)
	}
	for _, name := range []string{"oapif", "ogr"} {
		l := got.Layers[name]
		if !l.Valid || l.StartType != "DateTime" {
			t.Errorf("%s layer: valid %v, start_time read as %q; want a valid layer with a DateTime field", name, l.Valid, l.StartType)
			continue
		}
		for _, d := range days {
			fr := l.Frames[d]
			holders := map[string]any{}
			for _, f := range fr.Shown {
				if _, dup := holders[f.Region]; dup {
					t.Errorf("%s layer, frame %s: %s shown twice (filter %s)", name, d, f.Region, fr.Filter)
				}
				holders[f.Region] = f.Controller
			}
			if len(fr.Shown) != 12 || len(holders) != 12 {
				t.Errorf("%s layer, frame %s: %d features for %d regions, want exactly one for each of 12 (filter %s)", name, d, len(fr.Shown), len(holders), fr.Filter)
			}
			for region, c := range want[d] {
				if holders[region] != c {
					t.Errorf("%s layer, frame %s: %s held by %v, the API says %v", name, d, region, holders[region], c)
				}
			}
		}
	}
	if !got.PNGSaved {
		t.Fatal("QGIS did not save the rendered frame")
	}
	f, err := os.Open(png)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := stdpng.Decode(f)
	if err != nil {
		t.Fatalf("the rendered frame: %v", err)
	}
	colours := map[color.Color]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			colours[img.At(x, y)]++
		}
	}
	if len(colours) < 3 {
		t.Errorf("the rendered frame has %d colours: nothing drawn", len(colours))
	}
}

func TestOWSLibReadsTheAPI(t *testing.T) {
	srv, svc := newServer(t)
	var got struct {
		Title         string         `json:"title"`
		Conformance   []string       `json:"conformance"`
		Collections   []string       `json:"collections"`
		Collection    string         `json:"collection"`
		Day           map[string]any `json:"day"`
		DayMatched    int            `json:"day_matched"`
		BBox          []string       `json:"bbox"`
		PagedIDs      []string       `json:"paged_ids"`
		EventsMatched int            `json:"events_matched"`
	}
	out := debianPython(t, "owslib_features.py", srv.URL)
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("OWSLib script output: %v\n%s", err, out)
	}
	if got.Title == "" || len(got.Conformance) < 3 || strings.Join(got.Collections, ",") != "regions,control-periods,events" || got.Collection != "control-periods" {
		t.Errorf("landing, conformance, collections: got %q %v %v %q", got.Title, got.Conformance, got.Collections, got.Collection)
	}
	want := snapshotHolders(t, srv, "2020-11-25")
	if got.DayMatched != 12 || len(got.Day) != 12 {
		t.Errorf("datetime=2020-11-25: got %d matched, %d regions; want 12", got.DayMatched, len(got.Day))
	}
	for r, c := range want {
		if got.Day[r] != c {
			t.Errorf("datetime=2020-11-25: %s held by %v, the snapshot says %v", r, got.Day[r], c)
		}
	}
	if len(got.BBox) == 0 || len(got.BBox) >= len(svc.View().History.Regions()) {
		t.Errorf("bbox: got %v, want some regions but not all", got.BBox)
	}
	seen := map[string]bool{}
	for _, id := range got.PagedIDs {
		if seen[id] {
			t.Errorf("paging returned %s twice", id)
		}
		seen[id] = true
	}
	if len(got.PagedIDs) != len(svc.View().History.Events()) || got.EventsMatched != len(got.PagedIDs) {
		t.Errorf("paging: got %d events (numberMatched %d), want all %d", len(got.PagedIDs), got.EventsMatched, len(svc.View().History.Events()))
	}
}
