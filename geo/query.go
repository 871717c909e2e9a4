package geo

import (
	"fmt"
	"sort"
)

// Regions returns every region in ledger order.
func (h *History) Regions() []*Region { return h.regions }

// Region returns one region or ErrNotFound.
func (h *History) Region(id string) (*Region, error) {
	if r, ok := h.regionIdx[id]; ok {
		return r, nil
	}
	return nil, fmt.Errorf("%w: region %q", ErrNotFound, id)
}

// Events returns every event, oldest first.
func (h *History) Events() []*Event {
	h.ensure()
	return h.events
}

// LedgerOrder returns every event in the order it was given, which decides
// how same-day events apply.
func (h *History) LedgerOrder() []*Event {
	h.ensure()
	return h.ledger
}

// Event returns one event or ErrNotFound.
func (h *History) Event(id string) (*Event, error) {
	h.ensure()
	if e, ok := h.eventIdx[id]; ok {
		return e, nil
	}
	return nil, fmt.Errorf("%w: event %q", ErrNotFound, id)
}

// EventFilter selects events; zero fields select everything.
type EventFilter struct {
	Region   string
	From, To *Day // inclusive; an event matches when its window meets [From, To]
}

// FindEvents returns the events matching f, oldest first.
func (h *History) FindEvents(f EventFilter) []*Event {
	h.ensure()
	var out []*Event
	evs := h.events
	if f.Region != "" {
		evs = h.regionEvents[f.Region]
	}
	for _, e := range evs {
		if f.Region != "" && e.Region != f.Region {
			continue
		}
		if f.From != nil && e.Date.Last < *f.From {
			continue
		}
		if f.To != nil && e.Date.First > *f.To {
			continue
		}
		out = append(out, e)
	}
	return out
}

// Periods returns a region's control periods, oldest first.
func (h *History) Periods(region string) []Period {
	h.ensure()
	return h.periods[region]
}

// AllPeriods returns every region's periods in region order.
func (h *History) AllPeriods() []Period {
	h.ensure()
	var out []Period
	for _, r := range h.regions {
		out = append(out, h.periods[r.ID]...)
	}
	return out
}

// StateAt returns a region's state at the end of day d.
func (h *History) StateAt(r *Region, d Day) State {
	h.ensure()
	switch r.Role {
	case RoleContext:
		return contextState(r)
	case RoleNeighbour:
		return State{Status: StatusUnknown}
	}
	ps := h.periods[r.ID]
	i := sort.Search(len(ps), func(i int) bool { return ps[i].Open || ps[i].End > d })
	if i < len(ps) && ps[i].Contains(d) {
		return ps[i].State
	}
	return State{Status: StatusUnknown}
}

// ContextState is the state of a context region on every day: its
// baseline holder, whole and firm.
func ContextState(r *Region) State { return contextState(r) }

func contextState(r *Region) State {
	return State{Status: StatusFirm, ExtentStatus: StatusFirm, Controller: r.Baseline, Extent: ExtentWhole, Holders: wholeHolding(r.Baseline)}
}

var unknownState = State{Status: StatusUnknown}

// EachState calls fn with every region but neighbours, in region order
// (i is the region's index in Regions), and its state at the end of day
// d: what Snapshot returns, without copying the states. fn must not
// change the State; it may keep the pointer, which stays valid as long as
// the History.
func (h *History) EachState(d Day, fn func(i int, r *Region, s *State)) {
	h.EachPeriod(d, 0, len(h.regions), func(i int, r *Region, s *State, _ int) { fn(i, r, s) })
}

// EachPeriod is EachState over the regions from..to-1 (indexes in
// Regions), also giving the index in Periods(r.ID) of the period whose
// state s is, or -1 where none holds (unknown, or a context region, whose
// state never changes). Two days give a region the same state exactly
// when they give it the same period index.
func (h *History) EachPeriod(d Day, from, to int, fn func(i int, r *Region, s *State, period int)) {
	h.ensure()
	for i := from; i < to; i++ {
		r := h.regions[i]
		switch r.Role {
		case RoleNeighbour:
			continue
		case RoleContext:
			s := contextState(r)
			fn(i, r, &s, -1)
			continue
		}
		// The first period that ends after d (sort.Search, by hand).
		ends := h.ends[i]
		lo, hi := 0, len(ends)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if ends[m] > d {
				hi = m
			} else {
				lo = m + 1
			}
		}
		if lo < len(ends) {
			if p := &h.periods[r.ID][lo]; p.Start <= d {
				fn(i, r, &p.State, lo)
				continue
			}
		}
		fn(i, r, &unknownState, -1)
	}
}

// ChangeDays returns the sorted days on which any snapshot changes.
func (h *History) ChangeDays() []Day { return h.changes }

// Epoch numbers the stretch of days that share one snapshot: every day
// with the same epoch has the same snapshot. It is the number of change
// days on or before d.
func (h *History) Epoch(d Day) int {
	return sort.Search(len(h.changes), func(i int) bool { return h.changes[i] > d })
}

// EpochSpan returns the change days that bound epoch e: last is the latest
// change on or before its days, next the first after. ok flags say whether
// each exists.
func (h *History) EpochSpan(e int) (last Day, hasLast bool, next Day, hasNext bool) {
	if e > 0 && e <= len(h.changes) {
		last, hasLast = h.changes[e-1], true
	}
	if e >= 0 && e < len(h.changes) {
		next, hasNext = h.changes[e], true
	}
	return
}

// RegionState pairs a region with its state on a day.
type RegionState struct {
	Region *Region
	State  State
}

// Snapshot is every tracked region's state at the end of one day.
type Snapshot struct {
	Date    Day
	Epoch   int
	Regions []RegionState
}

// Snapshot returns the state of every Azerbaijani unit at the end of d.
// Neighbour outlines are left out: the ledger says nothing of them.
func (h *History) Snapshot(d Day) Snapshot {
	s := Snapshot{Date: d, Epoch: h.Epoch(d), Regions: make([]RegionState, 0, len(h.regions))}
	h.EachState(d, func(_ int, r *Region, st *State) {
		s.Regions = append(s.Regions, RegionState{Region: r, State: *st})
	})
	return s
}

// RegionChange is one region whose state differs between two days.
type RegionChange struct {
	Region        *Region
	Before, After State
}

// Changes lists the regions whose holder, status or extent differs between
// the ends of days from and to, and the events whose windows end in
// (from, to].
func (h *History) Changes(from, to Day) ([]RegionChange, []*Event) {
	h.ensure()
	var regions []RegionChange
	for _, r := range h.regions {
		if r.Role != RoleConflict {
			continue
		}
		a, b := h.StateAt(r, from), h.StateAt(r, to)
		if a.Status != b.Status || a.Controller != b.Controller || a.Extent != b.Extent || a.ExtentStatus != b.ExtentStatus || !sameEvents(a, b) {
			regions = append(regions, RegionChange{Region: r, Before: a, After: b})
		}
	}
	var events []*Event
	for _, e := range h.events {
		if e.Controlling() && e.Date.Last > from && e.Date.Last <= to {
			events = append(events, e)
		}
	}
	return regions, events
}

// sameEvents reports whether two states were shaped by the same events:
// a partial change can alter the holders' shares without moving the
// majority, the status or the extent.
func sameEvents(a, b State) bool {
	if len(a.EventIDs) != len(b.EventIDs) {
		return false
	}
	for i := range a.EventIDs {
		if a.EventIDs[i] != b.EventIDs[i] {
			return false
		}
	}
	return true
}
