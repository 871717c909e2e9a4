package render

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
)

// luminance is the WCAG relative luminance of an sRGB colour.
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

func contrast(a, b color.RGBA) float64 {
	x, y := luminance(a), luminance(b)
	return (math.Max(x, y) + 0.05) / (math.Min(x, y) + 0.05)
}

// Greyscale print keeps only lightness: the two holders and the context
// shade must differ by at least 3:1.
func TestPaletteLightnessContrast(t *testing.T) {
	pairs := []struct {
		name string
		a, b color.RGBA
	}{
		{"Azerbaijan vs Armenian forces", colAZE, colARM},
		{"Azerbaijan vs context", colAZE, contextColour(geo.AZE)},
		{"Armenian forces vs context", colARM, contextColour(geo.AZE)},
	}
	for _, p := range pairs {
		if got := contrast(p.a, p.b); got < 3 {
			t.Errorf("%s: contrast %.2f:1, want at least 3:1", p.name, got)
		}
	}
}

func TestArmenianHeldHasPattern(t *testing.T) {
	if _, pat := styleOf(geo.State{Status: geo.StatusFirm, Controller: geo.ARM, Extent: geo.ExtentWhole}); pat != patDots {
		t.Errorf("Armenian-held district pattern %q, want %q", pat, patDots)
	}
}

func TestDateWordsMatchLongDate(t *testing.T) {
	d := geo.DayOf(2020, 11, 25)
	for _, lang := range []geo.Lang{geo.LangEN, geo.LangAR, geo.LangAZ, geo.LangRU, geo.LangHY} {
		w := DateWordsFor(lang)
		got := strings.NewReplacer("{d}", "25", "{m}", w.Months[10], "{y}", "2020").Replace(w.Day)
		if want := LongDate(d, lang); got != want {
			t.Errorf("%s: layout gives %q, LongDate %q", lang, got, want)
		}
		if strings.Contains(w.Month, "%") || !strings.Contains(w.Month, "{m}") || !strings.Contains(w.Month, "{y}") {
			t.Errorf("%s: month layout %q", lang, w.Month)
		}
	}
	if got := DateWordsFor(geo.LangAZ).Months[10]; got != "noyabr" {
		t.Errorf("az November %q", got)
	}
	if got := DateWordsFor(geo.LangHY).MonthsAlone[3]; got != "ապրիլ" {
		t.Errorf("hy April alone %q", got)
	}
}
