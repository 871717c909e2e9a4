package main

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

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
	defer reportCPU(b)()
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
	defer reportCPU(b)()
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

// reportCPU reports the process's CPU time per operation when the
// returned function runs (deferred, after the loop).
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
