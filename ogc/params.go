package ogc

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/service"
	"github.com/paulmach/orb"
)

// Paging bounds of the items endpoints.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// ParseBBox parses the bbox parameter: minLon,minLat,maxLon,maxLat in
// WGS84 degrees, or the six-number form with heights
// (minLon,minLat,minZ,maxLon,maxLat,maxZ), whose heights are checked and
// then ignored: the data is flat. Every number must be finite, longitudes
// in -180..180, latitudes in -90..90 and each minimum at most its maximum.
// A box that crosses the antimeridian (minLon > maxLon) is refused: the
// data lies far from it.
func ParseBBox(s string) (orb.Bound, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 && len(parts) != 6 {
		return orb.Bound{}, service.BadRequest("bbox needs 4 numbers (minLon,minLat,maxLon,maxLat) or 6 with heights; got %d", len(parts))
	}
	n := make([]float64, len(parts))
	for i, p := range parts {
		f, err := strconv.ParseFloat(p, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return orb.Bound{}, service.BadRequest("bbox value %d (%q) is not a finite number", i+1, p)
		}
		n[i] = f
	}
	minLon, minLat, maxLon, maxLat := n[0], n[1], n[2], n[3]
	if len(n) == 6 {
		minLon, minLat, maxLon, maxLat = n[0], n[1], n[3], n[4]
		if n[2] > n[5] {
			return orb.Bound{}, service.BadRequest("bbox minimum height %v is above the maximum %v", n[2], n[5])
		}
	}
	for _, lon := range []float64{minLon, maxLon} {
		if lon < -180 || lon > 180 {
			return orb.Bound{}, service.BadRequest("bbox longitude %v is outside -180..180", lon)
		}
	}
	for _, lat := range []float64{minLat, maxLat} {
		if lat < -90 || lat > 90 {
			return orb.Bound{}, service.BadRequest("bbox latitude %v is outside -90..90", lat)
		}
	}
	if minLon > maxLon {
		return orb.Bound{}, service.BadRequest("bbox minimum longitude %v is east of the maximum %v (boxes across the antimeridian are not supported)", minLon, maxLon)
	}
	if minLat > maxLat {
		return orb.Bound{}, service.BadRequest("bbox minimum latitude %v is north of the maximum %v", minLat, maxLat)
	}
	return orb.Bound{Min: orb.Point{minLon, minLat}, Max: orb.Point{maxLon, maxLat}}, nil
}

// Interval is a closed range of days; a nil end is open. Control is
// reckoned in whole days, so instants are reduced to their UTC day.
type Interval struct {
	Start, End *geo.Day
}

// Contains reports whether day d lies in the interval.
func (iv Interval) Contains(d geo.Day) bool {
	return (iv.Start == nil || d >= *iv.Start) && (iv.End == nil || d <= *iv.End)
}

// Meets reports whether the days first..last (inclusive; open: no last day)
// share at least one day with the interval.
func (iv Interval) Meets(first, last geo.Day, open bool) bool {
	if iv.End != nil && first > *iv.End {
		return false
	}
	if iv.Start != nil && !open && last < *iv.Start {
		return false
	}
	return true
}

// String is the interval in the parameter's syntax, days only.
func (iv Interval) String() string {
	if iv.Start != nil && iv.End != nil && *iv.Start == *iv.End {
		return iv.Start.String()
	}
	s, e := "..", ".."
	if iv.Start != nil {
		s = iv.Start.String()
	}
	if iv.End != nil {
		e = iv.End.String()
	}
	return s + "/" + e
}

// instant is one end of a datetime value.
type instant struct {
	day     geo.Day
	t       time.Time
	hasTime bool
}

// ParseDatetime parses the datetime parameter: an instant (a date
// "2020-11-25", the same with a bare T "2020-11-25T" as GDAL writes it, or
// an RFC 3339 date-time "2020-11-25T10:00:00Z"), a closed
// interval "a/b", or a half-open one "../b" or "a/.." (an empty end is open
// too). Date-times count as their UTC calendar day. Years outside
// 1900..2100 and intervals that end before they start are errors.
func ParseDatetime(s string) (Interval, error) {
	if !strings.Contains(s, "/") {
		in, err := parseInstant(s)
		if err != nil {
			return Interval{}, err
		}
		return Interval{Start: &in.day, End: &in.day}, nil
	}
	a, b, _ := strings.Cut(s, "/")
	if strings.Contains(b, "/") {
		return Interval{}, service.BadRequest("datetime %q has more than one '/'", s)
	}
	var iv Interval
	var start, end *instant
	if a != ".." && a != "" {
		in, err := parseInstant(a)
		if err != nil {
			return Interval{}, err
		}
		start, iv.Start = &in, &in.day
	}
	if b != ".." && b != "" {
		in, err := parseInstant(b)
		if err != nil {
			return Interval{}, err
		}
		end, iv.End = &in, &in.day
	}
	if start != nil && end != nil {
		if end.day < start.day || (start.hasTime && end.hasTime && end.t.Before(start.t)) {
			return Interval{}, service.BadRequest("datetime interval %q ends before it starts", s)
		}
	}
	return iv, nil
}

var errNotInstant = errors.New("not a date or date-time")

func parseInstant(s string) (instant, error) {
	// GDAL's OAPIF driver writes an interval end as a date with a bare
	// "T" (../2020-11-25T): the same day.
	if len(s) == 11 && (s[10] == 'T' || s[10] == 't') {
		s = s[:10]
	}
	if len(s) == 10 {
		d, err := geo.ParseDay(s)
		if err != nil {
			return instant{}, err // an invalid-date problem
		}
		return instant{day: d}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, strings.ToUpper(s))
	if err != nil || len(s) < 20 {
		return instant{}, service.BadRequest("datetime %q is %v: use YYYY-MM-DD or an RFC 3339 date-time such as 2020-11-25T10:00:00Z", s, errNotInstant)
	}
	t = t.UTC()
	y, m, d := t.Date()
	if y < geo.MinYear || y > geo.MaxYear {
		return instant{}, service.BadRequest("datetime %q is outside the years %d..%d", s, geo.MinYear, geo.MaxYear)
	}
	return instant{day: geo.DayOf(y, int(m), d), t: t, hasTime: true}, nil
}

// ParseLimit parses the limit parameter: a whole number from 1 up; values
// above MaxLimit are served as MaxLimit, as OGC API - Features asks.
func ParseLimit(s string) (int, error) {
	if !allDigits(s) {
		return 0, service.BadRequest("limit %q is not a whole number from 1 to %d", s, MaxLimit)
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || n > MaxLimit {
		return MaxLimit, nil // only a range error is possible: digits checked
	}
	if n == 0 {
		return 0, service.BadRequest("limit must be at least 1")
	}
	return int(n), nil
}

// maxOffset keeps offsets in int range on every platform.
const maxOffset = 1 << 30

// ParseOffset parses the offset parameter: how many matching features to
// skip, 0 up.
func ParseOffset(s string) (int, error) {
	if !allDigits(s) {
		return 0, service.BadRequest("offset %q is not a whole number from 0", s)
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || n > maxOffset {
		return 0, service.BadRequest("offset %q is too large", s)
	}
	return int(n), nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
