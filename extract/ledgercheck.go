package extract

// Checks of a reading against the ledger passed in (Options.History): a
// hold restated is no change, a lent year the ledger contradicts takes the
// ledger's, a page's news of the day before is the ledger's change of
// that day, and one change told twice folds into the ledger's day.

import (
	"fmt"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
)

// heldWholeDays and heldLongDays are how long a side must have held the
// whole, or the larger part, of a district before a day for a reading of
// the district going to it that day to be a restatement of its hold:
// longer than any gap between a change and the ledger's record of it.
const (
	heldWholeDays = 30
	heldLongDays  = 365
)

// weakDate reports a date the text did not write out whole: the page's
// own day, a day relative to it, a day and month whose year came from the
// page or from an earlier date, or a year counted from a duration. Only
// such a date may be wrong where the ledger contradicts it; a date the
// text writes in full is the text's claim and stays, unless the ledger has
// the side holding the whole district for years around it with no change
// for months (then it dates something else: see restatedHold).
func weakDate(how string) bool {
	switch {
	case how == pubDateHow,
		strings.HasPrefix(how, "relative to publication date"),
		strings.HasPrefix(how, "the day the lead dates the news"),
		strings.HasPrefix(how, "derived from duration"),
		strings.HasPrefix(how, "explicit (year"):
		return true
	}
	return false
}

// heldAlready reports that the ledger passed in has side to holding
// region, undisputed, from well before the first day c may mean through
// its last, with no change of the district to that side anywhere near:
// on such a day nothing went to that side, so a reading that says so
// retells the hold ("the occupied Kalbajar district" in a report of 2020
// is no capture of 2020). A whole district must have been held for a
// month before, with no change to the side within nearDays; a majority
// of one for heldLongDays, with none within as long (a side holding part
// of a district may take more of it, but then the ledger records that).
func (b *builder) heldAlready(region, to string, c civil) bool {
	h := b.opt.History
	if h == nil || region == "" || to == "" || c.y == 0 {
		return false
	}
	r, err := h.Region(region)
	if err != nil {
		return false
	}
	first, last := civilSpan(c)
	before := h.StateAt(r, first-1)
	if string(before.Controller) != to || before.Status != geo.StatusFirm || string(h.StateAt(r, last).Controller) != to {
		return false
	}
	held, near := geo.Day(heldWholeDays), geo.Day(nearDays)
	if before.Extent != geo.ExtentWhole || before.ExtentStatus != geo.StatusFirm {
		held, near = heldLongDays, heldLongDays
	}
	if before.Since.Last+held > first {
		return false
	}
	return !changeTo(h, region, to, first-near, last+near)
}

// changeTo reports a change of district region to side to that the
// ledger dates between days from and to.
func changeTo(h *geo.History, region, side string, from, to geo.Day) bool {
	for _, e := range h.Events() {
		if e.Region == region && string(e.To) == side && e.Kind != geo.KindBaseline && e.Date.First <= to && e.Date.Last >= from {
			return true
		}
	}
	return false
}

// otherSideHeld reports that the ledger has the side other than x's
// holding x's district on x's day, firmly: a change to x's side then is
// against the ledger.
func (b *builder) otherSideHeld(x cand) bool {
	h := b.opt.History
	if h == nil || x.date.y == 0 {
		return false
	}
	r, err := h.Region(x.region)
	if err != nil {
		return false
	}
	first, _ := civilSpan(x.date)
	st := h.StateAt(r, first)
	return st.Controller != "" && string(st.Controller) != x.to && st.Status == geo.StatusFirm
}

