package extract

import (
	"fmt"
	"time"
)

// pubInference is what the text says about its own publication date.
type pubInference struct {
	pub      time.Time
	ok       bool
	how      string
	yearHint int    // a year known even when the day is not
	hintHow  string // where yearHint came from
	// dateline is a dateline's day and month written without a year
	// ("BAKU, December 1."), when no year for it was found (pageDay)
	dateline    dateExpr
	hasDateline bool
}

// inferPublished works out the publication date from the text alone:
//
//  1. a full date near the top (a dateline or photo caption) is taken,
//     checked against "today, <weekday>" when the text has it;
//  2. otherwise "today <weekday>" (اليوم السبت) is placed in the month the
//     text calls current (نوفمبر الجاري) or the month after one it calls
//     past (نوفمبر الماضي), in the year of a known anchor date or a year
//     written with that month, on the first such weekday on or after the
//     latest day of that month the text mentions.
//
// Anything less leaves the date unknown.
func inferPublished(anns []*annotated, anchors []anchor) pubInference {
	var inf pubInference
	var header, marked *dateExpr
	var headers []*dateExpr
	var embedded *dateExpr
	var yearless *dateExpr // "BAKU, December 1." at the top
	var today *dateExpr
	var thisMonth, pastMonth *dateExpr
	anchorY, anchorM := 0, 0
	anchorWhat := ""
	var all []dateExpr
	// lines with text before this sentence's: blank lines between a
	// breadcrumb, a headline and a dateline do not push the dateline down
	textLine, lastLine := -1, -1
	var prevA *annotated
	// a paragraph of the body has been read: a date heading a later
	// sentence ("18 May 1992, Armenian forces occupied Lachin" after two
	// paragraphs on the 2020 war) is the date of what it tells
	bodyBegun := false
	latestYear := latestYearIn(anns)
	for _, a := range anns {
		label := labelLine(prevA, a)
		bodyBegun = bodyBegun || prevA != nil && wordCount(prevA.s.toks) >= 25
		prevA = a
		if a.s.line != lastLine {
			textLine, lastLine = textLine+1, a.s.line
		}
		for k := range a.dates {
			e := a.dates[k]
			all = append(all, e)
			full := e.rel == relNone && e.year != 0 && e.month != 0 && e.day != 0 && e.dayEnd == 0
			marker := furnitureBefore(a.s.toks, e.i)
			switch {
			case marker == markUpdated:
				// a later edit: not the day the article appeared
			case marked == nil && marker == markPublished && full && a.s.line < 12:
				marked = &a.dates[k]
			case marked == nil && full && a.s.line < 12 && labelOpens(a.s.toks, e.i):
				// "Date: 2023-10-20" opening a line at the top of the page
				marked = &a.dates[k]
			case marked == nil && label && full && e.i == 0:
				// "Date" on a line of its own, the date opening the next
				// (a footer with the date, the author, the tags)
				marked = &a.dates[k]
			case len(headers) < 2 && textLine < 5 && full && !a.deadline[k] && datelineShaped(a, e) && !(bodyBegun && headsSentence(a, e)) && !(otherLabel(a, e) && e.year < latestYear):
				headers = append(headers, &a.dates[k])
			}
			if yearless == nil && textLine < 5 && e.rel == relNone && e.year == 0 && e.month != 0 && e.day != 0 && e.dayEnd == 0 &&
				!a.deadline[k] && placeDateline(a.s.toks, e) {
				yearless = &a.dates[k]
			}
			if embedded == nil && full && embeddedPostDate(a.s.toks, e) {
				embedded = &a.dates[k]
			}
			if today == nil && e.today && e.hasWeekday {
				today = &a.dates[k]
			}
			if e.rel == relNone && e.month != 0 && e.dayEnd == 0 {
				if e.qual == qualThis && thisMonth == nil {
					thisMonth = &a.dates[k]
				}
				if e.qual == qualPast && e.day != 0 && pastMonth == nil && !landmark(anchors, e) {
					pastMonth = &a.dates[k]
				}
			}
			if anchorY == 0 {
				if y, what, ok := anchorYear(anchors, e, a.ctx); ok {
					anchorY, anchorM, anchorWhat = y, e.month, what
					if e.qual == qualThis && thisMonth == nil {
						thisMonth = &a.dates[k]
					}
				}
			}
		}
	}
	if anchorY != 0 {
		inf.yearHint, inf.hintHow = anchorY, anchorWhat
	}
	if len(headers) > 0 {
		header = headers[0]
		if len(headers) > 1 && siteDate(*headers[0], all) {
			// a site's date of the day above the article's own dateline
			header = headers[1]
		}
	}
	if marked != nil {
		header = marked
	}
	if header != nil && header != marked {
		// "24 years ago today (May 18 1992)": a date in brackets at the
		// top that is the very change a commemoration marks is not the
		// day of the page
		if an, ok := anniversaryPublished(anns); ok && an.pub.Year() > header.year && int(an.pub.Month()) == header.month && an.pub.Day() == header.day {
			return an
		}
	}
	if header == nil && embedded != nil {
		// the signature of an embedded post ("— Name (@handle) November
		// 30, 2020") closes a quote of the day's news: the page is of
		// that day (or just after it)
		inf.pub = time.Date(embedded.year, time.Month(embedded.month), embedded.day, 0, 0, 0, 0, time.UTC)
		inf.ok = true
		inf.how = fmt.Sprintf("inferred: the date %q of a post embedded in the page", embedded.word)
		return inf
	}
	if header != nil {
		inf.pub = time.Date(header.year, time.Month(header.month), header.day, 0, 0, 0, 0, time.UTC)
		inf.ok = true
		inf.how = fmt.Sprintf(inferredFullDate+" %q near the top of the text", header.word)
		if header == marked {
			inf.how = fmt.Sprintf(inferredFullDate+" %q given as the publication date at the top of the page", header.word)
		}
		if today != nil {
			if inf.pub.Weekday() == today.weekday {
				inf.how += fmt.Sprintf(", a %s as %q says", today.weekday, today.word)
			} else {
				inf.how += fmt.Sprintf(", though %q names a %s", today.word, today.weekday)
			}
		}
		return inf
	}
	if an, ok := anniversaryPublished(anns); ok {
		return an
	}
	if yearless != nil && anchorY != 0 {
		// a dateline without a year: the year of the landmark the text
		// names (the year after it when the dateline's month comes first)
		y := anchorY
		if yearless.month < anchorM {
			y++
		}
		if validDay(y, yearless.month, yearless.day) {
			inf.pub = time.Date(y, time.Month(yearless.month), yearless.day, 0, 0, 0, 0, time.UTC)
			inf.ok = true
			inf.how = fmt.Sprintf("inferred: dateline %q without a year; year %d from %s", yearless.word, y, anchorWhat)
			return inf
		}
	}
	if yearless != nil {
		inf.dateline, inf.hasDateline = *yearless, true
	}
	if today == nil {
		return inf
	}
	month, year := 0, 0
	var monthHow, yearHow string
	switch {
	case thisMonth != nil:
		month = thisMonth.month
		monthHow = fmt.Sprintf("%q is the current month", thisMonth.word)
		if thisMonth.year != 0 {
			year, yearHow = thisMonth.year, "written with it"
		}
	case pastMonth != nil:
		month = pastMonth.month%12 + 1
		monthHow = fmt.Sprintf("the month after %q, which the text calls past", pastMonth.word)
	default:
		return inf
	}
	if year == 0 && anchorY != 0 {
		year = anchorY
		if month < anchorM {
			year++
		}
		yearHow = "from " + anchorWhat
	}
	if year == 0 {
		return inf
	}
	// the latest day of that month the text mentions is a lower bound
	low := 1
	for _, e := range all {
		if e.rel != relNone || e.month != month || e.day == 0 || (e.year != 0 && e.year != year) {
			continue
		}
		if e.qual == qualPast && e.month == month {
			continue
		}
		if d := max(e.day, e.dayEnd); d > low && validDay(year, month, d) {
			low = d
		}
	}
	for d := low; validDay(year, month, d); d++ {
		t := time.Date(year, time.Month(month), d, 0, 0, 0, 0, time.UTC)
		if t.Weekday() == today.weekday {
			inf.pub, inf.ok = t, true
			inf.how = fmt.Sprintf("inferred: %q (a %s); %s; year %d %s; first %s on or after day %d of that month, the latest the text mentions",
				today.word, today.weekday, monthHow, year, yearHow, today.weekday, low)
			return inf
		}
	}
	return inf
}

