package render

import (
	"bytes"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/testenv"
	"github.com/mapsvc/mapsvc/placeapi"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb"
)

// drawing returns the history and the approximate areas of day d from the
// same source as /api/v1/areas (placeapi's Histories over the embedded
// gazetteer and place ledger), converted as cmd/mapsvc does.
func drawing(t *testing.T, svc *service.Service, hs *placeapi.Histories, d geo.Day) *Areas {
	t.Helper()
	pieces, lines, err := hs.Drawing(svc.View(), d)
	if err != nil {
		t.Fatal(err)
	}
	a := &Areas{}
	for _, p := range pieces {
		a.Pieces = append(a.Pieces, Area{Region: p.Region, Controller: p.Controller, Geometry: p.Geometry,
			Direction: p.Direction, Towns: p.Towns})
	}
	for _, l := range lines {
		a.Lines = append(a.Lines, Line{Region: l.Region, Geometry: l.Geometry})
	}
	return a
}

func keep(t *testing.T, name string, b []byte) {
	if dir := os.Getenv("MAPSVC_ARTIFACTS"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Log(err)
		}
	}
}

func day(t *testing.T, s string) geo.Day {
	t.Helper()
	d, err := geo.ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// stripes reports whether the SVG draws a stripe pattern over region id.
func stripes(svg, id string) bool {
	return strings.Contains(svg, fmt.Sprintf(`data-region="%s" data-pattern="stripe-`, id))
}

func TestSVGDrawsAreasOfSplitDistricts(t *testing.T) {
	svc := testenv.Service(t)
	hs := placeapi.EmbeddedHistories()
	d := day(t, "2019-06-01")
	a := drawing(t, svc, hs, d)
	b, err := SVG(svc.View().History, "v1", d, geo.LangEN, a)
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "snapshot-2019-06-01-areas-en.svg", b)
	svg := string(b)
	for _, c := range []geo.Controller{geo.ARM, geo.AZE} {
		want := fmt.Sprintf(`class="area" data-region="agdam" data-controller="%s" data-approximate="true" d="M`, c)
		i := strings.Index(svg, want)
		if i < 0 {
			t.Fatalf("no %s area path for Agdam", c)
		}
		if fill := fmt.Sprintf(`fill="%s"`, hex(controllerColour(c))); !strings.Contains(svg[i:i+strings.Index(svg[i:], "/>")], fill) {
			t.Errorf("Agdam's %s area is not filled %s", c, fill)
		}
	}
	if stripes(svg, "agdam") {
		t.Error("Agdam, split on place evidence, is still striped")
	}
	if !strings.Contains(svg, `class="approximate-line" data-region="agdam"`) || !strings.Contains(svg, `stroke-dasharray=`) {
		t.Error("no dashed approximate line in Agdam")
	}
	if !strings.Contains(svg, `id="region-agdam" class="conflict split"`) {
		t.Error("Agdam's outline is not drawn over its pieces")
	}
	if !strings.Contains(svg, `class="legend"`) || !strings.Contains(svg, ">Approximate line, from") {
		t.Error("the legend does not name the approximate line")
	}
	if !strings.Contains(svg, "(areas approximate, drawn around the places each side held)") {
		t.Error("the description does not say Agdam's areas are approximate")
	}
	// Without the areas the same day is striped, as before.
	b, err = SVG(svc.View().History, "v1", d, geo.LangEN, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !stripes(string(b), "agdam") || strings.Contains(string(b), `class="area"`) {
		t.Error("without areas Agdam is not striped")
	}
}

// The description (the SVG's <desc>) names the split of Agdam on
// 2019-06-01 in every language: the Armenian-held west with Agdam town,
// the Azerbaijani-held east, attributed as approximate.
func TestSVGDescriptionNamesTheSplit(t *testing.T) {
	svc := testenv.Service(t)
	hs := placeapi.EmbeddedHistories()
	d := day(t, "2019-06-01")
	a := drawing(t, svc, hs, d)
	var town *geo.Place
	for _, p := range a.Pieces {
		if p.Region == "agdam" && p.Controller == geo.ARM && len(p.Towns) > 0 {
			town = p.Towns[0]
		}
	}
	if town == nil || town.ID != "agdam" {
		t.Fatalf("Agdam town is not the first town of the Armenian-held piece: %v", town)
	}
	for _, lang := range []geo.Lang{geo.LangEN, geo.LangAR, geo.LangAZ, geo.LangRU, geo.LangHY} {
		t.Run(string(lang), func(t *testing.T) {
			r, err := svc.View().History.Region("agdam")
			if err != nil {
				t.Fatal(err)
			}
			w := wordsFor(lang)
			b, err := SVG(svc.View().History, "v1", d, lang, a)
			if err != nil {
				t.Fatal(err)
			}
			svg := string(b)
			j, k := strings.Index(svg, "<desc"), strings.Index(svg, "</desc>")
			if j < 0 || k < j {
				t.Fatal("no <desc> in the SVG")
			}
			desc := html.UnescapeString(svg[strings.Index(svg[j:], ">")+j+1 : k])
			i := strings.Index(desc, r.Name(lang)+": ")
			if i < 0 {
				t.Fatalf("no Agdam in %q", desc)
			}
			seg := desc[i:]
			end := strings.Index(seg, w.AreasWord)
			if end < 0 {
				t.Fatalf("%q is not attributed as approximate", seg)
			}
			seg = seg[:end]
			arm := fmt.Sprintf(w.SplitPartTowns, geo.ARM.Name(lang), w.Dirs["west"], town.Name(lang))
			if !strings.Contains(seg, arm) {
				t.Errorf("%q lacks %q", seg, arm)
			}
			aze := fmt.Sprintf(w.SplitPart, geo.AZE.Name(lang), w.Dirs["east"])
			if !strings.Contains(seg, aze) {
				// With towns the AZE part reads SplitPartTowns: check its
				// beginning up to the towns.
				pre := fmt.Sprintf(w.SplitPartTowns, geo.AZE.Name(lang), w.Dirs["east"], "\x00")
				pre = pre[:strings.Index(pre, "\x00")]
				if !strings.Contains(seg, pre) {
					t.Errorf("%q lacks the Azerbaijani-held east (%q)", seg, pre)
				}
			}
		})
	}
}

// Every language has the legend's words for the approximate line.
func TestApproxLineWords(t *testing.T) {
	for _, l := range geo.Langs {
		w := wordsFor(l)
		if l != geo.LangEN && (w.ApproxLine == dictionary[geo.LangEN].ApproxLine || w.AreasWord == dictionary[geo.LangEN].AreasWord) {
			t.Errorf("%s: approximate-line words not translated", l)
		}
		if w.ApproxLine == "" || w.AreasWord == "" {
			t.Errorf("%s: approximate-line words missing", l)
		}
	}
}

// A district split with no place evidence of both sides keeps its
// stripes: found on the real data, and on a synthetic drawing where the
// only piece of a split district has one holder.
func TestStripesRemainWithoutPlaceEvidence(t *testing.T) {
	svc := testenv.Service(t)
	hs := placeapi.EmbeddedHistories()
	h := svc.View().History
	ph, err := hs.For(svc.View())
	if err != nil {
		t.Fatal(err)
	}
	found := ""
	for _, d := range ph.ChangeDays() {
		a := drawing(t, svc, hs, d)
		split := a.split()
		for _, r := range h.Regions() {
			st := h.StateAt(r, d)
			if r.Role != geo.RoleConflict || st.Extent != geo.ExtentPartial || st.Status != geo.StatusFirm {
				continue
			}
			if _, ok := split[r.ID]; ok {
				continue
			}
			b, err := SVG(h, "v1", d, geo.LangEN, a)
			if err != nil {
				t.Fatal(err)
			}
			if !stripes(string(b), r.ID) {
				t.Errorf("%s on %s: split without place evidence of both sides, not striped", r.ID, d)
			}
			if strings.Contains(string(b), fmt.Sprintf(`class="area" data-region="%s"`, r.ID)) {
				t.Errorf("%s on %s: drawn in areas without evidence", r.ID, d)
			}
			found = fmt.Sprintf("%s on %s", r.ID, d)
			break
		}
		if found != "" {
			break
		}
	}
	if found == "" {
		t.Error("no day with a split district lacking place evidence of both sides")
	}
	t.Logf("striped without evidence: %s", found)

	// Synthetic: Agdam on 2019-06-01 with one piece of one holder only.
	d := day(t, "2019-06-01")
	r, err := h.Region("agdam")
	if err != nil {
		t.Fatal(err)
	}
	one := &Areas{Pieces: []Area{{Region: "agdam", Controller: geo.ARM, Geometry: r.Geometry}}}
	b, err := SVG(h, "v1", d, geo.LangEN, one)
	if err != nil {
		t.Fatal(err)
	}
	if !stripes(string(b), "agdam") || strings.Contains(string(b), `class="area"`) {
		t.Error("a one-holder drawing replaced Agdam's stripes")
	}
}

// The PNG shows both holders' colours inside Agdam on 2019-06-01: the
// Armenian-held colour around Agdam town, the Azerbaijani one around
// Guzanli in the east.
func TestPNGDrawsAreas(t *testing.T) {
	svc := testenv.Service(t)
	hs := placeapi.EmbeddedHistories()
	d := day(t, "2019-06-01")
	a := drawing(t, svc, hs, d)
	h := svc.View().History
	b, err := PNG(h, "v1", d, geo.LangEN, a)
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "snapshot-2019-06-01-areas-en.png", b)
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("with areas", func(t *testing.T) { checkSides(t, img, h, d, a, true) })
	b, err = PNG(h, "v1", d, geo.LangEN, nil)
	if err != nil {
		t.Fatal(err)
	}
	img, err = png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	// Without areas the stripes leave Azerbaijan's colour out of the east
	// of Agdam's base fill, the check's control.
	t.Run("stripes, control", func(t *testing.T) { checkSides(t, img, h, d, nil, false) })
}

