package mounts

import (
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/synth"
	"github.com/mapsvc/mapsvc/placeapi"
	"github.com/mapsvc/mapsvc/render"
	"github.com/mapsvc/mapsvc/service"
)

// On a world whose districts the place ledger does not name (a synthetic
// benchmark world), the static map is drawn without areas instead of
// failing: the SVG of any day renders.
func TestStaticMapOnAnotherWorldDrawsWithoutAreas(t *testing.T) {
	regions := synth.Regions(16, 1)
	events := synth.Events(regions, 4, 1)
	v, err := service.NewView(service.Dataset{Version: "synthetic", Regions: regions, Events: events})
	if err != nil {
		t.Fatal(err)
	}
	areas := renderAreas(placeapi.EmbeddedHistories())
	day := geo.DayOf(2005, 6, 1)
	a, err := areas(v, day)
	if err != nil || a != nil {
		t.Fatalf("areas = %v, %v; want none and no error", a, err)
	}
	svg, err := render.SVG(v.History, v.Version, day, geo.LangEN, a)
	if err != nil || len(svg) == 0 {
		t.Fatalf("SVG: %d bytes, %v", len(svg), err)
	}
	// The case is the one meant: the place ledger cannot be read here.
	if _, err := placeapi.EmbeddedHistories().For(v); err == nil {
		t.Fatal("the embedded place ledger fitted a synthetic world")
	}
}
