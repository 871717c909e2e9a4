package ogc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/paulmach/orb"
)

const (
	title       = "mapsvc: control of the Nagorno-Karabakh conflict area"
	description = "Who controlled which district of the Nagorno-Karabakh conflict area on a given date, and on what evidence. Control periods and events come from a sourced ledger; boundaries from Natural Earth."
	crs84       = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
	gregorian   = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
)

// conformsTo are the conformance classes implemented.
var conformsTo = []string{
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
}

func (s *server) landing(r *request) ([]byte, error) {
	links := append(r.selfLinks("", nil, typeJSON, "This document"),
		link{Href: r.href("/api", nil), Rel: "service-desc", Type: typeOpenAPI, Title: "The API definition (OpenAPI 3.0)"},
		link{Href: r.href("/api", url.Values{"f": {"html"}}), Rel: "service-doc", Type: typeHTML, Title: "The API documentation"},
		link{Href: r.href("/conformance", nil), Rel: "conformance", Type: typeJSON, Title: "Conformance classes"},
		link{Href: r.href("/collections", nil), Rel: "data", Type: typeJSON, Title: "The collections"},
		link{Href: r.href("/collections", url.Values{"f": {"html"}}), Rel: "data", Type: typeHTML, Title: "The collections as HTML"},
	)
	if r.f == "html" {
		return render("landing", page{Title: title, Description: description, Links: links})
	}
	return jsonBody(map[string]any{"title": title, "description": description, "links": links})
}

func (s *server) conformance(r *request) ([]byte, error) {
	links := r.selfLinks("/conformance", nil, typeJSON, "Conformance classes")
	if r.f == "html" {
		return render("conformance", page{Title: "Conformance classes", Links: links, List: conformsTo})
	}
	return jsonBody(map[string]any{"conformsTo": conformsTo, "links": links})
}

func (s *server) openAPI(r *request) ([]byte, error) {
	if r.f == "html" {
		var ops []apiOp
		for _, rt := range s.routes {
			op := apiOp{Path: Prefix + rt.path, Summary: rt.summary, Description: rt.desc}
			for _, p := range rt.params {
				op.Params = append(op.Params, htmlProp{Name: p.Name + " (" + p.In + ")", Value: p.Description})
			}
			ops = append(ops, op)
		}
		links := []link{
			{Href: r.href("/api", url.Values{"f": {"html"}}), Rel: "self", Type: typeHTML, Title: "This document"},
			{Href: r.href("/api", nil), Rel: "service-desc", Type: typeOpenAPI, Title: "The API definition (OpenAPI 3.0)"},
		}
		return render("api", page{Title: "The API definition", Description: "Every operation of this OGC API - Features server, with its parameters. The machine-readable form is the OpenAPI 3.0 document.", Links: links, API: ops})
	}
	return jsonBody(openAPIDoc(s.routes, r.base))
}

// collectionJSON is a collection's metadata.
type collectionJSON struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Links       []link   `json:"links"`
	Extent      extent   `json:"extent"`
	ItemType    string   `json:"itemType"`
	CRS         []string `json:"crs"`
}

type extent struct {
	Spatial  *spatialExtent  `json:"spatial,omitempty"`
	Temporal *temporalExtent `json:"temporal,omitempty"`
}

type spatialExtent struct {
	BBox [][4]float64 `json:"bbox"`
	CRS  string       `json:"crs"`
}

type temporalExtent struct {
	Interval [][2]*string `json:"interval"`
	TRS      string       `json:"trs"`
}

