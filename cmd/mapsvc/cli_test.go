package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// result runs the binary with a deadline and returns its combined output
// and exit code (-1: killed at the deadline).
func result(t *testing.T, dir string, bin string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return out.String(), ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return out.String(), 0
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
		return out.String(), -1
	}
}

func TestAPathGivenIsNeverCreated(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	cases := [][]string{
		{"check", "nope.db"},
		{"check", "--db", "nope.db"},
		{"check", "--read-only", "nope.db"},
		{"snapshot", "--db", "nope.db", "--date", "2020-11-25"},
		{"snapshot", "--read-only", "--db", "nope.db"},
		{"backup", "--db", "nope.db", "out.db"},
		{"backup", "--read-only", "--db", "nope.db", "out.db"},
		{"import", "--db", "nope.db"},
		{"serve", "--db", "typo.db", "--addr", addr},
		{"export-static", "--db", "nope.db", "site"},
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, code := result(t, dir, bin, args...)
			if code != 1 {
				t.Errorf("exit %d, want 1; output %q", code, out)
			}
			if !strings.Contains(out, "no database file") || !strings.Contains(out, "mapsvc init") {
				t.Errorf("output %q does not say the file is missing and how to create one", out)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				t.Errorf("%s was created", e.Name())
			}
		})
	}
}

// serve creates and seeds the default ./mapsvc.db, and says so.
func TestServeCreatesTheDefaultDatabaseAndLogsIt(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "serve", "--addr", addr)
	cmd.Dir, cmd.Stderr = dir, &stderr
	cmd.Env = append(os.Environ(), "MAPSVC_DB=")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitHealthy(t, "http://"+addr, cmd)
	cmd.Process.Kill()
	cmd.Wait()
	if _, err := os.Stat(filepath.Join(dir, "mapsvc.db")); err != nil {
		t.Fatalf("default database: %v", err)
	}
	if !strings.Contains(stderr.String(), "created a new database") {
		t.Errorf("no log line about the new database in %q", stderr.String())
	}
}

func TestInitRefusesAnExistingFile(t *testing.T) {
	bin := buildBinary(t)
	db := initDB(t, bin)
	before, _ := os.ReadFile(db)
	out, code := result(t, t.TempDir(), bin, "init", "--db", db)
	if code != 1 || !strings.Contains(out, "exists") {
		t.Errorf("init over a database: exit %d %q, want 1 naming the existing file", code, out)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("init changed the existing file")
	}
}

// Damaged and foreign files: every command that opens a database exits 1
// with a message naming the file, never panics, and never writes them.
func TestDamagedOrForeignFilesAreRefusedUnchanged(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	good, _ := os.ReadFile(initDB(t, bin))
	files := map[string][]byte{
		"truncated.db": good[:20000],
		"garbage.db":   bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 40000),
		"empty.db":     {},
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	foreign := filepath.Join(dir, "foreign.db")
	other, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	other.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("sessions"))
		return b.Put([]byte("k"), []byte("v"))
	})
	other.Close()
	files["foreign.db"], _ = os.ReadFile(foreign)

	want := map[string]string{"truncated.db": "damaged", "garbage.db": "damaged", "empty.db": "empty", "foreign.db": "not a mapsvc database"}
	for name, content := range files {
		commands := [][]string{
			{"check", name},
			{"check", "--read-only", name},
			{"snapshot", "--db", name},
			{"snapshot", "--read-only", "--db", name},
			{"backup", "--db", name, "copy.db"},
			{"import", "--db", name},
			{"serve", "--db", name, "--addr", freeAddr(t)},
			{"serve", "--init", "--db", name, "--addr", freeAddr(t)},
		}
		for _, args := range commands {
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				out, code := result(t, dir, bin, args...)
				if code != 1 {
					t.Errorf("exit %d, want 1; output %q", code, out)
				}
				if strings.Contains(out, "goroutine") || strings.Contains(out, "panic") || strings.Contains(out, "fatal error") {
					t.Errorf("a crash, not an error: %s", out)
				}
				if !strings.Contains(out, name) || !strings.Contains(out, want[name]) {
					t.Errorf("output %q does not name %s and say %q", out, name, want[name])
				}
				if b, _ := os.ReadFile(filepath.Join(dir, name)); !bytes.Equal(b, content) {
					t.Errorf("%s was written", name)
				}
				if _, err := os.Stat(filepath.Join(dir, "copy.db")); err == nil {
					t.Error("backup of a refused file wrote copy.db")
				}
			})
		}
	}
}

