// Package render draws the static fallback of the map: the control of
// every region on one date as SVG or PNG, with title, date, legend and
// attribution. Both formats draw the same scene, laid out once here; the
// PNG is rasterised in pure Go with shaped text (Arabic included).
package render

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Canvas size in pixels (SVG user units).
const (
	Width  = 1000
	Height = 760
)

// Palette: a dark blue and a mid orange, told apart with every common form
// of colour blindness and also by lightness alone (at least 3:1 between
// the two holders and against the light context shade, so greyscale print
// keeps them apart; the map page's light theme uses the same values).
// Armenian-held districts carry a dot pattern and partial and uncertain
// states stripes or hatching, so no state rests on colour alone.
var (
	colAZE       = rgb(0x0A, 0x2F, 0x5C)
	colARM       = rgb(0xCF, 0x5F, 0x00)
	colContext   = rgb(0xE1, 0xEC, 0xF4)
	colDots      = rgb(0xFF, 0xFF, 0xFF)
	colUncertain = rgb(0xD4, 0xD4, 0xD4)
	colHatch     = rgb(0x4A, 0x4A, 0x4A)
	colUnknown   = rgb(0xEE, 0xEE, 0xEE)
	colNeighbour = rgb(0xE4, 0xE1, 0xD9)
	colFrameBG   = rgb(0xF6, 0xF4, 0xEF)
	colPage      = rgb(0xFF, 0xFF, 0xFF)
	colInk       = rgb(0x1A, 0x1A, 0x1A)
	colMuted     = rgb(0x55, 0x55, 0x55)
	colEdge      = rgb(0x22, 0x22, 0x22)
	colContextLn = rgb(0xFF, 0xFF, 0xFF)
	colNeighLn   = rgb(0x8A, 0x8A, 0x8A)
)

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xFF} }

// tint mixes c towards white by f (0..1).
func tint(c color.RGBA, f float64) color.RGBA {
	mix := func(v uint8) uint8 { return uint8(math.Round(float64(v) + (255-float64(v))*f)) }
	return rgb(mix(c.R), mix(c.G), mix(c.B))
}

// contextColour shades the regions outside the tracked districts: light,
// so the tracked districts stand out; a region the ledger shows held by
// Armenian forces keeps a tint of their colour.
func contextColour(c geo.Controller) color.RGBA {
	if c == geo.ARM {
		return tint(colARM, 0.55)
	}
	return colContext
}

func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func controllerColour(c geo.Controller) color.RGBA {
	switch c {
	case geo.AZE:
		return colAZE
	case geo.ARM:
		return colARM
	}
	return colUnknown
}

// Patterns drawn over a base fill.
const (
	patNone      = ""
	patStripeAZE = "stripe-AZE" // partial: Azerbaijan holds the smaller part
	patStripeARM = "stripe-ARM" // partial: Armenian forces hold the smaller part
	patHatch     = "hatch"      // uncertain
	patDots      = "dots-ARM"   // held by Armenian forces: a cue beside colour
)

type pt struct{ X, Y float64 }

type rect struct{ X, Y, W, H float64 }

func (r rect) contains(p pt) bool {
	return p.X >= r.X && p.X <= r.X+r.W && p.Y >= r.Y && p.Y <= r.Y+r.H
}

type anchor int

const (
	anchorStart  anchor = iota // start of line: left in LTR, right in RTL
	anchorMiddle               // centred on X
)

type shape struct {
	ID      string
	Role    geo.Role
	Base    color.RGBA
	Pattern string
	Stroke  color.RGBA
	StrokeW float64 // 0: no outline
	Rings   [][]pt  // projected and clipped to the frame
	// Piece marks one holder's approximate area inside a split district
	// (Controller is its holder); Outline a district drawn in pieces,
	// whose own shape is only its outline, with no fill.
	Piece      bool
	Controller geo.Controller
	Outline    bool
}

// polyline is an approximate line between the pieces of a district.
type polyline struct {
	Region string
	Points [][]pt
}

