package regionimport

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/regionimport/topology"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

const (
	engineName = "GEOS via github.com/twpayne/go-geos (MakeValid, overlay, precision snapping to 1e-6 degrees)"
	gbSource   = "geoBoundaries gbOpen AZE ADM2 (boundaryYear 2020, from Wikipedia's map of Azerbaijan's districts), feature %q (%s), releaseData/gbOpen/AZE/ADM2/geoBoundaries-AZE-ADM2_simplified.geojson"
	gbLicence  = "CC BY-SA 3.0 (geoBoundaries; source: Wikipedia) for the lines drawn from it; Natural Earth public domain for the outline"
	// fileLicence is the licence of regions.geojson as a whole: it holds
	// CC BY-SA lines, so the file is CC BY-SA.
	fileLicence = "CC BY-SA 3.0 as a whole (it contains geoBoundaries lines); Natural Earth parts are public domain"
)

// fixGeometry applies the geometry corrections with GEOS: the lines
// between the units marked "redraw" in curated.json come from
// geoBoundaries inside their common Natural Earth outline (the merged
// units stay pinned to the unit they were merged into), every Azerbaijani
// unit loses what overlaps Armenia's outline, and any unit GEOS finds
// invalid is made valid.
func fixGeometry(regions []geo.Region, am *geo.Region, cur Curated, units map[string]neFeature, gbBytes []byte, gbPath string, prov *Provenance) error {
	eng := topology.New()
	ag, err := eng.Clean(am.Geometry)
	if err != nil {
		return fmt.Errorf("%s: %w", am.ID, err)
	}
	if err := setGeometry(am, ag); err != nil {
		return err
	}
	for i := range regions {
		g, err := eng.Clean(regions[i].Geometry)
		if err != nil {
			return fmt.Errorf("%s: %w", regions[i].ID, err)
		}
		if err := setGeometry(&regions[i], g); err != nil {
			return err
		}
	}
	gb, err := geojson.UnmarshalFeatureCollection(gbBytes)
	if err != nil {
		return fmt.Errorf("%s: %w", gbPath, err)
	}
	byName := map[string]*geojson.Feature{}
	for _, f := range gb.Features {
		name, _ := f.Properties["shapeName"].(string)
		byName[name] = f
	}
	index := map[string]int{}
	for i := range regions {
		index[regions[i].ID] = i
	}
	var group []topology.Unit
	var codes []string
	for code := range cur.Conflict {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		e := cur.Conflict[code]
		if e.Redraw == "" {
			continue
		}
		f := byName[e.Redraw]
		if f == nil {
			return fmt.Errorf("%s: no feature with shapeName %q (asked for by %s in curated.json)", gbPath, e.Redraw, e.ID)
		}
		u := topology.Unit{ID: e.ID, Old: regions[index[e.ID]].Geometry, New: f.Geometry, With: e.RedrawWith}
		for _, m := range e.Merge {
			mg := units[m].Geometry
			u.Pinned = append(u.Pinned, mg.Geometry())
		}
		group = append(group, u)
		r := &regions[index[e.ID]]
		id, _ := f.Properties["shapeID"].(string)
		lines, only := "lines to the other redrawn units", ""
		if len(e.RedrawWith) > 0 {
			lines = "lines to " + strings.Join(e.RedrawWith, " and ")
			only = " (only its lines to " + strings.Join(e.RedrawWith, " and ") + ")"
		}
		r.Source += "; " + lines + " from " + fmt.Sprintf(gbSource, e.Redraw, id)
		r.Licence = gbLicence
		prov.Redrawn[e.ID] = e.Redraw + " " + id + only
	}
	var fixed []orb.Geometry
	for i := range regions {
		if _, ok := prov.Redrawn[regions[i].ID]; !ok {
			fixed = append(fixed, regions[i].Geometry)
		}
	}
	fixed = append(fixed, am.Geometry)
	redrawn, err := eng.Redraw(group, fixed)
	if err != nil {
		return fmt.Errorf("redraw from %s: %w", gbPath, err)
	}
	for id, g := range redrawn {
		if err := setGeometry(&regions[index[id]], g); err != nil {
			return err
		}
	}
	if err := anchor(eng, regions, am, cur.Anchors, index, prov); err != nil {
		return err
	}
	for i := range regions {
		r := &regions[i]
		g, km2, err := eng.Subtract(r.Geometry, am.Geometry)
		if err != nil {
			return fmt.Errorf("%s: removing the overlap with Armenia: %w", r.ID, err)
		}
		if km2 > 0 {
			prov.ArmeniaSliver[r.ID] = math.Round(km2*10000) / 10000
			if err := setGeometry(r, g); err != nil {
				return err
			}
		}
		why, err := eng.Invalid(r.Geometry)
		if err != nil {
			return fmt.Errorf("%s: %w", r.ID, err)
		}
		if why != "" {
			g, err := eng.Clean(r.Geometry)
			if err != nil {
				return fmt.Errorf("%s: making valid (%s): %w", r.ID, why, err)
			}
			if err := setGeometry(r, g); err != nil {
				return err
			}
			prov.MadeValid = append(prov.MadeValid, r.ID+": "+why)
		}
	}
	// Close the thin gaps left between Azerbaijan's units and Armenia's
	// outline (Natural Earth's admin-1 and admin-0 layers differ by a few
	// decimetres) and between units after snapping: each goes to the
	// Azerbaijani unit with the longest border along it.
	az := map[string]orb.Geometry{}
	for i := range regions {
		az[regions[i].ID] = regions[i].Geometry
	}
	filled, gained, err := eng.AbsorbSlivers(az, []orb.Geometry{am.Geometry}, sliverWidth)
	if err != nil {
		return fmt.Errorf("closing gaps along Armenia: %w", err)
	}
	for id, km2 := range gained {
		prov.GapsClosed[id] = math.Round(km2*10000) / 10000
		if err := setGeometry(&regions[index[id]], filled[id]); err != nil {
			return err
		}
	}
	sort.Strings(prov.MadeValid)
	return nil
}

