package tiles_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/tiles"
	"github.com/paulmach/orb/encoding/mvt"
)

// One areas tile serves every date as the periods tile does: on
// 2019-06-01 Agdam was split, so the filter start_day <= D < end_day
// leaves one piece per holder there, and never two of one holder.
func TestAreasTileServesEveryDate(t *testing.T) {
	srv, svc := testenv.AreasGISServer(t)
	v := svc.View()
	var doc struct {
		Tiles        []string `json:"tiles"`
		VectorLayers []struct {
			ID     string            `json:"id"`
			Fields map[string]string `json:"fields"`
		} `json:"vector_layers"`
	}
	getJSON(t, srv, "/tiles/areas.json", &doc)
	if len(doc.VectorLayers) != 1 || doc.VectorLayers[0].ID != "areas" || len(doc.Tiles) != 1 {
		t.Fatalf("got TileJSON layers %+v tiles %v, want the areas layer and one tile URL", doc.VectorLayers, doc.Tiles)
	}
	f := doc.VectorLayers[0].Fields
	if f["start_day"] != "Number" || f["end_day"] != "Number" || f["controller"] != "String" || f["approximate"] != "Boolean" || f["method"] != "String" {
		t.Errorf("got fields %v, want start_day, end_day, controller, approximate and method", f)
	}
	res, body := get(t, srv, fmt.Sprintf("/tiles/areas/v/%s/6/40/24.mvt", v.Version))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("got %d, want 200: %.300s", res.StatusCode, body)
	}
	layers, err := mvt.Unmarshal(body)
	if err != nil || len(layers) != 1 || layers[0].Name != "areas" {
		t.Fatalf("got %d layers, %v; want the areas layer", len(layers), err)
	}
	if layers[0].Version != 2 {
		t.Errorf("got MVT version %d, want 2", layers[0].Version)
	}
	day, _ := geo.ParseDay("2019-06-01")
	agdam := map[string]int{}
	held := map[string]bool{} // region-controller on that day
	for _, ft := range layers[0].Features {
		p := ft.Properties
		if p["approximate"] != true || p["method"] == "" || p["method"] == nil {
			t.Errorf("%v: got approximate %v method %v, want true and a method", p["region"], p["approximate"], p["method"])
		}
		start, _ := p["start_day"].(float64)
		end, _ := p["end_day"].(float64)
		if start >= end {
			t.Errorf("%v: start_day %v not before end_day %v", p["region"], start, end)
		}
		if (end == tiles.OpenEndDay) != (p["open"] == true) {
			t.Errorf("%v: end_day %v but open %v", p["region"], end, p["open"])
		}
		if start <= float64(day) && float64(day) < end {
			key := fmt.Sprintf("%v-%v", p["region"], p["controller"])
			if held[key] {
				t.Errorf("%s: two pieces hold on 2019-06-01", key)
			}
			held[key] = true
			if p["region"] == "agdam" {
				agdam[p["controller"].(string)]++
			}
		}
	}
	if agdam["ARM"] != 1 || agdam["AZE"] != 1 {
		t.Errorf("Agdam on 2019-06-01: got pieces %v, want one ARM and one AZE", agdam)
	}
}

// Without an area source the layer does not exist.
func TestAreasLayerNeedsASource(t *testing.T) {
	srv, _ := newServer(t)
	for _, path := range []string{"/tiles/areas.json", "/tiles/areas/6/40/24.mvt", "/tiles/areas/metadata.json"} {
		res, body := get(t, srv, path)
		wantProblem(t, res, body, http.StatusNotFound)
	}
}