func checkSides(t *testing.T, img image.Image, h *geo.History, d geo.Day, a *Areas, want bool) {
	t.Helper()
	s := buildScene(h, "v1", d, geo.LangEN, a, func(string, float64, bool) float64 { return 0 })
	// Agdam town and Guzanli (positions from data/places).
	for _, c := range []struct {
		name string
		at   orb.Point
		col  color.RGBA
	}{
		{"Agdam town", orb.Point{46.92736, 39.99096}, colARM},
		{"Guzanli", orb.Point{47.16083, 40.15861}, colAZE},
	} {
		p := s.proj(c.at)
		n, total := 0, 0
		for y := int(p.Y) - 4; y <= int(p.Y)+4; y++ {
			for x := int(p.X) - 4; x <= int(p.X)+4; x++ {
				total++
				if color.RGBAModel.Convert(img.At(x, y)).(color.RGBA) == c.col {
					n++
				}
			}
		}
		// Dots (white, on the Armenian-held colour) and labels cover part
		// of the box; most of it is the holder's colour.
		if got := n*2 > total; got != want && (want || c.col == colAZE) {
			t.Errorf("%s at (%.0f, %.0f): %d of %d pixels %s", c.name, p.X, p.Y, n, total, hex(c.col))
		}
	}
}

func TestDashes(t *testing.T) {
	// 20 px along x then 10 down: dashes of 6.6 with gaps of 4.4 carry on
	// round the corner.
	ds := dashes([][]pt{{{0, 0}, {20, 0}, {20, 10}}}, 6.6, 4.4)
	var on float64
	for _, d := range ds {
		on += math.Hypot(d[1].X-d[0].X, d[1].Y-d[0].Y)
	}
	// 0-6.6, 11-17.6, then 22-28.6 along the path (2..8.6 down the side).
	if math.Abs(on-19.8) > 1e-9 || len(ds) != 3 {
		t.Errorf("got %d dashes, %.3f px drawn: %v", len(ds), on, ds)
	}
	// A long line with many segments ends (no stall on rounding).
	long := []pt{{0, 0}}
	for i := 1; i <= 100000; i++ {
		long = append(long, pt{float64(i) * 0.11, 0})
	}
	if n := len(dashes([][]pt{long}, dashOn, dashOff)); n < 900 || n > 1100+100000 {
		t.Errorf("%d dashes on an 11000 px line", n)
	}
}
