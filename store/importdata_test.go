package store_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/store"
	bolt "go.etcd.io/bbolt"
)

// dump is every key and value of the file, by bucket path.
func dump(t *testing.T, db *store.DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	var walk func(prefix string, b *bolt.Bucket) error
	walk = func(prefix string, b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				if nb := b.Bucket(k); nb != nil {
					return walk(prefix+string(k)+"/", nb)
				}
			}
			out[prefix+string(k)] = string(v)
			return nil
		})
	}
	err := db.Bolt().View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			out[string(name)+"/"] = ""
			return walk(string(name)+"/", b)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func createAt(t *testing.T, name string, opt store.Options) *store.DB {
	t.Helper()
	db, err := store.Create(filepath.Join(t.TempDir(), name), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func importTwice(t *testing.T, db *store.DB, rs []geo.Region, first, second []geo.Event, ix1, ix2 *store.PeriodIndex) {
	t.Helper()
	now := time.Unix(1e9, 0).UTC()
	if _, _, err := db.ImportIndexed(rs, first, "test", now, ix1); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.ImportIndexed(rs, second, "test", now.Add(time.Hour), ix2); err != nil {
		t.Fatal(err)
	}
}

func indexOf(t *testing.T, rs []geo.Region, evs []geo.Event) *store.PeriodIndex {
	t.Helper()
	h, err := geo.NewHistory(rs, evs)
	if err != nil {
		t.Fatal(err)
	}
	return store.BuildPeriodIndex(h)
}

// An import written in batches (through the staging bucket) leaves the
// file with exactly the keys and values of one written in one
// transaction: the data, its period index, the revisions and the
// previous ledger kept by the second import.
func TestStagedImportWritesWhatOneTransactionWrites(t *testing.T) {
	rs, evs := synthWorld(t)
	half := evs[:len(evs)/2]
	ix1, ix2 := indexOf(t, rs, half), indexOf(t, rs, evs)
	one := createAt(t, "one.db", store.Options{})
	importTwice(t, one, rs, half, evs, ix1, ix2)
	want := dump(t, one)

	batches := 0
	store.SetImportBatch(t, 16<<10, func(int) error { batches++; return nil })
	staged := createAt(t, "staged.db", store.Options{})
	importTwice(t, staged, rs, half, evs, ix1, ix2)
	if batches < 20 {
		t.Fatalf("%d batches: the import was not staged", batches)
	}
	got := dump(t, staged)
	if len(got) != len(want) {
		t.Errorf("%d keys written in batches, %d in one transaction", len(got), len(want))
	}
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if got[k] != want[k] {
			t.Fatalf("%s differs: staged %.80q, one transaction %.80q", k, got[k], want[k])
		}
	}
	if _, ok := got[string(store.StagingBucket)+"/"]; ok {
		t.Error("the staging bucket is left")
	}
	// And without an index, the staged import removes the old one.
	if _, _, err := staged.ImportIndexed(rs, half, "test", time.Unix(1e9, 0).UTC(), nil); err != nil {
		t.Fatal(err)
	}
	if _, ok := dump(t, staged)["period_index/"]; ok {
		t.Error("the period index of the previous data is left")
	}
}

// An import that fails midway (here after its third batch) leaves the
// previous data as it was, removes what it staged, and a later import
// goes through.
func TestStagedImportFailingMidwayKeepsThePreviousData(t *testing.T) {
	rs, evs := synthWorld(t)
	db := createAt(t, "x.db", store.Options{})
	v1, _, err := db.ImportIndexed(rs, evs[:len(evs)/2], "test", time.Unix(1e9, 0).UTC(), nil)
	if err != nil {
		t.Fatal(err)
	}
	before := dump(t, db)
	boom := errors.New("boom")
	batches := 0
	store.SetImportBatch(t, 16<<10, func(batch int) error {
		batches++
		if batch == 2 {
			return boom
		}
		return nil
	})
	if _, _, err := db.ImportIndexed(rs, evs, "test", time.Unix(2e9, 0).UTC(), indexOf(t, rs, evs)); !errors.Is(err, boom) {
		t.Fatalf("got %v, want the batch's error", err)
	}
	if batches != 3 {
		t.Fatalf("%d batches ran, want 3", batches)
	}
	after := dump(t, db)
	if !maps.Equal(before, after) {
		t.Errorf("the failed import changed the file (%d keys before, %d after)", len(before), len(after))
	}
	if v, _ := db.Version(); v != v1 {
		t.Errorf("version %s, want %s", v, v1)
	}
	store.SetImportBatch(t, 16<<10, nil)
	v2, changed, err := db.ImportIndexed(rs, evs, "test", time.Unix(2e9, 0).UTC(), indexOf(t, rs, evs))
	if err != nil || !changed {
		t.Fatalf("import after the failed one: changed %v, %v", changed, err)
	}
	ds, err := db.Load()
	if err != nil || ds.Version != v2 || len(ds.Events) != len(evs) {
		t.Fatalf("after the import: %v, version %s, %d events", err, ds.Version, len(ds.Events))
	}
}

// A staged import that runs out of room (the file's size cap) midway
// fails as a whole: the previous data stays readable and unchanged.
func TestStagedImportPastTheSizeCapKeepsThePreviousData(t *testing.T) {
	rs, evs := synthWorld(t)
	capped, v1 := cappedAfterHalf(t, rs, evs, 256<<10)
	before := dump(t, capped)
	batches := 0
	store.SetImportBatch(t, 16<<10, func(int) error { batches++; return nil })
	big := slices.Clone(evs)
	for i := range big {
		big[i].Notes += strings.Repeat("n", 2000)
	}
	if _, _, err := capped.Import(rs, big); err == nil {
		t.Fatal("import past the size cap succeeded; want an error")
	}
	if batches == 0 {
		t.Fatal("no batch went through: the cap did not stop the import midway")
	}
	if after := dump(t, capped); !maps.Equal(before, after) {
		t.Errorf("the failed import changed the file (%d keys before, %d after)", len(before), len(after))
	}
	ds, err := capped.Load()
	if err != nil || ds.Version != v1 || len(ds.Events) != len(evs)/2 {
		t.Fatalf("after the failed import: %v, version %s, %d events", err, ds.Version, len(ds.Events))
	}
}

// A staging bucket left by an import that was cut off (a crash before its
// last transaction) is ignored by readers and removed by the next import.
func TestLeftoverStagingIsRemoved(t *testing.T) {
	rs, evs := synthWorld(t)
	db := createAt(t, "x.db", store.Options{})
	if _, _, err := db.Import(rs, evs[:10]); err != nil {
		t.Fatal(err)
	}
	err := db.Bolt().Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(store.StagingBucket)
		if err != nil {
			return err
		}
		e, err := b.CreateBucket([]byte("events"))
		if err != nil {
			return err
		}
		return e.Put([]byte("stale"), []byte("{}"))
	})
	if err != nil {
		t.Fatal(err)
	}
	if ds, err := db.Load(); err != nil || len(ds.Events) != 10 {
		t.Fatalf("load beside a staging bucket: %v, %d events", err, len(ds.Events))
	}
	store.SetImportBatch(t, 16<<10, nil)
	if _, _, err := db.Import(rs, evs); err != nil {
		t.Fatal(err)
	}
	for k := range dump(t, db) {
		if strings.HasPrefix(k, string(store.StagingBucket)) || strings.Contains(k, "stale") {
			t.Fatalf("%s is left", k)
		}
	}
}

