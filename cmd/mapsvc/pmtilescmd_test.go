package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func runEnv(t *testing.T, dir string, env []string, bin string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), 0
}

func TestExportPMTiles(t *testing.T) {
	bin := buildBinary(t)
	packerDir := t.TempDir()
	packer := filepath.Join(packerDir, packerName)
	if out, err := exec.Command("go", "build", "-o", packer, "../mapsvc-pmtiles").CombinedOutput(); err != nil {
		t.Fatalf("go build mapsvc-pmtiles: %v\n%s", err, out)
	}
	dir := t.TempDir()
	env := []string{"PATH=/usr/bin:/bin", "HOME=" + dir}

	// Without the packer: a message that says how to build it, and no file.
	out, code := runEnv(t, dir, env, bin, "export-pmtiles", "--init", "--db", "a.db", "out.pmtiles")
	if code != 1 || !strings.Contains(out, "go build -o DIR/mapsvc-pmtiles ./cmd/mapsvc-pmtiles") {
		t.Errorf("without the packer: exit %d %q, want 1 and how to build it", code, out)
	}
	// A packer that fails: the export fails and leaves no archive.
	out, code = runEnv(t, dir, env, bin, "export-pmtiles", "--init", "--db", "a.db", "--packer", "/bin/false", "out.pmtiles")
	if code != 1 {
		t.Errorf("with a failing packer: exit %d %q, want 1", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.pmtiles")); err == nil {
		t.Error("an archive was left by a failed export")
	}

	// Through $MAPSVC_PMTILES: a PMTiles v3 archive of zooms 0..6.
	out, code = runEnv(t, dir, append(env, "MAPSVC_PMTILES="+packer), bin, "export-pmtiles", "--init", "--db", "a.db", "--max-zoom", "6", "out.pmtiles")
	if code != 0 || !strings.Contains(out, "wrote out.pmtiles: ") || !strings.Contains(out, "zoom 0..6") {
		t.Fatalf("export: exit %d %q", code, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "out.pmtiles"))
	if err != nil || len(b) < 127 || string(b[:8]) != "PMTiles\x03" {
		t.Fatalf("got %d bytes starting %q, %v; want a PMTiles v3 archive", len(b), b[:min(8, len(b))], err)
	}
	if b[101] != 6 || b[99] != 1 { // max zoom, tile type MVT
		t.Errorf("header says max zoom %d, tile type %d; want 6 and 1 (MVT)", b[101], b[99])
	}
	if out, code := runEnv(t, dir, env, bin, "export-pmtiles", "--db", "a.db", "--max-zoom", "15", "x.pmtiles"); code != 2 {
		t.Errorf("--max-zoom 15: exit %d %q, want 2", code, out)
	}
}
