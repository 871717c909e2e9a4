package main

import (
	"fmt"
	"os"
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
	rs, evs, err := readData(regionsPath, ledgerPath)
	if err != nil {
		return nil, nil, err
	}
	if _, err := geo.NewHistory(rs, evs); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", orEmbedded(ledgerPath, "seeds/ledger.json"), err)
	}
	return rs, evs, nil
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
		var b []byte
		if b, err = os.ReadFile(ledgerPath); err == nil {
			ledger, err = seeds.Parse(ledgerPath, b)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	return rs, ledger.Events, nil
}

func orEmbedded(path, name string) string {
	if path == "" {
		return name + " (embedded)"
	}
	return path
}

// openStore opens the database and, when it is new, seeds it from the
// embedded data so the binary alone is enough. It then also returns the
// view of the seeded data, so a fresh server need not read back what it
// has just written.
func openStore(c Config) (*store.DB, *service.View, error) {
	db, err := store.Open(c.DB, store.Options{Timeout: c.LockTimeout, MaxSize: c.MaxDBBytes})
	if err != nil {
		return nil, nil, err
	}
	if v, err := db.Version(); err != nil || v != "" {
		return db, nil, err
	}
	view, err := seed(db)
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("seeding %s: %w", c.DB, err)
	}
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

// openService opens (and if new, seeds) the store and loads the service
// over it. The caller closes the store.
func openService(c Config) (*store.DB, *service.Service, error) {
	db, seeded, err := openStore(c)
	if err != nil {
		return nil, nil, err
	}
	if seeded != nil {
		return db, service.NewWithView(db, seeded), nil
	}
	svc, err := service.New(db)
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("loading %s: %w", c.DB, err)
	}
	return db, svc, nil
}
