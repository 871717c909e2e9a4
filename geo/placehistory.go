package geo

import (
	"fmt"
	"math"
	"sort"
)

// PlaceBasis says what a place's state on a day rests on.
type PlaceBasis string

// Bases of a place's state, from the strongest evidence to none.
const (
	// BasisPlaceEvent: the place's own latest event since its district
	// was last held whole.
	BasisPlaceEvent PlaceBasis = "place_event"
	// BasisDistrict: the district is held whole; every place in it has
	// the district's holder.
	BasisDistrict PlaceBasis = "district"
	// BasisNextEvent: the district is split and the place has no event
	// yet in this split, but its next event (in the same split) starts
	// from a holder: that side held it until then.
	BasisNextEvent PlaceBasis = "next_event"
	// BasisBeforeSplit: the district is split and no event of the place
	// falls in the split: the place is taken to have stayed with the
	// district's holder from before the split.
	BasisBeforeSplit PlaceBasis = "before_split"
	// BasisUnknown: nothing is known (before the ledger starts).
	BasisUnknown PlaceBasis = "unknown"
)

// PlaceState is what the ledgers say of one place at the end of one day.
type PlaceState struct {
	Status     Status
	Controller Controller // "" when unknown
	Candidates []Controller
	Basis      PlaceBasis
	// EventIDs are the events the state rests on: the place's own event
	// and the district event that opened the period, oldest first.
	EventIDs []string
}

// PlaceHistory is the gazetteer with its place-level events, checked
// against the district History.
//
// A place's state on day D (end of day):
//  1. If its district is held whole on D (firm), the place has the
//     district's holder (basis "district"). A place event inside such a
//     period must agree with it; the loader rejects one that does not.
//  2. Otherwise (the district is split, or its change is uncertain), the
//     place's latest control event dated since the district was last held
//     whole decides (basis "place_event"); inside the event's date window
//     the place is uncertain between the two holders.
//  3. With no such event, a later event of the place in the same split
//     tells who held it before: its `from` (basis "next_event").
//  4. Otherwise the place stays with the district's holder from before the
//     split (basis "before_split"), or is unknown before the ledger starts.
type PlaceHistory struct {
	h        *History
	places   []*Place
	idx      map[string]*Place
	inRegion map[string][]*Place
	events   []*Event // by date
	eventIdx map[string]*Event
	// control are each place's control events, oldest first; all are each
	// place's events of every kind.
	control map[string][]*Event
	all     map[string][]*Event
	changes []Day
}

