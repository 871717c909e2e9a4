package service

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/internal/synth"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

var oddStrings = []string{
	"", "plain", `quote " and \ backslash`, "<script>&amp;</script>", "tab\tnew\nline\rcr\bbs\fff",
	"\x00\x01\x1f\x7f", "Ağdam", "أذربيجان", "Հայկական ուժեր", "line\u2028sep\u2029par", "bad \xff utf8 \xc3",
	"emoji 🗺️", "\ufffd",
}

func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ss := append([]string(nil), oddStrings...)
	for range 2000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		ss = append(ss, string(b))
	}
	for _, s := range ss {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range oddStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	})
}

func TestAppendFloatMatchesEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, 1, 0.5, 0.3, 1.0 / 3, 0.7000000000000001, 1e-7, 1.5e-9, 1e21, 123456789, -0.25, math.SmallestNonzeroFloat64, math.MaxFloat64} {
		want, _ := json.Marshal(f)
		got, ok := appendFloat(nil, f)
		if !ok || !bytes.Equal(got, want) {
			t.Errorf("%v: got %s, want %s", f, got, want)
		}
	}
	if _, ok := appendFloat(nil, math.NaN()); ok {
		t.Error("NaN must be refused, as encoding/json does")
	}
}

// referenceProps is the reflection encoding the appenders replace.
func referenceProps(r *geo.Region, s geo.State, lang geo.Lang) []byte {
	b, err := json.Marshal(snapshotProps{Region: r.ID, Name: r.Name(lang), Kind: r.Kind, Role: r.Role, ISO: r.ISO, StateJSON: stateJSON(s, lang)})
	if err != nil {
		panic(err)
	}
	return b
}

// Every region's properties on every epoch of the ledger, in every
// language, are byte for byte what encoding/json wrote.
func TestSnapshotPropsMatchEncodingJSON(t *testing.T) {
	h := ledgertest.History(t)
	days := append([]geo.Day{geo.DayOf(1990, 1, 1)}, h.ChangeDays()...)
	for _, d := range days {
		snap := h.Snapshot(d)
		for _, lang := range geo.Langs {
			for _, rs := range snap.Regions {
				got, ok := appendSnapshotProps(nil, rs.Region, &rs.State, lang)
				if want := referenceProps(rs.Region, rs.State, lang); !ok || !bytes.Equal(got, want) {
					t.Fatalf("%s %s %s:\n got %s\nwant %s", d, lang, rs.Region.ID, got, want)
				}
			}
		}
	}
}

// States the ledger may not have: odd names, shares, candidates, empty
// holders, an unknown controller name.
func TestStatePropsEdgeCases(t *testing.T) {
	third, half := 1.0/3, 0.5
	r := &geo.Region{ID: "x-1", Kind: "district<&>", Role: geo.RoleConflict, ISO: "AZ-X",
		Names: map[geo.Lang]string{geo.LangEN: "Odd \"name\"\n", geo.LangAR: "اسم"}}
	states := []geo.State{
		{Status: geo.StatusUnknown},
		{Status: geo.StatusFirm, Controller: geo.AZE, Extent: geo.ExtentWhole, Holders: []geo.Holding{{Controller: geo.AZE}}, EventIDs: []string{"a"}},
		{Status: geo.StatusUncertain, Controller: geo.ARM, Extent: geo.ExtentPartial, Candidates: []geo.Controller{geo.ARM, geo.AZE},
			Holders: []geo.Holding{{Controller: geo.ARM, Share: &half}, {Controller: geo.AZE, Share: &third}},
			Since:   geo.DateSpec{Text: "1993-04", Precision: geo.PrecisionMonth}, SinceEvent: "e-1", EventIDs: []string{"e-0", "e-1"}},
		{Status: geo.StatusFirm, Controller: "XYZ", Holders: []geo.Holding{}, Candidates: []geo.Controller{}},
	}
	for i, s := range states {
		for _, lang := range geo.Langs {
			got, ok := appendSnapshotProps(nil, r, &s, lang)
			if want := referenceProps(r, s, lang); !ok || !bytes.Equal(got, want) {
				t.Errorf("state %d %s:\n got %s\nwant %s", i, lang, got, want)
			}
		}
	}
}

func TestAppendDay(t *testing.T) {
	for _, d := range []geo.Day{geo.DayOf(1900, 1, 1), geo.DayOf(1991, 12, 31), geo.DayOf(2020, 2, 29), geo.DayOf(2100, 12, 31), 0} {
		if got := string(appendDay(nil, d)); got != d.String() {
			t.Errorf("got %s, want %s", got, d)
		}
	}
}

// A world big enough to be encoded in two halves gives the same bytes as
// encoding/json region by region.
func TestParallelFeaturesMatchEncodingJSON(t *testing.T) {
	rs := synth.Regions(parallelRegions+101, 3)
	v, err := NewView(Dataset{Regions: rs, Events: synth.Events(rs, 3, 3), Version: "t"})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []geo.Day{geo.DayOf(1990, 1, 1), geo.DayOf(2000, 6, 1), geo.DayOf(2030, 1, 1)} {
		got, _, err := v.encodeFeatures(d, geo.LangAR, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := referenceFeatures(v, d)
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: the two halves differ from a region-by-region encoding", d)
		}
	}
}

