package handlers

import (
	"errors"
	"testing"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name, raw string
		err       error
	}{
		{"allowed names", "date=2020-11-25&lang=ar", nil},
		{"empty", "", nil},
		{"unknown name", "date=2020-11-25&zoom=3", errUnknownParam},
		{"name in another case", "Date=2020-11-25", errUnknownParam},
		{"repeated name", "lang=ar&lang=en", errBadParam},
		{"bad escape", "date=%zz", errBadParam},
		{"semicolon separator", "date=2020-11-25;lang=ar", errBadParam},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseQuery(tt.raw, "date", "lang")
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
		q, err := parseQuery(raw, "date", "lang", "as_of")
		if err != nil {
			return
		}
		if _, err := q.day("date", 0); err == nil && q.has("date") && len(q.get("date")) != 10 {
			t.Fatalf("accepted date %q", q.get("date"))
		}
		_, _ = q.lang()
	})
}
