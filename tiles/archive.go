package tiles

import (
	"errors"
	"fmt"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"
)

// Archive is every layer of one data version as a single tile set, for a
// file such as a PMTiles archive that a CDN serves with no mapsvc behind
// it: each tile holds the regions, periods and areas layers together, so
// one archive draws the map of every date (the periods and areas layers
// carry start_day and end_day, as served under /tiles).
type Archive struct {
	// Metadata is the archive's metadata in the form tippecanoe writes:
	// name, description, attribution, vector_layers and data_version.
	Metadata map[string]any
	// Bounds is west, south, east, north of every feature; Center is
	// lon, lat, zoom.
	Bounds [4]float64
	Center [3]float64
	layers []archiveLayer
}

type archiveLayer struct {
	def *layerDef
	src []source
}

// NewArchive reads the layers of svc's current data (the areas layer
// from areas, left out when areas is nil).
func NewArchive(svc *service.Service, areas AreaSource) (*Archive, error) {
	s := &server{svc: svc, areas: areas}
	v := svc.View()
	a := &Archive{}
	var vl []any
	var bound orb.Bound
	first := true
	for i := range layers {
		l := &layers[i]
		if l.id == "areas" && areas == nil {
			continue
		}
		src, err := l.build(s, v)
		if err != nil {
			return nil, fmt.Errorf("layer %s: %w", l.id, err)
		}
		a.layers = append(a.layers, archiveLayer{def: l, src: src})
		vl = append(vl, map[string]any{"id": l.id, "description": l.description, "minzoom": MinZoom, "maxzoom": MaxZoom,
			"fields": orderedFields(l.fields)})
		if len(src) > 0 {
			if b := boundOf(src); first {
				bound, first = b, false
			} else {
				bound = bound.Union(b)
			}
		}
	}
	if first {
		return nil, errors.New("no features to tile")
	}
	c := bound.Center()
	a.Bounds = [4]float64{bound.Min[0], bound.Min[1], bound.Max[0], bound.Max[1]}
	a.Center = [3]float64{c[0], c[1], 7}
	a.Metadata = map[string]any{
		"name":          "mapsvc",
		"description":   "Regions, control periods and approximate control areas of every date; filter periods and areas by start_day and end_day.",
		"attribution":   geo.Attribution,
		"version":       "2",
		"type":          "overlay",
		"format":        "pbf",
		"vector_layers": vl,
		"data_version":  v.Version,
	}
	return a, nil
}

// Tiles renders every tile from zoom 0 to maxZoom that has a feature, each
// with all layers, and hands it to emit (parents before their children,
// not in any other order). It returns the number of tiles emitted.
func (a *Archive) Tiles(maxZoom int, emit func(t maptile.Tile, mvt []byte) error) (int, error) {
	if maxZoom < 0 || maxZoom > MaxZoom {
		return 0, fmt.Errorf("max zoom %d is outside 0..%d", maxZoom, MaxZoom)
	}
	all := make([][]int, len(a.layers))
	for i, l := range a.layers {
		all[i] = make([]int, len(l.src))
		for k := range all[i] {
			all[i][k] = k
		}
	}
	n := 0
	var walk func(t maptile.Tile, cand [][]int) error
	walk = func(t maptile.Tile, cand [][]int) error {
		// Only the features that reach this tile can reach its children.
		reach := tileReach(t)
		here := make([][]int, len(cand))
		any := false
		for i, c := range cand {
			for _, k := range c {
				if a.layers[i].src[k].bound.Intersects(reach) {
					here[i] = append(here[i], k)
				}
			}
			any = any || len(here[i]) > 0
		}
		if !any {
			return nil
		}
		var ls mvt.Layers
		for i, l := range a.layers {
			if len(here[i]) == 0 {
				continue
			}
			if layer := renderLayer(l.src, here[i], l.def.id, t); len(layer.Features) > 0 {
				ls = append(ls, layer)
			}
		}
		if len(ls) > 0 {
			b, err := mvt.Marshal(ls)
			if err != nil {
				return fmt.Errorf("tile %d/%d/%d: %w", t.Z, t.X, t.Y, err)
			}
			if err := emit(t, b); err != nil {
				return err
			}
			n++
		}
		if int(t.Z) == maxZoom {
			return nil
		}
		for _, c := range t.Children() {
			if err := walk(c, here); err != nil {
				return err
			}
		}
		return nil
	}
	err := walk(maptile.New(0, 0, 0), all)
	return n, err
}
