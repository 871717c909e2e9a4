package extract

import (
	"fmt"
	"strings"
	"time"

	"github.com/mapsvc/mapsvc/geo"
)

// pageAnchor is what one change, told relative to the day of the page and
// dated by the ledger (ledgerDate), says about that day: the page was
// written on a day in [first, last]. exact anchors ("today", "yesterday")
// name one day; a weekday only bounds the week after the change.
type pageAnchor struct {
	first, last geo.Day
	exact       bool
	region, to  string
	word        string
	change      geo.Day
	landmark    string // the ledger's offensive or ceasefire, for an anchor that is one
}

// noteAnchor records what a change dated by the ledger says about the day
// of the page. Only a change the ledger dates to one day of its own
// counts (a day picked out of a span by a weekday is the text's reading,
// not the ledger's); a side's claim that the page reports denied may tell
// what did not happen that day (an undisputed claim that fits the
// ledger's day is the ledger's change); a date told after "after" or
// forward in time says nothing of the page.
func (b *builder) noteAnchor(x cand, c civil) {
	if !b.fitPrecise || c.prec != "day" || x.after || x.claimant != "" && b.denied(x) {
		return
	}
	d := geo.Day(c.time().Unix() / 86400)
	a := pageAnchor{region: x.region, to: x.to, change: d}
	switch {
	case x.hasRel && x.rel.rel == relDays && x.rel.offset <= 0:
		// "today" is the page's day, "yesterday" the day before it
		a.first, a.last, a.exact = d-geo.Day(x.rel.offset), d-geo.Day(x.rel.offset), true
		a.word = x.rel.word
	case x.hasRel && x.rel.rel == relWeekday && x.rel.dir <= 0:
		// a weekday of the past week: the page is at most a week later
		a.first, a.last = d, d+6
		if x.rel.dir < 0 {
			a.first, a.last = d+1, d+7
		}
		a.word = x.rel.word
	case x.lead && x.hasRel && x.rel.rel == relNone:
		// the lead's news dated by a day and month without a year: the
		// page is of that day or the week after it
		a.first, a.last, a.word = d, d+7, x.rel.word
	case x.lead && !x.hasRel:
		// the lead's news with no date: of the day of the page or the
		// day before it
		a.first, a.last, a.word = d, d+1, "the news of the lead"
	default:
		return
	}
	b.anchors = append(b.anchors, a)
}

// pageDay is the day of the page that the anchors agree on: at least one
// exact anchor, every exact anchor naming the same day, every weekday
// anchor's week holding it, and no date the text writes later than it.
// A commemoration is refused outright: its "today" is the anniversary,
// not the day of the change the ledger holds.
func (b *builder) pageDay() (time.Time, string, bool) {
	if b.hasPub || b.anniversary || len(b.anchors) == 0 {
		return time.Time{}, "", false
	}
	var day geo.Day
	var by *pageAnchor
	for i := range b.anchors {
		a := &b.anchors[i]
		if !a.exact {
			continue
		}
		if by != nil && a.first != day {
			return time.Time{}, "", false // anchors that disagree date nothing
		}
		if by == nil {
			day, by = a.first, a
		}
	}
	if by == nil {
		if t, how, ok := b.weekdayInWindows(); ok {
			return t, how, true
		}
		return b.datelineDay()
	}
	for _, a := range b.anchors {
		if day < a.first || day > a.last {
			return time.Time{}, "", false
		}
	}
	if b.hasLatest && b.latest > day {
		return time.Time{}, "", false // the text dates something after that day
	}
	how := fmt.Sprintf("inferred: the ledger's change of %s to %s on %s, told as %q", by.region, by.to, by.change.Time().Format("2006-01-02"), by.word)
	if by.landmark != "" {
		how = fmt.Sprintf("inferred: %s, told as %q", by.landmark, by.word)
		b.pageNeedsConfirm = true
	}
	if n := len(b.anchors); n > 1 {
		how += fmt.Sprintf(" (%d changes agree)", n)
	}
	return day.Time(), how, true
}

// denied reports a denial, on the page, of a change of x's district (or of
// the news as a whole) by a side other than the one that gained.
func (b *builder) denied(x cand) bool {
	for _, st := range b.stance {
		if st.deny && st.side != x.to && (st.region == "" || st.region == x.region) {
			return true
		}
	}
	return false
}

