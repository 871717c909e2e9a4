package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/mapsvc/mapsvc/internal/tilestream"
	"github.com/mapsvc/mapsvc/placeapi"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/tiles"
	"github.com/paulmach/orb/maptile"
)

// The PMTiles writer is the program mapsvc-pmtiles, not a package linked
// here: the PMTiles library links cloud SDKs that doubled this binary and
// slowed its start. mapsvc renders the tiles and streams them to it.
const packerName = "mapsvc-pmtiles"

// runExportPMTiles writes every layer of every date as one PMTiles file.
func runExportPMTiles(args []string, stdout io.Writer) error {
	c := defaultConfig()
	fs := newFlags("export-pmtiles", stdout)
	maxZoom := fs.Int("max-zoom", 10, "deepest tile zoom (0..14)")
	packer := fs.String("packer", "", "path of mapsvc-pmtiles (default: $MAPSVC_PMTILES, beside this program, or on PATH)")
	c.dbFlags(fs)
	c.initFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("usage: mapsvc export-pmtiles [--db PATH] [--max-zoom 10] OUT.pmtiles")
	}
	if *maxZoom < 0 || *maxZoom > tiles.MaxZoom {
		return usageError(fmt.Sprintf("--max-zoom %d: must be 0..%d", *maxZoom, tiles.MaxZoom))
	}
	bin, err := findPacker(*packer)
	if err != nil {
		return err
	}
	db, svc, err := openService(c, c.mayCreate(), newLogger(c, os.Stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	st, err := writePMTiles(svc, *maxZoom, bin, fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d tiles (%d distinct), zoom 0..%d, %.1f MB, data version %s, in %.1f s\n", fs.Arg(0),
		st.Tiles, st.Contents, *maxZoom, float64(st.Bytes)/1e6, svc.View().Version, time.Since(start).Seconds())
	return nil
}

// findPacker finds mapsvc-pmtiles: the flag, $MAPSVC_PMTILES, beside
// this program, then PATH.
func findPacker(flagPath string) (string, error) {
	for _, p := range []string{flagPath, os.Getenv("MAPSVC_PMTILES")} {
		if p != "" {
			if st, err := os.Stat(p); err != nil || st.IsDir() {
				return "", fmt.Errorf("%s: no such program", p)
			}
			return p, nil
		}
	}
	if self, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(self), packerName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	if p, err := exec.LookPath(packerName); err == nil {
		return p, nil
	}
	return "", errors.New(packerName + " was not found beside mapsvc or on PATH: build it with " +
		"`go build -o DIR/" + packerName + " ./cmd/" + packerName + "` (DIR being mapsvc's folder), or name it with --packer. " +
		"It is a separate program so that the server does not link the PMTiles library's cloud SDKs")
}

// pmStats is what the packer reports.
type pmStats struct{ Tiles, Contents, Bytes int64 }

// writePMTiles renders the tiles of svc's current data up to maxZoom and
// has the packer at bin write them to out.
func writePMTiles(svc *service.Service, maxZoom int, bin, out string) (pmStats, error) {
	var st pmStats
	// The areas come from the embedded place histories, which name the
	// real districts: on other data (a synthetic world) they do not apply,
	// and the archive has the regions and periods layers alone.
	areas := placeapi.TileAreas(placeapi.EmbeddedHistories())
	if _, err := areas(svc.View()); err != nil {
		fmt.Fprintf(os.Stderr, "mapsvc: the areas layer is left out: %v\n", err)
		areas = nil
	}
	a, err := tiles.NewArchive(svc, areas)
	if err != nil {
		return st, err
	}
	cmd := exec.Command(bin, out)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return st, err
	}
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	if err := cmd.Start(); err != nil {
		return st, fmt.Errorf("%s: %w", bin, err)
	}
	w, err := tilestream.NewWriter(stdin, tilestream.Header{Metadata: a.Metadata, MinZoom: 0, MaxZoom: maxZoom,
		Bounds: a.Bounds, Center: a.Center})
	if err == nil {
		_, err = a.Tiles(maxZoom, func(t maptile.Tile, b []byte) error { return w.Tile(uint8(t.Z), t.X, t.Y, b) })
	}
	if err == nil {
		err = w.Close() // a stream cut short (on an error) makes the packer write nothing
	}
	stdin.Close()
	werr := cmd.Wait()
	if werr != nil {
		msg := strings.TrimSpace(se.String())
		if err != nil {
			return st, fmt.Errorf("%w (%s: %s)", err, packerName, msg)
		}
		return st, fmt.Errorf("%s: %v: %s", packerName, werr, msg)
	}
	if err != nil {
		return st, err
	}
	if _, err := fmt.Sscanf(strings.TrimSpace(so.String()), "tiles=%d contents=%d bytes=%d", &st.Tiles, &st.Contents, &st.Bytes); err != nil {
		return st, fmt.Errorf("%s said %q: %v", packerName, so.String(), err)
	}
	return st, nil
}
