package store_test

import (
	"encoding/json"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/store"
)

// The fast read of an event's region and dates finds what decoding the
// whole event finds, for every event as the store writes it, and leaves
// to the decoder the values it cannot read for sure.
func TestEventKeysMatchDecoding(t *testing.T) {
	_, evs := ledgertest.Data(t)
	_, more := synthWorld(t)
	evs = append(evs, more...)
	odd := evs[0]
	odd.ID, odd.Region = `odd "quoted" id`, `a\b`
	evs = append(evs, odd)
	fast := 0
	for i := range evs {
		e := &evs[i]
		v, ok := store.AppendEvent(e)
		if !ok {
			b, err := json.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			v = b
		}
		var want struct {
			Region string       `json:"region"`
			Date   geo.DateSpec `json:"date"`
		}
		if err := json.Unmarshal(v, &want); err != nil {
			t.Fatal(err)
		}
		region, first, last, ok := store.EventKeys(v)
		if !ok {
			continue
		}
		fast++
		if region != want.Region || first != want.Date.First || last != want.Date.Last {
			t.Fatalf("event %s: read %q %v..%v, decoded %q %v..%v", e.ID, region, first, last, want.Region, want.Date.First, want.Date.Last)
		}
	}
	if fast < len(evs)*9/10 {
		t.Fatalf("only %d of %d events read the fast way", fast, len(evs))
	}
	if _, _, _, ok := store.EventKeys(mustAppend(t, &odd)); ok {
		t.Fatal("an escaped id was read the fast way")
	}
}

func mustAppend(t *testing.T, e *geo.Event) []byte {
	t.Helper()
	if v, ok := store.AppendEvent(e); ok {
		return v
	}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
