package ogc_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/synth"
	"github.com/mapsvc/mapsvc/ogc"
	"github.com/mapsvc/mapsvc/placeapi"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/store"
)

// storedWorld is a generated world in a store with its period index, and
// two services over it: one on the index (as a large ledger is served)
// and one with the whole history in memory.
func storedWorld(t *testing.T) (indexed, mem *service.Service, evs []geo.Event) {
	t.Helper()
	rs := synth.Regions(60, 15)
	evs = synth.Events(rs, 8, 15)
	// Area-wide events name no region: they are placed at the conflict
	// area's centre, and sort among the others by their dates.
	for i, d := range []geo.Day{synth.First + 40, synth.First + 41, synth.Last - 3} {
		id := fmt.Sprintf("area-%d", i)
		evs = append(evs, geo.Event{ID: id, Kind: geo.KindCeasefire, Confidence: "medium",
			Date:    geo.DateSpec{Text: d.String() + "/" + (d + 2).String(), Precision: geo.PrecisionRange, First: d, Last: d + 2},
			Summary: "A synthetic ceasefire " + id + ".", Sources: []geo.Source{{Ref: "https://example.org/synthetic/" + id, Outlet: "synthetic"}}})
	}
	h, err := geo.NewHistory(rs, evs)
	if err != nil {
		t.Fatal(err)
	}
	old := service.IndexMinEvents
	service.IndexMinEvents = 100
	t.Cleanup(func() { service.IndexMinEvents = old })
	db, err := store.Create(filepath.Join(t.TempDir(), "x.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, _, err := db.ImportIndexed(rs, evs, "test", time.Unix(0, 0).UTC(), store.BuildPeriodIndex(h)); err != nil {
		t.Fatal(err)
	}
	if indexed, err = service.New(db); err != nil {
		t.Fatal(err)
	}
	if !indexed.View().Indexed() {
		t.Fatal("the service is not on the period index")
	}
	ds, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	if mem, err = service.New(fakeStore{ds}); err != nil {
		t.Fatal(err)
	}
	if mem.View().Indexed() || mem.View().Version != indexed.View().Version {
		t.Fatal("the in-memory service is not a plain one of the same data")
	}
	return indexed, mem, evs
}

// routerOf is the real router with the OGC API and its place and area
// collections (as cmd/mapsvc mounts them), with a fixed public URL so that
// both services' links are the same.
func routerOf(svc *service.Service) http.Handler {
	extras := placeapi.OGCCollections(placeapi.EmbeddedHistories())
	return handlers.New(svc, handlers.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		PublicURL: "http://example.test", Mounts: []func(*echo.Echo){ogc.MountWith(svc, extras...)}})
}

// served since: when a cache first served the version, which differs
// between two servers.
var stampRE = regexp.MustCompile(`"timeStamp":"[^"]*"|served since [0-9TZ:-]+`)