// landmark reports a day and month that is a ceasefire or an offensive
// start of the ledger (the first day of a war): pages retell such a day
// for months, so calling its month past says nothing of how recent the
// page is.
func landmark(anchors []anchor, e dateExpr) bool {
	for _, an := range anchors {
		if an.month == e.month && an.day == e.day {
			return true
		}
	}
	return false
}

// datelineShaped reports a date placed as a dateline or caption is: on a
// short line of its own ("02 ابريل 2018", "21 October 2020, 09:24"), at
// the head of a line after at most a place name ("باكو، 4 أكتوبر"), or in
// parentheses with the credit ("(سبوتنيك - 09 نوفمبر 2020)"). A date inside
// a sentence of the body ("occupied Kalbajar on 2 April 1993") is the
// date of what the sentence tells, not of the article.
func datelineShaped(a *annotated, e dateExpr) bool {
	ts := a.s.toks
	words := 0
	for _, t := range ts {
		if t.kind != tokPunct {
			words++
		}
	}
	if words <= 8 {
		return true
	}
	if e.i <= 3 && (a.s.idx == 0 || len(ts) > 0 && ts[0].nl > 0) {
		// "On September 27, 2020, the army …", "في 27 سبتمبر …": a
		// preposition makes it the date of what the sentence tells
		return !(e.i > 0 && isWordAt(ts, e.i-1, "on", "in", "since", "في", "وفي", "منذ", "ومنذ"))
	}
	for k := e.i - 1; k >= 0 && k >= e.i-10; k-- {
		if ts[k].raw == ")" {
			break
		}
		if ts[k].raw == "(" {
			// a bare date in brackets right after a word of the body
			// ("after the occupation of Shusha (May 8, 1992), …") dates
			// that word's event; a credit or a caption holds more
			if k == e.i-1 && k > 0 && ts[k].nl == 0 && ts[k-1].kind == tokWord && e.j < len(ts) && ts[e.j].raw == ")" {
				return false
			}
			return true
		}
	}
	// a byline's time stamp: the date followed by a clock time ("Mon
	// 02nd November 2020 | 05:50 PM", "20.11.2020, 14:35")
	for k := e.j; k < len(ts) && k <= e.j+2; k++ {
		if ts[k].kind == tokNum && k+2 < len(ts) && ts[k+1].raw == ":" && ts[k+2].kind == tokNum && ts[k+1].start == ts[k].end {
			return true
		}
		if ts[k].kind != tokPunct && k > e.j {
			break
		}
	}
	// a photo caption: the date just before its credit "(صورة: …)"
	for k := e.j; k < len(ts) && k <= e.j+1; k++ {
		if ts[k].raw == "(" {
			return true
		}
	}
	return false
}

