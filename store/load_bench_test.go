package store_test

import (
	"github.com/mapsvc/mapsvc/internal/cpubench"
	"path/filepath"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/store"
)

// BenchmarkLoadService is the store's and the service's part of a
// server's start on an existing database: open the file, load the
// service and build the first snapshot. cpu-ms/op is the process's CPU
// time (background compression included), steadier than ns/op on a
// shared machine.
func BenchmarkLoadService(b *testing.B) {
	rs, evs := realData(b)
	path := filepath.Join(b.TempDir(), "start.db")
	db, err := store.Create(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, _, err := db.Import(rs, evs); err != nil {
		b.Fatal(err)
	}
	db.Close()
	b.ReportAllocs()
	defer cpubench.Report(b)()
	for b.Loop() {
		db, err := store.Open(path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		s, err := service.New(db)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.View().SnapshotDay(geo.DayOf(2020, 11, 25), geo.LangEN); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}
