package service

import (
	"os"
	"runtime/debug"
	"testing"
)

// A big ledger lowers the collector's target unless the operator set one.
func TestBigHeapGCLowersTarget(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT set: the operator's target rules, as bigHeapGC leaves it")
	}
	before := debug.SetGCPercent(100)
	debug.SetGCPercent(before)
	bigHeapGC()
	got := debug.SetGCPercent(before)
	if got != BigHeapGCPercent {
		t.Fatalf("GC percent %d after bigHeapGC, want %d", got, BigHeapGCPercent)
	}
}
