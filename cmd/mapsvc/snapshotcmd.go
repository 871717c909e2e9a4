package main

import (
	"io"

	"github.com/mapsvc/mapsvc/geo"
)

// runSnapshot prints the GeoJSON snapshot for one date.
func runSnapshot(args []string, stdout io.Writer) error {
	c := defaultConfig()
	fs := newFlags("snapshot", stdout)
	date := fs.String("date", "", "YYYY-MM-DD (default: today)")
	lang := fs.String("lang", "en", "en, ar, az, ru or hy")
	c.dbFlags(fs)
	readOnly := fs.Bool("read-only", false, "open with a shared lock; beside a running server, read a copy from its local socket")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	d := geo.Today()
	if *date != "" {
		var err error
		if d, err = geo.ParseDay(*date); err != nil {
			return usageError("--date: " + err.Error())
		}
	}
	l, err := geo.ParseLang(*lang)
	if err != nil {
		return usageError("--lang must be en, ar, az, ru or hy")
	}
	db, done, err := openFor(c, *readOnly)
	if err != nil {
		return err
	}
	defer done()
	svc, err := loadService(db)
	if err != nil {
		return err
	}
	e, err := svc.View().Snapshot(d, l)
	if err != nil {
		return err
	}
	_, err = stdout.Write(e.Body)
	return err
}
