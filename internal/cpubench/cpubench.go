// Package cpubench reports the CPU time a benchmark used per operation:
// on a machine shared with other work, wall-clock ns/op swings with the
// neighbours' load, CPU time far less.
package cpubench

import "testing"

// Report adds cpu-ms/op when the returned function runs (deferred, after
// the benchmark's loop).
func Report(b *testing.B) func() {
	start := Used()
	return func() {
		b.ReportMetric(float64(Used()-start)/float64(b.N)/1e6, "cpu-ms/op")
	}
}