// ledgerYear re-dates a day and month whose year the text left to the
// page or to an earlier date, when that year finds the district already
// held by the side (heldAlready) and the ledger holds exactly one change
// of the district to that side whose days include that day and month in
// another year: a piece of 2023 that says "on 8 November the army took
// Shusha" marks the day of 2020. It returns the ledger's year.
func (b *builder) ledgerYear(x cand) (civil, string, bool) {
	if b.opt.History == nil || x.date.prec != "day" && x.date.prec != "range" || !strings.HasPrefix(x.how, "explicit (year") && !strings.HasPrefix(x.how, "relative to publication date") && x.how != "explicit" {
		return civil{}, "", false
	}
	var hit *geo.Event
	hitYear, hitDay := 0, 0
	days := []int{x.date.d}
	if x.date.d2 > x.date.d {
		// "the night of 25-26 February": the change the night ended in
		// first, else the one it began in
		days = []int{x.date.d2, x.date.d}
	}
	for _, dd := range days {
		for _, e := range b.opt.History.Events() {
			if e.Region != x.region || string(e.To) != x.to || e.Kind == geo.KindBaseline {
				continue
			}
			fy, _, _ := e.Date.First.Date()
			ly, _, _ := e.Date.Last.Date()
			for y := fy; y <= ly; y++ {
				if y == x.date.y || !validDay(y, x.date.m, dd) {
					continue
				}
				if d := geo.DayOf(y, x.date.m, dd); e.Date.First <= d && d <= e.Date.Last {
					if hit != nil && hit != e {
						return civil{}, "", false // two changes fit: the ledger cannot tell which
					}
					hit, hitYear, hitDay = e, y, dd
				}
			}
		}
		if hit != nil {
			break
		}
	}
	if hit == nil {
		return civil{}, "", false
	}
	c := civil{y: hitYear, m: x.date.m, d: x.date.d, d2: x.date.d2, prec: x.date.prec}
	if hitDay != x.date.d || !x.date.inside(hit.Date.First, hit.Date.Last, hitYear) {
		c.d, c.d2, c.prec = hitDay, 0, "day" // the day of the range that the ledger holds
	}
	how := fmt.Sprintf("%s %s to %s on %s: the day and month the text writes; the ledger has no such change in the year the text implies (%d)", ledgerDateHow, x.region, x.to, hit.Date, x.date.y)
	if x.how == "explicit" {
		how = fmt.Sprintf("%s %s to %s on %s: the day and month the text writes; the year it writes (%d) has the other side holding the district, with no such change", ledgerDateHow, x.region, x.to, hit.Date, x.date.y)
	}
	return c, how, true
}

// ledgerDayBefore dates the news of a lead that the page tells without a
// date by the ledger's change of the district to the same side on the day
// before the page (or the one before that), when the ledger records
// exactly one such change and none on the page's own day: a morning paper
// reports the day before ("Azerbaijani troops freed villages of Fuzuli"
// in a page of 28 September, the ledger's change of the 27th).
func (b *builder) ledgerDayBefore(x cand) (civil, string, bool) {
	h := b.opt.History
	if h == nil || !b.hasPub {
		return civil{}, "", false
	}
	pub := geo.DayOf(b.pub.Year(), int(b.pub.Month()), b.pub.Day())
	var hit *geo.Event
	for _, e := range h.Events() {
		if e.Region != x.region || string(e.To) != x.to || e.Kind == geo.KindBaseline || e.Date.Last < pub-2 || e.Date.First > pub {
			continue
		}
		if e.Date.Precision != geo.PrecisionDay || e.Date.Last >= pub || hit != nil {
			return civil{}, "", false // a change of the page's own day, a span, or two changes
		}
		hit = e
	}
	if hit == nil {
		return civil{}, "", false
	}
	y, m, d := hit.Date.First.Date()
	return civil{y: y, m: m, d: d, prec: "day"}, fmt.Sprintf("%s %s to %s on %s, the day before the page's (the news of its lead, told without a date)", ledgerDateHow, x.region, x.to, hit.Date), true
}

// exactAgoSlack is how many days a page may lag the day on which "exactly
// N years ago" was said.
const exactAgoSlack = 3

