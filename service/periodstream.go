package service

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"sync"

	"github.com/mapsvc/mapsvc/geo"
)

// The periods feed can be far larger than any answer worth keeping: a
// million periods make a 1.3 GB body. Periods and PeriodsPage build and
// keep it whole only while it is small; past StreamPeriodsBytes the
// transport streams it with WritePeriods, one feature at a time, so
// memory stays constant whatever the history's length.

// StreamPeriodsBytes is the estimated body size from which the whole
// periods feed is streamed instead of built and cached.
const StreamPeriodsBytes = 32 << 20

// periodIndex is the feed's order: region i's periods are features
// start[i] .. start[i+1]-1.
type periodIndex struct {
	start []int // len(regions)+1
	bytes int64 // estimated identity body size
	err   error // reading a store's period index for the counts
}

// periodsIndex returns the view's feed index, built once: from the
// history in memory, or, for a view on a store's period index, from the
// records' headers (the ledger is not read).
func (v *View) periodsIndex() *periodIndex {
	v.periodsOnce.Do(func() {
		regions := v.History.Regions()
		ix := &periodIndex{start: make([]int, len(regions)+1)}
		count := func(r *geo.Region) int { return len(v.History.Periods(r.ID)) }
		var get func(string) []byte
		if v.periods != nil {
			count = func(r *geo.Region) int {
				rec := get(r.ID)
				if rec == nil || ix.err != nil {
					return 0
				}
				pr, err := geo.ParsePeriodRecord(rec)
				if err != nil {
					ix.err = fmt.Errorf("region %q: %w", r.ID, err)
				}
				return pr.Len()
			}
		}
		each := func() {
			for i, r := range regions {
				n := count(r)
				ix.start[i+1] = ix.start[i] + n
				// About 700 bytes of properties and id a period, plus the
				// region's geometry each time.
				ix.bytes += int64(n) * int64(700+len(v.geomAt[i]))
			}
		}
		if v.periods == nil {
			each()
		} else if err := v.periods.st.ReadPeriodsAt(v.Version, func(g func(string) []byte) error {
			get = g
			each()
			return nil
		}); err != nil {
			ix.err = err
		}
		v.periodsIx = ix
	})
	return v.periodsIx
}

// periodsIndexState is embedded in View.
type periodsIndexState struct {
	periodsOnce sync.Once
	periodsIx   *periodIndex
}

// PeriodCount is the number of features of the whole periods feed.
func (v *View) PeriodCount() int {
	ix := v.periodsIndex()
	return ix.start[len(ix.start)-1]
}

// StreamPeriods reports whether the whole periods feed is big enough to
// be streamed (WritePeriods) rather than built and kept (Periods). A view
// on a store's period index always streams: its ledger is large, and
// only the index is read for it.
func (v *View) StreamPeriods() bool {
	return v.periods != nil || v.periodsIndex().bytes > StreamPeriodsBytes
}

// PeriodsRange selects a slice of the periods feed: features Offset ..
// Offset+Limit-1 in feed order (region order, each region's periods
// oldest first). A zero Range is the whole feed, as Periods answers it;
// a Paged range adds numberMatched, numberReturned and next_offset.
type PeriodsRange struct {
	Paged  bool
	Offset int
	Limit  int // 0: to the end
	// NoGeometry writes every geometry as null: for a reader that takes
	// the regions' boundaries from elsewhere (the downloads shape them),
	// half the bytes to parse on a large world. Never an HTTP answer.
	NoGeometry bool
}

// PeriodsETag is the strong ETag of the periods feed or page r, identity
// representation (the gzip one adds -gz, as Encoded.GzipETag does).
func (v *View) PeriodsETag(lang geo.Lang, r PeriodsRange) string {
	key := "periods-" + string(lang)
	if r.Paged {
		key += "-" + strconv.Itoa(r.Offset) + "-" + strconv.Itoa(r.Limit)
	}
	return `"` + v.Version + "-" + etagSafe(key) + `"`
}

