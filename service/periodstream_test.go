package service_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
)

// periodsReference encodes the whole periods feed the simple way, one
// json.Marshal of the collection, as the answer was made before it was
// streamed: the streamed body must have the same bytes.
func periodsReference(t *testing.T, v *service.View, lang geo.Lang) []byte {
	t.Helper()
	type feature struct {
		Type       string          `json:"type"`
		ID         string          `json:"id"`
		Properties any             `json:"properties"`
		Geometry   json.RawMessage `json:"geometry"`
	}
	features := []feature{}
	for _, r := range v.History.Regions() {
		ps := v.History.Periods(r.ID)
		for i := range ps {
			g, err := json.Marshal(regionGeometry(t, v, r.ID))
			if err != nil {
				t.Fatal(err)
			}
			features = append(features, feature{"Feature", service.PeriodID(&ps[i]), service.PeriodFeatureProps(&ps[i], r, lang), g})
		}
	}
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","data_version":"` + v.Version + `","features":`)
	fb, err := json.Marshal(features)
	if err != nil {
		t.Fatal(err)
	}
	b.Write(fb)
	b.WriteString("}\n")
	return b.Bytes()
}

// regionGeometry is a region's geometry as the regions feed gives it.
func regionGeometry(t *testing.T, v *service.View, id string) json.RawMessage {
	t.Helper()
	e, err := v.Region(id, geo.LangEN)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Geometry json.RawMessage `json:"geometry"`
	}
	if err := json.Unmarshal(e.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	return f.Geometry
}

func TestPeriodsStreamedEqualsWhole(t *testing.T) {
	v := newService(t).View()
	if v.PeriodCount() < 10 {
		t.Fatalf("only %d periods in the test data", v.PeriodCount())
	}
	for _, lang := range []geo.Lang{geo.LangEN, geo.LangRU} {
		want := periodsReference(t, v, lang)
		e, err := v.Periods(lang)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(e.Bytes(), want) {
			t.Fatalf("%s: cached body differs from the reference encoding", lang)
		}
		var streamed bytes.Buffer
		if err := v.WritePeriods(&streamed, lang, service.PeriodsRange{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(streamed.Bytes(), want) {
			t.Fatalf("%s: streamed body differs from the reference encoding", lang)
		}
		if e.ETag != v.PeriodsETag(lang, service.PeriodsRange{}) {
			t.Errorf("%s: ETag %s, stream ETag %s", lang, e.ETag, v.PeriodsETag(lang, service.PeriodsRange{}))
		}
	}
}

type periodsPage struct {
	Type           string            `json:"type"`
	DataVersion    string            `json:"data_version"`
	NumberMatched  int               `json:"numberMatched"`
	NumberReturned int               `json:"numberReturned"`
	NextOffset     *int              `json:"next_offset"`
	Features       []json.RawMessage `json:"features"`
}

// Pages of any size, followed by next_offset, put together make the
// whole feed, in its order.
func TestPeriodsPagesMakeTheWhole(t *testing.T) {
	v := newService(t).View()
	var whole periodsPage
	var b bytes.Buffer
	if err := v.WritePeriods(&b, geo.LangEN, service.PeriodsRange{}); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b.Bytes(), &whole); err != nil {
		t.Fatal(err)
	}
	total := v.PeriodCount()
	if len(whole.Features) != total {
		t.Fatalf("whole feed has %d features, PeriodCount %d", len(whole.Features), total)
	}
	for _, limit := range []int{1, 3, 7, total - 1, total, total + 5} {
		var got []json.RawMessage
		offset, pages := 0, 0
		for {
			b.Reset()
			if err := v.WritePeriods(&b, geo.LangEN, service.PeriodsRange{Paged: true, Offset: offset, Limit: limit}); err != nil {
				t.Fatal(err)
			}
			var p periodsPage
			if err := json.Unmarshal(b.Bytes(), &p); err != nil {
				t.Fatalf("limit %d offset %d: %v", limit, offset, err)
			}
			pages++
			if p.NumberMatched != total || p.NumberReturned != len(p.Features) || len(p.Features) > limit {
				t.Fatalf("limit %d offset %d: matched %d returned %d features %d", limit, offset, p.NumberMatched, p.NumberReturned, len(p.Features))
			}
			got = append(got, p.Features...)
			if p.NextOffset == nil {
				break
			}
			if *p.NextOffset != offset+len(p.Features) {
				t.Fatalf("limit %d: next_offset %d after %d+%d", limit, *p.NextOffset, offset, len(p.Features))
			}
			offset = *p.NextOffset
		}
		if want := (total + limit - 1) / limit; pages != want {
			t.Errorf("limit %d: %d pages, want %d", limit, pages, want)
		}
		if len(got) != total {
			t.Fatalf("limit %d: pages hold %d features, want %d", limit, len(got), total)
		}
		for i := range got {
			if !bytes.Equal(got[i], whole.Features[i]) {
				t.Fatalf("limit %d: feature %d differs from the whole feed's", limit, i)
			}
		}
	}
	// Past the end: an empty page, not an error.
	b.Reset()
	if err := v.WritePeriods(&b, geo.LangEN, service.PeriodsRange{Paged: true, Offset: total + 10, Limit: 5}); err != nil {
		t.Fatal(err)
	}
	var p periodsPage
	if err := json.Unmarshal(b.Bytes(), &p); err != nil || len(p.Features) != 0 || p.NextOffset != nil || p.NumberMatched != total {
		t.Fatalf("past the end: %v %+v", err, p)
	}
}

// Streaming a page costs work for that page, not for the whole feed.
func TestPeriodsPageAllocationsBounded(t *testing.T) {
	v := newService(t).View()
	var b bytes.Buffer
	v.WritePeriods(&b, geo.LangEN, service.PeriodsRange{Paged: true, Offset: 0, Limit: 1}) // index built
	one := testing.AllocsPerRun(20, func() {
		b.Reset()
		v.WritePeriods(&b, geo.LangEN, service.PeriodsRange{Paged: true, Offset: v.PeriodCount() / 2, Limit: 1})
	})
	all := testing.AllocsPerRun(5, func() {
		b.Reset()
		v.WritePeriods(&b, geo.LangEN, service.PeriodsRange{})
	})
	if one*10 > all {
		t.Errorf("one period costs %.0f allocations, the whole feed %.0f", one, all)
	}
}
