package service

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/mapsvc/mapsvc/geo"
)

// eventFeedStore is a store that reads its events one at a time, so that
// the timeline of a large ledger is written without the ledger in memory
// (store.DB).
type eventFeedStore interface {
	// EventDatesAt calls fn with every event's id, date window and
	// region ("" for none), in id order.
	EventDatesAt(version string, fn func(id []byte, first, last geo.Day, region string) error) error
	// ReadEventsAt calls fn with a reader of events by id.
	ReadEventsAt(version string, fn func(get func(id string) (geo.Event, bool, error)) error) error
}

// StreamTimeline reports whether the timeline is written from the store
// (WriteTimeline) rather than built whole and kept (Timeline): for a view
// on a store's period index, whose ledger is large (347 MB of timeline a
// language with a million events).
func (v *View) StreamTimeline() bool {
	_, ok := v.eventStore()
	return ok
}

// eventStore is v's store when v is on its period index and the store
// reads events one at a time: then answers about events read them from
// it rather than load the ledger.
func (v *View) eventStore() (eventFeedStore, bool) {
	if v.periods == nil {
		return nil, false
	}
	st, ok := v.periods.st.(eventFeedStore)
	return st, ok
}

// TimelineETag is the ETag Timeline gives its answer.
func (v *View) TimelineETag(lang geo.Lang) string {
	return fmt.Sprintf(`"%s-%s"`, v.Version, etagSafe("timeline-"+string(lang)))
}

// WriteTimeline writes the bytes Timeline answers, reading the events
// from the store a chunk at a time in date order: what it holds is the
// view's EventIndex and one chunk. The ledger is not read into the
// history.
func (v *View) WriteTimeline(w io.Writer, lang geo.Lang) error {
	if !v.StreamTimeline() {
		e, err := v.Timeline(lang)
		if err != nil {
			return err
		}
		_, err = w.Write(e.Bytes())
		return err
	}
	// History.Events' order, shared with the events answers.
	x, _, err := v.EventIndex()
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(`{"change_days":[`)
	for i, d := range v.History.ChangeDays() {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString(`"` + d.String() + `"`)
	}
	ver, _ := json.Marshal(v.Version)
	bw.WriteString(`],"data_version":`)
	bw.Write(ver)
	bw.WriteString(`,"events":[`)
	i := 0
	next := func(at []int) []int {
		for ; i < x.Len() && len(at) < EventsPart; i++ {
			at = append(at, i)
		}
		return at
	}
	if err := x.writeEach(bw, next, func(e *geo.Event) ([]byte, error) { return json.Marshal(v.timelineEntry(e, lang)) }); err != nil {
		return err
	}
	l, _ := json.Marshal(lang)
	bw.WriteString(`],"lang":`)
	bw.Write(l)
	bw.WriteString("}\n")
	return bw.Flush()
}
