package geo

import (
	"fmt"

	"github.com/paulmach/orb"
)

// PlaceKind says what a gazetteer place is.
type PlaceKind string

// Place kinds.
const (
	PlaceTown    PlaceKind = "town"
	PlaceVillage PlaceKind = "village"
	PlaceHeight  PlaceKind = "height"
)

// CoordSource says where a place's position comes from.
type CoordSource struct {
	// Kind is "geonames-cities500" (GeoNameID and Name set) or "page" (URL set).
	Kind      string `json:"kind"`
	GeoNameID int    `json:"geonameid,omitempty"`
	Name      string `json:"name,omitempty"`
	URL       string `json:"url,omitempty"`
}

// Coordinate source kinds.
const (
	CoordGeoNames = "geonames-cities500"
	CoordPage     = "page"
)

// Place is one settlement or named height of the gazetteer. Point is nil
// where no sourced position is known yet: such a place can carry events but
// takes no part in geometry.
type Place struct {
	ID      string          `json:"id"`
	Kind    PlaceKind       `json:"kind"`
	Region  string          `json:"region"`
	Names   map[Lang]string `json:"names"`
	Aliases []string        `json:"aliases,omitempty"`
	// NKRName is the toponym the self-declared Nagorno-Karabakh Republic
	// used, kept as a label for readers of Armenian-side sources.
	NKRName     string       `json:"nkr_name,omitempty"`
	Point       *orb.Point   `json:"point,omitempty"`
	CoordSource *CoordSource `json:"coord_source,omitempty"`
	Note        string       `json:"note,omitempty"`
}

// Name returns the place's name in lang, falling back to English.
func (p *Place) Name(lang Lang) string {
	if n := p.Names[lang]; n != "" {
		return n
	}
	return p.Names[LangEN]
}

// Validate checks one place on its own: id, kind, names, and a position
// with its source. Whether the region exists and the point lies inside it
// needs the regions (see NewPlaceHistory and the data tests).
func (p *Place) Validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: place %q: %s", ErrInvalid, p.ID, fmt.Sprintf(format, a...))
	}
	if !ValidID(p.ID) {
		return fmt.Errorf("%w: place id %q must be lowercase letters, digits and dashes", ErrInvalid, p.ID)
	}
	switch p.Kind {
	case PlaceTown, PlaceVillage, PlaceHeight:
	default:
		return bad("kind must be town, village or height, not %q", p.Kind)
	}
	if !ValidID(p.Region) {
		return bad("region id %q is malformed", p.Region)
	}
	if p.Names[LangEN] == "" || p.Names[LangAZ] == "" {
		return bad("needs an English and an Azerbaijani name")
	}
	for l := range p.Names {
		if _, err := ParseLang(string(l)); err != nil {
			return bad("unknown name language %q", l)
		}
	}
	if (p.Point == nil) != (p.CoordSource == nil) {
		return bad("a point needs a coord_source and a coord_source a point")
	}
	if p.Point == nil {
		return nil
	}
	if err := ValidatePosition(*p.Point); err != nil {
		return bad("%v", err)
	}
	switch cs := p.CoordSource; cs.Kind {
	case CoordGeoNames:
		if cs.GeoNameID <= 0 {
			return bad("a GeoNames position needs its geonameid")
		}
	case CoordPage:
		if err := ValidateLink(cs.URL); err != nil {
			return bad("coord_source: %v", err)
		}
	default:
		return bad("coord_source kind must be %s or %s, not %q", CoordGeoNames, CoordPage, cs.Kind)
	}
	return nil
}
