package store_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/downloads"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/synth"
	"github.com/mapsvc/mapsvc/service"
)

// The periods feed of an indexed view is written from the store's period
// records: the same bytes, whole and paged, as the history in memory
// gives, and the ledger is never read for it.
func TestIndexedPeriodsFeedDoesNotReadTheLedger(t *testing.T) {
	_, db, svc := indexedService(t)
	v, mem := svc.View(), memView(t, db)
	if !v.Indexed() || !v.StreamPeriods() {
		t.Fatalf("indexed %v, streamed %v", v.Indexed(), v.StreamPeriods())
	}
	if got, want := v.PeriodCount(), mem.PeriodCount(); got != want || got == 0 {
		t.Fatalf("%d periods counted from the index, %d in memory", got, want)
	}
	total := mem.PeriodCount()
	ranges := []service.PeriodsRange{{}, {Paged: true, Limit: 7}, {Paged: true, Offset: 5, Limit: 300},
		{Paged: true, Offset: total - 3, Limit: 10}, {Paged: true, Offset: total + 5, Limit: 10}}
	for i, r := range ranges {
		lang := geo.Langs[i%len(geo.Langs)]
		var a, b bytes.Buffer
		if err := v.WritePeriods(&a, lang, r); err != nil {
			t.Fatal(err)
		}
		if err := mem.WritePeriods(&b, lang, r); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("%+v %s: the indexed feed differs from the in-memory one (%d vs %d bytes)", r, lang, a.Len(), b.Len())
		}
	}
	if v.History.LedgerRead() {
		t.Fatal("the periods feed read the whole ledger")
	}
	if !v.History.IsDeferred() {
		t.Fatal("not deferred")
	}
}

// A feed streamed from the index for one data version stops with
// ErrIndexMoved once an edit has moved the index on, rather than mix two
// versions' periods in one body.
func TestIndexedPeriodsFeedStopsWhenTheIndexMoves(t *testing.T) {
	_, _, svc := indexedService(t)
	old := svc.View()
	old.PeriodCount() // counted before the edit
	delayLastChange(t, svc, old, synth.RegionID(3), 2)
	var b bytes.Buffer
	if err := old.WritePeriods(&b, geo.LangEN, service.PeriodsRange{}); !errors.Is(err, service.ErrIndexMoved) {
		t.Fatalf("old view after an edit: %v, want ErrIndexMoved", err)
	}
	b.Reset()
	if err := svc.View().WritePeriods(&b, geo.LangEN, service.PeriodsRange{}); err != nil {
		t.Fatalf("new view: %v", err)
	}
}

// The timeline of an indexed view is written from the store's events, a
// chunk at a time in date order: the same bytes as the history in memory
// answers, without reading the ledger into the history; and it stops
// with ErrIndexMoved once an edit has moved the data on.
func TestIndexedTimelineDoesNotReadTheLedger(t *testing.T) {
	_, db, svc := indexedService(t)
	v, mem := svc.View(), memView(t, db)
	if !v.StreamTimeline() || mem.StreamTimeline() {
		t.Fatalf("streamed: indexed %v, in memory %v", v.StreamTimeline(), mem.StreamTimeline())
	}
	// One part, then many (the last one part full).
	defaultPart := service.EventsPart
	t.Cleanup(func() { service.EventsPart = defaultPart })
	for _, per := range []int{defaultPart, 7} {
		service.EventsPart = per
		for _, lang := range []geo.Lang{geo.LangEN, geo.LangRU} {
			var a bytes.Buffer
			if err := v.WriteTimeline(&a, lang); err != nil {
				t.Fatal(err)
			}
			want, err := mem.Timeline(lang)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), want.Bytes()) {
				t.Fatalf("%s, parts of %d: the streamed timeline differs from the in-memory one (%d vs %d bytes)", lang, per, a.Len(), len(want.Bytes()))
			}
			if v.TimelineETag(lang) != want.ETag {
				t.Fatalf("%s: ETag %s, in memory %s", lang, v.TimelineETag(lang), want.ETag)
			}
		}
	}
	if n := v.History.EventCount(); n%7 == 0 || n < 3*7 {
		t.Fatalf("%d events: the test needs several parts and a part-full last one", n)
	}
	if v.History.LedgerRead() {
		t.Fatal("the timeline read the whole ledger")
	}

	delayLastChange(t, svc, mem, synth.RegionID(5), 1)
	if err := v.WriteTimeline(io.Discard, geo.LangEN); !errors.Is(err, service.ErrIndexMoved) {
		t.Fatalf("old view after an edit: %v, want ErrIndexMoved", err)
	}
}

