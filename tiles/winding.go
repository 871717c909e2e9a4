package tiles

import "github.com/paulmach/orb"

// windForMVT orders polygon rings as MVT 2.1 asks (section 4.3.4.4): in
// tile coordinates, whose y axis points down, an exterior ring has a
// positive area by the surveyor's formula (it runs clockwise on screen),
// and each hole the opposite way. Projection flips y, so rings that were
// counter-clockwise in lon/lat (RFC 7946) arrive the wrong way round.
func windForMVT(g orb.Geometry) orb.Geometry {
	switch g := g.(type) {
	case orb.Polygon:
		windPolygon(g)
	case orb.MultiPolygon:
		for _, p := range g {
			windPolygon(p)
		}
	}
	return g
}

func windPolygon(p orb.Polygon) {
	for i, r := range p {
		// orb's Orientation is the sign of the surveyor's area: CCW is
		// positive. Exterior: positive; holes: negative.
		want := orb.CCW
		if i > 0 {
			want = orb.CW
		}
		if o := r.Orientation(); o != 0 && o != want {
			r.Reverse()
		}
	}
}
