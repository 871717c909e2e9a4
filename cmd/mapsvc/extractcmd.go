package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mapsvc/mapsvc/data/regions"
	"github.com/mapsvc/mapsvc/extract"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/seeds"
)

// extraction is one article's proposals as `mapsvc extract` prints them.
type extraction struct {
	File   string                `json:"file"`
	Result extract.Result        `json:"result"`
	Ledger []extract.LedgerEvent `json:"ledger_events"`
}

// runExtract proposes events for each article file; it changes nothing.
func runExtract(args []string, stdout io.Writer) error {
	fs := newFlags("extract", stdout)
	published := fs.String("published", "", "publication date YYYY-MM-DD (default: inferred from the text where possible)")
	source := fs.String("source", "", "the article's URL or seeds/ path, cited in the proposals (default: the file name); a date in the URL (/2020/10/04/, /20201017…, /2020-10-04/ or -2020-10-04- in a slug, ?date=) is the publication date when --published is not given")
	outlet := fs.String("outlet", "", "the outlet's name, where the text has no credit line")
	ledger := fs.String("ledger", "", "ledger whose history gives previous holders (default: the embedded ledger)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("usage: mapsvc extract [--published YYYY-MM-DD] [--source URL] [--ledger FILE] FILE...")
	}
	rs, evs, err := loadData("", *ledger)
	if err != nil {
		return err
	}
	hist, err := geo.NewHistory(rs, evs)
	if err != nil {
		return err
	}
	var out []extraction
	for _, file := range fs.Args() {
		b, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		src := *source
		if src == "" {
			src = file
		}
		res, err := extract.Extract(string(b), extract.Options{Published: *published, Source: src, History: hist})
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		if res.Outlet == "" {
			res.Outlet = *outlet
		}
		out = append(out, extraction{File: file, Result: res, Ledger: res.LedgerEvents()})
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// runEventsAccept moves accepted proposals into a ledger file, through the
// loader's validation: the file is rewritten only if the whole ledger,
// with the new events, still validates.
func runEventsAccept(args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "accept" {
		return usageError("usage: mapsvc events accept --proposals FILE (--ids ID,ID | --all) [--ledger seeds/ledger.json]")
	}
	fs := newFlags("events accept", stdout)
	proposals := fs.String("proposals", "", "the proposals file written by mapsvc extract")
	ids := fs.String("ids", "", "comma-separated proposal ids to accept")
	all := fs.Bool("all", false, "accept every proposal")
	ledgerPath := fs.String("ledger", "seeds/ledger.json", "ledger file to add the events to")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *proposals == "" || (*ids == "") == !*all {
		return usageError("events accept needs --proposals and either --ids or --all")
	}
	b, err := os.ReadFile(*proposals)
	if err != nil {
		return err
	}
	var extractions []extraction
	if err := json.Unmarshal(b, &extractions); err != nil {
		return fmt.Errorf("%s: %w", *proposals, err)
	}
	want := map[string]bool{}
	for _, id := range strings.Split(*ids, ",") {
		if id = strings.TrimSpace(id); id != "" {
			want[id] = true
		}
	}
	var accepted []geo.Event
	for _, x := range extractions {
		for _, le := range x.Ledger {
			if !*all && !want[le.ID] {
				continue
			}
			delete(want, le.ID)
			raw, _ := json.Marshal(le)
			e, err := geo.DecodeEvent(raw)
			if err == nil {
				err = e.Validate()
			}
			if err != nil {
				return fmt.Errorf("%s: proposal %s: %w", *proposals, le.ID, err)
			}
			accepted = append(accepted, e)
		}
	}
	if len(want) > 0 {
		var missing []string
		for id := range want {
			missing = append(missing, id)
		}
		return fmt.Errorf("%s has no proposals %s", *proposals, strings.Join(missing, ", "))
	}
	if len(accepted) == 0 {
		return errors.New("no proposals to accept")
	}
	return appendToLedger(*ledgerPath, accepted, stdout)
}

// appendToLedger validates the ledger with the new events against the
// regions and only then rewrites the file, atomically.
func appendToLedger(path string, add []geo.Event, stdout io.Writer) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	l, err := seeds.Parse(path, b)
	if err != nil {
		return err
	}
	rs, err := regions.Load()
	if err != nil {
		return err
	}
	if _, err := geo.NewHistory(rs, append(l.Events, add...)); err != nil {
		return fmt.Errorf("%s with the accepted events: %w", path, err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		return err
	}
	var events []json.RawMessage
	json.Unmarshal(doc["events"], &events)
	for _, e := range add {
		raw, _ := json.Marshal(e)
		var m map[string]any
		json.Unmarshal(raw, &m)
		for _, derived := range []string{"date_precision", "date_first", "date_last"} {
			delete(m, derived)
		}
		raw, _ = json.Marshal(m)
		events = append(events, raw)
	}
	doc["events"], _ = json.Marshal(events)
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(out, '\n'), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "added %d events to %s; run `mapsvc import --ledger %s` to load them\n", len(add), path, path)
	return nil
}
