// Package tiles serves mapsvc's regions and control periods as Mapbox
// Vector Tiles for web maps (MapLibre), with a TileJSON 3.0.0 document per
// layer.
//
// Routes (GET):
//
//	/tiles/{layer}.json                         TileJSON; layer is regions, periods or areas
//	/tiles/{layer}/v/{version}/{z}/{x}/{y}.mvt  a tile of one data version: immutable, cached for a year
//	/tiles/{layer}/{z}/{x}/{y}.mvt              the same tile of the current data, revalidated by ETag
//
// The TileJSON lists the versioned URL, so a style that loads it gets
// tiles that never go stale in a cache; after a data edit the TileJSON
// lists the new version, and a tile of an old version is a 404 problem
// that says so. Malformed coordinates (not plain whole numbers) are a 400,
// coordinates outside the set (z above 14, x or y at or past 2^z) a 404.
//
// The periods layer has every control period of every conflict region,
// with start_day and end_day as day numbers (days since 1970-01-01, end
// exclusive; 2147483647 while a period is open), so one tile set serves
// every date: a MapLibre filter such as
// ["all", ["<=", ["get", "start_day"], D], [">", ["get", "end_day"], D]]
// shows the map at the end of day D.
//
// The areas layer (mounted by MountWith with an AreaSource) does the same
// for the approximate control areas of split districts: one feature per
// holder's piece and span of days in which it did not change, with
// start_day and end_day as in periods, region, controller, method and
// approximate: true, so the same filter shows the areas of day D.
package tiles

import (
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/maptile"
	"github.com/paulmach/orb/simplify"
)

// Prefix is where tiles are mounted.
const Prefix = "/tiles"

// OpenEndDay is end_day of a period that has not ended: the largest
// int32, later than any day a filter can name.
const OpenEndDay = 2147483647

// ContentType is the media type of a tile.
const ContentType = "application/vnd.mapbox-vector-tile"

type server struct {
	svc    *service.Service
	areas  AreaSource     // nil: no areas layer
	tiles  *service.Cache // tile bodies
	docs   *service.Cache // TileJSON documents
	mu     sync.Mutex
	srcVer string
	src    map[string][]source
}

// Area is one holder's approximate piece of a split district over the
// days it did not change: from Start to End (exclusive), or on from Start
// while Open.
type Area struct {
	Region     string
	Controller geo.Controller
	Method     string
	Geometry   orb.Geometry
	Start, End geo.Day
	Open       bool
}

// AreaSource gives the approximate control areas of a view; the place
// package computes them (cmd/mapsvc/mounts.go passes them in, so tiles
// need not depend on it).
type AreaSource func(v *service.View) ([]Area, error)

// Mount returns the hook that adds the tile routes to the router, with
// the regions and periods layers.
func Mount(svc *service.Service) func(*echo.Echo) { return MountWith(svc, nil) }

// MountWith is Mount with the areas layer made from areas (none when nil);
// cmd/mapsvc/mounts.go lists it.
func MountWith(svc *service.Service, areas AreaSource) func(*echo.Echo) {
	s := &server{svc: svc, areas: areas, tiles: svc.NewCache("tiles"), docs: svc.NewCache("tiles-docs")}
	return func(e *echo.Echo) {
		e.GET(Prefix+"/:layer", s.tileJSON)
		e.GET(Prefix+"/:layer/:z/:x/:y", s.tile)
		e.GET(Prefix+"/:layer/v/:version/:z/:x/:y", s.tile)
		// GDAL's MVT driver opens a tile set "directory" over HTTP from
		// the metadata.json beside its tiles.
		e.GET(Prefix+"/:layer/metadata.json", s.metadata)
		e.GET(Prefix+"/:layer/v/:version/metadata.json", s.metadata)
	}
}

// source is one feature of a layer in lon/lat, before tiling. Features
// with the same shape (not 0: a region's periods all have its outline)
// share one geometry, projected, clipped and simplified once per tile.
type source struct {
	geom  orb.Geometry
	bound orb.Bound
	props geojson.Properties
	shape int
}

