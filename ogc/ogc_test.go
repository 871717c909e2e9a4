package ogc_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/httpkit"
	"github.com/mapsvc/mapsvc/ogc"
)

func day(t *testing.T, s string) geo.Day {
	t.Helper()
	d, err := geo.ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLandingAndConformance(t *testing.T) {
	srv, _ := newServer(t)
	for _, path := range []string{"/ogc", "/ogc/"} {
		var landing struct{ Links []link }
		res := getJSON(t, srv, path, &landing)
		if ct := res.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s: got Content-Type %q, want application/json", path, ct)
		}
		for _, rel := range []string{"self", "alternate", "service-desc", "conformance", "data"} {
			if _, ok := linkOf(landing.Links, rel); !ok {
				t.Errorf("%s: got no %q link, want one", path, rel)
			}
		}
	}
	var conf struct{ ConformsTo []string }
	getJSON(t, srv, "/ogc/conformance", &conf)
	for _, want := range []string{"conf/core", "conf/geojson", "conf/html", "conf/oas30"} {
		found := false
		for _, c := range conf.ConformsTo {
			found = found || strings.HasSuffix(c, want)
		}
		if !found {
			t.Errorf("conformance: got %v, want a class ending in %s", conf.ConformsTo, want)
		}
	}
}

// The OpenAPI document must describe what is served: every documented
// path answers, every documented query parameter is accepted, and any
// other parameter is refused.
func TestOpenAPIDescribesWhatIsServed(t *testing.T) {
	srv, _ := newServer(t)
	res, body := get(t, srv, "/ogc/api")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/vnd.oai.openapi+json") {
		t.Fatalf("GET /ogc/api: got %d %q, want 200 application/vnd.oai.openapi+json", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var doc struct {
		OpenAPI string
		Servers []struct{ URL string }
		Paths   map[string]map[string]struct {
			OperationID string
			Parameters  []struct {
				Name, In string
				Required bool
				Schema   map[string]any
			}
			Responses map[string]any
		}
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.0.3" || len(doc.Servers) != 1 || doc.Servers[0].URL != srv.URL+"/ogc" {
		t.Fatalf("got openapi %q servers %v, want 3.0.3 and %s/ogc", doc.OpenAPI, doc.Servers, srv.URL)
	}
	wantPaths := []string{"/", "/conformance", "/api", "/collections", "/collections/{collectionId}",
		"/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}"}
	if len(doc.Paths) != len(wantPaths) {
		t.Errorf("got %d paths, want %d", len(doc.Paths), len(wantPaths))
	}
	// A valid value for every parameter the document may name.
	valid := map[string]string{"f": "json", "bbox": "45,39,47,41", "datetime": "2020-11-25", "limit": "5",
		"offset": "1", "lang": "ru", "collectionId": "control-periods", "featureId": "shusha-1991-01-01"}
	for _, path := range wantPaths {
		item, ok := doc.Paths[path]
		if !ok {
			t.Errorf("path %s: missing from the document", path)
			continue
		}
		op, ok := item["get"]
		if !ok || op.OperationID == "" || op.Responses["200"] == nil || op.Responses["400"] == nil {
			t.Errorf("path %s: got %+v, want a GET with an operationId and 200 and 400 responses", path, op)
			continue
		}
		concrete := path
		q := url.Values{}
		for _, p := range op.Parameters {
			v, ok := valid[p.Name]
			if !ok {
				t.Errorf("path %s: parameter %q has no test value: the test must learn it", path, p.Name)
				continue
			}
			switch p.In {
			case "path":
				concrete = strings.ReplaceAll(concrete, "{"+p.Name+"}", v)
			case "query":
				q.Set(p.Name, v)
			}
		}
		if strings.Contains(concrete, "{") {
			t.Errorf("path %s: a path parameter is not documented", path)
			continue
		}
		concrete = strings.TrimSuffix("/ogc"+concrete, "/")
		t.Run("all documented parameters on "+path, func(t *testing.T) {
			res, b := get(t, srv, concrete+"?"+q.Encode())
			if res.StatusCode != http.StatusOK {
				t.Errorf("got %d, want 200; body %.300s", res.StatusCode, b)
			}
		})
		t.Run("an undocumented parameter on "+path, func(t *testing.T) {
			res, b := get(t, srv, concrete+"?undocumented=1")
			wantProblem(t, res, b, http.StatusBadRequest)
		})
	}
	items := doc.Paths["/collections/{collectionId}/items"]["get"]
	for _, p := range items.Parameters {
		if p.Name == "limit" && (p.Schema["maximum"] != float64(ogc.MaxLimit) || p.Schema["default"] != float64(ogc.DefaultLimit)) {
			t.Errorf("limit schema: got %v, want maximum %d and default %d", p.Schema, ogc.MaxLimit, ogc.DefaultLimit)
		}
	}
}

func TestCollectionsExtents(t *testing.T) {
	srv, _ := newServer(t)
	var cs struct {
		Collections []struct {
			ID     string
			Extent struct {
				Spatial *struct {
					BBox [][]float64
					CRS  string
				}
				Temporal *struct{ Interval [][]*string }
			}
			Links []link
		}
	}
	getJSON(t, srv, "/ogc/collections", &cs)
	var ids []string
	for _, c := range cs.Collections {
		ids = append(ids, c.ID)
		if c.Extent.Spatial == nil || len(c.Extent.Spatial.BBox) != 1 || len(c.Extent.Spatial.BBox[0]) != 4 {
			t.Errorf("%s: got spatial extent %+v, want one bbox of 4 numbers", c.ID, c.Extent.Spatial)
		} else if b := c.Extent.Spatial.BBox[0]; !(b[0] < b[2] && b[1] < b[3] && b[0] > 40 && b[2] < 52) {
			t.Errorf("%s: got bbox %v, want one around the South Caucasus", c.ID, b)
		}
		if _, ok := linkOf(c.Links, "items"); !ok {
			t.Errorf("%s: got no items link", c.ID)
		}
	}
	if strings.Join(ids, ",") != "regions,control-periods,events" {
		t.Fatalf("got collections %v, want regions, control-periods, events", ids)
	}
	tests := []struct {
		id          string
		first, last string // "" for no temporal extent; "null" for an open end
	}{
		{"regions", "", ""},
		{"control-periods", "1991-01-01T00:00:00Z", "null"},
		{"events", "1991-01-01T00:00:00Z", "20"},
	}
	for _, tt := range tests {
		t.Run("temporal extent of "+tt.id, func(t *testing.T) {
			var c struct {
				Extent struct {
					Temporal *struct{ Interval [][]*string }
				}
			}
			getJSON(t, srv, "/ogc/collections/"+tt.id, &c)
			tmp := c.Extent.Temporal
			if tt.first == "" {
				if tmp != nil {
					t.Errorf("got temporal extent %+v, want none", tmp)
				}
				return
			}
			if tmp == nil || len(tmp.Interval) != 1 || len(tmp.Interval[0]) != 2 || tmp.Interval[0][0] == nil {
				t.Fatalf("got temporal extent %+v, want one interval with a start", tmp)
			}
			if got := *tmp.Interval[0][0]; got != tt.first {
				t.Errorf("got start %s, want %s", got, tt.first)
			}
			end := tmp.Interval[0][1]
			switch {
			case tt.last == "null" && end != nil:
				t.Errorf("got end %s, want null (open periods)", *end)
			case tt.last != "null" && (end == nil || !strings.HasPrefix(*end, tt.last)):
				t.Errorf("got end %v, want one starting %s", end, tt.last)
			}
		})
	}
}

func TestControlPeriodsDatetime(t *testing.T) {
	srv, svc := newServer(t)
	h := svc.View().History
	periods := h.AllPeriods()
	// expect counts periods meeting days [a, b] (nil: open), computed
	// straight from the history, not through the code under test.
	expect := func(a, b *geo.Day) int {
		n := 0
		for _, p := range periods {
			if (b == nil || p.Start <= *b) && (a == nil || p.Open || p.End > *a) {
				n++
			}
		}
		return n
	}
	d := func(s string) *geo.Day { v := day(t, s); return &v }
	tests := []struct {
		name, datetime string
		a, b           *geo.Day
	}{
		{"a date gives the snapshot of that day", "2020-11-25", d("2020-11-25"), d("2020-11-25")},
		{"a date-time counts as its UTC day", "2020-11-25T10:30:00Z", d("2020-11-25"), d("2020-11-25")},
		{"a date-time with an offset moves to its UTC day", "2020-11-26T02:00:00+04:00", d("2020-11-25"), d("2020-11-25")},
		{"fractional seconds are accepted", "2020-11-25T10:30:00.25Z", d("2020-11-25"), d("2020-11-25")},
		{"a closed interval of dates", "1993-01-01/1993-12-31", d("1993-01-01"), d("1993-12-31")},
		{"a closed interval of date-times", "1993-01-01T00:00:00Z/1993-12-31T23:00:00Z", d("1993-01-01"), d("1993-12-31")},
		{"an interval open at the start", "../1992-06-01", nil, d("1992-06-01")},
		{"GDAL's date with a bare T", "../2020-11-25T", nil, d("2020-11-25")},
		{"a bare T at both ends", "2020-11-24T/2020-11-25T", d("2020-11-24"), d("2020-11-25")},
		{"an interval open at the end", "2023-09-20/..", d("2023-09-20"), nil},
		{"an empty end is open too", "2023-09-20/", d("2023-09-20"), nil},
		{"both ends open match everything", "../..", nil, nil},
		{"a day before the ledger", "1950-01-01", d("1950-01-01"), d("1950-01-01")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fc featureCollection
			getJSON(t, srv, "/ogc/collections/control-periods/items?limit=1000&datetime="+url.QueryEscape(tt.datetime), &fc)
			if want := expect(tt.a, tt.b); fc.NumberMatched != want || fc.NumberReturned != want || len(fc.Features) != want {
				t.Errorf("got numberMatched %d, numberReturned %d, %d features; want %d of each", fc.NumberMatched, fc.NumberReturned, len(fc.Features), want)
			}
		})
	}
	t.Run("the snapshot day holds exactly one period per conflict region", func(t *testing.T) {
		var fc featureCollection
		getJSON(t, srv, "/ogc/collections/control-periods/items?datetime=2020-11-25", &fc)
		D := float64(day(t, "2020-11-25"))
		seen := map[string]bool{}
		for _, f := range fc.Features {
			start, _ := f.Properties["start_day"].(float64)
			end, hasEnd := f.Properties["end_day"].(float64)
			if start > D || (hasEnd && end <= D) {
				t.Errorf("%s: got start_day %v end_day %v, want start <= %v < end", f.ID, start, f.Properties["end_day"], D)
			}
			seen[f.Properties["region"].(string)] = true
		}
		if len(seen) != len(geo.ConflictRegionIDs) || len(fc.Features) != len(geo.ConflictRegionIDs) {
			t.Errorf("got %d features over %d regions, want one for each of %d conflict regions", len(fc.Features), len(seen), len(geo.ConflictRegionIDs))
		}
	})
	t.Run("an open period has a null end", func(t *testing.T) {
		var fc featureCollection
		getJSON(t, srv, "/ogc/collections/control-periods/items?datetime=2100-01-01", &fc)
		for _, f := range fc.Features {
			if f.Properties["end"] != nil || f.Properties["end_day"] != nil {
				t.Errorf("%s: got end %v end_day %v, want null for an open period", f.ID, f.Properties["end"], f.Properties["end_day"])
			}
		}
		if len(fc.Features) == 0 {
			t.Error("got no open periods in 2100, want every region's last period")
		}
	})
}

