package httpkit

import (
	"errors"
	"testing"
	"time"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name, raw string
		err       error
	}{
		{"allowed names", "date=2020-11-25&lang=ar", nil},
		{"empty", "", nil},
		{"unknown name", "date=2020-11-25&zoom=3", ErrUnknownParam},
		{"name in another case", "Date=2020-11-25", ErrUnknownParam},
		{"repeated name", "lang=ar&lang=en", ErrBadParam},
		{"bad escape", "date=%zz", ErrBadParam},
		{"semicolon separator", "date=2020-11-25;lang=ar", ErrBadParam},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseQuery(tt.raw, "date", "lang")
			if tt.err == nil && err != nil || tt.err != nil && !errors.Is(err, tt.err) {
				t.Errorf("got %v, want %v", err, tt.err)
			}
		})
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"date=2020-11-25&lang=ar", "date=%zz", "a=1&a=2", "lang=", "date=2020-02-30", "as_of=2020-11-25T00:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := ParseQuery(raw, "date", "lang", "as_of")
		if err != nil {
			return
		}
		if _, err := q.Day("date", 0); err == nil && q.Has("date") && len(q.Get("date")) != 10 {
			t.Fatalf("accepted date %q", q.Get("date"))
		}
		_, _ = q.Lang()
	})
}

// slowParse is ParseQuery without the plain fast path: url.ParseQuery
// then the checks.
func slowParse(raw string, allowed ...string) (Query, error) {
	return ParseQuery(raw+"&%61=", append(allowed, "a")...) // an escaped name forces the general path
}

// The plain path answers exactly as url.ParseQuery does: the same values,
// and every query it does not take is left to the general path.
func TestParsePlainAgrees(t *testing.T) {
	allowed := []string{"date", "lang", "as_of"}
	for _, raw := range []string{"", "date=2020-11-25", "date=2020-11-25&lang=ar", "&&date=1&", "lang=", "lang",
		"date=a=b", "as_of=2020-11-25T00:00:00Z&date=2020-11-25&lang=en", "=x", "date=1&date=2", "zoom=3",
		"date=%32", "date=a+b", "date=1;lang=en", "Date=1"} {
		fast, ferr := ParseQuery(raw, allowed...)
		slow, serr := slowParse(raw, allowed...)
		if serr != nil {
			if ferr == nil {
				t.Errorf("%q: accepted; the general path says %v", raw, serr)
			}
			continue
		}
		if ferr != nil {
			t.Errorf("%q: %v; the general path accepts it", raw, ferr)
			continue
		}
		for _, name := range allowed {
			if fast.Has(name) != slow.Has(name) || fast.Get(name) != slow.Get(name) {
				t.Errorf("%q: %s = %q (%v), want %q (%v)", raw, name, fast.Get(name), fast.Has(name), slow.Get(name), slow.Has(name))
			}
		}
		if got := fast.Values(); len(got) != len(slow.Values())-1 {
			t.Errorf("%q: Values %v", raw, got)
		}
	}
	if _, err := ParseQuery("date=1;lang=en", allowed...); err == nil {
		t.Error("a semicolon separator was accepted")
	}
}

// The hot path's query is read without allocating.
func TestParsePlainAllocatesNothing(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		q, err := ParseQuery("date=2020-11-25&lang=en", "date", "lang", "as_of")
		if err != nil || q.Get("date") != "2020-11-25" {
			t.Fatal(q, err)
		}
	})
	if n != 0 {
		t.Errorf("%v allocations per query", n)
	}
}

// TestAsOfCoversItsSecond: an as_of written to the second covers the whole
// second (an import at 08:35:39.4 is "as of 08:35:39Z"); one written with a
// fraction is that instant.
func TestAsOfCoversItsSecond(t *testing.T) {
	import_ := time.Date(2026, 12, 2, 8, 35, 39, 400_000_000, time.UTC)
	q, err := ParseQuery("as_of=2026-12-02T08:35:39Z", "as_of")
	if err != nil {
		t.Fatal(err)
	}
	at, ok, err := q.AsOf()
	if err != nil || !ok || at.Before(import_) {
		t.Errorf("as_of to the second: got %v (ok %v, err %v), want a time not before %v", at, ok, err, import_)
	}
	q, _ = ParseQuery("as_of=2026-12-02T08:35:39.1Z", "as_of")
	if at, _, _ := q.AsOf(); !at.Before(import_) {
		t.Errorf("as_of with a fraction: got %v, want the instant written", at)
	}
}
