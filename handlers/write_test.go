package handlers_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/data/regions"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/seeds"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/store"
)

const token = "test-token-0123456789"

type writeEnv struct {
	e   *handlers.Router
	db  *store.DB
	svc *service.Service
}

func newWriteEnv(t *testing.T, opt store.Options, editors ...handlers.Editor) *writeEnv {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.db")
	db, err := store.Create(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := regions.Load()
	l, _ := seeds.Embedded()
	if _, _, err := db.ImportBy(rs, l.Events, "seed", time.Now().Add(-time.Hour).UTC()); err != nil {
		t.Fatal(err)
	}
	if opt.MaxSize != 0 {
		db.Close()
		info, _ := os.Stat(path)
		opt.MaxSize = int(info.Size())
		if db, err = store.Open(path, opt); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { db.Close() })
	svc, err := service.New(db)
	if err != nil {
		t.Fatal(err)
	}
	if editors == nil {
		editors = []handlers.Editor{{Name: "desk", Token: token}}
	}
	return &writeEnv{e: handlers.New(svc, handlers.Options{Editors: editors, Backup: db.Backup, WriteRate: 1000, WriteBurst: 1000}), db: db, svc: svc}
}

func (w *writeEnv) do(t *testing.T, method, target string, body []byte, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i+1] == "" {
			req.Header.Del(header[i])
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	rec := httptest.NewRecorder()
	w.e.ServeHTTP(rec, req)
	return rec
}

// newEvent is a valid event that follows the real ledger: a partial
// change in Kalbajar after the 2023 capitulation leaves AZE holding it.
func newEvent(id, date string) map[string]any {
	return map[string]any{
		"id": id, "region": "kalbajar", "date": date, "kind": "military_capture", "from": "AZE", "to": "ARM",
		"extent": "partial", "majority": "AZE", "extent_note": "a test hill", "confidence": "low",
		"summary": "Test event.", "sources": []map[string]any{{"ref": "https://example.org/report", "outlet": "Example"}},
	}
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func version(t *testing.T, w *writeEnv) string {
	v, err := w.db.Version()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestEditingOffWithoutTokens(t *testing.T) {
	w := newWriteEnv(t, store.Options{}, []handlers.Editor{}...)
	w.e = handlers.New(w.svc, handlers.Options{})
	rec := w.do(t, http.MethodPost, "/api/v1/events", mustJSON(newEvent("kalbajar-2030-test", "2030-01-01")))
	if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "editing is off") {
		t.Errorf("got %d %s, want 403 saying editing is off", rec.Code, rec.Body)
	}
}

func TestTokenRequired(t *testing.T) {
	w := newWriteEnv(t, store.Options{})
	for name, auth := range map[string]string{"missing": "", "wrong": "Bearer nope-nope-nope-nope", "not bearer": "Basic " + token} {
		t.Run(name, func(t *testing.T) {
			rec := w.do(t, http.MethodPost, "/api/v1/events", mustJSON(newEvent("kalbajar-2030-test", "2030-01-01")), "Authorization", auth)
			if rec.Code != http.StatusUnauthorized || rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Errorf("got %d %s, want 401 problem", rec.Code, rec.Header().Get("Content-Type"))
			}
		})
	}
}

func TestCreateUpdateDeleteWithHistory(t *testing.T) {
	w := newWriteEnv(t, store.Options{})
	before := get(t, w.e, "/api/v1/snapshot?date=2030-06-01")
	tBefore := time.Now().UTC()

	rec := w.do(t, http.MethodPost, "/api/v1/events", mustJSON(newEvent("kalbajar-2030-test", "2030-01-01")))
	if rec.Code != http.StatusCreated || rec.Header().Get("Location") != "/api/v1/events/kalbajar-2030-test" {
		t.Fatalf("create: got %d %s", rec.Code, rec.Body)
	}
	after := get(t, w.e, "/api/v1/snapshot?date=2030-06-01")
	if after.Header().Get("ETag") == before.Header().Get("ETag") {
		t.Error("snapshot ETag did not move after a write")
	}
	if !strings.Contains(after.Body.String(), "kalbajar-2030-test") {
		t.Error("the next snapshot does not show the new event")
	}
	if get(t, w.e, "/api/v1/events/kalbajar-2030-test").Code != 200 {
		t.Error("the new event cannot be read back")
	}
	tCreated := time.Now().UTC()

	upd := newEvent("kalbajar-2030-test", "2030-02-01")
	if rec := w.do(t, http.MethodPut, "/api/v1/events/kalbajar-2030-test", mustJSON(upd)); rec.Code != http.StatusOK {
		t.Fatalf("update: got %d %s", rec.Code, rec.Body)
	}
	if rec := w.do(t, http.MethodDelete, "/api/v1/events/kalbajar-2030-test", nil); rec.Code != http.StatusOK {
		t.Fatalf("delete: got %d %s", rec.Code, rec.Body)
	}
	if rec := get(t, w.e, "/api/v1/events/kalbajar-2030-test"); rec.Code != http.StatusNotFound {
		t.Errorf("deleted event: got %d, want 404", rec.Code)
	}

	var log struct {
		Revisions []service.Revision `json:"revisions"`
	}
	json.Unmarshal(get(t, w.e, "/api/v1/events/kalbajar-2030-test/revisions").Body.Bytes(), &log)
	if len(log.Revisions) != 3 {
		t.Fatalf("got %d revisions, want 3", len(log.Revisions))
	}
	r := log.Revisions
	if r[0].Action != "create" || r[0].Before != nil || r[0].After == nil || r[0].Actor != "desk" {
		t.Errorf("create revision: %+v", r[0])
	}
	if r[1].Action != "update" || r[1].Before.Date.Text != "2030-01-01" || r[1].After.Date.Text != "2030-02-01" {
		t.Errorf("update revision: before %v after %v", r[1].Before, r[1].After)
	}
	if r[2].Action != "delete" || r[2].After != nil || r[2].Before == nil {
		t.Errorf("delete revision: %+v", r[2])
	}

	// What did we publish then?
	asOf := func(ts time.Time) string {
		rec := get(t, w.e, "/api/v1/snapshot?date=2030-06-01&as_of="+ts.Format(time.RFC3339Nano))
		if rec.Code != 200 {
			t.Fatalf("as_of %s: got %d %s", ts, rec.Code, rec.Body)
		}
		return rec.Body.String()
	}
	if strings.Contains(asOf(tBefore), "kalbajar-2030-test") {
		t.Error("as_of before the create shows the event")
	}
	if !strings.Contains(asOf(tCreated), "kalbajar-2030-test") {
		t.Error("as_of after the create does not show the event")
	}
	if rec := get(t, w.e, "/api/v1/snapshot?date=2030-06-01&as_of=2001-01-01T00:00:00Z"); rec.Code != http.StatusNotFound {
		t.Errorf("as_of before any data: got %d, want 404", rec.Code)
	}
	if rec := get(t, w.e, "/api/v1/snapshot?as_of=yesterday"); rec.Code != http.StatusBadRequest {
		t.Errorf("malformed as_of: got %d, want 400", rec.Code)
	}
}

func TestWriteRejectionsChangeNothing(t *testing.T) {
	w := newWriteEnv(t, store.Options{})
	valid := newEvent("kalbajar-2030-test", "2030-01-01")
	with := func(k string, v any) []byte {
		m := newEvent("kalbajar-2030-test", "2030-01-01")
		m[k] = v
		return mustJSON(m)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(bytes.Repeat([]byte(" "), 20<<20)) // a 20 MiB bomb in a few KB
	zw.Close()
	// Kalbajar is wholly AZE after 2023: a change from ARM contradicts it.
	contradictory := newEvent("kalbajar-2030-test", "2030-01-01")
	contradictory["from"], contradictory["to"] = "ARM", "AZE"
	contradiction := mustJSON(contradictory)
	deep := []byte(strings.Repeat(`{"a":`, 200) + "1" + strings.Repeat("}", 200))
	tests := []struct {
		name   string
		method string
		path   string
		body   []byte
		header []string
		status int
	}{
		{"chronology contradiction", "POST", "/api/v1/events", contradiction, nil, 409},
		{"existing id", "POST", "/api/v1/events", with("id", firstEventID(t)), nil, 409},
		{"unknown region", "POST", "/api/v1/events", with("region", "atlantis"), nil, 400},
		{"impossible day", "POST", "/api/v1/events", with("date", "2030-02-30"), nil, 400},
		{"month 13", "POST", "/api/v1/events", with("date", "2030-13"), nil, 400},
		{"reversed interval", "POST", "/api/v1/events", with("date", "2030-02-01/2030-01-01"), nil, 400},
		{"EDTF uncertain date", "POST", "/api/v1/events", with("date", "2030-01-01?"), nil, 400},
		{"year 0000", "POST", "/api/v1/events", with("date", "0000-01-01"), nil, 400},
		{"year 99999", "POST", "/api/v1/events", with("date", "99999-01-01"), nil, 400},
		{"no sources", "POST", "/api/v1/events", with("sources", []any{}), nil, 400},
		{"javascript link", "POST", "/api/v1/events", with("sources", []map[string]any{{"ref": "javascript:alert(1)", "outlet": "x"}}), nil, 400},
		{"data link", "POST", "/api/v1/events", with("sources", []map[string]any{{"ref": "data:text/html,<script>alert(1)</script>", "outlet": "x"}}), nil, 400},
		{"unknown field", "POST", "/api/v1/events", with("colour", "red"), nil, 400},
		{"case-twisted duplicate key", "POST", "/api/v1/events", append(mustJSON(valid)[:len(mustJSON(valid))-1], []byte(`,"ID":"other"}`)...), nil, 400},
		{"deep nesting", "POST", "/api/v1/events", deep, nil, 400},
		{"not JSON", "POST", "/api/v1/events", []byte("id=1"), nil, 400},
		{"body over the limit", "POST", "/api/v1/events", bytes.Repeat([]byte(" "), handlers.MaxBodyBytes+10), nil, 413},
		{"gzip bomb", "POST", "/api/v1/events", gz.Bytes(), []string{"Content-Encoding", "gzip"}, 413},
		{"wrong content type", "POST", "/api/v1/events", mustJSON(valid), []string{"Content-Type", "text/plain"}, 415},
		{"id differs from URL", "PUT", "/api/v1/events/kalbajar-other", mustJSON(valid), nil, 400},
		{"update of unknown event", "PUT", "/api/v1/events/kalbajar-2030-test", mustJSON(valid), nil, 404},
		{"delete of unknown event", "DELETE", "/api/v1/events/no-such-event", nil, nil, 404},
		{"unknown query parameter", "POST", "/api/v1/events?force=1", mustJSON(valid), nil, 400},
	}
	v0 := version(t, w)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			rec := w.do(t, tt.method, tt.path, tt.body, tt.header...)
			if rec.Code != tt.status {
				t.Fatalf("got %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Errorf("got Content-Type %q, want problem JSON", rec.Header().Get("Content-Type"))
			}
			// Refused without working through the body: a bound of
			// minutes catches that and no loaded machine reaches it.
			if d := time.Since(start); d > time.Minute {
				t.Errorf("took %s", d)
			}
			if v := version(t, w); v != v0 {
				t.Errorf("data version moved from %s to %s", v0, v)
			}
		})
	}
	rec := w.do(t, "POST", "/api/v1/events", contradiction)
	var p handlers.Problem
	json.Unmarshal(rec.Body.Bytes(), &p)
	if len(p.ConflictsWith) == 0 || !strings.Contains(p.Detail, "kalbajar-2030-test") {
		t.Errorf("conflict problem should name both events: %+v", p)
	}
}

