package store_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/store"
	"github.com/paulmach/orb"
	bolt "go.etcd.io/bbolt"
)

// openTemp opens a fresh database in t.TempDir and closes it after the test.
func openTemp(t *testing.T, opt store.Options) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	db, err := store.Create(path, opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func realData(t testing.TB) ([]geo.Region, []geo.Event) {
	t.Helper()
	rs, events := ledgertest.Data(t)
	return rs, events
}

func TestEmptyDatabase(t *testing.T) {
	db, _ := openTemp(t, store.Options{})
	if _, err := db.Load(); !errors.Is(err, store.ErrEmpty) {
		t.Errorf("Load on a new file: got %v, want ErrEmpty", err)
	}
}

func TestImportCloseReopen(t *testing.T) {
	rs, evs := realData(t)
	db, path := openTemp(t, store.Options{})
	v1, changed, err := db.Import(rs, evs)
	if err != nil || !changed {
		t.Fatalf("first import: changed=%v err=%v", changed, err)
	}
	db.Close()
	db2, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	ds, err := db2.Load()
	if err != nil {
		t.Fatal(err)
	}
	if ds.Version != v1 || len(ds.Regions) != len(rs) || len(ds.Events) != len(evs) {
		t.Fatalf("after reopen: got version %s, %d regions, %d events; want %s, %d, %d", ds.Version, len(ds.Regions), len(ds.Events), v1, len(rs), len(evs))
	}
	for i := range evs {
		if ds.Events[i].ID != evs[i].ID {
			t.Fatalf("event %d: got %s, want %s (ledger order must survive)", i, ds.Events[i].ID, evs[i].ID)
		}
	}
	if _, err := geo.NewHistory(ds.Regions, ds.Events); err != nil {
		t.Errorf("reloaded data no longer validates: %v", err)
	}
	// Re-importing the same data changes nothing.
	v2, changed, err := db2.Import(rs, evs)
	if err != nil || changed || v2 != v1 {
		t.Errorf("re-import: got version %s changed=%v err=%v, want %s unchanged", v2, changed, err, v1)
	}
}

// cappedAfterHalf imports the first half of evs into a new file and
// reopens it capped at its size plus slack bytes, for an import that
// must run out of room; v1 is the first import's version.
func cappedAfterHalf(t *testing.T, rs []geo.Region, evs []geo.Event, slack int) (capped *store.DB, v1 string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "capped.db")
	db, err := store.Create(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v1, _, err = db.Import(rs, evs[:len(evs)/2])
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	capped, err = store.Open(path, store.Options{MaxSize: int(info.Size()) + slack})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { capped.Close() })
	return capped, v1
}

func TestImportIsAllOrNothing(t *testing.T) {
	rs, evs := realData(t)
	// The file capped at its current size: a larger import must fail as
	// a whole and leave the first import readable.
	capped, v1 := cappedAfterHalf(t, rs, evs, 0)
	big := append([]geo.Event(nil), evs...)
	for i := range big {
		big[i].Notes += string(make([]byte, 4096))
	}
	if _, _, err := capped.Import(rs, big); err == nil {
		t.Fatal("import past the size cap succeeded; want an error")
	}
	ds, err := capped.Load()
	if err != nil {
		t.Fatal(err)
	}
	if ds.Version != v1 || len(ds.Events) != len(evs)/2 {
		t.Errorf("after failed import: got version %s with %d events, want %s with %d", ds.Version, len(ds.Events), v1, len(evs)/2)
	}
}

func TestSecondOpenFailsWithinTimeout(t *testing.T) {
	_, path := openTemp(t, store.Options{})
	start := time.Now()
	_, err := store.Open(path, store.Options{Timeout: 150 * time.Millisecond})
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second open: got %v, want ErrLocked", err)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("second open waited %s", waited)
	}
}

func TestReadersAndWriterConcurrently(t *testing.T) {
	rs, evs := realData(t)
	db, _ := openTemp(t, store.Options{})
	if _, _, err := db.Import(rs, evs); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				ds, err := db.Load()
				if err != nil {
					errs <- err
					return
				}
				if len(ds.Events) != len(evs) && len(ds.Events) != len(evs)-1 {
					errs <- errors.New("reader saw a half-written import")
					return
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 10; i++ {
			set := evs
			if i%2 == 0 {
				set = evs[:len(evs)-1]
			}
			if _, _, err := db.Import(rs, set); err != nil {
				errs <- err
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// An import records that its regions' boundaries passed validation, and
// Load trusts the record only while the regions are as written: a region
// changed by anything else is checked in full again.
func TestRegionsCheckedRecord(t *testing.T) {
	rs, evs := realData(t)
	db, _ := openTemp(t, store.Options{})
	if _, _, err := db.Import(rs, evs); err != nil {
		t.Fatal(err)
	}
	ds, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !ds.GeometryChecked {
		t.Fatal("regions just imported are not marked as checked")
	}
	// A bow tie: it decodes, but its ring crosses itself.
	bad := rs[0]
	bad.Geometry = orb.Polygon{{{46, 40}, {47, 41}, {47, 40}, {46, 41}, {46, 40}}}
	b, err := json.Marshal(geo.RegionFeature(&bad))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Bolt().Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("regions")).Put([]byte(bad.ID), b)
	}); err != nil {
		t.Fatal(err)
	}
	ds, err = db.Load()
	if err != nil {
		t.Fatal(err)
	}
	if ds.GeometryChecked {
		t.Fatal("a region changed behind the import's back is still marked as checked")
	}
	if _, err := service.New(db); err == nil || !strings.Contains(err.Error(), "crosses itself") {
		t.Fatalf("loading a self-crossing boundary: got %v, want a validation error", err)
	}
}
