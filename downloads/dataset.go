package downloads

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image/color"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkt"
	"github.com/paulmach/orb/geojson"
	"github.com/twpayne/go-geom"
	geomkml "github.com/twpayne/go-geom/encoding/kml"
	"github.com/twpayne/go-kml/v3"
)

// dataset is a download before encoding: the API's members and features,
// with geometries already shaped by the options.
type dataset struct {
	name     string          // file name without extension
	members  []service.Field // top-level members of the API's answer
	features []feat
	opt      Options
}

type feat struct {
	id     string
	props  json.RawMessage
	fields []service.Field
	geom   orb.Geometry // nil: no geometry left, or none
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
	name := r.filename()
	ds := &dataset{name: name[:len(name)-len(r.format)-1], opt: r.opt}
	var raw []struct {
		ID         string          `json:"id"`
		Properties json.RawMessage `json:"properties"`
		Geometry   json.RawMessage `json:"geometry"`
	}
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
	shaped := map[string]orb.Geometry{}
	for _, rf := range raw {
		ft := feat{id: rf.ID, props: rf.Properties}
		if ft.fields, err = service.Fields(rf.Properties); err != nil {
			return nil, fmt.Errorf("export: feature %q: %w", rf.ID, err)
		}
		if err := json.Unmarshal(rf.Properties, &ft.info); err != nil {
			return nil, fmt.Errorf("export: feature %q: %w", rf.ID, err)
		}
		if r.kind == "areas" {
			if ft.geom, err = areaGeometry(rf.ID, rf.Geometry, r.opt); err != nil {
				return nil, err
			}
			if ft.info.Name == "" {
				ft.info.Name = ft.info.RegionName + " (" + ft.info.ControllerName + ")"
			}
			ds.features = append(ds.features, ft)
			continue
		}
		g, ok := shaped[ft.info.Region]
		if !ok {
			if reg, err := v.History.Region(ft.info.Region); err == nil {
				if g, err = r.opt.shapeValid(reg); err != nil {
					return nil, err
				}
			}
			shaped[ft.info.Region] = g
		}
		ft.geom = g
		ds.features = append(ds.features, ft)
	}
	return ds, nil
}

