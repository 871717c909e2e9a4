package geo

import (
	"errors"
	"testing"
)

func TestParseDay(t *testing.T) {
	tests := []struct {
		name, in string
		want     string
		ok       bool
	}{
		{"plain day", "2020-11-25", "2020-11-25", true},
		{"leap day", "2020-02-29", "2020-02-29", true},
		{"before 1970", "1993-04-02", "1993-04-02", true},
		{"first allowed year", "1900-01-01", "1900-01-01", true},
		{"impossible day", "2020-02-30", "", false},
		{"not a leap year", "2021-02-29", "", false},
		{"month 13", "2020-13-01", "", false},
		{"month 0", "2020-00-10", "", false},
		{"compact form", "20201125", "", false},
		{"word", "yesterday", "", false},
		{"year before 1900", "1899-12-31", "", false},
		{"year after 2100", "2101-01-01", "", false},
		{"year 0000", "0000-01-01", "", false},
		{"five-digit year", "99999-01-01", "", false},
		{"signed field", "2020-+1-01", "", false},
		{"empty", "", "", false},
		{"EDTF uncertain", "2020-11-25?", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDay(tt.in)
			if tt.ok != (err == nil) {
				t.Fatalf("ParseDay(%q) error = %v, want ok = %v", tt.in, err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrInvalidDate) {
				t.Errorf("error %v does not wrap ErrInvalidDate", err)
			}
			if tt.ok && d.String() != tt.want {
				t.Errorf("got %s, want %s", d, tt.want)
			}
		})
	}
}

func TestParseDateSpec(t *testing.T) {
	tests := []struct {
		name, in    string
		precision   Precision
		first, last string
		ok          bool
	}{
		{"day", "2020-11-25", PrecisionDay, "2020-11-25", "2020-11-25", true},
		{"month", "1993-04", PrecisionMonth, "1993-04-01", "1993-04-30", true},
		{"february in a leap year", "2020-02", PrecisionMonth, "2020-02-01", "2020-02-29", true},
		{"year", "1992", PrecisionYear, "1992-01-01", "1992-12-31", true},
		{"range", "1993-04-02/1993-04-03", PrecisionRange, "1993-04-02", "1993-04-03", true},
		{"one-day range is a day", "2020-11-25/2020-11-25", PrecisionDay, "2020-11-25", "2020-11-25", true},
		{"reversed range", "2020-11-25/2020-11-20", "", "", "", false},
		{"open range", "2020-11-25/..", "", "", "", false},
		{"month 13", "2020-13", "", "", "", false},
		{"EDTF approximate year", "1993~", "", "", "", false},
		{"EDTF unspecified digits", "199X", "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseDateSpec(tt.in)
			if tt.ok != (err == nil) {
				t.Fatalf("ParseDateSpec(%q) error = %v, want ok = %v", tt.in, err, tt.ok)
			}
			if !tt.ok {
				return
			}
			if s.Precision != tt.precision || s.First.String() != tt.first || s.Last.String() != tt.last {
				t.Errorf("got %s %s..%s, want %s %s..%s", s.Precision, s.First, s.Last, tt.precision, tt.first, tt.last)
			}
		})
	}
}

func TestDayRoundTrip(t *testing.T) {
	for d := DayOf(1900, 1, 1); d <= DayOf(2100, 12, 31); d += 97 {
		got, err := ParseDay(d.String())
		if err != nil || got != d {
			t.Fatalf("round trip of %s: got %v, %v", d, got, err)
		}
	}
}

func FuzzParseDateSpec(f *testing.F) {
	for _, s := range []string{"2020-11-25", "1993-04", "1992", "1993-04-02/1993-04-03", "2020-02-30", "", "/", "9999-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spec, err := ParseDateSpec(s)
		if err != nil {
			return
		}
		if spec.Last < spec.First {
			t.Fatalf("%q: window ends before it starts", s)
		}
		if y, _, _ := spec.First.Date(); y < MinYear || y > MaxYear {
			t.Fatalf("%q: year %d out of range", s, y)
		}
	})
}