// The control-periods and events collections and GET /api/v1/events of a
// view on a store's period index answer every query with the same bytes
// as the history in memory gives (the cache's time stamp aside), and the
// ledger is never read for them.
func TestStoredCollectionsMatchInMemory(t *testing.T) {
	indexed, mem, evs := storedWorld(t)
	ri, rm := routerOf(indexed), routerOf(mem)
	fetch := func(h http.Handler, path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec
	}
	same := func(path string) []byte {
		t.Helper()
		a, b := fetch(ri, path), fetch(rm, path)
		ab, bb := stampRE.ReplaceAll(a.Body.Bytes(), nil), stampRE.ReplaceAll(b.Body.Bytes(), nil)
		if a.Code != b.Code || !bytes.Equal(ab, bb) {
			t.Fatalf("%s: indexed %d (%d bytes), in memory %d (%d bytes)\nindexed:   %.400s\nin memory: %.400s", path, a.Code, len(ab), b.Code, len(bb), ab, bb)
		}
		hs := []string{"Content-Type"}
		if !stampRE.Match(a.Body.Bytes()) {
			hs = append(hs, "ETag") // else a hash of the body with its stamp
		}
		for _, h := range hs {
			if a.Header().Get(h) != b.Header().Get(h) {
				t.Fatalf("%s: %s %q, in memory %q", path, h, a.Header().Get(h), b.Header().Get(h))
			}
		}
		return a.Body.Bytes()
	}
	matched := func(path string) (n int, ids []string) {
		t.Helper()
		var fc struct {
			NumberMatched int `json:"numberMatched"`
			Features      []struct {
				ID string `json:"id"`
			} `json:"features"`
		}
		if err := json.Unmarshal(same(path), &fc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, f := range fc.Features {
			ids = append(ids, f.ID)
		}
		return fc.NumberMatched, ids
	}

	v := mem.View()
	r3 := v.History.Regions()[3].Geometry.Bound()
	bbox := fmt.Sprintf("%g,%g,%g,%g", r3.Min[0], r3.Min[1], r3.Max[0], r3.Max[1])
	centre := v.History.Regions()[0].Label
	around := fmt.Sprintf("%g,%g,%g,%g", centre[0]-3, centre[1]-3, centre[0]+3, centre[1]+3)
	change := v.History.ChangeDays()[len(v.History.ChangeDays())/2]
	a, b := change-200, change+150
	for _, coll := range []string{"control-periods", "events"} {
		items := "/ogc/collections/" + coll + "/items"
		total, _ := matched(items + "?limit=1000")
		if total < 300 {
			t.Fatalf("%s: only %d features", coll, total)
		}
		for _, q := range []string{"", "?limit=7", "?limit=7&offset=7", "?limit=10&offset=13", "?f=html&limit=5&offset=2", "?lang=ru&limit=20",
			"?limit=7&offset=" + strconv.Itoa(total-3), "?offset=" + strconv.Itoa(total), "?offset=" + strconv.Itoa(total+5),
			"?bbox=" + bbox, "?bbox=" + around + "&limit=5&offset=3", "?bbox=170,-10,171,-9",
			"?datetime=" + change.String(), "?datetime=" + change.String() + "T10:00:00Z&limit=3",
			"?datetime=" + a.String() + "/" + b.String() + "&limit=9&offset=4",
			"?datetime=../" + a.String(), "?datetime=" + b.String() + "/..&limit=50", "?datetime=" + b.String() + "/",
			"?datetime=" + a.String() + "/" + b.String() + "&bbox=" + around,
		} {
			same(items + q)
		}
		// Page through a filtered query: the next links lead through every
		// match, in the same order.
		n, first := matched(items + "?datetime=" + a.String() + "/" + b.String() + "&limit=1000")
		var paged []string
		for off := 0; off < n; off += 13 {
			_, ids := matched(items + "?datetime=" + a.String() + "/" + b.String() + "&limit=13&offset=" + strconv.Itoa(off))
			paged = append(paged, ids...)
		}
		if fmt.Sprint(paged) != fmt.Sprint(first) || len(first) != n {
			t.Fatalf("%s: pages of 13 give %d features, one page %d of %d matched", coll, len(paged), len(first), n)
		}
		_, ids := matched(items + "?limit=1000")
		for _, id := range []string{ids[0], ids[len(ids)/2], ids[len(ids)-1]} {
			same(items + "/" + id)
			same(items + "/" + id + "?f=html&lang=az")
		}
		for _, id := range []string{"nope", synth.RegionID(3) + "-1800-01-01", synth.RegionID(3) + "-", "-" + change.String(), "syn-00003-e999"} {
			if rec := fetch(ri, items+"/"+id); rec.Code != http.StatusNotFound {
				t.Fatalf("%s/%s: %d, want 404", items, id, rec.Code)
			}
			same(items + "/" + id)
		}
		same("/ogc/collections/" + coll)
		same("/ogc/collections/" + coll + "?f=html")
	}
	// The area-wide events are among them, at the centre.
	for _, e := range evs[len(evs)-3:] {
		same("/ogc/collections/events/items/" + e.ID)
	}
	same("/ogc/collections")
	same("/ogc/collections/regions/items?limit=5&offset=10")
	// The embedded places are not in this world: their collections are
	// empty, and say so without the ledger.
	for _, coll := range []string{"places", "control-areas"} {
		if n, _ := matched("/ogc/collections/" + coll + "/items"); n != 0 {
			t.Fatalf("%s: %d features in a synthetic world", coll, n)
		}
	}
	for _, q := range []string{"", "?from=" + a.String(), "?to=" + b.String(), "?from=" + a.String() + "&to=" + b.String(),
		"?region=" + synth.RegionID(5), "?region=" + synth.RegionID(5) + "&from=" + a.String(), "?from=2100-01-01"} {
		same("/api/v1/events" + q)
	}
	if indexed.View().History.LedgerRead() {
		t.Fatal("an answer read the whole ledger")
	}
}
