package httpkit

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

func streamServer(t *testing.T, body func(io.Writer) error) *httptest.Server {
	t.Helper()
	e := echo.New()
	e.GET("/s", func(c echo.Context) error {
		return Stream(c, Streamed{ContentType: "application/json", ETag: `"v-s"`, GzipETag: `"v-s-gz"`, Cache: CacheShort, Body: body})
	})
	srv := httptest.NewUnstartedServer(e)
	// Shorter than the body takes: a stream must outlast the server's
	// WriteTimeout while the client keeps reading.
	srv.Config.WriteTimeout = 300 * time.Millisecond
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

func TestStreamOutlastsWriteTimeoutAndGzips(t *testing.T) {
	chunk := bytes.Repeat([]byte("0123456789"), 1000)
	srv := streamServer(t, func(w io.Writer) error {
		for i := 0; i < 4; i++ {
			if _, err := w.Write(chunk); err != nil {
				return err
			}
			time.Sleep(150 * time.Millisecond)
		}
		return nil
	})
	want := bytes.Repeat(chunk, 4)
	for _, gz := range []bool{false, true} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/s", nil)
		req.Header.Set("Accept-Encoding", "identity")
		if gz {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		res, err := srv.Client().Transport.RoundTrip(req) // no transparent gunzip
		if err != nil {
			t.Fatal(err)
		}
		var r io.Reader = res.Body
		if gz {
			if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("ETag") != `"v-s-gz"` {
				t.Fatalf("gzip: %v", res.Header)
			}
			zr, err := gzip.NewReader(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			r = zr
		} else if res.Header.Get("ETag") != `"v-s"` || !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Fatalf("identity: %v", res.Header)
		}
		got, err := io.ReadAll(r)
		res.Body.Close()
		if err != nil {
			t.Fatalf("gzip %v: %v after %d bytes", gz, err, len(got))
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("gzip %v: %d bytes, want %d", gz, len(got), len(want))
		}
	}
}

func TestStreamRevalidatesAndCutsOnError(t *testing.T) {
	// Atomic: the client may retry the failed GET on a new connection,
	// so two handler goroutines can run this.
	var calls atomic.Int32
	srv := streamServer(t, func(w io.Writer) error {
		calls.Add(1)
		w.Write([]byte(`{"a":`))
		return errors.New("broken")
	})
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/s", nil)
	req.Header.Set("If-None-Match", `"v-s"`)
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotModified || calls.Load() != 0 {
		t.Fatalf("If-None-Match: %d, body made %d times", res.StatusCode, calls.Load())
	}
	// The client must see an error, on the response or in its body,
	// never a complete answer.
	res, err = srv.Client().Get(srv.URL + "/s")
	if err == nil {
		_, err = io.ReadAll(res.Body)
		res.Body.Close()
	}
	if err == nil {
		t.Fatal("a body that failed half-way reads as complete")
	}
}
