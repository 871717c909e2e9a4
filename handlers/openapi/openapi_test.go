package openapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/downloads"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/handlers/openapi"
	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/render"
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

func router(t *testing.T) *echo.Echo {
	svc := testenv.Service(t)
	return handlers.New(svc, handlers.Options{Editors: []handlers.Editor{{Name: "desk", Token: "0123456789abcdef0123"}},
		Mounts: []func(*echo.Echo){downloads.Mount(svc), render.Mount(svc, render.Options{})}})
}

// The document lists exactly the /api/v1 routes the router serves.
func TestDocumentMatchesTheRoutes(t *testing.T) {
	e := router(t)
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	json.Unmarshal(openapi.Document, &doc)
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			if method != "parameters" {
				documented[strings.ToUpper(method)+" "+path] = true
			}
		}
	}
	param := regexp.MustCompile(`:([a-z]+)`)
	served := map[string]bool{}
	for _, r := range e.Routes() {
		if !strings.HasPrefix(r.Path, "/api/v1/") || r.Method == "echo_route_not_found" {
			continue
		}
		served[r.Method+" "+param.ReplaceAllString(strings.TrimPrefix(r.Path, "/api/v1"), "{$1}")] = true
	}
	var missing, extra []string
	for k := range served {
		if !documented[k] {
			missing = append(missing, k)
		}
	}
	for k := range documented {
		if !served[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("served but not documented: %v; documented but not served: %v", missing, extra)
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
	for _, target := range []string{
		"/api/v1/events/kalbajar-2020-11-25-handover",
		"/api/v1/events?region=agdam&from=2020-01-01&to=2020-12-31",
		"/api/v1/snapshot?date=2020-11-25",
		"/api/v1/snapshot?date=2020-02-30",
		"/api/v1/events/no-such-event",
	} {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if ok, errs := v.ValidateHttpRequestResponse(req, rec.Result()); !ok {
			for _, err := range errs {
				t.Errorf("%s (%d): %s: %s", target, rec.Code, err.Message, err.Reason)
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
