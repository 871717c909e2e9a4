package service_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"github.com/mapsvc/mapsvc/data/regions"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/seeds"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/store"
)

func dataset(t testing.TB) service.Dataset {
	t.Helper()
	rs, events := ledgertest.Data(t)
	return service.Dataset{Regions: rs, Events: events, Version: "test"}
}

func newService(t testing.TB) *service.Service {
	t.Helper()
	db, err := store.Create(filepath.Join(t.TempDir(), "s.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ds := dataset(t)
	if _, _, err := db.Import(ds.Regions, ds.Events); err != nil {
		t.Fatal(err)
	}
	s, err := service.New(db)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func day(s string) geo.Day {
	d, err := geo.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

// The gzip form, spliced from pieces, must inflate to the identity body.
func TestSnapshotGzipMatchesBody(t *testing.T) {
	v := newService(t).View()
	for _, date := range []string{"1991-01-01", "1993-04-15", "2020-11-25", "2024-01-02"} {
		for _, lang := range geo.Langs {
			e, err := v.Snapshot(day(date), lang)
			if err != nil {
				t.Fatal(err)
			}
			zr, err := gzip.NewReader(bytes.NewReader(e.Gzip()))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if err != nil {
				t.Fatalf("%s %s: %v", date, lang, err)
			}
			if !bytes.Equal(got, e.Body) {
				t.Errorf("%s %s: gunzipped gzip differs from the body", date, lang)
			}
			if !json.Valid(e.Body) {
				t.Errorf("%s %s: body is not JSON", date, lang)
			}
		}
	}
}

// Days of one epoch share their features; the header names each day.
func TestSnapshotDaysOfOneEpoch(t *testing.T) {
	v := newService(t).View()
	a, _ := v.Snapshot(day("2021-03-01"), geo.LangEN)
	b, _ := v.Snapshot(day("2021-03-02"), geo.LangEN)
	if v.History.Epoch(day("2021-03-01")) != v.History.Epoch(day("2021-03-02")) {
		t.Skip("a change day fell between the two dates; pick others")
	}
	if !bytes.Contains(a.Body, []byte(`"date":"2021-03-01"`)) || !bytes.Contains(b.Body, []byte(`"date":"2021-03-02"`)) {
		t.Error("each body must name its own date")
	}
	if len(a.Body) != len(b.Body) {
		t.Errorf("bodies differ in length %d vs %d within one epoch", len(a.Body), len(b.Body))
	}
}

func ExampleView_Snapshot() {
	rs, _ := regions.Load()
	l, _ := seeds.Embedded()
	v, _ := service.NewView(service.Dataset{Regions: rs, Events: l.Events, Version: "example"})
	d, _ := geo.ParseDay("2020-11-25")
	e, _ := v.Snapshot(d, geo.LangEN)
	var fc struct {
		Features []struct {
			ID         string         `json:"id"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	json.Unmarshal(e.Body, &fc)
	for _, f := range fc.Features[:3] {
		fmt.Println(f.ID, f.Properties["controller"])
	}
	// Output:
	// kalbajar AZE
	// lachin ARM
	// gubadli AZE
}

func BenchmarkNewView(b *testing.B) {
	ds := dataset(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := service.NewView(ds); err != nil {
			b.Fatal(err)
		}
	}
}

// A day in an epoch nobody asked for yet: the identity body is built;
// its compressed form follows in the background (waited for untimed).
func BenchmarkSnapshotNewEpoch(b *testing.B) {
	ds := dataset(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		v, _ := service.NewView(ds)
		b.StartTimer()
		e, err := v.Snapshot(day("2020-11-25"), geo.LangEN)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		e.Gzip()
		b.StartTimer()
	}
}

// A new day in a known epoch: header built, gzip spliced.
func BenchmarkSnapshotNewDaySameEpoch(b *testing.B) {
	v, _ := service.NewView(dataset(b))
	v.Snapshot(day("2000-01-01"), geo.LangEN)
	start := day("1994-06-01")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := v.Snapshot(start+geo.Day(i%5000), geo.LangEN); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSnapshotCached(b *testing.B) {
	v, _ := service.NewView(dataset(b))
	v.Snapshot(day("2020-11-25"), geo.LangEN)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v.Snapshot(day("2020-11-25"), geo.LangEN)
	}
}
