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

// loadData reads regions and the ledger from files, or from the copies
// embedded in the binary where a path is empty, and validates them
// together. Errors name the file and the item.
func loadData(regionsPath, ledgerPath string) ([]geo.Region, []geo.Event, error) {
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
	if _, err := geo.NewHistory(rs, ledger.Events); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", orEmbedded(ledgerPath, "seeds/ledger.json"), err)
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
// embedded data so the binary alone is enough.
func openStore(c Config) (*store.DB, error) {
	db, err := store.Open(c.DB, store.Options{Timeout: c.LockTimeout, MaxSize: c.MaxDBBytes})
	if err != nil {
		return nil, err
	}
	if v, err := db.Version(); err != nil || v != "" {
		return db, err
	}
	rs, evs, err := loadData("", "")
	if err == nil {
		_, _, err = db.ImportBy(rs, evs, "seed", time.Now().UTC())
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("seeding %s: %w", c.DB, err)
	}
	return db, nil
}

// openService opens (and if new, seeds) the store and loads the service
// over it. The caller closes the store.
func openService(c Config) (*store.DB, *service.Service, error) {
	db, err := openStore(c)
	if err != nil {
		return nil, nil, err
	}
	svc, err := service.New(db)
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("loading %s: %w", c.DB, err)
	}
	return db, svc, nil
}