type textItem struct {
	X, Y   float64 // baseline; X is the start edge (right edge in RTL) or centre
	Text   string
	Size   float64
	Anchor anchor
	Colour color.RGBA
	Halo   bool
	Class  string
}

type swatch struct {
	Box     rect
	Base    color.RGBA
	Pattern string
	Stroke  color.RGBA
	// Line draws the approximate line across the box instead of a fill.
	Line bool
}

// scene is everything both formats draw, already in pixels.
type scene struct {
	Lang     geo.Lang
	RTL      bool
	Date     geo.Day
	Frame    rect
	Shapes   []shape
	Lines    []polyline // drawn over the shapes, under the texts
	Texts    []textItem
	Swatches []swatch
	Title    string // plain-text title, for <title> and metadata
	Desc     string // plain-text description, for <desc>
	// proj places a longitude and latitude on the canvas.
	proj func(orb.Point) pt
}

// counts are how many tracked districts fall in each legend class;
// Partial counts the striped ones, Areas those drawn in pieces.
type counts struct{ AZE, ARM, Partial, Areas, Uncertain, Unknown int }

// measurer returns the advance width of s at size px.
type measurer func(s string, size float64, rtl bool) float64

// buildScene lays out the map of every region at the end of day d, with
// the approximate areas of the districts that a has in pieces of two
// holders (a may be nil).
func buildScene(h *geo.History, version string, d geo.Day, lang geo.Lang, a *Areas, measure measurer) *scene {
	w := wordsFor(lang)
	s := &scene{Lang: lang, RTL: RTL(lang), Date: d}
	legend := rect{X: 735, Y: 100, W: 245, H: 590}
	s.Frame = rect{X: 20, Y: 92, W: 700, H: 608}
	if s.RTL {
		legend.X, s.Frame.X = 20, 280
	}
	// startX is where lines begin inside a column: its left edge, or its
	// right edge in right-to-left layout.
	startX := func(r rect) float64 {
		if s.RTL {
			return r.X + r.W
		}
		return r.X
	}
	page := rect{X: 20, W: Width - 40}

	// Project the tracked districts' extent, padded, into the frame.
	var conflict []*geo.Region
	for _, r := range h.Regions() {
		if r.Role == geo.RoleConflict {
			conflict = append(conflict, r)
		}
	}
	proj := fitProjection(conflict, s.Frame)
	s.proj = proj

	pieces := a.split()
	var c counts
	var descParts []string
	layers := map[geo.Role]int{geo.RoleNeighbour: 0, geo.RoleContext: 1, geo.RoleConflict: 2}
	for pass := 0; pass < 3; pass++ {
		for _, r := range h.Regions() {
			if layers[r.Role] != pass {
				continue
			}
			sh := shape{ID: r.ID, Role: r.Role}
			switch r.Role {
			case geo.RoleNeighbour:
				sh.Base, sh.Stroke, sh.StrokeW = colNeighbour, colNeighLn, 0.8
			case geo.RoleContext:
				st := h.StateAt(r, d)
				sh.Base, sh.Stroke, sh.StrokeW = contextColour(st.Controller), colContextLn, 0.6
			case geo.RoleConflict:
				st := h.StateAt(r, d)
				sh.Base, sh.Pattern = styleOf(st)
				sh.Stroke, sh.StrokeW = colEdge, 0.9
				ps := pieces[r.ID]
				if st.Extent != geo.ExtentPartial || st.Status != geo.StatusFirm {
					ps = nil // pieces only where the ledger has the district firmly split
				}
				c.add(st, len(ps) > 0)
				descParts = append(descParts, describe(r, st, lang, w, ps))
				if len(ps) > 0 {
					for _, p := range ps {
						piece := shape{ID: r.ID, Role: r.Role, Piece: true, Controller: p.Controller, Base: controllerColour(p.Controller)}
						if p.Controller == geo.ARM {
							piece.Pattern = patDots
						}
						piece.Rings = projectGeometry(p.Geometry, proj, s.Frame)
						if len(piece.Rings) > 0 {
							s.Shapes = append(s.Shapes, piece)
						}
					}
					sh.Outline, sh.Pattern = true, patNone
				}
			}
			sh.Rings = projectGeometry(r.Geometry, proj, s.Frame)
			if len(sh.Rings) > 0 {
				s.Shapes = append(s.Shapes, sh)
			}
		}
	}
	if a != nil {
		for _, l := range a.Lines {
			if _, ok := pieces[l.Region]; ok {
				if pts := projectLine(l.Geometry, proj); len(pts) > 0 {
					s.Lines = append(s.Lines, polyline{Region: l.Region, Points: pts})
				}
			}
		}
	}
	for _, r := range conflict {
		p := proj(r.Label)
		if s.Frame.contains(p) {
			s.Texts = append(s.Texts, textItem{X: p.X, Y: p.Y + 4, Text: r.Name(lang), Size: 12, Anchor: anchorMiddle, Colour: colInk, Halo: true, Class: "label"})
		}
	}

	// Title and subtitle; the title shrinks rather than overflow.
	s.Title = w.Title
	size := 22.0
	for size > 14 && measure(w.Title, size, s.RTL) > page.W {
		size--
	}
	s.Texts = append(s.Texts,
		textItem{X: startX(page), Y: 42, Text: w.Title, Size: size, Colour: colInk, Class: "title"},
		textItem{X: startX(page), Y: 72, Text: Subtitle(d, lang), Size: 16, Colour: colMuted, Class: "subtitle"},
	)

	// Legend, with this date's count of tracked districts per class.
	y := legend.Y
	item := func(sw swatch, text string) {
		sw.Box = rect{X: legend.X, Y: y, W: 30, H: 20}
		textLeft := legend.X + 40
		textW := legend.W - 40
		if s.RTL {
			sw.Box.X = legend.X + legend.W - 30
			textLeft = legend.X
		}
		if sw.Line {
			sw.Box = rect{X: sw.Box.X, Y: y + 10, W: 30, H: 0}
		}
		if sw.Stroke == (color.RGBA{}) {
			sw.Stroke = colEdge
		}
		s.Swatches = append(s.Swatches, sw)
		lines := wrap(text, 13, textW, s.RTL, measure)
		for i, ln := range lines {
			x := textLeft
			if s.RTL {
				x = textLeft + textW
			}
			s.Texts = append(s.Texts, textItem{X: x, Y: y + 14 + float64(i)*17, Text: ln, Size: 13, Colour: colInk, Class: "legend"})
		}
		y += math.Max(32, float64(len(lines))*17+14)
	}
	n := func(k int) string { return fmt.Sprintf(" (%d)", k) }
	item(swatch{Base: colAZE}, geo.AZE.Name(lang)+n(c.AZE))
	item(swatch{Base: colARM, Pattern: patDots}, geo.ARM.Name(lang)+n(c.ARM))
	item(swatch{Base: colAZE, Pattern: patStripeARM}, w.Partial+n(c.Partial))
	if c.Areas > 0 {
		item(swatch{Line: true}, w.ApproxLine+n(c.Areas))
	}
	item(swatch{Base: colUncertain, Pattern: patHatch}, w.Uncertain+n(c.Uncertain))
	item(swatch{Base: colUnknown}, w.Unknown+n(c.Unknown))
	item(swatch{Base: colContext, Stroke: colNeighLn}, w.Context)
	item(swatch{Base: colNeighbour, Stroke: colNeighLn}, w.Neighbour)

	// Attribution and the exact date with the data version.
	for i, ln := range wrap(w.Attribution, 11, page.W, s.RTL, measure) {
		if i > 1 {
			break
		}
		s.Texts = append(s.Texts, textItem{X: startX(page), Y: 722 + float64(i)*14, Text: ln, Size: 11, Colour: colMuted, Class: "attribution"})
	}
	s.Texts = append(s.Texts, textItem{X: startX(page), Y: 752, Text: fmt.Sprintf("mapsvc · %s · data %s", d, version), Size: 11, Colour: colMuted, Class: "attribution"})

	s.Desc = fmt.Sprintf("%s. %s (%s). %s.", w.Title, Subtitle(d, lang), d, strings.Join(descParts, "; "))
	return s
}

