package downloads_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/downloads"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

func TestDownloadNamesAndTypes(t *testing.T) {
	srv, _ := newServer(t)
	tests := []struct {
		name, path, file, contentType string
	}{
		{"snapshot GeoJSON carries the date", "/api/v1/download/snapshot.geojson?date=2020-11-25", "mapsvc-snapshot-2020-11-25.geojson", "application/geo+json"},
		{"snapshot CSV carries the date", "/api/v1/download/snapshot.csv?date=2020-11-25", "mapsvc-snapshot-2020-11-25.csv", "text/csv; charset=utf-8; header=present"},
		{"snapshot KML carries the date", "/api/v1/download/snapshot.kml?date=1994-05-12", "mapsvc-snapshot-1994-05-12.kml", "application/vnd.google-earth.kml+xml"},
		{"another language gets a suffix", "/api/v1/download/snapshot.csv?date=2020-11-25&lang=ru", "mapsvc-snapshot-2020-11-25-ru.csv", "text/csv; charset=utf-8; header=present"},
		{"periods GeoJSON", "/api/v1/download/periods.geojson", "mapsvc-periods.geojson", "application/geo+json"},
		{"periods CSV with options", "/api/v1/download/periods.csv?precision=4&simplify=0.001", "mapsvc-periods.csv", "text/csv; charset=utf-8; header=present"},
		{"periods KML in Armenian", "/api/v1/download/periods.kml?lang=hy", "mapsvc-periods-hy.kml", "application/vnd.google-earth.kml+xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, srv, tt.path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("got %d, want 200; body %.300s", res.StatusCode, body)
			}
			if got, want := res.Header.Get("Content-Disposition"), `attachment; filename="`+tt.file+`"`; got != want {
				t.Errorf("got Content-Disposition %q, want %q", got, want)
			}
			if got := res.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("got Content-Type %q, want %q", got, tt.contentType)
			}
			if res.Header.Get("ETag") == "" || res.Header.Get("Cache-Control") != httpkit.CacheShort {
				t.Errorf("got ETag %q Cache-Control %q, want an ETag and %q", res.Header.Get("ETag"), res.Header.Get("Cache-Control"), httpkit.CacheShort)
			}
			res2, _ := get(t, srv, tt.path, "If-None-Match", res.Header.Get("ETag"))
			if res2.StatusCode != http.StatusNotModified {
				t.Errorf("revalidation: got %d, want 304", res2.StatusCode)
			}
		})
	}
}

func TestDownloadsRejectBadOptions(t *testing.T) {
	srv, _ := newServer(t)
	tests := []struct {
		name, path string
		status     int
	}{
		{"precision above 8", "/api/v1/download/periods.geojson?precision=9", 400},
		{"negative precision", "/api/v1/download/periods.geojson?precision=-1", 400},
		{"fractional precision", "/api/v1/download/periods.geojson?precision=1.5", 400},
		{"precision as a word", "/api/v1/download/periods.geojson?precision=high", 400},
		{"empty precision", "/api/v1/download/periods.geojson?precision=", 400},
		{"huge precision", "/api/v1/download/periods.geojson?precision=100000000000000000000", 400},
		{"negative tolerance", "/api/v1/download/periods.csv?simplify=-0.01", 400},
		{"tolerance above the bound", "/api/v1/download/periods.csv?simplify=0.5", 400},
		{"NaN tolerance", "/api/v1/download/periods.csv?simplify=NaN", 400},
		{"infinite tolerance", "/api/v1/download/periods.csv?simplify=Inf", 400},
		{"tolerance as a word", "/api/v1/download/periods.csv?simplify=some", 400},
		{"impossible date", "/api/v1/download/snapshot.kml?date=2020-02-30", 400},
		{"date in another layout", "/api/v1/download/snapshot.kml?date=25.11.2020", 400},
		{"date on periods is unknown there", "/api/v1/download/periods.kml?date=2020-11-25", 400},
		{"unknown parameter", "/api/v1/download/snapshot.geojson?format=zip", 400},
		{"unknown language", "/api/v1/download/snapshot.geojson?lang=fr", 400},
		{"repeated parameter", "/api/v1/download/snapshot.geojson?precision=2&precision=3", 400},
		{"unknown format", "/api/v1/download/snapshot.shp", 404},
		{"unknown download", "/api/v1/download/events.csv", 404},
		{"no extension", "/api/v1/download/snapshot", 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, srv, tt.path)
			wantProblem(t, res, body, tt.status)
		})
	}
}

