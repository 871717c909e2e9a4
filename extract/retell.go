package extract

import (
	"fmt"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
)

// retoldBefore finds, for an undated reading x that would take the page's
// day, a change the page itself dates, of the same district to the other
// side, before the page's day: "during the occupation of X … on 4 October
// 2020 the army freed X". The undated reading is then the state that dated
// change ended, retold, not a change of the page's day (the district
// cannot have changed hands back on the page's day with nothing saying
// so). It returns the earliest such change.
func (b *builder) retoldBefore(x cand, props []*proposal) (*proposal, bool) {
	if !b.hasPub || !x.period || x.region == "" || x.to == "" {
		return nil, false
	}
	pubDay := geo.DayOf(b.pub.Year(), int(b.pub.Month()), b.pub.Day())
	var best *proposal
	var bestDay geo.Day
	for _, p := range props {
		if p.p.Region != x.region || p.p.To == x.to || p.p.DateHow == pubDateHow {
			continue
		}
		if first, _ := civilSpan(p.date); first < pubDay && (best == nil || first < bestDay) {
			best, bestDay = p, first
		}
	}
	return best, best != nil
}

// civilSpan is the first and last day a civil date may mean.
func civilSpan(c civil) (geo.Day, geo.Day) {
	switch c.prec {
	case "year":
		return geo.DayOf(c.y, 1, 1), geo.DayOf(c.y, 12, 31)
	case "month":
		first := geo.DayOf(c.y, c.m, 1)
		return first, geo.DayOf(c.y+c.m/12, c.m%12+1, 1) - 1
	case "range":
		return geo.DayOf(c.y, c.m, c.d), geo.DayOf(c.y, c.m, c.d2)
	}
	d := geo.DayOf(c.y, c.m, c.d)
	return d, d
}

// ledgerBefore dates a retold state from the ledger passed in: when the
// district went to x's side for the stretch that the page's own change to
// the other side (p) ended. That stretch began after the other side last
// held the whole district (its baseline or a whole change) before p; its
// start is the first change of the whole district to x's side in it, else
// its first change at all. The date keeps the ledger's precision.
func (b *builder) ledgerBefore(x cand, p *proposal) (civil, string, bool) {
	h := b.opt.History
	if h == nil {
		return civil{}, "", false
	}
	end, _ := civilSpan(p.date)
	var held geo.Day
	found := false
	for _, e := range h.Events() {
		if e.Region == x.region && e.To != "" && string(e.To) != x.to && e.Date.First < end && (e.Kind == geo.KindBaseline || e.Extent != geo.ExtentPartial) && (!found || e.Date.First > held) {
			held, found = e.Date.First, true
		}
	}
	var hit, whole *geo.Event
	for _, e := range h.Events() {
		if e.Region != x.region || string(e.To) != x.to || e.Kind == geo.KindBaseline || e.Date.First >= end || found && e.Date.First <= held {
			continue
		}
		if hit == nil || e.Date.First < hit.Date.First {
			hit = e
		}
		if e.Extent != geo.ExtentPartial && (whole == nil || e.Date.First < whole.Date.First) {
			whole = e
		}
	}
	if whole != nil {
		hit = whole
	}
	if hit == nil {
		return civil{}, "", false
	}
	c, ok := civilOfSpan(hit.Date)
	if !ok {
		return civil{}, "", false
	}
	how := fmt.Sprintf("%s %s to %s on %s, the state the page's change of %s to %s on %s ended (told without a date)", ledgerDateHow, x.region, x.to, hit.Date, p.p.Region, p.p.To, p.date)
	return c, how, true
}

// civilOfSpan is a ledger date as a civil date: its day, or the month or
// year its span fills; false for a span across years.
func civilOfSpan(d geo.DateSpec) (civil, bool) {
	y, m, dd := d.First.Date()
	ly, lm, _ := d.Last.Date()
	switch {
	case d.Precision == geo.PrecisionDay:
		return civil{y: y, m: m, d: dd, prec: "day"}, true
	case ly == y && lm == m:
		return civil{y: y, m: m, prec: "month"}, true
	case ly == y:
		return civil{y: y, prec: "year"}, true
	}
	return civil{}, false
}

