package extract

import (
	"strings"
	"time"
)

// English wire and newspaper reports of 1992-94 and 2016 (round
// extract14m): the dates of a quoted report.

// citedReportDay returns the day of a citation line: a short line that
// names a report and its full date and says nothing else ("“The Daily
// Courier”, March 3, 1994;" before a quoted passage). The weekdays,
// "today" and "yesterday" of the passage that follows are that report's,
// not the page's: a book or a blog of later years quoting a wire story
// keeps the story's "on Friday". Only a date well before the page's own
// counts (a page's own dateline is its publication date already).
func citedReportDay(a *annotated, pub time.Time, hasPub bool) (time.Time, bool) {
	if len(a.dates) != 1 || len(a.cues) > 0 {
		return time.Time{}, false
	}
	e := a.dates[0]
	if e.rel != relNone || e.year == 0 || e.month == 0 || e.day == 0 || e.dayEnd != 0 || !validDay(e.year, e.month, e.day) {
		return time.Time{}, false
	}
	ts := a.s.toks
	words, quoted, closed := 0, false, false
	for k, t := range ts {
		if k >= e.i && k < e.j {
			continue
		}
		switch t.kind {
		case tokWord:
			words++
		case tokNum:
			return time.Time{}, false
		case tokPunct:
			switch {
			case quoteMarks[t.raw]:
				quoted = true
			case t.raw == ";" || t.raw == ":":
				closed = k >= e.j // the line ends on the date and opens what follows
			}
		}
	}
	if words == 0 || words > 5 || !quoted && !closed {
		return time.Time{}, false
	}
	d := time.Date(e.year, time.Month(e.month), e.day, 0, 0, 0, 0, time.UTC)
	if hasPub && pub.Sub(d) < 30*24*time.Hour {
		return time.Time{}, false
	}
	return d, true
}

// weekendOf returns the weekend on or before day: its Saturday and Sunday
// as a range, or the Saturday alone where the two fall in two months (a
// range stays within one month).
func weekendOf(day time.Time) civil {
	sat := weekdayNear(day, time.Saturday, 0)
	if day.Weekday() == time.Saturday {
		sat = day.AddDate(0, 0, -7) // told on a Saturday: the weekend before
	}
	sun := sat.AddDate(0, 0, 1)
	if sun.Month() != sat.Month() {
		return civilOf(sat)
	}
	return civil{y: sat.Year(), m: int(sat.Month()), d: sat.Day(), d2: sun.Day(), prec: "range"}
}

// anaphorBeforeArea reads "took the town in the Karabakh region": the
// object of the control word is the anaphoric noun ("the town", "the
// province", referring back to a district named before), and the
// area-wide place after "in" only says where it lies. A district named
// after the noun ("the town of Shusha") is the object itself and is not
// read here.
func (b *builder) anaphorBeforeArea(a *annotated, c cueHit, p *placeHit) (target, bool) {
	if p.place.Region != "" {
		return target{}, false
	}
	ts := a.s.toks
	for _, k := range a.anaph {
		if k < c.j || k >= p.i || a.clauseOf(k) != a.clauseOf(c.i) {
			continue
		}
		in := false
		for m := k + 1; m < p.i; m++ {
			if isWordAt(ts, m, "in", "inside", "within") {
				in = true
			}
		}
		if !in {
			return target{}, false
		}
		return b.antecedent(a, k)
	}
	return target{}, false
}

// namedVillages marks the villages and heights of data/places that an
// English text names as such ("the village of X", "X village", "the X
// height", "the villages of X and Y"): the news tells of that place
// itself, so a control word binds it as a partial change of its district
// (Settlement), as for a spelling of settlements_alone. A village named
// bare, or in a sentence that names a district, stays evidence only.
func namedVillages(ts []token, hits []placeHit) []placeHit {
	kindAt := func(k int) bool {
		return isLatinWordAt(ts, k) && hasStem(ts[k], villageWords)
	}
	marked := func(h placeHit) bool {
		// a plural after the name ends a list of names ("A, B and C
		// villages of the district"): the district is what changed
		return kindAt(h.i-1) || isWordAt(ts, h.i-1, "of") && kindAt(h.i-2) || kindAt(h.j) && !strings.HasSuffix(ts[h.j].norm, "s")
	}
	for _, h := range hits {
		if h.place.Region != "" && !h.place.Partial {
			// "the villages of X and Y in Z district": the district
			// named is the unit of the change, its villages evidence
			return hits
		}
	}
	for n := range hits {
		h := &hits[n]
		if !h.place.Village || h.place.Settlement || h.place.Outside {
			continue
		}
		ok := marked(*h)
		if !ok && n > 0 && hits[n-1].place.NamedKind {
			// "the villages of X and Y": Y joined to a named village
			gap := h.i - hits[n-1].j
			ok = gap == 1 && (isWordAt(ts, h.i-1, "and") || ts[h.i-1].raw == ",")
		}
		if !ok {
			continue
		}
		p := *h.place
		p.Settlement, p.NamedKind = true, true
		h.place = &p
	}
	return hits
}

