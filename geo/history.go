package geo

import (
	"fmt"
	"math"
	"sort"
)

// Status says how sure a snapshot is of a region's holder.
type Status string

// Statuses.
const (
	// StatusFirm: the holder at the end of the day is known.
	StatusFirm Status = "firm"
	// StatusUncertain: the day lies inside the window of an imprecisely
	// dated change; either candidate may have held the region (as a
	// State's Status), or either extent may have applied (as its
	// ExtentStatus).
	StatusUncertain Status = "uncertain"
	// StatusUnknown: the ledger has nothing on the region yet.
	StatusUnknown Status = "unknown"
)

// Holding is one holder of (part of) a region with its approximate share,
// nil where no source gives one.
type Holding struct {
	Controller Controller `json:"controller"`
	Share      *float64   `json:"share"`
}

// State is what the ledger says of one region at the end of one day.
type State struct {
	// Status is about the majority holder only: uncertain when an
	// imprecisely dated change may or may not have handed the region to
	// the other side yet.
	Status     Status
	Controller Controller // majority holder; "" when unknown
	Extent     Extent     // whole or partial; "" when unknown
	// ExtentStatus is about the extent and shares: uncertain inside the
	// window of an imprecisely dated change that alters them, even when
	// the majority holder is not in doubt. "" when unknown.
	ExtentStatus Status
	Holders      []Holding
	// Candidates are the two different holders before and after an
	// uncertain change (one when the region was unknown before it).
	Candidates []Controller
	// Since is the date of the change that gave Controller the region.
	Since      DateSpec
	SinceEvent string
	// EventIDs are the events that shaped this state, oldest first.
	EventIDs []string
}

// Period is a span of days over which a region's state does not change.
// Start is the first day whose end sees the state; End is the first day
// that no longer does (exclusive), or Open.
type Period struct {
	Region         string
	Start, End     Day
	Open           bool
	StartPrecision Precision
	EndPrecision   Precision
	StartEvent     string
	EndEvent       string
	State          State
}

// Contains reports whether the period holds at the end of day d.
func (p *Period) Contains(d Day) bool { return d >= p.Start && (p.Open || d < p.End) }

// History is the validated ledger with its derived views: per-region
// periods and the days on which any snapshot changes.
type History struct {
	regions   []*Region
	regionIdx map[string]*Region
	events    []*Event // by date
	ledger    []*Event // as given: ledger order
	eventIdx  map[string]*Event
	byRegion  map[string][]*Event // control events in effect order
	// regionEvents are each region's events (all kinds), oldest first.
	regionEvents map[string][]*Event
	periods      map[string][]Period
	changes      []Day // sorted unique days on which some state changes
	// ends[i] are the end days of regions[i]'s periods (openEnd for an
	// open one): the snapshot index. A day's state of every region is a
	// binary search in a few cache lines per region, in region order,
	// not a map lookup and a search over 272-byte periods each.
	ends [][]Day
	// lazy, when set, fills the fields above but regions, regionIdx and
	// changes on first use (NewDeferredHistory).
	lazy *deferred
}

// NewHistory validates regions and events together and derives periods.
// It is the one validation path for the loader, the store and the write
// API: known regions, valid events, at least one source each, and a
// per-region chronology in which every change starts from a holder.
func NewHistory(regions []Region, events []Event) (*History, error) {
	return NewHistoryWith(regions, events, HistoryOptions{})
}

// HistoryOptions tune NewHistoryWith.
type HistoryOptions struct {
	// GeometryChecked says that every region's geometry passed
	// ValidateGeometry (under GeometryRules) before and is unchanged
	// since: a store whose record of that matches what it read, or the
	// regions of a History already built. NewHistoryWith then skips
	// those checks, which with boundaries of thousands of vertices were
	// most of a load's validation; every other rule is still checked.
	GeometryChecked bool
	// EventsChecked says that every event passed Event.Validate before
	// and is unchanged since: the events of views once served, from
	// which an as_of view is rebuilt. Ids, regions and the chronology
	// are still checked, and the periods derived.
	EventsChecked bool
}

// addRegions checks regions (their geometry unless opt says it was
// checked, and that no id repeats) and indexes them in order.
func (h *History) addRegions(regions []Region, opt HistoryOptions) error {
	for i := range regions {
		r := &regions[i]
		if err := r.validate(!opt.GeometryChecked); err != nil {
			return err
		}
		if _, dup := h.regionIdx[r.ID]; dup {
			return fmt.Errorf("%w: region id %q appears twice", ErrInvalid, r.ID)
		}
		h.regionIdx[r.ID] = r
		h.regions = append(h.regions, r)
	}
	return nil
}

