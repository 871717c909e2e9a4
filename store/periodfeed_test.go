package store_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/synth"
	"github.com/mapsvc/mapsvc/service"
)

// The periods feed of an indexed view is written from the store's period
// records: the same bytes, whole and paged, as the history in memory
// gives, and the ledger is never read for it.
func TestIndexedPeriodsFeedDoesNotReadTheLedger(t *testing.T) {
	rs, evs := synthWorld(t)
	lowerIndexThreshold(t, 500)
	db := indexedDB(t, rs, evs)
	svc, err := service.New(db)
	if err != nil {
		t.Fatal(err)
	}
	v, mem := svc.View(), memView(t, db)
	if !v.Indexed() || !v.StreamPeriods() {
		t.Fatalf("indexed %v, streamed %v", v.Indexed(), v.StreamPeriods())
	}
	if got, want := v.PeriodCount(), mem.PeriodCount(); got != want || got == 0 {
		t.Fatalf("%d periods counted from the index, %d in memory", got, want)
	}
	total := mem.PeriodCount()
	ranges := []service.PeriodsRange{{}, {Paged: true, Limit: 7}, {Paged: true, Offset: 5, Limit: 300},
		{Paged: true, Offset: total - 3, Limit: 10}, {Paged: true, Offset: total + 5, Limit: 10}}
	for i, r := range ranges {
		lang := geo.Langs[i%len(geo.Langs)]
		var a, b bytes.Buffer
		if err := v.WritePeriods(&a, lang, r); err != nil {
			t.Fatal(err)
		}
		if err := mem.WritePeriods(&b, lang, r); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("%+v %s: the indexed feed differs from the in-memory one (%d vs %d bytes)", r, lang, a.Len(), b.Len())
		}
	}
	if v.History.LedgerRead() {
		t.Fatal("the periods feed read the whole ledger")
	}
	if !v.History.IsDeferred() {
		t.Fatal("not deferred")
	}
}

// A feed streamed from the index for one data version stops with
// ErrIndexMoved once an edit has moved the index on, rather than mix two
// versions' periods in one body.
func TestIndexedPeriodsFeedStopsWhenTheIndexMoves(t *testing.T) {
	rs, evs := synthWorld(t)
	lowerIndexThreshold(t, 500)
	db := indexedDB(t, rs, evs)
	svc, err := service.New(db)
	if err != nil {
		t.Fatal(err)
	}
	old := svc.View()
	old.PeriodCount() // counted before the edit
	id := synth.RegionID(3)
	evsOf := old.History.FindEvents(geo.EventFilter{Region: id})
	last := *evsOf[len(evsOf)-1]
	d := last.Date.First + 2
	last.Date = geo.DateSpec{Text: d.String(), Precision: geo.PrecisionDay, First: d, Last: d}
	if _, _, err := svc.Write(service.Edit{Action: service.ActionUpdate, ID: last.ID, Event: &last, Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := old.WritePeriods(&b, geo.LangEN, service.PeriodsRange{}); !errors.Is(err, service.ErrIndexMoved) {
		t.Fatalf("old view after an edit: %v, want ErrIndexMoved", err)
	}
	b.Reset()
	if err := svc.View().WritePeriods(&b, geo.LangEN, service.PeriodsRange{}); err != nil {
		t.Fatalf("new view: %v", err)
	}
}
