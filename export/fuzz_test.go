package export_test

import (
	"math"
	"testing"

	"github.com/mapsvc/mapsvc/export"
)

func FuzzParseOptions(f *testing.F) {
	for _, s := range []string{"0", "8", "9", "0.05", "-0.1", "NaN", "1e-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p, err := export.ParsePrecision(s); err == nil && (p < 0 || p > export.MaxPrecision) {
			t.Fatalf("ParsePrecision(%q) = %d: outside 0..%d", s, p, export.MaxPrecision)
		}
		if v, err := export.ParseSimplify(s); err == nil && (math.IsNaN(v) || v < 0 || v > export.MaxSimplify) {
			t.Fatalf("ParseSimplify(%q) = %v: outside 0..%v", s, v, export.MaxSimplify)
		}
	})
}
