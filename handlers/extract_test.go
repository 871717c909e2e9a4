package handlers_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/mapsvc/mapsvc/internal/sharedtest"
)

func postExtract(t *testing.T, target, contentType, body string) *httptest.ResponseRecorder {
	t.Helper()
	e := newRouter(t)
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}

type extractBody struct {
	Result struct {
		Published string `json:"published"`
		Proposals []struct {
			Region, Date, To string
			Evidence         []struct {
				Start, End int
				Quote      string
			}
		} `json:"proposals"`
	} `json:"result"`
	LedgerEvents []map[string]any `json:"ledger_events"`
}

func TestExtractEndpoint(t *testing.T) {
	text := "أعلنت وزارة الدفاع الأذربيجانية اليوم الأربعاء أن قواتها دخلت منطقة كلبجر تنفيذا لاتفاق وقف إطلاق النار."
	tests := []struct{ name, target, ct, body string }{
		{"plain text with a publication date", "/api/v1/extract?published=2020-11-25&source=https://example.org/a", "text/plain; charset=utf-8", text},
		{"JSON", "/api/v1/extract", "application/json", `{"text":` + mustString(text) + `,"published":"2020-11-25","source":"https://example.org/a"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := postExtract(t, tt.target, tt.ct, tt.body)
			if rec.Code != 200 {
				t.Fatalf("got %d %s", rec.Code, rec.Body)
			}
			var b extractBody
			json.Unmarshal(rec.Body.Bytes(), &b)
			if len(b.Result.Proposals) != 1 {
				t.Fatalf("got %d proposals, want 1: %s", len(b.Result.Proposals), rec.Body)
			}
			p := b.Result.Proposals[0]
			if p.Region != "kalbajar" || p.Date != "2020-11-25" || p.To != "AZE" {
				t.Errorf("got %s %s %s, want kalbajar 2020-11-25 AZE", p.Region, p.Date, p.To)
			}
			if len(p.Evidence) == 0 || !strings.Contains(text, p.Evidence[0].Quote) {
				t.Error("proposal without evidence quoted from the text")
			}
			if len(b.LedgerEvents) != 1 {
				t.Error("no ledger event to post")
			}
		})
	}
}

func mustString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestExtractEndpointRejects(t *testing.T) {
	tests := []struct {
		name, target, ct, body string
		status                 int
	}{
		{"bad publication date", "/api/v1/extract?published=2020-02-30", "text/plain", "نص", 400},
		{"unknown parameter", "/api/v1/extract?lang=ar", "text/plain", "نص", 400},
		{"unknown JSON field", "/api/v1/extract", "application/json", `{"text":"x","colour":"red"}`, 400},
		{"wrong media type", "/api/v1/extract", "application/xml", "<a/>", 415},
		{"too large", "/api/v1/extract", "text/plain", strings.Repeat("ا", 1<<20), 413},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := postExtract(t, tt.target, tt.ct, tt.body)
			if rec.Code != tt.status || rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Errorf("got %d %s, want %d problem", rec.Code, rec.Header().Get("Content-Type"), tt.status)
			}
		})
	}
}

// The endpoint on a real seed article, when CI has ../shared.
func TestExtractEndpointOnASeed(t *testing.T) {
	b, err := os.ReadFile(sharedtest.Path(t, "seeds/002_d0aa96b3afff5ef2.txt"))
	if err != nil {
		t.Fatal(err)
	}
	rec := postExtract(t, "/api/v1/extract?published=2020-11-25", "text/plain", string(b))
	var body extractBody
	json.Unmarshal(rec.Body.Bytes(), &body)
	found := false
	for _, p := range body.Result.Proposals {
		if p.Region == "kalbajar" && p.Date == "2020-11-25" {
			found = true
		}
	}
	if !found {
		t.Errorf("no Kalbajar 2020-11-25 proposal: %s", rec.Body)
	}
}

// Twenty concurrent 1 MiB bodies of commas from twenty clients through
// the real router: each is answered (200, or 503 past the concurrency
// limit or the time budget), and all together allocate a few hundred MB
// at most (the unbounded extractor took 636 MB for each one).
func TestExtractConcurrentHostileBodiesAreBounded(t *testing.T) {
	e := newRouter(t)
	body := strings.Repeat(",", 1<<20)
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	var wg sync.WaitGroup
	codes := make([]int, 20)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := httptest.NewRequest(http.MethodPost, "/api/v1/extract?published=2020-11-08", strings.NewReader(body))
			req.Header.Set("Content-Type", "text/plain")
			req.RemoteAddr = fmt.Sprintf("192.0.2.%d:4000", i+1)
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			codes[i] = rec.Code
		}()
	}
	wg.Wait()
	runtime.ReadMemStats(&m1)
	ok := 0
	for i, c := range codes {
		switch c {
		case http.StatusOK:
			ok++
		case http.StatusServiceUnavailable:
		default:
			t.Errorf("request %d: got %d, want 200 or 503", i, c)
		}
	}
	// how many are served depends on the machine's speed (an extraction
	// that runs out of its time budget is a 503 too); that slots admit
	// requests is TestExtractGateBoundsConcurrentExtractions's job
	if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > 500<<20 {
		t.Errorf("20 requests allocated %d MB, want at most 500 MB", alloc>>20)
	} else {
		t.Logf("20 requests: %d served, %d MB allocated in all", ok, alloc>>20)
	}
}

// The source URL dates the article when no publication date is given.
func TestExtractDatesFromTheSourceURL(t *testing.T) {
	rec := postExtract(t, "/api/v1/extract?source=https://news.example.org/2022/8/26/lachin", "text/plain",
		"Azerbaijani troops took full control of Lachin today.")
	if rec.Code != 200 {
		t.Fatalf("got %d %s", rec.Code, rec.Body)
	}
	var b extractBody
	if err := json.Unmarshal(rec.Body.Bytes(), &b); err != nil {
		t.Fatal(err)
	}
	if b.Result.Published != "2022-08-26" || len(b.Result.Proposals) != 1 || b.Result.Proposals[0].Date != "2022-08-26" {
		t.Errorf("got published %q and %+v, want 2022-08-26 from the URL", b.Result.Published, b.Result.Proposals)
	}
}
