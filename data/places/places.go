// Package places embeds the gazetteer (places.json; see README.md for
// provenance and licence) so the binary alone can serve it.
package places

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/mapsvc/mapsvc/geo"
)

// JSON is places.json as committed.
//
//go:embed places.json
var JSON []byte

// Parse decodes a gazetteer file strictly: unknown fields are errors, and
// an error names the file and the place.
func Parse(name string, b []byte) ([]geo.Place, error) {
	var raw struct {
		Version int               `json:"version"`
		Title   string            `json:"title"`
		Licence string            `json:"licence"`
		Places  []json.RawMessage `json:"places"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, geo.ErrInvalid, err)
	}
	if raw.Version != 1 {
		return nil, fmt.Errorf("%s: %w: gazetteer version %d, want 1", name, geo.ErrInvalid, raw.Version)
	}
	out := make([]geo.Place, 0, len(raw.Places))
	for i, m := range raw.Places {
		var p geo.Place
		dec := json.NewDecoder(bytes.NewReader(m))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("%s: place #%d: %w: %v", name, i+1, geo.ErrInvalid, err)
		}
		if err := p.Validate(); err != nil {
			return nil, fmt.Errorf("%s: place #%d: %w", name, i+1, err)
		}
		out = append(out, p)
	}
	return out, nil
}

// Load parses the embedded gazetteer.
func Load() ([]geo.Place, error) { return Parse("data/places/places.json", JSON) }
