package handlers

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

// gatedRouter serves POST /x through a gate of the given slots; the
// handler signals when it starts and waits for release.
func gatedRouter(g *extractGate, started chan<- struct{}, release <-chan struct{}) *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = errorHandler(slog.New(slog.DiscardHandler))
	e.IPExtractor = echo.ExtractIPDirect()
	e.POST("/x", func(c echo.Context) error {
		started <- struct{}{}
		<-release
		return c.NoContent(http.StatusOK)
	}, g.middleware)
	return e
}

// Twenty concurrent extractions against two slots: two run, eighteen are
// refused at once with 503 and Retry-After, none waits in memory.
func TestExtractGateBoundsConcurrentExtractions(t *testing.T) {
	g := newExtractGate(2, 1e12) // bytes unlimited here: only slots count
	started, release := make(chan struct{}, 20), make(chan struct{})
	e := gatedRouter(g, started, release)
	codes := make(chan int, 20)
	body := strings.Repeat(",", 1<<20) // one string read by every request
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/x", strings.NewReader(body)))
			codes <- rec.Code
		}()
	}
	<-started
	<-started // both slots taken
	for i := 0; i < 18; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/x", strings.NewReader(body)))
			if rec.Code == http.StatusServiceUnavailable && rec.Header().Get("Retry-After") == "" {
				t.Errorf("503 without Retry-After")
			}
			codes <- rec.Code
		}()
	}
	// the refused ones finish while the two still hold their slots; the
	// deadline only turns a hang into a message (it once ran out at 10 s
	// on a machine at load 16 under the race detector)
	deadline := time.After(5 * time.Minute)
	refused := 0
	for refused < 18 {
		select {
		case c := <-codes:
			if c != http.StatusServiceUnavailable {
				t.Fatalf("got %d while both slots were taken, want 503", c)
			}
			refused++
		case <-deadline:
			t.Fatalf("only %d of 18 refused", refused)
		}
	}
	close(release)
	wg.Wait()
	close(codes)
	for c := range codes {
		if c != http.StatusOK {
			t.Errorf("a request holding a slot got %d, want 200", c)
		}
	}
}

// A client's byte budget: two megabyte articles pass, the third within
// the same moment is refused with 429; another client is not affected.
func TestExtractGateChargesBytesPerClient(t *testing.T) {
	g := newExtractGate(4, 1) // one byte a second after the 2 MiB burst
	started, release := make(chan struct{}, 10), make(chan struct{})
	close(release)
	e := gatedRouter(g, started, release)
	send := func(addr string) int {
		req := httptest.NewRequest(http.MethodPost, "/x", strings.NewReader(strings.Repeat(",", 1<<20)))
		req.RemoteAddr = addr
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		return rec.Code
	}
	for i, want := range []int{200, 200, 429} {
		if got := send("192.0.2.1:1000"); got != want {
			t.Errorf("request %d: got %d, want %d", i+1, got, want)
		}
	}
	if got := send("192.0.2.2:1000"); got != 200 {
		t.Errorf("another client: got %d, want 200", got)
	}
}

// A body announced larger than the limit is refused before it is read.
func TestExtractGateRefusesAnnouncedLargeBody(t *testing.T) {
	g := newExtractGate(1, 0)
	e := gatedRouter(g, make(chan struct{}, 1), make(chan struct{}))
	req := httptest.NewRequest(http.MethodPost, "/x", strings.NewReader("x"))
	req.ContentLength = extractBodyLimit + 1
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("got %d, want 413", rec.Code)
	}
}