func (r *request) collectionJSON(c *collection) collectionJSON {
	path := "/collections/" + c.ID
	out := collectionJSON{ID: c.ID, Title: c.Title, Description: c.Description, ItemType: "feature", CRS: []string{crs84},
		Links: []link{
			{Href: r.href(path, url.Values{"f": {"json"}}), Rel: "self", Type: typeJSON, Title: "This collection"},
			{Href: r.href(path, url.Values{"f": {"html"}}), Rel: "alternate", Type: typeHTML, Title: "This collection as HTML"},
			{Href: r.href(path+"/items", url.Values{"f": {"json"}}), Rel: "items", Type: typeGeoJSON, Title: c.Title + " as GeoJSON"},
			{Href: r.href(path+"/items", url.Values{"f": {"html"}}), Rel: "items", Type: typeHTML, Title: c.Title + " as HTML"},
		}}
	if c.hasBBox {
		b := c.bbox
		out.Extent.Spatial = &spatialExtent{BBox: [][4]float64{{b.Min[0], b.Min[1], b.Max[0], b.Max[1]}}, CRS: crs84}
	}
	if c.Timed {
		iv := [2]*string{}
		if c.tFirst != nil {
			t := c.tFirst.Time().Format(time.RFC3339)
			iv[0] = &t
		}
		if c.tLast != nil {
			// The last day is whole: the interval ends as it ends.
			t := (*c.tLast + 1).Time().Add(-time.Second).Format(time.RFC3339)
			iv[1] = &t
		}
		out.Extent.Temporal = &temporalExtent{Interval: [][2]*string{iv}, TRS: gregorian}
	}
	return out
}

func (s *server) index(r *request) (index, error) {
	lang, err := r.lang()
	if err != nil {
		return nil, err
	}
	return s.ix.get(r.view, lang)
}

// coll finds the collection named in the path.
func (s *server) coll(r *request, ix index) (*collection, error) {
	id := r.c.Param("collectionId")
	c, ok := ix[id]
	if !ok {
		ids := make([]string, len(s.defs))
		for i, d := range s.defs {
			ids[i] = d.ID
		}
		return nil, fmt.Errorf("%w: collection %q (there are: %s)", geo.ErrNotFound, id, strings.Join(ids, ", "))
	}
	return c, nil
}

func (s *server) collections(r *request) ([]byte, error) {
	ix, err := s.ix.get(r.view, geo.LangEN)
	if err != nil {
		return nil, err
	}
	links := r.selfLinks("/collections", nil, typeJSON, "The collections")
	var cs []collectionJSON
	for _, def := range s.defs {
		if err := ix[def.ID].ready(); err != nil {
			return nil, err
		}
		cs = append(cs, r.collectionJSON(ix[def.ID]))
	}
	if r.f == "html" {
		return render("collections", page{Title: "Collections", Links: links, Collections: cs})
	}
	return jsonBody(map[string]any{"links": links, "collections": cs})
}

func (s *server) collection(r *request) ([]byte, error) {
	ix, err := s.ix.get(r.view, geo.LangEN)
	if err != nil {
		return nil, err
	}
	c, err := s.coll(r, ix)
	if err != nil {
		return nil, err
	}
	if err := c.ready(); err != nil {
		return nil, err
	}
	cj := r.collectionJSON(c)
	if r.f == "html" {
		return render("collection", page{Title: c.Title, Description: c.Description, Links: cj.Links, Collections: []collectionJSON{cj}})
	}
	return jsonBody(cj)
}

