// Command mapsvc serves who held which territory on a given date, and on
// what evidence.
package main

import (
	"errors"
	"fmt"
	"os"
)

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
	case "regions":
		return runRegions(args, os.Stdout)
	default:
		return usageError(fmt.Sprintf("unknown command %q", cmd))
	}
}
