// Package seeds holds the sourced event ledger (ledger.json) and its
// loader. The ledger is embedded so the binary alone can seed a database.
package seeds

import (
	"bytes"
	_ "embed"

	"github.com/mapsvc/mapsvc/geo"
)

// PlacesJSON is places.json as committed: the place-level events, kept
// apart from the district ledger and loaded with it.
//
//go:embed places.json
var PlacesJSON []byte

// LedgerJSON is ledger.json as committed.
//
//go:embed ledger.json
var LedgerJSON []byte

// Ledger is the parsed ledger file.
type Ledger struct {
	Version int         `json:"version"`
	Title   string      `json:"title"`
	Licence string      `json:"licence"`
	Events  []geo.Event `json:"-"`
}

// Parse decodes a ledger strictly. Errors name the file and the item.
// It checks each event on its own; geo.NewHistory checks them together.
func Parse(name string, b []byte) (Ledger, error) {
	return ParseReader(name, bytes.NewReader(b))
}

// Embedded parses the embedded ledger.
func Embedded() (Ledger, error) { return Parse("seeds/ledger.json", LedgerJSON) }

// EmbeddedPlaces parses the embedded place-level events. The file has the
// ledger's format; each event names a place or places as well as its
// district. geo.NewPlaceHistory checks them against the district history.
func EmbeddedPlaces() (Ledger, error) { return Parse("seeds/places.json", PlacesJSON) }
