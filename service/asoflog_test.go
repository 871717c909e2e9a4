package service_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/store"
)

// contextEvent is a valid event that changes nobody's control.
func contextEvent(id string, note string) *geo.Event {
	return &geo.Event{ID: id, Date: geo.DateSpec{Text: "2031-01-01"}, Kind: "political", Confidence: "low",
		Summary: "as_of test " + note, Sources: []geo.Source{{Ref: "https://example.org/" + id, Outlet: "Example"}}}
}

// randomEdits applies n random creates, updates and deletes, at times
// from base on, mostly one second apart, some at the same second and a
// few earlier than the one before (a clock set back). It returns the
// times of the edits that were written.
func randomEdits(t testing.TB, s *service.Service, n int, base time.Time, rng *rand.Rand) []time.Time {
	t.Helper()
	var times []time.Time
	at := base
	created := 0
	for i := 0; i < n; i++ {
		switch k := rng.IntN(20); {
		case k == 0:
			at = at.Add(-3 * time.Second)
		case k < 3:
		default:
			at = at.Add(time.Second)
		}
		ledger := s.View().History.LedgerOrder()
		var ed service.Edit
		switch k := rng.IntN(10); {
		case k < 3:
			created++
			ed = service.Edit{Action: service.ActionCreate, ID: fmt.Sprintf("asof-%d", created)}
			ed.Event = contextEvent(ed.ID, fmt.Sprint(i))
		case k < 5:
			e := ledger[rng.IntN(len(ledger))]
			ed = service.Edit{Action: service.ActionDelete, ID: e.ID}
		default:
			e := ledger[rng.IntN(len(ledger))]
			c := *e
			c.Sources = slices.Clone(e.Sources)
			c.Notes = fmt.Sprintf("edit %d", i)
			ed = service.Edit{Action: service.ActionUpdate, ID: e.ID, Event: &c}
		}
		ed.Actor, ed.Time = "test", at
		if _, _, err := s.Write(ed); err != nil {
			// Deleting an event others build on is refused: no edit.
			if !errors.Is(err, geo.ErrInvalid) && !errors.As(err, new(*geo.ConflictError)) {
				t.Fatalf("edit %d (%s %s): %v", i, ed.Action, ed.ID, err)
			}
			continue
		}
		times = append(times, at)
	}
	return times
}

// countingStore counts the reads of stored revisions.
type countingStore struct {
	*store.DB
	reads int
}

func (c *countingStore) RevisionsAfter(t time.Time) ([]service.Revision, error) {
	c.reads++
	return c.DB.RevisionsAfter(t)
}

// The edit log answers as_of as undoing the stored revisions does, at
// edit times, between them, before the first edit and before the import;
// only instants before the import read the stored revisions.
func TestAsOfFromLogMatchesStoredRevisions(t *testing.T) {
	db, err := store.Create(filepath.Join(t.TempDir(), "s.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ds := dataset(t)
	if _, _, err := db.Import(ds.Regions, ds.Events); err != nil {
		t.Fatal(err)
	}
	cs := &countingStore{DB: db}
	s, err := service.New(cs)
	if err != nil {
		t.Fatal(err)
	}
	base := time.Now().UTC().Add(time.Minute).Truncate(time.Second)
	rng := rand.New(rand.NewPCG(13, 5))
	times := randomEdits(t, s, 200, base, rng)
	if len(times) < 100 {
		t.Fatalf("only %d of 200 edits written", len(times))
	}
	instants := []time.Time{base.Add(-time.Hour * 24 * 365), base.Add(-time.Second), base, times[len(times)-1].Add(time.Hour)}
	for range 100 {
		at := times[rng.IntN(len(times))]
		switch rng.IntN(3) {
		case 0:
			at = at.Add(-time.Duration(rng.IntN(1000)) * time.Millisecond)
		case 1:
			at = at.Add(time.Duration(rng.IntN(1000)) * time.Millisecond)
		}
		instants = append(instants, at)
	}
	d := geo.DayOf(2020, 11, 25)
	fast := 0
	for i, at := range instants {
		want, werr := s.AsOfFromStore(at)
		reads := cs.reads
		got, gerr := s.AsOf(at)
		if beforeImport := i == 0; cs.reads != reads && !beforeImport {
			t.Errorf("as of %s: read the stored revisions", at)
		}
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("as of %s: got error %v, want %v", at, gerr, werr)
		}
		if werr != nil {
			if !errors.Is(gerr, service.ErrNoPast) {
				t.Errorf("as of %s: %v, want ErrNoPast", at, gerr)
			}
			continue
		}
		if got.Version != want.Version {
			t.Fatalf("as of %s: version %s, want %s", at, got.Version, want.Version)
		}
		if !reflect.DeepEqual(got.History.LedgerOrder(), want.History.LedgerOrder()) {
			t.Fatalf("as of %s: the ledgers differ", at)
		}
		gs, err := got.SnapshotDay(d, geo.LangEN)
		if err != nil {
			t.Fatal(err)
		}
		ws, err := want.SnapshotDay(d, geo.LangEN)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(gs.Bytes(), ws.Bytes()) || !bytes.Equal(gs.Gzip(), ws.Gzip()) {
			t.Fatalf("as of %s: the snapshots differ", at)
		}
		if got != s.View() {
			fast++
		}
	}
	if fast < 60 {
		t.Errorf("only %d instants answered by a past view", fast)
	}
}