func TestEventsAndRegionsDatetime(t *testing.T) {
	srv, svc := newServer(t)
	h := svc.View().History
	d := func(s string) *geo.Day { v := day(t, s); return &v }
	tests := []struct {
		name, datetime string
		from, to       *geo.Day
	}{
		{"events on one day", "2020-11-25", d("2020-11-25"), d("2020-11-25")},
		{"events in an interval", "2020-09-27/2020-11-10", d("2020-09-27"), d("2020-11-10")},
		{"events up to a day", "../1993-12-31", nil, d("1993-12-31")},
		{"events from a day", "2020-11-10/..", d("2020-11-10"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fc featureCollection
			getJSON(t, srv, "/ogc/collections/events/items?limit=1000&datetime="+url.QueryEscape(tt.datetime), &fc)
			want := len(h.FindEvents(geo.EventFilter{From: tt.from, To: tt.to}))
			if fc.NumberMatched != want || len(fc.Features) != want {
				t.Errorf("got numberMatched %d and %d features, want %d", fc.NumberMatched, len(fc.Features), want)
			}
		})
	}
	t.Run("events carry their sources", func(t *testing.T) {
		var fc featureCollection
		getJSON(t, srv, "/ogc/collections/events/items?limit=1000", &fc)
		if fc.NumberMatched != len(h.Events()) {
			t.Errorf("got numberMatched %d, want every event (%d)", fc.NumberMatched, len(h.Events()))
		}
		areaWide := 0
		for _, f := range fc.Features {
			// List values are compact JSON text, so every GIS reads a column.
			text, _ := f.Properties["sources"].(string)
			var src []map[string]any
			if err := json.Unmarshal([]byte(text), &src); err != nil || len(src) == 0 {
				t.Errorf("%s: got sources %v, want the JSON text of at least one", f.ID, f.Properties["sources"])
			}
			if string(f.Geometry) == "null" {
				t.Errorf("%s: got a null geometry; every event has a point (FlatGeobuf drops features without)", f.ID)
			}
			switch f.Properties["located"] {
			case "conflict-area":
				areaWide++
				if f.Properties["region"] != nil {
					t.Errorf("%s: an event with a region is placed at the conflict area's centre", f.ID)
				}
			case "region":
			default:
				t.Errorf("%s: got located %v, want region or conflict-area", f.ID, f.Properties["located"])
			}
		}
		if areaWide == 0 {
			t.Error("got no area-wide events at the conflict area's centre, want the ledger's")
		}
	})
	t.Run("regions have no time, so datetime matches every region", func(t *testing.T) {
		var fc featureCollection
		getJSON(t, srv, "/ogc/collections/regions/items?datetime=2020-11-25&limit=1000", &fc)
		if fc.NumberMatched != len(h.Regions()) {
			t.Errorf("got numberMatched %d, want every region (%d)", fc.NumberMatched, len(h.Regions()))
		}
	})
	t.Run("regions still check the datetime parameter", func(t *testing.T) {
		res, body := get(t, srv, "/ogc/collections/regions/items?datetime=2020-11-25/2020-01-01")
		wantProblem(t, res, body, http.StatusBadRequest)
	})
}

