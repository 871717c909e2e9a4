package httpkit

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