// sources returns the features of layer l in v's data version, built once
// per layer and version (the areas layer only when asked for: it walks
// every epoch of the place history).
func (s *server) sources(v *service.View, l *layerDef) ([]source, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srcVer != v.Version || s.src == nil {
		s.src, s.srcVer = map[string][]source{}, v.Version
	}
	if src, ok := s.src[l.id]; ok {
		return src, nil
	}
	src, err := l.build(s, v)
	if err != nil {
		return nil, err
	}
	s.src[l.id] = src
	return src, nil
}

// layerOf finds a layer this server has.
func (s *server) layerOf(name string) (*layerDef, error) {
	var ids []string
	for i := range layers {
		if layers[i].id == "areas" && s.areas == nil {
			continue
		}
		if layers[i].id == name {
			return &layers[i], nil
		}
		ids = append(ids, layers[i].id)
	}
	return nil, fmt.Errorf("%w: tile layer %q (there are %s)", geo.ErrNotFound, name, strings.Join(ids, ", "))
}

func (s *server) tile(c echo.Context) error {
	if _, err := httpkit.ParseQuery(c.QueryString()); err != nil {
		return err
	}
	l, err := s.layerOf(c.Param("layer"))
	if err != nil {
		return err
	}
	ys, ok := strings.CutSuffix(c.Param("y"), ".mvt")
	if !ok {
		return fmt.Errorf("%w: tile paths end in {y}.mvt, not %q", geo.ErrNotFound, c.Param("y"))
	}
	t, err := ParseTile(c.Param("z"), c.Param("x"), ys)
	if err != nil {
		return err
	}
	v := s.svc.View()
	cache, err := versionCache(c, v, l)
	if err != nil {
		return err
	}
	key := fmt.Sprintf("%s/%d/%d/%d", l.id, t.Z, t.X, t.Y)
	e, err := s.tiles.Get(v, key, ContentType, func() ([]byte, error) {
		src, err := s.sources(v, l)
		if err != nil {
			return nil, err
		}
		return render(src, l.id, t)
	})
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, cache)
}

// versionCache checks a versioned path's data version: a versioned URL
// is cached for good, a current one revalidated.
func versionCache(c echo.Context, v *service.View, l *layerDef) (string, error) {
	if !strings.Contains(c.Path(), "/:version/") {
		return httpkit.CacheShort, nil
	}
	if c.Param("version") != v.Version {
		return "", fmt.Errorf("%w: data version %q is not current (it is %s): fetch %s/%s.json again for the current tile URLs",
			geo.ErrNotFound, c.Param("version"), v.Version, Prefix, l.id)
	}
	return httpkit.CacheImmutable, nil
}

// Tile geometry: MVT's default extent with a 64-unit buffer, so strokes and
// fills join across tile edges, simplified to one tile unit.
const (
	extent = mvt.DefaultExtent
	buffer = 64
)

// render encodes the features of one layer that reach tile t.
func render(src []source, name string, t maptile.Tile) ([]byte, error) {
	b, err := mvt.Marshal(mvt.Layers{renderLayer(src, nil, name, t)})
	if err != nil {
		return nil, fmt.Errorf("tile %s %d/%d/%d: %w", name, t.Z, t.X, t.Y, err)
	}
	return b, nil
}

