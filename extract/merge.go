package extract

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/mapsvc/mapsvc/geo"
)

// precRank orders precisions from finest to coarsest.
func precRank(p string) int {
	switch p {
	case "day":
		return 0
	case "range":
		return 1
	case "month":
		return 2
	}
	return 3
}

// howRank prefers dates written out over dates worked out.
func howRank(h string) int {
	switch {
	case h == "explicit":
		return 0
	case strings.HasPrefix(h, "explicit"):
		return 1
	case strings.HasPrefix(h, "relative"):
		return 2
	case strings.HasPrefix(h, "derived"):
		return 3
	}
	return 4
}

// kindRank: when readings of one change disagree, wording about an
// agreement or a surrender outranks a bare verb of capture.
func kindRank(k string) int {
	switch k {
	case kindCapitulation:
		return 0
	case kindHandover:
		return 1
	case kindWithdrawal:
		return 2
	}
	return 3
}

// compatible reports whether two dates can be the same change: equal, or
// one is a coarser form of the other, or a day inside a range.
func compatible(a, b civil) bool {
	if a.y != b.y {
		return false
	}
	if a.m == 0 || b.m == 0 {
		return true
	}
	if a.m != b.m {
		return false
	}
	if a.d == 0 || b.d == 0 {
		return true
	}
	aEnd, bEnd := max(a.d, a.d2), max(b.d, b.d2)
	return a.d <= bEnd && b.d <= aEnd
}

// annivAgainstDay reports a day derived from an anniversary and a day
// written out with its year for one change of the same year: the one
// proposal, dated by the written day.
func annivAgainstDay(p *proposal, x cand) bool {
	anniv := func(how string) bool { return strings.HasPrefix(how, "derived from anniversary") }
	written := func(how string, c civil) bool { return how == "explicit" && c.prec == "day" }
	if p.date.y != x.date.y || p.date.prec != "day" || x.date.prec != "day" {
		return false
	}
	return anniv(p.p.DateHow) && written(x.how, x.date) || anniv(x.how) && written(p.p.DateHow, p.date)
}

// proposal is a Proposal under construction.
type proposal struct {
	p     Proposal
	date  civil
	conf  float64
	extra int // evidence beyond the first
	first int // sentence of the first evidence
}

