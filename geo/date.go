// Package geo is mapsvc's domain: regions, controllers, dated control-change
// events, control periods and snapshots. It is pure and deterministic and
// knows neither HTTP nor storage.
package geo

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Day is a civil (proleptic Gregorian) calendar day counted from 1970-01-01.
// Control is reckoned in whole days, so a plain integer keeps comparisons,
// map keys and binary searches cheap and free of time zones.
type Day int32

// MinYear and MaxYear bound the dates the service accepts from clients.
const (
	MinYear = 1900
	MaxYear = 2100
)

// DayOf returns the Day of a civil date. It does not validate.
func DayOf(year, month, day int) Day {
	return Day(time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Date returns the civil year, month and day.
func (d Day) Date() (year, month, day int) {
	t := time.Unix(int64(d)*86400, 0).UTC()
	return t.Year(), int(t.Month()), t.Day()
}

// String formats the day as YYYY-MM-DD.
func (d Day) String() string {
	y, m, dd := d.Date()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

// Time returns midnight UTC at the start of the day.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Today returns the current UTC day.
func Today() Day { return Day(time.Now().UTC().Unix() / 86400) }

// ParseDay parses a strict YYYY-MM-DD within MinYear..MaxYear. It rejects
// impossible days (2020-02-30), months (2020-13-01) and other layouts.
func ParseDay(s string) (Day, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, fmt.Errorf("%w: %q is not YYYY-MM-DD", ErrInvalidDate, s)
	}
	y, err1 := digits(s[0:4])
	m, err2 := digits(s[5:7])
	d, err3 := digits(s[8:10])
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, fmt.Errorf("%w: %q is not YYYY-MM-DD", ErrInvalidDate, s)
	}
	if err := checkYear(y, s); err != nil {
		return 0, err
	}
	if m < 1 || m > 12 {
		return 0, fmt.Errorf("%w: %q has no month %d", ErrInvalidDate, s, m)
	}
	if d < 1 || d > daysIn(y, m) {
		return 0, fmt.Errorf("%w: %q has no day %d", ErrInvalidDate, s, d)
	}
	return DayOf(y, m, d), nil
}

func checkYear(y int, s string) error {
	if y < MinYear || y > MaxYear {
		return fmt.Errorf("%w: %q is outside %d..%d", ErrInvalidDate, s, MinYear, MaxYear)
	}
	return nil
}

// digits parses ASCII digits only (strconv.Atoi would accept a sign).
func digits(s string) (int, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("not digits: %q", s)
		}
	}
	return strconv.Atoi(s)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Precision says how exactly a source dates an event.
type Precision string

// The precisions a DateSpec can carry.
const (
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
	PrecisionRange Precision = "range" // an explicit first..last day window
)

// DateSpec is an event date as its sources give it: a day, a month, a year
// or a first/last-day range. First and Last bound the window in which the
// event happened (both inclusive); they are equal for day precision.
type DateSpec struct {
	Text      string
	Precision Precision
	First     Day
	Last      Day
}

// Exact reports whether the window is a single day.
func (s DateSpec) Exact() bool { return s.First == s.Last }

// String returns the spec as written in the ledger.
func (s DateSpec) String() string { return s.Text }

// ParseDateSpec parses "YYYY", "YYYY-MM", "YYYY-MM-DD" or
// "YYYY-MM-DD/YYYY-MM-DD". EDTF qualifiers (~, ?, X) are not supported and
// are rejected rather than guessed at.
func ParseDateSpec(s string) (DateSpec, error) {
	switch {
	case strings.Contains(s, "/"):
		a, b, _ := strings.Cut(s, "/")
		first, err := ParseDay(a)
		if err != nil {
			return DateSpec{}, err
		}
		last, err := ParseDay(b)
		if err != nil {
			return DateSpec{}, err
		}
		if last < first {
			return DateSpec{}, fmt.Errorf("%w: range %q ends before it starts", ErrInvalidDate, s)
		}
		p := PrecisionRange
		if first == last {
			p = PrecisionDay
		}
		return DateSpec{Text: s, Precision: p, First: first, Last: last}, nil
	case len(s) == 4:
		y, err := digits(s)
		if err != nil {
			return DateSpec{}, fmt.Errorf("%w: %q is not a year", ErrInvalidDate, s)
		}
		if err := checkYear(y, s); err != nil {
			return DateSpec{}, err
		}
		return DateSpec{Text: s, Precision: PrecisionYear, First: DayOf(y, 1, 1), Last: DayOf(y, 12, 31)}, nil
	case len(s) == 7 && s[4] == '-':
		y, err1 := digits(s[:4])
		m, err2 := digits(s[5:])
		if err1 != nil || err2 != nil {
			return DateSpec{}, fmt.Errorf("%w: %q is not YYYY-MM", ErrInvalidDate, s)
		}
		if err := checkYear(y, s); err != nil {
			return DateSpec{}, err
		}
		if m < 1 || m > 12 {
			return DateSpec{}, fmt.Errorf("%w: %q has no month %d", ErrInvalidDate, s, m)
		}
		return DateSpec{Text: s, Precision: PrecisionMonth, First: DayOf(y, m, 1), Last: DayOf(y, m, daysIn(y, m))}, nil
	default:
		d, err := ParseDay(s)
		if err != nil {
			return DateSpec{}, err
		}
		return DateSpec{Text: s, Precision: PrecisionDay, First: d, Last: d}, nil
	}
}

// MarshalText implements encoding.TextMarshaler.
func (s DateSpec) MarshalText() ([]byte, error) { return []byte(s.Text), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *DateSpec) UnmarshalText(b []byte) error {
	v, err := ParseDateSpec(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
