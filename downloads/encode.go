package downloads

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"strconv"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb/encoding/wkt"
	"github.com/paulmach/orb/geojson"
	geomkml "github.com/twpayne/go-geom/encoding/kml"
	"github.com/twpayne/go-kml/v3"
)

// An encoder writes a download a feature at a time: the head when made,
// each feature as it comes, the tail on close. The whole answer and the
// streamed one (a large world's periods) go through the same encoder, so
// they are the same bytes.
type encoder interface {
	feature(f *feat) error
	close() error
}

// newEncoder writes ds's head to w in format. cols are the CSV columns
// (the property names of every feature, first seen first).
func newEncoder(w io.Writer, format string, ds *dataset, cols []string) (encoder, error) {
	switch format {
	case "csv":
		return newCSVEncoder(w, cols)
	case "kml":
		return newKMLEncoder(w, ds)
	}
	return newGeoJSONEncoder(w, ds)
}

// geojsonEncoder writes a FeatureCollection with the API's top-level
// members and the options used.
type geojsonEncoder struct {
	w    *bufio.Writer
	n    int
	last lastGeometry[[]byte]
}

// lastGeometry keeps the encoding of the last shared geometry: a region's
// periods come one after another, all with its boundary.
type lastGeometry[T any] struct {
	key string
	val T
}

// get returns f's geometry encoded by enc, reusing the last encoding
// when f shares it.
func (l *lastGeometry[T]) get(f *feat, enc func() (T, error)) (T, error) {
	if f.shared != "" && f.shared == l.key {
		return l.val, nil
	}
	v, err := enc()
	if err != nil {
		return v, err
	}
	l.key, l.val = f.shared, v
	return v, nil
}

func newGeoJSONEncoder(w io.Writer, ds *dataset) (*geojsonEncoder, error) {
	b := bufio.NewWriterSize(w, 64<<10)
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
		b.WriteString(strconv.Itoa(ds.opt.Precision))
	}
	fmt.Fprintf(b, `,"simplify":%v,"features":[`, ds.opt.Simplify)
	return &geojsonEncoder{w: b}, nil
}

func (e *geojsonEncoder) feature(f *feat) error {
	b := e.w
	if e.n > 0 {
		b.WriteByte(',')
	}
	e.n++
	b.WriteString(`{"type":"Feature","id":`)
	b.Write(jsonString(f.id))
	b.WriteString(`,"properties":`)
	b.Write(f.props)
	b.WriteString(`,"geometry":`)
	if f.geom == nil {
		b.WriteString("null")
	} else {
		g, err := e.last.get(f, func() ([]byte, error) { return json.Marshal(geojson.NewGeometry(f.geom)) })
		if err != nil {
			return fmt.Errorf("export: feature %q geometry: %w", f.id, err)
		}
		b.Write(g)
	}
	return b.WriteByte('}')
}

func (e *geojsonEncoder) close() error {
	e.w.WriteString("]}\n")
	return e.w.Flush()
}

// CSVGeometryColumn names the WKT column and its CRS in the form GDAL's
// CSV driver reads (_WKT<name>_EPSG_<code>): ogr2ogr and QGIS open the file
// as geometry in WGS 84 with no .prj beside it.
const CSVGeometryColumn = "_WKTgeometry_EPSG_4326"

// csvEncoder writes a header row (the WKT geometry, id, then the
// properties) and one row per feature; the geometry is WKT in WGS 84
// lon/lat (EPSG:4326, longitude first as WKT has it).
type csvEncoder struct {
	w    *csv.Writer
	cols []string
	row  []string
	vals map[string]string
	last lastGeometry[string]
}

func newCSVEncoder(w io.Writer, cols []string) (*csvEncoder, error) {
	e := &csvEncoder{w: csv.NewWriter(w), cols: cols, vals: map[string]string{}}
	if err := e.w.Write(append([]string{CSVGeometryColumn, "id"}, cols...)); err != nil {
		return nil, err
	}
	return e, nil
}

func (e *csvEncoder) feature(f *feat) error {
	row := append(e.row[:0], "", f.id)
	if f.geom != nil {
		row[0], _ = e.last.get(f, func() (string, error) { return wkt.MarshalString(f.geom), nil })
	}
	clear(e.vals)
	for _, fl := range f.fields {
		e.vals[fl.Name] = service.FieldText(fl.Value)
	}
	for _, c := range e.cols {
		row = append(row, e.vals[c])
	}
	e.row = row
	return e.w.Write(row)
}

func (e *csvEncoder) close() error {
	e.w.Flush()
	return e.w.Error()
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

// kmlEncoder writes a KML document: one Placemark per feature with its
// properties as ExtendedData, a style by holder, and for periods a
// TimeSpan (begin: start; end: the exclusive end, absent while open) so
// time sliders work. The document's start is written as tokens and each
// Placemark as an element, so the document need not be held whole.
type kmlEncoder struct {
	w    *bufio.Writer
	enc  *xml.Encoder
	last lastGeometry[kml.Element]
}

var (
	kmlRoot     = xml.StartElement{Name: xml.Name{Space: kml.Namespace, Local: "kml"}}
	kmlDocument = xml.StartElement{Name: xml.Name{Local: "Document"}}
)

func newKMLEncoder(w io.Writer, ds *dataset) (*kmlEncoder, error) {
	b := bufio.NewWriterSize(w, 64<<10)
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(b)
	enc.Indent("", " ")
	if err := enc.EncodeToken(kmlRoot); err != nil {
		return nil, err
	}
	if err := enc.EncodeToken(kmlDocument); err != nil {
		return nil, err
	}
	head := []kml.Element{kml.Name(ds.name)}
	for _, st := range styles {
		head = append(head, kml.SharedStyle(st.id,
			kml.LineStyle(kml.Color(color.RGBA{R: st.fill.R, G: st.fill.G, B: st.fill.B, A: 0xff}), kml.Width(1.5)),
			kml.PolyStyle(kml.Color(st.fill))))
	}
	for _, el := range head {
		if err := el.MarshalXML(enc, xml.StartElement{}); err != nil {
			return nil, err
		}
	}
	return &kmlEncoder{w: b, enc: enc}, nil
}

func (e *kmlEncoder) feature(f *feat) error {
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
		// An element is only read when written, so one serves a run.
		el, err := e.last.get(f, func() (kml.Element, error) {
			g, err := toGeom(f.geom)
			if err != nil {
				return nil, err
			}
			return geomkml.Encode(g)
		})
		if err != nil {
			return fmt.Errorf("export: feature %q: %w", f.id, err)
		}
		pm.Add(el)
	}
	return pm.MarshalXML(e.enc, xml.StartElement{})
}

func (e *kmlEncoder) close() error {
	if err := e.enc.EncodeToken(kmlDocument.End()); err != nil {
		return err
	}
	if err := e.enc.EncodeToken(kmlRoot.End()); err != nil {
		return err
	}
	if err := e.enc.Flush(); err != nil {
		return err
	}
	e.w.WriteByte('\n')
	return e.w.Flush()
}
