// Package staticsite writes mapsvc's whole public side as plain files:
// every epoch's snapshot (plain and gzip), the periods, regions, timeline,
// region histories, vector tiles and the map page, with content-hashed
// names and a manifest, so any CDN or object store can serve it with no
// mapsvc process behind it.
//
// The bytes come from the real router, requested in process, so an export
// says exactly what the API says.
package staticsite

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/service"
	"github.com/mapsvc/mapsvc/web"
)

// Options say what to export.
type Options struct {
	Dir     string     // output folder; replaced as a whole when the export succeeds
	Langs   []geo.Lang // languages to write (default: all)
	MaxZoom int        // deepest tile zoom (default 8)
	Assets  string     // npm folder holding maplibre-gl (default node_modules)
	Today   geo.Day    // the page's last day (default: today)
	// BaseURL, when set, makes the TileJSON tile URLs absolute (MapLibre
	// needs absolute tile URLs); otherwise they are relative to the export.
	BaseURL            string
	BasemapURL         string
	BasemapAttribution string
	// PMTiles, when set, is the path of a PMTiles archive of every layer
	// (mapsvc export-pmtiles) to include: the page then draws the map from
	// it with the npm pmtiles package (under Assets).
	PMTiles string
	// SnapshotBudget bounds the bytes of the per-epoch snapshot files
	// (plain and gzip, every language). When the estimate (the latest
	// epoch's pair times epochs times languages) is over it, they are left
	// out; the periods file and the tiles serve every date instead.
	// 0 means DefaultSnapshotBudget; below 0, no bound.
	SnapshotBudget int64
	// PeriodsPage is how many periods one file holds at most: a history
	// with more is written as pages (Manifest.Periods), so no file grows
	// with the history. 0 means handlers.MaxPeriodsLimit.
	PeriodsPage int
	// RegionBudget bounds the bytes of the per-region history files (plain
	// and gzip, every language), estimated from a sample of regions before
	// any is written; over it they are left out (the periods pages hold
	// every region's periods). 0 means DefaultRegionBudget; below 0, no
	// bound.
	RegionBudget int64
	// TimelineBudget bounds the bytes of the timeline files (plain, every
	// language; estimated from a sample of events before any is written).
	// Over it each timeline file holds the change days only and the
	// manifest says why (TimelineOmitted). 0 means DefaultTimelineBudget;
	// below 0, no bound.
	TimelineBudget int64
}

// DefaultSnapshotBudget is the default Options.SnapshotBudget: 256 MB.
const DefaultSnapshotBudget = 256 << 20

// DefaultRegionBudget is the default Options.RegionBudget: 256 MB.
const DefaultRegionBudget = 256 << 20

// DefaultTimelineBudget is the default Options.TimelineBudget: 64 MB.
const DefaultTimelineBudget = 64 << 20

// Manifest lists what an export holds. Names other than the HTML pages and
// the manifest itself carry a hash of their bytes, so a host may cache
// them for good.
type Manifest struct {
	DataVersion string                         `json:"data_version"`
	Today       string                         `json:"today"`
	Pages       map[string]map[geo.Lang]string `json:"pages"`
	Files       map[string]string              `json:"files"`
	Epochs      struct {
		ChangeDays []string              `json:"change_days"`
		Rule       string                `json:"rule"`
		Snapshots  map[geo.Lang][]string `json:"snapshots"`
		// Omitted says why Snapshots is empty, when it is.
		Omitted string `json:"omitted,omitempty"`
	} `json:"epochs"`
	// Periods lists, per language, the files of the periods in order when
	// they are more than one page; Files then has no periods-LANG.
	Periods map[geo.Lang][]string `json:"periods,omitempty"`
	// RegionsOmitted says why there are no region-ID-LANG files, when so.
	RegionsOmitted string `json:"regions_omitted,omitempty"`
	// TimelineOmitted says why the timeline-LANG files list no events,
	// when so.
	TimelineOmitted string            `json:"timeline_omitted,omitempty"`
	Tiles           map[string]string `json:"tilejson"`
	// PMTiles names the archive of every layer and the script that reads
	// it, when the export has one.
	PMTiles *struct {
		Archive string `json:"archive"`
		Library string `json:"library"`
	} `json:"pmtiles,omitempty"`
	Gzip         string            `json:"gzip"`
	CacheControl map[string]string `json:"cache_control"`
}