func TestItemsRejectBadParameters(t *testing.T) {
	srv, _ := newServer(t)
	tests := []struct{ name, query string }{
		{"bbox of 3 numbers", "bbox=45,39,47"},
		{"bbox of 5 numbers", "bbox=45,39,47,41,1"},
		{"bbox with NaN", "bbox=NaN,39,47,41"},
		{"bbox with infinity", "bbox=45,39,Inf,41"},
		{"bbox with a latitude above 90", "bbox=45,39,47,91"},
		{"bbox with a longitude beyond 180", "bbox=-181,39,47,41"},
		{"bbox with min above max", "bbox=47,39,45,41"},
		{"bbox with min latitude above max", "bbox=45,41,47,39"},
		{"bbox of words", "bbox=a,b,c,d"},
		{"bbox with six numbers and heights reversed", "bbox=45,39,10,47,41,0"},
		{"datetime reversed", "datetime=2020-11-25/2020-11-01"},
		{"datetime reversed within a day", "datetime=2020-11-25T12:00:00Z/2020-11-25T11:00:00Z"},
		{"datetime not a date", "datetime=yesterday"},
		{"datetime with an impossible day", "datetime=2020-02-30"},
		{"datetime with three parts", "datetime=2020-01-01/2020-02-01/2020-03-01"},
		{"datetime outside the years served", "datetime=1800-01-01"},
		{"datetime without a zone", "datetime=2020-11-25T10:00:00"},
		{"limit of zero", "limit=0"},
		{"negative limit", "limit=-5"},
		{"limit not a number", "limit=ten"},
		{"limit unlimited", "limit=unlimited"},
		{"fractional limit", "limit=2.5"},
		{"limit with a plus sign", "limit=+5"},
		{"negative offset", "offset=-1"},
		{"offset not a number", "offset=x"},
		{"unknown parameter", "colour=red"},
		{"a filter parameter this server does not offer", "region=shusha"},
		{"repeated limit", "limit=5&limit=6"},
		{"unknown format", "f=xml"},
		{"unknown language", "lang=fr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, srv, "/ogc/collections/control-periods/items?"+tt.query)
			wantProblem(t, res, body, http.StatusBadRequest)
		})
	}
	t.Run("f=xml is refused on the API document", func(t *testing.T) {
		res, body := get(t, srv, "/ogc/api?f=xml")
		wantProblem(t, res, body, http.StatusBadRequest)
	})
	t.Run("unknown parameters are refused on the landing page", func(t *testing.T) {
		res, body := get(t, srv, "/ogc?service=WFS")
		wantProblem(t, res, body, http.StatusBadRequest)
	})
}

