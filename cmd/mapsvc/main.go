// Command mapsvc serves who held which territory on a given date, and on
// what evidence.
package main

import (
	"errors"
	"fmt"
	"os"
)

const usage = `usage: mapsvc [command] [flags]
  serve      (default) serve the API and map on --addr with --db
  import     validate and load regions and ledger into --db in one transaction
  snapshot   print the GeoJSON snapshot for --date
  extract    [--published D] FILE...: propose events from news articles (changes nothing)
  events     accept --proposals FILE --ids ID,...: add reviewed proposals to a ledger file
  export-static DIR: write the public side (snapshots, periods, tiles, map page) as files for a CDN
  backup     OUT: write a consistent copy of --db to OUT
  check      [PATH]: verify a database file
  regions    import-ne: moved to "go run ./cmd/regionimport FILE" (needs libgeos-dev)`

type usageError string

func (e usageError) Error() string { return string(e) }

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "mapsvc:", err)
		var u usageError
		if errors.As(err, &u) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

func run(args []string) error {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(args)
	case "import":
		return runImport(args, os.Stdout)
	case "snapshot":
		return runSnapshot(args, os.Stdout)
	case "extract":
		return runExtract(args, os.Stdout)
	case "events":
		return runEventsAccept(args, os.Stdout)
	case "export-static":
		return runExportStatic(args, os.Stdout)
	case "backup":
		return runBackup(args, os.Stdout)
	case "check":
		return runCheck(args, os.Stdout)
	case "regions":
		return runRegions(args, os.Stdout)
	default:
		return usageError(fmt.Sprintf("unknown command %q\n%s", cmd, usage))
	}
}