// ledgerNearDay finds the one change of x's district to x's side that the
// ledger dates to a day within slack days before x's day ("exactly one
// year ago", said at a ceremony on the anniversary and printed the day
// after, counts from the printing): that day, with a date_how saying so.
func (b *builder) ledgerNearDay(x cand, slack int) (civil, string, bool) {
	h := b.opt.History
	if h == nil || x.date.prec != "day" {
		return civil{}, "", false
	}
	d := geo.DayOf(x.date.y, x.date.m, x.date.d)
	var hit *geo.Event
	for _, e := range h.Events() {
		if e.Region != x.region || string(e.To) != x.to || e.Kind == geo.KindBaseline || e.Date.Precision != geo.PrecisionDay ||
			e.Date.First > d || e.Date.First < d-geo.Day(slack) {
			continue
		}
		if hit != nil || e.Date.First == d {
			return civil{}, "", false // two changes, or the day counted is the ledger's own
		}
		hit = e
	}
	if hit == nil {
		return civil{}, "", false
	}
	y, m, dd := hit.Date.First.Date()
	return civil{y: y, m: m, d: dd, prec: "day"}, fmt.Sprintf("%s %s to %s on %s, %d days before the day counted (%s) from the page's", ledgerDateHow, x.region, x.to, hit.Date, d-hit.Date.First, x.durWord), true
}

// ledgerOffByOne re-dates a change counted from an anniversary ("28 years
// since the occupation", said on its 29th return) whose day the ledger
// does not hold, when the ledger holds exactly one change of the district
// to that side on the same day and month a year before or after: counts
// of years slip by one between an ordinal and a cardinal.
func (b *builder) ledgerOffByOne(x cand) (civil, string, bool) {
	h := b.opt.History
	if h == nil || x.date.prec != "day" || !strings.HasPrefix(x.how, "derived from anniversary") {
		return civil{}, "", false
	}
	fits := func(y int) (*geo.Event, int) {
		if !validDay(y, x.date.m, x.date.d) {
			return nil, 0
		}
		d := geo.DayOf(y, x.date.m, x.date.d)
		var hit *geo.Event
		n := 0
		for _, e := range h.Events() {
			if e.Region == x.region && string(e.To) == x.to && e.Kind != geo.KindBaseline && e.Date.First <= d && d <= e.Date.Last {
				hit = e
				n++
			}
		}
		return hit, n
	}
	if _, n := fits(x.date.y); n > 0 {
		return civil{}, "", false // the count agrees with the ledger
	}
	var hit *geo.Event
	year := 0
	for _, y := range []int{x.date.y - 1, x.date.y + 1} {
		if e, n := fits(y); n == 1 {
			if hit != nil {
				return civil{}, "", false
			}
			hit, year = e, y
		}
	}
	if hit == nil {
		return civil{}, "", false
	}
	c := civil{y: year, m: x.date.m, d: x.date.d, prec: "day"}
	return c, fmt.Sprintf("%s %s to %s on %s: the anniversary's count gave %d, a year off", ledgerDateHow, x.region, x.to, hit.Date, x.date.y), true
}

// ledgerNear reports a change of x's district to x's side that the ledger
// dates within nearDays of x's date, or x's date beyond the ledger's
// knowledge (no ledger, no date): nothing to correct.
func (b *builder) ledgerNear(x cand) bool {
	h := b.opt.History
	if h == nil || x.date.y == 0 {
		return true
	}
	first, last := civilSpan(x.date)
	return changeTo(h, x.region, x.to, first-nearDays, last+nearDays)
}

// foldNextDay joins two proposals of one district to one side dated a day
// apart when the ledger holds a change of it to that side on exactly one
// of the two days: one handover told in two steps ("the Armenian army left
// Lachin on Nov. 30" and "the Azerbaijani army entered it on Tuesday, 1
// December"). The ledger's day stays; the other reading is its evidence.
func (b *builder) foldNextDay(props []*proposal) []*proposal {
	h := b.opt.History
	if h == nil {
		return props
	}
	onDay := func(p *proposal) bool {
		d := geo.DayOf(p.date.y, p.date.m, p.date.d)
		for _, e := range h.Events() {
			if e.Region == p.p.Region && string(e.To) == p.p.To && e.Kind != geo.KindBaseline && e.Date.Precision == geo.PrecisionDay && e.Date.First == d {
				return true
			}
		}
		return false
	}
	gone := map[*proposal]bool{}
	for _, p := range props {
		for _, q := range props {
			if p == q || gone[p] || gone[q] || p.p.Region != q.p.Region || p.p.To != q.p.To || p.date.prec != "day" || q.date.prec != "day" {
				continue
			}
			dp, dq := geo.DayOf(p.date.y, p.date.m, p.date.d), geo.DayOf(q.date.y, q.date.m, q.date.d)
			if dp-dq != 1 && dq-dp != 1 || !onDay(p) || onDay(q) {
				continue
			}
			foldInto(p, q)
			gone[q] = true
		}
	}
	return withoutFolded(props, gone)
}

