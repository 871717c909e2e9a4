package render

import (
	"bytes"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// DejaVu Sans covers Latin, Cyrillic, Armenian and Arabic (with the
// OpenType tables HarfBuzz needs for joining forms), so one face serves
// every language the service speaks. Its licence (Bitstream Vera with
// DejaVu changes in the public domain) allows embedding it in programs.
var (
	faceOnce sync.Once
	faceData *font.Font
	faceErr  error
)

func loadFont() (*font.Font, error) {
	faceOnce.Do(func() {
		var f *font.Face
		f, faceErr = font.ParseTTF(bytes.NewReader(dejavusans.TTF))
		if faceErr == nil {
			faceData = f.Font
		}
	})
	return faceData, faceErr
}

// shaper shapes and measures text with DejaVu Sans. A Face carries
// caches, so each shaper has its own; shapers are not safe for
// concurrent use.
type shaper struct {
	face *font.Face
	hb   shaping.HarfbuzzShaper
	seg  shaping.Segmenter
}

func newShaper() (*shaper, error) {
	f, err := loadFont()
	if err != nil {
		return nil, err
	}
	return &shaper{face: font.NewFace(f)}, nil
}

type oneFace struct{ f *font.Face }

func (o oneFace) ResolveFace(rune) *font.Face { return o.f }

// shapedRun is one direction-and-script run, shaped, in visual order.
type shapedRun struct {
	out shaping.Output
	rtl bool
}

// shape splits s into bidi and script runs, shapes each and returns them
// left to right as they are to be drawn on a line whose base direction
// is rtl or not.
func (t *shaper) shape(s string, size float64, rtl bool) []shapedRun {
	text := []rune(s)
	if len(text) == 0 {
		return nil
	}
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	in := shaping.Input{Text: text, RunStart: 0, RunEnd: len(text), Direction: dir, Face: t.face,
		Size: fixed.Int26_6(size * 64), Language: language.NewLanguage("en")}
	if rtl {
		in.Language = language.NewLanguage("ar")
	}
	var runs []shapedRun
	for _, r := range t.seg.Split(in, oneFace{t.face}) {
		runs = append(runs, shapedRun{out: t.hb.Shape(r), rtl: r.Direction.Progression() == di.TowardTopLeft})
	}
	return visualOrder(runs, rtl)
}

// visualOrder reorders runs for display. Lines here hold at most two
// embedding levels (the base direction and runs of the other one), so
// the Unicode reordering rule L2 reduces to: in a right-to-left line
// reverse all runs, then put each stretch of left-to-right runs back in
// its own order; in a left-to-right line reverse each stretch of
// right-to-left runs.
func visualOrder(runs []shapedRun, rtl bool) []shapedRun {
	out := append([]shapedRun(nil), runs...)
	reverse := func(a []shapedRun) {
		for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
			a[i], a[j] = a[j], a[i]
		}
	}
	if rtl {
		reverse(out)
	}
	for i := 0; i < len(out); {
		if out[i].rtl != rtl {
			j := i
			for j < len(out) && out[j].rtl != rtl {
				j++
			}
			reverse(out[i:j])
			i = j
			continue
		}
		i++
	}
	return out
}

// measure returns the advance width of s in pixels.
func (t *shaper) measure(s string, size float64, rtl bool) float64 {
	var w fixed.Int26_6
	for _, r := range t.shape(s, size, rtl) {
		w += r.out.Advance
	}
	return float64(w) / 64
}
