// Package sharedtest finds ../shared (the seed articles and reference
// notes kept beside the repository) for tests. Outside CI a missing folder
// skips the test; with CI=true it fails it, because CI always provides it.
package sharedtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root is ../shared beside the repository, found from this file's location
// so that it does not depend on the test's working directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	// internal/sharedtest/sharedtest.go -> repository -> its parent.
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
}

// Path returns Root()/rel when it exists. When it does not, it fails the test
// under CI=true and skips it otherwise.
func Path(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(Root(), rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing (CI=true: ../shared must be beside the repository): %v", p, err)
		}
		t.Skipf("%s not present (it is beside the repository in CI): %v", p, err)
	}
	return p
}