// finish merges the readings into proposals and fills the result.
func (b *builder) finish(res *Result) {
	var props []*proposal
	add := func(x cand) {
		if x.date.y < 1000 || x.date.y > 9999 {
			return // not a date the ledger can write
		}
		if x.annivGuess && commemoratedChange(props, x) {
			return
		}
		b.pageDayAnniversary(&x)
		if c, how, ok := b.ledgerOffByOne(x); ok {
			x.date, x.how = c, how
		}
		if strings.HasPrefix(x.how, "derived from anniversary") && b.beforeLedger(x) {
			// "the 72nd anniversary of the end of the war and the
			// liberation of X": a count of another event's years
			b.mention(Mention{Type: ctxUndated, Region: x.region, To: x.to, Note: "anniversary"}, x.ev)
			return
		}
		if strings.HasPrefix(x.how, "derived from duration") {
			if b.beforeLedger(x) {
				// "returned after 27 years" counted from a year the
				// sentence writes for the loss itself (1993 - 27): a year
				// before the ledger's first record is no change of it
				b.mention(Mention{Type: ctxUndated, Region: x.region, To: x.to, Note: x.durWord}, x.ev)
				return
			}
			if c, ok := b.durationYearOffByOne(x); ok {
				x.date = c
				x.how += fmt.Sprintf(", a year off: the ledger's change of %s to %s is in %d", x.region, x.to, c.y)
			} else if c, e, ok := b.annivEvent(x.region); ok && x.years > 0 && x.date.prec == "year" && c.y == x.date.y && string(e.To) == x.to && e.Date.Last-e.Date.First <= 2 {
				// "Three years ago, Shusha was liberated", said on 8
				// November 2023: the page's day and month, N years back,
				// is the ledger's change of the district
				x.date = c
				x.how += fmt.Sprintf(", on the page's day and month: the ledger's change of %s to %s on %s", x.region, x.to, e.Date)
			}
		}
		if (strings.HasPrefix(x.how, "explicit (year") || x.how == "explicit" && !x.partial && x.date.prec == "day" && b.otherSideHeld(x)) && !b.ledgerNear(x) {
			// (a year written out goes the same way when the other side
			// held the district then: "liberated on 8 November 2011" in a
			// column on Shusha, a misprint of the ledger's year)
			// a year lent to a day and month the ledger has no change
			// near, which the ledger holds in another year ("26 August"
			// after a paragraph on 1992, in a piece on the 2022 handover)
			if c, how, ok := b.ledgerYear(x); ok {
				x.date, x.how = c, how
			}
		}
		if c, ok := b.yearDayWritten(x); ok {
			x.date = c
			x.how += fmt.Sprintf(", on %s: the ledger's one change of %s to %s that year falls on the day and month the text writes", c, x.region, x.to)
		}
		if !b.restatedHold(&x) {
			return // the ledger has the side holding the district then: a mention
		}
		if !b.oldOrAnnounced(&x) {
			return // an old change told without its day, or one announced before it: a mention
		}
		ls := b.ledgerSide(x.region, x.date)
		if ls != "" && ls != x.to && x.how == pubDateHow && x.claimant != x.to && !x.partial {
			// the page's day, told of a side against every change the
			// ledger records for the district around it: a misread side
			// of a change told without its own day
			b.mention(Mention{Type: ctxUndated, Region: x.region, To: x.to, Note: "side against the ledger"}, x.ev)
			return
		}
		if ls != "" && ls != x.to && x.how != pubDateHow && x.claimant != x.to && !x.partial {
			// a change read against the way the ledger records that
			// district's changes of those days is a misread side ("the
			// Azerbaijani side conceded the fall", "captured … from the
			// Armenian troops", "was retaken" with no side): the ledger's.
			// A date that is only the page's day is no reading of the
			// change's day, so it is not checked; nor is a side's claim
			// of its own gain, which the ledger may not hold, nor a
			// village or height: the ledger records districts, and
			// villages changed hands both ways within one month.
			x.sideHow = fmt.Sprintf("the ledger: the changes it records for %s around %s all went to %s (the text read %s)", x.region, x.date, ls, x.to)
			x.to = ls
		}
		if b.historicalUnknown(x) {
			// "the population of Lachin was 258,229 in 1988": a year of
			// the first war's time that the ledger, complete for it, has
			// no change of the district near: a misread year
			b.mention(Mention{Type: ctxUndated, Region: x.region, To: x.to, Note: "no such change in the ledger's first war"}, x.ev)
			return
		}
		for _, p := range props {
			if p.p.Region == x.region && p.p.To == x.to && annivAgainstDay(p, x) {
				// "held on September 29 for the 26th anniversary of the
				// occupation …; forces occupied the region on October 2,
				// 1992": the day written out is the change's, the
				// commemoration's day only near it
				if strings.HasPrefix(p.p.DateHow, "derived from anniversary") {
					p.date, p.p.DateHow, p.p.focus = x.date, x.how, x.focus
				}
				p.p.Evidence = addEvidence(p.p.Evidence, x.ev)
				return
			}
			if p.p.Region == x.region && p.p.To == x.to && shiftedFrom(p, x) {
				// "entered on November 20 after the others left a day
				// earlier": one change told in two steps of one sentence;
				// the day written out dates it
				if strings.HasPrefix(p.p.DateHow, shiftHow) {
					p.date, p.p.DateHow, p.p.focus = x.date, x.how, x.focus
				}
				p.p.Evidence = addEvidence(p.p.Evidence, x.ev)
				return
			}
			if p.p.Region == x.region && p.p.To == x.to && compatible(p.date, x.date) {
				if precRank(x.date.prec) < precRank(p.date.prec) ||
					(precRank(x.date.prec) == precRank(p.date.prec) && howRank(x.how) < howRank(p.p.DateHow)) {
					p.date, p.p.DateHow, p.p.focus = x.date, x.how, x.focus
				}
				if kindRank(x.kind) < kindRank(p.p.Kind) {
					p.p.Kind = x.kind
				}
				if p.p.Claimant == "" {
					p.p.Claimant = x.claimant
				}
				if p.p.SideHow == "" {
					p.p.SideHow = x.sideHow
				}
				if !x.partial {
					p.p.Extent = "whole"
				}
				n := len(p.p.Evidence)
				p.p.Evidence = addEvidence(p.p.Evidence, x.ev)
				if len(p.p.Evidence) > n {
					p.extra++
				}
				p.conf = math.Max(p.conf, x.conf)
				return
			}
		}
		props = append(props, &proposal{
			p:    Proposal{Region: x.region, To: x.to, From: b.prior(x.region, x.date, x.to), Kind: x.kind, DateHow: x.how, Source: b.opt.Source, Evidence: []Evidence{x.ev}, focus: x.focus, Claimant: x.claimant, SideHow: x.sideHow, Extent: extentOf(x), Majority: majorityOf(x)},
			date: x.date, conf: x.conf, first: x.sent,
		})
	}
	var unresolved []*proposal
	addUnresolved := func(x cand) {
		word := x.needsPub
		resolve := "the publication date: the text reports this as the news of the day"
		switch {
		case strings.HasPrefix(word, "the publication date:"):
			resolve = word // already says what dates the news
		case word != "":
			resolve = fmt.Sprintf("the publication date: %q is relative to it", word)
		}
		resolve += "; give it (--published, ?published=) or a source URL with the date in it"
		for _, p := range unresolved {
			if p.p.Region == x.region && p.p.To == x.to {
				p.p.Evidence = addEvidence(p.p.Evidence, x.ev)
				if kindRank(x.kind) < kindRank(p.p.Kind) {
					p.p.Kind = x.kind
				}
				return
			}
		}
		unresolved = append(unresolved, &proposal{
			p: Proposal{Region: x.region, To: x.to, From: b.prior(x.region, civil{}, x.to), Kind: x.kind, DateHow: needsPubHow, Extent: extentOf(x), Majority: majorityOf(x),
				Resolve: resolve, Source: b.opt.Source, Evidence: []Evidence{x.ev}, focus: x.focus},
			conf: 0.5, first: x.sent,
		})
	}
	foldStatementDays(b.cands)
	// dated readings, finest dates first so that coarser ones join them
	var dated, pending, undated []cand
	for _, x := range b.cands {
		switch {
		case x.dated:
			dated = append(dated, x)
		case x.years > 0:
			pending = append(pending, x)
		default:
			undated = append(undated, x)
		}
	}
	sort.SliceStable(dated, func(i, j int) bool { return precRank(dated[i].date.prec) < precRank(dated[j].date.prec) })
	for _, x := range dated {
		add(x)
	}
	// durations anchored on another change of the same district; a
	// duration adds nothing where the text dates a change of the same
	// district to the same side outright
	agoSents := map[string]bool{}
	var late []cand
	for _, x := range pending {
		if explicitFor(props, x.region, x.to) && !(x.ago && x.agoDay.m != 0) {
			continue
		}
		y := spanAnchorYear(props, x)
		if y == 0 && b.hasPub {
			y = b.pub.Year()
		}
		if y == 0 {
			// on a page with no date the change counted from may be an
			// undated reading the ledger dates below: count from it then
			late = append(late, x)
			continue
		}
		agoSents[fmt.Sprintf("%s/%s/%d", x.region, x.to, x.sent)] = true
		x.dated, x.date = true, civil{y: y - x.years, prec: "year"}
		if x.ago && x.agoDay.m != 0 {
			// "on May 8th sixteen years ago": that day of the year counted back to
			x.date = civil{y: y - x.years, m: x.agoDay.m, d: x.agoDay.d, prec: "day"}
		}
		if x.ago && x.exact && b.hasPub {
			// "exactly a year ago": the same day that many years before
			x.date = civilOf(b.pub.AddDate(-x.years, 0, 0))
			if c, how, ok := b.ledgerNearDay(x, exactAgoSlack); ok {
				// said on the anniversary, printed a day or two later
				x.date, x.how = c, how
			}
		}
		if x.ago && !x.sideNamed && x.anchorTo == x.to {
			// a side the text does not name is the ledger's then, not on
			// the day of the page
			if to := b.unnamedSide(x.region, x.date); to != "" {
				x.to = to
			}
		}
		add(x)
	}
	// undated readings support a dated proposal of the same change, or
	// (in the lead of the article) take the publication date
	// in a commemoration, the districts told in one sentence with the
	// commemorated one went on its day ("Hadrut and Sur of Khojavend,
	// villages of Jabrayil and of Fuzuli were liberated"): the date a
	// reading of that sentence joined
	if !b.hasPub && b.hasNewsRel {
		for i := range undated {
			x := &undated[i]
			before := x.sent < b.newsRelSent && b.newsRel.rel != relNone // a weekday dates what the lead tells after it
			if !x.hasRel && x.lead && !x.relative && x.noDate && x.sent != b.newsRelSent && !before {
				// the lead dated the news ("أكد الرئيس اليوم الاثنين …",
				// "announced on November 9"); this lead sentence tells it
				x.rel, x.hasRel = b.newsRel, true
				x.needsPub = fmt.Sprintf("the publication date: the lead dates the news by %q", b.newsRel.word)
			}
		}
	}
	b.groupDays(undated)
	sentDate := map[int]*proposal{}
	if b.anniversary {
		for _, x := range undated {
			if b.datedSents[x.sent] || x.earlier {
				// a sentence with dates of its own ("during the 44 days
				// until 10 November …") is not a retelling of the
				// commemorated day
				continue
			}
			for _, p := range props {
				// the commemorated day falls on the publication's day of
				// the year: another change of the district (its earlier
				// occupation) is not the day the sentence retells
				if q := sentDate[x.sent]; p.p.Region == x.region && p.date.prec == "day" && (q == nil || b.onPubDay(p.date) || !b.onPubDay(q.date)) {
					sentDate[x.sent] = p
				}
			}
		}
	}
	for _, x := range undated {
		if x.ago || agoSents[fmt.Sprintf("%s/%s/%d", x.region, x.to, x.sent)] {
			// "N years ago" in its sentence dated this change already (a
			// span that ended in the change, "liberated after 27 years of
			// occupation", dated the earlier change to the other side)
			for _, p := range props {
				if p.p.Region == x.region && strings.HasPrefix(p.p.DateHow, "derived from duration") {
					p.p.Evidence = addEvidence(p.p.Evidence, x.ev)
					break
				}
			}
			continue
		}
		var best *proposal
		for _, p := range props {
			// in a piece that commemorates a change, an undated retelling
			// of a change of the same district is that change, whichever
			// side the ledger would give it on the day of the piece
			sameSide := p.p.To == x.to || b.anniversary
			if p.p.Region == x.region && sameSide && (best == nil || abs(p.first-x.sent) < abs(best.first-x.sent)) {
				best = p
			}
		}
		// a count of villages or an operation dated just before, that
		// the sentence may go on with
		cd, op := b.countedBefore(x), b.operationBefore(x)
		stampDate, stampHow, stamped := b.stampDay(x.sent)
		switch {
		case best == nil && b.anniversary && sentDate[x.sent] != nil && (x.partial || b.ledgerAllows(x.region, sentDate[x.sent].p.To, sentDate[x.sent].date)):
			p := sentDate[x.sent]
			x.dated, x.date = true, p.date
			x.to, x.how = p.p.To, fmt.Sprintf("the day of %s, told with it", p.p.Region)
			x.conf = 0.55
			add(x)
		case best == nil && b.anniversary:
			// the publication day of a commemoration dates no change
			b.mention(Mention{Type: ctxUndated, Region: x.region, To: x.to, Note: "anniversary"}, x.ev)
		case best != nil && best.first > x.sent && x.partial && !x.relative && !x.earlier && !b.datedSents[x.sent] && cd != nil && x.sent-cd.sent == 1:
			// the villages of the count just before ("on Friday he
			// announced three more villages. 'The army freed A, B and C
			// of Khojavend,' he tweeted"), not those of a change of the
			// same district told later
			add(b.datedByCount(x, cd))
		case best != nil:
			if best.date.prec != "day" && !b.hasPub && (x.needsPub != "" || x.lead && !x.relative) {
				// the news of an undated page that the ledger dates to a
				// day inside a coarser date read for the same change
				// ("during the second Karabakh war" beside "the same day"):
				// the day is the finer reading
				if c, how, ok := b.ledgerDate(x); ok && compatible(best.date, c) {
					best.date, best.p.DateHow = c, how
				}
			}
			best.p.Evidence = addEvidence(best.p.Evidence, x.ev)
			if kindRank(x.kind) < kindRank(best.p.Kind) {
				best.p.Kind = x.kind
			}
		case best == nil && x.partial && !x.relative && !x.earlier && !b.datedSents[x.sent] && cd != nil:
			// "freed 16 more villages on Saturday. The villages A and B
			// of Fuzuli, C of Jabrayil …": the list names the villages
			// the count before it dated
			add(b.datedByCount(x, cd))
		case best == nil && !x.relative && !b.datedSents[x.sent] && !x.hasRel && x.needsPub == "" && op != nil:
			// "… the counter-offensive of early April 2016. The heights
			// around Talish were liberated": what the operation dated
			// just before brought, on its day or in its month
			x.dated, x.date = true, op.date
			x.how = fmt.Sprintf("the date of the operation told in sentence %d", op.sent+1)
			x.conf = b.dateConf("explicit", op.date.prec) - 0.1
			add(x)
		case best == nil && !x.relative && !x.earlier && !b.datedSents[x.sent] && !x.hasRel && x.needsPub == "" && stamped:
			// an entry of a live page: the news of the entry's day
			x.dated, x.date, x.how = true, stampDate, stampHow
			x.conf = b.dateConf("publication date", "day")
			add(x)
		case x.earlier && best == nil && !b.datedSents[x.sent]:
			// told as before the news: not dated by the page
			b.mention(Mention{Type: ctxUndated, Region: x.region, To: x.to, Note: "earlier"}, x.ev)
		case x.needsPub == "" && !x.hasRel && x.lead && b.planned[x.region]:
			// a headline or lead that names a change the page tells as due
			// by a deadline ("forces withdraw from X" over "must leave X by
			// Friday"): the plan, not a change of the day
			b.mention(Mention{Type: ctxFuture, Region: x.region, To: x.to}, x.ev)
		case x.lead && !x.relative && b.retold(&x, props):
			// the state the page's own dated change ended, retold
			if x.dated {
				add(x)
			}
		case x.lead && !x.relative && b.hasPub && b.hasNewsDay && x.sent > b.newsDaySent:
			x.dated, x.date = true, b.newsDay
			x.how = fmt.Sprintf("the day the lead dates the news (sentence %d)", b.newsDaySent+1)
			x.conf = b.dateConf("publication date", "day")
			add(x)
		case x.lead && !x.relative && b.hasPub:
			x.dated, x.date, x.how = true, civilOf(b.pub), "publication date"
			x.conf = b.dateConf(x.how, "day")
			if c, how, ok := b.ledgerDayBefore(x); ok {
				x.date, x.how = c, how
			}
			add(x)
		case !b.hasPub && (x.needsPub != "" || x.lead && !x.relative):
			// dated by "today", a weekday, or as the news of the day: it
			// happened, only the calendar day is unknown; when the ledger
			// holds exactly one change that fits it, that is its day
			if c, how, ok := b.ledgerDate(x); ok {
				b.noteAnchor(x, c)
				x.dated, x.date, x.how, x.conf = true, c, how, 0.5
				add(x)
				break
			}
			addUnresolved(x)
		default:
			b.mention(Mention{Type: ctxUndated, Region: x.region, To: x.to}, x.ev)
		}
	}
	for _, x := range late {
		// ("Shusha, under occupation for 28 years, is free", its day
		// given by a weekday and the ledger)
		y := spanAnchorYear(props, x)
		if y == 0 {
			b.mention(Mention{Type: ctxUndated, Region: x.region, To: x.to, Note: x.durWord}, x.ev)
			continue
		}
		x.dated, x.date = true, civil{y: y - x.years, prec: "year"}
		add(x)
	}
	props = b.foldNextDay(props)
	props = b.foldPageDayAnniversary(props)
	// planned dates join the change that happened
	for _, s := range b.sched {
		var best *proposal
		for _, p := range props {
			if p.p.Region == s.region && p.p.To == s.to && p.date.prec == "day" && (best == nil || p.date.time().After(best.date.time())) {
				best = p
			}
		}
		if best == nil {
			b.mention(Mention{Type: ctxScheduled, Region: s.region, To: s.to, Date: s.date.String(), Precision: s.date.prec}, s.ev)
			continue
		}
		if s.date.prec == "day" && s.date != best.date {
			best.p.Scheduled = s.date.String()
		}
		best.p.Evidence = addEvidence(best.p.Evidence, s.ev)
	}
	// the other side's denial or the losing side's confirmation, kept
	// with the claim
	for _, p := range append(props, unresolved...) {
		for _, st := range b.stance {
			if st.region != "" && st.region != p.p.Region {
				continue
			}
			switch {
			case st.deny && st.side != p.p.To && p.p.Disputed == "":
				p.p.Disputed = "denied by " + st.side
				p.p.Evidence = addEvidence(p.p.Evidence, st.ev)
			case !st.deny && st.side != p.p.To && st.side != p.p.Claimant && p.p.Confirmed == "":
				p.p.Confirmed = "confirmed by " + st.side
				p.p.Evidence = addEvidence(p.p.Evidence, st.ev)
			}
		}
	}
	res.Proposals = make([]Proposal, 0, len(props)+len(unresolved))
	ids := map[string]int{}
	for _, p := range props {
		p.p.Date, p.p.Precision = p.date.String(), p.date.prec
	}
	for _, p := range unresolved {
		p.p.Date, p.p.Precision = "", "unknown"
	}
	for _, p := range append(props, unresolved...) {
		date := p.p.Date
		if date == "" {
			date = "undated"
		}
		p.p.Confidence = math.Round(math.Min(0.95, p.conf+0.03*float64(p.extra))*100) / 100
		if p.p.Confidence < 0.05 {
			p.p.Confidence = 0.05
		}
		id := fmt.Sprintf("%s-%s-%s", p.p.Region, strings.ReplaceAll(date, "/", "--"), kindWord(p.p.Kind))
		ids[id]++
		if ids[id] > 1 {
			id = fmt.Sprintf("%s-%d", id, ids[id])
		}
		p.p.ID = id
		sort.SliceStable(p.p.Evidence, func(i, j int) bool { return p.p.Evidence[i].Start < p.p.Evidence[j].Start })
		res.Proposals = append(res.Proposals, p.p)
	}
	sort.SliceStable(res.Proposals, func(i, j int) bool {
		a, c := res.Proposals[i], res.Proposals[j]
		if a.Date != c.Date {
			return a.Date != "" && (c.Date == "" || a.Date < c.Date)
		}
		return a.Region < c.Region
	})
	res.Context = foldUndatedMentions(b.context)
}

