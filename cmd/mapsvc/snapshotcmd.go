package main

import (
	"flag"
	"io"

	"github.com/mapsvc/mapsvc/geo"
)

// runSnapshot prints the GeoJSON snapshot for one date.
func runSnapshot(args []string, stdout io.Writer) error {
	c := defaultConfig()
	fs := flag.NewFlagSet("snapshot", flag.ContinueOnError)
	date := fs.String("date", "", "YYYY-MM-DD (default: today)")
	lang := fs.String("lang", "en", "en, ar, az, ru or hy")
	c.dbFlags(fs)
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
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
	db, svc, err := openService(c)
	if err != nil {
		return err
	}
	defer db.Close()
	e, err := svc.View().Snapshot(d, l)
	if err != nil {
		return err
	}
	_, err = stdout.Write(e.Body)
	return err
}
