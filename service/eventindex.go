package service

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/mapsvc/mapsvc/geo"
)

// EventIndex is every event of a view on a store's period index in
// History.Events' order (first day, last day, id), with what filters
// read (the date window and the region) and nothing else: the events
// themselves are read from the store a page at a time (Read). Whole-ledger
// answers (GET /api/v1/events, the OGC events collection) filter, count
// and page with it instead of loading the ledger.
//
// It is built once per view with one pass over the store's events and
// holds about 20 bytes and the id of each event (some 30 MB with a
// million), where the ledger in memory holds some 1 KB each: the order
// cannot come from the store, which keeps the events by id.
type EventIndex struct {
	v    *View
	st   eventFeedStore
	ids  []byte // every id, one after the other
	refs []eventRef
}

type eventRef struct {
	first, last geo.Day
	region      int32  // in History.Regions(); -1: none
	idEnd       uint32 // the id is ids[idEnd-idLen:idEnd]
	idLen       uint32
}

// eventIndexState is embedded in View.
type eventIndexState struct {
	eventsOnce sync.Once
	eventsIx   *EventIndex
	eventsErr  error
}

// EventIndex returns the view's event index, building it on first use;
// ok is false when v holds its history in memory (History.Events
// answers) or its store cannot read events one at a time.
func (v *View) EventIndex() (x *EventIndex, ok bool, err error) {
	st, can := v.eventStore()
	if !can {
		return nil, false, nil
	}
	v.eventsOnce.Do(func() { v.eventsIx, v.eventsErr = v.buildEventIndex(st) })
	return v.eventsIx, true, v.eventsErr
}

