package extract

import "strings"

// durKind is the shape of a duration phrase.
type durKind uint8

const (
	durAfter   durKind = iota // "بعد عشرين عاما", "after 27 years": returns after N years away
	durFirstIn                // "for the first time in 28 years", in Arabic too
	durAgo                    // "منذ ثلاثة عقود", "27 years ago"
	durFor                    // "طوال عشرين سنة", "for 30 years": held for N years
	durSince                  // "منذ صيف 1992", "since April 1993": held since a date
)

// durExpr is a duration phrase in tokens [i, j). For durSince the date is
// in since; otherwise years holds N. vague marks decades, "a quarter
// century" and "more than N": too loose to date an event.
type durExpr struct {
	i, j  int
	kind  durKind
	years int
	vague bool
	// exact: "exactly a year ago", "قبل عام بالضبط": the same day N years
	// before the publication date
	exact bool
	since dateExpr
	word  string
}

// countAt reads "N years" (digits or words) or "N decades"/"ربع قرن" at
// k. It returns N in years, the index after the unit, and vague.
func countAt(ts []token, k int) (years, next int, vague, ok bool) {
	for k < len(ts) && ts[k].kind == tokWord && (hedgeWords[ts[k].norm] || ts[k].norm == "من" || ts[k].norm == "than") {
		// "over 28 years", "more than 28 years" is a floor the ledger's
		// change a year off still fits; "about", "nearly" are loose
		if hedgeWords[ts[k].norm] && !isWordAt(ts, k, "over", "more", "اكثر") {
			vague = true
		}
		k++
	}
	if k >= len(ts) {
		return 0, k, false, false
	}
	n := 0
	switch {
	case isWordAt(ts, k, "a", "one") && isWordAt(ts, k+1, "year"):
		return 1, k + 2, vague, true // "a year ago", "after a year"
	case isWordAt(ts, k, "عام", "سنه", "عاما") && !(k+1 < len(ts) && ts[k+1].kind == tokNum):
		return 1, k + 1, vague, true // "قبل عام" (not "قبل عام 1993")
	case ts[k].kind == tokNum:
		v, isNum := numAt(ts, k)
		if !isNum || v < 1 || v > 150 {
			return 0, k, false, false
		}
		n, k = v, k+1
	case ts[k].kind == tokWord:
		if ts[k].norm == "ربع" && isWordAt(ts, k+1, "قرن") {
			return 25, k + 2, true, true
		}
		if v, isDec := decadeUnits[ts[k].norm]; isDec { // "عقود", "decades" alone
			return 10 * v, k + 1, true, true
		}
		if ts[k].norm == "عامين" || ts[k].norm == "سنتين" {
			return 2, k + 1, vague, true
		}
		v, isWord := numberWords[ts[k].norm]
		if !isWord && strings.HasPrefix(ts[k].norm, "ال") {
			v, isWord = numberWords[strings.TrimPrefix(ts[k].norm, "ال")] // "مرور الخمس سنوات"
		}
		if !isWord {
			return 0, k, false, false
		}
		n, k = v, k+1
		// "سبعة وعشرين", "twenty-seven", "ثلاثة عشر"
		if k < len(ts) && ts[k].kind == tokWord {
			if u, ok := numberWords[trimWa(ts[k].norm)]; ok && ((u >= 20 && n < 10) || (u == 10 && n < 10) || (latinWord(ts[k]) && n >= 20 && n%10 == 0 && u < 10)) {
				n, k = n+u, k+1 // also "twenty eight" written apart
			}
		} else if k+1 < len(ts) && ts[k].raw == "-" {
			if u, ok := numberWords[ts[k+1].norm]; ok && n >= 20 && u < 10 {
				n, k = n+u, k+2
			}
		}
	default:
		return 0, k, false, false
	}
	if isWordAt(ts, k, "and") && isWordAt(ts, k+1, "a") && isWordAt(ts, k+2, "half") {
		// "twenty-eight and a half years": the whole years count
		k += 3
	}
	if k+1 < len(ts) && ts[k].raw == "-" && yearUnits[ts[k+1].norm] {
		k++ // "a 27-year occupation"
	} else if isWordAt(ts, k, "long") && k+1 < len(ts) && yearUnits[ts[k+1].norm] {
		k++ // "27 long years"
	}
	if k < len(ts) && ts[k].kind == tokWord {
		if yearUnits[ts[k].norm] {
			return n, k + 1, vague, true
		}
		if _, isDec := decadeUnits[ts[k].norm]; isDec {
			return 10 * n, k + 1, true, true
		}
	}
	return 0, k, false, false
}