// --read-only reads and backs up beside a running server; backup refuses
// to replace a file without --force.
func TestReadOnlyBesideARunningServer(t *testing.T) {
	bin := buildBinary(t)
	db := initDB(t, bin)
	dir := filepath.Dir(db)
	addr := freeAddr(t)
	srv := exec.Command(bin, "serve", "--addr", addr, "--db", db)
	var stderr bytes.Buffer
	srv.Stderr = &stderr
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Process.Kill(); srv.Wait() }()
	base := "http://" + addr
	waitHealthy(t, base, srv)

	out, code := result(t, dir, bin, "check", "--lock-timeout", "300ms", db)
	if code != 1 || !strings.Contains(out, "--read-only") {
		t.Errorf("check without --read-only beside a server: exit %d %q, want a lock error suggesting --read-only", code, out)
	}
	out, code = result(t, dir, bin, "check", "--read-only", db)
	if code != 0 || !strings.Contains(out, ": ok") {
		t.Errorf("check --read-only: exit %d %q", code, out)
	}
	out, code = result(t, dir, bin, "snapshot", "--read-only", "--db", db, "--date", "2020-11-25")
	if code != 0 || !json.Valid([]byte(out)) || !strings.Contains(out, `"date":"2020-11-25"`) {
		t.Errorf("snapshot --read-only: exit %d %.200q", code, out)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if out, code = result(t, dir, bin, "backup", "--read-only", "--db", db, copyPath); code != 0 {
		t.Fatalf("backup --read-only: exit %d %q", code, out)
	}
	if out, code = result(t, dir, bin, "check", copyPath); code != 0 {
		t.Errorf("the backup does not check: %q", out)
	}
	os.WriteFile(copyPath, []byte("precious"), 0o600)
	out, code = result(t, dir, bin, "backup", "--read-only", "--db", db, copyPath)
	if b, _ := os.ReadFile(copyPath); code != 1 || string(b) != "precious" || !strings.Contains(out, "--force") {
		t.Errorf("backup over an existing file: exit %d %q; file now %.20q", code, out, b)
	}
	if out, code = result(t, dir, bin, "backup", "--read-only", "--force", "--db", db, copyPath); code != 0 {
		t.Errorf("backup --force: exit %d %q", code, out)
	}
	if out, code = result(t, dir, bin, "check", copyPath); code != 0 {
		t.Errorf("the forced backup does not check: %q", out)
	}

	resp, err := http.Get(base + "/version")
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]string
	json.NewDecoder(resp.Body).Decode(&v)
	resp.Body.Close()
	if v["version"] == "" || len(v["data_version"]) != 16 {
		t.Errorf("GET /version: %v, want version and data_version", v)
	}
}

func TestHelpVersionAndFlagsBeforeTheCommand(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		out, code := result(t, dir, bin, args...)
		if code != 0 {
			t.Errorf("%v: exit %d", args, code)
		}
		for _, c := range commands() {
			if !strings.Contains(out, strings.TrimSpace(c.name+" "+c.args)) {
				t.Errorf("%v does not list %q with its arguments", args, c.name+" "+c.args)
			}
		}
	}
	for _, c := range commands() {
		out, code := result(t, dir, bin, "help", c.name)
		if code != 0 || !strings.Contains(out, "usage: mapsvc "+c.name) {
			t.Errorf("help %s: exit %d %q", c.name, code, out)
		}
		if c.args != "" && !strings.Contains(out, "usage: mapsvc "+strings.Replace(c.name+" "+c.args, " FILE", " [flags] FILE", 1)) && !strings.Contains(out, "usage: mapsvc "+c.name+" [flags] "+c.args) && c.name != "events" {
			t.Errorf("help %s does not show its arguments %q: %q", c.name, c.args, out)
		}
	}
	if out, code := result(t, dir, bin, "help", "nonsense"); code != 2 {
		t.Errorf("help nonsense: exit %d %q, want 2", code, out)
	}
	out, code := result(t, dir, bin, "--version")
	if code != 0 || !strings.HasPrefix(out, "mapsvc ") || !strings.Contains(out, "data version ") {
		t.Errorf("--version: exit %d %q", code, out)
	}
	// Once this started a server on 8080; now it is refused at once.
	out, code = result(t, dir, bin, "--db", "x.db", "snapshot")
	if code != 2 || !strings.Contains(out, "mapsvc snapshot --db x.db") {
		t.Errorf("flags before the command: exit %d %q, want 2 with the corrected command", code, out)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("help and version created %d files", len(entries))
	}
}