// foldPageDayAnniversary joins a change dated only by the page's day
// ("Today is the day when Hadrut was liberated") to a change of the same
// district to the same side that the page dates itself on the same day
// and month of an earlier year ("liberated on October 9" of 2020): the
// page marks that day's anniversary.
func (b *builder) foldPageDayAnniversary(props []*proposal) []*proposal {
	if !b.hasPub {
		return props
	}
	gone := map[*proposal]bool{}
	for _, p := range props {
		if annivDated(p) {
			// the page's day re-dated to the ledger's change, when the
			// text writes a day of that change itself ("on 8 May 1992" in
			// a piece of 9 May): one change, the written day stays
			for _, q := range props {
				if q != p && !gone[q] && q.p.Region == p.p.Region && q.p.To == p.p.To && q.date.prec == "day" && q.date.y == p.date.y && q.date.m == p.date.m &&
					abs(q.date.d-p.date.d) <= 2 && !annivDated(q) {
					foldInto(q, p)
					gone[p] = true
					break
				}
			}
			continue
		}
		if !b.onPubDay(p.date) || p.date.y != b.pub.Year() || !(p.p.DateHow == pubDateHow || strings.HasPrefix(p.p.DateHow, "relative to publication date")) {
			continue
		}
		for _, q := range props {
			if q == p || gone[q] || q.p.Region != p.p.Region || q.p.To != p.p.To || q.date.prec != "day" || q.date.y >= p.date.y || q.date.m != p.date.m || q.date.d != p.date.d {
				continue
			}
			foldInto(q, p)
			gone[p] = true
			break
		}
	}
	return withoutFolded(props, gone)
}

// annivDated reports a proposal dated as the anniversary the page marks
// (the page's day, or a count of years back from it).
func annivDated(p *proposal) bool {
	return strings.HasPrefix(p.p.DateHow, pageDayAnnivHow) || strings.HasPrefix(p.p.DateHow, "derived from anniversary")
}

// foldInto keeps q's evidence with p, the proposal that stays.
func foldInto(p, q *proposal) {
	for _, ev := range q.p.Evidence {
		p.p.Evidence = addEvidence(p.p.Evidence, ev)
	}
}

// withoutFolded drops the proposals folded into others.
func withoutFolded(props []*proposal, gone map[*proposal]bool) []*proposal {
	if len(gone) == 0 {
		return props
	}
	out := props[:0]
	for _, p := range props {
		if !gone[p] {
			out = append(out, p)
		}
	}
	return out
}

// inside reports both ends of a day range, in year y, within [first, last].
func (c civil) inside(first, last geo.Day, y int) bool {
	if c.d2 == 0 {
		return true
	}
	a, z := geo.DayOf(y, c.m, c.d), geo.DayOf(y, c.m, c.d2)
	return first <= a && z <= last
}

// firstWarEnd is the last year of the first war, whose changes of whole
// districts the ledger holds in full.
const firstWarEnd = 1994

// historicalUnknown reports a change of a whole district that the text
// dates itself to the first war's years (or before) and that the ledger
// passed in has no change of that district to that side within a year of:
// the ledger is complete for those years, so the date belongs to something
// else the sentence tells (a census, refugees driven out, the war's start).
func (b *builder) historicalUnknown(x cand) bool {
	h := b.opt.History
	if h == nil || x.partial || x.date.y == 0 || x.date.y > firstWarEnd || !strings.HasPrefix(x.how, "explicit") {
		return false
	}
	first := geo.DayOf(x.date.y-1, 1, 1)
	last := geo.DayOf(x.date.y+1, 12, 31)
	return !changeTo(h, x.region, x.to, first, last)
}