// punctAt reports the punctuation mark p at token k.
func punctAt(ts []token, k int, p string) bool {
	return k >= 0 && k < len(ts) && ts[k].kind == tokPunct && ts[k].raw == p
}

func trimWa(w string) string {
	if len(w) > 2 && w[:2] == "و" {
		return w[2:]
	}
	return w
}

// parseDurations finds duration phrases. dates are the sentence's date
// expressions, used for "since <date>".
func parseDurations(ts []token, dates []dateExpr) []durExpr {
	var out []durExpr
	dateAtTok := map[int]dateExpr{}
	for _, d := range dates {
		dateAtTok[d.i] = d
	}
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.kind != tokWord {
			continue
		}
		w := t.norm
		first := firstTimeAt(ts, i)
		switch {
		case first > i:
			// "for the first time in 28 years", in Arabic too
			k := first
			if isWordAt(ts, k, "منذ", "خلال", "في", "in", "since", "over") {
				k++
			}
			if n, j, vague, ok := countAt(ts, k); ok {
				out = append(out, durExpr{i: i, j: j, kind: durFirstIn, years: n, vague: vague, word: joinRaw(ts, i, j)})
				i = j - 1
			}
		case w == "بعد" || w == "وبعد" || w == "after":
			if n, j, vague, ok := countAt(ts, i+1); ok {
				out = append(out, durExpr{i: i, j: j, kind: durAfter, years: n, vague: vague, word: joinRaw(ts, i, j)})
				i = j - 1
			}
		case w == "قبل" || w == "وقبل":
			// "قبل 28 عاما": N years ago
			if n, j, vague, ok := countAt(ts, i+1); ok {
				out = append(out, durExpr{i: i, j: j, kind: durAgo, years: n, vague: vague, word: joinRaw(ts, i, j)})
				i = j - 1
			}
		case w == "from" && (underBefore(ts, i) || occupiedFromTo(ts, i, dateAtTok)):
			// "remained under Armenian occupation from 31 August 1993 until
			// …", "was under the control of X from 1993 to 2020": the start
			// of a state told with its end, as "since" tells it
			if d, ok := dateAtTok[i+1]; ok && d.rel == relNone && d.year != 0 {
				out = append(out, durExpr{i: i, j: d.j, kind: durSince, since: d, word: joinRaw(ts, i, d.j)})
				i = d.j - 1
			}
		case w == "منذ" || w == "ومنذ" || w == "since":
			k := i + 1
			if isWordAt(ts, k, "عام", "العام", "سنه", "year") {
				k++ // "منذ عام 1994"
			}
			if d, ok := dateAtTok[k]; ok && d.rel == relNone && d.year != 0 {
				out = append(out, durExpr{i: i, j: d.j, kind: durSince, since: d, word: joinRaw(ts, i, d.j)})
				i = d.j - 1
			} else if d, j, ok := sinceWarOf(ts, i+1, dateAtTok); ok {
				// "since the 2020 war", "منذ حرب عام 2020": held since the
				// war of that year
				out = append(out, durExpr{i: i, j: j, kind: durSince, since: d, word: joinRaw(ts, i, j)})
				i = j - 1
			} else if n, j, vague, ok := countAt(ts, i+1); ok {
				out = append(out, durExpr{i: i, j: j, kind: durAgo, years: n, vague: vague, word: joinRaw(ts, i, j)})
				i = j - 1
			}
		case w == "لمده" || w == "طوال" || w == "طيله" || w == "for" || (w == "علي" && isWordAt(ts, i+1, "مدي", "مدار")) ||
			w == "ل" && i+1 < len(ts) && ts[i+1].kind == tokNum && ts[i+1].start == t.end:
			// "لـ27 عاما" (for 27 years), the preposition joined to the number
			k := i + 1
			if w == "علي" {
				k++
			}
			if isWordAt(ts, k, "the") && isWordAt(ts, k+1, "last", "past") {
				k += 2 // "for the last 27 years"
			}
			if n, j, vague, ok := countAt(ts, k); ok {
				out = append(out, durExpr{i: i, j: j, kind: durFor, years: n, vague: vague, word: joinRaw(ts, i, j)})
				i = j - 1
			}
		case t.kind == tokWord || t.kind == tokNum:
			// "27 years ago"
			if n, j, vague, ok := countAt(ts, i); ok && isWordAt(ts, j, "ago") {
				out = append(out, durExpr{i: i, j: j + 1, kind: durAgo, years: n, vague: vague, word: joinRaw(ts, i, j+1)})
				i = j
			} else if ok && afterChange(ts, j) {
				// "28 years after its occupation": back after N years away
				out = append(out, durExpr{i: i, j: j + 1, kind: durAfter, years: n, vague: vague, word: joinRaw(ts, i, j+1)})
				i = j
			} else if k, of := yearsOfChange(ts, j); ok && of && !inDur(out, i) {
				// "put an end to 27 years' occupation", "ended 27 years of
				// occupation", "أنهى 27 عاما من الاحتلال": the span the
				// change that ended it closed, as "after N years of" tells it
				out = append(out, durExpr{i: i, j: k, kind: durAfter, years: n, vague: vague, word: joinRaw(ts, i, k)})
				i = k - 1
			}
		}
	}
	// numbers as digits start "27 years ago" too
	for i := 0; i < len(ts); i++ {
		if ts[i].kind != tokNum {
			continue
		}
		if n, j, vague, ok := countAt(ts, i); ok && isWordAt(ts, j, "ago") && !inDur(out, i) {
			out = append(out, durExpr{i: i, j: j + 1, kind: durAgo, years: n, vague: vague, word: joinRaw(ts, i, j+1)})
		} else if ok && afterChange(ts, j) && !inDur(out, i) {
			out = append(out, durExpr{i: i, j: j + 1, kind: durAfter, years: n, vague: vague, word: joinRaw(ts, i, j+1)})
		} else if k, of := yearsOfChange(ts, j); ok && of && !inDur(out, i) {
			out = append(out, durExpr{i: i, j: k, kind: durAfter, years: n, vague: vague, word: joinRaw(ts, i, k)})
		}
	}
	for i := range out {
		if out[i].kind == durAgo && (isWordAt(ts, out[i].j, "بالضبط", "تماما", "exactly", "precisely") || isWordAt(ts, out[i].i-1, "بالضبط", "تماما", "exactly", "precisely")) {
			out[i].exact = true
		}
	}
	return out
}