type exporter struct {
	router http.Handler
	dir    string
	m      *Manifest
}

// Export writes the export. router is the full router (handlers.New with
// every mount) over svc.
func Export(svc *service.Service, router http.Handler, opt Options) (*Manifest, error) {
	if len(opt.Langs) == 0 {
		opt.Langs = geo.Langs
	}
	if opt.MaxZoom <= 0 {
		opt.MaxZoom = 8
	}
	if opt.MaxZoom > 14 {
		return nil, errors.New("max zoom is 14")
	}
	if opt.Assets == "" {
		opt.Assets = "node_modules"
	}
	if opt.Today == 0 {
		opt.Today = geo.Today()
	}
	if opt.SnapshotBudget == 0 {
		opt.SnapshotBudget = DefaultSnapshotBudget
	}
	if opt.RegionBudget == 0 {
		opt.RegionBudget = DefaultRegionBudget
	}
	if opt.TimelineBudget == 0 {
		opt.TimelineBudget = DefaultTimelineBudget
	}
	if opt.PeriodsPage <= 0 || opt.PeriodsPage > handlers.MaxPeriodsLimit {
		opt.PeriodsPage = handlers.MaxPeriodsLimit
	}
	if opt.PMTiles != "" {
		// Fail before the long part of the export.
		if _, err := os.Stat(pmtilesLib(opt)); err != nil {
			return nil, fmt.Errorf("the page reads the archive with the npm package pmtiles: %w (run npm ci)", err)
		}
		if _, err := os.Stat(opt.PMTiles); err != nil {
			return nil, err
		}
	}
	tmp := strings.TrimSuffix(opt.Dir, "/") + ".partial"
	os.RemoveAll(tmp)
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, err
	}
	v := svc.View()
	m := &Manifest{DataVersion: v.Version, Today: opt.Today.String(), Pages: map[string]map[geo.Lang]string{"index": {}, "embed": {}},
		Files: map[string]string{}, Tiles: map[string]string{},
		Gzip:         "every .geojson and .json file has a gzip twin with .gz appended; serve it with Content-Encoding: gzip to clients that accept it",
		CacheControl: map[string]string{"*.html, manifest.json": "no-cache", "everything else": "public, max-age=31536000, immutable"}}
	m.Epochs.Rule = "epoch(D) = the number of change_days on or before D; snapshots[lang][epoch] holds that epoch's snapshot"
	m.Epochs.Snapshots = map[geo.Lang][]string{}
	x := &exporter{router: router, dir: tmp, m: m}
	if err := x.data(v, opt); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := x.tiles(v, opt); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := x.pmtiles(opt); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := x.page(opt); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	mb, _ := json.MarshalIndent(m, "", " ")
	if err := x.write("manifest.json", mb); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	// Swap the finished export in: a failed run leaves the previous one.
	old := strings.TrimSuffix(opt.Dir, "/") + ".old"
	os.RemoveAll(old)
	if _, err := os.Stat(opt.Dir); err == nil {
		if err := os.Rename(opt.Dir, old); err != nil {
			return nil, err
		}
	}
	if err := os.Rename(tmp, opt.Dir); err != nil {
		return nil, err
	}
	os.RemoveAll(old)
	return m, nil
}

// get fetches one URL from the router; gzip asks for the gzip form.
func (x *exporter) get(url string, gz bool) ([]byte, error) {
	req := httptest.NewRequest(http.MethodGet, url, nil)
	if gz {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	rec := httptest.NewRecorder()
	x.router.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %d %s", url, rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	if gz && rec.Header().Get("Content-Encoding") != "gzip" {
		return nil, fmt.Errorf("GET %s: no gzip form", url)
	}
	return rec.Body.Bytes(), nil
}

func (x *exporter) write(rel string, b []byte) error {
	p := filepath.Join(x.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, b, 0o644)
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])[:12]
}

