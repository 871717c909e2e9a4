package tiles_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/tiles"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"
)

type tileJSON struct {
	TileJSON     string    `json:"tilejson"`
	Tiles        []string  `json:"tiles"`
	MinZoom      *int      `json:"minzoom"`
	MaxZoom      *int      `json:"maxzoom"`
	Bounds       []float64 `json:"bounds"`
	Center       []float64 `json:"center"`
	Scheme       string    `json:"scheme"`
	Description  string    `json:"description"`
	VectorLayers []struct {
		ID      string            `json:"id"`
		MinZoom *int              `json:"minzoom"`
		MaxZoom *int              `json:"maxzoom"`
		Fields  map[string]string `json:"fields"`
	} `json:"vector_layers"`
}

func TestTileJSON(t *testing.T) {
	srv, svc := newServer(t)
	version := svc.View().Version
	for _, layer := range []string{"regions", "periods"} {
		t.Run(layer, func(t *testing.T) {
			var tj tileJSON
			res := getJSON(t, srv, "/tiles/"+layer+".json", &tj)
			if res.Header.Get("Cache-Control") != httpkit.CachePrivate || res.Header.Get("ETag") == "" {
				t.Errorf("got Cache-Control %q ETag %q, want %q and an ETag: the document names the current version",
					res.Header.Get("Cache-Control"), res.Header.Get("ETag"), httpkit.CachePrivate)
			}
			if tj.TileJSON != "3.0.0" {
				t.Errorf("got tilejson %q, want 3.0.0", tj.TileJSON)
			}
			want := srv.URL + "/tiles/" + layer + "/v/" + version + "/{z}/{x}/{y}.mvt"
			if len(tj.Tiles) != 1 || tj.Tiles[0] != want {
				t.Errorf("got tiles %v, want [%s]", tj.Tiles, want)
			}
			if tj.MinZoom == nil || *tj.MinZoom != tiles.MinZoom || tj.MaxZoom == nil || *tj.MaxZoom != tiles.MaxZoom {
				t.Errorf("got zooms %v..%v, want %d..%d", tj.MinZoom, tj.MaxZoom, tiles.MinZoom, tiles.MaxZoom)
			}
			b := tj.Bounds
			if len(b) != 4 || !(b[0] < b[2] && b[1] < b[3] && b[0] >= -180 && b[2] <= 180 && b[1] >= -85.0511 && b[3] <= 85.0511) {
				t.Errorf("got bounds %v, want west,south,east,north in range", b)
			}
			if len(tj.Center) != 3 || tj.Center[0] < b[0] || tj.Center[0] > b[2] || tj.Center[1] < b[1] || tj.Center[1] > b[3] {
				t.Errorf("got center %v, want lon,lat,zoom inside the bounds", tj.Center)
			}
			if tj.Scheme != "xyz" {
				t.Errorf("got scheme %q, want xyz", tj.Scheme)
			}
			if len(tj.VectorLayers) != 1 || tj.VectorLayers[0].ID != layer || tj.VectorLayers[0].Fields == nil {
				t.Fatalf("got vector_layers %+v, want one layer %q with fields", tj.VectorLayers, layer)
			}
			for name, typ := range tj.VectorLayers[0].Fields {
				if typ != "String" && typ != "Number" && typ != "Boolean" {
					t.Errorf("field %s: got type %q, want String, Number or Boolean", name, typ)
				}
			}
			if layer == "periods" {
				f := tj.VectorLayers[0].Fields
				if f["start_day"] != "Number" || f["end_day"] != "Number" || f["controller"] != "String" {
					t.Errorf("got fields %v, want start_day and end_day Numbers and controller a String", f)
				}
				if !strings.Contains(tj.Description, "2147483647") {
					t.Error("got a description without the open-end sentinel 2147483647, want it explained")
				}
			}
		})
	}
}