func inDur(ds []durExpr, k int) bool {
	for _, d := range ds {
		if k >= d.i && k < d.j {
			return true
		}
	}
	return false
}

// firstTimeAt recognises "للمرة الأولى", "لأول مرة" and "for the first
// time" at i and returns the index after it (or i).
func firstTimeAt(ts []token, i int) int {
	switch {
	case isWordAt(ts, i, "للمره", "وللمره") && isWordAt(ts, i+1, "الاولي"):
		return i + 2
	case isWordAt(ts, i, "لاول", "ولاول") && isWordAt(ts, i+1, "مره"):
		return i + 2
	case isWordAt(ts, i, "for") && isWordAt(ts, i+1, "the") && isWordAt(ts, i+2, "first") && isWordAt(ts, i+3, "time"):
		return i + 4
	}
	return i
}

// yearsOfChange reports a control word right after a count of years and
// a possessive or "of" ("27 years' occupation", "ended 27 years of
// occupation"; not "during 27 years of occupation", a span inside the
// hold): it returns the index of the "of" or of the control word, which
// is where durationCues looks for the change the span belongs to.
func yearsOfChange(ts []token, j int) (int, bool) {
	k := j
	switch {
	case k < len(ts) && isApostrophe(ts[k]):
		k++
		if isWordAt(ts, k, "s") {
			k++
		}
		if k >= len(ts) {
			return 0, false
		}
		if _, _, _, _, ok := matchPhrase(ts, k, controlIndex); ok {
			return k, true
		}
	case punctAt(ts, j-2, "-") && !isWordAt(ts, k, "of") || isWordAt(ts, k, "long") || punctAt(ts, k, "-") && isWordAt(ts, k+1, "long"):
		// "from 27-year long Armenian occupation", "a 30-year occupation":
		// the count as an adjective of the control noun, a side's
		// adjective between (a hyphen is punctuation, no word)
		if punctAt(ts, k, "-") {
			k++
		}
		if isWordAt(ts, k, "long") {
			k++
		}
		if k < len(ts) && actorWords[ts[k].norm] != "" {
			k++
		}
		if k >= len(ts) {
			return 0, false // "… a 28-year": the count ends the text
		}
		if _, _, _, _, ok := matchPhrase(ts, k, controlIndex); ok && !isWordAt(ts, j-4, "during", "over", "for", "within", "in") {
			return k, true
		}
	case isWordAt(ts, k, "of") && k+1 < len(ts) && !isWordAt(ts, j-3, "during", "over", "for", "within", "in"):
		m := k + 1
		if m+1 < len(ts) && actorWords[ts[m].norm] != "" {
			m++ // "28 years of Armenian occupation"
		}
		if _, _, _, _, ok := matchPhrase(ts, m, controlIndex); ok {
			return k, true
		}
	}
	return 0, false
}

