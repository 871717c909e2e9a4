package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/mapsvc/mapsvc/store"
)

// runBackup writes a consistent copy of the database to OUT. While a
// server holds the file, use its GET /api/v1/admin/backup instead.
func runBackup(args []string, stdout io.Writer) error {
	c := defaultConfig()
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	c.dbFlags(fs)
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if fs.NArg() != 1 {
		return usageError("usage: mapsvc backup [--db PATH] OUT")
	}
	db, err := store.Open(c.DB, store.Options{Timeout: c.LockTimeout})
	if err != nil {
		return fmt.Errorf("%w\n(while a server runs on it, fetch GET /api/v1/admin/backup with an editor token)", err)
	}
	defer db.Close()
	if err := db.BackupFile(fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s\n", c.DB, fs.Arg(0))
	return nil
}

// runCheck verifies a database file and exits non-zero on any fault.
func runCheck(args []string, stdout io.Writer) error {
	c := defaultConfig()
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	c.dbFlags(fs)
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if fs.NArg() == 1 {
		c.DB = fs.Arg(0)
	}
	db, err := store.Open(c.DB, store.Options{Timeout: c.LockTimeout})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Check(); err != nil {
		return fmt.Errorf("%s: %w", c.DB, err)
	}
	v, _ := db.Version()
	fmt.Fprintf(stdout, "%s: ok (data version %s)\n", c.DB, v)
	return nil
}