func TestTileCoordinates(t *testing.T) {
	srv, svc := newServer(t)
	version := svc.View().Version
	tests := []struct {
		name, path string
		status     int
	}{
		{"a tile of the current version", "/tiles/periods/v/" + version + "/6/40/24.mvt", 200},
		{"a tile without a version", "/tiles/regions/6/40/24.mvt", 200},
		{"the world tile", "/tiles/regions/0/0/0.mvt", 200},
		{"the last tile of the deepest zoom", "/tiles/regions/14/16383/16383.mvt", 200},
		{"a tile far from the data is empty but fine", "/tiles/periods/6/0/0.mvt", 200},
		{"a stale version", "/tiles/periods/v/0000000000000000/6/40/24.mvt", 404},
		{"zoom above the maximum", "/tiles/periods/15/0/0.mvt", 404},
		{"x past the edge", "/tiles/periods/6/64/24.mvt", 404},
		{"y past the edge", "/tiles/periods/6/40/64.mvt", 404},
		{"x past the edge at zoom 0", "/tiles/periods/0/1/0.mvt", 404},
		{"a negative x", "/tiles/periods/6/-1/24.mvt", 400},
		{"a negative zoom", "/tiles/periods/-1/0/0.mvt", 400},
		{"a letter for y", "/tiles/periods/6/40/y.mvt", 400},
		{"a fractional zoom", "/tiles/periods/6.5/40/24.mvt", 400},
		{"a plus sign", "/tiles/periods/+6/40/24.mvt", 400},
		{"an empty y", "/tiles/periods/6/40/.mvt", 400},
		{"a huge x", "/tiles/periods/6/99999999999999999999/24.mvt", 400},
		{"a huge zoom", "/tiles/periods/4294967296/0/0.mvt", 404},
		{"hex digits", "/tiles/periods/0x6/40/24.mvt", 400},
		{"no .mvt suffix", "/tiles/periods/6/40/24", 404},
		{"another suffix", "/tiles/periods/6/40/24.png", 404},
		{"an unknown layer", "/tiles/roads/6/40/24.mvt", 404},
		{"an unknown TileJSON", "/tiles/roads.json", 404},
		{"a layer without .json", "/tiles/periods", 404},
		{"a query parameter", "/tiles/periods/6/40/24.mvt?date=2020-11-25", 400},
		{"a query parameter on TileJSON", "/tiles/periods.json?access_token=x", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, srv, tt.path)
			if tt.status != 200 {
				wantProblem(t, res, body, tt.status)
				return
			}
			if res.StatusCode != 200 || res.Header.Get("Content-Type") != tiles.ContentType {
				t.Fatalf("got %d %q, want 200 %s; body %.200s", res.StatusCode, res.Header.Get("Content-Type"), tiles.ContentType, body)
			}
			if _, err := mvt.Unmarshal(body); err != nil {
				t.Errorf("got a tile that does not decode: %v", err)
			}
		})
	}
}

func TestTileCaching(t *testing.T) {
	srv, svc := newServer(t)
	tests := []struct {
		name, path, cache string
	}{
		{"a versioned tile is immutable", "/tiles/periods/v/" + svc.View().Version + "/7/80/48.mvt", "public, max-age=31536000, immutable"},
		{"an unversioned tile is revalidated", "/tiles/periods/7/80/48.mvt", httpkit.CacheShort},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, plain := get(t, srv, tt.path)
			if got := res.Header.Get("Cache-Control"); got != tt.cache {
				t.Errorf("got Cache-Control %q, want %q", got, tt.cache)
			}
			if res.Header.Get("Content-Encoding") != "" {
				t.Errorf("got Content-Encoding %q without Accept-Encoding, want none", res.Header.Get("Content-Encoding"))
			}
			etag := res.Header.Get("ETag")
			res304, _ := get(t, srv, tt.path, "If-None-Match", etag)
			if res304.StatusCode != http.StatusNotModified {
				t.Errorf("revalidation: got %d, want 304", res304.StatusCode)
			}
			// The test client adds no Accept-Encoding of its own when one is
			// set by hand, and leaves the body compressed.
			resGz, zipped := get(t, srv, tt.path, "Accept-Encoding", "gzip")
			if resGz.Header.Get("Content-Encoding") != "gzip" {
				t.Fatalf("got Content-Encoding %q with Accept-Encoding: gzip, want gzip", resGz.Header.Get("Content-Encoding"))
			}
			zr, err := gzip.NewReader(bytes.NewReader(zipped))
			if err != nil {
				t.Fatal(err)
			}
			unzipped, err := io.ReadAll(zr)
			if err != nil || !bytes.Equal(unzipped, plain) {
				t.Errorf("gzip body: got %d bytes (%v), want the plain tile's %d", len(unzipped), err, len(plain))
			}
			resNo, _ := get(t, srv, tt.path, "Accept-Encoding", "gzip;q=0")
			if resNo.Header.Get("Content-Encoding") != "" {
				t.Errorf("got Content-Encoding %q with gzip;q=0, want none", resNo.Header.Get("Content-Encoding"))
			}
		})
	}
}