// put writes body under data/NAME.HASH.EXT with its gzip twin (the API's
// own gzip form when given, else compressed here) and records it.
func (x *exporter) put(key, name, ext string, body, gz []byte) (string, error) {
	rel := fmt.Sprintf("data/%s.%s.%s", name, hash(body), ext)
	if err := x.write(rel, body); err != nil {
		return "", err
	}
	if gz == nil {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		gz = b.Bytes()
	}
	if err := x.write(rel+".gz", gz); err != nil {
		return "", err
	}
	x.m.Files[key] = rel
	return rel, nil
}

func (x *exporter) fetchPut(key, name, ext, url string) error {
	body, err := x.get(url, false)
	if err != nil {
		return err
	}
	gz, err := x.get(url, true)
	if err != nil {
		return err
	}
	_, err = x.put(key, name, ext, body, gz)
	return err
}

func (x *exporter) data(v *service.View, opt Options) error {
	if err := x.fetchPut("epochs", "epochs", "json", "/api/v1/epochs"); err != nil {
		return err
	}
	for _, d := range v.History.ChangeDays() {
		x.m.Epochs.ChangeDays = append(x.m.Epochs.ChangeDays, d.String())
	}
	epochs := len(v.History.ChangeDays()) + 1
	if err := x.timelineBudget(v, opt); err != nil {
		return err
	}
	for _, l := range opt.Langs {
		q := "?lang=" + string(l)
		if err := x.fetchPut("regions-"+string(l), "regions-"+string(l), "geojson", "/api/v1/regions"+q); err != nil {
			return err
		}
		if err := x.timeline(v, l); err != nil {
			return err
		}
		if err := x.periods(l, opt); err != nil {
			return err
		}
		var conflict []string
		for _, r := range v.History.Regions() {
			if r.Role == geo.RoleConflict {
				conflict = append(conflict, r.ID)
			}
		}
		if l == opt.Langs[0] && opt.RegionBudget > 0 {
			if err := x.regionBudget(conflict, opt); err != nil {
				return err
			}
		}
		for _, id := range conflict {
			if x.m.RegionsOmitted != "" {
				break
			}
			if err := x.fetchPut("region-"+id+"-"+string(l), "region-"+id+"-"+string(l), "geojson", "/api/v1/regions/"+id+q); err != nil {
				return err
			}
		}
		latestEpoch := v.History.Epoch(opt.Today)
		if l == opt.Langs[0] {
			// The budget: the latest epoch's pair stands for every epoch's.
			plain, err := x.get(handlers.EpochURL(v.Version, latestEpoch, l), false)
			if err != nil {
				return err
			}
			gz, err := x.get(handlers.EpochURL(v.Version, latestEpoch, l), true)
			if err != nil {
				return err
			}
			est := int64(len(plain)+len(gz)) * int64(epochs) * int64(len(opt.Langs))
			if opt.SnapshotBudget > 0 && est > opt.SnapshotBudget {
				x.m.Epochs.Omitted = fmt.Sprintf("%d epochs in %d languages would take about %.0f MB, over the budget of %.0f MB: "+
					"the periods file (filter by start_day and end_day) and the tiles serve every date", epochs, len(opt.Langs),
					float64(est)/1e6, float64(opt.SnapshotBudget)/1e6)
			}
		}
		if x.m.Epochs.Omitted != "" {
			// Only the latest epoch, for readers without scripts.
			name := fmt.Sprintf("snapshot-%d-%s", latestEpoch, l)
			if err := x.fetchPut("snapshot-latest-"+string(l), name, "geojson", handlers.EpochURL(v.Version, latestEpoch, l)); err != nil {
				return err
			}
		} else {
			for e := 0; e < epochs; e++ {
				url := handlers.EpochURL(v.Version, e, l)
				name := fmt.Sprintf("snapshot-%d-%s", e, l)
				if err := x.fetchPut(name, name, "geojson", url); err != nil {
					return err
				}
				x.m.Epochs.Snapshots[l] = append(x.m.Epochs.Snapshots[l], x.m.Files[name])
				delete(x.m.Files, name) // listed under epochs, not twice
			}
			x.m.Files["snapshot-latest-"+string(l)] = x.m.Epochs.Snapshots[l][latestEpoch]
		}
		svg, err := x.get("/api/v1/snapshot.svg?date="+opt.Today.String()+"&lang="+string(l), false)
		if err != nil {
			return err
		}
		if _, err := x.put("svg-latest-"+string(l), "snapshot-"+opt.Today.String()+"-"+string(l), "svg", svg, nil); err != nil {
			return err
		}
	}
	return nil
}

