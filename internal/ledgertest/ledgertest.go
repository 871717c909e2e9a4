// Package ledgertest gives tests the embedded regions and ledger. It
// imports only the domain and the data, so any package's tests can use
// it, internal ones included.
package ledgertest

import (
	"testing"

	"github.com/mapsvc/mapsvc/data/places"
	"github.com/mapsvc/mapsvc/data/regions"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/seeds"
)

// Data returns fresh copies of the embedded regions and events.
func Data(t testing.TB) ([]geo.Region, []geo.Event) {
	t.Helper()
	rs, err := regions.Load()
	if err != nil {
		t.Fatal(err)
	}
	l, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return rs, l.Events
}

// History validates the embedded data into a History.
func History(t testing.TB) *geo.History {
	t.Helper()
	h, err := geo.NewHistory(Data(t))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// Places returns fresh copies of the embedded gazetteer and place-level
// events.
func Places(t testing.TB) ([]geo.Place, []geo.Event) {
	t.Helper()
	ps, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	l, err := seeds.EmbeddedPlaces()
	if err != nil {
		t.Fatal(err)
	}
	return ps, l.Events
}

// PlaceHistory validates the embedded places and their events against the
// embedded district history.
func PlaceHistory(t testing.TB) *geo.PlaceHistory {
	t.Helper()
	ps, evs := Places(t)
	ph, err := geo.NewPlaceHistory(History(t), ps, evs)
	if err != nil {
		t.Fatal(err)
	}
	return ph
}