func TestLimitClampingAndPaging(t *testing.T) {
	srv, svc := newServer(t)
	total := len(svc.View().History.AllPeriods())
	tests := []struct {
		name, limit string
		want        int
	}{
		{"default limit", "", min(total, ogc.DefaultLimit)},
		{"a small limit", "7", 7},
		{"the maximum", "1000", min(total, 1000)},
		{"above the maximum is clamped", "5000", min(total, 1000)},
		{"far above the maximum is clamped", "99999999999999999999999", min(total, 1000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := "/ogc/collections/control-periods/items"
			if tt.limit != "" {
				path += "?limit=" + tt.limit
			}
			var fc featureCollection
			getJSON(t, srv, path, &fc)
			if fc.NumberReturned != tt.want || len(fc.Features) != tt.want || fc.NumberMatched != total {
				t.Errorf("got numberReturned %d, %d features, numberMatched %d; want %d, %d, %d", fc.NumberReturned, len(fc.Features), fc.NumberMatched, tt.want, tt.want, total)
			}
			self, _ := linkOf(fc.Links, "self")
			u, _ := url.Parse(self.Href)
			if got := u.Query().Get("limit"); tt.limit == "5000" && got != "1000" {
				t.Errorf("got self link limit %q, want the clamped 1000", got)
			}
		})
	}
	t.Run("following next links visits every feature once", func(t *testing.T) {
		seen := map[string]bool{}
		path, pages := "/ogc/collections/control-periods/items?limit=10", 0
		for path != "" {
			var fc featureCollection
			getJSON(t, srv, path, &fc)
			pages++
			if fc.NumberMatched != total || fc.NumberReturned != len(fc.Features) {
				t.Fatalf("page %d: got numberMatched %d numberReturned %d with %d features; want %d and a matching count", pages, fc.NumberMatched, fc.NumberReturned, len(fc.Features), total)
			}
			if fc.TimeStamp == "" {
				t.Errorf("page %d: got no timeStamp", pages)
			}
			for _, f := range fc.Features {
				if seen[f.ID] {
					t.Errorf("page %d: got %s again", pages, f.ID)
				}
				seen[f.ID] = true
			}
			prev, hasPrev := linkOf(fc.Links, "prev")
			if hasPrev != (pages > 1) {
				t.Errorf("page %d: got prev link %v, want one on every page but the first", pages, hasPrev)
			}
			if pages == 2 && strings.Contains(prev.Href, "offset=") {
				t.Errorf("page 2: got prev %s, want the first page (no offset)", prev.Href)
			}
			next, ok := linkOf(fc.Links, "next")
			path = ""
			if ok {
				if next.Type != "application/geo+json" {
					t.Errorf("page %d: got next link type %q, want application/geo+json", pages, next.Type)
				}
				path = relPath(srv, next.Href)
			}
			if pages > 100 {
				t.Fatal("more than 100 pages: next links loop")
			}
		}
		if len(seen) != total || pages != (total+9)/10 {
			t.Errorf("got %d features in %d pages, want %d in %d", len(seen), pages, total, (total+9)/10)
		}
	})
	t.Run("an offset past the end returns no features", func(t *testing.T) {
		var fc featureCollection
		getJSON(t, srv, "/ogc/collections/control-periods/items?offset="+strconv.Itoa(total+5), &fc)
		if fc.NumberReturned != 0 || fc.NumberMatched != total {
			t.Errorf("got numberReturned %d numberMatched %d, want 0 and %d", fc.NumberReturned, fc.NumberMatched, total)
		}
		if _, ok := linkOf(fc.Links, "next"); ok {
			t.Error("got a next link past the end")
		}
	})
	t.Run("filters survive in next links", func(t *testing.T) {
		var fc featureCollection
		getJSON(t, srv, "/ogc/collections/control-periods/items?limit=2&datetime=../2000-01-01&bbox=45,38,48,41&lang=ru", &fc)
		next, ok := linkOf(fc.Links, "next")
		if !ok {
			t.Fatal("got no next link")
		}
		q, _ := url.Parse(next.Href)
		for k, v := range map[string]string{"limit": "2", "datetime": "../2000-01-01", "bbox": "45,38,48,41", "lang": "ru", "offset": "2"} {
			if got := q.Query().Get(k); got != v {
				t.Errorf("next link %s: got %q, want %q", k, got, v)
			}
		}
	})
}