// renderLayer projects, clips and simplifies the features of src that
// reach tile t: all of them, or only those listed in which when it is not
// nil. A feature's ID is its index in src plus one. Each shape is drawn
// once and its tile geometry shared by the features that have it: on the
// synthetic world a low-zoom tile holds a million periods of 10,000
// outlines.
func renderLayer(src []source, which []int, name string, t maptile.Tile) *mvt.Layer {
	reach := tileReach(t)
	shapes := geojson.NewFeatureCollection() // one per shape, ID = its slot
	slotOf := map[int]int{}
	var kept, slots []int
	add := func(i int) {
		f := &src[i]
		if !f.bound.Intersects(reach) {
			return
		}
		k, ok := slotOf[f.shape]
		if !ok || f.shape == 0 {
			k = len(shapes.Features)
			gf := geojson.NewFeature(orb.Clone(f.geom))
			gf.ID = k
			shapes.Append(gf)
			if f.shape != 0 {
				slotOf[f.shape] = k
			}
		}
		kept, slots = append(kept, i), append(slots, k)
	}
	if which == nil {
		for i := range src {
			add(i)
		}
	} else {
		for _, i := range which {
			add(i)
		}
	}
	drawn := mvt.NewLayer(name, shapes)
	drawn.ProjectToTile(t)
	drawn.Clip(orb.Bound{Min: orb.Point{-buffer, -buffer}, Max: orb.Point{extent + buffer, extent + buffer}})
	drawn.Simplify(simplify.DouglasPeucker(1))
	drawn.RemoveEmpty(1, 1)
	geoms := make([]orb.Geometry, len(shapes.Features)) // nil: nothing left in this tile
	for _, f := range drawn.Features {
		geoms[f.ID.(int)] = windForMVT(f.Geometry)
	}
	layer := &mvt.Layer{Name: name, Version: 2, Extent: extent} // MVT 2.1
	for j, i := range kept {
		if g := geoms[slots[j]]; g != nil {
			layer.Features = append(layer.Features, &geojson.Feature{Type: "Feature", ID: i + 1, Geometry: g, Properties: src[i].props})
		}
	}
	return layer
}

// tileReach is the part of the map a tile draws: the tile and its buffer.
func tileReach(t maptile.Tile) orb.Bound { return t.Bound(float64(buffer) / extent) }

// tileJSON answers /tiles/{layer}.json.
func (s *server) tileJSON(c echo.Context) error {
	name, ok := strings.CutSuffix(c.Param("layer"), ".json")
	if !ok {
		return fmt.Errorf("%w: %s/%s (TileJSON is at %s/{layer}.json)", geo.ErrNotFound, Prefix, c.Param("layer"), Prefix)
	}
	if _, err := httpkit.ParseQuery(c.QueryString()); err != nil {
		return err
	}
	l, err := s.layerOf(name)
	if err != nil {
		return err
	}
	v := s.svc.View()
	base, _ := httpkit.BaseURL(c)
	e, err := s.docs.Get(v, l.id+"|"+base, "application/json", func() ([]byte, error) {
		src, err := s.sources(v, l)
		if err != nil {
			return nil, err
		}
		return tileJSONDoc(l, src, base+Prefix+"/"+l.id+"/v/"+url.PathEscape(v.Version)+"/{z}/{x}/{y}.mvt", v.Version)
	})
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, httpkit.Links(c, httpkit.CacheShort))
}

// metadata answers {layer}/metadata.json and {layer}/v/{version}/metadata.json
// in the form GDAL's MVT driver reads beside a tile directory (the one
// tippecanoe writes): bounds, center, zoom range, format and, in "json",
// the vector_layers. It holds no URLs. Open the set with
// ogrinfo -oo TILE_EXTENSION=mvt MVT:/vsicurl/BASE/tiles/periods/v/VERSION
func (s *server) metadata(c echo.Context) error {
	if _, err := httpkit.ParseQuery(c.QueryString()); err != nil {
		return err
	}
	l, err := s.layerOf(c.Param("layer"))
	if err != nil {
		return err
	}
	v := s.svc.View()
	cache, err := versionCache(c, v, l)
	if err != nil {
		return err
	}
	e, err := s.docs.Get(v, l.id+"|metadata.json", "application/json", func() ([]byte, error) {
		src, err := s.sources(v, l)
		if err != nil {
			return nil, err
		}
		return metadataDoc(l, src, v.Version)
	})
	if err != nil {
		return err
	}
	return httpkit.Send(c, e, cache)
}
