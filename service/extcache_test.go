package service_test

import (
	"encoding/json"
	"testing"

	"github.com/mapsvc/mapsvc/internal/bytecache"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/service"
)

func view(t *testing.T, version string) *service.View {
	t.Helper()
	rs, events := ledgertest.Data(t)
	v, err := service.NewView(service.Dataset{Regions: rs, Events: events, Version: version})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestCacheKeepsOneVersion(t *testing.T) {
	v1, v2 := view(t, "one"), view(t, "two")
	c := service.NewCache("test", bytecache.New(2*(5*5/4+1+256)))
	builds := 0
	build := func(body string) func() ([]byte, error) {
		return func() ([]byte, error) { builds++; return []byte(body), nil }
	}
	a, _ := c.Get(v1, "a", "text/plain", build("alpha"))
	again, _ := c.Get(v1, "a", "text/plain", build("alpha"))
	if builds != 1 || a != again {
		t.Errorf("same key and version: got %d builds, want 1 and the same entry", builds)
	}
	other, _ := c.Get(v1, "b", "text/plain", build("alpha"))
	if other.ETag != a.ETag {
		t.Errorf("equal bodies: got ETags %s and %s, want equal: the tag follows the bytes", other.ETag, a.ETag)
	}
	since := c.Since(v1)
	moved, _ := c.Get(v2, "a", "text/plain", build("alpha"))
	if builds != 3 || moved.ETag == a.ETag {
		t.Errorf("a new version: got %d builds and ETag %s (was %s), want a rebuild under a new tag", builds, moved.ETag, a.ETag)
	}
	if c.Since(v2).Before(since) {
		t.Errorf("Since: got %v for the new version, want no earlier than %v", c.Since(v2), since)
	}
	for _, k := range []string{"x", "y", "z"} {
		c.Get(v2, k, "text/plain", build(k))
	}
	if builds != 6 {
		t.Errorf("got %d builds, want 6", builds)
	}
}

func TestFields(t *testing.T) {
	fs, err := service.Fields([]byte(`{"b":1,"a":"x","n":null,"o":{"k":[1, 2]},"s":"<&>"}`))
	if err != nil {
		t.Fatal(err)
	}
	var names, texts []string
	for _, f := range fs {
		names = append(names, f.Name)
		texts = append(texts, service.FieldText(f.Value))
	}
	got, _ := json.Marshal([]any{names, texts})
	want := `[["b","a","n","o","s"],["1","x","","{\"k\":[1,2]}","\u003c\u0026\u003e"]]`
	if string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if _, err := service.Fields([]byte(`[1]`)); err == nil {
		t.Error("an array: got no error, want one")
	}
}
