package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	withPM := fs.Bool("pmtiles", false, "also write every layer as one PMTiles archive (needs mapsvc-pmtiles) and draw the page's map from it")
	packer := fs.String("packer", "", "path of mapsvc-pmtiles for --pmtiles (default: $MAPSVC_PMTILES, beside this program, or on PATH)")
	budget := fs.Int64("snapshot-budget", staticsite.DefaultSnapshotBudget>>20, "MiB for the per-epoch snapshot files; over it they are left out (-1: no bound)")
	periodsPage := fs.Int("periods-page", handlers.MaxPeriodsLimit, "periods per file; a longer history is written as pages (1..10000)")
	regionBudget := fs.Int64("region-budget", staticsite.DefaultRegionBudget>>20, "MiB for the per-region history files; over it they are left out (-1: no bound)")
	timelineBudget := fs.Int64("timeline-budget", staticsite.DefaultTimelineBudget>>20, "MiB for the timeline files' events; over it they hold the change days only (-1: no bound)")
	fs.StringVar(&c.Assets, "assets", c.Assets, "folder of npm-installed front-end packages")
	c.dbFlags(fs)
	c.initFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("usage: mapsvc export-static [--db PATH] [--langs en,ar] [--max-zoom 8] DIR")
	}
	if *periodsPage < 1 || *periodsPage > handlers.MaxPeriodsLimit {
		return usageError(fmt.Sprintf("--periods-page: want 1..%d", handlers.MaxPeriodsLimit))
	}
	var ls []geo.Lang
	for _, s := range strings.Split(*langs, ",") {
		l, err := httpkit.ParseLang(strings.TrimSpace(s))
		if err != nil {
			return usageError("--langs: " + err.Error())
		}
		ls = append(ls, l)
	}
	var bin string
	if *withPM {
		var err error
		if bin, err = findPacker(*packer); err != nil {
			return err
		}
	}
	db, svc, err := openService(c, c.mayCreate(), newLogger(c, os.Stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	var archive string
	if *withPM {
		tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(fs.Arg(0))), ".pmtiles-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		archive = filepath.Join(tmp, "mapsvc.pmtiles")
		if _, err := writePMTiles(svc, *maxZoom, bin, archive); err != nil {
			return err
		}
	}
	mib := *budget << 20
	if *budget < 0 {
		mib = -1
	} else if *budget == 0 {
		mib = 1 // nothing fits: no per-epoch files
	}
	regionMiB := *regionBudget << 20
	if *regionBudget < 0 {
		regionMiB = -1
	} else if *regionBudget == 0 {
		regionMiB = 1
	}
	timelineMiB := *timelineBudget << 20
	if *timelineBudget < 0 {
		timelineMiB = -1
	} else if *timelineBudget == 0 {
		timelineMiB = 1
	}
	router := handlers.New(svc, handlers.Options{Mounts: mounts(svc, c)})
	m, err := staticsite.Export(svc, router, staticsite.Options{Dir: fs.Arg(0), Langs: ls, MaxZoom: *maxZoom,
		Assets: c.Assets, BaseURL: *baseURL, BasemapURL: c.BasemapURL, BasemapAttribution: c.BasemapAttribution,
		PMTiles: archive, SnapshotBudget: mib, RegionBudget: regionMiB, TimelineBudget: timelineMiB, PeriodsPage: *periodsPage})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "exported to %s: %s\n", fs.Arg(0), m.Summary(fs.Arg(0)))
	return nil
}
