// Package synth makes a synthetic data set for scale benchmarks: a grid of
// conflict-area regions and, for each, a valid chronology of control
// changes (a baseline, then changes that always start from a holder, with
// some imprecise windows and some partial changes). The same seed gives
// the same data.
package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Vertices is the number of positions of each region's outline (closed,
// so the ring has one more).
const Vertices = 24

// First and Last bound the synthetic events' days.
var (
	First = geo.DayOf(1991, 1, 1)
	Last  = geo.DayOf(2024, 12, 31)
)

// Regions returns n regions laid out on a square grid of 0.05° cells from
// 20°E 30°N, each a slightly irregular polygon inside its cell.
func Regions(n int, seed uint64) []geo.Region {
	rng := rand.New(rand.NewPCG(seed, 1))
	side := int(math.Ceil(math.Sqrt(float64(n))))
	const cell = 0.05
	out := make([]geo.Region, n)
	for i := range out {
		x0, y0 := 20+float64(i%side)*cell, 30+float64(i/side)*cell
		cx, cy := x0+cell/2, y0+cell/2
		ring := make(orb.Ring, 0, Vertices+1)
		for k := 0; k < Vertices; k++ {
			a := 2 * math.Pi * float64(k) / Vertices // counter-clockwise
			r := cell * (0.35 + 0.1*rng.Float64())   // star-shaped: never crosses itself
			ring = append(ring, orb.Point{round6(cx + r*math.Cos(a)), round6(cy + r*math.Sin(a))})
		}
		ring = append(ring, ring[0])
		id := RegionID(i)
		out[i] = geo.Region{
			ID: id, Kind: "district", Role: geo.RoleConflict,
			Names:    map[geo.Lang]string{geo.LangEN: fmt.Sprintf("Synthetic %d", i), geo.LangAR: fmt.Sprintf("منطقة %d", i), geo.LangRU: fmt.Sprintf("Район %d", i)},
			Label:    orb.Point{round6(cx), round6(cy)},
			Geometry: orb.Polygon{ring},
			Source:   "synthetic", Licence: "CC0",
		}
	}
	return out
}

// RegionID is the id of the i-th synthetic region.
func RegionID(i int) string { return fmt.Sprintf("syn-%05d", i) }

func round6(f float64) float64 { return math.Round(f*1e6) / 1e6 }

// Events returns perRegion control events for each region, in ledger
// order region by region. Each region starts with a baseline on First and
// changes hands on distinct days up to Last: most changes are dated to a
// day and whole; one in eight is a window of a few days (uncertain while
// it lasts) and one in ten is partial with a share.
func Events(regions []geo.Region, perRegion int, seed uint64) []geo.Event {
	rng := rand.New(rand.NewPCG(seed, 2))
	span := int(Last - First)
	out := make([]geo.Event, 0, len(regions)*perRegion)
	starts := make([]int, 0, perRegion)
	for _, r := range regions {
		// perRegion-1 distinct offsets in (0, span], at least 8 days apart
		// so that windows of up to 6 days never overlap the next change.
		starts = starts[:0]
		for len(starts) < perRegion-1 {
			d := 1 + rng.IntN(span/8)*8
			if !slices.Contains(starts, d) {
				starts = append(starts, d)
			}
		}
		slices.Sort(starts)
		holder := geo.Controller(geo.AZE)
		if rng.IntN(2) == 0 {
			holder = geo.ARM
		}
		out = append(out, event(r.ID, 0, geo.DateSpec{Text: First.String(), Precision: geo.PrecisionDay, First: First, Last: First},
			geo.KindBaseline, "", holder, geo.ExtentWhole))
		for k, off := range starts {
			day := First + geo.Day(off)
			date := geo.DateSpec{Text: day.String(), Precision: geo.PrecisionDay, First: day, Last: day}
			if k%8 == 3 {
				last := day + geo.Day(2+rng.IntN(5))
				date = geo.DateSpec{Text: day.String() + "/" + last.String(), Precision: geo.PrecisionRange, First: day, Last: last}
			}
			other := geo.Controller(geo.ARM)
			if holder == geo.ARM {
				other = geo.AZE
			}
			e := event(r.ID, k+1, date, geo.KindCapture, holder, other, geo.ExtentWhole)
			if k%10 == 5 {
				// Partial: the region ends up split; the next change
				// starts from the majority holder.
				share := math.Round((0.2+0.6*rng.Float64())*100) / 100
				if share == 0.5 {
					share = 0.6 // a half share would need a majority
				}
				e.Extent, e.Share, e.ExtentNote = geo.ExtentPartial, &share, "the northern part"
				out = append(out, e)
				holder = e.MajorityAfter()
				continue
			}
			out = append(out, e)
			holder = other
		}
	}
	return out
}

func event(region string, k int, date geo.DateSpec, kind geo.Kind, from, to geo.Controller, extent geo.Extent) geo.Event {
	id := fmt.Sprintf("%s-e%03d", region, k)
	return geo.Event{
		ID: id, Region: region, Date: date, Kind: kind, From: from, To: to, Extent: extent,
		Confidence: "medium", Summary: "Synthetic control change " + id + ".",
		Sources: []geo.Source{{Ref: "https://example.org/synthetic/" + id, Outlet: "synthetic"}},
	}
}

// WriteRegions writes regions as a GeoJSON FeatureCollection in the
// layout of data/regions/regions.geojson.
func WriteRegions(w io.Writer, regions []geo.Region) error {
	fc := geojson.NewFeatureCollection()
	for i := range regions {
		fc.Append(geo.RegionFeature(&regions[i]))
	}
	b, err := json.Marshal(fc)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// WriteLedger writes events in the layout of seeds/ledger.json, one event
// per line.
func WriteLedger(w io.Writer, events []geo.Event) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(`{"version":1,"title":"synthetic ledger","licence":"CC0","events":[` + "\n")
	for i := range events {
		b, err := json.Marshal(&events[i])
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteString(",\n")
		}
		bw.Write(b)
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}
