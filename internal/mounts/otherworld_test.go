package mounts

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/mapsvc/mapsvc/internal/synth"
	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/store"
)

// On a world whose districts the place ledger does not name, the OGC API
// serves its collections: the place and area collections are empty, the
// periods are all there (a 500 before).
func TestOGCOnAnotherWorld(t *testing.T) {
	regions := synth.Regions(16, 1)
	events := synth.Events(regions, 4, 1)
	db, err := store.Create(filepath.Join(t.TempDir(), "syn.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, _, err := db.Import(regions, events); err != nil {
		t.Fatal(err)
	}
	svc, err := service.New(db)
	if err != nil {
		t.Fatal(err)
	}
	srv := testenv.Server(t, svc, All(svc, Options{})...)
	count := func(collection string) int {
		t.Helper()
		var fc struct {
			Features []json.RawMessage `json:"features"`
			Matched  int               `json:"numberMatched"`
		}
		res := testenv.GetJSON(t, srv, "/ogc/collections/"+collection+"/items?limit=1000&f=json", &fc)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", collection, res.StatusCode)
		}
		return fc.Matched
	}
	if n, want := count("control-periods"), svc.View().PeriodCount(); n != want || n == 0 {
		t.Errorf("control-periods: %d features, want %d", n, want)
	}
	for _, c := range []string{"places", "control-areas"} {
		if n := count(c); n != 0 {
			t.Errorf("%s: %d features on a world without those places", c, n)
		}
	}
}
