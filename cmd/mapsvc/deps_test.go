package main

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The server must build with plain `go run ./cmd/mapsvc` on a machine
// without libgeos-dev: nothing it links may use GEOS (cgo). GEOS stays in
// the tests of areas/ and in cmd/regionimport, which are not linked here.
func TestServerDoesNotLinkGEOS(t *testing.T) {
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := exec.LookPath(goBin); err != nil {
		if goBin, err = exec.LookPath("go"); err != nil {
			t.Fatal("no go command to list the server's dependencies")
		}
	}
	out, err := exec.Command(goBin, "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	found := false
	for _, p := range deps {
		if p == "github.com/mapsvc/mapsvc/areas" {
			found = true // the list is the server's, not an empty one
		}
		// The PMTiles library's package links three cloud SDKs, gRPC and
		// OpenTelemetry: twice the binary and ~270 more initialisers at
		// every start. It is linked by cmd/mapsvc-pmtiles alone.
		if strings.HasPrefix(p, "github.com/protomaps/go-pmtiles") || strings.HasPrefix(p, "gocloud.dev") {
			t.Errorf("cmd/mapsvc links %s (the PMTiles packer's; see cmd/mapsvc-pmtiles)", p)
		}
		if p == "github.com/twpayne/go-geos" || strings.HasPrefix(p, "github.com/twpayne/go-geos/") {
			t.Errorf("cmd/mapsvc links %s (GEOS, cgo)", p)
		}
	}
	if !found {
		t.Fatalf("go list -deps does not list github.com/mapsvc/mapsvc/areas; got %d packages", len(deps))
	}
}