// Encode writes each event as json.Marshal does, which is what the data
// version and every reader of the store expect.
func TestEncodeIsJSONMarshal(t *testing.T) {
	rs, evs := realData(t)
	_, synthEvs := synthWorld(t)
	evs = append(slices.Clone(evs), synthEvs[:50]...)
	base := synthEvs[0]
	if base.Share != nil {
		t.Fatal("the first synthetic event has a share")
	}
	share := 0.125
	for i, change := range []func(e *geo.Event){
		func(e *geo.Event) {
			e.Summary, e.Notes = "<b>&amp;</b> \u2028 \u2029 \"q\" \\ \x7f é", "tab\tnewline\n"
		},
		func(e *geo.Event) { e.Share = &share },
		func(e *geo.Event) { v := 1e-7; e.Share = &v },
		func(e *geo.Event) { v := 1e21; e.Share = &v },
		func(e *geo.Event) { v := math.Copysign(0, -1); e.Share = &v },
		func(e *geo.Event) { v := 0.1 + 0.2; e.Share = &v },
		func(e *geo.Event) { v := 123456789.125; e.Share = &v },
		func(e *geo.Event) { e.Sources = nil },
		func(e *geo.Event) { e.Sources = []geo.Source{} },
		func(e *geo.Event) { e.Places, e.Reference = []string{}, []string{} },
		func(e *geo.Event) { e.Place, e.Places, e.Reference = "p", []string{"a", "b"}, []string{"r"} },
		func(e *geo.Event) { e.Places = []string{"a<b"} },
		func(e *geo.Event) { e.Reference = []string{"x\"y"} },
		func(e *geo.Event) {
			e.Majority, e.ExtentNote, e.Scheduled, e.Notes = geo.AZE, "e", "1993-05-01", "n"
			e.Sources = []geo.Source{{Ref: "r", Outlet: "o", Title: "t", Published: "2020", Lang: "en", Quote: "q", Via: "v", Note: "n", Wire: "w", Party: "AZE", Tier: "A"}, {Ref: "s"}}
		},
		func(e *geo.Event) { e.Sources = []geo.Source{{Ref: "r", Title: "Ağdam"}} },
		func(e *geo.Event) { e.Date = geo.DateSpec{} },
		func(e *geo.Event) { e.ID, e.From, e.To, e.Extent = "", "", "", "" },
	} {
		e := base
		e.Sources = slices.Clone(base.Sources)
		e.ID = fmt.Sprintf("odd-%d", i)
		change(&e)
		evs = append(evs, e)
	}
	// The synthetic events are written directly, with their shares.
	direct, shares := 0, 0
	for i := range synthEvs[:50] {
		if _, ok := store.AppendEvent(&synthEvs[i]); ok {
			direct++
			if synthEvs[i].Share != nil {
				shares++
			}
		}
	}
	if direct != 50 || shares == 0 {
		t.Errorf("%d of 50 synthetic events (%d with a share) were written directly", direct, shares)
	}
	enc, err := store.Encode(rs, evs)
	if err != nil {
		t.Fatal(err)
	}
	want, err := store.DataVersionMarshal(rs, evs)
	if err != nil {
		t.Fatal(err)
	}
	if enc.Version() != want {
		t.Fatalf("version %s, want %s (json.Marshal of each value)", enc.Version(), want)
	}
	for i := range evs {
		a, _ := json.Marshal(evs[i])
		b := store.EncodedEvent(enc, i)
		if string(a) != string(b) {
			t.Fatalf("event %s: encoded %s, json.Marshal %s", evs[i].ID, b, a)
		}
	}
	if enc.Events() != len(evs) {
		t.Errorf("Events() = %d, want %d", enc.Events(), len(evs))
	}
}

