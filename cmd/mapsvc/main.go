// Command mapsvc serves who held which territory on a given date, and on
// what evidence.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// command is one subcommand: its positional arguments as help shows them,
// one line on what it does, and how it runs.
type command struct {
	name, args, summary string
	run                 func(args []string, stdout io.Writer) error
}

// commands lists every subcommand in the order help shows them.
func commands() []command {
	return []command{
		{"serve", "", "(default) serve the API and map on --addr from --db; creates and seeds only the default ./mapsvc.db, or --db with --init", runServe},
		{"init", "", "create --db (refuses an existing file) and load the embedded or given regions and ledger", runInit},
		{"import", "", "validate regions and ledger and load them into an existing --db, all or nothing", runImport},
		{"snapshot", "", "print the GeoJSON snapshot for --date (--read-only works beside a running server)", runSnapshot},
		{"check", "[PATH]", "verify a database file (--read-only works beside a running server)", runCheck},
		{"backup", "OUT", "write a consistent copy of --db to OUT; --force to replace OUT (--read-only works beside a running server)", runBackup},
		{"export-static", "DIR", "write the public side (snapshots, periods, tiles, map page) as files for a CDN", runExportStatic},
		{"export-pmtiles", "OUT.pmtiles", "write regions, control periods and areas of every date as one PMTiles archive (runs mapsvc-pmtiles)", runExportPMTiles},
		{"extract", "FILE...", "propose events from news articles (changes nothing)", runExtract},
		{"events", "accept", "accept --proposals FILE --ids ID,...: add reviewed proposals to a ledger file", runEventsAccept},
		{"regions", "import-ne FILE", "moved: go run ./cmd/regionimport FILE regenerates data/regions (needs libgeos-dev)", runRegions},
		{"version", "", "print the program version and the embedded data's version", runVersion},
		{"help", "[COMMAND]", "list the commands, or show one command's flags", runHelp},
	}
}

func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func usageText() string {
	var b strings.Builder
	b.WriteString("usage: mapsvc [COMMAND] [flags] [ARGS]   (flags go after the command)\n\ncommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-28s %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
	b.WriteString("\nmapsvc help COMMAND shows a command's flags; mapsvc --version prints the version.")
	return b.String()
}

// usageError is a wrong command line: exit status 2.
type usageError string

func (e usageError) Error() string { return string(e) }

// errHelpShown: help was asked for and printed; exit status 0.
var errHelpShown = errors.New("help shown")

func main() {
	err := run(os.Args[1:], os.Stdout)
	if err == nil || errors.Is(err, errHelpShown) {
		return
	}
	fmt.Fprintln(os.Stderr, "mapsvc:", err)
	var u usageError
	if errors.As(err, &u) {
		os.Exit(2)
	}
	os.Exit(1)
}

func run(args []string, stdout io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "-h", "-help", "--help":
			fmt.Fprintln(stdout, usageText())
			return nil
		case "-version", "--version":
			return runVersion(nil, stdout)
		}
	}
	name := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		name, args = args[0], args[1:]
	} else {
		// Flags before a command (mapsvc --db x snapshot) once started a
		// server: refuse, and say how to write it.
		for i, a := range args {
			if _, ok := lookup(a); ok && !strings.HasPrefix(a, "-") {
				rest := append(append([]string{}, args[:i]...), args[i+1:]...)
				return usageError(fmt.Sprintf("flags go after the command: mapsvc %s %s", a, strings.Join(rest, " ")))
			}
		}
	}
	c, ok := lookup(name)
	if !ok {
		return usageError(fmt.Sprintf("unknown command %q\n%s", name, usageText()))
	}
	return c.run(args, stdout)
}

// runHelp prints the command list, or one command's synopsis and flags.
func runHelp(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stdout, usageText())
		return nil
	}
	c, ok := lookup(args[0])
	if !ok {
		return usageError(fmt.Sprintf("unknown command %q\n%s", args[0], usageText()))
	}
	if c.name == "help" {
		fmt.Fprintln(stdout, "usage: mapsvc help [COMMAND]\n  "+c.summary)
		return nil
	}
	sub := []string{"-h"}
	if c.name == "events" || c.name == "regions" {
		sub = append([]string{strings.Fields(c.args)[0]}, "-h")
	}
	err := c.run(sub, stdout)
	if errors.Is(err, errHelpShown) {
		return nil
	}
	return err
}

// newFlags makes a subcommand's flag set; -h prints its synopsis and
// flags to stdout (see parseFlags).
func newFlags(name string, stdout io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stdout)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args; -h prints the usage and is errHelpShown, a bad
// flag is a usageError.
func parseFlags(fs *flag.FlagSet, args []string) error {
	stdout := fs.Output()
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(fs, stdout)
		return errHelpShown
	}
	if err != nil {
		return usageError(fmt.Sprintf("%s: %v (mapsvc help %s lists its flags)", fs.Name(), err, fs.Name()))
	}
	return nil
}

func printUsage(fs *flag.FlagSet, stdout io.Writer) {
	name := fs.Name()
	top, sub, _ := strings.Cut(name, " ")
	c, _ := lookup(top)
	args := strings.TrimSpace(strings.TrimPrefix(c.args, sub))
	fmt.Fprintln(stdout, strings.TrimSpace("usage: mapsvc "+name+" [flags] "+args))
	fmt.Fprintf(stdout, "  %s\nflags:\n", c.summary)
	fs.SetOutput(stdout)
	fs.PrintDefaults()
}
