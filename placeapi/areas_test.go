package placeapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
)

type areaFC struct {
	Type        string  `json:"type"`
	Date        string  `json:"date"`
	EpochStart  *string `json:"epoch_start"`
	Method      string  `json:"method"`
	Approximate bool    `json:"approximate"`
	Features    []struct {
		ID       string          `json:"id"`
		Geometry json.RawMessage `json:"geometry"`
		Props    struct {
			Region        string   `json:"region"`
			RegionName    string   `json:"region_name"`
			Controller    string   `json:"controller"`
			Approximate   bool     `json:"approximate"`
			Method        string   `json:"method"`
			ShareComputed float64  `json:"share_computed"`
			ShareLedger   *float64 `json:"share_ledger"`
			PlaceIDs      []string `json:"place_ids"`
			EventIDs      []string `json:"event_ids"`
			Direction     string   `json:"direction"`
			Towns         []string `json:"towns"`
			TownNames     []string `json:"town_names"`
		} `json:"properties"`
	} `json:"features"`
}

func TestAreasOnADate(t *testing.T) {
	get := server(t)
	res, body := get("/api/v1/areas?date=2019-06-01&lang=ar")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/geo+json" {
		t.Fatalf("got %d %s: %s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	var got areaFC
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Date != "2019-06-01" || !got.Approximate || got.Method == "" || got.EpochStart == nil {
		t.Fatalf("collection header: %+v", got)
	}
	byID := map[string]bool{}
	for _, f := range got.Features {
		byID[f.ID] = true
		p := f.Props
		if !p.Approximate || p.Method != got.Method || len(p.EventIDs) == 0 || p.RegionName == "" || len(f.Geometry) < 20 {
			t.Errorf("%s: incomplete feature %+v", f.ID, p)
		}
		ledger := "none"
		if p.ShareLedger != nil {
			ledger = fmt.Sprint(*p.ShareLedger)
		}
		t.Logf("%s: computed share %.2f, ledger %s, %d places", f.ID, p.ShareComputed, ledger, len(p.PlaceIDs))
		if p.ShareComputed <= 0 || p.ShareComputed > 1 {
			t.Errorf("%s: computed share %v", f.ID, p.ShareComputed)
		}
	}
	for _, id := range []string{"agdam-ARM", "agdam-AZE", "fuzuli-ARM", "fuzuli-AZE", "tartar-AZE", "tartar-ARM"} {
		if !byID[id] {
			t.Errorf("no feature %s on 2019-06-01 (have %v)", id, byID)
		}
	}
	// Another day of the same epoch: same features, its own date.
	_, body2 := get("/api/v1/areas?date=2019-06-02&lang=ar")
	var got2 areaFC
	if err := json.Unmarshal(body2, &got2); err != nil {
		t.Fatal(err)
	}
	if got2.Date != "2019-06-02" || len(got2.Features) != len(got.Features) || *got2.EpochStart != *got.EpochStart {
		t.Errorf("same epoch answered differently: %d vs %d features", len(got2.Features), len(got.Features))
	}
}

func TestNoAreasOnceNothingIsSplit(t *testing.T) {
	get := server(t)
	_, body := get("/api/v1/areas?date=2023-10-15")
	var got areaFC
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Features) != 0 {
		t.Errorf("got %d areas on 2023-10-15, want none", len(got.Features))
	}
}

func TestBadAreaRequestsAreProblems(t *testing.T) {
	get := server(t)
	for _, path := range []string{"/api/v1/areas", "/api/v1/areas?date=2020-13-01", "/api/v1/areas?date=2020-01-01&lang=xx", "/api/v1/areas?date=2020-01-01&bbox=1,2,3,4"} {
		res, body := get(path)
		if res.StatusCode != http.StatusBadRequest || res.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: got %d %s (%s), want a 400 problem", path, res.StatusCode, res.Header.Get("Content-Type"), body)
		}
	}
}

func TestPeacekeepingOverlay(t *testing.T) {
	get := server(t)
	for _, c := range []struct {
		date string
		n    int
	}{{"2019-06-01", 0}, {"2021-06-01", 1}, {"2024-05-01", 1}, {"2024-07-01", 0}} {
		res, body := get("/api/v1/peacekeeping?date=" + c.date)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: got %d: %s", c.date, res.StatusCode, body)
		}
		var fc struct {
			Features []struct {
				Props struct {
					Presence    string   `json:"presence"`
					Approximate bool     `json:"approximate"`
					EventIDs    []string `json:"event_ids"`
				} `json:"properties"`
			} `json:"features"`
		}
		if err := json.Unmarshal(body, &fc); err != nil {
			t.Fatal(err)
		}
		if len(fc.Features) != c.n {
			t.Errorf("%s: got %d zone features, want %d", c.date, len(fc.Features), c.n)
			continue
		}
		for _, f := range fc.Features {
			if f.Props.Presence != "RUS" || !f.Props.Approximate || len(f.Props.EventIDs) == 0 {
				t.Errorf("%s: zone properties %+v", c.date, f.Props)
			}
		}
	}
	res, body := get("/api/v1/peacekeeping")
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("no date: got %d %s, want 400", res.StatusCode, body)
	}
}

func TestLinesOfContact(t *testing.T) {
	get := server(t)
	res, body := get("/api/v1/lines?date=1994-05-12")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/geo+json" {
		t.Fatalf("got %d %s: %s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	var fc struct {
		Features []struct {
			ID       string          `json:"id"`
			Geometry json.RawMessage `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(body, &fc); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, f := range fc.Features {
		ids[f.ID] = true
	}
	if !ids["agdam-line"] || !ids["fuzuli-line"] {
		t.Errorf("12 May 1994: got lines %v, want Agdam and Fuzuli among them", ids)
	}
	if res, _ := get("/api/v1/lines?date=nope"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("bad date: got %d, want 400", res.StatusCode)
	}
}

// Each area says where it lies in its district and which towns it holds:
// on 2019-06-01 the Armenian-held west of Agdam with Agdam town, the
// Azerbaijani-held east with Guzanli.
func TestAreasNameTheirSideAndTowns(t *testing.T) {
	get := server(t)
	_, body := get("/api/v1/areas?date=2019-06-01&lang=ru")
	var got areaFC
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		dir, town, name string
	}{"agdam-ARM": {"west", "agdam", "Агдам"}, "agdam-AZE": {"east", "quzanli", ""}}
	dirs := map[string]bool{"north": true, "north-east": true, "east": true, "south-east": true, "south": true, "south-west": true, "west": true, "north-west": true}
	for _, f := range got.Features {
		if !dirs[f.Props.Direction] || len(f.Props.Towns) != len(f.Props.TownNames) {
			t.Errorf("%s: direction %q, towns %v, names %v", f.ID, f.Props.Direction, f.Props.Towns, f.Props.TownNames)
		}
		w, ok := want[f.ID]
		if !ok {
			continue
		}
		delete(want, f.ID)
		if f.Props.Direction != w.dir || len(f.Props.Towns) == 0 || f.Props.Towns[0] != w.town {
			t.Errorf("%s: %s with %v, want %s with %s first", f.ID, f.Props.Direction, f.Props.Towns, w.dir, w.town)
		}
		if w.name != "" && f.Props.TownNames[0] != w.name {
			t.Errorf("%s: town name %q, want %q", f.ID, f.Props.TownNames[0], w.name)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing %v", want)
	}
}