func TestBBoxFilter(t *testing.T) {
	srv, svc := newServer(t)
	h := svc.View().History
	shusha, err := h.Region("shusha")
	if err != nil {
		t.Fatal(err)
	}
	lon, lat := shusha.Label[0], shusha.Label[1]
	tiny := strconv.FormatFloat(lon-0.001, 'f', -1, 64) + "," + strconv.FormatFloat(lat-0.001, 'f', -1, 64) + "," +
		strconv.FormatFloat(lon+0.001, 'f', -1, 64) + "," + strconv.FormatFloat(lat+0.001, 'f', -1, 64)
	tests := []struct {
		name, collection, bbox string
		check                  func(t *testing.T, fc featureCollection)
	}{
		{"a box far away matches nothing", "regions", "0,0,1,1", func(t *testing.T, fc featureCollection) {
			if fc.NumberMatched != 0 {
				t.Errorf("got %d, want 0", fc.NumberMatched)
			}
		}},
		{"a box around the world matches every region", "regions", "-180,-90,180,90", func(t *testing.T, fc featureCollection) {
			if fc.NumberMatched != len(h.Regions()) {
				t.Errorf("got %d, want %d", fc.NumberMatched, len(h.Regions()))
			}
		}},
		{"six numbers with heights work like four", "regions", "-180,-90,-100,180,90,100", func(t *testing.T, fc featureCollection) {
			if fc.NumberMatched != len(h.Regions()) {
				t.Errorf("got %d, want %d", fc.NumberMatched, len(h.Regions()))
			}
		}},
		{"a tiny box at Shusha's label finds Shusha's periods", "control-periods", tiny, func(t *testing.T, fc featureCollection) {
			if fc.NumberMatched != len(h.Periods("shusha")) {
				t.Errorf("got %d, want Shusha's %d", fc.NumberMatched, len(h.Periods("shusha")))
			}
			for _, f := range fc.Features {
				if f.Properties["region"] != "shusha" {
					t.Errorf("got %s of %v, want only shusha", f.ID, f.Properties["region"])
				}
			}
		}},
		{"a box over the whole world has every event, area-wide ones too", "events", "-180,-90,180,90", func(t *testing.T, fc featureCollection) {
			if fc.NumberMatched != len(h.Events()) {
				t.Errorf("got %d, want all %d events", fc.NumberMatched, len(h.Events()))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fc featureCollection
			getJSON(t, srv, "/ogc/collections/"+tt.collection+"/items?limit=1000&bbox="+tt.bbox, &fc)
			tt.check(t, fc)
		})
	}
}

func TestSingleFeature(t *testing.T) {
	srv, _ := newServer(t)
	tests := []struct {
		name, path string
		status     int
	}{
		{"a region", "/ogc/collections/regions/items/shusha", 200},
		{"a control period", "/ogc/collections/control-periods/items/shusha-1991-01-01", 200},
		{"a period in Russian", "/ogc/collections/control-periods/items/shusha-1991-01-01?lang=ru", 200},
		{"an unknown feature", "/ogc/collections/regions/items/atlantis", 404},
		{"an unknown collection", "/ogc/collections/rivers/items", 404},
		{"an unknown collection's feature", "/ogc/collections/rivers/items/x", 404},
		{"an unknown collection's description", "/ogc/collections/rivers", 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, srv, tt.path)
			if tt.status != 200 {
				wantProblem(t, res, body, tt.status)
				return
			}
			if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/geo+json" {
				t.Fatalf("got %d %q, want 200 application/geo+json", res.StatusCode, res.Header.Get("Content-Type"))
			}
			var f struct {
				Type  string
				ID    string
				Links []link
			}
			if err := json.Unmarshal(body, &f); err != nil || f.Type != "Feature" {
				t.Fatalf("got %s, want a Feature", body)
			}
			for _, rel := range []string{"self", "alternate", "collection"} {
				if _, ok := linkOf(f.Links, rel); !ok {
					t.Errorf("got no %s link", rel)
				}
			}
		})
	}
}