func (c *counts) add(st geo.State, pieces bool) {
	switch {
	case st.Status == geo.StatusUnknown:
		c.Unknown++
		return
	case st.Status == geo.StatusUncertain:
		c.Uncertain++
		return
	}
	switch {
	case st.Extent == geo.ExtentPartial && pieces:
		c.Areas++
	case st.Extent == geo.ExtentPartial:
		c.Partial++
	}
	switch st.Controller {
	case geo.AZE:
		c.AZE++
	case geo.ARM:
		c.ARM++
	}
}

// styleOf maps a tracked district's state to its fill and pattern.
func styleOf(st geo.State) (color.RGBA, string) {
	switch st.Status {
	case geo.StatusUnknown:
		return colUnknown, patNone
	case geo.StatusUncertain:
		return colUncertain, patHatch
	}
	base := controllerColour(st.Controller)
	if st.Extent != geo.ExtentPartial {
		if st.Controller == geo.ARM {
			return base, patDots
		}
		return base, patNone
	}
	if st.Controller == geo.AZE {
		return base, patStripeARM
	}
	return base, patStripeAZE
}

// describe says who held district r on the day. A district drawn in
// pieces names, for each holder, the part it held and the towns in it
// ("Agdam: Armenian forces held the west, including Agdam; Azerbaijan held
// the east, including Guzanli (areas approximate, …)"), the largest piece
// first.
func describe(r *geo.Region, st geo.State, lang geo.Lang, w words, pieces []Area) string {
	name := r.Name(lang)
	switch st.Status {
	case geo.StatusUnknown:
		return name + ": " + w.Unknown
	case geo.StatusUncertain:
		var cs []string
		for _, c := range st.Candidates {
			cs = append(cs, c.Name(lang))
		}
		return name + ": " + w.UncertWord + " (" + strings.Join(cs, " / ") + ")"
	}
	out := name + ": " + st.Controller.Name(lang)
	switch {
	case st.ExtentStatus == geo.StatusUncertain:
		out += " (" + w.ExtentUncertWord + ")"
	case st.Extent == geo.ExtentPartial && len(pieces) > 0:
		return name + ": " + describePieces(pieces, lang, w) + " (" + w.AreasWord + ")"
	case st.Extent == geo.ExtentPartial:
		out += " (" + w.PartialWord + ")"
	}
	return out
}

