package placeapi_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/ogc"
	"github.com/mapsvc/mapsvc/placeapi"
)

func ogcServer(t *testing.T) (func(path string) (*http.Response, []byte), string) {
	svc := testenv.Service(t)
	hs := placeapi.EmbeddedHistories()
	srv := testenv.Server(t, svc, ogc.MountWith(svc, placeapi.OGCCollections(hs)...), placeapi.Mount(svc, hs))
	return func(path string) (*http.Response, []byte) { return testenv.Get(t, srv, path) }, srv.URL
}

func TestOGCCollectionsListPlacesAndAreas(t *testing.T) {
	get, _ := ogcServer(t)
	res, body := get("/ogc/collections")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("got %d: %s", res.StatusCode, body)
	}
	for _, id := range []string{`"id":"places"`, `"id":"control-areas"`, `"id":"regions"`} {
		if !strings.Contains(string(body), id) {
			t.Errorf("collections lack %s", id)
		}
	}
}

func TestOGCControlAreasOnADay(t *testing.T) {
	get, _ := ogcServer(t)
	res, body := get("/ogc/collections/control-areas/items?datetime=2019-06-01&limit=1000")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("got %d: %s", res.StatusCode, body)
	}
	var fc struct {
		Features []struct {
			ID    string `json:"id"`
			Props struct {
				Region      string  `json:"region"`
				Controller  string  `json:"controller"`
				Approximate bool    `json:"approximate"`
				Start       string  `json:"start"`
				End         *string `json:"end"`
			} `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(body, &fc); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range fc.Features {
		got[f.Props.Region+"-"+f.Props.Controller] = true
		if !f.Props.Approximate || f.Props.Start > "2019-06-01" || (f.Props.End != nil && *f.Props.End <= "2019-06-01") {
			t.Errorf("%s does not hold on 2019-06-01: %+v", f.ID, f.Props)
		}
	}
	for _, want := range []string{"agdam-ARM", "agdam-AZE", "fuzuli-AZE", "tartar-ARM"} {
		if !got[want] {
			t.Errorf("no %s on 2019-06-01 (got %v)", want, got)
		}
	}
	res, body = get("/ogc/collections/control-areas/items?datetime=2023-10-15")
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `"numberMatched":0`) {
		t.Errorf("2023-10-15: got %d %.200s, want no areas", res.StatusCode, body)
	}
}

func TestGDALReadsControlAreas(t *testing.T) {
	testenv.RequireGDAL(t, "ogrinfo")
	_, url := ogcServer(t)
	out := testenv.RunGDAL(t, "ogrinfo", "-ro", "-so", "OAPIF:"+url+"/ogc", "control-areas")
	if n := testenv.FeatureCounts(t, out)["control-areas"]; n == 0 {
		t.Errorf("GDAL read no control-areas features:\n%s", out)
	} else {
		t.Logf("GDAL reads %d control-areas features", n)
	}
	out = testenv.RunGDAL(t, "ogrinfo", "-ro", "-so", "OAPIF:"+url+"/ogc", "places")
	if n := testenv.FeatureCounts(t, out)["places"]; n < 150 {
		t.Errorf("GDAL read %d places, want at least 150", n)
	}
}