// NewPlaceHistory validates places and place-level events against the
// district history h: known and well-formed places in known conflict-area
// regions, events naming known places of the event's region, and the two
// levels consistent: a place cannot change to one side while its district
// is held whole by the other (a ConflictError names both event ids), and
// each place's changes start from the holder its previous change left.
func NewPlaceHistory(h *History, places []Place, events []Event) (*PlaceHistory, error) {
	ph := &PlaceHistory{
		h: h, idx: map[string]*Place{}, inRegion: map[string][]*Place{},
		eventIdx: map[string]*Event{}, control: map[string][]*Event{}, all: map[string][]*Event{},
	}
	for i := range places {
		p := &places[i]
		if err := p.Validate(); err != nil {
			return nil, err
		}
		if _, dup := ph.idx[p.ID]; dup {
			return nil, fmt.Errorf("%w: place id %q appears twice", ErrInvalid, p.ID)
		}
		r, err := h.Region(p.Region)
		if err != nil || r.Role != RoleConflict {
			return nil, fmt.Errorf("%w: place %q: region %q is not a conflict-area region", ErrInvalid, p.ID, p.Region)
		}
		ph.idx[p.ID] = p
		ph.places = append(ph.places, p)
		ph.inRegion[p.Region] = append(ph.inRegion[p.Region], p)
	}
	// The places need only the regions; the events need the district
	// events too. Places of another world's districts (a synthetic world
	// on a period index) are refused above without reading its ledger.
	h.ensure()
	for i := range events {
		e := &events[i]
		if err := e.Validate(); err != nil {
			return nil, err
		}
		if _, dup := ph.eventIdx[e.ID]; dup {
			return nil, fmt.Errorf("%w: event id %q appears twice", ErrInvalid, e.ID)
		}
		if _, clash := h.eventIdx[e.ID]; clash {
			return nil, fmt.Errorf("%w: place event id %q is also a district event id", ErrInvalid, e.ID)
		}
		ids := e.PlaceIDs()
		if len(ids) == 0 {
			return nil, fmt.Errorf("%w: event %q names no place", ErrInvalid, e.ID)
		}
		if e.Controlling() && e.Kind == KindBaseline {
			return nil, fmt.Errorf("%w: event %q: a place has no baseline; it starts with its district's", ErrInvalid, e.ID)
		}
		if e.Controlling() && e.Extent != ExtentWhole {
			return nil, fmt.Errorf("%w: event %q: a place event is extent whole: the place changes hands", ErrInvalid, e.ID)
		}
		for _, id := range ids {
			p, ok := ph.idx[id]
			if !ok {
				return nil, fmt.Errorf("%w: event %q names unknown place %q", ErrInvalid, e.ID, id)
			}
			if e.Region != p.Region {
				return nil, fmt.Errorf("%w: event %q: place %q lies in %q, the event names region %q", ErrInvalid, e.ID, id, p.Region, e.Region)
			}
		}
		ph.eventIdx[e.ID] = e
		ph.events = append(ph.events, e)
	}
	sort.SliceStable(ph.events, func(i, j int) bool { return lessEvent(ph.events[i], ph.events[j]) })
	days := map[Day]bool{}
	for _, e := range ph.events {
		for _, id := range e.PlaceIDs() {
			ph.all[id] = append(ph.all[id], e)
			if e.Controlling() {
				ph.control[id] = append(ph.control[id], e)
			}
		}
		if e.Controlling() {
			days[e.Date.First], days[e.Date.Last] = true, true
		}
	}
	for id, evs := range ph.control {
		if err := ph.checkPlace(ph.idx[id], evs); err != nil {
			return nil, err
		}
	}
	for _, d := range h.ChangeDays() {
		days[d] = true
	}
	for d := range days {
		ph.changes = append(ph.changes, d)
	}
	sort.Slice(ph.changes, func(i, j int) bool { return ph.changes[i] < ph.changes[j] })
	return ph, nil
}

// checkPlace checks one place's control events against each other and
// against its district.
func (ph *PlaceHistory) checkPlace(p *Place, evs []*Event) error {
	for i, e := range evs {
		// After the change the district must not be held whole by the
		// other side.
		if per := ph.periodAt(p.Region, e.Date.Last); per != nil && wholeFirm(per.State) && per.State.Controller != e.To {
			return &ConflictError{Event: e.ID, With: per.StartEvent, Reason: fmt.Sprintf(
				"it leaves %s with %s, but %s holds the whole of %s then", p.ID, e.To, per.State.Controller, p.Region)}
		}
		// Before it the district must not be held whole by someone other
		// than the side it starts from.
		if per := ph.periodAt(p.Region, e.Date.First-1); per != nil && wholeFirm(per.State) && per.State.Controller != e.From {
			return &ConflictError{Event: e.ID, With: per.StartEvent, Reason: fmt.Sprintf(
				"it takes %s from %s, but %s holds the whole of %s before it", p.ID, e.From, per.State.Controller, p.Region)}
		}
		if i == 0 {
			continue
		}
		prev := evs[i-1]
		if e.Date.First < prev.Date.Last {
			return &ConflictError{Event: e.ID, With: prev.ID, Reason: fmt.Sprintf("for %s its date window %s overlaps %s", p.ID, e.Date, prev.Date)}
		}
		// Only within one split: a whole-district period in between
		// resets the place to the district's holder.
		if ph.splitStart(p.Region, e.Date.First) <= prev.Date.Last && prev.To != e.From {
			return &ConflictError{Event: e.ID, With: prev.ID, Reason: fmt.Sprintf("it takes %s from %s, but %q left it with %s", p.ID, e.From, prev.ID, prev.To)}
		}
	}
	return nil
}

func wholeFirm(s State) bool { return s.Status == StatusFirm && s.Extent == ExtentWhole }

// periodAt returns the district period that holds at the end of day d.
func (ph *PlaceHistory) periodAt(region string, d Day) *Period {
	ps := ph.h.periods[region]
	i := sort.Search(len(ps), func(i int) bool { return ps[i].Open || ps[i].End > d })
	if i < len(ps) && ps[i].Contains(d) {
		return &ps[i]
	}
	return nil
}

