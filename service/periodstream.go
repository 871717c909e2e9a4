package service

import (
	"bufio"
	"bytes"
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
}

// periodsIndex returns the view's feed index, built once.
func (v *View) periodsIndex() *periodIndex {
	v.periodsOnce.Do(func() {
		regions := v.History.Regions()
		ix := &periodIndex{start: make([]int, len(regions)+1)}
		for i, r := range regions {
			n := len(v.History.Periods(r.ID))
			ix.start[i+1] = ix.start[i] + n
			// About 700 bytes of properties and id a period, plus the
			// region's geometry each time.
			ix.bytes += int64(n) * int64(700+len(v.geomAt[i]))
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
// be streamed (WritePeriods) rather than built and kept (Periods).
func (v *View) StreamPeriods() bool { return v.periodsIndex().bytes > StreamPeriodsBytes }

// PeriodsRange selects a slice of the periods feed: features Offset ..
// Offset+Limit-1 in feed order (region order, each region's periods
// oldest first). A zero Range is the whole feed, as Periods answers it;
// a Paged range adds numberMatched, numberReturned and next_offset.
type PeriodsRange struct {
	Paged  bool
	Offset int
	Limit  int // 0: to the end
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
			if err := v.writeFeature(&scratch, n, PeriodID(&ps[j]), PeriodFeatureProps(&ps[j], reg, lang), reg.ID); err != nil {
				return err
			}
			if _, err := bw.Write(scratch.Bytes()); err != nil {
				return err
			}
			n++
			k++
		}
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}
