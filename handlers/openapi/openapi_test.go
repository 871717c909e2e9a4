package openapi_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/handlers/openapi"
	"github.com/mapsvc/mapsvc/internal/mounts"
	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
)

func newValidator(t *testing.T) validator.Validator {
	t.Helper()
	doc, err := libopenapi.NewDocument(openapi.Document)
	if err != nil {
		t.Fatalf("parsing the document: %v", err)
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		t.Fatalf("building the validator: %v", errs)
	}
	return v
}

func TestDocumentIsValidOpenAPI31(t *testing.T) {
	var head struct {
		OpenAPI string `json:"openapi"`
	}
	if err := json.Unmarshal(openapi.Document, &head); err != nil || head.OpenAPI != "3.1.0" {
		t.Fatalf("openapi %q (%v), want 3.1.0", head.OpenAPI, err)
	}
	if ok, errs := newValidator(t).ValidateDocument(); !ok {
		for _, e := range errs {
			t.Errorf("%s: %s", e.Message, e.Reason)
		}
	}
}

// router is the real router: the core API and every mount cmd/mapsvc
// serves, from the same list (internal/mounts).
func router(t *testing.T) *handlers.Router {
	svc := testenv.Service(t)
	return handlers.New(svc, handlers.Options{Editors: []handlers.Editor{{Name: "desk", Token: "0123456789abcdef0123"}},
		Mounts: mounts.All(svc, mounts.Options{Assets: filepath.Join("..", "..", "node_modules")})})
}

// The document lists exactly the /api/v1 routes the router serves.
func TestDocumentMatchesTheRoutes(t *testing.T) {
	e := router(t)
	missing, extra, err := openapi.Compare(e.Routes())
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("served but not documented: %v; documented but not served: %v", missing, extra)
	}
	// The comparison sees the mounted packages' routes, not only the
	// core API's.
	for _, want := range []string{"/api/v1/places/:id", "/api/v1/areas", "/api/v1/download/:file", "/api/v1/snapshot.png"} {
		found := false
		for _, r := range e.Routes() {
			found = found || r.Path == want
		}
		if !found {
			t.Errorf("the router serves no %s", want)
		}
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/openapi.json", nil))
	if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), openapi.Document) {
		t.Errorf("GET /api/v1/openapi.json: %d, body equal to the document: %v", rec.Code, bytes.Equal(rec.Body.Bytes(), openapi.Document))
	}
}

// The sample event is a valid request body, one past a length limit is
// not, and real answers validate against the documented responses.
func TestSampleEventAndAnswersFollowTheDocument(t *testing.T) {
	v := newValidator(t)
	sample, err := os.ReadFile("../../examples/event.json")
	if err != nil {
		t.Fatal(err)
	}
	post := func(body []byte) *http.Request {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/events", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer 0123456789abcdef0123")
		return req
	}
	if ok, errs := v.ValidateHttpRequest(post(sample)); !ok {
		for _, e := range errs {
			t.Errorf("examples/event.json: %s: %s", e.Message, e.Reason)
		}
	}
	var m map[string]any
	json.Unmarshal(sample, &m)
	m["summary"] = strings.Repeat("x", 1001)
	long, _ := json.Marshal(m)
	if ok, _ := v.ValidateHttpRequest(post(long)); ok {
		t.Error("a 1,001-character summary passes the document's schema")
	}

	e := router(t)
	for _, c := range []struct {
		target string
		code   int
	}{
		{"/api/v1/events/kalbajar-2020-11-25-handover", 200},
		{"/api/v1/events?region=agdam&from=2020-01-01&to=2020-12-31", 200},
		{"/api/v1/snapshot?date=2020-11-25", 200},
		{"/api/v1/snapshot?date=2020-02-30", 400},
		{"/api/v1/events/no-such-event", 404},
		{"/api/v1/areas?date=2019-06-01", 200},
		{"/api/v1/areas?date=2020-11-10&lang=hy", 200},
		{"/api/v1/areas", 400},
		{"/api/v1/places?date=2020-10-20", 200},
		{"/api/v1/places?lang=ru", 200},
		{"/api/v1/places/hadrut", 200},
		{"/api/v1/places/no-such-place", 404},
		{"/api/v1/places?date=2020-13-01", 400},
		{"/api/v1/lines?date=2019-06-01", 200},
		{"/api/v1/peacekeeping?date=2021-06-01", 200},
		{"/api/v1/peacekeeping?date=2019-06-01", 200},
		{"/api/v1/peacekeeping?date=2021-06-01&lang=en", 400},
	} {
		req := httptest.NewRequest(http.MethodGet, c.target, nil)
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code != c.code {
			t.Errorf("%s: %d, want %d: %s", c.target, rec.Code, c.code, rec.Body)
		}
		// A request the server refuses may break the document's rules
		// for requests too (a missing required date); its answer must
		// still be the documented problem.
		validate := v.ValidateHttpRequestResponse
		if c.code >= 400 {
			validate = v.ValidateHttpResponse
		}
		if ok, errs := validate(req, rec.Result()); !ok {
			for _, err := range errs {
				t.Errorf("%s (%d): %s: %s", c.target, rec.Code, err.Message, err.Reason)
			}
		}
	}

	// The sample posts as written to a fresh store.
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, post(sample))
	if rec.Code != http.StatusCreated {
		t.Errorf("POST examples/event.json: %d %s", rec.Code, rec.Body)
	}
}

