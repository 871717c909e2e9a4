package service

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/mapsvc/mapsvc/geo"
)

// IndexedDataset is what a store with a current period index gives
// without reading the ledger: the regions and the days on which any
// snapshot changes.
type IndexedDataset struct {
	Regions         []geo.Region
	ChangeDays      []geo.Day
	Events          int // the ledger's length
	Version         string
	GeometryChecked bool
}

// PeriodIndexStore is a store that keeps each region's control periods as
// a compact record beside the ledger (geo.AppendPeriodRecord), current
// for one data version. With it a large ledger is served at once: a
// snapshot reads only the day's period of each region, and the events
// and periods are read in full only when some other question needs them.
type PeriodIndexStore interface {
	Store
	// LoadIndexed reads the regions and change days; ok is false when
	// the store has no index for its current data.
	LoadIndexed() (ix IndexedDataset, ok bool, err error)
	// ReadPeriods calls fn with a reader of period records, valid until
	// fn returns.
	ReadPeriods(fn func(get func(region string) []byte) error) error
	// ReadPeriodsAt is ReadPeriods when the index is still at version,
	// and ErrIndexMoved (fn not called) when it is not.
	ReadPeriodsAt(version string, fn func(get func(region string) []byte) error) error
	// WritePeriodIndex writes the index of h for version.
	WritePeriodIndex(h *geo.History, version string) error
	// UpdatePeriodIndex rewrites the records of regions after an edit
	// from prevVersion to version, if the index was at prevVersion.
	UpdatePeriodIndex(h *geo.History, prevVersion, version string, regions []string) error
}

// ErrIndexMoved is a read of a store (its period index, its events) for a
// data version it has moved on from: an edit landed while a whole feed
// was streamed from it.
var ErrIndexMoved = errors.New("the stored data moved to another version")

// mappedReleaser is a store whose reads map its file into memory and that
// can hand those pages back (store.DB.ReleaseMapped).
type mappedReleaser interface{ ReleaseMapped() }

// IndexMinEvents is the ledger size from which a service whose store has
// no current period index builds one after loading (once: later starts
// use it). A variable so tests can index small worlds.
var IndexMinEvents = 100_000

// periodSource reads region states from a store's period index.
type periodSource struct {
	st PeriodIndexStore
}

// Indexed reports whether v answers snapshots from a store's period index
// (a large ledger, not held in memory).
func (v *View) Indexed() bool { return v.periods != nil }

// eachPeriod is History.EachPeriod, from the period index when v has one.
// fn must not keep st past its call: from the index it is decoded into a
// buffer reused for the next region, with strings in the store's memory.
func (v *View) eachPeriod(d geo.Day, from, to int, fn func(i int, r *geo.Region, st *geo.State, pi int)) error {
	if v.periods == nil {
		v.History.EachPeriod(d, from, to, fn)
		return nil
	}
	regions := v.History.Regions()
	return v.periods.st.ReadPeriods(func(get func(string) []byte) error {
		unknown := geo.State{Status: geo.StatusUnknown}
		var buf geo.StateBuffer
		for i := from; i < to; i++ {
			r := regions[i]
			switch r.Role {
			case geo.RoleNeighbour:
				continue
			case geo.RoleContext:
				s := geo.ContextState(r)
				fn(i, r, &s, -1)
				continue
			}
			rec := get(r.ID)
			if rec == nil {
				u := unknown
				fn(i, r, &u, -1)
				continue
			}
			pr, err := geo.ParsePeriodRecord(rec)
			if err != nil {
				return fmt.Errorf("region %q: %w", r.ID, err)
			}
			pi := pr.At(d)
			if pi < 0 {
				u := unknown
				fn(i, r, &u, -1)
				continue
			}
			// Decoded in place: fn reads the state before the next one.
			s, err := pr.StateInto(pi, &buf)
			if err != nil {
				return fmt.Errorf("region %q: %w", r.ID, err)
			}
			fn(i, r, s, pi)
		}
		return nil
	})
}

// newIndexedView makes a view whose history reads the ledger only when a
// question other than a snapshot needs it (geo.NewDeferredHistory).
func newIndexedView(ix IndexedDataset, st PeriodIndexStore) (*View, error) {
	geo.SortRegions(ix.Regions)
	load := func() (*geo.History, error) {
		slog.Info("reading the whole ledger: a question needs more than the period index", "data_version", ix.Version)
		ds, err := st.Load()
		if err != nil {
			return nil, err
		}
		if ds.Version != ix.Version {
			return nil, fmt.Errorf("the data changed underneath: version %s, index %s", ds.Version, ix.Version)
		}
		geo.SortRegions(ds.Regions)
		h, err := geo.NewHistoryWith(ds.Regions, ds.Events, geo.HistoryOptions{GeometryChecked: ds.GeometryChecked, EventsChecked: ds.EventsChecked})
		if err == nil && len(ds.Events) >= bigLedger {
			ds = Dataset{}
			debug.FreeOSMemory()
		}
		return h, err
	}
	h, err := geo.NewDeferredHistory(ix.Regions, ix.ChangeDays, ix.Events, geo.HistoryOptions{GeometryChecked: ix.GeometryChecked}, load)
	if err != nil {
		return nil, err
	}
	g := encodeGeometry(ix.Regions)
	if g.err != nil {
		return nil, g.err
	}
	v, err := viewOf(h, ix.Version, g.byID, nil)
	if err != nil {
		return nil, err
	}
	v.periods = &periodSource{st: st}
	return v, nil
}

// periodRecordChunk is how many regions' records EachPeriodRecord reads in
// one read transaction: a pass over every region stays a series of short
// transactions that a write need not wait for.
const periodRecordChunk = 1000

// EachPeriodRecord calls fn with the period record of each region from
// index from to to-1 of History.Regions() that has one, in region order,
// read from the store's period index at v's data version (ErrIndexMoved
// when the store moved on). ok is false when v is not on a period index
// (History.Periods answers). rec is valid only while fn runs. Answers that
// filter or page every period (the OGC control-periods collection) use it
// instead of the periods in memory.
func (v *View) EachPeriodRecord(from, to int, fn func(i int, r *geo.Region, rec geo.PeriodRecord) error) (ok bool, err error) {
	if v.periods == nil {
		return false, nil
	}
	regions := v.History.Regions()
	rel, _ := v.periods.st.(mappedReleaser)
	var read int64
	for at := from; at < to; {
		end := min(at+periodRecordChunk, to)
		err := v.periods.st.ReadPeriodsAt(v.Version, func(get func(string) []byte) error {
			for i := at; i < end; i++ {
				r := regions[i]
				b := get(r.ID)
				if b == nil {
					continue
				}
				read += int64(len(b))
				rec, err := geo.ParsePeriodRecord(b)
				if err != nil {
					return fmt.Errorf("region %q: %w", r.ID, err)
				}
				if err := fn(i, r, rec); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return true, err
		}
		at = end
		if rel != nil && read >= indexedReleaseBytes {
			rel.ReleaseMapped()
			read = 0
		}
	}
	return true, nil
}