func TestCachingHeaders(t *testing.T) {
	srv, _ := newServer(t)
	for _, path := range []string{"/ogc", "/ogc/api", "/ogc/collections", "/ogc/collections/events/items?limit=3", "/ogc/collections/events/items?f=html"} {
		t.Run(path, func(t *testing.T) {
			res, _ := get(t, srv, path)
			etag := res.Header.Get("ETag")
			// Links hold the Host this test reached (no public URL), so
			// no shared cache may keep the answer.
			if res.StatusCode != 200 || etag == "" || res.Header.Get("Cache-Control") != httpkit.CachePrivate {
				t.Fatalf("got %d ETag %q Cache-Control %q, want 200, an ETag and %q", res.StatusCode, etag, res.Header.Get("Cache-Control"), httpkit.CachePrivate)
			}
			res2, body := get(t, srv, path, "If-None-Match", etag)
			if res2.StatusCode != http.StatusNotModified || len(body) != 0 {
				t.Errorf("revalidation: got %d with %d bytes, want 304 and no body", res2.StatusCode, len(body))
			}
			res3, _ := get(t, srv, path)
			if res3.Header.Get("ETag") != etag {
				t.Errorf("got ETag %q on a second request, want the same %q", res3.Header.Get("ETag"), etag)
			}
		})
	}
}

