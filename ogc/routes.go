package ogc

import (
	"strings"

	"github.com/mapsvc/mapsvc/geo"
)

// param is one parameter of a route, as the OpenAPI document states it and
// as the handler accepts it.
type param struct {
	Name        string
	In          string // query or path
	Description string
	Required    bool
	Schema      map[string]any
	// Form style without explode: "bbox=1,2,3,4".
	FormNoExplode bool
}

// route is one GET endpoint of the API.
type route struct {
	path    string // under Prefix, OpenAPI style: /collections/{collectionId}
	opID    string
	summary string
	desc    string
	params  []param
	json    string // media type of the JSON answer
	schema  string // name of the JSON answer's schema in the OpenAPI document
	html    bool   // also offered as f=html
	build   func(s *server, r *request) ([]byte, error)
}

// echoPath turns {name} segments into Echo's :name.
func (rt *route) echoPath() string {
	segs := strings.Split(rt.path, "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			segs[i] = ":" + s[1:len(s)-1]
		}
	}
	return strings.Join(segs, "/")
}

// queryNames are the query parameters the route takes; any other is a 400.
func (rt *route) queryNames() []string {
	var names []string
	for _, p := range rt.params {
		if p.In == "query" {
			names = append(names, p.Name)
		}
	}
	return names
}

func (rt *route) formats() []string {
	if rt.html {
		return []string{"json", "html"}
	}
	return []string{"json"}
}

func (rt *route) hasFormat(f string) bool {
	for _, g := range rt.formats() {
		if g == f {
			return true
		}
	}
	return false
}

func fParam(html bool) param {
	enum := []any{"json"}
	desc := "The encoding of the answer: json (the only one offered here)."
	if html {
		enum = append(enum, "html")
		desc = "The encoding of the answer: json (the default) or html, a page for people."
	}
	return param{Name: "f", In: "query", Description: desc, Schema: map[string]any{"type": "string", "enum": enum, "default": "json"}}
}

func langParam() param {
	enum := []any{}
	for _, l := range geo.Langs {
		enum = append(enum, string(l))
	}
	return param{Name: "lang", In: "query", Description: "The language of the `name` property and of controller names.",
		Schema: map[string]any{"type": "string", "enum": enum, "default": "en"}}
}

func collectionIDParam(ids []string) param {
	enum := []any{}
	for _, id := range ids {
		enum = append(enum, id)
	}
	return param{Name: "collectionId", In: "path", Required: true, Description: "The collection's id.",
		Schema: map[string]any{"type": "string", "enum": enum}}
}

var itemParams = []param{
	{Name: "bbox", In: "query", FormNoExplode: true,
		Description: "Only features whose geometry intersects this box: minLon,minLat,maxLon,maxLat in WGS84 degrees (CRS84), " +
			"or six numbers with heights, which are ignored. Longitudes -180..180, latitudes -90..90, minimum <= maximum; " +
			"boxes across the antimeridian are refused (400). Features without geometry never match.",
		Schema: map[string]any{"type": "array", "minItems": 4, "maxItems": 6, "items": map[string]any{"type": "number"}}},
	{Name: "datetime", In: "query",
		Description: "Only features whose time meets this instant or interval: a date (2020-11-25), an RFC 3339 date-time " +
			"(2020-11-25T10:00:00Z, counted as its UTC day), a closed interval a/b, or a half-open one ../b or a/... " +
			"control-periods: periods that hold on at least one day of it (an instant D gives the snapshot: start <= D < end). " +
			"events: events whose date window [date_first, date_last] meets it. regions: boundaries do not change, so every region matches.",
		Schema: map[string]any{"type": "string"}},
	{Name: "limit", In: "query",
		Description: "The most features in one page. Values above 1000 are served as 1000.",
		Schema:      map[string]any{"type": "integer", "minimum": 1, "maximum": MaxLimit, "default": DefaultLimit}},
	{Name: "offset", In: "query",
		Description: "How many matching features to skip; next and prev links carry it.",
		Schema:      map[string]any{"type": "integer", "minimum": 0, "default": 0}},
}

// routeTable is the API: the handlers, the query checking and the OpenAPI
// document all read it.
func routeTable(ids []string) []*route {
	items := append([]param{collectionIDParam(ids)}, itemParams...)
	items = append(items, langParam(), fParam(true))
	return []*route{
		{path: "/", schema: "landingPage", opID: "getLandingPage", summary: "Landing page",
			desc:   "Links to the API definition, the conformance classes and the collections.",
			params: []param{fParam(true)}, json: typeJSON, html: true, build: (*server).landing},
		{path: "/conformance", schema: "confClasses", opID: "getConformance", summary: "Conformance classes",
			desc:   "The OGC API - Features conformance classes this server implements.",
			params: []param{fParam(true)}, json: typeJSON, html: true, build: (*server).conformance},
		{path: "/api", schema: "openapi", opID: "getAPI", summary: "This API definition",
			desc:   "The OpenAPI 3.0 document of this API, generated from the same table the server routes by.",
			params: []param{fParam(false)}, json: typeOpenAPI, build: (*server).openAPI},
		{path: "/collections", schema: "collections", opID: "getCollections", summary: "The collections",
			desc:   "The collections with their spatial and temporal extents.",
			params: []param{fParam(true)}, json: typeJSON, html: true, build: (*server).collections},
		{path: "/collections/{collectionId}", schema: "collection", opID: "describeCollection", summary: "One collection",
			desc:   "A collection's description, extent and links to its items.",
			params: []param{collectionIDParam(ids), fParam(true)}, json: typeJSON, html: true, build: (*server).collection},
		{path: "/collections/{collectionId}/items", schema: "featureCollectionGeoJSON", opID: "getFeatures", summary: "A collection's features",
			desc: "A page of the collection's features, filtered by bbox and datetime, with numberMatched, numberReturned, " +
				"timeStamp (when this server first served the current data version) and next/prev links.",
			params: items, json: typeGeoJSON, html: true, build: (*server).items},
		{path: "/collections/{collectionId}/items/{featureId}", schema: "featureGeoJSON", opID: "getFeature", summary: "One feature",
			desc: "One feature by id. Region ids are region slugs; control-period ids are REGION-START " +
				"(kalbajar-1993-04-03); event ids are the ledger's.",
			params: []param{collectionIDParam(ids),
				{Name: "featureId", In: "path", Required: true, Description: "The feature's id.", Schema: map[string]any{"type": "string"}},
				langParam(), fParam(true)},
			json: typeGeoJSON, html: true, build: (*server).item},
	}
}