const (
	markNone = iota
	markPublished
	markUpdated
)

// furnitureBefore tells whether the few words before token i label the
// date there as the publication date ("تاريخ النشر:", "نشر في",
// "Published:") or as a later update ("آخر تحديث", "Updated").
func furnitureBefore(ts []token, i int) int {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if ts[k].kind != tokWord {
			continue
		}
		if hasStem(ts[k], updatedWords) {
			return markUpdated
		}
		if hasStem(ts[k], publishedWords) {
			return markPublished
		}
	}
	return markNone
}

// siteDate reports a full date at the top that lies after every other
// date of the text by more than a week: the day the page was fetched or
// the site's clock, shown above the article's own dateline.
func siteDate(e dateExpr, all []dateExpr) bool {
	t := time.Date(e.year, time.Month(e.month), e.day, 0, 0, 0, 0, time.UTC)
	later := false
	for _, o := range all {
		if o.rel != relNone || o.year == 0 || o.i == e.i && o.year == e.year && o.month == e.month && o.day == e.day {
			continue
		}
		m, d := max(o.month, 1), max(o.day, 1)
		if !validDay(o.year, m, d) {
			continue
		}
		if t.Sub(time.Date(o.year, time.Month(m), d, 0, 0, 0, 0, time.UTC)) < 7*24*time.Hour {
			return false
		}
		later = true
	}
	return later
}