// retold reports an undated reading of the lead that retells the state
// the page's own dated change of the district ended (retoldBefore); it
// dates the reading from the ledger, which must hold the start of that
// stretch.
func (b *builder) retold(x *cand, props []*proposal) bool {
	p, ok := b.retoldBefore(*x, props)
	if !ok {
		return false
	}
	c, how, ok := b.ledgerBefore(*x, p)
	if !ok {
		// the ledger knows no such stretch: the reading is left to the
		// rules for the news of the day
		return false
	}
	x.dated, x.date, x.how, x.conf = true, c, how, 0.5
	return true
}

// duringPeriod reports a control word at token i written as a noun after
// "during" ("خلال احتلال", "during the occupation", "during its
// occupation"): the stretch the change began, not a change of a day.
func duringPeriod(ts []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := ts[k]
		if t.kind != tokWord {
			return false
		}
		if hasStem(t, duringWords) {
			return true
		}
		if !isWordAt(ts, k, "the", "its", "their") {
			return false
		}
	}
	return false
}

// annivFromLedger dates an anniversary told without a count of years
// ("marks the anniversary of the capture of X") from the ledger passed
// in: the anniversary falls on the page's day, so the change is the one
// change of X in an earlier year whose days hold the page's day and month.
// The day is the page's day and month in that year; none or several such
// changes leave it undated.
func (b *builder) annivFromLedger(region string) (civil, bool) {
	c, _, ok := b.annivEvent(region)
	return c, ok
}

// annivEvent is annivFromLedger's change itself, with the day it dates.
func (b *builder) annivEvent(region string) (civil, *geo.Event, bool) {
	if !b.hasPub {
		return civil{}, nil, false
	}
	return b.ledgerDayMonth(region, int(b.pub.Month()), b.pub.Day(), b.pub.Year())
}

// annivOnWrittenDay dates a change commemorated on a day and month the
// sentence writes without a year, on a page whose publication date is
// unknown ("Azerbaijan marks on November 25 the first anniversary of the
// liberation of Kalbajar"): the ledger's one change of the district on
// that day and month.
func (b *builder) annivOnWrittenDay(a *annotated, region string) (civil, bool) {
	if b.hasPub {
		return civil{}, false
	}
	for _, e := range a.dates {
		if e.rel == relNone && e.year == 0 && e.month != 0 && e.day != 0 && e.dayEnd == 0 {
			c, _, ok := b.ledgerDayMonth(region, e.month, e.day, 1<<30)
			return c, ok
		}
	}
	return civil{}, false
}

// ledgerDayMonth finds the ledger's one change of a district that falls
// on day d of month m in a year before before.
func (b *builder) ledgerDayMonth(region string, m, d, before int) (civil, *geo.Event, bool) {
	h := b.opt.History
	if h == nil || region == "" {
		return civil{}, nil, false
	}
	var fit *geo.Event
	for _, e := range h.Events() {
		if e.Region != region || e.Kind == geo.KindBaseline || e.To == "" || e.Date.Last-e.Date.First > 31 {
			continue
		}
		if y, _, _ := e.Date.First.Date(); y >= before || !hasDayMonth(e.Date.First, e.Date.Last, m, d) {
			continue
		}
		if fit != nil {
			return civil{}, nil, false
		}
		fit = e
	}
	if fit == nil {
		return civil{}, nil, false
	}
	y, _, _ := fit.Date.First.Date()
	if !hasDayMonth(geo.DayOf(y, m, d), geo.DayOf(y, m, d), m, d) {
		return civil{}, nil, false
	}
	return civil{y: y, m: m, d: d, prec: "day"}, fit, true
}

// pageDayAnnivHow opens the date_how of a change re-dated by the page's
// day as its anniversary.
const pageDayAnnivHow = "the page's day is the anniversary"

