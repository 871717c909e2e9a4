package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/mapsvc/mapsvc/store"
)

// version is set at build time (-ldflags "-X main.version=v1.2.3"); when
// empty, the module version and VCS revision Go stamps into the binary
// are used.
var version string

// programVersion names this build.
func programVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" && (v == "" || v == "(devel)") {
		return "devel-" + rev + dirty
	}
	if v == "" {
		return "(devel)"
	}
	return v
}

// runVersion prints the program version and the version of the data
// embedded in it (the data version a database seeded from it gets).
func runVersion(args []string, stdout io.Writer) error {
	fs := newFlags("version", stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	rs, evs, err := readData("", "")
	if err != nil {
		return err
	}
	dv, err := store.DataVersion(rs, evs)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "mapsvc %s\nembedded data version %s\n", programVersion(), dv)
	return nil
}