// embeddedPostDate reports a full date that ends the signature line of an
// embedded social-media post: a handle ("@name") shortly before it and
// the end of the line right after it.
func embeddedPostDate(ts []token, e dateExpr) bool {
	if e.j < len(ts) && ts[e.j].nl == 0 {
		return false
	}
	for k := e.i - 1; k >= 0 && k >= e.i-4; k-- {
		if ts[k].raw == "@" {
			return true
		}
	}
	return false
}

// anniversaryPublished dates a commemoration: "the fifth anniversary of
// the liberation of X, achieved on 17 October 2020", "27 years have
// passed since the occupation of X on 31 August 1993" was written N years
// after the year of the change it commemorates (a full date in that
// sentence, else in one of the next two that tell a change). The day is
// the one the text calls today ("اليوم 3 أكتوبر"), else a dateline
// without a year at the top ("باكو، 17 أكتوبر"), else the day of the
// change itself: an anniversary falls on it.
func anniversaryPublished(anns []*annotated) (pubInference, bool) {
	var inf pubInference
	for i, a := range anns {
		years := 0
		for _, c := range a.cues {
			if n, ok := anniversaryOf(a, c); ok && n > 0 {
				years = n
				break
			}
		}
		if years == 0 {
			continue
		}
		var change *dateExpr
		for j := i; j < len(anns) && j <= i+2 && change == nil; j++ {
			if j > i && len(anns[j].cues) == 0 {
				continue
			}
			for k := range anns[j].dates {
				e := &anns[j].dates[k]
				if e.rel == relNone && e.year != 0 && !anns[j].deadline[k] {
					change = e
					break
				}
			}
		}
		if change == nil {
			return inf, false
		}
		y := change.year + years
		if y > time.Now().Year()+1 {
			// "the 25th anniversary of the liberation of Shushi, …, May
			// 8, 2017" (a caption): the day is the march's, not the
			// change's; a page is not written years from now
			return inf, false
		}
		m, d := change.month, change.day
		if later, ok := narrativeDayAfter(anns, change); ok {
			// "launched on March 27, 1993, … occupied X on April 2": the
			// day the narrative goes on to is the change's
			m, d = later.month, later.day
		}
		how := fmt.Sprintf("the day of the change, %q, %d years on", change.word, years)
		var dateline *dateExpr
		for _, b := range anns {
			for k := range b.dates {
				e := &b.dates[k]
				if e.rel != relNone || e.year != 0 || e.month == 0 || e.day == 0 {
					continue
				}
				if e.today && dateline == nil || b.s.line < 5 && datelineShaped(b, *e) && dateline == nil {
					dateline = e
				}
			}
		}
		if dateline != nil {
			m, d = dateline.month, dateline.day
			how = fmt.Sprintf("%q at the top or called today", dateline.word)
		}
		if m == 0 || d == 0 || !validDay(y, m, d) {
			inf.yearHint, inf.hintHow = y, fmt.Sprintf("%d years after %q (an anniversary)", years, change.word)
			return inf, false
		}
		inf.pub = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		inf.ok = true
		inf.how = fmt.Sprintf("inferred: an anniversary (%d years) of %q; the day is %s", years, change.word, how)
		return inf, true
	}
	return inf, false
}

