package tiles

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// layerDef is one tile layer: its features and the fields TileJSON lists.
type layerDef struct {
	id, description string
	fields          [][2]string // name, type (String, Number, Boolean), in order
	build           func(s *server, v *service.View) ([]source, error)
}

var nameFields = [][2]string{
	{"name", "String"}, {"name_en", "String"}, {"name_ar", "String"}, {"name_az", "String"}, {"name_ru", "String"}, {"name_hy", "String"},
}

var layers = []layerDef{
	{
		id: "regions",
		description: "Every mapped unit: conflict-area districts and cities (role conflict), the rest of Azerbaijan " +
			"(role context) and Armenia (role neighbour). name is English; name_XX are the other languages. " +
			"Empty values are left out.",
		fields: concat([][2]string{{"region", "String"}}, nameFields, [][2]string{
			{"kind", "String"}, {"role", "String"}, {"iso_3166_2", "String"}, {"baseline_controller", "String"}}),
		build: fromHistory(regionSources),
	},
	{
		id: "periods",
		description: "One feature per conflict-area region and control period. start_day and end_day are days since " +
			"1970-01-01; a period holds at the end of every day D with start_day <= D < end_day (end exclusive), and " +
			"end_day is 2147483647 while the period is open, so the filter " +
			`["all", ["<=", ["get", "start_day"], D], [">", ["get", "end_day"], D]] shows day D. ` +
			"start and end are the same days as YYYY-MM-DD (end absent while open). controller is AZE or ARM, absent " +
			"while unknown; status is firm, uncertain (an imprecisely dated change may have handed the region over: " +
			"candidates lists both holders) or unknown; extent_status is uncertain while an imprecisely dated change " +
			"alters the extent or shares but not the majority holder.",
		fields: concat([][2]string{{"region", "String"}}, nameFields, [][2]string{
			{"start", "String"}, {"end", "String"}, {"start_day", "Number"}, {"end_day", "Number"}, {"open", "Boolean"},
			{"status", "String"}, {"controller", "String"}, {"extent", "String"}, {"extent_status", "String"}, {"candidates", "String"},
			{"since", "String"}, {"start_precision", "String"}, {"end_precision", "String"},
			{"start_event", "String"}, {"end_event", "String"}}),
		build: fromHistory(periodSources),
	},
	{
		id: "areas",
		description: "Approximate control areas of split districts: one feature per holder's piece of a district and " +
			"span of days in which the piece did not change. start_day and end_day are days since 1970-01-01 as in " +
			"the periods layer (end exclusive, 2147483647 while open), so the filter " +
			`["all", ["<=", ["get", "start_day"], D], [">", ["get", "end_day"], D]] shows the areas of day D. ` +
			"controller is AZE or ARM; method names the derivation (Voronoi cells of the places each side held, " +
			"clipped to the district), so every feature is approximate: a boundary between two pieces is drawn " +
			"halfway between places, not where a front ran. Districts held whole are in the periods layer.",
		fields: [][2]string{{"region", "String"}, {"controller", "String"}, {"start", "String"}, {"end", "String"},
			{"start_day", "Number"}, {"end_day", "Number"}, {"open", "Boolean"}, {"approximate", "Boolean"}, {"method", "String"}},
		build: areaSources,
	},
}

// fromHistory builds a layer from the district history alone.
func fromHistory(f func(h *geo.History) []source) func(*server, *service.View) ([]source, error) {
	return func(_ *server, v *service.View) ([]source, error) { return f(v.History), nil }
}

func areaSources(s *server, v *service.View) ([]source, error) {
	as, err := s.areas(v)
	if err != nil {
		return nil, err
	}
	// The spans come in no fixed order: sort them, so a tile's bytes (and
	// a feature's ID) are the same in every process and every archive.
	as = slices.Clone(as)
	slices.SortFunc(as, func(a, b Area) int {
		return cmp.Or(cmp.Compare(a.Region, b.Region), cmp.Compare(a.Start, b.Start), cmp.Compare(a.Controller, b.Controller),
			cmp.Compare(a.End, b.End))
	})
	out := make([]source, 0, len(as))
	for _, a := range as {
		if a.Geometry == nil {
			continue
		}
		p := geojson.Properties{"region": a.Region, "controller": string(a.Controller), "start": a.Start.String(),
			"start_day": int(a.Start), "end_day": OpenEndDay, "open": a.Open, "approximate": true, "method": a.Method}
		if !a.Open {
			p["end"], p["end_day"] = a.End.String(), int(a.End)
		}
		out = append(out, source{geom: a.Geometry, bound: a.Geometry.Bound(), props: p})
	}
	return out, nil
}

