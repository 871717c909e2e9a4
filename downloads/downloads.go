// Package export serves mapsvc's data as files to download: the snapshot
// of one day and every control period, each as GeoJSON, as CSV with WKT
// geometry, or as KML, with options for coordinate precision and
// Douglas-Peucker simplification.
//
// Routes (GET):
//
//	/api/v1/download                     the list of downloads (JSON)
//	/api/v1/download/snapshot.geojson    snapshot of ?date=YYYY-MM-DD (default: today, UTC)
//	/api/v1/download/snapshot.csv
//	/api/v1/download/snapshot.kml
//	/api/v1/download/periods.geojson     every control period of every conflict region
//	/api/v1/download/periods.csv
//	/api/v1/download/periods.kml
//	/api/v1/download/areas.geojson       approximate control areas of ?date=YYYY-MM-DD (MountWith only)
//	/api/v1/download/areas.csv
//	/api/v1/download/areas.kml
//
// Every file takes lang (en, ar, az, ru, hy), precision (decimals kept in
// coordinates, 0..8; default: as stored) and simplify (Douglas-Peucker
// tolerance in degrees, 0..0.1; default 0). Unknown or invalid parameters
// are a 400 problem. Files come with Content-Disposition: attachment and a
// name such as mapsvc-snapshot-2020-11-25.geojson (a -LANG suffix for
// languages other than English).
//
// Properties are the API's (/api/v1/snapshot, /api/v1/periods and
// /api/v1/areas), in the same order: CSV columns and KML data flatten nested values (holders,
// event ids) to compact JSON text.
package downloads

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/service"
)

// Prefix is where downloads are mounted.
const Prefix = "/api/v1/download"

// Formats: file extension → media type.
var formats = map[string]string{
	"geojson": "application/geo+json",
	"csv":     "text/csv; charset=utf-8; header=present",
	"kml":     "application/vnd.google-earth.kml+xml",
}

// kinds: what can be downloaded, with the query parameters each takes.
var kinds = map[string][]string{
	"snapshot": {"date", "lang", "precision", "simplify"},
	"periods":  {"lang", "precision", "simplify"},
	"areas":    {"date", "lang", "precision", "simplify"},
}

// AreasSource gives the body of /api/v1/areas for day d (a GeoJSON
// FeatureCollection whose features carry their own geometry); the place
// package computes it, and cmd/mapsvc/mounts.go passes it in.
type AreasSource func(v *service.View, d geo.Day, lang geo.Lang) ([]byte, error)

type server struct {
	svc   *service.Service
	cache *service.Cache
	today func() geo.Day
	areas AreasSource // nil: no areas downloads
}

// Mount returns the hook that adds the snapshot and periods downloads to
// the router.
func Mount(svc *service.Service) func(*echo.Echo) { return MountWith(svc, nil) }

// MountWith is Mount with the areas downloads made from areas (none when
// nil); cmd/mapsvc/mounts.go lists it.
func MountWith(svc *service.Service, areas AreasSource) func(*echo.Echo) {
	s := &server{svc: svc, cache: svc.NewCache("downloads"), today: geo.Today, areas: areas}
	return func(e *echo.Echo) {
		e.GET(Prefix, s.list)
		e.GET(Prefix+"/:file", s.download)
	}
}

// request is one checked download request.
type request struct {
	kind, format string
	date         geo.Day
	lang         geo.Lang
	opt          Options
}

// filename is the name the file is saved under.
func (r *request) filename() string {
	name := "mapsvc-" + r.kind
	if r.kind == "snapshot" || r.kind == "areas" {
		name += "-" + r.date.String()
	}
	if r.lang != geo.LangEN {
		name += "-" + string(r.lang)
	}
	return name + "." + r.format
}