// pageDayAnniversary moves a change dated only by the page's own day
// ("today", the publication date, the lead's news day) to the earlier
// change of the district the ledger holds on that day and month: a page
// that tells a district's change on the very day and month of a change
// the ledger already records for an earlier year is marking it, whatever
// words it uses ("today Shusha was freed" in a piece for the day's
// fifth year). The ledger's change gives the side too. A reading whose
// day came from the text itself is left alone.
func (b *builder) pageDayAnniversary(x *cand) bool {
	if !b.hasPub || x.date != civilOf(b.pub) || !pageDayHow(x.how) {
		return false
	}
	c, e, ok := b.annivEvent(x.region)
	// a change the ledger dates loosely (a span of days) is no sure
	// anniversary: a page of 25 October 2020 telling Jabrayil taken today
	// is not marking its fall of 23 October-1 November 1993
	if !ok || e.Date.Last-e.Date.First > 2 {
		return false
	}
	x.how = fmt.Sprintf("%s of the ledger's change of %s to %s on %s (it was dated %s)", pageDayAnnivHow, x.region, e.To, e.Date, x.how)
	if string(e.To) != x.to {
		// a side read for a change of the page's day ("liberated" away from
		// the day's holder) was read for the wrong day: the ledger's
		x.sideHow = fmt.Sprintf("the ledger's change it marks went to %s (the text read %s)", e.To, x.to)
		x.to = string(e.To)
	}
	x.date = c
	return true
}

// pageDayHow reports a date_how that takes the day from the page's own
// day rather than from the text.
func pageDayHow(how string) bool {
	return how == pubDateHow || strings.HasPrefix(how, "relative to publication date (") || strings.HasPrefix(how, "the day the lead dates the news")
}

// possessorPlace reports place hit k of a sentence written as the
// possessor of the place right after it ("Karabakh's Shushi", "Artsakh's
// Shushi town"): the larger area the next place lies in, which a control
// word before both does not govern.
func possessorPlace(a *annotated, k int) bool {
	if k+1 >= len(a.places) {
		return false
	}
	ts, p := a.s.toks, a.places[k]
	if p.j+1 >= len(ts) || !isApostrophe(ts[p.j]) || !isWordAt(ts, p.j+1, "s") {
		return false
	}
	// "Karabakh's Shushi", "Artsakh's beautiful town of Shushi": the next
	// place, a few plain words on
	next := a.places[k+1].i
	if next < p.j+2 || next > p.j+2+possessedReach {
		return false
	}
	for m := p.j + 2; m < next; m++ {
		if ts[m].kind != tokWord {
			return false
		}
	}
	return true
}

// possessedReach is how many words may describe the place a possessor
// names ("Artsakh's beautiful town of Shushi").
const possessedReach = 4

// commemoratedChange joins an anniversary told without a count, dated
// only by a date told after it (annivFromNext), to the change of the same
// district to the same side that the page dates outright ("the anniversary
// of the occupation of X" over "X was occupied on 2 April 1993"): that is
// the change commemorated, and the guessed date (perhaps of other events
// the page tells next) is dropped.
func commemoratedChange(props []*proposal, x cand) bool {
	for _, p := range props {
		if p.p.Region == x.region && p.p.To == x.to && !strings.HasPrefix(p.p.DateHow, "derived") && p.p.DateHow != pubDateHow {
			p.p.Evidence = addEvidence(p.p.Evidence, x.ev)
			return true
		}
	}
	return false
}

// monthFirstDayEnd reads the last day of an English span written month
// first ("April 1-2, 2016", "the night of April 1–2", "from November 10 to
// 30"): a hyphen or "to" and a later day of the same month after the first
// day at k ("November 10 to 30 December" is two dates).
func monthFirstDayEnd(ts []token, k int, e *dateExpr) int {
	dash := k < len(ts) && (ts[k].raw == "-" || ts[k].raw == "–")
	if k+1 >= len(ts) || !dash && !isWordAt(ts, k, "to", "until", "till", "through") || ts[k+1].kind != tokNum {
		return k
	}
	if _, _, isYear := yearAt(ts, k+1); isYear {
		return k
	}
	if m, _, _ := monthAt(ts, k+2); m != 0 && !dash {
		return k // "November 10 to 30 December": two dates
	}
	if d2, n, ok := dayAt(ts, k+1); ok && d2 > e.day {
		e.dayEnd = d2
		return n
	}
	return k
}
