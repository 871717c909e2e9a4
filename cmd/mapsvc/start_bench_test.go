package main

import (
	"github.com/mapsvc/mapsvc/internal/cpubench"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/mapsvc/mapsvc/handlers"
)

// startOnce is what runServe does between parsing its flags and its
// first answer, without the listener: open the database, load the
// service, assemble the routes and answer one snapshot. It returns the
// status of that answer.
func startOnce(tb testing.TB, c Config, create bool) int {
	log := slog.New(slog.DiscardHandler)
	db, svc, err := openService(c, create, log)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	svc.SetCacheBytes(c.CacheBytes)
	router := handlers.New(svc, handlers.Options{Logger: log, AccessLog: true, Version: programVersion(), Backup: db.Backup, Mounts: mounts(svc, c)})
	rec := httptest.NewRecorder()
	router.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/snapshot?date=2020-11-25", nil))
	io.Copy(io.Discard, rec.Body)
	return rec.Code
}

// BenchmarkStartExisting: exec-to-first-answer work on an existing
// database (package init and the listener aside). cpu-ms/op is the
// process's CPU time, background compression included: on a shared
// machine it varies less than ns/op. bench/starttime measures the
// whole, from exec.
func BenchmarkStartExisting(b *testing.B) {
	c := defaultConfig()
	c.DB = filepath.Join(b.TempDir(), "start.db")
	if code := startOnce(b, c, true); code != http.StatusOK {
		b.Fatalf("seeding run: status %d", code)
	}
	b.ReportAllocs()
	defer cpubench.Report(b)()
	for b.Loop() {
		if code := startOnce(b, c, false); code != http.StatusOK {
			b.Fatalf("status %d", code)
		}
	}
}

// BenchmarkStartFresh: the same on a new database, seeded first.
func BenchmarkStartFresh(b *testing.B) {
	c := defaultConfig()
	dir := b.TempDir()
	b.ReportAllocs()
	defer cpubench.Report(b)()
	n := 0
	for b.Loop() {
		n++
		c.DB = filepath.Join(dir, "fresh"+string(rune('a'+n%26))+".db")
		if code := startOnce(b, c, true); code != http.StatusOK {
			b.Fatalf("status %d", code)
		}
		b.StopTimer()
		removeDB(b, c.DB)
		b.StartTimer()
	}
}

func removeDB(tb testing.TB, path string) {
	if err := os.Remove(path); err != nil {
		tb.Fatal(err)
	}
}