func describePieces(pieces []Area, lang geo.Lang, w words) string {
	ps := append([]Area(nil), pieces...)
	sort.SliceStable(ps, func(i, j int) bool { return planar.Area(ps[i].Geometry) > planar.Area(ps[j].Geometry) })
	var parts []string
	for _, p := range ps {
		dir := w.Dirs[p.Direction]
		if dir == "" {
			dir = dictionary[geo.LangEN].Dirs[p.Direction]
		}
		if len(p.Towns) == 0 {
			parts = append(parts, fmt.Sprintf(w.SplitPart, p.Controller.Name(lang), dir))
			continue
		}
		var towns []string
		for _, t := range p.Towns {
			towns = append(towns, t.Name(lang))
		}
		parts = append(parts, fmt.Sprintf(w.SplitPartTowns, p.Controller.Name(lang), dir, strings.Join(towns, w.ListSep)))
	}
	return strings.Join(parts, w.SplitSep)
}

// fitProjection returns an equirectangular projection, scaled by the
// cosine of the middle latitude, that fits the regions' padded extent
// into frame.
func fitProjection(rs []*geo.Region, frame rect) func(orb.Point) pt {
	b := orb.Bound{Min: orb.Point{45.5, 38.8}, Max: orb.Point{47.9, 40.6}}
	for i, r := range rs {
		if i == 0 {
			b = r.Geometry.Bound()
		} else {
			b = b.Union(r.Geometry.Bound())
		}
	}
	padX, padY := (b.Max[0]-b.Min[0])*0.08, (b.Max[1]-b.Min[1])*0.08
	b.Min[0], b.Max[0], b.Min[1], b.Max[1] = b.Min[0]-padX, b.Max[0]+padX, b.Min[1]-padY, b.Max[1]+padY
	k := math.Cos((b.Min[1] + b.Max[1]) / 2 * math.Pi / 180)
	dx, dy := (b.Max[0]-b.Min[0])*k, b.Max[1]-b.Min[1]
	scale := math.Min(frame.W/dx, frame.H/dy)
	ox := frame.X + (frame.W-dx*scale)/2
	oy := frame.Y + (frame.H-dy*scale)/2
	return func(p orb.Point) pt {
		return pt{ox + (p[0]-b.Min[0])*k*scale, oy + (b.Max[1]-p[1])*scale}
	}
}

