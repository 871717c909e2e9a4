package extract

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mapsvc/mapsvc/geo"
)

// MaxDuration is the time budget of one extraction. A news article takes
// a few milliseconds; the budget only stops hostile input.
const MaxDuration = 2 * time.Second

// defaultBudget is the budget when Options.Timeout is zero: MaxDuration.
// The package's tests raise it (TestMain), because under the race detector
// on a loaded machine an ordinary article can take longer than a real
// server would; the tests of the budget set Options.Timeout themselves.
var defaultBudget = MaxDuration

// maxSentences caps the sentences read, as maxTokens caps the tokens.
const maxSentences = 2000

// Extract reads one article and proposes the control changes it states;
// it is ExtractContext without a caller's deadline.
func Extract(text string, opt Options) (Result, error) {
	return ExtractContext(context.Background(), text, opt)
}

// ExtractContext reads one article and proposes the control changes it
// states. Relative dates ("اليوم", "yesterday", "الأربعاء") are resolved
// against opt.Published, or against a publication date inferred from the
// text; without either they are left out. The error is ErrTooLarge,
// ErrBadPublished, or ErrTimeout when ctx ends or MaxDuration passes; any
// text within the size cap yields a Result. Work is bounded: at most
// maxTokens tokens and maxSentences sentences are read (Result.Truncated
// says where reading stopped).
func ExtractContext(ctx context.Context, text string, opt Options) (Result, error) {
	return extractWith(ctx, text, opt, "")
}

// extractWith is ExtractContext; inferredHow, when set, says how
// opt.Published was worked out from the page (pageDay), so that it is
// reported and weighed as inferred, not given.
func extractWith(ctx context.Context, text string, opt Options, inferredHow string) (Result, error) {
	loadLexicon() // before the budget starts: the first call reads it
	budget := opt.Timeout
	if budget <= 0 {
		budget = defaultBudget
	}
	ctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	res := Result{Proposals: []Proposal{}, PublishedHow: "unknown"}
	if len(text) > MaxInput {
		return res, ErrTooLarge
	}
	var pub time.Time
	hasPub := false
	if opt.Published != "" {
		t, err := time.Parse("2006-01-02", opt.Published)
		if err != nil || t.Year() < 1900 || t.Year() > 2100 {
			return res, fmt.Errorf("%w: %q", ErrBadPublished, opt.Published)
		}
		pub, hasPub = t, true
		res.Published, res.PublishedHow = opt.Published, "given"
		if inferredHow != "" {
			res.PublishedHow = inferredHow
		}
	}
	g, err := loadGazetteer()
	if err != nil {
		return res, err
	}
	end := bodyEnd(text)
	toks, stop := tokenize(text, 0, end, 0)
	res.Language = detectLanguage(toks)
	res.Outlet = outletLine(text[:end])
	sents := splitSentences(toks)
	if len(sents) > maxSentences {
		stop = byteOffset(text, sents[maxSentences].start)
		sents = sents[:maxSentences]
	}
	if stop < end {
		res.Truncated = fmt.Sprintf("read the first %d of %d bytes (at most %d tokens and %d sentences)", stop, len(text), maxTokens, maxSentences)
	}
	anns := make([]*annotated, len(sents))
	for i := range sents {
		if i%64 == 0 && ctx.Err() != nil {
			return res, ErrTimeout
		}
		anns[i] = annotate(g, &sents[i])
	}
	landmarks := anchorsFrom(opt.History)
	inf := inferPublished(anns, landmarks)
	if !hasPub {
		if t, how, ok := dateFromURL(opt.Source); ok {
			pub, hasPub = t, true
			res.Published, res.PublishedHow = t.Format("2006-01-02"), how
		}
	}
	if inf.ok && laterChangeTold(anns, inf.pub) {
		inf.ok = false // a site's stamp: the page tells changes done after it
	}
	if !hasPub && inf.ok && strings.HasPrefix(inf.how, inferredFullDate) {
		// a full date the page prints for itself goes before a day in
		// the URL's slug, which may be the day a file was stored
		pub, hasPub = inf.pub, true
		res.Published, res.PublishedHow = pub.Format("2006-01-02"), inf.how
	}
	if !hasPub {
		if t, how, ok := isoDateFromURL(opt.Source); ok {
			pub, hasPub = t, true
			res.Published, res.PublishedHow = t.Format("2006-01-02"), how
		}
	}
	if !hasPub && inf.ok {
		pub, hasPub = inf.pub, true
		res.Published, res.PublishedHow = pub.Format("2006-01-02"), inf.how
	}
	r := &resolver{pub: pub, hasPub: hasPub, yearHint: inf.yearHint, hintHow: inf.hintHow, wars: warsFrom(landmarks)}
	var pageMonth [2]geo.Day
	if !hasPub {
		if y, m, ok := monthFromURL(opt.Source); ok {
			// "/2015/05/…": the page is of that month; its year dates the
			// days the text writes without one, and the ledger's changes
			// its news may be are of that month or the week before
			if r.yearHint == 0 {
				r.yearHint, r.hintHow = y, fmt.Sprintf("the URL's year and month %d/%02d", y, m)
			}
			first := geo.DayOf(y, m, 1)
			pageMonth = [2]geo.Day{first - 7, geo.DayOf(y, m+1, 1) - 1}
		}
	}
	if hasPub {
		r.today, r.hasToday = writtenToday(anns, pub)
		if !r.hasToday {
			r.today, r.hasToday = writtenDay(anns, pub)
		}
	}
	for _, a := range anns {
		r.sent = a.s.idx
		if d, ok := citedReportDay(a, pub, hasPub); ok {
			r.cited, r.hasCited = d, true // the passage after it quotes that report
		}
		for k, e := range a.dates {
			if e.rel == relNone && e.year != 0 && !opt.pageDate.IsZero() && e.dayEnd == 0 &&
				time.Date(e.year, time.Month(e.month), e.day, 0, 0, 0, 0, time.UTC).Equal(opt.pageDate) {
				// the stamp of a chronicle's page, read again on the
				// day it retells: no day of the chronicle, nor the year
				// its yearless days go on in
				a.claimed[k] = true
				continue
			}
			c, how, ok := r.resolve(e)
			a.res[k] = resolved{c: c, how: how, ok: ok}
		}
	}
	if day, how, ok := chronicleDay(anns); ok && (!hasPub || pub.Sub(day.Time()) > chronicleRead) {
		// an "on this day" chronicle of a war, written long after it:
		// its "today" and its undated news are of the day it retells
		again := opt
		again.Published = day.String()
		if hasPub {
			again.pageDate = pub
		}
		note := fmt.Sprintf("the page retells one day: %s", how)
		if hasPub {
			note = fmt.Sprintf("published %s (%s); %s", res.Published, res.PublishedHow, note)
		}
		return extractWith(ctx, text, again, note)
	}
	sameDayOfLaunch(anns)
	b := &builder{g: g, runes: []rune(text), opt: opt, pub: pub, hasPub: hasPub, pubHow: res.PublishedHow, pageMonth: pageMonth}
	b.latest, b.hasLatest = latestDated(anns)
	b.dateline, b.hasDateline = inf.dateline, inf.hasDateline
	b.noteLandmarks(anns, landmarks)
	b.annivYear = anniversaryYears(anns, pub, hasPub)
	b.dayMonths, b.fullDays = writtenDays(anns)
	b.placed = placedIn(anns)
	for i, a := range anns {
		if i%64 == 0 && ctx.Err() != nil {
			return res, ErrTimeout
		}
		b.next = nil
		if i+1 < len(anns) {
			b.next = anns[i+1]
		}
		b.sentence(a)
	}
	b.finish(&res)
	attachPlaces(&res, anns)
	if ctx.Err() != nil {
		return res, ErrTimeout
	}
	if day, how, ok := b.pageDay(); ok {
		// the changes told as today's news fit one day of the ledger: read
		// the page again as published that day
		again := opt
		again.Published = day.Format("2006-01-02")
		res2, err := extractWith(ctx, text, again, how)
		if err != nil {
			return res, err
		}
		if !b.pageNeedsConfirm || confirmed(res2, opt.History) {
			return res2, nil
		}
	}
	return res, nil
}