// appendMultiPolygon writes what json.Marshal writes for every region of
// the data and of a synthetic world, and for odd coordinates.
func TestAppendMultiPolygonMatchesEncodingJSON(t *testing.T) {
	rs, _ := ledgertest.Data(t)
	rs = append(rs, synth.Regions(20, 3)...)
	var gs []orb.Geometry
	for _, r := range rs {
		gs = append(gs, r.Geometry)
	}
	ring := orb.Ring{{0, 0}, {1e-7, -0.0}, {-1.5e-9, 179.999999999}, {math.Copysign(0, -1), 1e21}, {0, 0}}
	gs = append(gs, orb.Polygon{ring}, orb.MultiPolygon{{ring}, {ring, ring}}, orb.Polygon{}, orb.MultiPolygon{})
	for i, g := range gs {
		want, err := json.Marshal(geojson.NewGeometry(geo.AsMulti(g)))
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := appendMultiPolygon([]byte("x"), g); !ok || !bytes.Equal(got[1:], want) {
			t.Errorf("geometry %d: got %v %.200s, want %.200s", i, ok, got, want)
		}
	}
	// Left to encoding/json: nil parts, other types, NaN.
	for _, g := range []orb.Geometry{orb.MultiPolygon{nil}, orb.Polygon{nil}, orb.Point{1, 2}, nil, orb.Polygon{{{math.NaN(), 0}}}} {
		if _, ok := appendMultiPolygon(nil, g); ok {
			t.Errorf("%#v: written, want it left to encoding/json", g)
		}
	}
}

// referenceFeatures is day d's features array in Arabic, encoded region by
// region with encoding/json.
func referenceFeatures(v *View, d geo.Day) []byte {
	want := []byte{'['}
	for i, st := range v.History.Snapshot(d).Regions {
		if i > 0 {
			want = append(want, ',')
		}
		id, _ := json.Marshal(st.Region.ID)
		want = append(append(append(want, `{"type":"Feature","id":`...), id...), `,"properties":`...)
		want = append(append(append(want, referenceProps(st.Region, st.State, geo.LangAR)...), `,"geometry":`...), v.geometry[st.Region.ID]...)
		want = append(want, '}')
	}
	return append(want, ']')
}

// An epoch built from a neighbour's bytes (only the changed regions
// encoded) is the epoch built from scratch, for small and two-half worlds,
// near and far neighbours, before and after.
func TestEpochFromNeighbourMatchesScratch(t *testing.T) {
	defer func(n int) { neighbourMinBytes = n }(neighbourMinBytes)
	neighbourMinBytes = 0
	for _, n := range []int{40, parallelRegions + 101} {
		rs := synth.Regions(n, 5)
		v, err := NewView(Dataset{Regions: rs, Events: synth.Events(rs, 40, 5), Version: "t"})
		if err != nil {
			t.Fatal(err)
		}
		days := v.History.ChangeDays()
		for _, pair := range [][2]int{{10, 11}, {11, 10}, {50, 53}, {0, len(days) - 1}, {len(days) - 1, 0}, {200, 200}} {
			from, to := days[pair[0]], days[pair[1]]
			b, layout, err := v.encodeFeatures(from, geo.LangAR, nil)
			if err != nil {
				t.Fatal(err)
			}
			base := newEpochBody(b)
			base.layout = layout
			if len(layout.ends) != len(layout.period) || int(layout.ends[len(layout.ends)-1]) != len(b)-1 {
				t.Fatalf("%d regions: layout of %d ends, %d periods, last end %d, body %d", n, len(layout.ends), len(layout.period), layout.ends[len(layout.ends)-1], len(b))
			}
			got, gotLayout, err := v.encodeFeatures(to, geo.LangAR, base)
			if err != nil {
				t.Fatal(err)
			}
			if want := referenceFeatures(v, to); !bytes.Equal(got, want) {
				t.Fatalf("%d regions, epoch %d from %d: differs from the reference", n, pair[1], pair[0])
			}
			_, scratchLayout, _ := v.encodeFeatures(to, geo.LangAR, nil)
			if !slices.Equal(gotLayout.ends, scratchLayout.ends) || !slices.Equal(gotLayout.period, scratchLayout.period) {
				t.Fatalf("%d regions, epoch %d from %d: layout differs from scratch", n, pair[1], pair[0])
			}
		}
	}
}

// A new epoch next to a kept one is built from it, through the cache.
func TestNextEpochUsesKeptNeighbour(t *testing.T) {
	defer func(n int) { neighbourMinBytes = n }(neighbourMinBytes)
	neighbourMinBytes = 0
	rs := synth.Regions(60, 7)
	v, err := NewView(Dataset{Regions: rs, Events: synth.Events(rs, 30, 7), Version: "t"})
	if err != nil {
		t.Fatal(err)
	}
	days := v.History.ChangeDays()
	first, err := v.epochFeatures(v.History.Epoch(days[20]), days[20], geo.LangAR)
	if err != nil {
		t.Fatal(err)
	}
	if first.fromNeighbour {
		t.Fatal("the first epoch had a neighbour to start from")
	}
	for _, i := range []int{21, 19, 21 + neighbourReach} {
		f, err := v.epochFeatures(v.History.Epoch(days[i]), days[i], geo.LangAR)
		if err != nil {
			t.Fatal(err)
		}
		if !f.fromNeighbour {
			t.Errorf("epoch of change day %d was encoded from scratch beside kept ones", i)
		}
		if want := referenceFeatures(v, days[i]); !bytes.Equal(f.json, want) {
			t.Fatalf("epoch of change day %d differs from the reference", i)
		}
	}
	far, err := v.epochFeatures(v.History.Epoch(days[200]), days[200], geo.LangAR)
	if err != nil {
		t.Fatal(err)
	}
	if far.fromNeighbour {
		t.Error("an epoch far from every kept one was built from a neighbour")
	}
}
