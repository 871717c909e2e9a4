package web

import (
	"bytes"
	"html/template"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/render"
)

// The functions here let `mapsvc export-static` write the page as plain
// files that any static host can serve with no mapsvc process behind it.

// Assets returns the page's own files (scripts, styles, icons), without
// the HTML templates.
func Assets() fs.FS {
	sub, err := fs.Sub(staticFiles, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return assetsOnly{sub}
}

type assetsOnly struct{ fs.FS }

// Open hides the templates: they are rendered, not copied.
func (a assetsOnly) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".html") {
		return nil, fs.ErrNotExist
	}
	return a.FS.Open(name)
}

// MapLibreFiles returns the installed MapLibre version and the paths of the
// dist files the page loads, keyed by file name; ok is false when MapLibre
// is not installed under assets.
func MapLibreFiles(assets string) (version string, files map[string]string, ok bool) {
	version, ok = maplibreVersion(assets)
	if !ok {
		return "", nil, false
	}
	files = map[string]string{}
	for name := range vendorFiles {
		files[name] = filepath.Join(assets, "maplibre-gl", "dist", name)
	}
	return version, files, true
}

// StaticPage is what a static export's page needs to know.
type StaticPage struct {
	Lang               geo.Lang
	Today              geo.Day
	AssetBase          string // folder of Assets(), relative, ending in "/"
	MapLibreBase       string // folder of the MapLibre files, relative, ending in "/"; "" without MapLibre
	Manifest           string // path of manifest.json
	SnapshotSVG        string // a static map for readers without JavaScript
	FullMap            string // the full page, for the embed's link
	BasemapURL         string
	BasemapAttribution string
}

// RenderStaticPage renders "index.html" or "embed.html" for a static
// export.
func RenderStaticPage(name string, p StaticPage) ([]byte, error) {
	sub, err := fs.Sub(staticFiles, "static")
	if err != nil {
		return nil, err
	}
	pages, err := template.ParseFS(sub, "*.html")
	if err != nil {
		return nil, err
	}
	data := pageData{Lang: string(p.Lang), Dir: "ltr", Title: render.Title(p.Lang), Subtitle: render.Subtitle(p.Today, p.Lang),
		BasemapURL: p.BasemapURL, BasemapAttribution: p.BasemapAttribution, FirstDay: FirstDay, Today: p.Today.String(),
		StaticBase: p.AssetBase, Manifest: p.Manifest, SnapshotSVG: p.SnapshotSVG, FullMap: p.FullMap,
		DateText: render.LongDate(p.Today, p.Lang), Theme: "auto", DateWords: dateWordsJSON(p.Lang)}
	if name == "embed.html" {
		data.Theme = "light"
	}
	for _, f := range []string{"i18n.js", "dom.js"} { // map.js comes after the first view
		data.ModulePreloads = append(data.ModulePreloads, p.AssetBase+f)
	}
	if render.RTL(p.Lang) {
		data.Dir = "rtl"
	}
	if p.MapLibreBase != "" {
		data.MapLibreJS = path.Join(p.MapLibreBase, "maplibre-gl.mjs")
		data.MapLibreCSS = path.Join(p.MapLibreBase, "maplibre-gl.css")
	}
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, name, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