// afterChange reports English "after" at k followed within three words
// by a control word ("after its occupation", "after the capture"): "N
// years after its occupation" counts back to that change.
func afterChange(ts []token, k int) bool {
	if !isWordAt(ts, k, "after") {
		return false
	}
	for m := k + 1; m < len(ts) && m <= k+3; m++ {
		if ts[m].kind != tokWord {
			return false
		}
		if _, _, _, _, ok := matchPhrase(ts, m, controlIndex); ok {
			return true
		}
	}
	return false
}

// numberStart moves k back to the first word of a number written in
// words that k is the last part of ("twenty-eight", "twenty eight"), so
// a count read from a window that begins inside it is read whole.
func numberStart(ts []token, k int) int {
	tens := func(j int) bool {
		if j < 0 || j >= len(ts) || ts[j].kind != tokWord {
			return false
		}
		v, ok := numberWords[ts[j].norm]
		return ok && v >= 20 && v%10 == 0 && latinWord(ts[j])
	}
	if k >= 1 && k < len(ts) && ts[k].raw == "-" && tens(k-1) {
		return k - 1
	}
	if k < 0 || k >= len(ts) || ts[k].kind != tokWord {
		return k
	}
	if u, ok := numberWords[ts[k].norm]; !ok || u >= 10 {
		return k
	}
	if k >= 2 && ts[k-1].raw == "-" && tens(k-2) {
		return k - 2
	}
	if k >= 1 && tens(k-1) {
		return k - 1
	}
	return k
}

// sinceWarOf reads a war named by its year after "since" at k: "the 2020
// war" (the year before the war noun) or "حرب 2020", "حرب عام 2020" (the
// noun first). It returns the year's date expression and the end token.
func sinceWarOf(ts []token, k int, dateAtTok map[int]dateExpr) (dateExpr, int, bool) {
	yearOnly := func(d dateExpr) bool { return d.rel == relNone && d.year != 0 && d.month == 0 }
	if isWordAt(ts, k, "the") {
		d, ok := dateAtTok[k+1]
		if !ok {
			// a bare year before a noun ("the 2020 war") is no date
			// expression of its own
			if n, isNum := numAt(ts, k+1); isNum && n >= 1900 && n <= 2100 {
				d, ok = dateExpr{i: k + 1, j: k + 2, year: n}, true
			}
		}
		if ok && yearOnly(d) && d.j < len(ts) && ts[d.j].kind == tokWord && hasStem(ts[d.j], fightWords) {
			return d, d.j + 1, true
		}
	}
	if k < len(ts) && ts[k].kind == tokWord && hasStem(ts[k], fightWords) {
		m := k + 1
		if isWordAt(ts, m, "عام", "العام", "سنه") {
			m++
		}
		if d, ok := dateAtTok[m]; ok && yearOnly(d) {
			return d, d.j, true
		}
	}
	return dateExpr{}, 0, false
}

// occupiedFromTo reports "occupied (by …) from D1 to D2" at "from" k: the
// occupation as a state told with its start and end, as "under
// occupation from … until …" tells it.
func occupiedFromTo(ts []token, k int, dateAtTok map[int]dateExpr) bool {
	d, ok := dateAtTok[k+1]
	if !ok || !isWordAt(ts, d.j, "to", "until", "till") {
		return false
	}
	if _, ok := dateAtTok[d.j+1]; !ok {
		return false
	}
	for m := k - 1; m >= 0 && m >= k-4; m-- {
		if isClausePunct(ts[m]) {
			return false
		}
		if isWordAt(ts, m, "occupied") {
			return true
		}
	}
	return false
}
