package service

import (
	"bytes"
	"compress/gzip"
	"io"
	"sync"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
)

// SnapshotDay's parts, read by many goroutines at once, join to
// Snapshot's body, and its gzip parts inflate to the same bytes.
func TestSnapshotDayPartsConcurrently(t *testing.T) {
	rs, events := ledgertest.Data(t)
	v, err := NewView(Dataset{Regions: rs, Events: events, Version: "t"})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 40 {
				d := geo.DayOf(1991, 1, 1) + geo.Day((g*977+k*131)%12000)
				lang := geo.Langs[(g+k)%len(geo.Langs)]
				e, err := v.SnapshotDay(d, lang)
				if err != nil {
					t.Error(err)
					return
				}
				whole, err := v.Snapshot(d, lang)
				if err != nil {
					t.Error(err)
					return
				}
				if got := join(e.Parts(false)); !bytes.Equal(got, whole.Body) || e.ETag != whole.ETag {
					t.Errorf("%s %s: parts differ from Snapshot", d, lang)
					return
				}
				zr, err := gzip.NewReader(bytes.NewReader(join(e.Parts(true))))
				if err != nil {
					t.Error(err)
					return
				}
				if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, whole.Body) {
					t.Errorf("%s %s: gzip parts do not inflate to the body: %v", d, lang, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