func TestWritesAreRateLimitedPerPeerNotPerHeader(t *testing.T) {
	w := newWriteEnv(t, store.Options{})
	w.e = handlers.New(w.svc, handlers.Options{Editors: []handlers.Editor{{Name: "desk", Token: token}}, WriteRate: 0.001, WriteBurst: 2})
	codes := []int{}
	for i := 0; i < 4; i++ {
		rec := w.do(t, http.MethodDelete, "/api/v1/events/no-such-event", nil, "X-Forwarded-For", "10.0.0."+string(rune('1'+i)))
		codes = append(codes, rec.Code)
	}
	if codes[2] != http.StatusTooManyRequests || codes[3] != http.StatusTooManyRequests {
		t.Errorf("got %v, want the third and fourth writes throttled despite new X-Forwarded-For values", codes)
	}
}

func TestDiskFullIs507AndReadsGoOn(t *testing.T) {
	w := newWriteEnv(t, store.Options{MaxSize: 1})
	got507 := false
	for i := 0; i < 200 && !got507; i++ {
		ev := newEvent("kalbajar-2030-fill-"+string(rune('a'+i%26))+string(rune('a'+i/26)), "2030-01-01")
		// Each text field at its length limit, in 3-byte characters.
		ev["notes"] = strings.Repeat("€", geo.MaxNotesRunes)
		ev["summary"] = strings.Repeat("€", geo.MaxSummaryRunes)
		ev["extent_note"] = strings.Repeat("€", geo.MaxExtentNoteRunes)
		ev["date"] = "2030-01-" + []string{"01", "02", "03", "04", "05", "06", "07", "08", "09", "10"}[i%10]
		ev["date"] = ev["date"].(string)[:8] + "01"
		ev["from"], ev["to"] = "AZE", "ARM"
		rec := w.do(t, http.MethodPost, "/api/v1/events", mustJSON(ev))
		switch rec.Code {
		case http.StatusInsufficientStorage:
			got507 = true
			if !strings.Contains(rec.Body.String(), "nothing was written") {
				t.Errorf("507 body: %s", rec.Body)
			}
		case http.StatusCreated, http.StatusConflict:
		default:
			t.Fatalf("write %d: got %d %s", i, rec.Code, rec.Body)
		}
	}
	if !got507 {
		t.Fatal("the capped database never reported 507")
	}
	if rec := get(t, w.e, "/api/v1/snapshot?date=2020-11-25"); rec.Code != 200 {
		t.Errorf("read after a full disk: got %d", rec.Code)
	}
	if err := w.db.Check(); err != nil {
		t.Errorf("check after a full disk: %v", err)
	}
}

