package extract

import (
	"strconv"
	"strings"
)

// Clause frames and the owners of dates (round extract14k): what makes a
// control word a running total (told within an operation, a war's count),
// and which dates belong to another event than the change (a launch, a
// document, a war's year).

// operationFrame reports a control word told within an operation or a
// war ("during the offensive, the army freed …", "في إطار العملية، تمكن
// الجيش من تحرير …", "أطلق عملية …، وتمكن خلالها من تحرير …"): a summary
// of what the operation took, not the news of one day, unless the word's
// own clause carries a date.
func operationFrame(a *annotated, c cueHit) bool {
	ts := a.s.toks
	if newsDayBefore(a, c) {
		return false
	}
	for k, d := range a.dates {
		// "until November 2020, when …" dates the change told after it;
		// "On August 23, 1993, Armenian forces occupied Fuzuli and 58
		// villages": a date opening the sentence is its main clause's
		// (a date's own comma, "April 11, 1994", leaves its year in the
		// clause of the word after it)
		if (a.clauseOf(d.i) == a.clauseOf(c.i) || a.clauseOf(d.j-1) == a.clauseOf(c.i)) && !launchDate(a, k) && !warDate(a, k) || a.dateWhen(k, c) || frontedDate(a, k) && d.j <= c.i && !warDate(a, k) && (findWithin(ts, 0, c.i, operationWords) < 0 || !launchSentence(a) && (!duringFrameBefore(ts, c.i) || operationFramesDay(a, k, c) && d.day > 0)) {
			return false
		}
		if d.day > 0 && d.year != 0 && mainClauseDate(a, k, c) {
			// "As part of the war unleashed against it, on April 2, 1993,
			// Kalbajar district was occupied": the frame ends at the comma
			// and the full day opens the clause of the change
			return false
		}
	}
	for k := 0; k < len(ts); k++ {
		if k >= c.i && k < c.j {
			continue
		}
		// after the word: "liberated X, Y and Z as a result of the war",
		// across the commas of its list, up to another control word or a
		// date of the change's own
		if k >= c.j && (k > c.j+25 || cueAt(a, k) || ownDateAt(a, k)) {
			break
		}
		t := ts[k]
		if runningCount(ts, k) {
			return true
		}
		if t.kind != tokWord {
			continue
		}
		if pronounDuring(t) {
			// "خلالها", "أثناءها": during it, an operation or a war named
			// before in the sentence
			for m := 0; m < k; m++ {
				if hasStem(ts[m], operationWords) || hasStem(ts[m], fightWords) {
					return true
				}
			}
			continue
		}
		if !hasStem(t, duringWords) {
			continue
		}
		switch {
		case t.norm == "result" && !(isWordAt(ts, k-1, "a") && isWordAt(ts, k-2, "as")),
			t.norm == "part" && !isWordAt(ts, k-1, "as"),
			t.norm == "course" && !(isWordAt(ts, k-1, "the") && isWordAt(ts, k-2, "in")),
			hasStem(t, map[string]bool{"اطار": true}) && !isWordAt(ts, k-1, "في", "وفي"):
			continue
		}
		// the operation noun within a few words ("during the six-week
		// offensive", "في إطار العملية العسكرية")
		for m := k + 1; m < len(ts) && m <= k+6 && !isClausePunct(ts[m]); m++ {
			if hasStem(ts[m], operationWords) || hasStem(ts[m], fightWords) {
				return true
			}
		}
	}
	return false
}

// mainClauseDate reports date k set between commas right before the
// clause of control word c, with no other control word or date between
// (", on April 2, 1993, Kalbajar district was occupied").
func mainClauseDate(a *annotated, k int, c cueHit) bool {
	ts := a.s.toks
	d := a.dates[k]
	m := d.i - 1
	if isWordAt(ts, m, "on", "in", "في", "يوم") {
		m--
	}
	if m < 0 || !isComma(ts[m]) || d.j >= len(ts) || !isComma(ts[d.j]) || d.j >= c.i {
		return false
	}
	for _, o := range a.cues {
		if o.i > d.j && o.i < c.i {
			return false
		}
	}
	for _, e := range a.dates {
		if e.i > d.j && e.i < c.i {
			return false
		}
	}
	return true
}