// NewHistoryWith is NewHistory with options.
func NewHistoryWith(regions []Region, events []Event, opt HistoryOptions) (*History, error) {
	h := &History{
		regionIdx:    make(map[string]*Region, len(regions)),
		eventIdx:     make(map[string]*Event, len(events)),
		byRegion:     map[string][]*Event{},
		regionEvents: map[string][]*Event{},
		periods:      map[string][]Period{},
	}
	if err := h.addRegions(regions, opt); err != nil {
		return nil, err
	}
	texts := map[string]string{}
	for i := range events {
		e := &events[i]
		if !opt.EventsChecked {
			if err := e.Validate(); err != nil {
				return nil, err
			}
		}
		if _, dup := h.eventIdx[e.ID]; dup {
			return nil, fmt.Errorf("%w: event id %q appears twice", ErrInvalid, e.ID)
		}
		if len(e.PlaceIDs()) > 0 {
			return nil, fmt.Errorf("%w: event %q names places: place-level events belong in the places ledger, not the district ledger", ErrInvalid, e.ID)
		}
		if e.Region != "" {
			r, ok := h.regionIdx[e.Region]
			if !ok {
				return nil, fmt.Errorf("%w: event %q names unknown region %q", ErrInvalid, e.ID, e.Region)
			}
			if e.Controlling() && r.Role != RoleConflict {
				return nil, fmt.Errorf("%w: event %q changes control of %q, which is not a conflict-area region", ErrInvalid, e.ID, e.Region)
			}
		}
		e.intern(h.regionIdx, texts)
		h.eventIdx[e.ID] = e
		h.events = append(h.events, e)
		h.ledger = append(h.ledger, e)
		if e.Controlling() {
			h.byRegion[e.Region] = append(h.byRegion[e.Region], e)
		}
	}
	sort.SliceStable(h.events, func(i, j int) bool { return lessEvent(h.events[i], h.events[j]) })
	// Per-region lists, oldest first: a region's history need not scan
	// every event (70 ms with a million).
	for _, e := range h.events {
		if e.Region != "" {
			h.regionEvents[e.Region] = append(h.regionEvents[e.Region], e)
		}
	}
	for id, evs := range h.byRegion {
		// Stable: same-day events apply in ledger order.
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].Date.First < evs[j].Date.First })
		ps, err := derivePeriods(id, evs)
		if err != nil {
			return nil, err
		}
		h.periods[id] = ps
	}
	h.changes = changeDays(h.periods)
	h.ends = make([][]Day, len(h.regions))
	for i, r := range h.regions {
		ps := h.periods[r.ID]
		if len(ps) == 0 {
			continue
		}
		ends := make([]Day, len(ps))
		for j := range ps {
			ends[j] = ps[j].End
			if ps[j].Open {
				ends[j] = openEnd
			}
		}
		h.ends[i] = ends
	}
	return h, nil
}

// openEnd stands for the end of an open period in History.ends.
const openEnd = Day(math.MaxInt32)

func lessEvent(a, b *Event) bool {
	if a.Date.First != b.Date.First {
		return a.Date.First < b.Date.First
	}
	if a.Date.Last != b.Date.Last {
		return a.Date.Last < b.Date.Last
	}
	return a.ID < b.ID
}

// derivePeriods walks one region's control events in order and checks
// that each starts from a holder and that no two windows overlap.
func derivePeriods(region string, evs []*Event) ([]Period, error) {
	// At most one period per event and one more per imprecise window:
	// sized once, as growing by appends left a third of a million
	// events' periods unused.
	n := len(evs)
	for _, e := range evs {
		if e.Date.First < e.Date.Last {
			n++
		}
	}
	var (
		out   = make([]Period, 0, n)
		cur   State
		prev  *Event
		start Day
	)
	cur.Status = StatusUnknown
	emit := func(end Day, endEvent *Event) {
		if prev != nil && end > start {
			out = append(out, Period{
				Region: region, Start: start, End: end,
				StartPrecision: prev.Date.Precision, EndPrecision: endEvent.Date.Precision,
				StartEvent: prev.ID, EndEvent: endEvent.ID, State: cur,
			})
		}
		start = end
	}
	for _, e := range evs {
		if e.Kind == KindBaseline && prev != nil {
			return nil, &ConflictError{Event: e.ID, With: prev.ID, Reason: "a baseline must be the region's first control event"}
		}
		if e.Kind != KindBaseline && prev == nil {
			return nil, fmt.Errorf("%w: event %q: region %q has no baseline before its first change", ErrInvalid, e.ID, region)
		}
		if prev != nil && e.Date.First < prev.Date.Last {
			return nil, &ConflictError{Event: e.ID, With: prev.ID, Reason: fmt.Sprintf("its date window %s overlaps %s", e.Date, prev.Date)}
		}
		if e.Kind != KindBaseline && !holds(cur, e.From) {
			return nil, &ConflictError{Event: e.ID, With: prev.ID, Reason: fmt.Sprintf("it starts from %s, but after %q %s holds %s", e.From, prev.ID, holderList(cur), region)}
		}
		next := apply(cur, e)
		emit(e.Date.First, e)
		if e.Date.First < e.Date.Last {
			unsure := windowState(cur, next)
			unsure.EventIDs = append(append([]string(nil), cur.EventIDs...), e.ID)
			out = appendPeriod(out, Period{
				Region: region, Start: e.Date.First, End: e.Date.Last,
				StartPrecision: e.Date.Precision, EndPrecision: e.Date.Precision,
				StartEvent: e.ID, EndEvent: e.ID, State: unsure,
			})
			start = e.Date.Last
		}
		cur, prev = next, e
	}
	if prev != nil {
		out = append(out, Period{Region: region, Start: start, Open: true, StartPrecision: prev.Date.Precision, StartEvent: prev.ID, State: cur})
	}
	return out, nil
}

