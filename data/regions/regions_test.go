package regions

import (
	"encoding/json"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
)

// The fast line-by-line load reads the committed file, and gives exactly
// what the general decoder gives.
func TestLoadMatchesTheGeneralDecoder(t *testing.T) {
	fast, err := loadLines(GeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	general, err := geo.DecodeRegions(GeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(fast) != len(general) || len(fast) != 78 {
		t.Fatalf("got %d and %d regions, want 78", len(fast), len(general))
	}
	for i := range fast {
		a, _ := json.Marshal(geo.RegionFeature(&fast[i]))
		b, _ := json.Marshal(geo.RegionFeature(&general[i]))
		if string(a) != string(b) {
			t.Errorf("%s differs between the two decoders", fast[i].ID)
		}
	}
}