func concat(parts ...[][2]string) [][2]string {
	var out [][2]string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// setNames adds name (English) and name_XX for every language.
func setNames(p geojson.Properties, r *geo.Region) {
	p["name"] = r.Name(geo.LangEN)
	for _, l := range geo.Langs {
		if n := r.Names[l]; n != "" {
			p["name_"+string(l)] = n
		}
	}
}

// setString sets a property only when it has a value: MVT has no null.
func setString(p geojson.Properties, name, value string) {
	if value != "" {
		p[name] = value
	}
}

func regionSources(h *geo.History) []source {
	var out []source
	for ri, r := range h.Regions() {
		p := geojson.Properties{"region": r.ID, "kind": r.Kind, "role": string(r.Role)}
		setNames(p, r)
		setString(p, "iso_3166_2", r.ISO)
		setString(p, "baseline_controller", string(r.Baseline))
		out = append(out, source{geom: r.Geometry, bound: r.Geometry.Bound(), props: p, shape: ri + 1})
	}
	return out
}

func periodSources(h *geo.History) []source {
	var out []source
	for ri, r := range h.Regions() {
		ps := h.Periods(r.ID)
		bound := r.Geometry.Bound()
		for i := range ps {
			pd := &ps[i]
			p := geojson.Properties{"region": r.ID, "start": pd.Start.String(), "start_day": int(pd.Start),
				"end_day": OpenEndDay, "open": pd.Open, "status": string(pd.State.Status),
				"start_precision": string(pd.StartPrecision), "start_event": pd.StartEvent}
			setNames(p, r)
			if !pd.Open {
				p["end"], p["end_day"] = pd.End.String(), int(pd.End)
				setString(p, "end_precision", string(pd.EndPrecision))
				setString(p, "end_event", pd.EndEvent)
			}
			setString(p, "controller", string(pd.State.Controller))
			setString(p, "extent", string(pd.State.Extent))
			setString(p, "extent_status", string(pd.State.ExtentStatus))
			setString(p, "since", pd.State.Since.Text)
			if len(pd.State.Candidates) > 0 {
				cs := make([]string, len(pd.State.Candidates))
				for k, c := range pd.State.Candidates {
					cs[k] = string(c)
				}
				p["candidates"] = strings.Join(cs, ",")
			}
			out = append(out, source{geom: r.Geometry, bound: bound, props: p, shape: ri + 1})
		}
	}
	return out
}

// orderedFields marshals the field list as a JSON object in order.
type orderedFields [][2]string

func (o orderedFields) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, f := range o {
		if i > 0 {
			b = append(b, ',')
		}
		k, _ := json.Marshal(f[0])
		v, _ := json.Marshal(f[1])
		b = append(append(append(b, k...), ':'), v...)
	}
	return append(b, '}'), nil
}

// tileJSONDoc is the TileJSON 3.0.0 document of a layer.
func tileJSONDoc(l *layerDef, src []source, tileURL, version string) ([]byte, error) {
	bound := boundOf(src)
	c := bound.Center()
	doc := map[string]any{
		"tilejson":    "3.0.0",
		"name":        "mapsvc " + l.id,
		"description": l.description,
		"version":     "1.0.0",
		"attribution": geo.Attribution,
		"scheme":      "xyz",
		"tiles":       []string{tileURL},
		"minzoom":     MinZoom,
		"maxzoom":     MaxZoom,
		"bounds":      []float64{bound.Min[0], bound.Min[1], bound.Max[0], bound.Max[1]},
		"center":      []float64{c[0], c[1], 7},
		"vector_layers": []any{map[string]any{
			"id": l.id, "description": l.description, "minzoom": MinZoom, "maxzoom": MaxZoom,
			"fields": orderedFields(l.fields),
		}},
		"data_version": version,
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func boundOf(src []source) orb.Bound {
	var bound orb.Bound
	for i, f := range src {
		if i == 0 {
			bound = f.bound
		} else {
			bound = bound.Union(f.bound)
		}
	}
	return bound
}

// metadataDoc is the metadata.json of a tile directory as GDAL's MVT
// driver reads it: the numbers as strings and the layer list as a JSON
// text in "json", as tippecanoe writes them.
func metadataDoc(l *layerDef, src []source, version string) ([]byte, error) {
	b := boundOf(src)
	c := b.Center()
	layers, err := json.Marshal(map[string]any{"vector_layers": []any{map[string]any{
		"id": l.id, "description": l.description, "minzoom": MinZoom, "maxzoom": MaxZoom, "fields": orderedFields(l.fields),
	}}, "tilestats": map[string]any{"layerCount": 1, "layers": []any{map[string]any{
		"layer": l.id, "count": len(src), "geometry": "Polygon", "attributeCount": len(l.fields), "attributes": []any{},
	}}}})
	if err != nil {
		return nil, err
	}
	doc := map[string]any{
		"name":         "mapsvc " + l.id,
		"description":  l.description,
		"version":      "2",
		"attribution":  geo.Attribution,
		"type":         "overlay",
		"format":       "pbf",
		"minzoom":      strconv.Itoa(MinZoom),
		"maxzoom":      strconv.Itoa(MaxZoom),
		"bounds":       fmt.Sprintf("%g,%g,%g,%g", b.Min[0], b.Min[1], b.Max[0], b.Max[1]),
		"center":       fmt.Sprintf("%g,%g,%d", c[0], c[1], 7),
		"json":         string(layers),
		"data_version": version,
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
