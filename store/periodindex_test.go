package store_test

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/synth"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/store"
)

// synthWorld is a generated world of a few hundred regions, large enough
// for an index with the threshold lowered for the test.
func synthWorld(t *testing.T) ([]geo.Region, []geo.Event) {
	return synthWorldOf(t, 120, 8)
}

func synthWorldOf(t *testing.T, regions, perRegion int) ([]geo.Region, []geo.Event) {
	t.Helper()
	rs := synth.Regions(regions, 15)
	evs := synth.Events(rs, perRegion, 15)
	if _, err := geo.NewHistory(rs, evs); err != nil {
		t.Fatal(err)
	}
	return rs, evs
}

// indexedService is a service on an indexed database of synthWorld, with
// the threshold lowered so that it serves from the index.
func indexedService(t *testing.T) ([]geo.Region, *store.DB, *service.Service) {
	t.Helper()
	rs, evs := synthWorld(t)
	lowerIndexThreshold(t, 500)
	db := indexedDB(t, rs, evs)
	svc, err := service.New(db)
	if err != nil {
		t.Fatal(err)
	}
	return rs, db, svc
}

// delayLastChange moves the last change of region to days after its
// first day, through svc (as an editor would), reading the region's
// events in v; it returns the new day.
func delayLastChange(t *testing.T, svc *service.Service, v *service.View, region string, days geo.Day) geo.Day {
	t.Helper()
	evs := v.History.FindEvents(geo.EventFilter{Region: region})
	last := *evs[len(evs)-1]
	d := last.Date.First + days
	last.Date = geo.DateSpec{Text: d.String(), Precision: geo.PrecisionDay, First: d, Last: d}
	if _, _, err := svc.Write(service.Edit{Action: service.ActionUpdate, ID: last.ID, Event: &last, Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	return d
}

func lowerIndexThreshold(t *testing.T, n int) {
	old := service.IndexMinEvents
	service.IndexMinEvents = n
	t.Cleanup(func() { service.IndexMinEvents = old })
}

// indexedDB writes the world with its period index, as mapsvc init does
// for a large ledger.
func indexedDB(t *testing.T, rs []geo.Region, evs []geo.Event) *store.DB {
	t.Helper()
	db, err := store.Create(filepath.Join(t.TempDir(), "x.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	h, err := geo.NewHistory(rs, evs)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.ImportIndexed(rs, evs, "test", time.Unix(0, 0).UTC(), store.BuildPeriodIndex(h)); err != nil {
		t.Fatal(err)
	}
	return db
}

// testDays are up to n change days with the days either side, and n
// random days.
func testDays(v *service.View, n int) []geo.Day {
	var days []geo.Day
	changes := v.History.ChangeDays()
	step := max(1, len(changes)/n)
	for i := 0; i < len(changes); i += step {
		d := changes[i]
		days = append(days, d-1, d, d+1)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range n {
		days = append(days, synth.First-30+geo.Day(rng.IntN(int(synth.Last-synth.First)+60)))
	}
	return days
}

// sameSnapshots checks that the indexed view answers every day exactly as
// a view of the whole history in memory does.
func sameSnapshots(t *testing.T, indexed, mem *service.View, days []geo.Day) {
	t.Helper()
	if !indexed.Indexed() || mem.Indexed() {
		t.Fatalf("indexed %v, in memory %v", indexed.Indexed(), mem.Indexed())
	}
	for i, d := range days {
		lang := geo.Langs[i%len(geo.Langs)]
		a, err := indexed.SnapshotDay(d, lang)
		if err != nil {
			t.Fatal(err)
		}
		b, err := mem.SnapshotDay(d, lang)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) || a.ETag != b.ETag {
			t.Fatalf("%s %s: the indexed snapshot differs from the in-memory one (%d vs %d bytes)", d, lang, len(a.Bytes()), len(b.Bytes()))
		}
		if i%16 == 0 && !bytes.Equal(a.Gzip(), b.Gzip()) {
			t.Fatalf("%s %s: gzip forms differ", d, lang)
		}
	}
}

func memView(t *testing.T, db *store.DB) *service.View {
	t.Helper()
	ds, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	v, err := service.NewView(ds)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestIndexedSnapshotsMatchInMemory(t *testing.T) {
	_, db, svc := indexedService(t)
	mem := memView(t, db)
	sameSnapshots(t, svc.View(), mem, testDays(mem, 40))
	if !svc.View().History.IsDeferred() {
		t.Fatal("not deferred")
	}
}

// A world of over 2,000 regions (features over 1 MB) takes the large
// world's path: each new epoch encoded in two halves, each half reading
// the index in its own transaction, and built from a kept neighbouring
// epoch where there is one.
func TestIndexedSnapshotsMatchInMemoryLargeWorld(t *testing.T) {
	if testing.Short() {
		t.Skip("encodes 2,100 regions a few hundred times")
	}
	rs, evs := synthWorldOf(t, 2100, 3)
	lowerIndexThreshold(t, 500)
	db := indexedDB(t, rs, evs)
	svc, err := service.New(db)
	if err != nil {
		t.Fatal(err)
	}
	mem := memView(t, db)
	// Runs of consecutive change days (neighbours), and random days.
	changes := mem.History.ChangeDays()
	var days []geo.Day
	for _, at := range []int{0, len(changes) / 2, len(changes) - 8} {
		for _, d := range changes[at : at+6] {
			days = append(days, d, d-1)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 8 {
		days = append(days, synth.First+geo.Day(rng.IntN(int(synth.Last-synth.First))))
	}
	sameSnapshots(t, svc.View(), mem, days)
}

// An indexed view reads the whole ledger when another question needs it,
// and then answers as the in-memory view does.
func TestIndexedViewReadsTheLedgerOnDemand(t *testing.T) {
	rs, evs := synthWorld(t)
	lowerIndexThreshold(t, 500)
	db := indexedDB(t, rs, evs)
	svc, err := service.New(db)
	if err != nil {
		t.Fatal(err)
	}
	v, mem := svc.View(), memView(t, db)
	if got, want := v.History.EventCount(), len(evs); got != want {
		t.Fatalf("%d events counted by the index, want %d", got, want)
	}
	if got, want := len(v.History.Events()), len(evs); got != want {
		t.Fatalf("%d events read on demand, want %d", got, want)
	}
	id := synth.RegionID(7)
	a, b := v.History.Periods(id), mem.History.Periods(id)
	if len(a) == 0 || len(a) != len(b) || a[len(a)-1].StartEvent != b[len(b)-1].StartEvent {
		t.Fatalf("periods of %s: %d read on demand, %d in memory", id, len(a), len(b))
	}
	sameSnapshots(t, v, mem, testDays(mem, 20))
}

// A database written without the index (by an older mapsvc) gets it on
// the first start that loads its large ledger, and the start after that
// uses it.
func TestMissingIndexIsBuiltOnce(t *testing.T) {
	rs, evs := synthWorld(t)
	lowerIndexThreshold(t, 500)
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := store.Create(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, _, err := db.ImportBy(rs, evs, "test", time.Unix(0, 0).UTC()); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := db.LoadIndexed(); err != nil || ok {
		t.Fatalf("index before the first start: ok=%v err=%v", ok, err)
	}
	svc, err := service.New(db)
	if err != nil {
		t.Fatal(err)
	}
	if !svc.View().Indexed() {
		t.Fatal("the first start did not switch to the index it built")
	}
	if _, ok, err := db.LoadIndexed(); err != nil || !ok {
		t.Fatalf("index after the first start: ok=%v err=%v", ok, err)
	}
	sameSnapshots(t, svc.View(), memView(t, db), testDays(svc.View(), 20))

	// Below the threshold no index is built.
	lowerIndexThreshold(t, len(evs)+1)
	small, err := store.Create(filepath.Join(t.TempDir(), "y.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer small.Close()
	if _, _, err := small.ImportBy(rs, evs, "test", time.Unix(0, 0).UTC()); err != nil {
		t.Fatal(err)
	}
	svc, err = service.New(small)
	if err != nil {
		t.Fatal(err)
	}
	if svc.View().Indexed() {
		t.Fatal("a small ledger got an index")
	}
}

// An edit keeps the index current: a new start serves the edit from the
// index, with the same bytes as the history in memory.
func TestEditKeepsTheIndexCurrent(t *testing.T) {
	_, db, svc := indexedService(t)
	// Move the last change of a region a few days later.
	d := delayLastChange(t, svc, svc.View(), synth.RegionID(3), 2)
	if _, ok, err := db.LoadIndexed(); err != nil || !ok {
		t.Fatalf("index after an edit: ok=%v err=%v", ok, err)
	}
	again, err := service.New(db)
	if err != nil {
		t.Fatal(err)
	}
	days := append(testDays(again.View(), 15), d-2, d-1, d, d+1)
	sameSnapshots(t, again.View(), memView(t, db), days)
}
