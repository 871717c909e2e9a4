package tiles

import (
	"fmt"
	"strconv"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb/maptile"
)

// Zoom range of the tile sets.
const (
	MinZoom = 0
	MaxZoom = 14
)

// ParseTile parses z, x and y path segments (y may end in ".mvt"). A
// segment that is not a plain whole number is a 400; a tile outside the
// set (z above MaxZoom, x or y at or past 2^z) is a 404.
func ParseTile(zs, xs, ys string) (maptile.Tile, error) {
	z, err := coord("z", zs)
	if err != nil {
		return maptile.Tile{}, err
	}
	x, err := coord("x", xs)
	if err != nil {
		return maptile.Tile{}, err
	}
	y, err := coord("y", ys)
	if err != nil {
		return maptile.Tile{}, err
	}
	if z > MaxZoom {
		return maptile.Tile{}, fmt.Errorf("%w: zoom %d is above the maximum %d", geo.ErrNotFound, z, MaxZoom)
	}
	n := uint64(1) << z
	if x >= n || y >= n {
		return maptile.Tile{}, fmt.Errorf("%w: tile %d/%d/%d: x and y must be below %d at zoom %d", geo.ErrNotFound, z, x, y, n, z)
	}
	return maptile.New(uint32(x), uint32(y), maptile.Zoom(z)), nil
}

// coord parses one tile coordinate: ASCII digits only, at most 10 of them
// (no sign, no spaces, no exponent), so parsing never overflows.
func coord(name, s string) (uint64, error) {
	if s == "" || len(s) > 10 {
		return 0, service.BadRequest("tile %s %q is not a whole number of at most 10 digits", name, s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, service.BadRequest("tile %s %q is not a whole number of at most 10 digits", name, s)
		}
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, service.BadRequest("tile %s %q is not a whole number of at most 10 digits", name, s)
	}
	return n, nil
}
