package tiles_test

import (
	"fmt"
	"net/http"
	"reflect"
	"testing"

	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/placeapi"
	"github.com/mapsvc/mapsvc/tiles"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"
)

// The archive's tiles hold every layer, and each layer is byte for byte
// the one the server sends for that tile, so a file on a CDN draws what
// the API draws.
func TestArchiveTilesAreTheServedTiles(t *testing.T) {
	srv, svc := testenv.AreasGISServer(t)
	a, err := tiles.NewArchive(svc, placeapi.TileAreas(placeapi.EmbeddedHistories()))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range a.Metadata["vector_layers"].([]any) {
		ids = append(ids, l.(map[string]any)["id"].(string))
	}
	if fmt.Sprint(ids) != "[regions periods areas]" {
		t.Errorf("got vector_layers %v, want regions, periods, areas", ids)
	}
	if a.Metadata["data_version"] != svc.View().Version {
		t.Errorf("got data_version %v, want %s", a.Metadata["data_version"], svc.View().Version)
	}
	if b := a.Bounds; !(b[0] < 46 && b[2] > 48 && b[1] < 39 && b[3] > 40) {
		t.Errorf("got bounds %v, want the Caucasus", b)
	}
	got := map[maptile.Tile][]byte{}
	perZoom := map[maptile.Zoom]int{}
	n, err := a.Tiles(6, func(tl maptile.Tile, b []byte) error {
		if _, dup := got[tl]; dup {
			t.Errorf("tile %v emitted twice", tl)
		}
		got[tl] = b
		perZoom[tl.Z]++
		return nil
	})
	if err != nil || n != len(got) {
		t.Fatalf("got %d tiles (%d distinct), %v", n, len(got), err)
	}
	for z := maptile.Zoom(0); z <= 6; z++ {
		if perZoom[z] == 0 {
			t.Errorf("no tile at zoom %d", z)
		}
	}
	// Kalbajar's tile at zoom 6 holds all three layers.
	kalbajar := maptile.New(40, 24, 6)
	if _, ok := got[kalbajar]; !ok {
		t.Fatalf("no tile 6/40/24")
	}
	checked := 0
	for tl, b := range got {
		if tl.Z < 5 && tl != maptile.New(0, 0, 0) {
			continue // a sample: the deep tiles and the root
		}
		layers, err := mvt.Unmarshal(b)
		if err != nil {
			t.Fatalf("tile %v: %v", tl, err)
		}
		names := map[string]bool{}
		for _, l := range layers {
			names[l.Name] = true
			res, served := get(t, srv, fmt.Sprintf("/tiles/%s/%d/%d/%d.mvt", l.Name, tl.Z, tl.X, tl.Y))
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s %v: got %d", l.Name, tl, res.StatusCode)
			}
			want, err := mvt.Unmarshal(served)
			if err != nil || len(want) != 1 {
				t.Fatalf("%s %v: served %d layers, %v", l.Name, tl, len(want), err)
			}
			if !reflect.DeepEqual(l, want[0]) {
				t.Errorf("%s %v: the archive's layer differs from the served tile (%d vs %d features)", l.Name, tl, len(l.Features), len(want[0].Features))
			}
			checked++
		}
		if tl == kalbajar && !(names["regions"] && names["periods"] && names["areas"]) {
			t.Errorf("tile 6/40/24 has layers %v, want regions, periods and areas", names)
		}
	}
	if checked < 10 {
		t.Errorf("compared only %d layers", checked)
	}
	if _, err := a.Tiles(15, func(maptile.Tile, []byte) error { return nil }); err == nil {
		t.Error("zoom 15 accepted, want an error")
	}
}
