package geo

import (
	"fmt"
	"sort"

	"github.com/paulmach/orb"
)

// Role says whether the ledger tracks a region's control.
type Role string

// Region roles.
const (
	// RoleConflict regions change hands; the ledger tracks them.
	RoleConflict Role = "conflict"
	// RoleContext regions are drawn so the map reads as a whole; their
	// holder is the region's Baseline for the whole span.
	RoleContext Role = "context"
	// RoleNeighbour is a neighbouring country's outline, for orientation
	// only; it never appears in snapshots.
	RoleNeighbour Role = "neighbour"
)

// Region is one mapped unit with its names and boundary.
type Region struct {
	ID             string          `json:"id"`
	ISO            string          `json:"iso_3166_2,omitempty"`
	Kind           string          `json:"kind"` // district, city, country
	Role           Role            `json:"role"`
	Names          map[Lang]string `json:"names"`
	Aliases        []string        `json:"aliases,omitempty"`
	EconomicRegion string          `json:"economic_region,omitempty"`
	Baseline       Controller      `json:"baseline_controller,omitempty"`
	Label          orb.Point       `json:"label"`
	Geometry       orb.Geometry    `json:"-"`
	Source         string          `json:"source"`
	Licence        string          `json:"licence"`
	Corrections    []string        `json:"corrections,omitempty"`
}

// ConflictRegionIDs are the fixed ids of the units whose control changes.
var ConflictRegionIDs = []string{
	"kalbajar", "lachin", "gubadli", "zangilan", "jabrayil", "fuzuli",
	"agdam", "tartar", "khojavend", "khojaly", "shusha", "khankendi",
}

// ValidID reports whether s is a well-formed region or event id: a
// lower-case letter, then up to 63 lower-case letters, digits and
// hyphens. (Written out rather than as a regular expression: compiling
// `{0,63}` unrolls 63 optional steps, which was a visible part of every
// start-up.)
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 64 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Name returns the region's name in lang, falling back to English.
func (r *Region) Name(lang Lang) string {
	if n := r.Names[lang]; n != "" {
		return n
	}
	return r.Names[LangEN]
}

// Validate checks ids, names, role and geometry.
func (r *Region) Validate() error { return r.validate(true) }

// GeometryRules names the rules ValidateGeometry applies. A store that
// records which regions passed them records this too, and a change to
// the rules must change it, so that boundaries checked under old rules
// are checked again.
const GeometryRules = "geometry-v1"

// validate is Validate; without geometry it skips ValidateGeometry, by
// far its costliest part (see HistoryOptions.GeometryChecked).
func (r *Region) validate(geometry bool) error {
	if !ValidID(r.ID) {
		return fmt.Errorf("%w: region id %q must be lowercase letters, digits and dashes", ErrInvalid, r.ID)
	}
	if r.Names[LangEN] == "" {
		return fmt.Errorf("%w: region %q has no English name", ErrInvalid, r.ID)
	}
	switch r.Role {
	case RoleConflict, RoleNeighbour:
	case RoleContext:
		if !r.Baseline.Valid() {
			return fmt.Errorf("%w: context region %q needs a baseline controller", ErrInvalid, r.ID)
		}
	default:
		return fmt.Errorf("%w: region %q has unknown role %q", ErrInvalid, r.ID, r.Role)
	}
	if r.Source == "" || r.Licence == "" {
		return fmt.Errorf("%w: region %q needs a source and a licence", ErrInvalid, r.ID)
	}
	if err := ValidatePosition(r.Label); err != nil {
		return fmt.Errorf("%w: region %q label: %v", ErrInvalid, r.ID, err)
	}
	if !geometry {
		return nil
	}
	if err := ValidateGeometry(r.Geometry); err != nil {
		return fmt.Errorf("region %q: %w", r.ID, err)
	}
	return nil
}

// SortRegions orders conflict regions as ConflictRegionIDs, then context
// units, then neighbours, each by id: a stable order for files and feeds.
func SortRegions(rs []Region) {
	order := map[string]int{}
	for i, id := range ConflictRegionIDs {
		order[id] = i
	}
	rank := func(r *Region) int {
		switch r.Role {
		case RoleConflict:
			if i, ok := order[r.ID]; ok {
				return i
			}
			return len(order)
		case RoleContext:
			return 100
		}
		return 200
	}
	sort.SliceStable(rs, func(i, j int) bool {
		ri, rj := rank(&rs[i]), rank(&rs[j])
		if ri != rj {
			return ri < rj
		}
		return rs[i].ID < rs[j].ID
	})
}