// anchor applies curated.json's anchors in order: each moves one unit's
// line locally so that it holds a place documented in that unit.
func anchor(eng *topology.Engine, regions []geo.Region, am *geo.Region, anchors []Anchor, index map[string]int, prov *Provenance) error {
	for _, a := range anchors {
		i, ok := index[a.Unit]
		if !ok {
			return fmt.Errorf("curated.json: anchor %q names unknown unit %q", a.Place, a.Unit)
		}
		if a.Place == "" || a.District == "" || a.Why == "" || a.Margin <= 0 || a.Margin > 0.01 {
			return fmt.Errorf("curated.json: anchor %q needs place, district_source, why and a margin in (0, 0.01] degrees", a.Place)
		}
		units := map[string]orb.Geometry{}
		for j := range regions {
			units[regions[j].ID] = regions[j].Geometry
		}
		changed, moved, err := eng.Anchor(units, []orb.Geometry{am.Geometry}, a.Unit, a.Point, a.Margin)
		if err != nil {
			return fmt.Errorf("curated.json: anchor %q: %w", a.Place, err)
		}
		if len(changed) == 0 {
			prov.Anchored[a.Place] = a.Unit + ": already inside, nothing moved"
			continue
		}
		ids := make([]string, 0, len(changed))
		for id := range changed {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if err := setGeometry(&regions[index[id]], changed[id]); err != nil {
				return err
			}
		}
		var from []string
		for id, km2 := range moved {
			if id == "" {
				id = "outside"
			}
			from = append(from, fmt.Sprintf("%.2f km² from %s", km2, id))
		}
		sort.Strings(from)
		prov.Anchored[a.Place] = a.Unit + ": " + strings.Join(from, ", ")
		regions[i].Corrections = append(regions[i].Corrections, a.Why)
	}
	return nil
}

// sliverWidth (degrees, about 10 m) separates a gap left by two sources'
// different lines from real land between units.
const sliverWidth = 1e-4

// setGeometry stores a GEOS result with the importer's normalisation
// (rounding, winding) and keeps the label inside.
func setGeometry(r *geo.Region, g orb.Geometry) error {
	polys, err := polygons(g)
	if err != nil {
		return fmt.Errorf("%s: %w", r.ID, err)
	}
	r.Geometry = collapse(polys)
	if !labelInside(r.Geometry, r.Label) {
		r.Label = interiorLabel(r.Geometry)
	}
	return nil
}
