package extract

import (
	"fmt"
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
	case x.lead && (!x.hasRel || x.rel.rel == relNone):
		// the news of the lead, undated or dated by a day and month
		// without a year: the page is of that day or the week after it
		a.first, a.last = d, d+7
		a.word = "the news of the lead"
		if x.hasRel {
			a.word = x.rel.word
		}
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