// The response schemas of the place routes are strict enough to catch a
// property the handler stops sending or sends with another type: real
// answers, each broken in one way, fail validation (and pass as they
// came, re-encoded the same way).
func TestPlaceAnswersOutsideTheSchemaFail(t *testing.T) {
	v := newValidator(t)
	e := router(t)
	for _, c := range []struct {
		target string
		breaks string
		broken func(m map[string]any)
	}{
		{"/api/v1/areas?date=2019-06-01", "", func(map[string]any) {}},
		{"/api/v1/places?date=2020-10-20", "", func(map[string]any) {}},
		{"/api/v1/areas?date=2019-06-01", "no direction", func(m map[string]any) { delete(props(t, m), "direction") }},
		{"/api/v1/areas?date=2019-06-01", "town_names a string", func(m map[string]any) { props(t, m)["town_names"] = "Jabrayil" }},
		{"/api/v1/areas?date=2019-06-01", "controller RUS", func(m map[string]any) { props(t, m)["controller"] = "RUS" }},
		{"/api/v1/areas?date=2019-06-01", "not approximate", func(m map[string]any) { props(t, m)["approximate"] = false }},
		{"/api/v1/places?date=2020-10-20", "status seized", func(m map[string]any) { props(t, m)["status"] = "seized" }},
		{"/api/v1/places?date=2020-10-20", "a line for a point", func(m map[string]any) {
			m["features"].([]any)[0].(map[string]any)["geometry"] = map[string]any{"type": "LineString", "coordinates": []any{}}
		}},
		{"/api/v1/lines?date=2019-06-01", "no event_ids", func(m map[string]any) { delete(props(t, m), "event_ids") }},
		{"/api/v1/peacekeeping?date=2021-06-01", "presence ARM", func(m map[string]any) { props(t, m)["presence"] = "ARM" }},
	} {
		req := httptest.NewRequest(http.MethodGet, c.target, nil)
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", c.target, rec.Code, rec.Body)
		}
		var m map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
			t.Fatalf("%s: %v", c.target, err)
		}
		c.broken(m)
		body, _ := json.Marshal(m)
		res := rec.Result()
		res.Body = io.NopCloser(bytes.NewReader(body))
		res.ContentLength = int64(len(body))
		res.Header.Del("Content-Length")
		ok, errs := v.ValidateHttpRequestResponse(req, res)
		switch {
		case c.breaks == "" && !ok:
			for _, err := range errs {
				t.Errorf("%s re-encoded: %s: %s", c.target, err.Message, err.Reason)
			}
		case c.breaks != "" && ok:
			t.Errorf("%s with %s passes the document's schema", c.target, c.breaks)
		}
	}
}

// props returns the properties of the first feature of a collection.
func props(t *testing.T, m map[string]any) map[string]any {
	t.Helper()
	fs, _ := m["features"].([]any)
	if len(fs) == 0 {
		t.Fatal("no features")
	}
	return fs[0].(map[string]any)["properties"].(map[string]any)
}
