package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/seeds"
	"github.com/mapsvc/mapsvc/store"
)

// A ledger file that is cut off, or has a bad event deep in it, is refused
// with a message naming the file and the event (the ledger is read as a
// stream), and the database keeps its data.
func TestImportStreamedLedgerErrorsNameFileAndEvent(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	if out, err := exec.Command(bin, "init", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("init: %v %s", err, out)
	}
	version := func() string {
		s, err := store.Open(db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		v, _ := s.Version()
		return v
	}
	v1 := version()
	good := string(seeds.LedgerJSON)
	// The third event gains a field no event has.
	third := strings.Index(good, `"id"`)
	for range 2 {
		third += 1 + strings.Index(good[third+1:], `"id"`)
	}
	cases := map[string]string{
		"unknown.json": good[:third] + `"colour": "red", ` + good[third:],
		"cut.json":     good[:len(good)/2],
	}
	for name, text := range cases {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, "import", "--db", db, "--ledger", path).CombinedOutput()
		if err == nil {
			t.Fatalf("%s imported", name)
		}
		if !strings.Contains(string(out), path) || !strings.Contains(string(out), "event #") {
			t.Errorf("%s: error %q does not name the file and the event", name, out)
		}
		if name == "unknown.json" && (!strings.Contains(string(out), "event #3:") || !strings.Contains(string(out), "colour")) {
			t.Errorf("%s: error %q, want event #3 and the unknown field", name, out)
		}
		if v := version(); v != v1 {
			t.Errorf("%s: version moved from %s to %s after a refused import", name, v1, v)
		}
	}
}
