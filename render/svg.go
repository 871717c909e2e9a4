package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
)

// SVG draws the control of every region at the end of day d as a
// standalone SVG document, labelled in lang. Districts that a splits
// into pieces of two holders are drawn as those approximate areas with
// the dashed line between them; a may be nil.
func SVG(h *geo.History, version string, d geo.Day, lang geo.Lang, a *Areas) ([]byte, error) {
	t, err := newShaper()
	if err != nil {
		return nil, err
	}
	return writeSVG(buildScene(h, version, d, lang, a, t.measure)), nil
}

func writeSVG(s *scene) []byte {
	var b bytes.Buffer
	dir := "ltr"
	if s.RTL {
		dir = "rtl"
	}
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="title desc" xml:lang="%s" direction="%s" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif" data-date="%s">`+"\n",
		Width, Height, Width, Height, s.Lang, dir, s.Date)
	fmt.Fprintf(&b, "<title id=\"title\">%s — %s</title>\n", esc(s.Title), esc(s.Date.String()))
	fmt.Fprintf(&b, "<desc id=\"desc\">%s</desc>\n", esc(s.Desc))
	b.WriteString("<defs>\n")
	stripe := func(id, colour string) {
		fmt.Fprintf(&b, `<pattern id="%s" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2.5" height="10" fill="%s"/></pattern>`+"\n", id, colour)
	}
	stripe(patStripeAZE, hex(colAZE))
	stripe(patStripeARM, hex(colARM))
	fmt.Fprintf(&b, `<pattern id="%s" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="1.4" height="7" fill="%s"/><rect width="7" height="1.4" fill="%s"/></pattern>`+"\n", patHatch, hex(colHatch), hex(colHatch))
	fmt.Fprintf(&b, `<pattern id="%s" width="8" height="8" patternUnits="userSpaceOnUse"><circle cx="4" cy="4" r="1.6" fill="%s"/></pattern>`+"\n", patDots, hex(colDots))
	b.WriteString("</defs>\n")
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="%s"/>`+"\n", Width, Height, hex(colPage))
	f := s.Frame
	fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", num(f.X), num(f.Y), num(f.W), num(f.H), hex(colFrameBG))
	b.WriteString(`<g id="regions" stroke-linejoin="round">` + "\n")
	for _, sh := range s.Shapes {
		d := pathData(sh.Rings)
		switch {
		case sh.Piece:
			fmt.Fprintf(&b, `<path class="area" data-region="%s" data-controller="%s" data-approximate="true" d="%s" fill="%s" fill-rule="evenodd" stroke="none"/>`+"\n",
				esc(sh.ID), sh.Controller, d, hex(sh.Base))
		case sh.Outline:
			fmt.Fprintf(&b, `<path id="region-%s" class="%s split" data-region="%s" d="%s" fill="none" stroke="%s" stroke-width="%s"/>`+"\n",
				esc(sh.ID), sh.Role, esc(sh.ID), d, hex(sh.Stroke), num(sh.StrokeW))
		default:
			fmt.Fprintf(&b, `<path id="region-%s" class="%s" data-region="%s" d="%s" fill="%s" fill-rule="evenodd" stroke="%s" stroke-width="%s"/>`+"\n",
				esc(sh.ID), sh.Role, esc(sh.ID), d, hex(sh.Base), hex(sh.Stroke), num(sh.StrokeW))
		}
		if sh.Pattern != patNone {
			fmt.Fprintf(&b, `<path class="pattern" data-region="%s" data-pattern="%s" d="%s" fill="url(#%s)" fill-rule="evenodd" stroke="none"/>`+"\n", esc(sh.ID), sh.Pattern, d, sh.Pattern)
		}
	}
	b.WriteString("</g>\n")
	if len(s.Lines) > 0 {
		// The approximate lines: dark dashes over a white casing of the
		// same dashes, so they read on both holders' colours.
		fmt.Fprintf(&b, `<g id="approximate-lines" fill="none" stroke-dasharray="%s %s" stroke-linecap="butt">`+"\n", num(dashOn), num(dashOff))
		for _, l := range s.Lines {
			d := linePath(l.Points)
			fmt.Fprintf(&b, `<path class="approximate-line-casing" data-region="%s" d="%s" stroke="%s" stroke-width="%s"/>`+"\n", esc(l.Region), d, hex(colPage), num(lineCasing))
			fmt.Fprintf(&b, `<path class="approximate-line" data-region="%s" data-approximate="true" d="%s" stroke="%s" stroke-width="%s"/>`+"\n", esc(l.Region), d, hex(colEdge), num(lineW))
		}
		b.WriteString("</g>\n")
	}
	fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="%s" stroke-width="1"/>`+"\n", num(f.X), num(f.Y), num(f.W), num(f.H), hex(colNeighLn))
	b.WriteString(`<g id="legend">` + "\n")
	for _, sw := range s.Swatches {
		x, y, w, h := num(sw.Box.X), num(sw.Box.Y), num(sw.Box.W), num(sw.Box.H)
		if sw.Line {
			x2 := num(sw.Box.X + sw.Box.W)
			fmt.Fprintf(&b, `<line class="approximate-line-casing" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s" stroke-dasharray="%s %s"/>`, x, y, x2, y, hex(colPage), num(lineCasing), num(dashOn), num(dashOff))
			fmt.Fprintf(&b, `<line class="approximate-line" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s" stroke-dasharray="%s %s"/>`+"\n", x, y, x2, y, hex(colEdge), num(lineW), num(dashOn), num(dashOff))
			continue
		}
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s" stroke-width="0.8"/>`, x, y, w, h, hex(sw.Base), hex(sw.Stroke))
		if sw.Pattern != patNone {
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="url(#%s)"/>`, x, y, w, h, sw.Pattern)
		}
		b.WriteByte('\n')
	}
	b.WriteString("</g>\n")
	for _, t := range s.Texts {
		anchor := "start"
		if t.Anchor == anchorMiddle {
			anchor = "middle"
		}
		halo := ""
		if t.Halo {
			halo = ` stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`
		}
		fmt.Fprintf(&b, `<text class="%s" x="%s" y="%s" font-size="%s" text-anchor="%s" fill="%s"%s>%s</text>`+"\n",
			t.Class, num(t.X), num(t.Y), num(t.Size), anchor, hex(t.Colour), halo, esc(t.Text))
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// pathData writes closed rings as path data.
func pathData(rings [][]pt) string { return svgPath(rings, true) }

// linePath writes open polylines as path data.
func linePath(lines [][]pt) string { return svgPath(lines, false) }

func svgPath(paths [][]pt, closed bool) string {
	var b strings.Builder
	for _, r := range paths {
		for i, p := range r {
			if i == 0 {
				b.WriteByte('M')
			} else {
				b.WriteByte('L')
			}
			b.WriteString(num(p.X))
			b.WriteByte(' ')
			b.WriteString(num(p.Y))
		}
		if closed {
			b.WriteByte('Z')
		}
	}
	return b.String()
}

// num writes a coordinate with one decimal, which is below a pixel's
// tenth and keeps the file small.
func num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