func TestBackupNeedsATokenAndIsADatabase(t *testing.T) {
	w := newWriteEnv(t, store.Options{})
	if rec := w.do(t, http.MethodGet, "/api/v1/admin/backup", nil, "Authorization", ""); rec.Code != http.StatusUnauthorized {
		t.Fatalf("backup without token: got %d", rec.Code)
	}
	rec := w.do(t, http.MethodGet, "/api/v1/admin/backup", nil)
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
		t.Fatalf("backup: got %d", rec.Code)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	os.WriteFile(path, rec.Body.Bytes(), 0o600)
	copyDB, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	if err := copyDB.Check(); err != nil {
		t.Errorf("backup does not pass the check: %v", err)
	}
	if v, _ := copyDB.Version(); v != version(t, w) {
		t.Errorf("backup version %s, live %s", v, version(t, w))
	}
}

// Readers and a writer at once, under -race: readers always get a whole
// snapshot and writes all land.
func TestReadersAndWriterConcurrently(t *testing.T) {
	w := newWriteEnv(t, store.Options{})
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				rec := get(t, w.e, "/api/v1/snapshot?date=2031-06-01")
				if rec.Code != 200 || !json.Valid(rec.Body.Bytes()) {
					t.Errorf("reader got %d", rec.Code)
					return
				}
			}
		}()
	}
	for i := 0; i < 10; i++ {
		b, _ := json.Marshal(map[string]any{"id": fmt.Sprintf("race-%d", i), "date": "2031-01-01", "kind": "political",
			"confidence": "low", "summary": "x", "sources": []map[string]any{{"ref": "https://example.org", "outlet": "x"}}})
		if rec := w.do(t, http.MethodPost, "/api/v1/events", b); rec.Code != http.StatusCreated {
			t.Errorf("write %d: got %d %s", i, rec.Code, rec.Body)
		}
	}
	close(stop)
	wg.Wait()
	var body struct {
		Count int `json:"count"`
	}
	json.Unmarshal(get(t, w.e, "/api/v1/events?from=2031-01-01&to=2031-01-01").Body.Bytes(), &body)
	if body.Count != 10 {
		t.Errorf("got %d events after 10 writes", body.Count)
	}
}

// A handler panic is a 500 without internals, and the server goes on.
func TestPanicIsA500WithoutInternals(t *testing.T) {
	w := newWriteEnv(t, store.Options{})
	e := handlers.New(w.svc, handlers.Options{Mounts: []func(*echo.Echo){func(e *echo.Echo) {
		e.GET("/boom", func(echo.Context) error { panic("secret internal detail /etc/passwd") })
	}}})
	rec := get(t, e, "/boom")
	if rec.Code != http.StatusInternalServerError || strings.Contains(rec.Body.String(), "secret") || strings.Contains(rec.Body.String(), "goroutine") {
		t.Errorf("got %d %s", rec.Code, rec.Body)
	}
	if rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("got Content-Type %q", rec.Header().Get("Content-Type"))
	}
	if get(t, e, "/healthz").Code != 200 {
		t.Error("server unhealthy after a panic")
	}
}
