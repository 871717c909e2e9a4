package ogc

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/url"
	"sync"

	"github.com/mapsvc/mapsvc/service"
)

// page is what the HTML templates show. html/template escapes every value
// by its context, so names, summaries and quotes from the ledger are text,
// never markup.
type page struct {
	Title, Description string
	Links              []link
	List               []string
	Collections        []collectionJSON
	Features           []htmlFeat
	Next, Prev         string
	Matched, Returned  int
	First, Last        int
	TimeStamp          string
	API                []apiOp
}

// apiOp is one operation on the API definition's page.
type apiOp struct {
	Path, Summary, Description string
	Params                     []htmlProp
}

// htmlFeat is one feature as a table of its properties.
type htmlFeat struct {
	ID       string
	Href     string
	Geometry string
	Props    []htmlProp
}

type htmlProp struct{ Name, Value string }

func htmlFeature(r *request, c *collection, f *feature) (htmlFeat, error) {
	fields, err := service.Fields(f.props)
	if err != nil {
		return htmlFeat{}, fmt.Errorf("feature %q: %w", f.id, err)
	}
	q := url.Values{"f": {"html"}}
	if r.q.Has("lang") {
		q.Set("lang", r.q.Get("lang"))
	}
	hf := htmlFeat{ID: f.id, Href: r.href("/collections/"+c.ID+"/items/"+url.PathEscape(f.id), q), Geometry: "none"}
	if f.geom != nil {
		b := f.bound
		hf.Geometry = fmt.Sprintf("%s within %.4f,%.4f,%.4f,%.4f", f.geom.GeoJSONType(), b.Min[0], b.Min[1], b.Max[0], b.Max[1])
	}
	for _, fl := range fields {
		hf.Props = append(hf.Props, htmlProp{Name: fl.Name, Value: service.FieldText(fl.Value)})
	}
	return hf, nil
}

// pageStyle is the pages' only style, inline; the content security
// policy allows exactly it by its hash (styleHash).
const pageStyle = `body{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:70em;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.v{white-space:pre-wrap;word-break:break-word}nav a{margin-right:1em}`

var styleHash = func() string {
	sum := sha256.Sum256([]byte(pageStyle))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

// templates are parsed on the first HTML page, not at start-up: most
// servers never serve one, and every start would pay for the parse.
var templates = sync.OnceValue(func() *template.Template { return parseTemplates() })

func parseTemplates() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{"style": func() template.CSS { return template.CSS(pageStyle) }}).Parse(`
{{define "head"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>{{style}}</style>
</head><body>
<nav><a href="/ogc?f=html">Landing page</a><a href="/ogc/collections?f=html">Collections</a><a href="/ogc/api?f=html">API definition</a></nav>
<h1>{{.Title}}</h1>{{with .Description}}<p>{{.}}</p>{{end}}{{end}}

{{define "links"}}<h2>Links</h2><ul>{{range .Links}}<li><a href="{{.Href}}">{{if .Title}}{{.Title}}{{else}}{{.Href}}{{end}}</a> ({{.Rel}}{{with .Type}}, {{.}}{{end}})</li>{{end}}</ul>{{end}}

{{define "foot"}}</body></html>
{{end}}

{{define "landing"}}{{template "head" .}}{{template "links" .}}{{template "foot" .}}{{end}}

{{define "conformance"}}{{template "head" .}}<ul>{{range .List}}<li>{{.}}</li>{{end}}</ul>{{template "links" .}}{{template "foot" .}}{{end}}

{{define "collections"}}{{template "head" .}}
<table><tr><th>Id</th><th>Title</th><th>Description</th><th>Extent</th></tr>
{{range .Collections}}<tr><td><a href="{{(index .Links 1).Href}}">{{.ID}}</a></td><td>{{.Title}}</td><td>{{.Description}}</td><td>{{template "extent" .Extent}}</td></tr>{{end}}
</table>{{template "links" .}}{{template "foot" .}}{{end}}

{{define "extent"}}{{with .Spatial}}{{range .BBox}}bbox {{index . 0}}, {{index . 1}}, {{index . 2}}, {{index . 3}}{{end}}{{end}}{{with .Temporal}}{{range .Interval}}<br>from {{with index . 0}}{{.}}{{else}}..{{end}} to {{with index . 1}}{{.}}{{else}}..{{end}}{{end}}{{end}}{{end}}

{{define "collection"}}{{template "head" .}}{{range .Collections}}
<p><a href="{{(index .Links 3).Href}}">Browse the features</a></p>
<table><tr><th>Id</th><td>{{.ID}}</td></tr><tr><th>Item type</th><td>{{.ItemType}}</td></tr>
<tr><th>CRS</th><td>{{range .CRS}}{{.}} {{end}}</td></tr><tr><th>Extent</th><td>{{template "extent" .Extent}}</td></tr></table>{{end}}
{{template "links" .}}{{template "foot" .}}{{end}}

{{define "pager"}}<p>Features {{if .Returned}}{{.First}} to {{.Last}}{{else}}none{{end}} of {{.Matched}} matched. Data as served since {{.TimeStamp}}.
{{with .Prev}}<a href="{{.}}">Previous page</a>{{end}} {{with .Next}}<a href="{{.}}">Next page</a>{{end}}</p>{{end}}

{{define "feature"}}<h2 id="{{.ID}}"><a href="{{.Href}}">{{.ID}}</a></h2><p>Geometry: {{.Geometry}}</p>
<table>{{range .Props}}<tr><th>{{.Name}}</th><td class="v">{{.Value}}</td></tr>{{end}}</table>{{end}}

{{define "items"}}{{template "head" .}}{{template "pager" .}}{{range .Features}}{{template "feature" .}}{{end}}{{template "pager" .}}{{template "links" .}}{{template "foot" .}}{{end}}

{{define "api"}}{{template "head" .}}{{range .API}}<h2>GET {{.Path}}</h2><p><b>{{.Summary}}.</b> {{.Description}}</p>
{{with .Params}}<table>{{range .}}<tr><th>{{.Name}}</th><td class="v">{{.Value}}</td></tr>{{end}}</table>{{end}}{{end}}{{template "links" .}}{{template "foot" .}}{{end}}

{{define "item"}}{{template "head" .}}{{range .Features}}{{template "feature" .}}{{end}}{{template "links" .}}{{template "foot" .}}{{end}}
`))
}

func render(name string, p page) ([]byte, error) {
	var b bytes.Buffer
	if err := templates().ExecuteTemplate(&b, name, p); err != nil {
		return nil, fmt.Errorf("ogc: page %s: %w", name, err)
	}
	return b.Bytes(), nil
}
