package extract

import "fmt"

// A live page (a live blog, a day-by-day feed) is a string of entries,
// each under a line that is nothing but its day and time ("23 Oct 2020,
// 19:02"). A change an entry tells with no date of its own is the news of
// that entry's day, which need not be the page's publication day.

// stampReach is how many sentences after its time stamp an entry's news
// runs: its heading and first paragraph, not the background below.
const stampReach = 4

// minStamps is how many time-stamp lines make a page a live one: a single
// dated line at the top is the page's dateline, handled as such.
const minStamps = 2

// stamp is a time-stamp line and the day it writes.
type stamp struct {
	sent int
	day  civil
}

// noteStamp records a sentence that is only a full date, with or without a
// time of day.
func (b *builder) noteStamp(a *annotated) {
	if len(a.dates) != 1 || !a.res[0].ok || a.res[0].c.prec != "day" || a.dates[0].year == 0 || a.dates[0].rel != relNone {
		return
	}
	e := a.dates[0]
	for k, t := range a.s.toks {
		if k >= e.i && k < e.j {
			continue
		}
		if t.kind != tokPunct && t.kind != tokNum {
			return
		}
	}
	b.stamps = append(b.stamps, stamp{sent: a.s.idx, day: a.res[0].c})
}

// stampDay is the day of the entry sentence sent belongs to, on a live
// page, with how it was found.
func (b *builder) stampDay(sent int) (civil, string, bool) {
	if len(b.stamps) < minStamps {
		return civil{}, "", false
	}
	for i := len(b.stamps) - 1; i >= 0; i-- {
		s := b.stamps[i]
		if s.sent < sent {
			if sent-s.sent > stampReach {
				return civil{}, "", false
			}
			return s.day, fmt.Sprintf("the time stamp of its entry (sentence %d)", s.sent+1), true
		}
	}
	return civil{}, "", false
}
