package ogc_test

import (
	"math"
	"testing"

	"github.com/mapsvc/mapsvc/ogc"
)

func FuzzParseBBox(f *testing.F) {
	for _, s := range []string{"45,39,47,41", "-180,-90,180,90", "1,2,3", "NaN,0,1,1", "0,0,0,100,0,0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ogc.ParseBBox(s)
		if err != nil {
			return
		}
		for _, v := range []float64{b.Min[0], b.Min[1], b.Max[0], b.Max[1]} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("ParseBBox(%q) = %v: not finite", s, b)
			}
		}
		if b.Min[0] > b.Max[0] || b.Min[1] > b.Max[1] || b.Min[0] < -180 || b.Max[0] > 180 || b.Min[1] < -90 || b.Max[1] > 90 {
			t.Fatalf("ParseBBox(%q) = %v: out of range or reversed", s, b)
		}
	})
}

func FuzzParseDatetime(f *testing.F) {
	for _, s := range []string{"2020-11-25", "2020-11-25T10:00:00Z", "../2020-01-01", "2020-01-01/..", "2020-01-02/2020-01-01", "/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iv, err := ogc.ParseDatetime(s)
		if err != nil {
			return
		}
		if iv.Start != nil && iv.End != nil && *iv.End < *iv.Start {
			t.Fatalf("ParseDatetime(%q) = %s: ends before it starts", s, iv)
		}
		if _, err := ogc.ParseDatetime(iv.String()); err != nil {
			t.Fatalf("ParseDatetime(%q) = %s, which does not parse again: %v", s, iv, err)
		}
	})
}

func FuzzParseLimit(f *testing.F) {
	for _, s := range []string{"1", "1000", "1001", "0", "-1", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ogc.ParseLimit(s)
		if err == nil && (n < 1 || n > ogc.MaxLimit) {
			t.Fatalf("ParseLimit(%q) = %d: outside 1..%d", s, n, ogc.MaxLimit)
		}
	})
}
