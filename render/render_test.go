package render_test

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/handlers"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/render"
)

func history(t *testing.T) *geo.History {
	t.Helper()
	h := ledgertest.History(t)
	return h
}

// wellFormed decodes the whole document and returns its character data.
func wellFormed(t *testing.T, b []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var text strings.Builder
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = v.Name.Space + " " + v.Name.Local
			}
		case xml.CharData:
			text.Write(v)
			text.WriteByte('\n')
		}
	}
	if root != "http://www.w3.org/2000/svg svg" {
		t.Fatalf("root element %q, want svg in the SVG namespace", root)
	}
	return text.String()
}

// artifact keeps a rendering for people to look at when
// MAPSVC_ARTIFACTS names a folder.
func artifact(t *testing.T, name string, b []byte) {
	if dir := os.Getenv("MAPSVC_ARTIFACTS"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Log(err)
		}
	}
}

func TestSVG(t *testing.T) {
	h := history(t)
	d := geo.DayOf(2020, 11, 25)
	b, err := render.SVG(h, "v1", d, geo.LangEN, nil)
	if err != nil {
		t.Fatal(err)
	}
	artifact(t, "snapshot-2020-11-25-en.svg", b)
	text := wellFormed(t, b)
	for _, want := range []string{"2020-11-25", "25 November 2020", "Kalbajar", "Azerbaijan", "Armenian forces", "Natural Earth"} {
		if !strings.Contains(text, want) {
			t.Errorf("SVG text lacks %q", want)
		}
	}
	// Kalbajar is partly held that day: base colour and a stripe pattern.
	if !strings.Contains(string(b), `id="region-kalbajar"`) || !strings.Contains(string(b), `fill="url(#stripe-ARM)"`) {
		t.Error("partial control is not hatched")
	}
	// Early April 1993: Kalbajar's change is not exactly dated.
	b, _ = render.SVG(h, "v1", geo.DayOf(1993, 4, 2), geo.LangEN, nil)
	if !strings.Contains(string(b), `fill="url(#hatch)"`) {
		t.Error("uncertain control is not cross-hatched")
	}
	for _, word := range []string{"liberat", "occup", "terror"} {
		if strings.Contains(strings.ToLower(string(b)), word) {
			t.Errorf("the static map's own words include %q", word)
		}
	}
}

func TestSVGArabic(t *testing.T) {
	b, err := render.SVG(history(t), "v1", geo.DayOf(2020, 11, 25), geo.LangAR, nil)
	if err != nil {
		t.Fatal(err)
	}
	artifact(t, "snapshot-2020-11-25-ar.svg", b)
	text := wellFormed(t, b)
	if !strings.Contains(string(b), `direction="rtl"`) || !strings.Contains(string(b), `xml:lang="ar"`) {
		t.Error("Arabic SVG is not right to left")
	}
	kalbajar, err := history(t).Region("kalbajar")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{kalbajar.Name(geo.LangAR), "نوفمبر", "2020-11-25"} {
		if !strings.Contains(text, want) {
			t.Errorf("Arabic SVG lacks %q", want)
		}
	}
}

func TestPNG(t *testing.T) {
	h := history(t)
	for _, lang := range []geo.Lang{geo.LangEN, geo.LangAR} {
		b, err := render.PNG(h, "v1", geo.DayOf(2020, 11, 25), lang, nil)
		if err != nil {
			t.Fatal(err)
		}
		artifact(t, "snapshot-2020-11-25-"+string(lang)+".png", b)
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: not a PNG: %v", lang, err)
		}
		if img.Bounds().Dx() != render.Width || img.Bounds().Dy() != render.Height {
			t.Errorf("%s: size %v", lang, img.Bounds())
		}
		// The map is drawn: both controllers' colours appear.
		var aze, arm bool
		for y := 0; y < render.Height; y += 2 {
			for x := 0; x < render.Width; x += 2 {
				r, g, b, _ := img.At(x, y).RGBA()
				aze = aze || (r>>8 == 0x0A && g>>8 == 0x2F && b>>8 == 0x5C)
				arm = arm || (r>>8 == 0xCF && g>>8 == 0x5F && b>>8 == 0x00)
			}
		}
		if !aze || !arm {
			t.Errorf("%s: controller colours drawn: AZE %v ARM %v", lang, aze, arm)
		}
	}
}

func newRouter(t *testing.T) *handlers.Router {
	t.Helper()
	svc := testenv.Service(t)
	today := func() geo.Day { return geo.DayOf(2024, 1, 1) }
	return handlers.New(svc, handlers.Options{Today: today, Mounts: []func(*echo.Echo){render.Mount(svc, render.Options{Today: today})}})
}

