// Command mapsvc-pmtiles packs a mapsvc tile stream (internal/tilestream)
// read from standard input into a PMTiles v3 archive:
//
//	mapsvc-pmtiles OUT.pmtiles < stream
//
// `mapsvc export-pmtiles` runs it; build it beside mapsvc with
// `go build -o DIR/mapsvc-pmtiles ./cmd/mapsvc-pmtiles`. It is a program
// of its own because the PMTiles library's package links the SDKs of
// three cloud stores (and gRPC, OpenTelemetry): in the server binary they
// doubled its size and added some 270 package initialisers to every
// start. On success it prints one line: tiles=N contents=N bytes=N.
package main

import (
	"fmt"
	"os"

	"github.com/mapsvc/mapsvc/internal/pmarchive"
	"github.com/mapsvc/mapsvc/internal/tilestream"
)

func main() {
	if len(os.Args) != 2 || os.Args[1] == "" || os.Args[1][0] == '-' {
		fmt.Fprintln(os.Stderr, "usage: mapsvc-pmtiles OUT.pmtiles < tile-stream (mapsvc export-pmtiles runs it)")
		os.Exit(2)
	}
	out := os.Args[1]
	r, h, err := tilestream.NewReader(os.Stdin)
	if err == nil {
		var st pmarchive.Stats
		if st, err = pmarchive.Pack(r, h, out); err == nil {
			fmt.Printf("tiles=%d contents=%d bytes=%d\n", st.Tiles, st.Contents, st.Bytes)
			return
		}
	}
	fmt.Fprintf(os.Stderr, "mapsvc-pmtiles: %s: %v\n", out, err)
	os.Exit(1)
}