func (v *View) buildEventIndex(st eventFeedStore) (*EventIndex, error) {
	regionAt := make(map[string]int32, len(v.History.Regions()))
	for i, r := range v.History.Regions() {
		regionAt[r.ID] = int32(i)
	}
	x := &EventIndex{v: v, st: st, refs: make([]eventRef, 0, v.History.EventCount())}
	err := st.EventDatesAt(v.Version, func(id []byte, first, last geo.Day, region string) error {
		ri, ok := regionAt[region]
		if !ok {
			ri = -1
		}
		x.ids = append(x.ids, id...)
		x.refs = append(x.refs, eventRef{first: first, last: last, region: ri, idEnd: uint32(len(x.ids)), idLen: uint32(len(id))})
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(x.refs, func(a, b eventRef) int {
		return cmp.Or(cmp.Compare(a.first, b.first), cmp.Compare(a.last, b.last), bytes.Compare(x.id(a), x.id(b)))
	})
	x.ids = slices.Clip(x.ids)
	return x, nil
}

func (x *EventIndex) id(r eventRef) []byte { return x.ids[r.idEnd-r.idLen : r.idEnd] }

// Len is the number of events.
func (x *EventIndex) Len() int { return len(x.refs) }

// Dates returns event i's date window, inclusive.
func (x *EventIndex) Dates(i int) (first, last geo.Day) { return x.refs[i].first, x.refs[i].last }

// Region returns event i's region, nil when it names none.
func (x *EventIndex) Region(i int) *geo.Region {
	if ri := x.refs[i].region; ri >= 0 {
		return x.v.History.Regions()[ri]
	}
	return nil
}

// ID returns event i's id.
func (x *EventIndex) ID(i int) string { return string(x.id(x.refs[i])) }

// Matches reports whether event i's window meets [from, to] (nil ends are
// open), as geo.EventFilter selects.
func (x *EventIndex) Matches(i int, from, to *geo.Day) bool {
	r := &x.refs[i]
	return (from == nil || r.last >= *from) && (to == nil || r.first <= *to)
}

// Read decodes the events at the given positions from the store, in one
// read transaction at the view's data version, and calls fn with each.
// fn must not keep e past its call.
func (x *EventIndex) Read(at []int, fn func(i int, e *geo.Event) error) error {
	return x.st.ReadEventsAt(x.v.Version, func(get func(string) (geo.Event, bool, error)) error {
		for _, i := range at {
			id := x.ID(i)
			e, ok, err := get(id)
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("event %q: %w", id, ErrIndexMoved)
			}
			if err := fn(i, &e); err != nil {
				return err
			}
		}
		return nil
	})
}

// StoredEvent reads one event by id from the store when v is on its
// period index (ok false otherwise: History.Event answers); a missing id
// is geo.ErrNotFound.
func (v *View) StoredEvent(id string) (e *geo.Event, ok bool, err error) {
	return v.indexedEvent(id)
}

// StreamEvents reports whether the events matching f are written from the
// store (WriteEvents) rather than built whole and kept (Events): every
// event, or a date range of them, on a view on a store's period index.
// One region's events are few and read by id (indexedRegionHistory).
func (v *View) StreamEvents(f geo.EventFilter) bool {
	_, ok := v.eventStore()
	return ok && f.Region == ""
}

// EventsETag is the ETag Events gives its answer for f.
func (v *View) EventsETag(f geo.EventFilter) string {
	return fmt.Sprintf(`"%s-%s"`, v.Version, etagSafe(eventsKey(f)))
}

func eventsKey(f geo.EventFilter) string {
	key := "events-" + f.Region
	if f.From != nil {
		key += "-from-" + f.From.String()
	}
	if f.To != nil {
		key += "-to-" + f.To.String()
	}
	return key
}

// Writing every event in date order from a store that keeps them by id
// reads the file in random order: read one by one, each event faulted in
// a page and the kernel mapped 64 KB around it, a third of the stream's
// time (a million events took 39 s of CPU). So the events are taken a
// part at a time in date order, read in id order (the file's order after
// an import), a read transaction per eventsChunk with the mapped pages
// handed back after each, and the part's encoded events written out in
// date order. Memory holds one part's encoded events (some 25 MB).

// eventsChunk is how many events one read transaction of writeEach reads.
const eventsChunk = 4096

var comma = []byte{','}

// EventsPart is how many events a part holds (see writeEach). A variable
// so that tests can write a small world in many parts.
var EventsPart = 1 << 16

// writeEach writes the encoding of every event at the positions given by
// next (ascending, in parts of up to EventsPart; next returns none at the
// end) to w, separated by commas.
func (x *EventIndex) writeEach(w io.Writer, next func(at []int) []int, encode func(e *geo.Event) ([]byte, error)) error {
	rel, _ := x.v.periods.st.(mappedReleaser)
	at := make([]int, 0, EventsPart)
	order := make([]int, 0, EventsPart)
	out := make([][]byte, 0, EventsPart)
	var chunk []int
	n := 0
	for {
		if at = next(at[:0]); len(at) == 0 {
			return nil
		}
		order = order[:0]
		for k := range at {
			order = append(order, k)
		}
		// ids were appended in id order: idEnd grows with the id.
		slices.SortFunc(order, func(a, b int) int { return cmp.Compare(x.refs[at[a]].idEnd, x.refs[at[b]].idEnd) })
		out = out[:len(at)]
		for c := 0; c < len(order); c += eventsChunk {
			part := order[c:min(c+eventsChunk, len(order))]
			chunk = chunk[:0]
			for _, k := range part {
				chunk = append(chunk, at[k])
			}
			j := 0
			if err := x.Read(chunk, func(_ int, e *geo.Event) error {
				b, err := encode(e)
				out[part[j]] = b
				j++
				return err
			}); err != nil {
				return err
			}
			if rel != nil {
				rel.ReleaseMapped()
			}
		}
		for k, b := range out {
			if n > 0 {
				if _, err := w.Write(comma); err != nil {
					return err
				}
			}
			n++
			if _, err := w.Write(b); err != nil {
				return err
			}
			out[k] = nil
		}
	}
}

// WriteEvents writes the bytes Events answers for f (f.Region empty) from
// the store's events in the EventIndex's order (see writeEach): memory
// holds the index and one part, whatever the ledger's length.
func (v *View) WriteEvents(w io.Writer, f geo.EventFilter) error {
	x, ok, err := v.EventIndex()
	if err != nil {
		return err
	}
	if !ok || f.Region != "" {
		e, err := v.Events(f)
		if err != nil {
			return err
		}
		_, err = w.Write(e.Bytes())
		return err
	}
	count := 0
	for i := range x.Len() {
		if x.Matches(i, f.From, f.To) {
			count++
		}
	}
	// As jsonBody writes the map: its keys in order.
	bw := bufio.NewWriterSize(w, 64<<10)
	ver, _ := json.Marshal(v.Version)
	fmt.Fprintf(bw, `{"count":%d,"data_version":%s,"events":[`, count, ver)
	i := 0
	next := func(at []int) []int {
		for ; i < x.Len() && len(at) < EventsPart; i++ {
			if x.Matches(i, f.From, f.To) {
				at = append(at, i)
			}
		}
		return at
	}
	if err := x.writeEach(bw, next, func(e *geo.Event) ([]byte, error) { return json.Marshal(e) }); err != nil {
		return err
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}
