package placeapi_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/placeapi"
)

type fc struct {
	Type     string `json:"type"`
	Date     string `json:"date"`
	Features []struct {
		ID       string          `json:"id"`
		Geometry json.RawMessage `json:"geometry"`
		Props    struct {
			Region         string   `json:"region"`
			Kind           string   `json:"kind"`
			Name           string   `json:"name"`
			Controller     string   `json:"controller"`
			ControllerName string   `json:"controller_name"`
			Status         string   `json:"status"`
			Basis          string   `json:"basis"`
			EventIDs       []string `json:"event_ids"`
		} `json:"properties"`
	} `json:"features"`
}

func server(t *testing.T) func(path string, header ...string) (*http.Response, []byte) {
	svc := testenv.Service(t)
	srv := testenv.Server(t, svc, placeapi.MountEmbedded(svc))
	return func(path string, header ...string) (*http.Response, []byte) {
		return testenv.Get(t, srv, path, header...)
	}
}

func TestPlacesOnADate(t *testing.T) {
	get := server(t)
	res, body := get("/api/v1/places?date=2019-06-01&lang=ar")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/geo+json" {
		t.Fatalf("got %d %s: %s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	var got fc
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Type != "FeatureCollection" || got.Date != "2019-06-01" || len(got.Features) < 150 {
		t.Fatalf("got %s dated %q with %d features", got.Type, got.Date, len(got.Features))
	}
	want := map[string]string{"agdam": "ARM", "horadiz": "AZE", "hadrut": "ARM", "quzanli": "AZE", "terter": "AZE", "agdere": "ARM"}
	for _, f := range got.Features {
		if w, ok := want[f.ID]; ok {
			if f.Props.Controller != w || len(f.Props.EventIDs) == 0 || f.Props.ControllerName == "" {
				t.Errorf("%s: got %q (%q) on %v, want %s with events", f.ID, f.Props.Controller, f.Props.ControllerName, f.Props.EventIDs, w)
			}
			delete(want, f.ID)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing places %v", want)
	}
	// ETag and 304.
	res2, _ := get("/api/v1/places?date=2019-06-01&lang=ar", "If-None-Match", res.Header.Get("ETag"))
	if res2.StatusCode != http.StatusNotModified {
		t.Errorf("got %d for a matching If-None-Match, want 304", res2.StatusCode)
	}
}

func TestPlacesWithoutADateCarryNoState(t *testing.T) {
	get := server(t)
	res, body := get("/api/v1/places")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("got %d: %s", res.StatusCode, body)
	}
	var got fc
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	for _, f := range got.Features {
		if f.Props.Controller != "" || f.Props.Status != "" {
			t.Fatalf("%s carries a state without a date: %+v", f.ID, f.Props)
		}
	}
}

func TestOnePlaceHasHistoryAndSources(t *testing.T) {
	get := server(t)
	res, body := get("/api/v1/places/hadrut?lang=en")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("got %d: %s", res.StatusCode, body)
	}
	var got struct {
		ID      string `json:"id"`
		History []struct {
			Start      string  `json:"start"`
			End        *string `json:"end"`
			Controller string  `json:"controller"`
			Status     string  `json:"status"`
		} `json:"history"`
		Events []struct {
			ID      string `json:"id"`
			Sources []struct {
				Ref string `json:"ref"`
			} `json:"sources"`
		} `json:"events"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != "hadrut" || len(got.Events) == 0 || len(got.Events[0].Sources) == 0 {
		t.Fatalf("got %s with %d events", got.ID, len(got.Events))
	}
	// AZE in 1991, ARM from the 1992 split, uncertain 9-15 Oct 2020, AZE after.
	var seq []string
	for _, p := range got.History {
		seq = append(seq, p.Controller+"/"+p.Status)
	}
	want := []string{"AZE/firm", "ARM/firm", "ARM/uncertain", "AZE/firm"}
	if len(seq) < len(want) {
		t.Fatalf("got history %v, want it to start %v", seq, want)
	}
	for i := range want {
		if seq[i] != want[i] {
			t.Fatalf("got history %v, want it to start %v", seq, want)
		}
	}
	if last := got.History[len(got.History)-1]; last.End != nil {
		t.Errorf("the last period ends %s; want it open", *last.End)
	}
}

func TestBadPlaceRequestsAreProblems(t *testing.T) {
	get := server(t)
	cases := []struct {
		path   string
		status int
	}{
		{"/api/v1/places?date=2020-02-30", 400},
		{"/api/v1/places?date=yesterday", 400},
		{"/api/v1/places?lang=fr", 400},
		{"/api/v1/places?colour=red", 400},
		{"/api/v1/places?date=2020-01-01&date=2020-01-02", 400},
		{"/api/v1/places/no-such-place", 404},
		{"/api/v1/places/Hadrut", 404},
		{"/api/v1/places/hadrut?date=2020-01-01", 400},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			res, body := get(c.path)
			if res.StatusCode != c.status || res.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("got %d %s (%s), want %d problem+json", res.StatusCode, res.Header.Get("Content-Type"), body, c.status)
			}
		})
	}
}