func projectGeometry(g orb.Geometry, proj func(orb.Point) pt, frame rect) [][]pt {
	var polys []orb.Polygon
	switch g := g.(type) {
	case orb.Polygon:
		polys = []orb.Polygon{g}
	case orb.MultiPolygon:
		polys = g
	}
	var out [][]pt
	for _, p := range polys {
		for _, ring := range p {
			ps := make([]pt, 0, len(ring))
			for _, q := range ring {
				ps = append(ps, proj(q))
			}
			if c := clipRing(ps, frame); len(c) >= 3 {
				out = append(out, c)
			}
		}
	}
	return out
}

// clipRing clips a closed ring to r (Sutherland–Hodgman). Each ring is
// clipped on its own, which keeps holes holes under the non-zero rule.
func clipRing(ring []pt, r rect) []pt {
	if len(ring) > 1 && ring[0] == ring[len(ring)-1] {
		ring = ring[:len(ring)-1]
	}
	type edge struct {
		inside func(pt) bool
		cut    func(a, b pt) pt
	}
	lerpX := func(a, b pt, x float64) pt { return pt{x, a.Y + (b.Y-a.Y)*(x-a.X)/(b.X-a.X)} }
	lerpY := func(a, b pt, y float64) pt { return pt{a.X + (b.X-a.X)*(y-a.Y)/(b.Y-a.Y), y} }
	x0, x1, y0, y1 := r.X, r.X+r.W, r.Y, r.Y+r.H
	edges := []edge{
		{func(p pt) bool { return p.X >= x0 }, func(a, b pt) pt { return lerpX(a, b, x0) }},
		{func(p pt) bool { return p.X <= x1 }, func(a, b pt) pt { return lerpX(a, b, x1) }},
		{func(p pt) bool { return p.Y >= y0 }, func(a, b pt) pt { return lerpY(a, b, y0) }},
		{func(p pt) bool { return p.Y <= y1 }, func(a, b pt) pt { return lerpY(a, b, y1) }},
	}
	out := ring
	for _, e := range edges {
		if len(out) == 0 {
			return nil
		}
		in := out
		out = make([]pt, 0, len(in)+4)
		prev := in[len(in)-1]
		for _, cur := range in {
			switch ci, pi := e.inside(cur), e.inside(prev); {
			case ci && pi:
				out = append(out, cur)
			case ci && !pi:
				out = append(out, e.cut(prev, cur), cur)
			case !ci && pi:
				out = append(out, e.cut(prev, cur))
			}
			prev = cur
		}
	}
	return out
}

// wrap breaks text into lines no wider than width at size px.
func wrap(text string, size, width float64, rtl bool, measure measurer) []string {
	words := strings.Fields(text)
	var lines []string
	cur := ""
	for _, wd := range words {
		try := wd
		if cur != "" {
			try = cur + " " + wd
		}
		if cur != "" && measure(try, size, rtl) > width {
			lines = append(lines, cur)
			cur = wd
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
