package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"time"

	"github.com/mapsvc/mapsvc/data/regions"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/seeds"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/store"
)

// loadData reads regions and the ledger (readData) and validates them
// together. Errors name the file and the item.
func loadData(regionsPath, ledgerPath string) ([]geo.Region, []geo.Event, error) {
	rs, evs, _, err := loadIndexedData(regionsPath, ledgerPath)
	return rs, evs, err
}

// loadIndexedData is loadData that also encodes the period index of a
// large ledger (service.IndexMinEvents or more events; nil below), for
// the import to write with it: the first server start on the file then
// reads no events before it answers.
func loadIndexedData(regionsPath, ledgerPath string) ([]geo.Region, []geo.Event, *store.PeriodIndex, error) {
	rs, evs, err := readData(regionsPath, ledgerPath)
	if err != nil {
		return nil, nil, nil, err
	}
	// What reading left behind (the file's text in batches, the events
	// twice while they were put together) goes before the history is built
	// on top of it.
	runtime.GC()
	h, err := geo.NewHistory(rs, evs)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %w", orEmbedded(ledgerPath, "seeds/ledger.json"), err)
	}
	var ix *store.PeriodIndex
	if len(evs) >= service.IndexMinEvents {
		ix = store.BuildPeriodIndex(h)
		// The history's periods and maps (some hundreds of MB with a
		// million events) are collected now, so that encoding the ledger
		// reuses their memory. (Handing it back to the system instead,
		// debug.FreeOSMemory, cost 2.5 s of CPU, and as much again to
		// fault the pages in once more.)
		runtime.GC()
	}
	return rs, evs, ix, nil
}

// encodeData is loadIndexedData encoded for the store: the decoded events
// (some 700 MB with a million) are garbage once it returns, before the
// import writes.
func encodeData(regionsPath, ledgerPath string) (enc *store.Encoded, regions int, ix *store.PeriodIndex, err error) {
	rs, evs, ix, err := loadIndexedData(regionsPath, ledgerPath)
	if err != nil {
		return nil, 0, nil, err
	}
	if enc, err = store.Encode(rs, evs); err != nil {
		return nil, 0, nil, fmt.Errorf("%s: %w", orEmbedded(ledgerPath, "seeds/ledger.json"), err)
	}
	// The decoded events are garbage now: collected before the write, its
	// buffers reuse their memory instead of growing the heap past them.
	runtime.GC()
	return enc, len(rs), ix, nil
}

// readData reads regions and the ledger from files, or from the copies
// embedded in the binary where a path is empty; each event is checked on
// its own, not yet against the others.
func readData(regionsPath, ledgerPath string) ([]geo.Region, []geo.Event, error) {
	rs, err := regions.Load()
	if regionsPath != "" {
		var b []byte
		if b, err = os.ReadFile(regionsPath); err == nil {
			rs, err = geo.DecodeRegions(b)
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", orEmbedded(regionsPath, "data/regions/regions.geojson"), err)
	}
	ledger, err := seeds.Embedded()
	if ledgerPath != "" {
		var f *os.File
		if f, err = os.Open(ledgerPath); err == nil {
			ledger, err = seeds.ParseReader(ledgerPath, f)
			f.Close()
		}
	}
	if err != nil {
		return nil, nil, err
	}
	return rs, ledger.Events, nil
}

// importMmapSize is the address space an import into dbPath reserves
// (store.Options.MmapSize) so that its commit need not map the file again
// as it grows: the file keeps its old pages until the commit frees them,
// and the new ones take some twice the input's size (690 MB for the
// 384 MB of the 1M-event world).
func importMmapSize(dbPath string, inputs ...string) int {
	n := fileSize(dbPath)
	for _, p := range inputs {
		n += 2 * fileSize(p)
	}
	return int(n) + 64<<20
}

func fileSize(path string) int64 {
	if path == "" {
		return 0
	}
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func orEmbedded(path, name string) string {
	if path == "" {
		return name + " (embedded)"
	}
	return path
}

// defaultDB is the one path serve creates and seeds on its own; any
// other path must exist, or be created with init or serve --init.
const defaultDB = "mapsvc.db"

// openStore opens c.DB for writing. Only when create is set and nothing
// is at the path does it create the file and seed it from the embedded
// data, logging so; it then also returns the view of the seeded data, so
// a fresh server need not read back what it has just written.
func openStore(c Config, create bool, log *slog.Logger) (*store.DB, *service.View, error) {
	opt := store.Options{Timeout: c.LockTimeout, MaxSize: c.MaxDBBytes}
	db, err := store.Open(c.DB, opt)
	if errors.Is(err, store.ErrNotExist) && create {
		if db, err = store.Create(c.DB, opt); err == nil {
			log.Info("created a new database; seeding it from the embedded regions and ledger", "db", c.DB)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	if v, err := db.Version(); err != nil || v != "" || !create {
		if err != nil {
			db.Close()
			return nil, nil, err
		}
		return db, nil, nil
	}
	view, err := seed(db)
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("seeding %s: %w", c.DB, err)
	}
	log.Info("seeded the database", "db", c.DB, "data_version", view.Version)
	return db, view, nil
}

// seed validates the embedded data once (building the view), writes it
// in one transaction, and returns the view under the stored version.
func seed(db *store.DB) (*service.View, error) {
	rs, evs, err := readData("", "")
	if err != nil {
		return nil, err
	}
	view, err := service.NewView(service.Dataset{Regions: rs, Events: evs})
	if err != nil {
		return nil, fmt.Errorf("seeds/ledger.json (embedded): %w", err)
	}
	version, _, err := db.ImportBy(rs, evs, "seed", time.Now().UTC())
	if err != nil {
		return nil, err
	}
	view.Version = version
	return view, nil
}

// openService opens the store (see openStore for when it is created) and
// loads the service over it. The caller closes the store.
func openService(c Config, create bool, log *slog.Logger) (*store.DB, *service.Service, error) {
	db, seeded, err := openStore(c, create, log)
	if err != nil {
		return nil, nil, err
	}
	if seeded != nil {
		return db, service.NewWithView(db, seeded), nil
	}
	svc, err := loadService(db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, svc, nil
}

func loadService(db *store.DB) (*service.Service, error) {
	svc, err := service.New(db)
	if errors.Is(err, store.ErrEmpty) {
		return nil, fmt.Errorf("%s holds no data yet: load it with mapsvc import --db %s", db.Path(), db.Path())
	}
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", db.Path(), err)
	}
	return svc, nil
}

// openReadOnly opens c.DB for reading beside other readers. When a server
// holds the file, it asks that server for a consistent copy over the local
// socket beside the file (see localsock.go) and opens the copy. done closes
// the store and removes any copy.
func openReadOnly(c Config) (db *store.DB, done func(), err error) {
	// Only a writer blocks a reader, and a server holds the file for good:
	// waiting long for it is pointless.
	db, err = store.Open(c.DB, store.Options{Timeout: min(c.LockTimeout, 300*time.Millisecond), ReadOnly: true})
	if err == nil {
		return db, func() { db.Close() }, nil
	}
	if !errors.Is(err, store.ErrLocked) {
		return nil, nil, err
	}
	tmp, ferr := fetchFromServer(c.DB)
	if ferr != nil {
		return nil, nil, fmt.Errorf("%w; and no server answered on its local socket: %v", err, ferr)
	}
	db, err = store.Open(tmp, store.Options{ReadOnly: true})
	if err != nil {
		os.Remove(tmp)
		return nil, nil, fmt.Errorf("%s (copy from the running server): %w", c.DB, err)
	}
	return db, func() { db.Close(); os.Remove(tmp) }, nil
}