// periods writes the periods in language l: one file as the API serves
// it when they fit in a page, else pages of opt.PeriodsPage periods each
// (the API's own pages), listed in order in Manifest.Periods. One page is
// held in memory at a time.
func (x *exporter) periods(l geo.Lang, opt Options) error {
	key := "periods-" + string(l)
	page := func(offset int) string {
		return fmt.Sprintf("/api/v1/periods?lang=%s&limit=%d&offset=%d", l, opt.PeriodsPage, offset)
	}
	first, err := x.get(page(0), false)
	if err != nil {
		return err
	}
	var head struct {
		NextOffset *int `json:"next_offset"`
	}
	if err := json.Unmarshal(first, &head); err != nil {
		return fmt.Errorf("GET %s: %w", page(0), err)
	}
	if head.NextOffset == nil {
		return x.fetchPut(key, key, "geojson", "/api/v1/periods?lang="+string(l))
	}
	if x.m.Periods == nil {
		x.m.Periods = map[geo.Lang][]string{}
	}
	for i, offset := 0, 0; ; i++ {
		url := page(offset)
		body := first
		if i > 0 {
			if body, err = x.get(url, false); err != nil {
				return err
			}
			head.NextOffset = nil
			if err := json.Unmarshal(body, &head); err != nil {
				return fmt.Errorf("GET %s: %w", url, err)
			}
		}
		gz, err := x.get(url, true)
		if err != nil {
			return err
		}
		name := fmt.Sprintf("%s-page-%d", key, i)
		rel, err := x.put(name, name, "geojson", body, gz)
		if err != nil {
			return err
		}
		delete(x.m.Files, name) // listed under periods, not twice
		x.m.Periods[l] = append(x.m.Periods[l], rel)
		if head.NextOffset == nil {
			return nil
		}
		offset = *head.NextOffset
	}
}

// timelineBudget estimates the bytes of the timeline files in every
// language from a sample of events, and when the estimate is over the
// budget records why they list no events.
func (x *exporter) timelineBudget(v *service.View, opt Options) error {
	if opt.TimelineBudget <= 0 {
		return nil
	}
	one, err := v.TimelineEstimate(opt.Langs[0], 256)
	if err != nil {
		return err
	}
	est := one * int64(len(opt.Langs))
	if est > opt.TimelineBudget {
		x.m.TimelineOmitted = fmt.Sprintf("%d events in %d languages would take about %.0f MB of timeline files, over the budget of %.0f MB: "+
			"the timeline files hold the change days only; the periods files name each period's start_event and end_event, "+
			"and the server's /api/v1/events and /api/v1/timeline list the events", v.History.EventCount(), len(opt.Langs),
			float64(est)/1e6, float64(opt.TimelineBudget)/1e6)
	}
	return nil
}

// timeline writes the timeline in language l: the API's answer, or over
// the budget its change days alone, with the reason in events_omitted.
func (x *exporter) timeline(v *service.View, l geo.Lang) error {
	key := "timeline-" + string(l)
	if x.m.TimelineOmitted == "" {
		return x.fetchPut(key, key, "json", "/api/v1/timeline?lang="+string(l))
	}
	days := make([]string, 0, len(v.History.ChangeDays()))
	for _, d := range v.History.ChangeDays() {
		days = append(days, d.String())
	}
	body, err := json.Marshal(map[string]any{"data_version": v.Version, "lang": l, "change_days": days,
		"events": []struct{}{}, "events_omitted": x.m.TimelineOmitted})
	if err != nil {
		return err
	}
	_, err = x.put(key, key, "json", append(body, '\n'), nil)
	return err
}

