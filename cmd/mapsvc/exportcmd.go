package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/staticsite"
)

// runExportStatic writes the public side as files for a CDN.
func runExportStatic(args []string, stdout io.Writer) error {
	c := defaultConfig()
	fs := newFlags("export-static", stdout)
	langs := fs.String("langs", "en,ar,az,ru,hy", "languages to export")
	maxZoom := fs.Int("max-zoom", 8, "deepest vector tile zoom (0..14)")
	baseURL := fs.String("base-url", "", "public URL of the export, for absolute tile URLs in the TileJSON")
	fs.StringVar(&c.Assets, "assets", c.Assets, "folder of npm-installed front-end packages")
	c.dbFlags(fs)
	c.initFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("usage: mapsvc export-static [--db PATH] [--langs en,ar] [--max-zoom 8] DIR")
	}
	var ls []geo.Lang
	for _, s := range strings.Split(*langs, ",") {
		l, err := httpkit.ParseLang(strings.TrimSpace(s))
		if err != nil {
			return usageError("--langs: " + err.Error())
		}
		ls = append(ls, l)
	}
	db, svc, err := openService(c, c.mayCreate(), newLogger(c, os.Stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	router := handlers.New(svc, handlers.Options{Mounts: mounts(svc, c)})
	m, err := staticsite.Export(svc, router, staticsite.Options{Dir: fs.Arg(0), Langs: ls, MaxZoom: *maxZoom,
		Assets: c.Assets, BaseURL: *baseURL, BasemapURL: c.BasemapURL, BasemapAttribution: c.BasemapAttribution})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "exported to %s: %s\n", fs.Arg(0), m.Summary(fs.Arg(0)))
	return nil
}