func get(e http.Handler, target string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}

func TestSnapshotRoutes(t *testing.T) {
	e := newRouter(t)
	for _, c := range []struct{ path, ctype string }{
		{"/api/v1/snapshot.svg?date=2020-11-25&lang=ar", render.TypeSVG},
		{"/api/v1/snapshot.png?date=2020-11-25", render.TypePNG},
	} {
		rec := get(e, c.path)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", c.path, rec.Code, rec.Body)
		}
		if got := rec.Header().Get("Content-Type"); got != c.ctype {
			t.Errorf("%s: content type %q", c.path, got)
		}
		etag, cc := rec.Header().Get("ETag"), rec.Header().Get("Cache-Control")
		if etag == "" || !strings.Contains(cc, "max-age=") {
			t.Errorf("%s: ETag %q Cache-Control %q", c.path, etag, cc)
		}
		if nm := get(e, c.path, "If-None-Match", etag); nm.Code != http.StatusNotModified || nm.Body.Len() != 0 {
			t.Errorf("%s: If-None-Match: status %d", c.path, nm.Code)
		}
		if c.ctype == render.TypePNG {
			if _, err := png.Decode(rec.Body); err != nil {
				t.Errorf("PNG does not decode: %v", err)
			}
		} else {
			if !strings.Contains(wellFormed(t, rec.Body.Bytes()), "2020-11-25") {
				t.Error("SVG does not name the date")
			}
		}
	}
	// gzip for SVG, with its own validator.
	gz := get(e, "/api/v1/snapshot.svg?date=2020-11-25", "Accept-Encoding", "gzip")
	if gz.Header().Get("Content-Encoding") != "gzip" || !strings.HasSuffix(gz.Header().Get("ETag"), `-gz"`) {
		t.Errorf("gzip: %q %q", gz.Header().Get("Content-Encoding"), gz.Header().Get("ETag"))
	}
	// Another date is another ETag; no date is today (pinned).
	a := get(e, "/api/v1/snapshot.svg?date=2020-11-24").Header().Get("ETag")
	b := get(e, "/api/v1/snapshot.svg?date=2020-11-25").Header().Get("ETag")
	if a == b {
		t.Error("two dates share an ETag")
	}
	if !strings.Contains(get(e, "/api/v1/snapshot.svg").Body.String(), "2024-01-01") {
		t.Error("without a date the SVG should show today")
	}
	for _, bad := range []string{"date=2020-02-30", "date=yesterday", "lang=fr", "colour=red", "date=2020-01-01&date=2020-01-02"} {
		for _, ext := range []string{"svg", "png"} {
			rec := get(e, "/api/v1/snapshot."+ext+"?"+bad)
			if rec.Code != http.StatusBadRequest || rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Errorf("%s %s: status %d %q, want 400 problem JSON", ext, bad, rec.Code, rec.Header().Get("Content-Type"))
			}
		}
	}
}

// A client past its render rate gets 429 for new dates, while dates
// already rendered keep coming from the cache.
func TestRenderRateLimitServesCachedFirst(t *testing.T) {
	svc := testenv.Service(t)
	today := func() geo.Day { return geo.DayOf(2024, 1, 1) }
	e := handlers.New(svc, handlers.Options{Today: today, Mounts: []func(*echo.Echo){
		render.Mount(svc, render.Options{Today: today, RenderRate: 0.001, RenderBurst: 2})}})
	if rec := get(e, "/api/v1/snapshot.png?date=2020-01-01"); rec.Code != http.StatusOK {
		t.Fatalf("first render: %d", rec.Code)
	}
	if rec := get(e, "/api/v1/snapshot.png?date=2020-01-02"); rec.Code != http.StatusOK {
		t.Fatalf("second render: %d", rec.Code)
	}
	rec := get(e, "/api/v1/snapshot.png?date=2020-01-03")
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Errorf("third new date: got %d Retry-After %q, want 429 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	for _, d := range []string{"2020-01-01", "2020-01-02"} {
		if rec := get(e, "/api/v1/snapshot.png?date="+d); rec.Code != http.StatusOK {
			t.Errorf("cached %s past the rate: got %d, want 200", d, rec.Code)
		}
	}
	other := httptest.NewRequest(http.MethodGet, "/api/v1/snapshot.png?date=2020-01-03", nil)
	other.RemoteAddr = "192.0.2.9:1234"
	orec := httptest.NewRecorder()
	e.ServeHTTP(orec, other)
	if orec.Code != http.StatusOK {
		t.Errorf("another client: got %d, want 200", orec.Code)
	}
}
