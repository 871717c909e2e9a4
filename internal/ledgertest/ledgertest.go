// Package ledgertest gives tests the embedded regions and ledger. It
// imports only the domain and the data, so any package's tests can use
// it, internal ones included.
package ledgertest

import (
	"testing"

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
