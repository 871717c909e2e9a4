package service_test

import (
	"fmt"
	"github.com/mapsvc/mapsvc/internal/cpubench"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
)

// editedService applies n edits to one event, one second apart from
// base, each setting the event's notes to "edit i".
func editedService(t testing.TB, n int, base time.Time) (*service.Service, string) {
	t.Helper()
	s := newService(t)
	id := s.View().History.LedgerOrder()[5].ID
	for i := 0; i < n; i++ {
		e, err := s.View().History.Event(id)
		if err != nil {
			t.Fatal(err)
		}
		c := *e
		c.Sources = slices.Clone(e.Sources)
		c.Notes = fmt.Sprintf("edit %d", i)
		if _, _, err := s.Write(service.Edit{Action: service.ActionUpdate, ID: id, Event: &c, Actor: "test", Time: base.Add(time.Duration(i+1) * time.Second)}); err != nil {
			t.Fatalf("edit %d: %v", i, err)
		}
	}
	return s, id
}

func notesAsOf(t testing.TB, s *service.Service, id string, at time.Time) string {
	t.Helper()
	v, err := s.AsOf(at)
	if err != nil {
		t.Fatalf("AsOf(%s): %v", at, err)
	}
	e, err := v.History.Event(id)
	if err != nil {
		t.Fatal(err)
	}
	return e.Notes
}

// After 1,000 edits an as_of read answers what was served then, and a
// repeated or nearby instant costs about a snapshot (well under 5 ms).
func TestAsOfAfterAThousandEdits(t *testing.T) {
	// Edits are dated after the import that seeded the store.
	base := time.Now().UTC().Add(time.Minute).Truncate(time.Second)
	s, id := editedService(t, 1000, base)
	for _, i := range []int{0, 1, 499, 998} {
		// Half a second after edit i (at base+i+1 s) it was in force.
		at := base.Add(time.Duration(i+1)*time.Second + 500*time.Millisecond)
		if got, want := notesAsOf(t, s, id, at), fmt.Sprintf("edit %d", i); got != want {
			t.Errorf("as of edit %d: notes %q, want %q", i, got, want)
		}
	}
	if got := notesAsOf(t, s, id, base.Add(2000*time.Second)); got != "edit 999" {
		t.Errorf("as of now: notes %q, want the latest edit", got)
	}
	// Timed: instants in 20 intervals, each asked 10 times at different
	// moments inside it, each followed by the snapshot the route sends.
	var took, first []time.Duration
	for r := 0; r < 10; r++ {
		for k := 0; k < 20; k++ {
			at := base.Add(time.Duration(50*k+1)*time.Second + time.Duration(r*90)*time.Millisecond)
			start := time.Now()
			v, err := s.AsOf(at)
			if err == nil {
				_, err = v.SnapshotDay(geo.DayOf(2020, 11, 25), geo.LangEN)
			}
			if err != nil {
				t.Fatal(err)
			}
			if r > 0 {
				took = append(took, time.Since(start))
			} else {
				first = append(first, time.Since(start))
			}
		}
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	median, p99 := took[len(took)/2], took[len(took)*99/100]
	sort.Slice(first, func(i, j int) bool { return first[i] < first[j] })
	t.Logf("as_of after 1000 edits: repeated intervals median %s, p99 %s (%d reads); first read of an interval median %s", median, p99, len(took), first[len(first)/2])
	if median > 5*time.Millisecond {
		t.Errorf("as_of median %s, want under 5 ms", median)
	}
}

func BenchmarkAsOfAfterAThousandEdits(b *testing.B) {
	base := time.Now().UTC().Add(time.Minute).Truncate(time.Second)
	s, _ := editedService(b, 1000, base)
	at := base.Add(500*time.Second + 250*time.Millisecond)
	if _, err := s.AsOf(at); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		v, err := s.AsOf(at)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := v.SnapshotDay(geo.DayOf(2020, 11, 25), geo.LangEN); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAsOfRandomInstants: as_of reads at random instants among 1,000
// edits, each followed by the snapshot the route sends. Most instants
// fall in an interval not read before (32 past views are kept), so this
// is the cost of a first read: undoing the later edits from the
// in-memory log, building the view and its snapshot.
func BenchmarkAsOfRandomInstants(b *testing.B) {
	base := time.Now().UTC().Add(time.Minute).Truncate(time.Second)
	s, _ := editedService(b, 1000, base)
	rng := rand.New(rand.NewPCG(1, 2))
	d := geo.DayOf(2020, 11, 25)
	if _, err := s.AsOf(base.Add(time.Second)); err != nil { // loads the edit log
		b.Fatal(err)
	}
	b.ReportAllocs()
	defer cpubench.Report(b)()
	for b.Loop() {
		at := base.Add(time.Duration(rng.Int64N(int64(1000 * time.Second))))
		v, err := s.AsOf(at)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := v.SnapshotDay(d, geo.LangEN); err != nil {
			b.Fatal(err)
		}
	}
}