// datelineDay is the day of a dateline written without a year ("BAKU,
// December 1.") in the one year that puts it in the week after every
// change of the lead the ledger dates.
func (b *builder) datelineDay() (time.Time, string, bool) {
	if !b.hasDateline || len(b.anchors) == 0 {
		return time.Time{}, "", false
	}
	var day geo.Day
	found := false
	y0, _, _ := b.anchors[0].first.Date()
	for y := y0 - 1; y <= y0+1; y++ {
		if !validDay(y, b.dateline.month, b.dateline.day) {
			continue
		}
		d := geo.Day(time.Date(y, time.Month(b.dateline.month), b.dateline.day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
		all := true
		for _, a := range b.anchors {
			all = all && a.first <= d && d <= a.last
		}
		if all {
			if found {
				return time.Time{}, "", false
			}
			day, found = d, true
		}
	}
	if !found || b.hasLatest && b.latest > day {
		return time.Time{}, "", false
	}
	a := b.anchors[0]
	how := fmt.Sprintf("inferred: dateline %q without a year; the year of the ledger's change of %s to %s on %s, told as %s", b.dateline.word, a.region, a.to, a.change.Time().Format("2006-01-02"), a.word)
	return day.Time(), how, true
}

// noteLandmarks records, for a page without a date, what a landmark of
// the ledger told relative to the page says of its day: "the offensive
// began on Sunday", "clashes broke out this morning" name the ledger's one
// offensive or ceasefire of that kind that falls on that weekday; and the
// weekday the page calls today ("اليوم الأحد", "yesterday, Saturday").
func (b *builder) noteLandmarks(anns []*annotated, landmarks []anchor) {
	if b.hasPub {
		return
	}
	for _, a := range anns {
		for k, e := range a.dates {
			if a.claimed[k] || a.deadline[k] {
				continue
			}
			if e.rel == relDays && e.hasWeekday && e.offset <= 0 && !b.hasTodayWd {
				b.todayWd, b.hasTodayWd, b.todayWdWord = time.Weekday((int(e.weekday)-e.offset)%7), true, e.word
			}
			if !(e.rel == relDays && e.offset <= 0 || e.rel == relWeekday && e.dir <= 0) {
				continue
			}
			for _, h := range a.ctx {
				if h.typ != ctxOffensive && h.typ != ctxCeasefire || h.i-e.j > 3 || e.i-h.j > 3 {
					// the day must be told with the landmark itself
					// ("broke out on Sunday morning"), not elsewhere in a
					// sentence that cites it ("said on Tuesday that …
					// under the ceasefire agreement")
					continue
				}
				var only *anchor
				n := 0
				for i, l := range landmarks {
					day := time.Date(l.year, time.Month(l.month), l.day, 0, 0, 0, 0, time.UTC)
					if l.ctx != h.typ || e.hasWeekday && day.Weekday() != e.weekday {
						continue
					}
					only = &landmarks[i]
					n++
				}
				if n != 1 {
					continue
				}
				d := geo.Day(time.Date(only.year, time.Month(only.month), only.day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
				pa := pageAnchor{change: d, word: e.word, landmark: only.what}
				switch {
				case e.rel == relDays:
					pa.first, pa.last, pa.exact = d-geo.Day(e.offset), d-geo.Day(e.offset), true
				case e.dir < 0:
					pa.first, pa.last = d+1, d+7
				default:
					pa.first, pa.last = d, d+6
				}
				b.anchors = append(b.anchors, pa)
			}
		}
	}
}

// weekdayInWindows is the one day with the weekday the page calls today
// that lies in every anchor's window, when no anchor names the day.
func (b *builder) weekdayInWindows() (time.Time, string, bool) {
	if !b.hasTodayWd || len(b.anchors) == 0 {
		return time.Time{}, "", false
	}
	first, last := b.anchors[0].first, b.anchors[0].last
	for _, a := range b.anchors[1:] {
		first, last = max(first, a.first), min(last, a.last)
	}
	var hits []geo.Day
	for d := first; d <= last; d++ {
		if d.Time().Weekday() == b.todayWd {
			hits = append(hits, d)
		}
	}
	if len(hits) != 1 || b.hasLatest && b.latest > hits[0] {
		return time.Time{}, "", false
	}
	a := b.anchors[0]
	b.pageNeedsConfirm = true
	for _, o := range b.anchors {
		if o.landmark == "" {
			b.pageNeedsConfirm = false
		}
	}
	what := a.landmark
	if what == "" {
		what = fmt.Sprintf("the ledger's change of %s to %s on %s", a.region, a.to, a.change.Time().Format("2006-01-02"))
	}
	how := fmt.Sprintf("inferred: %q (a %s) in the week after %s, told as %q", b.todayWdWord, b.todayWd, what, a.word)
	return hits[0].Time(), how, true
}

// confirmed reports a change the page, read as of its inferred day, dates
// to a day on which the ledger holds a change of that district to that
// side: a landmark alone ("clashes broke out on Sunday") may be another
// year's fighting that the ledger does not list.
func confirmed(r Result, h *geo.History) bool {
	if h == nil {
		return false
	}
	for _, p := range r.Proposals {
		if p.Precision != "day" || strings.HasPrefix(p.DateHow, ledgerDateHow) {
			continue
		}
		t, err := time.Parse("2006-01-02", p.Date)
		if err != nil {
			continue
		}
		d := geo.Day(t.Unix() / 86400)
		for _, e := range h.Events() {
			if e.Region == p.Region && string(e.To) == p.To && e.Kind != geo.KindBaseline && e.Date.First <= d && d <= e.Date.Last {
				return true
			}
		}
	}
	return false
}
