package render

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"

	"github.com/go-text/typesetting/font"
	"github.com/mapsvc/mapsvc/geo"
	"golang.org/x/image/vector"
)

// PNG draws the same scene as SVG into a PNG, rasterised in pure Go with
// the text shaped by HarfBuzz (go-text), so Arabic joins and runs right
// to left as it should. a are the approximate areas, as for SVG (may be
// nil).
func PNG(h *geo.History, version string, d geo.Day, lang geo.Lang, a *Areas) ([]byte, error) {
	t, err := newShaper()
	if err != nil {
		return nil, err
	}
	s := buildScene(h, version, d, lang, a, t.measure)
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	c := &canvas{img: img, t: t, r: vector.NewRasterizer(1, 1)}
	c.fillRect(rect{0, 0, Width, Height}, colPage)
	c.fillRect(s.Frame, colFrameBG)
	for _, sh := range s.Shapes {
		if !sh.Outline {
			c.fillRings(sh.Rings, image.NewUniform(sh.Base))
		}
		if sh.Pattern != patNone {
			c.fillRings(sh.Rings, patternImage(sh.Pattern))
		}
	}
	for _, sh := range s.Shapes {
		if sh.Role == geo.RoleConflict {
			continue // drawn last so shared edges keep the district outline
		}
		c.strokeRings(sh.Rings, sh.StrokeW, sh.Stroke)
	}
	for _, l := range s.Lines {
		c.dashed(l.Points, colPage, lineCasing)
		c.dashed(l.Points, colEdge, lineW)
	}
	for _, sh := range s.Shapes {
		if sh.Role == geo.RoleConflict && sh.StrokeW > 0 {
			c.strokeRings(sh.Rings, sh.StrokeW, sh.Stroke)
		}
	}
	c.strokeRect(s.Frame, 1, colNeighLn)
	for _, sw := range s.Swatches {
		if sw.Line {
			l := [][]pt{{{sw.Box.X, sw.Box.Y}, {sw.Box.X + sw.Box.W, sw.Box.Y}}}
			c.dashed(l, colPage, lineCasing)
			c.dashed(l, colEdge, lineW)
			continue
		}
		c.fillRect(sw.Box, sw.Base)
		if sw.Pattern != patNone {
			c.fillRings([][]pt{boxRing(sw.Box)}, patternImage(sw.Pattern))
		}
		c.strokeRect(sw.Box, 0.8, sw.Stroke)
	}
	for _, tx := range s.Texts {
		c.text(tx, s.RTL)
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type canvas struct {
	img *image.RGBA
	t   *shaper
	r   *vector.Rasterizer
}

func boxRing(r rect) []pt {
	return []pt{{r.X, r.Y}, {r.X + r.W, r.Y}, {r.X + r.W, r.Y + r.H}, {r.X, r.Y + r.H}}
}

func (c *canvas) fillRect(r rect, col color.RGBA) {
	c.fillRings([][]pt{boxRing(r)}, image.NewUniform(col))
}

func (c *canvas) strokeRect(r rect, w float64, col color.RGBA) {
	c.strokeRings([][]pt{boxRing(r)}, w, col)
}

// fillPaths rasterises closed paths with the non-zero rule into a
// coverage mask over their bounding box, then blends src through it.
func (c *canvas) fillPaths(paths [][]pt, src image.Image) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range paths {
		for _, q := range p {
			minX, minY = math.Min(minX, q.X), math.Min(minY, q.Y)
			maxX, maxY = math.Max(maxX, q.X), math.Max(maxY, q.Y)
		}
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(c.img.Bounds())
	if box.Empty() {
		return
	}
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	c.r.Reset(box.Dx(), box.Dy())
	for _, p := range paths {
		if len(p) < 3 {
			continue
		}
		c.r.MoveTo(float32(p[0].X)-ox, float32(p[0].Y)-oy)
		for _, q := range p[1:] {
			c.r.LineTo(float32(q.X)-ox, float32(q.Y)-oy)
		}
		c.r.ClosePath()
	}
	mask := image.NewAlpha(image.Rect(0, 0, box.Dx(), box.Dy()))
	c.r.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	colourAt := func(x, y int) (color.RGBA, bool) { return color.RGBA{}, false }
	switch s := src.(type) {
	case *image.Uniform:
		u := color.RGBAModel.Convert(s.C).(color.RGBA)
		colourAt = func(int, int) (color.RGBA, bool) { return u, true }
	case pattern:
		colourAt = s.at
	}
	for y := 0; y < box.Dy(); y++ {
		row := mask.Pix[y*mask.Stride : y*mask.Stride+box.Dx()]
		for x, a := range row {
			if a == 0 {
				continue
			}
			px, py := box.Min.X+x, box.Min.Y+y
			col, ok := colourAt(px, py)
			if !ok {
				continue
			}
			i := c.img.PixOffset(px, py)
			d := c.img.Pix[i : i+4 : i+4]
			// Source-over with premultiplied colours, scaled by coverage.
			sa := uint32(col.A) * uint32(a) / 255
			inv := 255 - sa
			d[0] = uint8((uint32(col.R)*uint32(a)/255 + uint32(d[0])*inv/255))
			d[1] = uint8((uint32(col.G)*uint32(a)/255 + uint32(d[1])*inv/255))
			d[2] = uint8((uint32(col.B)*uint32(a)/255 + uint32(d[2])*inv/255))
			d[3] = uint8(sa + uint32(d[3])*inv/255)
		}
	}
}

func (c *canvas) fillRings(rings [][]pt, src image.Image) { c.fillPaths(rings, src) }

// strokeRings draws each ring's edges as thin quads with square joins;
// the rasteriser's clamped accumulation merges the overlaps.
func (c *canvas) strokeRings(rings [][]pt, w float64, col color.RGBA) {
	var quads [][]pt
	hw := w / 2
	for _, r := range rings {
		for i := range r {
			a, b := r[i], r[(i+1)%len(r)]
			dx, dy := b.X-a.X, b.Y-a.Y
			l := math.Hypot(dx, dy)
			if l == 0 {
				continue
			}
			ux, uy := dx/l*hw, dy/l*hw // along, half width
			nx, ny := -uy, ux          // normal, half width
			quads = append(quads, []pt{
				{a.X - ux + nx, a.Y - uy + ny}, {b.X + ux + nx, b.Y + uy + ny},
				{b.X + ux - nx, b.Y + uy - ny}, {a.X - ux - nx, a.Y - uy - ny},
			})
		}
	}
	if len(quads) > 0 {
		c.fillPaths(quads, image.NewUniform(col))
	}
}

// dashed draws polylines dashed like the SVG's stroke-dasharray, each
// dash a quad with butt ends.
func (c *canvas) dashed(lines [][]pt, col color.RGBA, w float64) {
	var quads [][]pt
	hw := w / 2
	for _, d := range dashes(lines, dashOn, dashOff) {
		a, b := d[0], d[1]
		l := math.Hypot(b.X-a.X, b.Y-a.Y)
		if l == 0 {
			continue
		}
		nx, ny := -(b.Y-a.Y)/l*hw, (b.X-a.X)/l*hw
		quads = append(quads, []pt{{a.X + nx, a.Y + ny}, {b.X + nx, b.Y + ny}, {b.X - nx, b.Y - ny}, {a.X - nx, a.Y - ny}})
	}
	if len(quads) > 0 {
		c.fillPaths(quads, image.NewUniform(col))
	}
}

// text draws one shaped line; a halo is the same outline drawn first in
// white, offset around the glyphs.
func (c *canvas) text(tx textItem, rtl bool) {
	runs := c.t.shape(tx.Text, tx.Size, rtl)
	var width float64
	for _, r := range runs {
		width += float64(r.out.Advance) / 64
	}
	x := tx.X
	switch {
	case tx.Anchor == anchorMiddle:
		x -= width / 2
	case rtl:
		x -= width
	}
	paths := c.glyphPaths(runs, x, tx.Y, tx.Size)
	if tx.Halo {
		white := image.NewUniform(color.RGBA{0xFF, 0xFF, 0xFF, 0xFF})
		for _, o := range [][2]float64{{-1.3, 0}, {1.3, 0}, {0, -1.3}, {0, 1.3}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}} {
			c.fillPaths(shift(paths, o[0], o[1]), white)
		}
	}
	c.fillPaths(paths, image.NewUniform(tx.Colour))
}

func shift(paths [][]pt, dx, dy float64) [][]pt {
	out := make([][]pt, len(paths))
	for i, p := range paths {
		q := make([]pt, len(p))
		for j, v := range p {
			q[j] = pt{v.X + dx, v.Y + dy}
		}
		out[i] = q
	}
	return out
}

// glyphPaths flattens the glyph outlines of runs, placed from x on the
// baseline y, into closed polygons in pixels.
func (c *canvas) glyphPaths(runs []shapedRun, x, y, size float64) [][]pt {
	upem := float64(c.t.face.Upem())
	scale := size / upem
	var paths [][]pt
	pen := x
	for _, r := range runs {
		for _, g := range r.out.Glyphs {
			gx := pen + float64(g.XOffset)/64
			gy := y - float64(g.YOffset)/64
			if o, ok := c.t.face.GlyphData(g.GlyphID).(font.GlyphOutline); ok {
				paths = append(paths, outlinePaths(o, gx, gy, scale)...)
			}
			pen += float64(g.Advance) / 64
		}
	}
	return paths
}

// outlinePaths flattens one glyph's quadratic and cubic segments.
func outlinePaths(o font.GlyphOutline, x, y, scale float64) [][]pt {
	var paths [][]pt
	var cur []pt
	at := func(p font.SegmentPoint) pt { return pt{x + float64(p.X)*scale, y - float64(p.Y)*scale} }
	last := pt{}
	for _, s := range o.Segments {
		switch s.Op {
		case 0: // move to
			if len(cur) > 2 {
				paths = append(paths, cur)
			}
			last = at(s.Args[0])
			cur = []pt{last}
		case 1: // line to
			last = at(s.Args[0])
			cur = append(cur, last)
		case 2: // quad to
			p1, p2 := at(s.Args[0]), at(s.Args[1])
			for i := 1; i <= 6; i++ {
				t := float64(i) / 6
				u := 1 - t
				cur = append(cur, pt{u*u*last.X + 2*u*t*p1.X + t*t*p2.X, u*u*last.Y + 2*u*t*p1.Y + t*t*p2.Y})
			}
			last = p2
		case 3: // cubic to
			p1, p2, p3 := at(s.Args[0]), at(s.Args[1]), at(s.Args[2])
			for i := 1; i <= 8; i++ {
				t := float64(i) / 8
				u := 1 - t
				cur = append(cur, pt{
					u*u*u*last.X + 3*u*u*t*p1.X + 3*u*t*t*p2.X + t*t*t*p3.X,
					u*u*u*last.Y + 3*u*u*t*p1.Y + 3*u*t*t*p2.Y + t*t*t*p3.Y,
				})
			}
			last = p3
		}
	}
	if len(cur) > 2 {
		paths = append(paths, cur)
	}
	return paths
}

// pattern is an infinite image of diagonal stripes or cross-hatching,
// transparent between the lines.
type pattern struct {
	col   color.RGBA
	cross bool
	dots  bool
}

func patternImage(name string) image.Image {
	switch name {
	case patStripeAZE:
		return pattern{col: colAZE}
	case patStripeARM:
		return pattern{col: colARM}
	case patHatch:
		return pattern{col: colHatch, cross: true}
	case patDots:
		return pattern{col: colDots, dots: true}
	}
	return image.Transparent
}

func (p pattern) ColorModel() color.Model { return color.RGBAModel }

func (p pattern) Bounds() image.Rectangle {
	return image.Rect(-1<<20, -1<<20, 1<<20, 1<<20)
}

func (p pattern) At(x, y int) color.Color {
	if c, ok := p.at(x, y); ok {
		return c
	}
	return color.Transparent
}

// at reports the pattern's colour at a pixel, or false between lines.
func (p pattern) at(x, y int) (color.RGBA, bool) {
	if p.dots {
		dx, dy := mod(x, 8)-4, mod(y, 8)-4
		return p.col, dx*dx+dy*dy <= 2
	}
	if p.cross {
		return p.col, mod(x+y, 10) < 2 || mod(x-y, 10) < 2
	}
	return p.col, mod(x+y, 14) < 3
}

func mod(a, m int) int { return ((a % m) + m) % m }
