package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"time"

	"github.com/mapsvc/mapsvc/store"
)

// runImport validates regions and ledger and writes them in one
// transaction; nothing is written when anything is invalid.
func runImport(args []string, stdout io.Writer) error {
	c := defaultConfig()
	fs := newFlags("import", stdout)
	regionsPath := fs.String("regions", "", "regions GeoJSON (default: the embedded data/regions/regions.geojson)")
	ledgerPath := fs.String("ledger", "", "event ledger (default: the embedded seeds/ledger.json)")
	c.dbFlags(fs)
	fs.IntVar(&c.MaxDBBytes, "max-db-bytes", c.MaxDBBytes, "cap on the database file (env MAPSVC_DB_MAX_BYTES)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	enc, regions, ix, err := encodeData(*regionsPath, *ledgerPath)
	if err != nil {
		return err
	}
	if fileSize(c.DB) >= 64<<20 {
		// Reading the data this import replaces maps it in (690 MB
		// with a million events): the memory that decoding and
		// checking the new data used goes back to the system first.
		debug.FreeOSMemory()
	}
	db, err := store.Open(c.DB, store.Options{Timeout: c.LockTimeout, MaxSize: c.MaxDBBytes,
		MmapSize: importMmapSize(c.DB, *regionsPath, *ledgerPath)})
	if err != nil {
		return err
	}
	defer db.Close()
	version, changed, err := db.ImportEncoded(enc, "import", time.Now().UTC(), ix)
	if err != nil {
		return err
	}
	if !changed {
		fmt.Fprintf(stdout, "%s already holds this data (version %s); nothing written\n", c.DB, version)
		return nil
	}
	fmt.Fprintf(stdout, "imported %d regions and %d events into %s (version %s)\n", regions, enc.Events(), c.DB, version)
	return nil
}