// regionBudget estimates the bytes of every region file in every
// language from up to 16 regions spread over the list, and when the
// estimate is over the budget records why they are left out.
func (x *exporter) regionBudget(ids []string, opt Options) error {
	if len(ids) == 0 {
		return nil
	}
	const samples = 16
	step := max(1, len(ids)/samples)
	var sum, n int64
	for i := 0; i < len(ids) && n < samples; i += step {
		url := "/api/v1/regions/" + ids[i] + "?lang=" + string(opt.Langs[0])
		plain, err := x.get(url, false)
		if err != nil {
			return err
		}
		gz, err := x.get(url, true)
		if err != nil {
			return err
		}
		sum += int64(len(plain) + len(gz))
		n++
	}
	est := sum / n * int64(len(ids)) * int64(len(opt.Langs))
	if est > opt.RegionBudget {
		x.m.RegionsOmitted = fmt.Sprintf("%d regions in %d languages would take about %.0f MB, over the budget of %.0f MB: "+
			"the periods files hold every region's periods (filter by region)", len(ids), len(opt.Langs),
			float64(est)/1e6, float64(opt.RegionBudget)/1e6)
	}
	return nil
}

// tileJSON is the part of a TileJSON document the export rewrites.
type tileJSON map[string]any

func (x *exporter) tiles(v *service.View, opt Options) error {
	for _, layer := range []string{"regions", "periods"} {
		b, err := x.get("/tiles/"+layer+".json", false)
		if err != nil {
			return err
		}
		var tj tileJSON
		if err := json.Unmarshal(b, &tj); err != nil {
			return err
		}
		bounds, _ := tj["bounds"].([]any)
		if len(bounds) != 4 {
			return fmt.Errorf("tilejson %s has no bounds", layer)
		}
		var bb [4]float64
		for i := range bb {
			bb[i], _ = bounds[i].(float64)
		}
		templates, _ := tj["tiles"].([]any)
		if len(templates) == 0 {
			return fmt.Errorf("tilejson %s has no tile URL", layer)
		}
		tmpl, _ := templates[0].(string)
		if i := strings.Index(tmpl, "/tiles/"); i > 0 {
			tmpl = tmpl[i:] // the router's path, whatever host it printed
		}
		maxZoom := opt.MaxZoom
		rel := fmt.Sprintf("tiles/%s/%s/{z}/{x}/{y}.mvt", layer, v.Version)
		for z := 0; z <= maxZoom; z++ {
			x0, y1 := tileOf(bb[0], bb[1], z)
			x1, y0 := tileOf(bb[2], bb[3], z)
			for tx := x0; tx <= x1; tx++ {
				for ty := y0; ty <= y1; ty++ {
					zs, xs, ys := strconv.Itoa(z), strconv.Itoa(tx), strconv.Itoa(ty)
					url := strings.NewReplacer("{z}", zs, "{x}", xs, "{y}", ys).Replace(tmpl)
					tile, err := x.get(url, false)
					if err != nil {
						return err
					}
					if err := x.write(strings.NewReplacer("{z}", zs, "{x}", xs, "{y}", ys).Replace(rel), tile); err != nil {
						return err
					}
				}
			}
		}
		tileURL := rel
		if opt.BaseURL != "" {
			tileURL = strings.TrimSuffix(opt.BaseURL, "/") + "/" + rel
		}
		tj["tiles"] = []string{tileURL}
		tj["maxzoom"] = maxZoom
		out, _ := json.Marshal(tj)
		p, err := x.put("tilejson-"+layer, "tilejson-"+layer, "json", out, nil)
		if err != nil {
			return err
		}
		x.m.Tiles[layer] = p
	}
	return nil
}