func (s *server) parse(c echo.Context) (*request, error) {
	file := c.Param("file")
	kind, format, _ := strings.Cut(file, ".")
	allowed, okKind := kinds[kind]
	if kind == "areas" && s.areas == nil {
		okKind = false
	}
	if _, okFormat := formats[format]; !okKind || !okFormat {
		return nil, fmt.Errorf("%w: download %q (there are %s, each as .geojson, .csv or .kml; see %s)", geo.ErrNotFound, file, strings.Join(s.kinds(), ", "), Prefix)
	}
	q, err := httpkit.ParseQuery(c.QueryString(), allowed...)
	if err != nil {
		return nil, err
	}
	r := &request{kind: kind, format: format, opt: Options{Precision: -1}}
	if r.date, err = q.Day("date", s.today()); err != nil {
		return nil, err
	}
	if r.lang, err = q.Lang(); err != nil {
		return nil, err
	}
	if q.Has("precision") {
		if r.opt.Precision, err = ParsePrecision(q.Get("precision")); err != nil {
			return nil, err
		}
	}
	if q.Has("simplify") {
		if r.opt.Simplify, err = ParseSimplify(q.Get("simplify")); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (s *server) download(c echo.Context) error {
	r, err := s.parse(c)
	if err != nil {
		return err
	}
	v := s.svc.View()
	key := fmt.Sprintf("%s.%s|%s|%s|%d|%s", r.kind, r.format, r.date, r.lang, r.opt.Precision, strconv.FormatFloat(r.opt.Simplify, 'g', -1, 64))
	if r.kind == "periods" {
		key = fmt.Sprintf("%s.%s|%s|%d|%s", r.kind, r.format, r.lang, r.opt.Precision, strconv.FormatFloat(r.opt.Simplify, 'g', -1, 64))
	}
	c.Response().Header().Set("Content-Disposition", `attachment; filename="`+r.filename()+`"`)
	if r.kind == "periods" && v.StreamPeriods() {
		return streamPeriods(c, v, r, key)
	}
	e, err := s.cache.Get(v, key, formats[r.format], func() ([]byte, error) {
		ds, err := s.load(v, r)
		if err != nil {
			return nil, err
		}
		return ds.encode(r.format)
	})
	if err != nil {
		c.Response().Header().Del("Content-Disposition")
		return err
	}
	return httpkit.Send(c, e, httpkit.CacheShort)
}

// kinds are the downloads this server has, in listing order.
func (s *server) kinds() []string {
	if s.areas == nil {
		return []string{"snapshot", "periods"}
	}
	return []string{"snapshot", "periods", "areas"}
}

// list answers the available downloads.
func (s *server) list(c echo.Context) error {
	if _, err := httpkit.ParseQuery(c.QueryString()); err != nil {
		return err
	}
	type entry struct {
		Href   string   `json:"href"`
		Type   string   `json:"type"`
		Params []string `json:"params"`
	}
	var out []entry
	for _, kind := range s.kinds() {
		exts := make([]string, 0, len(formats))
		for ext := range formats {
			exts = append(exts, ext)
		}
		sort.Strings(exts)
		for _, ext := range exts {
			out = append(out, entry{Href: Prefix + "/" + kind + "." + ext, Type: formats[ext], Params: kinds[kind]})
		}
	}
	b, err := json.Marshal(map[string]any{
		"downloads": out,
		"params": map[string]string{
			"date":      "day of a snapshot or of the areas, YYYY-MM-DD; default today (UTC)",
			"lang":      "en (default), ar, az, ru or hy",
			"precision": fmt.Sprintf("decimals kept in coordinates, 0..%d; default: as stored", MaxPrecision),
			"simplify":  fmt.Sprintf("Douglas-Peucker tolerance in degrees, 0..%v; default 0 (every vertex)", MaxSimplify),
		},
	})
	if err != nil {
		return err
	}
	return httpkit.SendBytes(c, "application/json", append(b, '\n'), httpkit.CacheShort)
}

// jsonString quotes s as a JSON string.
func jsonString(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}