// shiftHow begins the date_how of a date counted in days from a date
// before it in its sentence ("on November 20 … a day earlier").
const shiftHow = "relative to the date before in its sentence"

// shiftedFrom reports a proposal and a reading of which exactly one is
// dated by days counted from a day of its own sentence, at most ten days
// from the other's: "entered on November 20 after the others left a day
// earlier" tells one change in two steps, whichever sentence wrote the
// day before.
func shiftedFrom(p *proposal, x cand) bool {
	if strings.HasPrefix(p.p.DateHow, shiftHow) == strings.HasPrefix(x.how, shiftHow) || p.date.prec != "day" || x.date.prec != "day" {
		return false
	}
	d := p.date.time().Sub(x.date.time())
	return d != 0 && d <= 10*24*time.Hour && d >= -10*24*time.Hour
}

// kindWord is the short word of a kind used in ids.
func kindWord(k string) string {
	switch k {
	case kindHandover:
		return "handover"
	case kindCapture:
		return "capture"
	}
	return k
}

// foldUndatedMentions joins an undated mention to a dated one of the same
// type and place, so a flag raising told twice is one mention.
func foldUndatedMentions(ms []Mention) []Mention {
	var out []Mention
	for _, m := range ms {
		if m.Date == "" {
			var only *Mention
			n := 0
			for k := range ms {
				o := &ms[k]
				if o.Date != "" && o.Type == m.Type && o.Region == m.Region && o.Place == m.Place {
					only = o
					n++
				}
			}
			if n == 1 {
				for _, e := range m.Evidence {
					only.Evidence = addEvidence(only.Evidence, e)
				}
				continue
			}
		}
		out = append(out, m)
	}
	// out holds copies taken before later folds; refresh from ms
	for k := range out {
		for _, m := range ms {
			if m.Type == out[k].Type && m.Region == out[k].Region && m.Place == out[k].Place && m.Date == out[k].Date && m.To == out[k].To {
				out[k].Evidence = m.Evidence
				break
			}
		}
		sort.SliceStable(out[k].Evidence, func(i, j int) bool { return out[k].Evidence[i].Start < out[k].Evidence[j].Start })
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Evidence[0].Start < out[j].Evidence[0].Start })
	return out
}

