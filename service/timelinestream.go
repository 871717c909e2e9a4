package service

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
)

// eventFeedStore is a store that reads its events one at a time, so that
// the timeline of a large ledger is written without the ledger in memory
// (store.DB).
type eventFeedStore interface {
	// EventDatesAt calls fn with every event's id and date window.
	EventDatesAt(version string, fn func(id []byte, first, last geo.Day) error) error
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
// transaction.
const timelineChunk = 4096

// TimelineBucketEvents is how many consecutive timeline entries (in date
// order) WriteTimeline gathers in one spill bucket: about 11 MB of entries
// at the synthetic world's 350 bytes an entry, the most it holds at once.
// A variable so tests can spill small ledgers.
var TimelineBucketEvents = 32768

// WriteTimeline writes the bytes Timeline answers, reading the events
// from the store; the ledger is not read into the history. The events
// are read in the store's order (by id), because date order is random
// order in the file and a read each would fault a page in of its own (a
// million events took 48 s of CPU that way). Each entry is encoded as it
// is read and spilled to the bucket of its place in date order (a
// temporary file when there is more than one bucket); the buckets are
// then read back one at a time, put in order and written out. What is
// held is the order (an id and two days an event) and one bucket.
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
	if err := st.EventDatesAt(v.Version, func(id []byte, first, last geo.Day) error {
		keys = append(keys, key{first, last, string(id)})
		return nil
	}); err != nil {
		return err
	}
	// rank[i] is the place of keys[i] (id order) in History.Events'
	// order: by first day, last day, then id.
	order := make([]int32, len(keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		ka, kb := &keys[a], &keys[b]
		return cmp.Or(cmp.Compare(ka.first, kb.first), cmp.Compare(ka.last, kb.last), strings.Compare(ka.id, kb.id))
	})
	rank := make([]int32, len(keys))
	for r, i := range order {
		rank[i] = int32(r)
	}
	order = nil
	per := max(TimelineBucketEvents, 1)
	sp, err := newSpill((len(keys) + per - 1) / per)
	if err != nil {
		return err
	}
	defer sp.close()
	rel, _ := v.periods.st.(mappedReleaser)
	var entry []byte
	for at := 0; at < len(keys); {
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
				// A record: the entry's rank and length, then the entry.
				entry = binary.LittleEndian.AppendUint32(entry[:0], uint32(rank[i]))
				entry = binary.LittleEndian.AppendUint32(entry, uint32(len(b)))
				if err := sp.write(int(rank[i])/per, append(entry, b...)); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
		at = end
		if rel != nil {
			// The chunk's pages are read: hand them back, or a pass over
			// the whole bucket leaves the file resident.
			rel.ReleaseMapped()
		}
	}
	keys = nil

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
	var at []int // at[r-first]: where the entry of rank r starts in the bucket
	for b := range sp.buckets {
		data, err := sp.read(b)
		if err != nil {
			return err
		}
		first := b * per
		at = slices.Grow(at[:0], per)[:min(per, len(rank)-first)]
		for j := range at {
			at[j] = -1
		}
		for off := 0; off < len(data); {
			if len(data)-off < 8 {
				return fmt.Errorf("timeline spill bucket %d: a record cut short", b)
			}
			r := int(binary.LittleEndian.Uint32(data[off:]))
			n := int(binary.LittleEndian.Uint32(data[off+4:]))
			if r-first < 0 || r-first >= len(at) || off+8+n > len(data) {
				return fmt.Errorf("timeline spill bucket %d: a record out of place", b)
			}
			at[r-first] = off
			off += 8 + n
		}
		for j, off := range at {
			if off < 0 {
				return fmt.Errorf("timeline spill bucket %d: no entry of rank %d", b, first+j)
			}
			if first+j > 0 {
				bw.WriteByte(',')
			}
			n := int(binary.LittleEndian.Uint32(data[off+4:]))
			if _, err := bw.Write(data[off+8 : off+8+n]); err != nil {
				return err
			}
		}
	}
	l, _ := json.Marshal(lang)
	bw.WriteString(`],"lang":`)
	bw.Write(l)
	bw.WriteString("}\n")
	return bw.Flush()
}

// spill holds the encoded timeline entries by bucket: in memory when
// there is one bucket, else in one temporary file each, removed by close.
type spill struct {
	buckets []spillBucket
}

type spillBucket struct {
	mem  bytes.Buffer
	f    *os.File
	w    *bufio.Writer
	size int64
}

func newSpill(n int) (*spill, error) {
	sp := &spill{buckets: make([]spillBucket, n)}
	if n <= 1 {
		return sp, nil
	}
	for i := range sp.buckets {
		f, err := os.CreateTemp("", "mapsvc-timeline-*")
		if err != nil {
			sp.close()
			return nil, fmt.Errorf("timeline spill: %w", err)
		}
		sp.buckets[i].f, sp.buckets[i].w = f, bufio.NewWriterSize(f, 32<<10)
	}
	return sp, nil
}

func (sp *spill) write(b int, rec []byte) error {
	k := &sp.buckets[b]
	k.size += int64(len(rec))
	if k.f == nil {
		k.mem.Write(rec)
		return nil
	}
	_, err := k.w.Write(rec)
	return err
}

// read returns bucket b's records, in the order they were written.
func (sp *spill) read(b int) ([]byte, error) {
	k := &sp.buckets[b]
	if k.f == nil {
		return k.mem.Bytes(), nil
	}
	if err := k.w.Flush(); err != nil {
		return nil, fmt.Errorf("timeline spill: %w", err)
	}
	data := make([]byte, k.size)
	if _, err := k.f.ReadAt(data, 0); err != nil {
		return nil, fmt.Errorf("timeline spill: %w", err)
	}
	// Read once: the file's space goes back now, not at the end.
	k.f.Close()
	os.Remove(k.f.Name())
	*k = spillBucket{}
	return data, nil
}

func (sp *spill) close() {
	for i := range sp.buckets {
		if f := sp.buckets[i].f; f != nil {
			f.Close()
			os.Remove(f.Name())
		}
		sp.buckets[i] = spillBucket{}
	}
}