// Over HTTP the indexed timeline is streamed with the ETag the built one
// has, identity and gzip, and a matching If-None-Match is answered 304.
func TestIndexedTimelineOverHTTP(t *testing.T) {
	_, db, svc := indexedService(t)
	want, err := memView(t, db).Timeline(geo.LangAZ)
	if err != nil {
		t.Fatal(err)
	}
	router := handlers.New(svc, handlers.Options{})
	get := func(h ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/timeline?lang=az", nil)
		for i := 0; i < len(h); i += 2 {
			req.Header.Set(h[i], h[i+1])
		}
		rec := httptest.NewRecorder()
		router.ServeHTTP(rec, req)
		return rec
	}
	plain := get()
	if plain.Code != http.StatusOK || !bytes.Equal(plain.Body.Bytes(), want.Bytes()) || plain.Header().Get("ETag") != want.ETag {
		t.Fatalf("identity: %d, %d bytes (want %d), ETag %q (want %q)", plain.Code, plain.Body.Len(), len(want.Bytes()), plain.Header().Get("ETag"), want.ETag)
	}
	gz := get("Accept-Encoding", "gzip")
	if gz.Code != http.StatusOK || gz.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("gzip: %d %v", gz.Code, gz.Header())
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	if body, err := io.ReadAll(zr); err != nil || !bytes.Equal(body, want.Bytes()) {
		t.Fatalf("gzip body: %v, %d bytes, want %d", err, len(body), len(want.Bytes()))
	}
	if nm := get("If-None-Match", want.ETag); nm.Code != http.StatusNotModified {
		t.Fatalf("If-None-Match: %d", nm.Code)
	}
	if svc.View().History.LedgerRead() {
		t.Fatal("the timeline read the whole ledger")
	}
}

// The periods download of an indexed view is streamed from the periods
// feed, a feature at a time: the same bytes, in every format and with
// options, as the whole download of the same data in memory, without
// reading the ledger; a precision too coarse for a boundary is still a
// 400 before anything is sent.
func TestIndexedPeriodsDownloadIsStreamed(t *testing.T) {
	_, db, svc := indexedService(t)
	mem := service.NewWithView(db, memView(t, db))
	routers := map[string]http.Handler{}
	for name, s := range map[string]*service.Service{"indexed": svc, "in memory": mem} {
		routers[name] = handlers.New(s, handlers.Options{Mounts: []func(*echo.Echo){downloads.Mount(s)}})
	}
	get := func(name, url string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		routers[name].ServeHTTP(rec, httptest.NewRequest(http.MethodGet, url, nil))
		return rec
	}
	if !svc.View().StreamPeriods() || mem.View().StreamPeriods() {
		t.Fatal("the indexed view must stream its periods and the in-memory one not")
	}
	for _, url := range []string{
		"/api/v1/download/periods.geojson", "/api/v1/download/periods.csv", "/api/v1/download/periods.kml",
		"/api/v1/download/periods.geojson?lang=ru&precision=3&simplify=0.01",
		"/api/v1/download/periods.csv?lang=ar&precision=4", "/api/v1/download/periods.kml?lang=hy&simplify=0.02",
	} {
		got, want := get("indexed", url), get("in memory", url)
		if got.Code != http.StatusOK || want.Code != http.StatusOK {
			t.Fatalf("%s: %d streamed, %d in memory: %.300s", url, got.Code, want.Code, got.Body)
		}
		if !bytes.Equal(got.Body.Bytes(), want.Body.Bytes()) {
			t.Fatalf("%s: the streamed download differs (%d vs %d bytes)", url, got.Body.Len(), want.Body.Len())
		}
		for _, h := range []string{"Content-Type", "Content-Disposition"} {
			if got.Header().Get(h) != want.Header().Get(h) {
				t.Errorf("%s: %s %q, in memory %q", url, h, got.Header().Get(h), want.Header().Get(h))
			}
		}
		if nm := get("indexed", url); nm.Header().Get("ETag") == "" {
			t.Errorf("%s: no ETag", url)
		}
	}
	coarse := "/api/v1/download/periods.geojson?precision=0"
	got, want := get("indexed", coarse), get("in memory", coarse)
	if got.Code != http.StatusBadRequest || want.Code != http.StatusBadRequest || !bytes.Equal(got.Body.Bytes(), want.Body.Bytes()) || got.Header().Get("Content-Disposition") != "" {
		t.Fatalf("%s: streamed %d %.200s, in memory %d %.200s", coarse, got.Code, got.Body, want.Code, want.Body)
	}
	if svc.View().History.LedgerRead() {
		t.Fatal("the periods download read the whole ledger")
	}
}
