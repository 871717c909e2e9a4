package seeds_test

import (
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
)

// A region's holder is "uncertain" only when it may be one side or the
// other: a window whose candidates are one and the same holder would tell
// readers the holder is in doubt when only the extent is.
func TestNoUncertainHolderWithOneCandidateTwice(t *testing.T) {
	h := ledgertest.History(t)
	for _, p := range h.AllPeriods() {
		s := p.State
		if s.Status != geo.StatusUncertain {
			continue
		}
		if len(s.Candidates) == 2 && s.Candidates[0] == s.Candidates[1] {
			t.Errorf("%s from %s to %s: uncertain between %s and %s (event %s)", p.Region, p.Start, p.End, s.Candidates[0], s.Candidates[1], p.StartEvent)
		}
		if len(s.Candidates) == 0 {
			t.Errorf("%s from %s: uncertain without candidates (event %s)", p.Region, p.Start, p.StartEvent)
		}
	}
}

// Shares are shown as the ledger writes them, not as float arithmetic
// leaves them.
func TestSharesHaveFewDecimals(t *testing.T) {
	h := ledgertest.History(t)
	for _, p := range h.AllPeriods() {
		for _, hd := range p.State.Holders {
			if hd.Share == nil {
				continue
			}
			if x := *hd.Share * 1000; x != float64(int64(x+0.5)) && x != float64(int64(x)) {
				t.Errorf("%s from %s: %s share %v has more than three decimals", p.Region, p.Start, hd.Controller, *hd.Share)
			}
		}
	}
}
