// Command gen writes a synthetic data set for scale benchmarks (see
// package synth): DIR/regions.geojson and DIR/ledger.json, ready for
// `mapsvc import --regions DIR/regions.geojson --ledger DIR/ledger.json`.
//
//	go run ./bench/gen -regions 10000 -events 1000000 -out DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/synth"
)

func main() {
	nRegions := flag.Int("regions", 10000, "number of regions")
	nEvents := flag.Int("events", 1000000, "number of events (a multiple of -regions)")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("out", ".", "output folder")
	check := flag.Bool("check", true, "validate the data set before writing it")
	flag.Parse()
	if *nRegions < 1 || *nEvents < *nRegions || *nEvents%*nRegions != 0 {
		fmt.Fprintln(os.Stderr, "gen: -events must be a positive multiple of -regions")
		os.Exit(2)
	}
	regions := synth.Regions(*nRegions, *seed)
	events := synth.Events(regions, *nEvents / *nRegions, *seed)
	if *check {
		if _, err := geo.NewHistory(regions, events); err != nil {
			fmt.Fprintln(os.Stderr, "gen: the generated data does not validate:", err)
			os.Exit(1)
		}
	}
	if err := write(filepath.Join(*out, "regions.geojson"), func(f *os.File) error { return synth.WriteRegions(f, regions) }); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := write(filepath.Join(*out, "ledger.json"), func(f *os.File) error { return synth.WriteLedger(f, events) }); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d regions and %d events to %s\n", len(regions), len(events), *out)
}

func write(path string, fill func(*os.File) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
