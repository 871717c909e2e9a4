package geo

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
)

// deferred is the part of a History built by NewDeferredHistory that is
// filled on first use: the events, periods and their indexes, which with
// a million events are most of a gigabyte and seconds of decoding.
type deferred struct {
	once   sync.Once
	load   func() (*History, error)
	err    error
	events int // the ledger's length, known without it
	read   atomic.Bool
}

// NewDeferredHistory makes a History that knows its regions and change
// days at once and reads everything else (events, periods) through load
// the first time a method needs it. A store that keeps the change days
// and a period index beside the ledger answers snapshots from them (see
// service) without ever calling load; other questions pay for the whole
// history once. load must return the History of the same data: its
// regions in the same order and its change days equal to changes.
//
// The regions are checked as NewHistoryWith checks them.
func NewDeferredHistory(regions []Region, changes []Day, events int, opt HistoryOptions, load func() (*History, error)) (*History, error) {
	h := &History{regionIdx: make(map[string]*Region, len(regions)), changes: changes, lazy: &deferred{load: load, events: events}}
	if err := h.addRegions(regions, opt); err != nil {
		return nil, err
	}
	return h, nil
}

// EventCount is len(Events()), without reading a deferred history.
func (h *History) EventCount() int {
	if h.lazy != nil {
		return h.lazy.events
	}
	return len(h.events)
}

// IsDeferred reports whether h was made by NewDeferredHistory (whether or
// not its events have been read since).
func (h *History) IsDeferred() bool { return h.lazy != nil }

// LedgerRead reports whether a deferred history has read its events (a
// question needed more than the regions and change days); false for one
// that has not, and for a History that was never deferred. Tests use it
// to hold answers that should come from a store's index to that.
func (h *History) LedgerRead() bool { return h.lazy != nil && h.lazy.read.Load() }

// ensure reads the deferred part once. A History that cannot be read
// back panics: its data passed validation when written, so failing now
// means the file changed or broke underneath, which no answer can hide.
func (h *History) ensure() {
	if h.lazy == nil {
		return
	}
	h.lazy.once.Do(func() {
		h.lazy.read.Store(true)
		full, err := h.lazy.load()
		if err == nil {
			err = h.adopt(full)
		}
		h.lazy.err = err
	})
	if h.lazy.err != nil {
		panic(fmt.Sprintf("reading the deferred history: %v", h.lazy.err))
	}
}

// adopt takes full's events and periods, keeping h's own regions (which
// callers already hold) after checking that both list the same ones.
func (h *History) adopt(full *History) error {
	if len(full.regions) != len(h.regions) {
		return fmt.Errorf("%d regions read back, %d expected", len(full.regions), len(h.regions))
	}
	for i, r := range full.regions {
		if r.ID != h.regions[i].ID {
			return fmt.Errorf("region %d is %q, %q expected", i, r.ID, h.regions[i].ID)
		}
	}
	if len(full.events) != h.lazy.events {
		return fmt.Errorf("%d events read back, the index counted %d", len(full.events), h.lazy.events)
	}
	if !slices.Equal(full.changes, h.changes) {
		return fmt.Errorf("the change days read back differ from the index's")
	}
	for _, e := range full.events {
		if r, ok := h.regionIdx[e.Region]; ok {
			e.Region = r.ID
		}
	}
	h.events, h.ledger, h.eventIdx = full.events, full.ledger, full.eventIdx
	h.byRegion, h.regionEvents, h.periods, h.ends = full.byRegion, full.regionEvents, full.periods, full.ends
	return nil
}
