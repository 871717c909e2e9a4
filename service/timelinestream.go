package service

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

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

// timelineChunk is how many events WriteTimeline reads in one read
// transaction before it writes their entries out.
const timelineChunk = 4096

// WriteTimeline writes the bytes Timeline answers, reading the events
// from the store a chunk at a time in date order: what it holds is the
// order (an id and two days an event) and one chunk. The ledger is not
// read into the history.
func (v *View) WriteTimeline(w io.Writer, lang geo.Lang) error {
	st, stream := v.eventStore()
	if !stream {
		e, err := v.Timeline(lang)
		if err != nil {
			return err
		}
		_, err = w.Write(e.Bytes())
		return err
	}
	type key struct {
		first, last geo.Day
		id          string
	}
	keys := make([]key, 0, v.History.EventCount())
	if err := st.EventDatesAt(v.Version, func(id []byte, first, last geo.Day, _ string) error {
		keys = append(keys, key{first, last, string(id)})
		return nil
	}); err != nil {
		return err
	}
	// History.Events' order: by first day, last day, then id.
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.first, b.first), cmp.Compare(a.last, b.last), strings.Compare(a.id, b.id))
	})
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
	rel, _ := v.periods.st.(mappedReleaser)
	var chunk bytes.Buffer
	for at := 0; at < len(keys); {
		chunk.Reset()
		end := min(at+timelineChunk, len(keys))
		if err := st.ReadEventsAt(v.Version, func(get func(string) (geo.Event, bool, error)) error {
			for i := at; i < end; i++ {
				e, ok, err := get(keys[i].id)
				if err != nil {
					return err
				}
				if !ok {
					return fmt.Errorf("event %q: %w", keys[i].id, ErrIndexMoved)
				}
				b, err := json.Marshal(v.timelineEntry(&e, lang))
				if err != nil {
					return err
				}
				if i > 0 {
					chunk.WriteByte(',')
				}
				chunk.Write(b)
			}
			return nil
		}); err != nil {
			return err
		}
		if _, err := bw.Write(chunk.Bytes()); err != nil {
			return err
		}
		at = end
		if rel != nil {
			// Date order is random order in the file: each event read
			// faults in a page of its own, and the kernel maps up to
			// 64 KB around it (fault-around): up to 256 MB a chunk of
			// 4,096 if they were left to pile up.
			rel.ReleaseMapped()
		}
	}
	l, _ := json.Marshal(lang)
	bw.WriteString(`],"lang":`)
	bw.Write(l)
	bw.WriteString("}\n")
	return bw.Flush()
}
