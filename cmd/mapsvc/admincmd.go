package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mapsvc/mapsvc/store"
)

// runInit creates a new database and loads the embedded (or given)
// regions and ledger into it: the explicit way to make a database.
func runInit(args []string, stdout io.Writer) error {
	c := defaultConfig()
	fs := newFlags("init", stdout)
	regionsPath := fs.String("regions", "", "regions GeoJSON (default: the embedded data/regions/regions.geojson)")
	ledgerPath := fs.String("ledger", "", "event ledger (default: the embedded seeds/ledger.json)")
	c.dbFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError("usage: mapsvc init [--db PATH] [--regions FILE] [--ledger FILE]")
	}
	enc, regions, ix, err := encodeData(*regionsPath, *ledgerPath)
	if err != nil {
		return err
	}
	db, err := store.Create(c.DB, store.Options{Timeout: c.LockTimeout, MaxSize: c.MaxDBBytes,
		MmapSize: importMmapSize(c.DB, *regionsPath, *ledgerPath)})
	if err != nil {
		return err
	}
	version, _, err := db.ImportEncoded(enc, "init", time.Now().UTC(), ix)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(c.DB)
		return fmt.Errorf("%s: %w (nothing kept)", c.DB, err)
	}
	fmt.Fprintf(stdout, "created %s with %d regions and %d events (data version %s)\n", c.DB, regions, enc.Events(), version)
	return nil
}

// runBackup writes a consistent copy of the database to OUT, never over an
// existing file unless --force.
func runBackup(args []string, stdout io.Writer) error {
	c := defaultConfig()
	fs := newFlags("backup", stdout)
	c.dbFlags(fs)
	readOnly := fs.Bool("read-only", false, "open with a shared lock; beside a running server, copy through its local socket")
	force := fs.Bool("force", false, "replace OUT if it exists")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("usage: mapsvc backup [--db PATH] [--read-only] [--force] OUT")
	}
	out := fs.Arg(0)
	if _, err := os.Stat(out); err == nil && !*force {
		return fmt.Errorf("%s exists: not replaced (use --force to replace it)", out)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	db, done, err := openFor(c, *readOnly)
	if err != nil {
		return err
	}
	defer done()
	if err := db.BackupFile(out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s\n", c.DB, out)
	return nil
}

// openFor opens c.DB read-only (openReadOnly) or for writing, never
// creating it.
func openFor(c Config, readOnly bool) (*store.DB, func(), error) {
	if readOnly {
		return openReadOnly(c)
	}
	db, err := store.Open(c.DB, store.Options{Timeout: c.LockTimeout})
	if errors.Is(err, store.ErrLocked) {
		return nil, nil, fmt.Errorf("%w\n(beside a running server, add --read-only)", err)
	}
	if err != nil {
		return nil, nil, err
	}
	return db, func() { db.Close() }, nil
}

// runCheck verifies a database file and exits non-zero on any fault.
func runCheck(args []string, stdout io.Writer) error {
	c := defaultConfig()
	fs := newFlags("check", stdout)
	c.dbFlags(fs)
	readOnly := fs.Bool("read-only", false, "open with a shared lock; beside a running server, check a copy from its local socket")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch fs.NArg() {
	case 0:
	case 1:
		c.DB = fs.Arg(0)
	default:
		return usageError("usage: mapsvc check [--read-only] [PATH]")
	}
	db, done, err := openFor(c, *readOnly)
	if err != nil {
		return err
	}
	defer done()
	if err := db.Check(); err != nil {
		return fmt.Errorf("%s: %w", c.DB, err)
	}
	v, _ := db.Version()
	if v == "" {
		fmt.Fprintf(stdout, "%s: ok, but it holds no data yet (load it with mapsvc import --db %s)\n", c.DB, c.DB)
		return nil
	}
	fmt.Fprintf(stdout, "%s: ok (data version %s)\n", c.DB, v)
	return nil
}
