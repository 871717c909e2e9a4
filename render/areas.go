package render

import (
	"math"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb"
)

// Area is one holder's approximate piece of a split district: the
// control areas derived from the places each side held (package areas,
// served at /api/v1/areas).
type Area struct {
	Region     string
	Controller geo.Controller
	Geometry   orb.Geometry // Polygon or MultiPolygon
	// Direction is where the piece lies in its district ("north-west", as
	// /api/v1/areas says); Towns are the towns it holds, the district's
	// administrative centre first. Both go into the description.
	Direction string
	Towns     []*geo.Place
}

// Line is the approximate line between the two pieces of a district.
type Line struct {
	Region   string
	Geometry orb.Geometry // LineString or MultiLineString
}

// Areas are what the static map draws inside split districts on one day.
// A district is drawn in pieces only where its pieces have two different
// holders; every other partly held district keeps its stripes, which say
// that where each side stood is not mapped.
type Areas struct {
	Pieces []Area
	Lines  []Line
}

// AreaSource gives the approximate areas of day d in view v. The place
// package computes them (cmd/mapsvc passes its Histories in, so render
// need not depend on it); nil means none, and every split district is
// striped.
type AreaSource func(v *service.View, d geo.Day) (*Areas, error)

// split returns the pieces of each district that has pieces of at least
// two holders.
func (a *Areas) split() map[string][]Area {
	out := map[string][]Area{}
	if a == nil {
		return out
	}
	by := map[string][]Area{}
	for _, p := range a.Pieces {
		by[p.Region] = append(by[p.Region], p)
	}
	for id, ps := range by {
		holders := map[geo.Controller]bool{}
		for _, p := range ps {
			holders[p.Controller] = true
		}
		if len(holders) >= 2 {
			out[id] = ps
		}
	}
	return out
}

// projectLine projects a LineString or MultiLineString. The lines lie
// inside tracked districts, which the projection fits inside the frame,
// so they need no clipping.
func projectLine(g orb.Geometry, proj func(orb.Point) pt) [][]pt {
	var ls []orb.LineString
	switch g := g.(type) {
	case orb.LineString:
		ls = []orb.LineString{g}
	case orb.MultiLineString:
		ls = g
	}
	var out [][]pt
	for _, l := range ls {
		if len(l) < 2 {
			continue
		}
		ps := make([]pt, len(l))
		for i, q := range l {
			ps[i] = proj(q)
		}
		out = append(out, ps)
	}
	return out
}

// Dashes of the approximate line, in pixels, as on the map page (a
// 2.2 px line dashed 3:2 of its width): dark dashes with a white casing so
// they read on both holders' colours.
const (
	lineW      = 2.2
	lineCasing = 3.8
	dashOn     = 6.6
	dashOff    = 4.4
)

// dashes cuts polylines into the "on" intervals of the dash pattern, the
// pattern running on along each polyline from a dash at its start.
func dashes(lines [][]pt, on, off float64) [][2]pt {
	const eps = 1e-9
	var out [][2]pt
	for _, l := range lines {
		drawing, left := true, on // in a dash or a gap, and how much of it is left
		for i := 0; i+1 < len(l); i++ {
			a, b := l[i], l[i+1]
			dx, dy := b.X-a.X, b.Y-a.Y
			length := math.Hypot(dx, dy)
			for t := 0.0; length-t > eps; {
				step := math.Min(left, length-t)
				if drawing {
					out = append(out, [2]pt{
						{a.X + dx*t/length, a.Y + dy*t/length},
						{a.X + dx*(t+step)/length, a.Y + dy*(t+step)/length},
					})
				}
				t += step
				left -= step
				if left <= eps {
					drawing = !drawing
					left = on
					if !drawing {
						left = off
					}
				}
			}
		}
	}
	return out
}