// decodeFC decodes a GeoJSON download.
func decodeFC(t *testing.T, body []byte) *geojson.FeatureCollection {
	t.Helper()
	fc, err := geojson.UnmarshalFeatureCollection(body)
	if err != nil {
		t.Fatalf("decoding: %v", err)
	}
	return fc
}

func vertices(fc *geojson.FeatureCollection) (n int, all []orb.Point) {
	for _, f := range fc.Features {
		switch g := f.Geometry.(type) {
		case orb.Polygon:
			for _, r := range g {
				all = append(all, r...)
			}
		case orb.MultiPolygon:
			for _, p := range g {
				for _, r := range p {
					all = append(all, r...)
				}
			}
		}
	}
	return len(all), all
}

func TestPrecisionAndSimplify(t *testing.T) {
	srv, _ := newServer(t)
	fetch := func(query string) *geojson.FeatureCollection {
		t.Helper()
		res, body := get(t, srv, "/api/v1/download/snapshot.geojson?date=2020-11-25"+query)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: got %d, want 200; body %.300s", query, res.StatusCode, body)
		}
		return decodeFC(t, body)
	}
	full := fetch("")
	fullN, _ := vertices(full)
	if fullN == 0 {
		t.Fatal("got no vertices in the full download")
	}
	t.Run("a precision that collapses a boundary is refused", func(t *testing.T) {
		res, body := get(t, srv, "/api/v1/download/snapshot.geojson?date=2020-11-25&precision=0")
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "use precision") {
			t.Errorf("precision=0: got %d %s, want 400 naming the least precision that works", res.StatusCode, body)
		}
	})
	for _, p := range []int{6, 7, 8} {
		t.Run("precision "+strconv.Itoa(p)+" keeps at most that many decimals", func(t *testing.T) {
			fc := fetch("&precision=" + strconv.Itoa(p))
			if len(fc.Features) != len(full.Features) {
				t.Errorf("got %d features, want %d: a collapsed geometry must not drop its feature", len(fc.Features), len(full.Features))
			}
			scale := math.Pow(10, float64(p))
			_, pts := vertices(fc)
			for _, pt := range pts {
				for _, c := range pt {
					if r := c * scale; math.Abs(r-math.Round(r)) > 1e-6 {
						t.Fatalf("got coordinate %v, want at most %d decimals", c, p)
					}
				}
			}
		})
	}
	tests := []struct {
		name     string
		query    string
		fewer    bool
		maxRatio float64
	}{
		{"no tolerance keeps every vertex", "&simplify=0", false, 1},
		{"a small tolerance drops some vertices", "&simplify=0.001", true, 1},
		{"a large tolerance drops most vertices", "&simplify=0.05", true, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fc := fetch(tt.query)
			n, _ := vertices(fc)
			if !tt.fewer && n != fullN {
				t.Errorf("got %d vertices, want all %d", n, fullN)
			}
			if tt.fewer && (n >= fullN || float64(n) > tt.maxRatio*float64(fullN)) {
				t.Errorf("got %d vertices of %d, want fewer (at most %.0f%%)", n, fullN, tt.maxRatio*100)
			}
			if len(fc.Features) != len(full.Features) {
				t.Errorf("got %d features, want %d", len(fc.Features), len(full.Features))
			}
		})
	}
	t.Run("the full download keeps the API's properties", func(t *testing.T) {
		var api struct {
			Features []struct {
				ID         string
				Properties json.RawMessage
			}
		}
		_, body := get(t, srv, "/api/v1/snapshot?date=2020-11-25")
		if err := json.Unmarshal(body, &api); err != nil {
			t.Fatal(err)
		}
		if len(api.Features) != len(full.Features) {
			t.Fatalf("got %d features, want the API's %d", len(full.Features), len(api.Features))
		}
		for i, f := range full.Features {
			got, _ := json.Marshal(f.Properties)
			var a, b any
			json.Unmarshal(got, &a)
			json.Unmarshal(api.Features[i].Properties, &b)
			ga, _ := json.Marshal(a)
			gb, _ := json.Marshal(b)
			if !bytes.Equal(ga, gb) {
				t.Errorf("feature %d: got properties %s, want the API's %s", i, ga, gb)
			}
		}
	})
}