// explicitFor reports a proposal for region to side to whose date the
// text states (not derived from a duration).
func explicitFor(props []*proposal, region, to string) bool {
	for _, p := range props {
		if p.p.Region == region && p.p.To == to && !strings.HasPrefix(p.p.DateHow, "derived") {
			return true
		}
	}
	return false
}

func extentOf(x cand) string {
	if x.partial {
		return "partial"
	}
	return "whole"
}

// majorityOf is the side holding the larger part after a partial change
// told of most of a district; empty otherwise.
func majorityOf(x cand) string {
	if x.most {
		return x.to
	}
	return ""
}

// latestDated is the latest day the text dates something by a full date
// or a year alone (deadlines left out): the news it tells is not older.
func latestDated(anns []*annotated) (geo.Day, bool) {
	var best geo.Day
	found := false
	for _, a := range anns {
		for k, e := range a.dates {
			if e.rel != relNone || e.year == 0 || a.deadline[k] {
				continue
			}
			m, d := max(e.month, 1), max(e.day, 1)
			if !validDay(e.year, m, d) {
				continue
			}
			day := geo.Day(time.Date(e.year, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
			if !found || day > best {
				best, found = day, true
			}
		}
	}
	return best, found
}

// groupDays finds, for the readings of one control word that lists
// several districts ("freed villages of Fuzuli, Jabrayil and Khojaly
// today"), the day the ledger gives those of them it dates alone, when
// they agree: the others were told as the same news and took place that
// day too, if their own ledger change spans it (ledgerDate).
func (b *builder) groupDays(undated []cand) {
	b.groupDay = nil
	if b.hasPub || b.opt.History == nil {
		return
	}
	b.groupSize = map[[2]int]int{}
	b.groupRegions = map[int][]string{}
	for _, x := range undated {
		b.groupSize[[2]int{x.sent, 0}]++
		if !slices.Contains(b.groupRegions[x.sent], x.region) {
			b.groupRegions[x.sent] = append(b.groupRegions[x.sent], x.region)
		}
	}
	days := map[[2]int]geo.Day{}
	bad := map[[2]int]bool{}
	for _, x := range undated {
		if x.needsPub == "" && !(x.lead && !x.relative) {
			continue
		}
		c, _, ok := b.ledgerDate(x)
		if !ok {
			continue
		}
		key := [2]int{x.sent, 0}
		d := geo.Day(c.time().Unix() / 86400)
		if old, seen := days[key]; seen && old != d {
			bad[key] = true
		}
		days[key] = d
	}
	for k := range bad {
		delete(days, k)
	}
	b.groupDay = days
}

// writtenDays lists, per district, the days written in the sentences that
// name it (deadlines, claims and the day an operation began left out): the
// days and months written without a year, and the full dates, so that a
// change told in another sentence without a date can be placed on the one
// day of the ledger's span that the text writes for the district ("freed
// Shusha …" and, later, "the flag went up there on 8 November 2020").
func writtenDays(anns []*annotated) (yearless map[string][][2]int, full map[string][]geo.Day) {
	yearless, full = map[string][][2]int{}, map[string][]geo.Day{}
	for _, a := range anns {
		for k, e := range a.dates {
			if e.rel != relNone || e.month == 0 || e.day == 0 || e.dayEnd != 0 || a.deadline[k] || a.claimed[k] || launchDate(a, k) {
				continue
			}
			for _, p := range a.districts() {
				r := p.place.Region
				switch {
				case e.year == 0 && len(yearless[r]) < 8:
					yearless[r] = append(yearless[r], [2]int{e.month, e.day})
				case e.year != 0 && len(full[r]) < 8:
					full[r] = append(full[r], geo.DayOf(e.year, e.month, e.day))
				}
			}
		}
	}
	return yearless, full
}

// yearDayWritten dates a change the text gives only a year for by a day
// and month it writes without a year in a sentence naming the district
// ("May 8 used to mark the occupation of Shusha by the Armenian forces in
// 1992"), when the ledger's one change of the district to that side in
// that year falls on that day (or spans it, two days at most).
func (b *builder) yearDayWritten(x cand) (civil, bool) {
	h := b.opt.History
	if h == nil || x.date.prec != "year" || !strings.HasPrefix(x.how, "explicit") || len(b.dayMonths[x.region]) == 0 {
		return civil{}, false
	}
	var fit *geo.Event
	for _, e := range h.Events() {
		if e.Region != x.region || string(e.To) != x.to || e.Kind == geo.KindBaseline {
			continue
		}
		if y, _, _ := e.Date.First.Date(); y != x.date.y {
			continue
		}
		if fit != nil {
			return civil{}, false
		}
		fit = e
	}
	if fit == nil || fit.Date.Last-fit.Date.First > 2 {
		return civil{}, false // a span the written day would only guess within
	}
	y, _, _ := fit.Date.First.Date()
	for _, md := range b.dayMonths[x.region] {
		if hasDayMonth(fit.Date.First, fit.Date.Last, md[0], md[1]) {
			return civil{y: y, m: md[0], d: md[1], prec: "day"}, true
		}
	}
	return civil{}, false
}

// writesDayIn reports a full date written for region within [first, last].
func (b *builder) writesDayIn(region string, first, last geo.Day) (geo.Day, bool) {
	var hit geo.Day
	n := 0
	for _, d := range b.fullDays[region] {
		if first <= d && d <= last && d != hit {
			hit, n = d, n+1
		}
	}
	return hit, n == 1
}

// weekdayReach is how many days before the latest date a text writes a
// change it dates by a weekday alone may lie: six, the rest of that week.
func weekdayReach(hasWd bool) geo.Day {
	if hasWd {
		return 6
	}
	return 0
}

// ledgerDateHow starts the date_how of a change dated by ledgerDate.
const ledgerDateHow = "the ledger's change of"

// ledgerDate dates a change told as the news of the day on a page that
// shows no date, from the ledger passed in: the one day-precise change of
// the district to the same side that fits everything the text says (the
// weekday it names, no earlier than the latest date it mentions, a
// handover for a handover) and that the other side never undid. Such a
// proposal is a change the ledger already holds (date_how says so); a
// change the ledger does not know stays undated.
func (b *builder) ledgerDate(x cand) (civil, string, bool) {
	h := b.opt.History
	b.fitPrecise = false
	if h == nil || x.region == "" || x.to == "" {
		return civil{}, "", false
	}
	wd, hasWd := time.Weekday(0), false
	if x.hasRel && !x.after && (x.rel.rel == relWeekday || x.rel.rel == relDays && x.rel.hasWeekday) {
		wd, hasWd = x.rel.weekday, true
	}
	var fit []*geo.Event
	var undone geo.Day
	for _, e := range h.Events() {
		// only a change of the whole district undoes: the other side
		// taking back a village later leaves the district's change today's
		// news of its day
		if b.afterPageMonth(e.Date.First) {
			continue // after the page: it cannot have undone the page's news
		}
		if e.Region == x.region && e.Kind != geo.KindBaseline && e.To != "" && string(e.To) != x.to && e.Extent != geo.ExtentPartial && e.Date.First > undone {
			undone = e.Date.First
		}
	}
	for _, e := range h.Events() {
		if e.Region != x.region || string(e.To) != x.to || e.Kind == geo.KindBaseline {
			continue
		}
		if e.Date.Last < undone && !b.writesDayMonthIn(x.region, e.Date.First, e.Date.Last) {
			// the other side took it back later: not today's news, unless
			// the text writes a day and month of this change for the
			// district ("BAKU, Aug. 23 — … withdraw from Fizuli today")
			continue
		}
		switch x.kind {
		case kindHandover, kindCapitulation:
			if string(e.Kind) != x.kind {
				continue
			}
		case kindCapture:
			if e.Kind == geo.KindCapitulation {
				continue // taken by force is not a surrender and disarmament
			}
		}
		if b.hasLatest && e.Date.Last < b.latest-weekdayReach(hasWd) {
			// (a weekday names a day of the week before the page, which
			// is no earlier than the latest date the text writes: "a
			// truce on Tuesday (November 10, 2020) … Shusha on Sunday")
			continue
		}
		if b.outsidePageMonth(e.Date.First, e.Date.Last) {
			continue // not of the month the URL dates the page to
		}
		if hasWd && !hasWeekday(e.Date.First, e.Date.Last, wd) {
			continue
		}
		if x.hasRel && x.rel.rel == relNone && !hasDayMonth(e.Date.First, e.Date.Last, x.rel.month, x.rel.day) {
			continue // "on November 25": the year is the ledger's change of that day
		}
		// every change that may fit counts, however loosely the ledger
		// dates it: a second one makes the day uncertain
		fit = append(fit, e)
	}
	if len(fit) > 1 {
		// a day and month the text writes without a year in a sentence
		// naming the district ("the eighth of November will be the day we
		// returned to Shusha") is something the text says too: of several
		// changes that may fit, keep those that hold such a day
		var held []*geo.Event
		for _, e := range fit {
			if b.writesDayMonthIn(x.region, e.Date.First, e.Date.Last) {
				held = append(held, e)
			}
		}
		if len(held) == 0 {
			for _, e := range fit {
				if _, ok := b.writesDayIn(x.region, e.Date.First, e.Date.Last); ok {
					held = append(held, e)
				}
			}
		}
		if len(held) > 0 {
			fit = held
		}
	}
	if len(fit) > 1 && hasWd {
		// the text's weekday names the one day the ledger dates to a day
		// of its own; the other fits are spans of weeks that only bound
		// when the whole district was held (a day inside one of them is
		// unknown to the ledger). The other districts the same words list
		// must hold that day too, else the news is of another day.
		var exact []*geo.Event
		loose := true
		for _, e := range fit {
			switch {
			case e.Date.Precision == geo.PrecisionDay:
				exact = append(exact, e)
			case e.Date.Last-e.Date.First < 7:
				loose = false
			}
		}
		if loose && len(exact) == 1 && b.groupHolds(x, exact[0].Date.First) {
			fit = exact
		}
	}
	gday, hasGroup := b.groupDay[[2]int{x.sent, 0}]
	if hasGroup && len(fit) > 1 {
		var held []*geo.Event
		for _, e := range fit {
			if e.Date.First <= gday && gday <= e.Date.Last {
				held = append(held, e)
			}
		}
		fit = held
	}
	if len(fit) > 1 && !x.partial && !x.provinceName && !b.hasPub && x.lead && len(b.dayMonths[x.region]) == 0 {
		fit = b.handedTheDistrict(x.region, x.to, fit)
	}
	if len(fit) != 1 {
		return civil{}, "", false
	}
	day := fit[0].Date.First
	pinned, isPinned := b.pinDay(fit[0].Date.First, fit[0].Date.Last, x, wd, hasWd)
	if hasGroup && fit[0].Date.First <= gday && gday <= fit[0].Date.Last && fit[0].Date.Last-fit[0].Date.First <= 31 {
		pinned, isPinned = gday, true // the day the ledger gives another district told by the same words
	} else if isPinned && hasWd && fit[0].Date.Precision != geo.PrecisionDay && !(x.hasRel && x.rel.rel == relNone) &&
		b.groupSize[[2]int{x.sent, 0}] > 1 {
		// a weekday alone inside a span of days is not enough when the
		// same words list other districts that no day of the ledger dates
		return civil{}, "", false
	}
	switch {
	case isPinned:
		day = pinned // the one day of the ledger's span that the text's weekday or date names
	case fit[0].Date.Precision != geo.PrecisionDay:
		return civil{}, "", false // a span of days the text does not narrow to one
	}
	b.fitPrecise = fit[0].Date.Precision == geo.PrecisionDay && day == fit[0].Date.First
	y, m, d := day.Date()
	how := fmt.Sprintf("%s %s to %s on %s, the only one that fits the text", ledgerDateHow, x.region, x.to, fit[0].Date)
	if hasWd {
		how += fmt.Sprintf(" (a %s, as %q says)", wd, x.rel.word)
	} else if x.hasRel && x.rel.rel == relNone {
		how += fmt.Sprintf(" (%q, written without a year)", x.rel.word)
	}
	return civil{y: y, m: m, d: d, prec: "day"}, how, true
}

// handedTheDistrict keeps, of several changes of district region that fit
// a reading told of the whole district ("the army entered Kalbajar
// province"), the one after which the ledger has side to holding most of
// it and before which it did not: the change of the district, not of a
// village or a height before or after it. All of fit when not exactly one
// is.
func (b *builder) handedTheDistrict(region, to string, fit []*geo.Event) []*geo.Event {
	h := b.opt.History
	r, err := h.Region(region)
	if err != nil {
		return fit
	}
	var turned []*geo.Event
	for _, e := range fit {
		before := h.StateAt(r, e.Date.First-1)
		after := h.StateAt(r, e.Date.Last)
		if string(before.Controller) != to && string(after.Controller) == to {
			turned = append(turned, e)
		}
	}
	if len(turned) == 1 {
		return turned
	}
	return fit
}

// pinDay is the one day of [first, last] that the reading's weekday, its
// day and month, or (failing both) a day and month the text writes for
// the district names; false when none or several do.
func (b *builder) pinDay(first, last geo.Day, x cand, wd time.Weekday, hasWd bool) (geo.Day, bool) {
	if last <= first || last-first > 31 {
		return 0, false
	}
	var mds [][2]int
	if x.hasRel && x.rel.rel == relNone {
		mds = [][2]int{{x.rel.month, x.rel.day}}
	} else {
		mds = b.dayMonths[x.region]
	}
	var hits []geo.Day
	for d := first; d <= last; d++ {
		if b.outsidePageMonth(d, d) {
			continue // outside the month the URL dates the page to
		}
		_, mm, dd := d.Date()
		ok := !hasWd || d.Time().Weekday() == wd
		if len(mds) > 0 {
			named := false
			for _, md := range mds {
				named = named || md[0] == mm && md[1] == dd
			}
			ok = ok && named
		}
		if ok && (hasWd || len(mds) > 0) {
			hits = append(hits, d)
		}
	}
	if len(hits) != 1 && len(mds) == 0 && !hasWd {
		// no day and month written without a year: a full date the text
		// writes for the district inside the span
		return b.writesDayIn(x.region, first, last)
	}
	if len(hits) != 1 {
		return 0, false
	}
	return hits[0], true
}

// hasWeekday reports a day of weekday wd in [first, last].
func hasWeekday(first, last geo.Day, wd time.Weekday) bool {
	for d := first; d <= last && d < first+7; d++ {
		if d.Time().Weekday() == wd {
			return true
		}
	}
	return false
}

// hasDayMonth reports a day with month m and day d in [first, last].
func hasDayMonth(first, last geo.Day, m, d int) bool {
	for day := first; day <= last && day < first+400; day++ {
		_, mm, dd := day.Date()
		if mm == m && dd == d {
			return true
		}
	}
	return false
}

// groupHolds reports that every other district the reading's sentence
// tells as the same news has a change to the same side in the ledger
// that spans day: the districts listed together went the same day.
func (b *builder) groupHolds(x cand, day geo.Day) bool {
	for _, r := range b.groupRegions[x.sent] {
		if r == x.region {
			continue
		}
		held := false
		for _, e := range b.opt.History.Events() {
			if e.Region == r && string(e.To) == x.to && e.Kind != geo.KindBaseline && e.Date.First <= day && day <= e.Date.Last {
				held = true
				break
			}
		}
		if !held {
			return false
		}
	}
	return true
}

// ledgerSide is the side the ledger passed in records for the changes of
// district region within c's month or year, or within nearDays of c's
// day(s), when they all went one way; else "".
func (b *builder) ledgerSide(region string, c civil) string {
	h := b.opt.History
	if h == nil || region == "" || c.y == 0 {
		return ""
	}
	var f, l geo.Day
	switch c.prec {
	case "day":
		f, l = geo.DayOf(c.y, c.m, c.d), geo.DayOf(c.y, c.m, max(c.d, c.d2))
		f, l = f-nearDays, l+nearDays
	case "month", "year":
		f, l = civilSpan(c)
	default:
		return ""
	}
	side, _ := ledgerChanges(h, region, f, l)
	return side
}

// restatedHold reads a reading of a district that the ledger has its side
// holding already on the reading's day, and returns false when it became a
// held_already mention. With no change of the district within quietDays,
// a village or town told as taken on a day the page lent ("the fall of
// Shushi", "relocation to liberated Talish village" in 2023) restates the
// hold, and so does a date the text writes for the whole district (an
// anniversary's year, a decree of 24 June 2021 "for the liberation of
// Zangilan"): a side cannot take what it holds. (In a war villages change
// hands that the ledger does not record, so only a quiet time counts for
// them.) A whole district on a day the page lent takes the day and month
// of the ledger's own change in another year, else it restates the hold.
func (b *builder) restatedHold(x *cand) bool {
	if !b.heldAlready(x.region, x.to, x.date) {
		return true
	}
	weak := weakDate(x.how)
	if !b.changedNear(x.region, x.date, quietDays) {
		switch {
		case weak && x.partial:
			b.mention(Mention{Type: ctxHeld, Region: x.region, To: x.to, Date: x.date.String(), Precision: x.date.prec}, x.ev)
			return false
		case !weak && !x.partial:
			b.mention(Mention{Type: ctxHeld, Region: x.region, To: x.to, Date: x.date.String(), Precision: x.date.prec, Note: "a date the text writes; the ledger has the side holding the district then"}, x.ev)
			return false
		}
	}
	if weak && !x.partial {
		c, how, ok := b.ledgerYear(*x)
		if !ok {
			b.mention(Mention{Type: ctxHeld, Region: x.region, To: x.to, Date: x.date.String(), Precision: x.date.prec}, x.ev)
			return false
		}
		x.date, x.how = c, how
	}
	return true
}

// oldOrAnnounced reads a whole district's change on a day the page lent
// (its own day, a day relative to it, its year), on which the ledger has
// the other side holding the district for years. With no change of the
// district within quietDays it is an old change told without its day
// ("Gubadli district was occupied" in 2025, "Today is the day of Berdzor's
// liberation", "on 8 May" with the page's year): the ledger's one change of
// the district to that side before the page dates it, else it is an
// undated mention. With the ledger's handover of it coming two to soonDays
// days later, it is a handover announced before it happened ("Kalbajar is
// handed over" on 15 November 2020): a future_handover mention. It
// returns false when the reading became a mention.
func (b *builder) oldOrAnnounced(x *cand) bool {
	if !weakDate(x.how) || x.partial || x.claimant == x.to || !b.heldAlready(x.region, other(x.to), x.date) {
		return true
	}
	if !strings.HasPrefix(x.how, "derived from duration") && !b.changedNear(x.region, x.date, quietDays) {
		c, how, ok := b.ledgerOnlyBefore(*x)
		if !ok {
			b.mention(Mention{Type: ctxUndated, Region: x.region, To: x.to, Note: "the other side held it on the page's day"}, x.ev)
			return false
		}
		x.date, x.how = c, how
		return true
	}
	if d, ok := b.changeSoonAfter(*x); ok {
		b.mention(Mention{Type: ctxFuture, Region: x.region, To: x.to, Note: "the ledger's change came later, on " + d.String()}, x.ev)
		return false
	}
	return true
}

// soonDays is how long after a page's day a handover the ledger records
// may be one the page announced: a handover's day is set in advance, a
// capture's is not (in a war, a side claims a district days before the
// ledger has it whole).
const soonDays = 45

// changeSoonAfter is the ledger's handover of x's district to x's side in
// the soonDays after x's date.
func (b *builder) changeSoonAfter(x cand) (geo.DateSpec, bool) {
	if b.opt.History == nil {
		return geo.DateSpec{}, false
	}
	_, last := civilSpan(x.date)
	for _, e := range b.opt.History.Events() {
		if e.Region == x.region && string(e.To) == x.to && e.Kind == geo.KindHandover && e.Date.First > last+1 && e.Date.First <= last+soonDays {
			return e.Date, true
		}
	}
	return geo.DateSpec{}, false
}

// beforeLedger reports a date before the ledger's first record of the
// district (its baseline): no change the ledger can hold.
func (b *builder) beforeLedger(x cand) bool {
	h := b.opt.History
	if h == nil || x.date.y == 0 {
		return false
	}
	_, last := civilSpan(x.date)
	for _, e := range h.Events() {
		if e.Region == x.region && e.Kind == geo.KindBaseline {
			return last < e.Date.First
		}
	}
	return false
}

// durationYearOffByOne moves a year counted from a span ("27 years", said
// in January 2021 of a loss of July 1993) by one when the ledger has no
// change of the district to that side in that year and changes in exactly
// one of the years beside it: counts of years round either way.
func (b *builder) durationYearOffByOne(x cand) (civil, bool) {
	h := b.opt.History
	if h == nil || x.date.prec != "year" || x.years == 0 {
		return civil{}, false // a year the text writes ("since 1992") stays
	}
	in := func(y int) bool { return changeTo(h, x.region, x.to, geo.DayOf(y, 1, 1), geo.DayOf(y, 12, 31)) }
	if in(x.date.y) {
		return civil{}, false
	}
	before, after := in(x.date.y-1), in(x.date.y+1)
	switch {
	case before && !after:
		return civil{y: x.date.y - 1, prec: "year"}, true
	case after && !before:
		return civil{y: x.date.y + 1, prec: "year"}, true
	}
	return civil{}, false
}

// quietDays is how long a district must have had no change, either way,
// around a page's day before a change told without a day on that page is
// read as an old one rather than as the day's news.
const quietDays = 90

// changedNear reports a change of the district, to either side, that the
// ledger dates within days of c.
func (b *builder) changedNear(region string, c civil, days geo.Day) bool {
	h := b.opt.History
	if h == nil {
		return false
	}
	first, last := civilSpan(c)
	return changeTo(h, region, actAZE, first-days, last+days) || changeTo(h, region, actARM, first-days, last+days)
}

// ledgerOnlyBefore dates a change told without a day on a page when the
// ledger passed in records exactly one change of the district to that
// side before the page: that change, at the ledger's precision.
func (b *builder) ledgerOnlyBefore(x cand) (civil, string, bool) {
	h := b.opt.History
	if h == nil {
		return civil{}, "", false
	}
	first, _ := civilSpan(x.date)
	var hit *geo.Event
	for _, e := range h.Events() {
		if e.Region != x.region || string(e.To) != x.to || e.Kind == geo.KindBaseline || e.Date.First >= first {
			continue
		}
		if hit != nil {
			return civil{}, "", false // two changes: the text does not say which
		}
		hit = e
	}
	if hit == nil {
		return civil{}, "", false
	}
	c, ok := civilOfSpan(hit.Date)
	if !ok {
		return civil{}, "", false
	}
	return c, fmt.Sprintf("%s %s to %s on %s, the only one before the page: the text tells it without a day, and the other side held the district on the page's", ledgerDateHow, x.region, x.to, hit.Date), true
}

// nearDays is how far (in days) from a change's day the ledger's record
// of the same change may lie.
const (
	pubDateHow = "publication date"
	nearDays   = 7
)

// countedBefore is the change told with a day and no district in one of
// the three sentences before x's, to x's side: the last such.
func (b *builder) countedBefore(x cand) *countedDay {
	for i := len(b.counted) - 1; i >= 0; i-- {
		cd := &b.counted[i]
		if cd.sent < x.sent && x.sent-cd.sent <= 3 && cd.to == x.to {
			return cd
		}
	}
	return nil
}

// ledgerAllows reports that the ledger passed in (if any) records a change
// of region to side within nearDays of c: "Aghdam, Kalbajar and Lachin were
// liberated without losses" in a piece on Lachin's day did not all go on
// Lachin's day. (Asked of whole districts only: the ledger does not record
// every village.)
func (b *builder) ledgerAllows(region, side string, c civil) bool {
	if b.opt.History == nil || c.y == 0 {
		return true
	}
	d := geo.DayOf(c.y, max(c.m, 1), max(c.d, 1))
	return changeTo(b.opt.History, region, side, d-nearDays, d+nearDays)
}

// writesDayMonthIn reports a day and month written without a year in a
// sentence naming region that falls in [first, last].
func (b *builder) writesDayMonthIn(region string, first, last geo.Day) bool {
	for _, md := range b.dayMonths[region] {
		if hasDayMonth(first, last, md[0], md[1]) {
			return true
		}
	}
	return false
}

// datedByCount dates x by the count of villages told before it.
func (b *builder) datedByCount(x cand, cd *countedDay) cand {
	x.dated, x.date = true, cd.date
	x.how = fmt.Sprintf("the day of the villages counted in sentence %d", cd.sent+1)
	x.conf = b.dateConf("explicit", "day") - 0.1
	return x
}

// outsidePageMonth reports days [first, last] wholly outside the month
// (and the week before it) that the URL dates an undated page to; false
// when the URL gives no month.
func (b *builder) outsidePageMonth(first, last geo.Day) bool {
	return b.pageMonth[1] != 0 && (last < b.pageMonth[0] || b.afterPageMonth(first))
}

// afterPageMonth reports a day after the month the URL dates the page to.
func (b *builder) afterPageMonth(d geo.Day) bool {
	return b.pageMonth[1] != 0 && d > b.pageMonth[1]
}

// spanAnchorYear is the latest year of a proposal of x's district to the
// side its span counts back from (0 for "N years ago", which counts from
// the page's day, not from another change).
func spanAnchorYear(props []*proposal, x cand) int {
	if x.ago {
		return 0
	}
	y := 0
	for _, p := range props {
		if p.p.Region == x.region && p.p.To == x.anchorTo && p.date.y > y {
			y = p.date.y
		}
	}
	return y
}