// windowState is what is known inside the window of an imprecisely dated
// change from cur to next: the holder is in doubt only when the change hands
// the majority to the other side; the extent is in doubt when it or the
// shares change. A window that changes neither (a re-dated confirmation)
// stays firm.
func windowState(cur, next State) State {
	unsure := cur
	switch {
	case cur.Status == StatusUnknown:
		unsure.Status = StatusUncertain
		unsure.Candidates = []Controller{next.Controller}
	case cur.Controller != next.Controller:
		unsure.Status = StatusUncertain
		unsure.Candidates = []Controller{cur.Controller, next.Controller}
	}
	if cur.Status != StatusUnknown && !sameHoldings(cur, next) {
		unsure.ExtentStatus = StatusUncertain
	}
	return unsure
}

func sameHoldings(a, b State) bool {
	if a.Extent != b.Extent || len(a.Holders) != len(b.Holders) {
		return false
	}
	for i := range a.Holders {
		x, y := a.Holders[i], b.Holders[i]
		if x.Controller != y.Controller || (x.Share == nil) != (y.Share == nil) || (x.Share != nil && *x.Share != *y.Share) {
			return false
		}
	}
	return true
}

func appendPeriod(ps []Period, p Period) []Period {
	if p.End > p.Start {
		ps = append(ps, p)
	}
	return ps
}

func holds(s State, c Controller) bool {
	for _, h := range s.Holders {
		if h.Controller == c {
			return true
		}
	}
	return false
}

func holderList(s State) string {
	if len(s.Holders) == 0 {
		return "nobody known"
	}
	out := ""
	for i, h := range s.Holders {
		if i > 0 {
			out += " and "
		}
		out += string(h.Controller)
	}
	return out
}

// apply returns the state after e. Only two controllers exist, so a partial
// change always leaves both holding a part.
func apply(cur State, e *Event) State {
	next := State{Status: StatusFirm, ExtentStatus: StatusFirm, Extent: e.Extent}
	if e.Kind == KindBaseline {
		next.Extent = ExtentWhole
	}
	switch next.Extent {
	case ExtentWhole:
		next.Holders = wholeHolding(e.To)
		next.Controller = e.To
		next.EventIDs = []string{e.ID}
	case ExtentPartial:
		next.Controller = e.MajorityAfter()
		var toShare, fromShare *float64
		if e.Share != nil {
			// The rest is rounded as the share is written: 1-0.77 reads
			// 0.23, not 0.22999999999999998.
			s, rest := *e.Share, roundShare(1-*e.Share)
			toShare, fromShare = &s, &rest
		}
		next.Holders = []Holding{{Controller: e.To, Share: toShare}, {Controller: e.From, Share: fromShare}}
		if next.Holders[0].Controller != next.Controller {
			next.Holders[0], next.Holders[1] = next.Holders[1], next.Holders[0]
		}
		next.EventIDs = append(append([]string(nil), cur.EventIDs...), e.ID)
	}
	if next.Controller == cur.Controller && cur.Status != StatusUnknown {
		next.Since, next.SinceEvent = cur.Since, cur.SinceEvent
	} else {
		next.Since, next.SinceEvent = e.Date, e.ID
	}
	return next
}

// roundShare rounds to six decimals, beyond any precision a source gives.
func roundShare(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// wholeHoldings are the holdings of a whole region, shared by every state
// that has one: with a million events, a slice and a share apiece were
// some 50 MB. They are read-only, like all of a History.
var (
	one           = 1.0
	wholeHoldings = map[Controller][]Holding{
		AZE: {{Controller: AZE, Share: &one}},
		ARM: {{Controller: ARM, Share: &one}},
	}
)

func wholeHolding(c Controller) []Holding {
	if h, ok := wholeHoldings[c]; ok {
		return h[:1:1]
	}
	share := 1.0
	return []Holding{{Controller: c, Share: &share}}
}

// changeDays collects every day on which some region's state changes.
func changeDays(periods map[string][]Period) []Day {
	seen := map[Day]bool{}
	for _, ps := range periods {
		for _, p := range ps {
			seen[p.Start] = true
			if !p.Open {
				seen[p.End] = true
			}
		}
	}
	days := make([]Day, 0, len(seen))
	for d := range seen {
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return days[i] < days[j] })
	return days
}
