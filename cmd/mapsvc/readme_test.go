package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// readmeCurls returns the curl commands of README.md's shell blocks, with
// continuation lines joined, in order.
func readmeCurls(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	inBlock := false
	var cur string
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "```sh"):
			inBlock = true
		case strings.HasPrefix(line, "```"):
			inBlock = false
		case inBlock && cur != "":
			cur += " " + strings.TrimSpace(line)
		case inBlock && strings.HasPrefix(line, "curl "):
			cur = line
		default:
			continue
		}
		if cur != "" && !strings.HasSuffix(cur, "\\") {
			out = append(out, cur)
			cur = ""
		}
		cur = strings.TrimSuffix(cur, "\\")
	}
	return out
}

// Every curl example in the README works as written against a fresh
// database: 2xx, in the order the README gives them.
func TestReadmeCurlExamplesWorkOnAFreshDatabase(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "examples"), 0o755)
	sample, err := os.ReadFile("../../examples/event.json")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "examples", "event.json"), sample, 0o644)
	addr := freeAddr(t)
	token := "readme-token-0123456789"
	srv := exec.Command(bin, "serve", "--init", "--addr", addr, "--db", filepath.Join(dir, "fresh.db"))
	srv.Env = append(os.Environ(), "MAPSVC_EDITOR_TOKEN="+token)
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Process.Kill(); srv.Wait() }()
	waitHealthy(t, "http://"+addr, srv)

	curls := readmeCurls(t)
	if len(curls) < 15 {
		t.Fatalf("found %d curl examples in README.md; the parser missed some", len(curls))
	}
	for _, c := range curls {
		cmdline := strings.ReplaceAll(c, "127.0.0.1:8080", addr)
		if i := strings.Index(cmdline, "  #"); i >= 0 {
			cmdline = cmdline[:i]
		}
		// As written, plus the status on a line of its own.
		cmd := exec.Command("sh", "-c", cmdline+` -sS -w '\n%{http_code}'`)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TOKEN="+token)
		out, err := cmd.Output()
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		status := lines[len(lines)-1]
		if err != nil || !strings.HasPrefix(status, "2") {
			t.Errorf("%s\n  status %s, err %v, output %.300s", c, status, err, out)
		}
	}
	if fi, err := os.Stat(filepath.Join(dir, "backup.db")); err != nil || fi.Size() == 0 {
		t.Errorf("the backup example wrote no backup.db: %v", err)
	}
}