// Each import keeps the ledger it replaced; a staged import reads it
// before its batches, and again if an edit moved the data on meanwhile.
func TestStagedImportKeepsThePreviousLedger(t *testing.T) {
	rs, evs := synthWorld(t)
	db := createAt(t, "x.db", store.Options{})
	first := evs[:len(evs)/2]
	v1, _, err := db.Import(rs, first)
	if err != nil {
		t.Fatal(err)
	}
	edited := false
	store.SetImportBatch(t, 16<<10, func(batch int) error {
		if batch != 1 {
			return nil
		}
		// An edit lands between the batches: the last event goes.
		_, err := db.ApplyEdit(service.Edit{Action: service.ActionDelete, ID: first[len(first)-1].ID,
			Actor: "test", ExpectVersion: v1, Time: time.Unix(1e9, 0).UTC()})
		edited = err == nil
		return err
	})
	if _, _, err := db.Import(rs, evs); err != nil {
		t.Fatal(err)
	}
	if !edited {
		t.Fatal("the edit did not go through")
	}
	store.SetImportBatch(t, 16<<10, nil)
	if _, _, err := db.Import(rs, first[:10]); err != nil {
		t.Fatal(err)
	}
	revs, err := db.RevisionsAfter(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var kept [][]geo.Event
	for _, r := range revs {
		if r.Action == service.ActionImport && r.HadPrevious {
			kept = append(kept, r.PreviousEvents)
		}
	}
	// Newest first: the whole world, then the first half less the event
	// the edit deleted.
	want := [][]geo.Event{evs, first[:len(first)-1]}
	if len(kept) != len(want) {
		t.Fatalf("%d imports kept a previous ledger, want %d", len(kept), len(want))
	}
	for i := range want {
		if len(kept[i]) != len(want[i]) {
			t.Fatalf("import %d kept %d events, want %d", i, len(kept[i]), len(want[i]))
		}
		for j := range want[i] {
			a, _ := json.Marshal(kept[i][j])
			b, _ := json.Marshal(want[i][j])
			if string(a) != string(b) {
				t.Fatalf("import %d, event %d: kept %s, want %s", i, j, a, b)
			}
		}
	}
}

// A staged import of the data the file holds writes nothing.
func TestStagedImportOfTheSameDataWritesNothing(t *testing.T) {
	rs, evs := synthWorld(t)
	store.SetImportBatch(t, 16<<10, nil)
	db := createAt(t, "x.db", store.Options{})
	v1, changed, err := db.Import(rs, evs)
	if err != nil || !changed {
		t.Fatalf("first import: changed %v, %v", changed, err)
	}
	before := dump(t, db)
	v2, changed, err := db.Import(rs, evs)
	if err != nil || changed || v2 != v1 {
		t.Fatalf("second import: changed %v, version %s (first %s), %v", changed, v2, v1, err)
	}
	if !maps.Equal(before, dump(t, db)) {
		t.Error("importing the same data again changed the file")
	}
}