// splitStart returns the first day after the district's last firm whole
// period that began on or before d: place events dated before it are
// overridden by that whole period. It is the minimum Day when the district
// was never held whole before d.
func (ph *PlaceHistory) splitStart(region string, d Day) Day {
	start := Day(-1 << 31)
	for _, p := range ph.h.periods[region] {
		if p.Start > d {
			break
		}
		if wholeFirm(p.State) {
			if p.Contains(d) {
				return p.Start
			}
			start = p.End
		}
	}
	return start
}

// splitEnd returns the first day of the district's next firm whole period
// after d, or the maximum Day when there is none.
func (ph *PlaceHistory) splitEnd(region string, d Day) Day {
	for _, p := range ph.h.periods[region] {
		if p.Start > d && wholeFirm(p.State) {
			return p.Start
		}
	}
	return Day(math.MaxInt32)
}

// StateAt returns a place's state at the end of day d (see PlaceHistory).
func (ph *PlaceHistory) StateAt(p *Place, d Day) PlaceState {
	per := ph.periodAt(p.Region, d)
	if per == nil {
		return PlaceState{Status: StatusUnknown, Basis: BasisUnknown}
	}
	if wholeFirm(per.State) {
		return PlaceState{Status: StatusFirm, Controller: per.State.Controller, Basis: BasisDistrict, EventIDs: []string{per.StartEvent}}
	}
	start := ph.splitStart(p.Region, d)
	var last, next *Event
	for _, e := range ph.control[p.ID] {
		if e.Date.Last < start {
			continue
		}
		if e.Date.First <= d {
			last = e
		} else {
			next = e
			break
		}
	}
	if last != nil {
		s := PlaceState{Status: StatusFirm, Controller: last.To, Basis: BasisPlaceEvent, EventIDs: []string{last.ID}}
		if d < last.Date.Last {
			s.Status, s.Controller, s.Candidates = StatusUncertain, last.From, []Controller{last.From, last.To}
		}
		return s
	}
	if next != nil && (ph.splitStart(p.Region, next.Date.First) == start || next.Date.First <= ph.splitEnd(p.Region, d)) {
		return PlaceState{Status: StatusFirm, Controller: next.From, Basis: BasisNextEvent, EventIDs: []string{next.ID}}
	}
	if per.State.Status == StatusUncertain {
		return PlaceState{Status: StatusUncertain, Controller: per.State.Controller, Candidates: per.State.Candidates, Basis: BasisDistrict, EventIDs: []string{per.StartEvent}}
	}
	// The holder from before the split: the last firm whole period.
	if before := ph.periodAt(p.Region, start-1); before != nil && wholeFirm(before.State) {
		return PlaceState{Status: StatusFirm, Controller: before.State.Controller, Basis: BasisBeforeSplit, EventIDs: []string{before.StartEvent}}
	}
	return PlaceState{Status: StatusUnknown, Basis: BasisUnknown}
}

// Places returns every place in gazetteer order.
func (ph *PlaceHistory) Places() []*Place { return ph.places }

// Place returns one place or ErrNotFound.
func (ph *PlaceHistory) Place(id string) (*Place, error) {
	if p, ok := ph.idx[id]; ok {
		return p, nil
	}
	return nil, fmt.Errorf("%w: place %q", ErrNotFound, id)
}

// PlacesIn returns a region's places in gazetteer order.
func (ph *PlaceHistory) PlacesIn(region string) []*Place { return ph.inRegion[region] }

// Events returns every place-level event, oldest first.
func (ph *PlaceHistory) Events() []*Event { return ph.events }

// Event returns one place-level event or ErrNotFound.
func (ph *PlaceHistory) Event(id string) (*Event, error) {
	if e, ok := ph.eventIdx[id]; ok {
		return e, nil
	}
	return nil, fmt.Errorf("%w: place event %q", ErrNotFound, id)
}

// EventsOf returns a place's events of every kind, oldest first.
func (ph *PlaceHistory) EventsOf(id string) []*Event { return ph.all[id] }

// ChangeDays returns the sorted days on which a place's or a district's
// state may change: the epochs of the control areas.
func (ph *PlaceHistory) ChangeDays() []Day { return ph.changes }

// Districts returns the district history the places were checked against.
func (ph *PlaceHistory) Districts() *History { return ph.h }