// items answers a page of a collection's features.
func (s *server) items(r *request) ([]byte, error) {
	ix, err := s.index(r)
	if err != nil {
		return nil, err
	}
	c, err := s.coll(r, ix)
	if err != nil {
		return nil, err
	}
	var bbox *orb.Bound
	if r.q.Has("bbox") {
		b, err := ParseBBox(r.q.Get("bbox"))
		if err != nil {
			return nil, err
		}
		bbox = &b
	}
	var dt *Interval
	if r.q.Has("datetime") {
		iv, err := ParseDatetime(r.q.Get("datetime"))
		if err != nil {
			return nil, err
		}
		dt = &iv
	}
	limit, offset := DefaultLimit, 0
	if r.q.Has("limit") {
		if limit, err = ParseLimit(r.q.Get("limit")); err != nil {
			return nil, err
		}
	}
	if r.q.Has("offset") {
		if offset, err = ParseOffset(r.q.Get("offset")); err != nil {
			return nil, err
		}
	}
	matched, pg, err := c.page(bbox, dt, offset, limit)
	if err != nil {
		return nil, err
	}

	path := "/collections/" + c.ID + "/items"
	q := with(r.q, "limit", strconv.Itoa(limit))
	q.Del("offset")
	if offset > 0 {
		q.Set("offset", strconv.Itoa(offset))
	}
	links := r.selfLinks(path, q, typeGeoJSON, "This page")
	pageType := typeGeoJSON
	if r.f == "html" {
		pageType = typeHTML
	}
	var next, prev string
	if offset+len(pg) < matched {
		next = r.href(path, with(q, "offset", strconv.Itoa(offset+len(pg))))
		links = append(links, link{Href: next, Rel: "next", Type: pageType, Title: "Next page"})
	}
	if offset > 0 {
		pq := with(q, "offset", strconv.Itoa(max(0, offset-limit)))
		if offset-limit <= 0 {
			pq.Del("offset")
		}
		prev = r.href(path, pq)
		links = append(links, link{Href: prev, Rel: "prev", Type: pageType, Title: "Previous page"})
	}
	links = append(links, link{Href: r.href("/collections/"+c.ID, url.Values{"f": {"json"}}), Rel: "collection", Type: typeJSON, Title: c.Title})
	stamp := s.cache.Since(r.view).Format(time.RFC3339)

	if r.f == "html" {
		p := page{Title: c.Title, Description: c.Description, Links: links, Next: next, Prev: prev,
			Matched: matched, Returned: len(pg), First: offset + 1, Last: offset + len(pg), TimeStamp: stamp}
		for _, f := range pg {
			hf, err := htmlFeature(r, c, f)
			if err != nil {
				return nil, err
			}
			p.Features = append(p.Features, hf)
		}
		return render("items", p)
	}
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	for k, f := range pg {
		if k > 0 {
			b.WriteByte(',')
		}
		writeFeature(&b, f, nil)
	}
	b.WriteString(`],"numberMatched":`)
	b.WriteString(strconv.Itoa(matched))
	b.WriteString(`,"numberReturned":`)
	b.WriteString(strconv.Itoa(len(pg)))
	b.WriteString(`,"timeStamp":"` + stamp + `","data_version":`)
	v, _ := json.Marshal(r.view.Version)
	b.Write(v)
	b.WriteString(`,"links":`)
	lb, err := json.Marshal(links)
	if err != nil {
		return nil, err
	}
	b.Write(lb)
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// writeFeature writes one GeoJSON feature, with links when given.
func writeFeature(b *bytes.Buffer, f *feature, links []link) {
	id, _ := json.Marshal(f.id)
	b.WriteString(`{"type":"Feature","id":`)
	b.Write(id)
	b.WriteString(`,"geometry":`)
	b.Write(f.geomJSON)
	b.WriteString(`,"properties":`)
	b.Write(f.props)
	if links != nil {
		lb, _ := json.Marshal(links)
		b.WriteString(`,"links":`)
		b.Write(lb)
	}
	b.WriteByte('}')
}

func (s *server) item(r *request) ([]byte, error) {
	ix, err := s.index(r)
	if err != nil {
		return nil, err
	}
	c, err := s.coll(r, ix)
	if err != nil {
		return nil, err
	}
	id := r.c.Param("featureId")
	f, err := c.feature(id)
	if err != nil {
		return nil, err
	}
	if f == nil {
		return nil, fmt.Errorf("%w: no feature %q in %s", geo.ErrNotFound, id, c.ID)
	}
	q := url.Values{}
	if r.q.Has("lang") {
		q.Set("lang", r.q.Get("lang"))
	}
	links := append(r.selfLinks("/collections/"+c.ID+"/items/"+url.PathEscape(id), q, typeGeoJSON, "This feature"),
		link{Href: r.href("/collections/"+c.ID, url.Values{"f": {"json"}}), Rel: "collection", Type: typeJSON, Title: c.Title})
	if r.f == "html" {
		hf, err := htmlFeature(r, c, f)
		if err != nil {
			return nil, err
		}
		return render("item", page{Title: c.Title + ": " + id, Links: links, Features: []htmlFeat{hf}})
	}
	var b bytes.Buffer
	writeFeature(&b, f, links)
	b.WriteByte('\n')
	return b.Bytes(), nil
}
