// Package service answers mapsvc's questions over a loaded, validated
// history and keeps their encoded answers. It knows neither HTTP nor bbolt:
// methods return bytes with an ETag, and transports decide how to send them.
package service

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/bytecache"
)

// Store is what the service needs from storage.
type Store interface {
	Load() (Dataset, error)
}

// Dataset is the stored data with its content version.
type Dataset struct {
	Regions []geo.Region
	Events  []geo.Event
	Version string
	// GeometryChecked says the store vouches that the regions' geometry
	// passed geo.ValidateGeometry when written and is unchanged since
	// (see geo.HistoryOptions): the view then skips those checks.
	GeometryChecked bool
	// EventsChecked says every event passed geo.Event.Validate when it
	// was written: an as_of view's events, all once served.
	EventsChecked bool
}

// Service serves one immutable View at a time; Reload swaps in a new one
// after the data changes, so readers never lock.
type Service struct {
	store Store
	view  atomic.Pointer[View]
	mu    sync.Mutex // serialises reloads and writes

	pastMu sync.Mutex
	past   []*View // recent as_of views
	index  *revisionIndex

	logMu sync.Mutex
	log   *editLog // edits since the latest import, for AsOf

	// cache is the one byte-bounded cache of every view's answers and of
	// the caches other packages get from NewCache.
	cache *bytecache.Cache
	built atomic.Uint64 // epochs encoded by all views
}

// EpochsBuilt is how many epoch feature sets the service's views have
// encoded since start.
func (s *Service) EpochsBuilt() uint64 { return s.built.Load() }

// SetCacheBytes sets the budget of the service's cache (the --cache-bytes
// flag); entries past it go at once, least recently used first.
func (s *Service) SetCacheBytes(n int64) { s.cache.SetBudget(n) }

// CacheStats returns the cache's figures by group, its bytes and budget.
func (s *Service) CacheStats() (groups []bytecache.GroupStats, used, budget int64) {
	return s.cache.Stats(), s.cache.Used(), s.cache.Budget()
}

// New loads the store and builds the first view.
func New(st Store) (*Service, error) {
	s := &Service{store: st, cache: bytecache.New(DefaultCacheBytes)}
	if err := s.Reload(); err != nil {
		return nil, err
	}
	return s, nil
}

// NewWithView starts a service on a view already built from what st holds
// (a store just seeded from it), sparing the read back.
func NewWithView(st Store, v *View) *Service {
	s := &Service{store: st, cache: bytecache.New(DefaultCacheBytes)}
	v.cache, v.built = s.cache, &s.built // not yet shared: v is new
	s.view.Store(v)
	return s
}

// Reload rebuilds the view from the store.
func (s *Service) Reload() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	ps, indexed := s.store.(PeriodIndexStore)
	if indexed {
		ok, err := s.loadIndexed(ps)
		if ok || err != nil {
			return err
		}
	}
	ds, err := s.store.Load()
	if err != nil {
		return err
	}
	v, err := newView(ds, nil)
	if err != nil {
		return err
	}
	v.cache, v.built = s.cache, &s.built
	s.view.Store(v)
	if indexed && len(ds.Events) >= IndexMinEvents {
		// A large ledger without a current index (written by an older
		// mapsvc, or an edit whose index update did not happen): build
		// it once, then serve from it as later starts will.
		slog.Info("building the period index once: this database has none for its data", "events", len(ds.Events), "data_version", ds.Version)
		if err := ps.WritePeriodIndex(v.History, ds.Version); err != nil {
			slog.Warn("no period index written; the ledger stays in memory", "err", err)
		} else if ok, err := s.loadIndexed(ps); err != nil {
			return err
		} else if ok {
			slog.Info("period index built; snapshots now read it", "data_version", ds.Version)
		}
	}
	if len(ds.Events) >= bigLedger {
		// Decoding a big store leaves garbage the size of the data; hand
		// it back now rather than keep it resident until the scavenger
		// gets to it (with a million events: 2.4 GB resident, not 1.4).
		ds = Dataset{}
		bigHeapGC()
		debug.FreeOSMemory()
	}
	return nil
}

// loadIndexed swaps in a view on the store's period index, if it has a
// current one.
func (s *Service) loadIndexed(ps PeriodIndexStore) (bool, error) {
	ix, ok, err := ps.LoadIndexed()
	if err != nil || !ok {
		return false, err
	}
	v, err := newIndexedView(ix, ps)
	if err != nil {
		return false, err
	}
	v.cache, v.built = s.cache, &s.built
	s.view.Store(v)
	bigHeapGC()
	return true, nil
}

// BigHeapGCPercent is the collector's target (GOGC) once a big ledger is
// resident. At the default 100 the heap grows to twice the live data
// before a collection: with a million events, 1.2 GB of history let each
// 10 MB epoch built pile up to 3 GB resident after a thousand random
// dates. At 25 a collection comes every 300 MB allocated instead, a few
// hundred milliseconds of marking spread over some 30 new epochs.
const BigHeapGCPercent = 25

var bigHeapOnce sync.Once

// bigHeapGC lowers the collector's target for a big ledger, unless the
// operator set GOGC or GOMEMLIMIT, which then rule.
func bigHeapGC() {
	bigHeapOnce.Do(func() {
		if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
			debug.SetGCPercent(BigHeapGCPercent)
		}
	})
}

// bigLedger is the number of events from which a reload returns its
// garbage to the operating system at once; below it the cost (a full
// collection) is not worth it.
const bigLedger = 100_000

// View returns the current view.
func (s *Service) View() *View { return s.view.Load() }

// ErrBadRequest marks client input the service rejects (besides dates).
var ErrBadRequest = errors.New("bad request")

// BadRequest wraps a client-input problem in ErrBadRequest.
func BadRequest(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrBadRequest, fmt.Sprintf(format, a...))
}
