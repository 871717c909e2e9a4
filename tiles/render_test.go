package tiles

import (
	"bytes"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/synth"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/maptile"
	"github.com/paulmach/orb/simplify"
)

// renderEach is renderLayer without shared shapes: every feature's
// geometry drawn on its own, as tiles were made before.
func renderEach(src []source, name string, t maptile.Tile) *mvt.Layer {
	reach := tileReach(t)
	fc := geojson.NewFeatureCollection()
	for i := range src {
		if f := &src[i]; f.bound.Intersects(reach) {
			gf := geojson.NewFeature(orb.Clone(f.geom))
			gf.ID = i + 1
			gf.Properties = f.props
			fc.Append(gf)
		}
	}
	layer := mvt.NewLayer(name, fc)
	layer.Version = 2
	layer.ProjectToTile(t)
	layer.Clip(orb.Bound{Min: orb.Point{-buffer, -buffer}, Max: orb.Point{extent + buffer, extent + buffer}})
	layer.Simplify(simplify.DouglasPeucker(1))
	layer.RemoveEmpty(1, 1)
	for _, f := range layer.Features {
		f.Geometry = windForMVT(f.Geometry)
	}
	return layer
}

// Drawing each shape once gives the same tiles, byte for byte, as drawing
// every feature on its own: features of shared and unshared shapes, at
// every zoom from the whole world down to tiles that cut outlines (the
// synthetic regions are some 10 km across).
func TestSharedShapesDrawTheSameTiles(t *testing.T) {
	rs := synth.Regions(60, 7)
	h, err := geo.NewHistory(rs, synth.Events(rs, 6, 7))
	if err != nil {
		t.Fatal(err)
	}
	periods, regions := periodSources(h), regionSources(h)
	// A few features of their own shape (as areas are), among the rest.
	for i := 0; i < len(periods); i += 5 {
		periods[i].shape = 0
	}
	bound := boundOf(periods)
	tiles, features := 0, 0
	for z := maptile.Zoom(0); z <= 13; z++ {
		nw, se := maptile.At(orb.Point{bound.Min[0], bound.Max[1]}, z), maptile.At(orb.Point{bound.Max[0], bound.Min[1]}, z)
		for _, tl := range tilesBetween(nw, se) {
			for _, l := range []struct {
				name string
				src  []source
			}{{"periods", periods}, {"regions", regions}} {
				got, err := mvt.Marshal(mvt.Layers{renderLayer(l.src, nil, l.name, tl)})
				if err != nil {
					t.Fatal(err)
				}
				ref := renderEach(l.src, l.name, tl)
				want, err := mvt.Marshal(mvt.Layers{ref})
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("%s tile %d/%d/%d: %d bytes, drawn feature by feature %d", l.name, tl.Z, tl.X, tl.Y, len(got), len(want))
				}
				tiles++
				features += len(ref.Features)
			}
		}
	}
	if tiles < 100 || features < 1000 {
		t.Fatalf("compared only %d tiles with %d features", tiles, features)
	}
}

// tilesBetween lists the tiles of a zoom from corner nw to corner se.
func tilesBetween(nw, se maptile.Tile) []maptile.Tile {
	var out []maptile.Tile
	for x := nw.X; x <= se.X; x++ {
		for y := nw.Y; y <= se.Y; y++ {
			out = append(out, maptile.New(x, y, nw.Z))
		}
	}
	return out
}

// BenchmarkRenderLowZoom draws a tile holding every period of 2,000
// regions (40,000 features), with shared shapes and feature by feature.
func BenchmarkRenderLowZoom(b *testing.B) {
	rs := synth.Regions(2000, 7)
	h, err := geo.NewHistory(rs, synth.Events(rs, 20, 7))
	if err != nil {
		b.Fatal(err)
	}
	periods := periodSources(h)
	tl := maptile.At(boundOf(periods).Center(), 4)
	for _, how := range []string{"shared", "each"} {
		b.Run(how, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var l *mvt.Layer
				if how == "shared" {
					l = renderLayer(periods, nil, "periods", tl)
				} else {
					l = renderEach(periods, "periods", tl)
				}
				if _, err := mvt.Marshal(mvt.Layers{l}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