// pronounDuring reports an Arabic "during" word with a pronoun suffix
// ("خلالها", "وأثناءه").
func pronounDuring(t token) bool {
	for _, st := range tokenStems(t) {
		for _, suf := range []string{"ها", "ه", "هم"} {
			if w, ok := strings.CutSuffix(st, suf); ok && duringWords[w] {
				return true
			}
		}
	}
	return false
}

// warDate reports a date that names a war or an operation ("the 44-day
// war in 2020", "حرب 2020", "عملية سبتمبر 2023"): an operation or war noun
// among the three words before it.
func warDate(a *annotated, k int) bool {
	ts := a.s.toks
	d := a.dates[k]
	if d.day > 0 && d.year != 0 && d.dayEnd == 0 && isWordAt(ts, d.i-1, "on") && !launchDate(a, k) {
		// "captured during the First Nagorno-Karabakh War on October 2,
		// 1992": a war is not dated by one day; the day is the change's
		return false
	}
	for m := d.i - 1; m >= 0 && m >= d.i-3; m-- {
		if ts[m].kind == tokWord && (hasStem(ts[m], fightWords) || hasStem(ts[m], operationWords)) {
			return true
		}
		if cueAt(a, m) {
			return false
		}
	}
	return false
}

// ownDateAt reports a date starting at token k that names no war and no
// launch.
func ownDateAt(a *annotated, k int) bool {
	for n, d := range a.dates {
		if d.i == k && !launchDate(a, n) && !warDate(a, n) {
			return true
		}
	}
	return false
}

// runningCount reports a count that sums up a war rather than a day: "a
// total of", "in total", "ما مجموعه", "hundreds of villages", or a
// number of 50 or more before a village word ("300 villages and
// settlements").
func runningCount(ts []token, k int) bool {
	t := ts[k]
	switch {
	case t.kind == tokWord && hasStem(t, totalWords):
		return true
	case t.kind == tokNum:
		n, err := strconv.Atoi(t.norm)
		if err != nil || n < 50 || n >= 1900 {
			return false // a year is no count
		}
		return findWithin(ts, k+1, 3, villageWords) >= 0
	}
	return false
}

// onPubDay reports a day-precise date on the publication's day of the
// year (the day an anniversary piece commemorates).
func (b *builder) onPubDay(c civil) bool {
	return b.hasPub && c.prec == "day" && c.m == int(b.pub.Month()) && c.d == b.pub.Day()
}

// underBefore reports "under" (a state: "under … occupation", "under the
// control of") among the few words before k in its clause.
func underBefore(ts []token, k int) bool {
	for m := k - 1; m >= 0 && m >= k-6; m-- {
		if isClausePunct(ts[m]) || ts[m].kind == tokWord && hasStem(ts[m], documentNames) {
			return false // "under the trilateral statement from 9 November": the document's day
		}
		if hasStem(ts[m], underWords) {
			return true
		}
	}
	return false
}

// datedAt reports "dated", "المؤرخة" at token k.
func datedAt(ts []token, k int) bool {
	return k >= 0 && k < len(ts) && ts[k].kind == tokWord && hasStem(ts[k], datedWords)
}

// frontedDate reports date k opening its sentence, after at most a
// preposition, and set off by a comma ("On August 23, 1993, …", "وفي 23
// أغسطس 1993، …"): the date of the sentence's main clause.
func frontedDate(a *annotated, k int) bool {
	ts := a.s.toks
	d := a.dates[k]
	i := 0
	for i < len(ts) && ts[i].kind != tokWord && ts[i].kind != tokNum {
		i++
	}
	if isWordAt(ts, i, "on", "in", "في", "وفي", "يوم", "ويوم") {
		i++
	}
	return d.i == i && d.j < len(ts) && isComma(ts[d.j]) && a.res[k].ok
}

// duringFrameBefore reports a word that frames what follows as within an
// operation ("during", "in the course of", "خلال") before token i; "as a
// result of" an attack frames nothing, so a fronted day still dates the
// change it tells.
func duringFrameBefore(ts []token, i int) bool {
	for k := 0; k < i && k < len(ts); k++ {
		if ts[k].kind == tokWord && hasStem(ts[k], duringWords) && !hasStem(ts[k], resultWords) {
			return true
		}
	}
	return false
}
