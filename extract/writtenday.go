package extract

import "time"

// writtenDay returns the day a page was written when its lead names that
// day in full, by weekday and date ("on Saturday, 3 October", "يوم السبت 3
// أكتوبر"), and the day is the one before the publication date: a report
// written on the day it tells and posted after midnight, or dated by the
// site on the next day. Its "today" is the day the lead names. A text that
// says "yesterday" (أمس) anywhere counts from the publication date and
// keeps it; so does one whose lead day is not the day before.
func writtenDay(anns []*annotated, pub time.Time) (time.Time, bool) {
	for _, a := range anns {
		for _, e := range a.dates {
			if e.rel == relDays && e.offset < 0 {
				return time.Time{}, false // "yesterday": counted from the page's day
			}
		}
	}
	for _, a := range anns {
		if a.s.idx >= 4 {
			break
		}
		for _, e := range a.dates {
			if e.rel != relNone || e.day == 0 || e.month == 0 {
				continue
			}
			y := e.year
			if y == 0 {
				y = pub.Year()
			}
			d := time.Date(y, time.Month(e.month), e.day, 0, 0, 0, 0, time.UTC)
			if !d.Equal(pub.AddDate(0, 0, -1)) || !weekdayNamedBefore(a.s.toks, e.i, d.Weekday()) {
				return time.Time{}, false
			}
			return d, true
		}
	}
	return time.Time{}, false
}

// weekdayNamedBefore reports the weekday wd written within the three
// words before token i.
func weekdayNamedBefore(ts []token, i int, wd time.Weekday) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if ts[k].kind != tokWord {
			continue
		}
		if w, ok := stemIn(ts[k], weekdayWords); ok && w == wd {
			return true
		}
	}
	return false
}
