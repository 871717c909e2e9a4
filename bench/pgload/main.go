// Command pgload turns mapsvc's own exports into SQL for PostGIS, so that
// bench/run.sh can ask PostgreSQL the question mapsvc answers (who held
// each region at the end of day D, with its boundary, as GeoJSON) over
// the same regions and control periods.
//
//	pgload -regions regions.json -periods periods.json -snapshot snap.json | psql ...
//
// regions.json is GET /api/v1/regions, periods.json GET /api/v1/periods
// and snap.json any GET /api/v1/snapshot: context regions have no periods
// (their holder never changes), so their one state is taken from it.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
)

type collection struct {
	Features []struct {
		ID         string                     `json:"id"`
		Properties map[string]json.RawMessage `json:"properties"`
		Geometry   json.RawMessage            `json:"geometry"`
	} `json:"features"`
}

// stateKeys are the snapshot properties that describe a region's state.
var stateKeys = []string{"controller", "controller_name", "status", "extent", "holders", "candidates", "since", "since_precision", "since_event", "event_ids"}

func main() {
	regionsPath := flag.String("regions", "", "GET /api/v1/regions")
	periodsPath := flag.String("periods", "", "GET /api/v1/periods")
	snapshotPath := flag.String("snapshot", "", "GET /api/v1/snapshot (any day)")
	flag.Parse()
	var regions, periods, snap collection
	for _, f := range []struct {
		path string
		into *collection
	}{{*regionsPath, &regions}, {*periodsPath, &periods}, {*snapshotPath, &snap}} {
		b, err := os.ReadFile(f.path)
		if err == nil {
			err = json.Unmarshal(b, f.into)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "pgload:", err)
			os.Exit(1)
		}
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	fmt.Fprint(w, `CREATE EXTENSION IF NOT EXISTS postgis;
DROP TABLE IF EXISTS periods, regions, regions_raw;
CREATE TABLE regions_raw (ord int, id text, name text, kind text, role text, geojson text);
CREATE TABLE periods (region text, start_day int, end_day int, props jsonb);
COPY regions_raw FROM stdin;
`)
	for i, f := range regions.Features {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", i, esc(f.ID), esc(str(f.Properties["name"])), esc(str(f.Properties["kind"])),
			esc(str(f.Properties["role"])), esc(string(f.Geometry)))
	}
	fmt.Fprint(w, "\\.\nCOPY periods FROM stdin;\n")
	for _, f := range periods.Features {
		end := `\N`
		if e := f.Properties["end_day"]; e != nil && string(e) != "null" {
			end = string(e)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", esc(str(f.Properties["region"])), f.Properties["start_day"], end, esc(state(f.Properties)))
	}
	for _, f := range snap.Features {
		if str(f.Properties["role"]) == "context" {
			fmt.Fprintf(w, "%s\t-1000000\t\\N\t%s\n", esc(f.ID), esc(state(f.Properties)))
		}
	}
	fmt.Fprint(w, `\.
CREATE TABLE regions AS SELECT ord, id, name, kind, role, ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326) AS geom FROM regions_raw;
ALTER TABLE regions ADD PRIMARY KEY (id);
DROP TABLE regions_raw;
CREATE INDEX ON periods (region, start_day);
VACUUM ANALYZE;
`)
}

// state keeps the state members of a feature's properties, as JSON.
func state(props map[string]json.RawMessage) string {
	out := map[string]json.RawMessage{}
	for _, k := range stateKeys {
		if v, ok := props[k]; ok {
			out[k] = v
		}
	}
	b, _ := json.Marshal(out)
	return string(b)
}

func str(raw json.RawMessage) string {
	var s string
	json.Unmarshal(raw, &s)
	return s
}

// esc escapes a value for COPY's text format.
func esc(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`).Replace(s)
}