func TestCSVLayout(t *testing.T) {
	srv, svc := newServer(t)
	_, body := get(t, srv, "/api/v1/download/periods.csv?precision=3")
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := len(svc.View().History.AllPeriods()) + 1; len(rows) != want {
		t.Fatalf("got %d rows, want a header and %d periods", len(rows), want-1)
	}
	header := strings.Join(rows[0], ",")
	// The geometry column names its CRS the way GDAL reads it.
	if !strings.HasPrefix(header, "_WKTgeometry_EPSG_4326,id,region,name,start,end,start_day,end_day") {
		t.Errorf("got header %s, want _WKTgeometry_EPSG_4326, id, then the API's property order", header)
	}
	for _, row := range rows[1:] {
		if !strings.HasPrefix(row[0], "MULTIPOLYGON(((") {
			t.Errorf("%s: got WKT %.40q, want a MultiPolygon (one geometry type per file)", row[1], row[0])
		}
	}
}

func TestOptionParsers(t *testing.T) {
	precisions := []struct {
		in   string
		want int
		ok   bool
	}{
		{"0", 0, true}, {"8", 8, true}, {"08", 8, true}, {"9", 0, false}, {"-1", 0, false}, {"", 0, false}, {" 1", 0, false}, {"123", 0, false},
	}
	for _, tt := range precisions {
		got, err := downloads.ParsePrecision(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParsePrecision(%q): got %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	tolerances := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"0", 0, true}, {"0.1", 0.1, true}, {"1e-3", 0.001, true}, {"0.11", 0, false}, {"-0", 0, true}, {"NaN", 0, false}, {"-Inf", 0, false}, {"", 0, false},
	}
	for _, tt := range tolerances {
		got, err := downloads.ParseSimplify(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseSimplify(%q): got %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestShapeNeverReturnsBrokenRings(t *testing.T) {
	square := orb.Polygon{{{0, 0}, {0.004, 0}, {0.004, 0.004}, {0, 0.004}, {0, 0}}}
	tests := []struct {
		name string
		opt  downloads.Options
		g    orb.Geometry
		nil_ bool
	}{
		{"as stored", downloads.Options{Precision: -1}, square, false},
		{"rounded to nothing", downloads.Options{Precision: 2}, square, true},
		{"rounded but kept", downloads.Options{Precision: 3}, square, false},
		{"a multipolygon loses only its collapsed part", downloads.Options{Precision: 2},
			orb.MultiPolygon{square, {{{1, 1}, {1.5, 1}, {1.5, 1.5}, {1, 1.5}, {1, 1}}}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := orb.Clone(tt.g)
			got := tt.opt.Shape(tt.g)
			if !orb.Equal(before, tt.g) {
				t.Error("Shape changed its input")
			}
			if (got == nil) != tt.nil_ {
				t.Fatalf("got %v, want nil=%v", got, tt.nil_)
			}
			var polys orb.MultiPolygon
			switch g := got.(type) {
			case orb.Polygon:
				polys = orb.MultiPolygon{g}
			case orb.MultiPolygon:
				polys = g
			}
			for _, p := range polys {
				for _, r := range p {
					if len(r) < 4 || r[0] != r[len(r)-1] {
						t.Errorf("got ring %v, want closed with at least 4 positions", r)
					}
				}
			}
		})
	}
}