func TestHTMLPages(t *testing.T) {
	const evil = `<script>alert("x")</script> & 'quoted'`
	srv := newServerWith(t, func(rs []geo.Region, evs []geo.Event) {
		for i := range evs {
			if evs[i].Region == "shusha" {
				evs[i].Summary = evil
				evs[i].Sources[0].Title = evil
				break
			}
		}
	})
	pages := []string{"/ogc?f=html", "/ogc/conformance?f=html", "/ogc/collections?f=html", "/ogc/collections/events?f=html",
		"/ogc/collections/events/items?f=html&limit=1000", "/ogc/collections/regions/items/shusha?f=html",
		"/ogc/collections/control-periods/items?f=html&limit=3&offset=3"}
	for _, path := range pages {
		t.Run(path, func(t *testing.T) {
			res, body := get(t, srv, path)
			if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
				t.Fatalf("got %d %q, want 200 text/html; charset=utf-8", res.StatusCode, res.Header.Get("Content-Type"))
			}
			s := string(body)
			if !strings.HasPrefix(s, "<!doctype html>") || !strings.Contains(s, "</html>") {
				t.Errorf("got %.100q, want a whole HTML page", s)
			}
			if strings.Contains(s, "<script") {
				t.Error("got a <script> element in the page, want none: ledger text must be escaped")
			}
		})
	}
	t.Run("ledger text is escaped, not dropped", func(t *testing.T) {
		_, body := get(t, srv, "/ogc/collections/events/items?f=html&limit=1000")
		if !strings.Contains(string(body), "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;quoted&#39;") {
			t.Error("got no escaped summary in the page, want the text shown as text")
		}
	})
	t.Run("paging links in HTML stay HTML", func(t *testing.T) {
		_, body := get(t, srv, "/ogc/collections/control-periods/items?f=html&limit=3&offset=3")
		s := string(body)
		if !strings.Contains(s, "Previous page") || !strings.Contains(s, "Next page") || !strings.Contains(s, "f=html&amp;limit=3&amp;offset=6") {
			t.Error("got no HTML next/prev links, want both, keeping f=html")
		}
	})
}