// One periods tile serves every date: filtering its features by
// start_day <= D < end_day, as a MapLibre filter does, gives the snapshot.
func TestPeriodsTileServesEveryDate(t *testing.T) {
	srv, svc := newServer(t)
	v := svc.View()
	_, body := get(t, srv, fmt.Sprintf("/tiles/periods/v/%s/6/40/24.mvt", v.Version))
	layers, err := mvt.Unmarshal(body)
	if err != nil || len(layers) != 1 {
		t.Fatalf("got %d layers, %v; want one", len(layers), err)
	}
	features := layers[0].Features
	open := 0
	for _, f := range features {
		if f.Properties["end_day"] == float64(tiles.OpenEndDay) {
			open++
			if _, has := f.Properties["end"]; has {
				t.Errorf("%v: an open period has an end %v, want none", f.Properties["region"], f.Properties["end"])
			}
		}
	}
	if open != len(geo.ConflictRegionIDs) {
		t.Errorf("got %d open periods, want one per conflict region (%d)", open, len(geo.ConflictRegionIDs))
	}
	for _, date := range []string{"1991-06-01", "1993-08-01", "2020-11-25", "2023-09-21", "2100-01-01"} {
		t.Run("the map of "+date, func(t *testing.T) {
			d, _ := geo.ParseDay(date)
			got := map[string]string{}
			for _, f := range features {
				start, _ := f.Properties["start_day"].(float64)
				end, _ := f.Properties["end_day"].(float64)
				if start <= float64(d) && float64(d) < end {
					region := f.Properties["region"].(string)
					if _, dup := got[region]; dup {
						t.Errorf("%s: two periods hold on %s", region, date)
					}
					c, _ := f.Properties["controller"].(string)
					got[region] = c
				}
			}
			for _, id := range geo.ConflictRegionIDs {
				r, _ := v.History.Region(id)
				want := v.History.StateAt(r, d)
				if c, ok := got[id]; !ok && want.Status != geo.StatusUnknown {
					t.Errorf("%s: no period holds on %s, want %s", id, date, want.Controller)
				} else if ok && c != string(want.Controller) {
					t.Errorf("%s on %s: got controller %q, want %q", id, date, c, want.Controller)
				}
			}
		})
	}
}

func TestTileJSONIsValidJSONWithOrderedFields(t *testing.T) {
	srv, _ := newServer(t)
	_, body := get(t, srv, "/tiles/periods.json")
	if !json.Valid(body) {
		t.Fatalf("got invalid JSON: %.200s", body)
	}
	i, j := bytes.Index(body, []byte(`"start_day"`)), bytes.Index(body, []byte(`"end_day"`))
	if i < 0 || j < i {
		t.Errorf("got fields out of order, want start_day before end_day")
	}
}

