package extract

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// URL forms that carry a publication date. News sites put the date in the
// path as /2020/10/04/, /2022/8/26/ (month and day without zeros), a
// segment beginning /20201017 (yyyymmdd, often followed by an id), a
// hyphenated day in a segment or a slug (/1993-09-05/,
// la-xpm-1993-11-01-mn-…, …-lachin-city-2022-8-26, archive permalinks), or a query parameter such
// as ?date=2020-10-04. A number that is not a valid calendar date between
// 1990 and the year after the reference day is an id, not a date.
var (
	urlYMPath   = regexp.MustCompile(`/((?:19|20)\d\d)/(\d{1,2})/`)
	urlYMDPath  = regexp.MustCompile(`/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|$|[-_.])`)
	urlCompact  = regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d\d)(\d\d)(\d\d)(?:$|[/_.-]|\d{0,10}(?:$|[/_.-]))`)
	urlISO      = regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?:$|[/_.-])`)
	urlQueryKey = []string{"date", "pubdate", "published", "d"}
)

// dateFromURL infers a publication date from a source URL. how names the
// part of the URL it came from; ok is false when the URL holds no date.
func dateFromURL(source string) (t time.Time, how string, ok bool) {
	u, err := url.Parse(strings.TrimSpace(source))
	if err != nil || u.Host == "" {
		return time.Time{}, "", false
	}
	q := u.Query()
	for _, k := range urlQueryKey {
		v := q.Get(k)
		if v == "" {
			continue
		}
		for _, layout := range []string{"2006-01-02", "20060102", "2006/01/02", "02-01-2006", "02.01.2006"} {
			if t, err := time.Parse(layout, v); err == nil {
				if t, ok := urlDay(t.Year(), int(t.Month()), t.Day()); ok {
					return t, fmt.Sprintf("inferred: URL query %s=%s", k, v), true
				}
			}
		}
	}
	path := u.EscapedPath()
	if t, how, ok := pathDay(urlYMDPath, path, "/%s/%s/%s/", 1); ok {
		return t, how, true
	}
	return pathDay(urlCompact, path, "%s%s%s (yyyymmdd)", -1)
}

// isoDateFromURL reads a hyphenated day in a path segment or a slug
// ("/1993-09-05/", "la-xpm-1993-11-01-mn-…"). Sites also put the day a
// file was stored there, so a full date the page prints for itself goes
// before it (extract.go asks this only after that).
func isoDateFromURL(source string) (t time.Time, how string, ok bool) {
	u, err := url.Parse(strings.TrimSpace(source))
	if err != nil || u.Host == "" {
		return time.Time{}, "", false
	}
	return pathDay(urlISO, u.EscapedPath(), "%s-%s-%s", -1)
}

// pathDay reads the first of at most n matches of re (year, month and day
// groups) in a URL path that is a day urlDay accepts; shape writes the
// three groups into date_how.
func pathDay(re *regexp.Regexp, path, shape string, n int) (time.Time, string, bool) {
	for _, m := range re.FindAllStringSubmatch(path, n) {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if t, ok := urlDay(y, mo, d); ok {
			return t, "inferred: URL path " + fmt.Sprintf(shape, m[1], m[2], m[3]), true
		}
	}
	return time.Time{}, "", false
}

// monthFromURL reads the year and month of a page from a URL path that
// has them without a day ("/2015/05/slug.html", blog and archive
// permalinks): the page was written in that month.
func monthFromURL(source string) (y, m int, ok bool) {
	u, err := url.Parse(strings.TrimSpace(source))
	if err != nil || u.Host == "" {
		return 0, 0, false
	}
	g := urlYMPath.FindStringSubmatch(u.EscapedPath())
	if g == nil {
		return 0, 0, false
	}
	y, _ = strconv.Atoi(g[1])
	m, _ = strconv.Atoi(g[2])
	if _, ok := urlDay(y, m, 1); !ok {
		return 0, 0, false
	}
	return y, m, true
}

// urlDay is a day read from a URL when it is a calendar day between 1990
// and the year after this one (larger numbers there are ids).
func urlDay(y, m, d int) (time.Time, bool) {
	if y < 1990 || y > time.Now().Year()+1 || m < 1 || m > 12 || d < 1 || !validDay(y, m, d) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}
