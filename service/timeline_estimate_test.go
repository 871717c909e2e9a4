package service_test

import (
	"testing"

	"github.com/mapsvc/mapsvc/geo"
)

// TimelineEstimate comes within a quarter of the timeline's real size,
// from a sample of 16 events and from the whole ledger as the sample.
func TestTimelineEstimate(t *testing.T) {
	v := newService(t).View()
	for _, lang := range []geo.Lang{geo.LangEN, geo.LangHY} {
		e, err := v.Timeline(lang)
		if err != nil {
			t.Fatal(err)
		}
		real := float64(len(e.Bytes()))
		for _, n := range []int{16, 1 << 20} {
			est, err := v.TimelineEstimate(lang, n)
			if err != nil {
				t.Fatal(err)
			}
			if r := float64(est) / real; r < 0.75 || r > 1.25 {
				t.Fatalf("%s, sample %d: estimate %d bytes, timeline %.0f", lang, n, est, real)
			}
		}
	}
}