// byteOffset returns the byte offset of rune offset r in text.
func byteOffset(text string, r int) int {
	n := 0
	for i := range text {
		if n == r {
			return i
		}
		n++
	}
	return len(text)
}

// detectLanguage returns "ar" when Arabic letters outnumber Latin ones.
func detectLanguage(toks []token) string {
	ar, la := 0, 0
	for _, t := range toks {
		if t.kind != tokWord {
			continue
		}
		for _, r := range t.raw {
			switch {
			case isArabicLetter(r):
				ar++
			case r < 0x250 && (r|0x20) >= 'a' && (r|0x20) <= 'z' || r >= 0xC0 && r < 0x250:
				la++
			}
		}
	}
	if la > ar {
		return "en"
	}
	return "ar"
}

// laterChangeTold reports a change the text tells as done on a written
// date more than a month after d (not a deadline): a page cannot tell
// what happened after its own date, so d is a stamp of the site, not the
// page's date.
func laterChangeTold(anns []*annotated, d time.Time) bool {
	limit := d.AddDate(0, 1, 0)
	for _, a := range anns {
		if len(a.cues) == 0 {
			continue
		}
		done := false
		for _, c := range a.cues {
			done = done || toldAsDone(a.s.toks, c)
		}
		if !done {
			continue
		}
		for k, e := range a.dates {
			if e.rel != relNone || e.year == 0 || e.month == 0 || a.deadline[k] {
				continue
			}
			day := max(e.day, 1)
			if time.Date(e.year, time.Month(e.month), day, 0, 0, 0, 0, time.UTC).After(limit) {
				return true
			}
		}
	}
	return false
}