// isLatinWordAt reports a word in Latin letters at k (latinWord, with
// k checked against the sentence).
func isLatinWordAt(ts []token, k int) bool {
	return k >= 0 && k < len(ts) && latinWord(ts[k])
}

// unnamedVillageTaker reports a village bound by namedVillages whose
// clause names no side that took it ("the village of X was liberated"):
// who held one village of a district is not the district's holder in the
// ledger, so it stays context (partial_area) rather than a guess.
func unnamedVillageTaker(a *annotated, c cueHit, t target) bool {
	if !t.place.NamedKind {
		return false
	}
	_, named := actorOf(a, c)
	_, rid := clearedOfSide(a, c) // "the village was cleared of separatists": the other side took it
	return !named && !rid
}

// lostNeedsPlace keeps a one-word "lose" cue ("lost", "losing"), a bare
// "took"/"taken" or "the taking of" only when a place is its object, right
// after it or after "the town of" ("after losing Mardakert", "had taken
// Shusha", "the taking of Khojaly"): a side that lost soldiers or ground in
// general, or an event that "took place", changed no district.
func lostNeedsPlace(ts []token, places []placeHit, cues []cueHit) []cueHit {
	out := cues[:0]
	for _, c := range cues {
		// ("the taking of hostages" is no place taken either)
		taking := isWordAt(ts, c.i, "taking") && isWordAt(ts, c.i+1, "of") && c.j-c.i == 2
		bare := c.cls == cueLose || isWordAt(ts, c.i, "took", "taken") || taking
		if !bare || c.j-c.i > 1 && !taking || !isLatinWordAt(ts, c.i) {
			out = append(out, c)
			continue
		}
		if passiveTaken(ts, places, c) {
			out = append(out, c) // "Fuzuli, lying in an open plain, was quickly taken"
			continue
		}
		if r := objectRelativeAt(ts, c.i); r > 0 && (placeBefore(places, r) || placeBefore(places, r-1) && isComma(ts[r-1])) {
			out = append(out, c) // "Kalbajar, which we lost in April 1993": the place before "which"
			continue
		}
		if isWordAt(ts, c.i, "taken", "lost") && isWordAt(ts, c.j, "by") && takerBefore(ts, min(len(ts), c.j+5)) && c.i > 0 && isComma(ts[c.i-1]) && placeBefore(places, c.i-1) {
			out = append(out, c) // "Hadrut, taken by Azerbaijani forces on 9 October 2020, …"
			continue
		}
		k := c.j
		if isWordAt(ts, k, "the") {
			k++
		}
		for _, p := range places {
			if p.i == k && p.j+1 < len(ts) && isApostrophe(ts[p.j]) && isWordAt(ts, p.j+1, "s") {
				k = p.j + 2 // "lost Artsakh's town of X": the place it belongs to
				break
			}
		}
		k = pastDescribingWords(ts, places, k)
		if isLatinWordAt(ts, k) && hasStem(ts[k], anaphorNouns) && isWordAt(ts, k+1, "of") {
			k += 2 // "the town of X"
		}
		if isLatinWordAt(ts, k) && hasStem(ts[k], villageWords) && isWordAt(ts, k+1, "of") ||
			isLatinWordAt(ts, k+1) && hasStem(ts[k+1], villageWords) {
			// "took the villages of A and B", "took Horovlu village":
			// settlements taken, whether or not the gazetteer knows them
			out = append(out, c)
			continue
		}
		if isWordAt(ts, c.i, "took") && isWordAt(ts, c.j, "it") && takerBefore(ts, c.i) {
			out = append(out, c) // "when Armenian separatist forces took it": a place named before
			continue
		}
		if placeAt(places, k) {
			out = append(out, c)
			continue
		}
		// "lost several regions – Fizuli, Jabrayil, …", "lost three
		// districts, including X": the ground lost is listed after
		for m := c.j; m < len(ts) && m <= c.j+4; m++ {
			if (hasStem(ts[m], inclusionWords) || listOpener(ts, m)) && (placeAt(places, m+1) || placeAt(places, m+2)) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// pastDescribingWords skips one or two English words that describe a
// kind noun after them ("the beautiful (old) town of X") and returns the
// noun's token; a place at k is never skipped ("took Fuzuli district").
func pastDescribingWords(ts []token, places []placeHit, k int) int {
	kindAt := func(m int) bool { return isLatinWordAt(ts, m) && hasStem(ts[m], anaphorNouns) }
	for n := 0; n < 2 && !placeAt(places, k) && isLatinWordAt(ts, k) && !kindAt(k); n++ {
		if !kindAt(k+1) && !(n == 0 && isLatinWordAt(ts, k+1) && kindAt(k+2)) {
			break
		}
		k++
	}
	return k
}

// returnNeedsSide keeps the Arabic "عاد"/"عادت" (came back) as a change
// only when a side, or its control or sovereignty, is what the place came
// back to ("عادت كلبجر إلى أذربيجان", "عادت شوشا إلى السيادة
// الأذربيجانية"); people coming back ("عاد النازحون إلى كلبجر") and a
// place coming back to anything else are no change.
//
// In English, people who "returned to my Aghdam" or residents who
// "returned to Shusha" came back to a place: no change. A side that
// "returned to Agdam" took it back.
func returnNeedsSide(ts []token, places []placeHit, cues []cueHit) []cueHit {
	side := func(m int) bool { return m < len(ts) && ts[m].kind == tokWord && actorWords[ts[m].norm] != "" }
	out := cues[:0]
	for _, c := range cues {
		if isWordAt(ts, c.i, "returned") && isWordAt(ts, c.j-1, "to") {
			k := c.j
			own := isWordAt(ts, k, "my", "our", "their", "his", "her", "native")
			if own || isWordAt(ts, k, "the") {
				k++
			}
			people := own || civilianMover(ts, c.i, c.j) || isWordAt(ts, c.i-1, "i", "we") || isWordAt(ts, c.i-2, "i", "we") && isWordAt(ts, c.i-1, "have", "had", "finally")
			if !placeAt(places, k) || !people {
				out = append(out, c)
			}
			continue
		}
		if !isWordAt(ts, c.i, "عادت", "عاد") || c.j-c.i > 1 {
			out = append(out, c)
			continue
		}
		for k := c.j; k < len(ts) && k < c.j+6 && ts[k].kind == tokWord; k++ {
			if !isWordAt(ts, k, "الي") {
				continue
			}
			if side(k+1) || k+1 < len(ts) && hasStem(ts[k+1], returnedToNouns) && side(k+2) {
				out = append(out, c)
			}
			break
		}
	}
	return out
}

// placeBefore reports a place that ends at token k.
func placeBefore(places []placeHit, k int) bool {
	for _, p := range places {
		if p.j == k {
			return true
		}
	}
	return false
}

// placeAt reports a place that starts at token k.
func placeAt(places []placeHit, k int) bool {
	for _, p := range places {
		if p.i == k {
			return true
		}
	}
	return false
}

// takerBefore reports a side or its forces named in the four words before
// token i ("Armenian separatist forces took it"), so that "it" is a place
// taken, not "it took two days".
func takerBefore(ts []token, i int) bool {
	for k := max(0, i-4); k < i; k++ {
		if ts[k].kind == tokWord && (actorWords[ts[k].norm] != "" || isWordAt(ts, k, "forces", "troops", "army", "units", "fighters")) {
			return true
		}
	}
	return false
}

// passiveTaken reports a passive "was taken" (an adverb in -ly may stand
// between) after a place named earlier in the sentence, where what follows
// is no person taken somewhere ("taken to hospital", "taken prisoner").
func passiveTaken(ts []token, places []placeHit, c cueHit) bool {
	if !isWordAt(ts, c.i, "taken", "lost") {
		return false
	}
	k := auxSlot(ts, c.i)
	toSide := isWordAt(ts, c.i, "lost") && isWordAt(ts, c.j, "to") && c.j+1 < len(ts) && actorWords[ts[c.j+1].norm] != "" // "was lost to Armenian forces"
	if !isWordAt(ts, k, "was", "were") || !toSide && isWordAt(ts, c.j, "to", "into", "prisoner", "prisoners", "hostage", "hostages", "captive", "away", "from", "part", "place", "care", "under") {
		return false
	}
	for _, p := range places {
		if p.j <= k {
			return true
		}
	}
	return false
}

// lastBeforeMonth reads an English "last" before a month's name ("was
// followed last April by …"): the most recent such month before the
// report, as the Arabic qualifier after the month does. It returns the
// qualifier and the start of the expression.
func lastBeforeMonth(ts []token, start, qual, i int) (int, int) {
	if isWordAt(ts, start-1, "last") {
		return qualPast, start - 1
	}
	return qual, i
}

// countedVillages reads a count of villages as the object of a control
// word in a sentence that names no place ("the ministry later said its
// forces had recaptured two villages"), told right after a sentence on
// the villages of one district ("seized nine villages and reached the
// outskirts of Agdam"): those are villages of that district.
func (b *builder) countedVillages(a *annotated, c cueHit, limit int) (target, bool) {
	if len(a.places) > 0 || len(a.villages) > 0 || b.prev == nil {
		return target{}, false
	}
	ts := a.s.toks
	counted := false
	for k := c.j; k < limit && k < c.j+4; k++ {
		if isLatinWordAt(ts, k) && hasStem(ts[k], villageWords) && strings.HasSuffix(ts[k].norm, "s") &&
			(ts[k-1].kind == tokNum || numberWords[ts[k-1].norm] > 0) {
			counted = true
			break
		}
	}
	if !counted || findWithin(b.prev.s.toks, 0, len(b.prev.s.toks), villageWords) < 0 {
		return target{}, false
	}
	ds := b.prev.districts()
	if len(ds) != 1 || len(b.prev.bound) == 0 {
		return target{}, false
	}
	return target{place: ds[0].place, tok: -1, anaphor: true, villages: true}, true
}
