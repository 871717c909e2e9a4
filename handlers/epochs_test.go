package handlers_test

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"testing"
)

func TestEpochURLsAreImmutable(t *testing.T) {
	e := newRouter(t)
	var idx struct {
		Version    string   `json:"data_version"`
		ChangeDays []string `json:"change_days"`
		Template   string   `json:"url_template"`
	}
	json.Unmarshal(get(t, e, "/api/v1/epochs").Body.Bytes(), &idx)
	if idx.Version == "" || len(idx.ChangeDays) < 10 || !strings.Contains(idx.Template, idx.Version) {
		t.Fatalf("epoch index: %+v", idx)
	}
	// epoch(D) = change days on or before D: 2020-11-25 is a change day.
	epoch := sort.SearchStrings(idx.ChangeDays, "2020-11-26")
	url := strings.NewReplacer("{epoch}", itoa(epoch), "{lang}", "en").Replace(idx.Template)
	rec := get(t, e, url)
	if rec.Code != 200 || rec.Header().Get("Cache-Control") != "public, max-age=31536000, immutable" {
		t.Fatalf("%s: got %d %q", url, rec.Code, rec.Header().Get("Cache-Control"))
	}
	var fc struct {
		ValidFrom  string `json:"valid_from"`
		ValidUntil string `json:"valid_until"`
		Features   []struct {
			ID         string         `json:"id"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	json.Unmarshal(rec.Body.Bytes(), &fc)
	if fc.ValidFrom != "2020-11-25" || fc.ValidUntil <= "2020-11-25" {
		t.Errorf("span: got %s..%s, want from 2020-11-25", fc.ValidFrom, fc.ValidUntil)
	}
	day := snapshot(t, e, "2020-11-26")
	if len(day.Features) != len(fc.Features) {
		t.Fatalf("epoch has %d features, the day's snapshot %d", len(fc.Features), len(day.Features))
	}
	for i := range fc.Features {
		if fc.Features[i].Properties["controller"] != day.Features[i].Properties["controller"] {
			t.Errorf("%s: epoch says %v, day says %v", fc.Features[i].ID, fc.Features[i].Properties["controller"], day.Features[i].Properties["controller"])
		}
	}
	for _, bad := range []struct {
		path   string
		status int
	}{
		{"/api/v1/epochs/0000000000000000/1.geojson", http.StatusNotFound},
		{"/api/v1/epochs/" + idx.Version + "/99999.geojson", http.StatusNotFound},
		{"/api/v1/epochs/" + idx.Version + "/-1.geojson", http.StatusNotFound},
		{"/api/v1/epochs/" + idx.Version + "/01.geojson", http.StatusNotFound},
		{"/api/v1/epochs/" + idx.Version + "/1.json", http.StatusNotFound},
		{"/api/v1/epochs/" + idx.Version + "/1.geojson?lang=fr", http.StatusBadRequest},
		{"/api/v1/epochs?x=1", http.StatusBadRequest},
	} {
		if rec := get(t, e, bad.path); rec.Code != bad.status {
			t.Errorf("%s: got %d, want %d", bad.path, rec.Code, bad.status)
		}
	}
	if rec := get(t, e, "/api/v1/epochs/0000000000000000/1.geojson"); !strings.Contains(rec.Body.String(), idx.Version) {
		t.Error("a stale version's 404 should name the current version")
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
