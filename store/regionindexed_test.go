package store_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/synth"
	"github.com/mapsvc/mapsvc/service"
)

// One region's history and events on an indexed view come from its
// period record and its events read by id (and one event by its id): the same bytes as the history in memory
// gives, in every language, and the ledger is never read for it; after an
// edit deletes one of a region's events, its answer follows.
func TestIndexedRegionDoesNotReadTheLedger(t *testing.T) {
	rs, db, svc := indexedService(t)
	v, mem := svc.View(), memView(t, db)
	same := func(v, mem *service.View, ids ...string) {
		t.Helper()
		for i, id := range ids {
			lang := geo.Langs[i%len(geo.Langs)]
			a, err := v.Region(id, lang)
			if err != nil {
				t.Fatal(err)
			}
			b, err := mem.Region(id, lang)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatalf("%s %s: the indexed region differs from the in-memory one (%d vs %d bytes)", id, lang, len(a.Bytes()), len(b.Bytes()))
			}
		}
	}
	ids := []string{synth.RegionID(0), synth.RegionID(1), synth.RegionID(7), synth.RegionID(len(rs) - 1)}
	same(v, mem, ids...)
	// A region's events (in a window of days), and one event.
	evs1 := mem.History.FindEvents(geo.EventFilter{Region: ids[1]})
	from, to := evs1[1].Date.First, evs1[len(evs1)-2].Date.Last
	for _, f := range []geo.EventFilter{{Region: ids[1]}, {Region: ids[2], From: &from}, {Region: ids[1], From: &from, To: &to}} {
		a, err := v.Events(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := mem.Events(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("events %+v: the indexed answer differs (%d vs %d bytes)", f, len(a.Bytes()), len(b.Bytes()))
		}
	}
	a, err := v.Event(evs1[2].ID)
	if err != nil {
		t.Fatal(err)
	}
	b, err := mem.Event(evs1[2].ID)
	if err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("event %s: the indexed answer differs (%v)", evs1[2].ID, err)
	}
	if _, err := v.Event("no-such-event"); !errors.Is(err, geo.ErrNotFound) {
		t.Fatalf("unknown event: %v, want ErrNotFound", err)
	}
	if v.History.LedgerRead() {
		t.Fatal("a region's history or events read the whole ledger")
	}
	if _, err := v.Region("no-such-region", geo.LangEN); err == nil {
		t.Fatal("an unknown region answered")
	}

	// The last event of region 1 deleted.
	edited := synth.RegionID(1)
	before := mem.History.FindEvents(geo.EventFilter{Region: edited})
	last := before[len(before)-1]
	if _, _, err := svc.Write(service.Edit{Action: service.ActionDelete, ID: last.ID, Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	reopened, err := service.New(db)
	if err != nil {
		t.Fatal(err)
	}
	if !reopened.View().Indexed() {
		t.Fatal("the edit left no current index")
	}
	after := memView(t, db)
	if n := len(after.History.FindEvents(geo.EventFilter{Region: edited})); n != len(before)-1 {
		t.Fatalf("%d events after the delete, want %d", n, len(before)-1)
	}
	same(reopened.View(), after, edited, synth.RegionID(2))
}

// GET /api/v1/events without a region, on an indexed view, is written from
// the store in the order and with the bytes of the history in memory, and
// a stream of a view an edit has replaced stops with ErrIndexMoved rather
// than mix two versions; the new view's answer follows the edit.
func TestIndexedEventsStream(t *testing.T) {
	_, db, svc := indexedService(t)
	v, mem := svc.View(), memView(t, db)
	old := service.EventsPart
	service.EventsPart = 97 // many parts, the last one short
	t.Cleanup(func() { service.EventsPart = old })
	evs := mem.History.Events()
	if len(evs) < 5*service.EventsPart {
		t.Fatalf("only %d events", len(evs))
	}
	from, to := evs[len(evs)/3].Date.First, evs[2*len(evs)/3].Date.Last
	for _, f := range []geo.EventFilter{{}, {From: &from}, {To: &to}, {From: &from, To: &to}} {
		if !v.StreamEvents(f) || mem.StreamEvents(f) {
			t.Fatalf("%+v: streamed indexed %v, in memory %v", f, v.StreamEvents(f), mem.StreamEvents(f))
		}
		var a bytes.Buffer
		if err := v.WriteEvents(&a, f); err != nil {
			t.Fatal(err)
		}
		b, err := mem.Events(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) || v.EventsETag(f) != b.ETag {
			t.Fatalf("events %+v: the stream differs (%d vs %d bytes, ETag %s vs %s)", f, a.Len(), len(b.Bytes()), v.EventsETag(f), b.ETag)
		}
	}
	if v.History.LedgerRead() {
		t.Fatal("the events stream read the whole ledger")
	}
	delayLastChange(t, svc, mem, synth.RegionID(5), 1)
	if err := v.WriteEvents(io.Discard, geo.EventFilter{}); !errors.Is(err, service.ErrIndexMoved) {
		t.Fatalf("old view after an edit: %v, want ErrIndexMoved", err)
	}
	reopened, err := service.New(db)
	if err != nil {
		t.Fatal(err)
	}
	if !reopened.View().StreamEvents(geo.EventFilter{}) {
		t.Fatal("the edit left no current index")
	}
	var a bytes.Buffer
	if err := reopened.View().WriteEvents(&a, geo.EventFilter{}); err != nil {
		t.Fatal(err)
	}
	b, err := memView(t, db).Events(geo.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("after the edit the stream differs (%d vs %d bytes)", a.Len(), len(b.Bytes()))
	}
}