// narrativeDayAfter finds, in the sentence of a date written with its
// year, a later day and month written without one a few days on ("on
// March 27, 1993 … on April 2"): the narrative goes on to it.
func narrativeDayAfter(anns []*annotated, e *dateExpr) (dateExpr, bool) {
	for _, a := range anns {
		for k := range a.dates {
			if &a.dates[k] != e {
				continue
			}
			for _, l := range a.dates[k+1:] {
				if l.rel != relNone || l.year != 0 || l.month == 0 || l.day == 0 || e.day == 0 {
					continue
				}
				if l.month == e.month && l.day > e.day || l.month == e.month+1 && l.day < e.day {
					return l, true
				}
			}
			return dateExpr{}, false
		}
	}
	return dateExpr{}, false
}

// labelLine reports a sentence on the line right after a line that is
// only a date label ("Date", "التاريخ", "Published:").
func labelLine(prev, a *annotated) bool {
	if prev == nil || prev.s.line+1 != a.s.line || wordCount(prev.s.toks) != 1 {
		return false
	}
	for _, t := range prev.s.toks {
		if t.kind == tokWord {
			return hasStem(t, dateLabels) || hasStem(t, publishedWords)
		}
	}
	return false
}

// headsSentence reports a date at the head of a sentence of more than a
// dateline's few words ("18 May 1992, Armenian forces occupied Lachin").
func headsSentence(a *annotated, e dateExpr) bool {
	return e.i <= 3 && wordCount(a.s.toks) > 8
}

// otherLabel reports a date given as the value of a label that is not
// one of the date labels known ("Established: 4 January 1963" in an
// infobox, or "Yayınlanma: 16.10.2023"): the caller takes it for the
// page's date only when the text writes no later year. A place before the
// colon is a dateline's ("Baku: …").
func otherLabel(a *annotated, e dateExpr) bool {
	ts := a.s.toks
	k := e.i - 1
	if k < 1 || ts[k].raw != ":" || ts[k-1].kind != tokWord || hasStem(ts[k-1], dateLabels) {
		return false
	}
	for _, p := range a.places {
		if p.i <= k-1 && k-1 < p.j {
			return false
		}
	}
	return true
}

// latestYearIn is the latest year the text writes in a date.
func latestYearIn(anns []*annotated) int {
	y := 0
	for _, a := range anns {
		for _, e := range a.dates {
			if e.rel == relNone && e.year > y {
				y = e.year
			}
		}
	}
	return y
}

// labelOpens reports a date right after a date label that opens its line
// ("Date: 12 May 2021", "التاريخ 2021-05-12"): the page's own stamp, not
// a date of the text.
func labelOpens(ts []token, i int) bool {
	k := i - 1
	if k >= 0 && ts[k].raw == ":" {
		k--
	}
	if k < 0 || ts[k].kind != tokWord || !hasStem(ts[k], dateLabels) {
		return false
	}
	return k == 0 || ts[k].nl > 0
}

// placeDateline reports a day and month right after a place and a comma
// or dash at the head of a sentence, ending there ("BAKU, December 1.",
// "BAKU, Azerbaijan, Nov. 26 Trend:", "باكو - 25 نوفمبر:"): the dateline
// of a news agency.
func placeDateline(ts []token, e dateExpr) bool {
	if e.i < 2 || e.i > 5 || (ts[e.i-1].raw != "," && ts[e.i-1].raw != "-" && ts[e.i-1].raw != "–") || ts[0].kind != tokWord {
		return false
	}
	for k := 0; k < e.i; k++ {
		if ts[k].kind == tokNum {
			return false
		}
	}
	if e.j >= len(ts) || ts[e.j].nl > 0 {
		return true
	}
	switch ts[e.j].raw {
	case ".", "/", "(", ":", "-", "–", "—":
		return true
	}
	return ts[e.j].kind == tokWord && e.j+1 < len(ts) && ts[e.j+1].raw == ":" // "Nov. 26 Trend:"
}

// inferredFullDate begins the published_how of a page dated by a full
// date printed near its top.
const inferredFullDate = "inferred: full date"