// WritePeriods writes the periods feed, or the page r of it, to w: the
// same bytes Periods answers for the whole feed, written one feature at
// a time, so that memory does not grow with the number of periods.
func (v *View) WritePeriods(w io.Writer, lang geo.Lang, r PeriodsRange) error {
	ix := v.periodsIndex()
	if ix.err != nil {
		return ix.err
	}
	total := ix.start[len(ix.start)-1]
	first := min(max(r.Offset, 0), total)
	end := total
	if r.Limit > 0 && r.Limit < total-first {
		end = first + r.Limit
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	head := `{"type":"FeatureCollection","data_version":"` + v.Version + `"`
	if r.Paged {
		head += `,"numberMatched":` + strconv.Itoa(total) + `,"numberReturned":` + strconv.Itoa(end-first) + `,"next_offset":`
		if end < total {
			head += strconv.Itoa(end)
		} else {
			head += "null"
		}
	}
	bw.WriteString(head + `,"features":[`)
	geomOf := func(region string) string { return region }
	if r.NoGeometry {
		geomOf = func(string) string { return "" } // no geometry of that name: null
	}
	if v.periods != nil {
		if err := v.writeIndexedPeriods(bw, lang, ix, first, end, geomOf); err != nil {
			return err
		}
	} else if err := v.writeHistoryPeriods(bw, lang, ix, first, end, geomOf); err != nil {
		return err
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// writeHistoryPeriods writes features first .. end-1 from the history in
// memory.
func (v *View) writeHistoryPeriods(bw *bufio.Writer, lang geo.Lang, ix *periodIndex, first, end int, geomOf func(string) string) error {
	regions := v.History.Regions()
	// The region of feature first: the last whose start is <= first.
	ri := sort.Search(len(regions), func(i int) bool { return ix.start[i+1] > first })
	var scratch bytes.Buffer
	n := 0
	for k := first; k < end; ri++ {
		reg := regions[ri]
		ps := v.History.Periods(reg.ID)
		for j := k - ix.start[ri]; j < len(ps) && k < end; j++ {
			scratch.Reset()
			if err := v.writeFeature(&scratch, n, PeriodID(&ps[j]), PeriodFeatureProps(&ps[j], reg, lang), geomOf(reg.ID)); err != nil {
				return err
			}
			if _, err := bw.Write(scratch.Bytes()); err != nil {
				return err
			}
			n++
			k++
		}
	}
	return nil
}

// indexedChunkBytes is how much of the feed writeIndexedPeriods encodes in
// one read transaction before it writes that out: transactions stay short
// (a slow client never holds one open) and memory stays at a chunk.
const indexedChunkBytes = 1 << 20

// indexedReleaseBytes is how many bytes of period records are read between
// two hand-backs of the mapped file's pages (mappedReleaser).
const indexedReleaseBytes = 32 << 20

// writeIndexedPeriods writes features first .. end-1 from the store's
// period index, a chunk of regions per read transaction, each checked to
// be at the view's data version. The ledger is not read, and nothing is
// kept between chunks but the chunk's buffer.
func (v *View) writeIndexedPeriods(bw *bufio.Writer, lang geo.Lang, ix *periodIndex, first, end int, geomOf func(string) string) error {
	regions := v.History.Regions()
	ri := sort.Search(len(regions), func(i int) bool { return ix.start[i+1] > first })
	rel, _ := v.periods.st.(mappedReleaser)
	var (
		chunk bytes.Buffer
		pbuf  geo.PeriodBuffer
		read  int64
	)
	n, k := 0, first
	for k < end {
		chunk.Reset()
		err := v.periods.st.ReadPeriodsAt(v.Version, func(get func(string) []byte) error {
			for ; k < end && chunk.Len() < indexedChunkBytes; ri++ {
				reg := regions[ri]
				rec := get(reg.ID)
				if rec == nil {
					continue // no periods: a region without events
				}
				read += int64(len(rec))
				pr, err := geo.ParsePeriodRecord(rec)
				if err != nil {
					return fmt.Errorf("region %q: %w", reg.ID, err)
				}
				for j := k - ix.start[ri]; j < pr.Len() && k < end; j++ {
					p, err := pr.PeriodInto(j, reg.ID, &pbuf)
					if err != nil {
						return fmt.Errorf("region %q: %w", reg.ID, err)
					}
					if err := v.writeFeature(&chunk, n, PeriodID(p), PeriodFeatureProps(p, reg, lang), geomOf(reg.ID)); err != nil {
						return err
					}
					n++
					k++
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if _, err := bw.Write(chunk.Bytes()); err != nil {
			return err
		}
		if rel != nil && read >= indexedReleaseBytes {
			rel.ReleaseMapped()
			read = 0
		}
	}
	if rel != nil && read > 0 && end-first > 0 {
		rel.ReleaseMapped()
	}
	return nil
}
