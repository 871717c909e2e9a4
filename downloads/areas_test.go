package downloads_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/mapsvc/mapsvc/internal/testenv"
)

type areaDoc struct {
	Date     string `json:"date"`
	Features []struct {
		ID         string          `json:"id"`
		Properties json.RawMessage `json:"properties"`
		Geometry   *struct {
			Type string `json:"type"`
		} `json:"geometry"`
	} `json:"features"`
}

// The areas download of a day is /api/v1/areas of that day: the same
// features with the same properties, and a geometry each. On 2019-06-01
// Agdam was split between both holders.
func TestAreasDownloadIsTheAreasAnswer(t *testing.T) {
	srv, _ := testenv.AreasGISServer(t)
	var api, file areaDoc
	getJSON(t, srv, "/api/v1/areas?date=2019-06-01", &api)
	res := getJSON(t, srv, "/api/v1/download/areas.geojson?date=2019-06-01", &file)
	if got, want := res.Header.Get("Content-Disposition"), `attachment; filename="mapsvc-areas-2019-06-01.geojson"`; got != want {
		t.Errorf("got Content-Disposition %q, want %q", got, want)
	}
	if file.Date != "2019-06-01" || len(file.Features) != len(api.Features) || len(api.Features) == 0 {
		t.Fatalf("got date %q and %d features, want 2019-06-01 and the API's %d (more than none)", file.Date, len(file.Features), len(api.Features))
	}
	agdam := map[string]bool{}
	for i, f := range file.Features {
		a := api.Features[i]
		if f.ID != a.ID || string(f.Properties) != string(a.Properties) {
			t.Errorf("feature %d: got %s %s, want the API's %s %s", i, f.ID, f.Properties, a.ID, a.Properties)
		}
		if f.Geometry == nil || f.Geometry.Type != "MultiPolygon" {
			t.Errorf("%s: got geometry %+v, want a MultiPolygon", f.ID, f.Geometry)
		}
		var p struct{ Region, Controller string }
		_ = json.Unmarshal(f.Properties, &p)
		if p.Region == "agdam" {
			agdam[p.Controller] = true
		}
	}
	if !agdam["ARM"] || !agdam["AZE"] || len(agdam) != 2 {
		t.Errorf("Agdam on 2019-06-01: got holders %v, want ARM and AZE", agdam)
	}

	res, body := get(t, srv, "/api/v1/download/areas.csv?date=2019-06-01&precision=5&simplify=0.001")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("CSV: got %d, want 200: %.300s", res.StatusCode, body)
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || len(rows) != len(api.Features)+1 {
		t.Fatalf("CSV: got %d rows, %v; want a header and %d rows", len(rows), err, len(api.Features))
	}

	var list struct {
		Downloads []struct{ Href string } `json:"downloads"`
	}
	getJSON(t, srv, "/api/v1/download", &list)
	listed := map[string]bool{}
	for _, d := range list.Downloads {
		listed[d.Href] = true
	}
	for _, ext := range []string{"geojson", "csv", "kml"} {
		if !listed["/api/v1/download/areas."+ext] {
			t.Errorf("/api/v1/download does not list areas.%s: %v", ext, list.Downloads)
		}
	}
}

func TestAreasDownloadRejectsBadInput(t *testing.T) {
	srv, _ := testenv.AreasGISServer(t)
	for _, tt := range []struct {
		path   string
		status int
	}{
		{"/api/v1/download/areas.geojson?date=2019-02-30", 400},
		{"/api/v1/download/areas.kml?date=01.06.2019", 400},
		{"/api/v1/download/areas.csv?date=2019-06-01&precision=9", 400},
		{"/api/v1/download/areas.csv?date=2019-06-01&simplify=0.5", 400},
		{"/api/v1/download/areas.geojson?date=2019-06-01&lang=fr", 400},
		{"/api/v1/download/areas.geojson?date=2019-06-01&region=agdam", 400},
		{"/api/v1/download/areas.shp?date=2019-06-01", 404},
	} {
		res, body := get(t, srv, tt.path)
		wantProblem(t, res, body, tt.status)
	}
	// Without an area source there is no areas download, and none listed.
	plain, _ := newServer(t)
	res, body := get(t, plain, "/api/v1/download/areas.geojson?date=2019-06-01")
	wantProblem(t, res, body, http.StatusNotFound)
	_, body = get(t, plain, "/api/v1/download")
	if bytes.Contains(body, []byte("/download/areas.")) {
		t.Errorf("a server without areas lists them: %s", body)
	}
}

// GDAL reads the areas as files: as many features as the API has.
func TestGDALReadsTheAreasDownloads(t *testing.T) {
	requireGDAL(t, "ogrinfo")
	srv, _ := testenv.AreasGISServer(t)
	var api areaDoc
	getJSON(t, srv, "/api/v1/areas?date=2019-06-01", &api)
	dir := t.TempDir()
	for _, path := range []string{"/api/v1/download/areas.kml?date=2019-06-01", "/api/v1/download/areas.csv?date=2019-06-01",
		"/api/v1/download/areas.geojson?date=2019-06-01&lang=ru&precision=4"} {
		file := download(t, srv, path, dir)
		out := runGDAL(t, "ogrinfo", "-ro", "-so", "-al", file)
		counts := featureCounts(t, out)
		total := 0
		for _, n := range counts {
			total += n
		}
		if len(counts) != 1 || total != len(api.Features) {
			t.Errorf("%s: GDAL got layers %v, want one layer of %d features", path, counts, len(api.Features))
		}
	}
}
