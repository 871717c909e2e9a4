package geo_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/internal/synth"
)

// Every region's period record gives back each period's state exactly,
// and finds the same period for a day as EachPeriod does: on the ledger
// and on a synthetic world with windows and partial changes.
func TestPeriodRecordRoundTrip(t *testing.T) {
	rs, events := ledgertest.Data(t)
	syn := synth.Regions(40, 7)
	for name, data := range map[string]struct {
		regions []geo.Region
		events  []geo.Event
	}{"ledger": {rs, events}, "synthetic": {syn, synth.Events(syn, 30, 7)}} {
		h, err := geo.NewHistory(data.regions, data.events)
		if err != nil {
			t.Fatal(err)
		}
		records := map[string]geo.PeriodRecord{}
		var (
			buf  geo.StateBuffer
			pbuf geo.PeriodBuffer
		)
		for _, r := range h.Regions() {
			ps := h.Periods(r.ID)
			var ids []string
			for _, e := range h.FindEvents(geo.EventFilter{Region: r.ID}) {
				ids = append(ids, e.ID)
			}
			pr, err := geo.ParsePeriodRecord(geo.AppendPeriodRecord(nil, ps, ids))
			if err != nil {
				t.Fatalf("%s %s: %v", name, r.ID, err)
			}
			gotIDs, err := pr.EventIDs()
			if err != nil || len(gotIDs) != len(ids) || (len(ids) > 0 && !reflect.DeepEqual(gotIDs, ids)) {
				t.Fatalf("%s %s: event ids %v (%v), want %v", name, r.ID, gotIDs, err, ids)
			}
			if pr.Len() != len(ps) {
				t.Fatalf("%s %s: %d periods, want %d", name, r.ID, pr.Len(), len(ps))
			}
			for i := range ps {
				s, err := pr.State(i)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(s, ps[i].State) {
					t.Fatalf("%s %s period %d:\n got %+v\nwant %+v", name, r.ID, i, s, ps[i].State)
				}
				// In place, with the buffer of the period before.
				in, err := pr.StateInto(i, &buf)
				if err != nil {
					t.Fatal(err)
				}
				if !sameState(*in, ps[i].State) {
					t.Fatalf("%s %s period %d in place:\n got %+v\nwant %+v", name, r.ID, i, *in, ps[i].State)
				}
				// The whole period, bounds and their events included.
				p, err := pr.PeriodInto(i, r.ID, &pbuf)
				if err != nil {
					t.Fatal(err)
				}
				got, want := *p, ps[i]
				if !sameState(got.State, want.State) {
					t.Fatalf("%s %s period %d whole: state %+v, want %+v", name, r.ID, i, got.State, want.State)
				}
				got.State, want.State = geo.State{}, geo.State{}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s %s period %d whole:\n got %+v\nwant %+v", name, r.ID, i, got, want)
				}
				// Decoded into a Period of its own.
				own, err := pr.Period(i, r.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !sameState(own.State, ps[i].State) {
					t.Fatalf("%s %s period %d owned: state %+v, want %+v", name, r.ID, i, own.State, ps[i].State)
				}
				own.State = geo.State{}
				if !reflect.DeepEqual(own, want) {
					t.Fatalf("%s %s period %d owned:\n got %+v\nwant %+v", name, r.ID, i, own, want)
				}
			}
			records[r.ID] = pr
		}
		days := h.ChangeDays()
		for _, c := range days {
			for _, d := range []geo.Day{c - 1, c, c + 1} {
				h.EachPeriod(d, 0, len(h.Regions()), func(_ int, r *geo.Region, _ *geo.State, pi int) {
					if r.Role != geo.RoleConflict {
						return
					}
					if got := records[r.ID].At(d); got != pi {
						t.Fatalf("%s %s on %s: period %d, want %d", name, r.ID, d, got, pi)
					}
				})
			}
		}
		if len(days) > 0 {
			got, err := geo.ParseDays(geo.AppendDays(nil, days))
			if err != nil || !reflect.DeepEqual(got, days) {
				t.Fatalf("%s: change days do not round-trip: %v", name, err)
			}
		}
	}
}

// A damaged or foreign record is an error, never a panic or a wrong state.
func TestPeriodRecordRejectsDamage(t *testing.T) {
	syn := synth.Regions(1, 3)
	h, err := geo.NewHistory(syn, synth.Events(syn, 20, 3))
	if err != nil {
		t.Fatal(err)
	}
	rec := geo.AppendPeriodRecord(nil, h.Periods(syn[0].ID), nil)
	if _, err := geo.ParsePeriodRecord(append([]byte{99}, rec[1:]...)); !errors.Is(err, geo.ErrPeriodRecord) {
		t.Fatalf("another version: %v", err)
	}
	for cut := 1; cut < len(rec); cut += 7 {
		pr, err := geo.ParsePeriodRecord(rec[:cut])
		if err != nil {
			continue
		}
		bad := false
		var buf geo.PeriodBuffer
		for i := range pr.Len() {
			if _, err := pr.State(i); err != nil {
				bad = true
			}
			if _, err := pr.PeriodInto(i, syn[0].ID, &buf); err != nil {
				bad = true
			}
		}
		if !bad {
			t.Fatalf("a record cut to %d of %d bytes decoded whole", cut, len(rec))
		}
	}
}

// sameState is reflect.DeepEqual with empty and nil slices alike (a
// reused buffer keeps its empty slices).
func sameState(a, b geo.State) bool {
	for _, s := range []*geo.State{&a, &b} {
		if len(s.Holders) == 0 {
			s.Holders = nil
		}
		if len(s.Candidates) == 0 {
			s.Candidates = nil
		}
		if len(s.EventIDs) == 0 {
			s.EventIDs = nil
		}
	}
	return reflect.DeepEqual(a, b)
}
