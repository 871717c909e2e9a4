package handlers_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

type periodsPage struct {
	NumberMatched  int               `json:"numberMatched"`
	NumberReturned int               `json:"numberReturned"`
	NextOffset     *int              `json:"next_offset"`
	Features       []json.RawMessage `json:"features"`
}

// Pages, identity or gzip, follow next_offset to the whole feed.
func TestPeriodsPaging(t *testing.T) {
	e := newRouter(t)
	whole := get(t, e, "/api/v1/periods")
	if whole.Code != http.StatusOK {
		t.Fatal(whole.Code, whole.Body.String())
	}
	var all periodsPage
	if err := json.Unmarshal(whole.Body.Bytes(), &all); err != nil {
		t.Fatal(err)
	}
	if len(all.Features) < 10 {
		t.Fatalf("%d periods", len(all.Features))
	}
	var got []json.RawMessage
	offset := 0
	for i := 0; ; i++ {
		url := "/api/v1/periods?limit=7&offset=" + strconv.Itoa(offset)
		var body []byte
		if i%2 == 1 {
			rec := get(t, e, url, "Accept-Encoding", "gzip")
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != "gzip" || rec.Header().Get("ETag") == "" {
				t.Fatalf("%s gzip: %d %v", url, rec.Code, rec.Header())
			}
			zr, err := gzip.NewReader(rec.Body)
			if err != nil {
				t.Fatal(err)
			}
			if body, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		} else {
			rec := get(t, e, url)
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/geo+json" {
				t.Fatalf("%s: %d %v", url, rec.Code, rec.Header())
			}
			body = rec.Body.Bytes()
		}
		var p periodsPage
		if err := json.Unmarshal(body, &p); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		if p.NumberMatched != len(all.Features) || p.NumberReturned != len(p.Features) || len(p.Features) > 7 {
			t.Fatalf("%s: matched %d returned %d, %d features", url, p.NumberMatched, p.NumberReturned, len(p.Features))
		}
		got = append(got, p.Features...)
		if p.NextOffset == nil {
			break
		}
		offset = *p.NextOffset
	}
	if len(got) != len(all.Features) {
		t.Fatalf("pages hold %d features, the feed %d", len(got), len(all.Features))
	}
	for i := range got {
		if !bytes.Equal(got[i], all.Features[i]) {
			t.Fatalf("feature %d differs", i)
		}
	}
}

func TestPeriodsPageRevalidates(t *testing.T) {
	e := newRouter(t)
	first := get(t, e, "/api/v1/periods?limit=3&offset=2")
	tag := first.Header().Get("ETag")
	if first.Code != http.StatusOK || tag == "" {
		t.Fatal(first.Code, tag)
	}
	if other := get(t, e, "/api/v1/periods?limit=3&offset=3").Header().Get("ETag"); other == tag {
		t.Errorf("two pages share the ETag %s", tag)
	}
	if rec := get(t, e, "/api/v1/periods?limit=3&offset=2", "If-None-Match", tag); rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Errorf("If-None-Match: %d, %d bytes", rec.Code, rec.Body.Len())
	}
	req, _ := http.NewRequest(http.MethodHead, "/api/v1/periods?limit=3", nil)
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Errorf("HEAD: %d, %d bytes", rec.Code, rec.Body.Len())
	}
	// A limit past the largest page is served as the largest.
	var p periodsPage
	json.Unmarshal(get(t, e, "/api/v1/periods?limit=99999999999999").Body.Bytes(), &p)
	if p.NumberReturned != min(p.NumberMatched, 10000) {
		t.Errorf("huge limit: %d of %d returned", p.NumberReturned, p.NumberMatched)
	}
}

func TestPeriodsBadPaging(t *testing.T) {
	e := newRouter(t)
	for _, q := range []string{"limit=0", "limit=-1", "limit=abc", "limit=", "offset=-3", "offset=1.5", "offset=99999999999999", "limit=+3"} {
		rec := get(t, e, "/api/v1/periods?"+q)
		if rec.Code != http.StatusBadRequest || rec.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s", q, rec.Code, rec.Header().Get("Content-Type"))
		}
	}
}