// geojson writes a FeatureCollection with the API's top-level members and
// the options used.
func (ds *dataset) geojson() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","name":`)
	b.Write(jsonString(ds.name))
	for _, m := range ds.members {
		b.WriteByte(',')
		b.Write(jsonString(m.Name))
		b.WriteByte(':')
		b.Write(m.Value)
	}
	b.WriteString(`,"precision":`)
	if ds.opt.Precision < 0 {
		b.WriteString("null")
	} else {
		fmt.Fprintf(&b, "%d", ds.opt.Precision)
	}
	fmt.Fprintf(&b, `,"simplify":%v,"features":[`, ds.opt.Simplify)
	for i, f := range ds.features {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"type":"Feature","id":`)
		b.Write(jsonString(f.id))
		b.WriteString(`,"properties":`)
		b.Write(f.props)
		b.WriteString(`,"geometry":`)
		if f.geom == nil {
			b.WriteString("null")
		} else {
			g, err := json.Marshal(geojson.NewGeometry(f.geom))
			if err != nil {
				return nil, fmt.Errorf("export: feature %q geometry: %w", f.id, err)
			}
			b.Write(g)
		}
		b.WriteByte('}')
	}
	b.WriteString("]}\n")
	return b.Bytes(), nil
}

// columns are the property names of all features, first seen first.
func (ds *dataset) columns() []string {
	seen := map[string]bool{}
	var cols []string
	for _, f := range ds.features {
		for _, fl := range f.fields {
			if !seen[fl.Name] {
				seen[fl.Name] = true
				cols = append(cols, fl.Name)
			}
		}
	}
	return cols
}

// CSVGeometryColumn names the WKT column and its CRS in the form GDAL's
// CSV driver reads (_WKT<name>_EPSG_<code>): ogr2ogr and QGIS open the file
// as geometry in WGS 84 with no .prj beside it.
const CSVGeometryColumn = "_WKTgeometry_EPSG_4326"

// csv writes a header row (the WKT geometry, id, then the properties) and
// one row per feature; the geometry is WKT in WGS 84 lon/lat (EPSG:4326,
// longitude first as WKT has it).
func (ds *dataset) csv() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	cols := ds.columns()
	if err := w.Write(append([]string{CSVGeometryColumn, "id"}, cols...)); err != nil {
		return nil, err
	}
	for _, f := range ds.features {
		row := make([]string, 2, 2+len(cols))
		if f.geom != nil {
			row[0] = wkt.MarshalString(f.geom)
		}
		row[1] = f.id
		vals := map[string]string{}
		for _, fl := range f.fields {
			vals[fl.Name] = service.FieldText(fl.Value)
		}
		for _, c := range cols {
			row = append(row, vals[c])
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// Placemark styles by holder. Colours are only a reading aid.
var styles = []struct {
	id   string
	fill color.RGBA // straight (not premultiplied) values: go-kml writes them as they are
}{
	{"holder-AZE", color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0x80}},
	{"holder-ARM", color.RGBA{R: 0xd9, G: 0x5f, B: 0x02, A: 0x80}},
	{"holder-uncertain", color.RGBA{R: 0x99, G: 0x99, B: 0x99, A: 0x80}},
	{"holder-unknown", color.RGBA{R: 0xdd, G: 0xdd, B: 0xdd, A: 0x60}},
}

func styleOf(f *feat) string {
	switch {
	case f.info.Status == string(geo.StatusUncertain):
		return "holder-uncertain"
	case f.info.Controller != nil && geo.Controller(*f.info.Controller).Valid():
		return "holder-" + *f.info.Controller
	}
	return "holder-unknown"
}

// kml writes a KML document: one Placemark per feature with its properties
// as ExtendedData, a style by holder, and for periods a TimeSpan (begin:
// start; end: the exclusive end, absent while open) so time sliders work.
func (ds *dataset) kml() ([]byte, error) {
	doc := kml.Document(kml.Name(ds.name))
	for _, st := range styles {
		doc.Add(kml.SharedStyle(st.id,
			kml.LineStyle(kml.Color(color.RGBA{R: st.fill.R, G: st.fill.G, B: st.fill.B, A: 0xff}), kml.Width(1.5)),
			kml.PolyStyle(kml.Color(st.fill))))
	}
	for i := range ds.features {
		f := &ds.features[i]
		name := f.info.Name
		if name == "" {
			name = f.id
		}
		// KML 2.2 orders a Placemark's children: name, TimePrimitive,
		// styleUrl, ExtendedData, then the geometry.
		pm := kml.Placemark(kml.Name(name))
		if f.info.Start != nil {
			span := kml.TimeSpan()
			if d, err := geo.ParseDay(*f.info.Start); err == nil {
				span.Add(kml.Begin(d.Time()))
			}
			if f.info.End != nil {
				if d, err := geo.ParseDay(*f.info.End); err == nil {
					span.Add(kml.End(d.Time()))
				}
			}
			pm.Add(span)
		}
		pm.Add(kml.StyleURL("#" + styleOf(f)))
		data := []kml.Element{kml.Data("id", kml.Value(f.id))}
		for _, fl := range f.fields {
			data = append(data, kml.Data(kmlDataName(fl.Name), kml.Value(service.FieldText(fl.Value))))
		}
		pm.Add(kml.ExtendedData(data...))
		if f.geom != nil {
			g, err := toGeom(f.geom)
			if err != nil {
				return nil, fmt.Errorf("export: feature %q: %w", f.id, err)
			}
			el, err := geomkml.Encode(g)
			if err != nil {
				return nil, fmt.Errorf("export: feature %q: %w", f.id, err)
			}
			pm.Add(el)
		}
		doc.Add(pm)
	}
	var b bytes.Buffer
	if err := kml.KML(doc).WriteIndent(&b, "", " "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
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
