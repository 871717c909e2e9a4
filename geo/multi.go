package geo

import "github.com/paulmach/orb"

// AsMulti returns a Polygon as a one-part MultiPolygon and any other
// geometry as it is. Every answer with region boundaries uses it, so a
// collection or file holds one geometry type (GeoPackage and FlatGeobuf
// layers have exactly one).
func AsMulti(g orb.Geometry) orb.Geometry {
	if p, ok := g.(orb.Polygon); ok {
		return orb.MultiPolygon{p}
	}
	return g
}
