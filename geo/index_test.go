package geo_test

import (
	"reflect"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/internal/synth"
)

// EachState (the snapshot index) agrees with StateAt, the per-region
// search over periods, on every change day, the day before it and the
// day after, for the ledger and for a synthetic world with imprecise
// windows and partial changes.
func TestEachStateMatchesStateAt(t *testing.T) {
	rs, events := ledgertest.Data(t)
	syn := synth.Regions(40, 7)
	for name, data := range map[string]struct {
		regions []geo.Region
		events  []geo.Event
	}{"ledger": {rs, events}, "synthetic": {syn, synth.Events(syn, 60, 7)}} {
		h, err := geo.NewHistory(data.regions, data.events)
		if err != nil {
			t.Fatal(name, err)
		}
		days := []geo.Day{geo.DayOf(1900, 1, 1), geo.DayOf(2100, 1, 1)}
		for _, d := range h.ChangeDays() {
			days = append(days, d-1, d, d+1)
		}
		for _, d := range days {
			var got []geo.RegionState
			h.EachState(d, func(_ int, r *geo.Region, s *geo.State) { got = append(got, geo.RegionState{Region: r, State: *s}) })
			var want []geo.RegionState
			for _, r := range h.Regions() {
				if r.Role != geo.RoleNeighbour {
					want = append(want, geo.RegionState{Region: r, State: h.StateAt(r, d)})
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s %s: EachState and StateAt disagree", name, d)
			}
		}
	}
}