func TestParseTile(t *testing.T) {
	tests := []struct {
		z, x, y string
		want    maptile.Tile
		ok      bool
	}{
		{"0", "0", "0", maptile.New(0, 0, 0), true},
		{"14", "16383", "0", maptile.New(16383, 0, 14), true},
		{"014", "1", "1", maptile.New(1, 1, 14), true},
		{"15", "0", "0", maptile.Tile{}, false},
		{"1", "2", "0", maptile.Tile{}, false},
		{"", "0", "0", maptile.Tile{}, false},
		{"1", " 0", "0", maptile.Tile{}, false},
		{"1", "0", "1e0", maptile.Tile{}, false},
	}
	for _, tt := range tests {
		got, err := tiles.ParseTile(tt.z, tt.x, tt.y)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseTile(%q, %q, %q): got %v, %v; want %v, ok=%v", tt.z, tt.x, tt.y, got, err, tt.want, tt.ok)
		}
	}
}

func FuzzParseTile(f *testing.F) {
	f.Add("6", "40", "24")
	f.Add("14", "16383", "16384")
	f.Add("-1", "0", "0")
	f.Fuzz(func(t *testing.T, z, x, y string) {
		tile, err := tiles.ParseTile(z, x, y)
		if err != nil {
			return
		}
		if tile.Z > tiles.MaxZoom || uint64(tile.X) >= 1<<tile.Z || uint64(tile.Y) >= 1<<tile.Z {
			t.Fatalf("ParseTile(%q, %q, %q) = %v: outside the tile set", z, x, y, tile)
		}
	})
}

// swapStore serves whatever dataset the test last gave it.
type swapStore struct {
	mu sync.Mutex
	ds service.Dataset
}

func (s *swapStore) Load() (service.Dataset, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ds, nil
}

func (s *swapStore) set(t *testing.T, version, summary string) {
	t.Helper()
	rs, events := ledgertest.Data(t)
	events[0].Summary = summary
	s.mu.Lock()
	s.ds = service.Dataset{Regions: rs, Events: events, Version: version}
	s.mu.Unlock()
}

func TestADataEditMovesTheTileVersion(t *testing.T) {
	st := &swapStore{}
	st.set(t, "aaaa", "first wording")
	svc, err := service.New(st)
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, svc)
	old := "/tiles/periods/v/aaaa/6/40/24.mvt"
	if res, body := get(t, srv, old); res.StatusCode != 200 {
		t.Fatalf("before the edit: got %d, want 200; body %s", res.StatusCode, body)
	}
	_, before := get(t, srv, "/ogc/collections/events/items?limit=1000")

	st.set(t, "bbbb", "second wording")
	if err := svc.Reload(); err != nil {
		t.Fatal(err)
	}
	res, body := get(t, srv, old)
	wantProblem(t, res, body, http.StatusNotFound)
	if !strings.Contains(string(body), "bbbb") {
		t.Errorf("got %s, want the problem to name the current version", body)
	}
	var tj tileJSON
	getJSON(t, srv, "/tiles/periods.json", &tj)
	if len(tj.Tiles) != 1 || !strings.Contains(tj.Tiles[0], "/v/bbbb/") {
		t.Errorf("got tiles %v, want the new version's URL", tj.Tiles)
	}
	if res, body := get(t, srv, "/tiles/periods/v/bbbb/6/40/24.mvt"); res.StatusCode != 200 {
		t.Errorf("the new version: got %d, want 200; body %s", res.StatusCode, body)
	}
	_, after := get(t, srv, "/ogc/collections/events/items?limit=1000")
	if bytes.Equal(before, after) || !strings.Contains(string(after), "second wording") {
		t.Errorf("OGC items after the edit: got %.200s, want the new wording", after)
	}
	res, _ = get(t, srv, "/api/v1/download/periods.geojson")
	if !strings.HasPrefix(res.Header.Get("ETag"), `"bbbb-`) {
		t.Errorf("download after the edit: got ETag %s, want one of version bbbb", res.Header.Get("ETag"))
	}
}
