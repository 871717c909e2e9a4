package downloads_test

import (
	"math"
	"testing"

	"github.com/mapsvc/mapsvc/downloads"
)

func FuzzParseOptions(f *testing.F) {
	for _, s := range []string{"0", "8", "9", "0.05", "-0.1", "NaN", "1e-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p, err := downloads.ParsePrecision(s); err == nil && (p < 0 || p > downloads.MaxPrecision) {
			t.Fatalf("ParsePrecision(%q) = %d: outside 0..%d", s, p, downloads.MaxPrecision)
		}
		if v, err := downloads.ParseSimplify(s); err == nil && (math.IsNaN(v) || v < 0 || v > downloads.MaxSimplify) {
			t.Fatalf("ParseSimplify(%q) = %v: outside 0..%v", s, v, downloads.MaxSimplify)
		}
	})
}
