package extract

import (
	"fmt"
	"time"

	"github.com/mapsvc/mapsvc/geo"
)

// chronicleLead is how many sentences from the top a chronicle announces
// itself in.
const chronicleLead = 15

// chronicleWarDays bounds how long after the war's first day a chronicle's
// day may fall to be read in the war's year.
const chronicleWarDays = 60

// chronicleDay finds the day an "on this day" chronicle tells, for a page
// that retells the news of one day of a war long after it ("the chronicle
// of the 20th day of the Second Karabakh war", "the chronicle … for
// October 4, 2020"): the day the page's "today" and undated news mean. It
// is the full date written with the word "chronicle", a day and month
// written with it in the year of the war the text says began ("Chronicle
// of the 44-day war: October 3"), or the Nth day of the war counted from
// the day the text says the war or the operation began.
func chronicleDay(anns []*annotated) (geo.Day, string, bool) {
	var start geo.Day
	startWord := ""
	nth, nthWord := 0, ""
	anniv := false
	var named dateExpr // a day and month the chronicle names without a year
	for i, a := range anns {
		if i >= chronicleLead {
			break
		}
		ts := a.s.toks
		launch := launchSentence(a)
		if findWithin(ts, 0, len(ts), chronicleWords) >= 0 && !launch {
			for k, e := range a.dates {
				if r := a.res[k]; r.ok && r.c.prec == "day" && e.year != 0 {
					if sy, _, _ := start.Time().Date(); start != 0 && r.c.y != sy {
						// "Chronicle of 44-day Second Karabakh War: October
						// 15, 2021" on a page of 2021 about the war begun
						// on September 27, 2020: the heading took the
						// page's year; the day is the war's
						if d := geo.DayOf(sy, r.c.m, r.c.d); d >= start && d-start <= chronicleWarDays {
							return d, fmt.Sprintf("the day and month the chronicle names (%q), in the year of the war the text says began on %s", e.word, start.Time().Format("2 January 2006")), true
						}
					}
					return geo.DayOf(r.c.y, r.c.m, r.c.d), fmt.Sprintf("the day the chronicle names (%q)", e.word), true
				}
				if e.rel == relNone && e.year == 0 && e.month != 0 && e.day != 0 && e.dayEnd == 0 && named.month == 0 {
					named = e
				}
			}
		}
		if start == 0 && launch {
			// the earliest full date of the sentence (not a dateline
			// before it)
			for k, e := range a.dates {
				if r := a.res[k]; r.ok && r.c.prec == "day" && e.year != 0 {
					if d := geo.DayOf(r.c.y, r.c.m, r.c.d); start == 0 || d < start {
						start, startWord = d, e.word
					}
				}
			}
		}
		if nth == 0 {
			nth, nthWord = nthDayOfWar(ts)
		}
		anniv = anniv || findWithin(ts, 0, len(ts), anniversaryWords) >= 0
	}
	if named.month != 0 && start != 0 {
		// "Chronicle of the 44-day war: October 3" on a page that tells
		// the war began "on September 27, 2020": the first such day from
		// the start
		y, _, _ := start.Date()
		for _, yy := range []int{y, y + 1} {
			if validDay(yy, named.month, named.day) {
				if d := geo.DayOf(yy, named.month, named.day); d >= start {
					return d, fmt.Sprintf("the day the chronicle names (%q), in the war that began %q", named.word, startWord), true
				}
			}
		}
	}
	// a page that counts the years since ("four years have passed since
	// the liberation of X, on the seventh day of the war") is an
	// anniversary of its own day, not a chronicle of the war's
	if nth > 0 && start != 0 && !anniv {
		return start + geo.Day(nth-1), fmt.Sprintf("the %s of the war that began %q", nthWord, startWord), true
	}
	return 0, "", false
}

// launchSentence reports a sentence that tells a war or an operation
// beginning.
func launchSentence(a *annotated) bool {
	ts := a.s.toks
	return findWithin(ts, 0, len(ts), launchWords) >= 0 || findWithin(ts, 0, len(ts), eruptWords) >= 0
}

// nthDayOfWar reads "the 20th day of the … war", "the twenty-fourth day
// of the war", "اليوم الـ20 من الحرب": the ordinal and its words.
func nthDayOfWar(ts []token) (int, string) {
	for k := range ts {
		if !hasStem(ts[k], dayUnits) {
			continue
		}
		war := false
		for m := k + 1; m < len(ts) && m <= k+5; m++ {
			war = war || isWordAt(ts, m, "war", "الحرب", "للحرب", "حرب")
		}
		if !war {
			continue
		}
		// the ordinal before "day" (English) or after it (Arabic)
		before := k - 1
		if isWordAt(ts, before, "st", "nd", "rd", "th") {
			before-- // "20th": the number and its suffix
		}
		for _, m := range []int{before, k + 1} {
			if m == k+1 && !isArabicLetter(firstRune(ts[k].norm)) {
				continue
			}
			if n, ok := ordinalAt(ts, m); ok && n > 0 && n <= 60 {
				lo, hi := min(k, m), max(k, m)
				return n, joinRaw(ts, lo, hi+1)
			}
		}
	}
	return 0, ""
}

// ordinalAt reads an ordinal at token k: "20th", "الـ20", "twenty-fourth".
func ordinalAt(ts []token, k int) (int, bool) {
	if k < 0 || k >= len(ts) {
		return 0, false
	}
	if v, ok := numAt(ts, k); ok {
		if isWordAt(ts, k+1, "st", "nd", "rd", "th") || isWordAt(ts, k-1, "ال", "الـ") || k > 0 && ts[k-1].raw == "الـ" {
			return v, true
		}
		return 0, false
	}
	return ordinalWordAt(ts, k)
}

// chronicleRead is how long before the page a chronicle's day must lie
// for the page to be read as of that day: a retelling, not the news.
const chronicleRead = 300 * 24 * time.Hour