// pmtiles copies the archive and the npm pmtiles package's browser build
// into the export, both under names with a hash of their bytes.
func (x *exporter) pmtiles(opt Options) error {
	if opt.PMTiles == "" {
		return nil
	}
	code, err := os.ReadFile(pmtilesLib(opt))
	if err != nil {
		return fmt.Errorf("the page reads the archive with the npm package pmtiles: %w (run npm ci)", err)
	}
	libRel := "vendor/pmtiles/" + hash(code) + "/pmtiles.js"
	if err := x.write(libRel, code); err != nil {
		return err
	}
	in, err := os.Open(opt.PMTiles)
	if err != nil {
		return err
	}
	defer in.Close()
	h := sha256.New()
	if _, err := io.Copy(h, in); err != nil {
		return err
	}
	rel := "data/mapsvc." + hex.EncodeToString(h.Sum(nil))[:12] + ".pmtiles"
	p := filepath.Join(x.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	out, err := os.Create(p)
	if err != nil {
		return err
	}
	if _, err := in.Seek(0, io.SeekStart); err != nil {
		out.Close()
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	x.m.PMTiles = &struct {
		Archive string `json:"archive"`
		Library string `json:"library"`
	}{rel, libRel}
	return nil
}

// pmtilesLib is the browser build of the npm package pmtiles: a classic
// script that defines the global pmtiles (its ES module imports a bare
// specifier that a page cannot resolve without an import map).
func pmtilesLib(opt Options) string {
	return filepath.Join(opt.Assets, "pmtiles", "dist", "pmtiles.js")
}

// tileOf is the web-mercator tile holding lon/lat at zoom z.
func tileOf(lon, lat float64, z int) (int, int) {
	n := math.Exp2(float64(z))
	x := int((lon + 180) / 360 * n)
	r := lat * math.Pi / 180
	y := int((1 - math.Log(math.Tan(r)+1/math.Cos(r))/math.Pi) / 2 * n)
	clamp := func(v int) int { return max(0, min(int(n)-1, v)) }
	return clamp(x), clamp(y)
}

func (x *exporter) page(opt Options) error {
	// The page's own files go in one folder named by a hash of them all,
	// so the scripts' relative imports keep working.
	assets := web.Assets()
	type file struct {
		name string
		body []byte
	}
	var files []file
	err := fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".html") {
			return err // templates are rendered below, not copied
		}
		b, err := fs.ReadFile(assets, p)
		if err == nil {
			files = append(files, file{p, b})
		}
		return err
	})
	if err != nil {
		return err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	h := sha256.New()
	for _, f := range files {
		io.WriteString(h, f.name)
		h.Write(f.body)
	}
	assetBase := "static/" + hex.EncodeToString(h.Sum(nil))[:12] + "/"
	for _, f := range files {
		if err := x.write(assetBase+f.name, f.body); err != nil {
			return err
		}
	}
	maplibreBase := ""
	if version, vendor, ok := web.MapLibreFiles(opt.Assets); ok {
		vh := sha256.New()
		io.WriteString(vh, version)
		var names []string
		for name := range vendor {
			names = append(names, name)
		}
		sort.Strings(names)
		bodies := map[string][]byte{}
		for _, name := range names {
			b, err := os.ReadFile(vendor[name])
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && strings.HasSuffix(name, ".map") {
					continue // source maps are optional
				}
				return err
			}
			bodies[name] = b
			vh.Write(b)
		}
		maplibreBase = "vendor/maplibre-gl/" + hex.EncodeToString(vh.Sum(nil))[:12] + "/"
		for name, b := range bodies {
			if err := x.write(maplibreBase+name, b); err != nil {
				return err
			}
		}
	}
	for _, l := range opt.Langs {
		suffix := ".html"
		if l != geo.LangEN {
			suffix = "." + string(l) + ".html"
		}
		x.m.Pages["index"][l] = "index" + suffix
		x.m.Pages["embed"][l] = "embed" + suffix
	}
	for _, l := range opt.Langs {
		for _, kind := range []string{"index", "embed"} {
			b, err := web.RenderStaticPage(kind+".html", web.StaticPage{Lang: l, Today: opt.Today, AssetBase: assetBase,
				MapLibreBase: maplibreBase, Manifest: "manifest.json", SnapshotSVG: x.m.Files["svg-latest-"+string(l)],
				FullMap: x.m.Pages["index"][l], BasemapURL: opt.BasemapURL, BasemapAttribution: opt.BasemapAttribution})
			if err != nil {
				return err
			}
			if err := x.write(x.m.Pages[kind][l], b); err != nil {
				return err
			}
		}
	}
	return nil
}

// Summary reports the size of the export in dir.
func (m *Manifest) Summary(dir string) string {
	var n int
	var size int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n++
				size += info.Size()
			}
		}
		return nil
	})
	return fmt.Sprintf("%d files, %.1f MB, data version %s, %d epochs", n, float64(size)/1e6, m.DataVersion, len(m.Epochs.ChangeDays)+1)
}
