package downloads

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/twpayne/go-geom"
)

// dataset is a download before encoding: the API's members and features,
// with geometries already shaped by the options.
type dataset struct {
	name     string          // file name without extension
	members  []service.Field // top-level members of the API's answer
	features []feat
	opt      Options
	kind     string
	view     *service.View
	shaped   map[string]orb.Geometry // by region
}

type feat struct {
	id     string
	props  json.RawMessage
	fields []service.Field
	geom   orb.Geometry // nil: no geometry left, or none
	// shared names the region whose shaped boundary geom is ("" for an
	// area's own): the encoders encode it once for a run of features.
	shared string
	info   featInfo
}

// featInfo are the properties the KML styling and naming read.
type featInfo struct {
	Region     string  `json:"region"`
	Name       string  `json:"name"`
	Controller *string `json:"controller"`
	Status     string  `json:"status"`
	Start      *string `json:"start"`
	End        *string `json:"end"`
	// areas name their district and holder in these
	RegionName     string `json:"region_name"`
	ControllerName string `json:"controller_name"`
}

// areaGeometry shapes an area's GeoJSON geometry as the options say, with
// the checks region boundaries get.
func areaGeometry(id string, raw json.RawMessage, opt Options) (orb.Geometry, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	g, err := geojson.UnmarshalGeometry(raw)
	if err != nil {
		return nil, fmt.Errorf("export: area %q geometry: %w", id, err)
	}
	return opt.shapeGeometry(g.Geometry(), "area "+id)
}

// rawFeature is a feature of the API's answer as the downloads read it.
type rawFeature struct {
	ID         string          `json:"id"`
	Properties json.RawMessage `json:"properties"`
	Geometry   json.RawMessage `json:"geometry"`
}

// load takes the API's own answer for the request (the same properties, in
// the same order) and attaches each region's shaped geometry; areas carry
// their own geometry, shaped the same way.
func (s *server) load(v *service.View, r *request) (*dataset, error) {
	var body []byte
	switch r.kind {
	case "snapshot", "periods":
		var (
			e   *service.Encoded
			err error
		)
		if r.kind == "snapshot" {
			e, err = v.Snapshot(r.date, r.lang)
		} else {
			e, err = v.Periods(r.lang)
		}
		if err != nil {
			return nil, err
		}
		body = e.Body
	case "areas":
		var err error
		if body, err = s.areas(v, r.date, r.lang); err != nil {
			return nil, err
		}
	}
	top, err := service.Fields(body)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	ds := newDataset(v, r)
	var raw []rawFeature
	for _, f := range top {
		switch f.Name {
		case "type":
		case "features":
			if err := json.Unmarshal(f.Value, &raw); err != nil {
				return nil, fmt.Errorf("export: features: %w", err)
			}
		default:
			ds.members = append(ds.members, f)
		}
	}
	for _, rf := range raw {
		ft, err := ds.feature(rf)
		if err != nil {
			return nil, err
		}
		ds.features = append(ds.features, ft)
	}
	return ds, nil
}

func newDataset(v *service.View, r *request) *dataset {
	name := r.filename()
	return &dataset{name: name[:len(name)-len(r.format)-1], opt: r.opt, kind: r.kind, view: v, shaped: map[string]orb.Geometry{}}
}

// feature makes a feature of the download from one of the answer's: its
// properties read, and its region's geometry shaped once per region (an
// area's own geometry each time).
func (ds *dataset) feature(rf rawFeature) (feat, error) {
	ft := feat{id: rf.ID, props: rf.Properties}
	var err error
	if ft.fields, err = service.Fields(rf.Properties); err != nil {
		return ft, fmt.Errorf("export: feature %q: %w", rf.ID, err)
	}
	if err := json.Unmarshal(rf.Properties, &ft.info); err != nil {
		return ft, fmt.Errorf("export: feature %q: %w", rf.ID, err)
	}
	if ds.kind == "areas" {
		if ft.geom, err = areaGeometry(rf.ID, rf.Geometry, ds.opt); err != nil {
			return ft, err
		}
		if ft.info.Name == "" {
			ft.info.Name = ft.info.RegionName + " (" + ft.info.ControllerName + ")"
		}
		return ft, nil
	}
	g, ok := ds.shaped[ft.info.Region]
	if !ok {
		if reg, err := ds.view.History.Region(ft.info.Region); err == nil {
			if g, err = ds.opt.shapeValid(reg); err != nil {
				return ft, err
			}
		}
		ds.shaped[ft.info.Region] = g
	}
	ft.geom, ft.shared = g, ft.info.Region
	return ft, nil
}

// columns are the property names of all features, first seen first.
func (ds *dataset) columns() []string {
	var c columnSet
	for _, f := range ds.features {
		c.add(f.fields)
	}
	return c.names
}

// columnSet gathers property names, first seen first.
type columnSet struct {
	seen  map[string]bool
	names []string
}

func (c *columnSet) add(fields []service.Field) {
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	for _, fl := range fields {
		if !c.seen[fl.Name] {
			c.seen[fl.Name] = true
			c.names = append(c.names, fl.Name)
		}
	}
}

// encode writes ds in format, whole.
func (ds *dataset) encode(format string) ([]byte, error) {
	var b bytes.Buffer
	enc, err := newEncoder(&b, format, ds, ds.columns())
	if err != nil {
		return nil, err
	}
	for i := range ds.features {
		if err := enc.feature(&ds.features[i]); err != nil {
			return nil, err
		}
	}
	if err := enc.close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// kmlReserved are the fields GDAL's KML and LIBKML drivers make from a
// Placemark's own elements; ExtendedData of the same name (compared
// without case) would collide with them, so it is renamed prop_NAME.
var kmlReserved = map[string]bool{"name": true, "description": true, "timestamp": true, "begin": true, "end": true,
	"altitudemode": true, "tessellate": true, "extrude": true, "visibility": true, "draworder": true, "icon": true, "snippet": true}

func kmlDataName(name string) string {
	if kmlReserved[strings.ToLower(name)] {
		return "prop_" + name
	}
	return name
}

// toGeom converts an orb geometry to go-geom for its KML encoder.
func toGeom(g orb.Geometry) (geom.T, error) {
	switch g := g.(type) {
	case orb.Point:
		return geom.NewPointFlat(geom.XY, []float64{g[0], g[1]}), nil
	case orb.Polygon:
		flat, ends := polygonFlat(nil, g)
		return geom.NewPolygonFlat(geom.XY, flat, ends), nil
	case orb.MultiPolygon:
		var flat []float64
		endss := make([][]int, 0, len(g))
		for _, p := range g {
			var ends []int
			flat, ends = polygonFlat(flat, p)
			endss = append(endss, ends)
		}
		return geom.NewMultiPolygonFlat(geom.XY, flat, endss), nil
	}
	return nil, fmt.Errorf("geometry type %s is not supported", g.GeoJSONType())
}

// polygonFlat appends p's rings to flat and returns the ring ends.
func polygonFlat(flat []float64, p orb.Polygon) ([]float64, []int) {
	ends := make([]int, 0, len(p))
	for _, r := range p {
		for _, pt := range r {
			flat = append(flat, pt[0], pt[1])
		}
		ends = append(ends, len(flat))
	}
	return flat, ends
}
