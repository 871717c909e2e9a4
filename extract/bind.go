package extract

import (
	"slices"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
)

// target is a place a control word applies to.
type target struct {
	place   *Place
	tok     int  // token index in its sentence (-1 when from an earlier sentence)
	anaphor bool // found through المنطقة / a pronoun
	// villages: the change is told of villages or heights of the
	// district, not of all of it
	villages bool
	// most: "most of" the district
	most bool
	// relative: named before a relative clause that holds the change
	relative bool
	// shared: the object of the control word before, joined by "و" (see
	// sharedObject): only a date after the word dates it
	shared bool
}

// bindTargets finds the places control word c applies to: the place named
// right after it in its clause (and places joined to that one by "و"/
// "and"); a place named before through an attached pronoun or an
// anaphoric noun (المنطقة، تلك المقاطعة); or a place topicalised before it
// in the clause ("وشوشا كانت المدينة التي استعادوها").
func (b *builder) bindTargets(a *annotated, c cueHit) []target {
	ts := a.s.toks
	cl := a.clauseOf(c.i)
	var out []target
	// a relative clause names its place just before the relative word
	// ("إقليم أغدام، الذي سلم في ...", "Agdam, which was handed over
	// on ..."): the clause is about that place
	if t, ok := relativeAntecedent(a, c); ok {
		t.relative = true
		return append([]target{t}, coordinatedBefore(a, t)...)
	}
	// "the city that was occupied in 1993": an anaphoric noun before
	// the relative word stands for the district it refers back to
	if k, ok := relativeAnaphor(a, c); ok {
		if t, ok := b.antecedent(a, k); ok {
			t.relative = true
			return []target{t}
		}
	}
	// "Lachin was the last of the three areas around Karabakh to be
	// surrendered": the subject of "was", not a place of the phrase
	// between
	if t, ok := nthSubject(a, c); ok {
		return []target{t}
	}
	// forward, up to the next control word of the clause
	limit := len(ts)
	for _, o := range a.cues {
		if o.i >= c.j && o.i < limit {
			limit = o.i
		}
	}
	var last *placeHit
	for k := range a.places {
		p := &a.places[k]
		// "liberated Fuzuli, Jabrayil and Zangilan": a place right after
		// the last one and a comma goes on with the list
		listComma := last != nil && p.i-last.j == 1 && isComma(ts[last.j])
		if p.i < c.j || p.i >= limit || a.clauseOf(p.i) != cl && !(last != nil && (datedListGoesOn(a, last.j, p.i) || datedPairNext(a, last.j, p.i))) {
			continue
		}
		if last == nil {
			if a.spanWords(c.j, p.i) > 8 && !(p.i-c.j <= 14 && namedByKindNoun(ts, p.i) && plainPhrase(ts, c.j, p.i)) {
				break
			}
			if findWithin(ts, c.j, p.i-c.j, shellingWords) >= 0 || findWithin(ts, c.j, p.i-c.j, intentWords) >= 0 {
				// "الاحتلال الأرميني أعاد قصف قرية …": the village was
				// shelled; "took a height allowing them to control part
				// of Fizuli": what the gain made possible
				break
			}
			if t, ok := b.anaphorBeforeArea(a, c, p); ok {
				return []target{t} // "conquered the province in the Karabakh region"
			}
			if originPlace(ts, c, p.i) {
				continue // "starting their assault from X": where they came from
			}
			if destinationPlace(ts, c, p.i) {
				continue // "left Baku for Lachin": where the leavers went
			}
			if possessorPlace(a, k) {
				continue // "Karabakh's Shushi": the place the district belongs to
			}
			if operationName(ts, p) {
				continue // "freed in the Horadiz operation", "بعملية هوراديز": the operation's name
			}
			if subjectOfNextCue(ts, p.j, limit) {
				break // "ceded on November 20 and Lachin is to be handed over": the next word's subject
			}
			out = append(out, target{place: p.place, tok: p.i})
			last = p
			continue
		}
		if listComma && p.place.Region == "" && last.place.Region != "" && !isWordAt(ts, p.j, "and", "و") {
			// "the liberation of Shushi, Nagorno-Karabakh, Stepanakert,
			// May 8": the whole area after a district says where it
			// lies (a caption's trail of places), not another object
			break
		}
		joined := listComma || p.prefix == "و" || isWordAt(ts, p.i-1, "و", "and", "or", "ومن") || isWordAt(ts, p.i-1, "from") && isWordAt(ts, p.i-2, "and")
		gap := p.i - last.j
		if last.j+2 < len(ts) && ts[last.j].raw == "(" {
			// "Kalbajar (1993) and Lachin": a bracket after the name
			for m := last.j + 1; m < p.i; m++ {
				if ts[m].raw == ")" {
					gap = p.i - m - 1
					break
				}
			}
		}
		if datedListGoesOn(a, last.j, p.i) || datedPairNext(a, last.j, p.i) {
			joined, gap = true, 1
		}
		if t := thenAt(ts, p.i); !joined && t > 0 && isComma(ts[t-1]) {
			// "took Lachin, in May 1992, then Kalbajar in March 1993": the
			// next place of a list in order of time, after its own date
			from := last.j
			if isComma(ts[from]) {
				from++
			}
			if datedBetween(a, from, t) {
				joined, gap = true, 1
			}
		}
		if !joined && p.i > 0 && isComma(ts[p.i-1]) && (datedBetween(a, last.j, p.i) || dayMonthBetween(a, last.j, p.i)) {
			// "Jabrayil on 4 October, Fuzuli on 17 October": a comma
			// after a place's own day goes on with the list, even when
			// no year places the days yet (the ledger may)
			joined, gap = true, 1
		}
		if joined && gap > 3 && (datedBetween(a, last.j, p.i) || dayMonthBetween(a, last.j, p.i)) {
			// "left Aghdam on 20 November and Kalbajar on 25 November":
			// each place with its own day
			gap = 1
		}
		if !joined || gap > 3 {
			break
		}
		if subjectOfNextCue(ts, p.j, limit) {
			break // "… on November 20 and Lachin is to be handed over by …": the next word's subject
		}
		out = append(out, target{place: p.place, tok: p.i})
		last = p
	}
	if len(out) > 0 && (wholeAreaOnly(out) || partOfDistrictOnly(out)) {
		// "took control of Nagorno-Karabakh, including Stepanakert": the
		// districts named after an inclusion word are what the text tells
		if list := inclusionList(a, c, limit); len(list) > 0 {
			return list
		}
	}
	if len(out) > 0 {
		// "Aghdam was ceded on 20 November and Kalbajar on 25 November":
		// the subject of the passive comes first
		if isWordAt(ts, c.i-1, "was", "were") {
			for k := range a.places {
				p := &a.places[k]
				end := p.j
				if end < c.i-1 && kindNounAt(ts, end) {
					end++ // "Lachin district was occupied on 18 May 1992 and Kalbajar …"
				}
				if end == c.i-1 && a.clauseOf(p.i) == cl && p.place.Region != "" && !b.isBound(a, p.i) {
					out = append([]target{{place: p.place, tok: p.i}}, out...)
				}
			}
		}
		return out
	}
	// "took several towns, including X and Y": the places after an
	// inclusion word are the members of the object
	if list := inclusionList(a, c, limit); len(list) > 0 {
		return list
	}
	if wholeAppositiveSubject(a, c) {
		return nil // "Nagorno-Karabakh, the Azeri region occupied by Armenia since 1992": Karabakh
	}
	if genericPluralSubject(a, c) {
		return nil // "the cities once occupied by Armenia": no one district
	}
	// forward anaphoric noun ("إلى المنطقة")
	for _, k := range a.anaph {
		if k >= c.j && k < limit && k-c.j <= 6 && a.clauseOf(k) == cl {
			if t, ok := b.antecedent(a, k); ok {
				return []target{t}
			}
			return nil
		}
	}
	// "recaptured two villages" after a sentence on one district's villages
	if t, ok := b.countedVillages(a, c, limit); ok {
		return []target{t}
	}
	// a description in apposition to the place that ends the clause
	// before it ("… the road to Fizuli, another regional centre occupied
	// in 1993", "…إلى فضولي، وهي مركز آخر احتله …")
	if t, ok := appositiveDescription(a, c); ok {
		return []target{t}
	}
	if c.pronoun {
		// "أراض فقدت أذربيجان السيطرة عليها", "lands it lost control of":
		// the pronoun points to the lands named just before, not to a
		// district
		for k := c.i - 1; k >= 0 && k >= c.i-4 && a.clauseOf(k) == cl; k-- {
			if ts[k].kind == tokWord && hasStem(ts[k], landNouns) {
				return nil
			}
		}
		if t, ok := b.antecedent(a, c.i); ok {
			if t.tok < 0 && b.isLead(a) && b.namesOtherDistrict(b.next, t.place) {
				// "said it took it on Friday. The town of X lies …": in a
				// lead, a pronoun with no place of its own sentence
				// between one district and another may point either
				// way; no proposal rather than a guess
				return nil
			}
			return []target{t}
		}
		return nil
	}
	if isWordAt(ts, c.i-1, "its") && latinWord(ts[c.i]) && !strings.HasSuffix(ts[c.i].norm, "ed") {
		// "Jabrayil remained under occupation until its liberation": the
		// district named before it in the sentence ("It remained …
		// until its liberation" is left to the subject "it"); after
		// "its" the word is a noun ("since its capture", "its fall"),
		// unless "its" stands for "it's" before a participle
		for k := len(a.places) - 1; k >= 0; k-- {
			if p := a.places[k]; p.j <= c.i-1 && p.place.Region != "" && !p.place.Outside {
				return []target{{place: p.place, tok: p.i, anaphor: true}}
			}
		}
	}
	// the subject list of a passive or of a verb of becoming, named before
	// it across commas and relative clauses ("A and B villages of Fuzuli
	// district, C of Jabrayil district were liberated", "the villages of
	// …, which had been occupied …, were now under the control of …")
	if list := b.subjectList(a, c); len(list) > 1 || len(list) == 1 && c.become {
		return list
	} else if len(list) == 1 && list[0].tok >= 0 && passiveAuxBefore(ts, c.i) {
		// "Fuzuli, lying in a rather open plain, was quickly taken": the
		// subject, an apposition set off by commas before its verb
		for _, p := range a.places {
			if p.i == list[0].tok && subjectOfNextCue(ts, p.j, c.i) {
				return list
			}
		}
	}
	// an appositive subject: the sentence opens with a noun and commas
	// around the names it is known by ("The capital, known to one side as
	// X and to the other as Y, was entered …"); every district named before
	// the control word is the same one, and no other control word precedes
	if t, ok := appositiveSubject(a, c); ok {
		return []target{t}
	}
	// "Shusha, which was occupied … on May 8, 1992, was liberated …": the
	// subject before a relative clause set off by commas
	if t, ok := subjectBeforeRelative(a, c); ok {
		return []target{t}
	}
	// backward: the topic of the clause, its first place, when nothing
	// else took it and no control word comes before it ("وشوشا كانت المدينة
	// التي استعادوها")
	for k := range a.places {
		p := &a.places[k]
		if a.clauseOf(p.i) != cl || possessorPlace(a, k) {
			continue // "Karabakh's Shushi": the place the topic belongs to
		}
		far := c.i-p.j > 6
		if far && c.i-p.j <= 16 && (isWordAt(ts, c.i-1, "was", "were") || isWordAt(ts, c.i-1, "and") && isWordAt(ts, auxSlot(ts, c.i-2), "was", "were")) && clauseStartsWith(a, p) {
			// "Jabrail region centre and the district of the same name
			// were occupied …", "… was attacked and occupied by": the
			// subject that opens the clause
			far = false
		}
		if to := c.i - 1; far && c.i-p.j <= 10 && clauseStartsWith(a, p) && (nthToDo(ts, to) || isWordAt(ts, to, "be") && nthToDo(ts, to-1)) {
			// "Karvachar District became the second territory to be
			// handed over": the subject of "became"
			far = false
		}
		if p.j > c.i || far || b.isBound(a, p.i) {
			break // no topic: an anaphor right before the word may still point back
		}
		for _, o := range a.cues {
			if a.clauseOf(o.i) == cl && o.i < p.i {
				return nil
			}
		}
		return []target{{place: p.place, tok: p.i}}
	}
	// "…, when it was liberated": a subject pronoun of a passive, pointing
	// to a district of its own sentence (across sentences passiveTopic
	// decides)
	if isWordAt(ts, c.i-1, "was", "were") && isWordAt(ts, c.i-2, "it", "they") && a.clauseOf(c.i-2) == cl {
		if t, ok := b.antecedent(a, c.i-2); ok && t.tok >= 0 {
			return []target{t}
		}
	}
	// an anaphoric subject right before the word ("On 26 August 2022,
	// this city came under Azerbaijani control"): the district it points
	// back to
	for _, k := range a.anaph {
		near := c.i-k <= 4 && a.clauseOf(k) == cl && !a.cueBetween(k, c.i)
		if m, ok := asideAfter(ts, k, c.i); ok && !near {
			// "On Wednesday, the region — under Armenian occupation since
			// 1994 — was transferred": an aside between the subject and
			// its verb, whatever it holds
			near = !a.cueBetween(m, c.i)
		}
		if k < c.i && near && latinWord(ts[k]) && isWordAt(ts, k-1, "the", "this", "that") {
			if t, ok := b.antecedent(a, k); ok {
				return []target{t}
			}
		}
	}
	// a passive with its agent and no place of its own ("31 أغسطس 1993
	// احتلت من قبل الأرمن", "was occupied by Armenian forces") after a
	// sentence about one district: that district is its subject
	if t, ok := b.learnedVillage(a, c); ok {
		return []target{t}
	}
	if t, ok := b.topicByName(a, c); ok {
		return []target{t}
	}
	if t, ok := b.passiveTopic(a, c); ok {
		return []target{t}
	}
	if c.i <= 2 && isWordAt(ts, c.i, "occupation") && isWordAt(ts, c.i-1, "the", "its") && isWordAt(ts, c.j-1, "until") && b.prev != nil {
		// "Papravand village was occupied on June 26, 1993. The
		// occupation lasted until November 20, 2020.": the hold of the
		// place whose change the sentence before told
		if n := len(b.prev.boundBack); n > 0 && len(b.prev.bound) == 0 {
			bb := b.prev.boundBack[n-1]
			return []target{{place: bb.place, tok: -1, anaphor: true, villages: bb.place.Settlement}}
		}
		if t, ok := b.antecedent(a, c.i); ok && t.tok < 0 {
			return []target{t}
		}
	}
	if t, ok := b.itSubject(a, c); ok {
		return []target{t}
	}
	return nil
}

// asideAfter reports an aside set off by two dashes or two commas right
// after token k ("the region — held since 1994 — was …") and ending at
// most three words before token ci, the verb; it returns the closing mark.
func asideAfter(ts []token, k, ci int) (int, bool) {
	if k+1 >= ci || ts[k+1].kind != tokPunct {
		return 0, false
	}
	open := ts[k+1].raw
	if open != "—" && open != "–" && !isComma(ts[k+1]) {
		return 0, false
	}
	for m := k + 3; m < ci && m <= k+18; m++ {
		if ts[m].kind != tokPunct {
			continue
		}
		if ts[m].raw != open && !(isComma(ts[m]) && isComma(ts[k+1])) {
			if isStopRune(ts[m].raw) {
				return 0, false
			}
			continue
		}
		for n := m + 1; n < ci; n++ {
			if ts[n].kind != tokWord || n-m > 3 {
				return 0, false
			}
		}
		return m, true
	}
	return 0, false
}

// participleSubject: "The village was located in …, coming under the
// control of Armenian forces in 1992": a verb of becoming as a participle
// after a comma tells of the subject that opens the sentence, the village
// the page is about or the place "the town" points back to.
func (b *builder) participleSubject(a *annotated, c cueHit) (target, bool) {
	ts := a.s.toks
	if !c.become || c.i < 2 || !isComma(ts[c.i-1]) || !strings.HasSuffix(ts[c.i].norm, "ing") {
		return target{}, false
	}
	// the subject: "the village was …", opening the sentence or its main
	// clause ("Formerly part of …, the village was located …")
	s := -1
	for k := 0; k+2 < c.i; k++ {
		if isWordAt(ts, k, "the") && ts[k+1].kind == tokWord && isWordAt(ts, k+2, "was", "is", "had", "has") && (k == 0 || isComma(ts[k-1])) {
			s = k + 1
			break
		}
	}
	if s < 0 {
		return target{}, false
	}
	if hasStem(ts[s], villageWords) {
		if t := b.topic(); t != nil {
			return target{place: t, tok: -1, anaphor: true, villages: true}, true
		}
		return target{}, false
	}
	if hasStem(ts[s], anaphorNouns) {
		return b.antecedent(a, s)
	}
	return target{}, false
}

// itSubject: "In 1992 it fell to Armenians": "it" as the subject, in a
// sentence naming no district, after one that names one district only.
func (b *builder) itSubject(a *annotated, c cueHit) (target, bool) {
	ts := a.s.toks
	if isWordAt(ts, c.i-1, "it") || isWordAt(ts, c.i-1, "was", "had") && isWordAt(ts, c.i-2, "it") {
		return b.prevSentenceDistrict(a)
	}
	if isWordAt(ts, c.i-1, "its") && isWordAt(ts, firstWord(ts), "it") && len(a.districts()) == 0 {
		// "It has been under Armenian control since its capture in
		// 1992": the subject "It" and "its" are the district before
		if p, ok := b.subjectChain(a, firstWord(ts)); ok {
			return target{place: p, tok: -1, anaphor: true}, true
		}
		return b.prevSentenceDistrict(a)
	}
	return target{}, false
}

// prevSentenceDistrict is the one district the sentence before names,
// when this sentence names none.
func (b *builder) prevSentenceDistrict(a *annotated) (target, bool) {
	if b.prev == nil {
		return target{}, false
	}
	for _, p := range a.places {
		if p.place.Region != "" || p.place.Outside {
			return target{}, false
		}
	}
	if p, ok := b.subjectChain(a, firstWord(a.s.toks)); ok {
		return target{place: p, tok: -1, anaphor: true}, true
	}
	var found *Place
	for k := range b.prev.places {
		p := b.prev.places[k].place
		if p.Region == "" {
			continue
		}
		if found != nil && found.Region != p.Region {
			return target{}, false
		}
		found = p
	}
	if found == nil {
		if t := b.topic(); t != nil {
			// "Alkhasly is a village in the Lachin District. The village
			// was … In May 1992, it came under the control of …"
			return target{place: t, tok: -1, anaphor: true, villages: true}, true
		}
		return target{}, false
	}
	return target{place: found, tok: -1, anaphor: true}, true
}

// nthSubject is the place the subject of nthToDo's "was" names: the
// last place before it, or the first when an aside ends right before it
// ("The Lachin region, which lies between …, was the last …").
func nthSubject(a *annotated, c cueHit) (target, bool) {
	ts := a.s.toks
	if !isWordAt(ts, c.i-1, "be") || !isWordAt(ts, c.i-2, "to") {
		return target{}, false
	}
	cop, ok := nthCopula(ts, c.i-2)
	if !ok {
		return target{}, false
	}
	aside := cop > 0 && isComma(ts[cop-1])
	var hit *placeHit
	for k := range a.places {
		p := &a.places[k]
		if p.j > cop {
			break
		}
		if hit == nil || !aside {
			hit = p
		}
	}
	if hit == nil {
		return target{}, false
	}
	return target{place: hit.place, tok: hit.i}, true
}

// subjectBeforeRelative finds the place a passive control word is told of
// when a relative clause set off by commas stands between them ("Shusha,
// which was occupied by Armenian forces on May 8, 1992, was liberated
// …"): "was"/"were" before the word, a comma before that, and a place
// followed by a comma and a relative word earlier in the sentence.
func subjectBeforeRelative(a *annotated, c cueHit) (target, bool) {
	ts := a.s.toks
	k := auxSlot(ts, c.i)
	if !isWordAt(ts, k, "was", "were") || k < 1 || !isComma(ts[k-1]) {
		return target{}, false
	}
	best := -1
	for n, p := range a.places {
		if p.place == nil || p.place.Region == "" || p.j+1 >= k || c.i-p.j > 30 {
			continue
		}
		if isComma(ts[p.j]) && ts[p.j+1].kind == tokWord && (hasStem(ts[p.j+1], relativeWords) || participleAside(a, p.j+1)) {
			best = n
		}
	}
	if best < 0 {
		return target{}, false
	}
	p := a.places[best]
	return target{place: p.place, tok: p.i}, true
}

// participleAside reports an English participle of a control word at
// token k, opening an aside after a place ("Aghdam, occupied since 1993,
// was liberated in 2020"): the place is the subject of the main verb too.
func participleAside(a *annotated, k int) bool {
	w := a.s.toks[k].norm
	return latinWord(a.s.toks[k]) && cueAt(a, k) && (strings.HasSuffix(w, "ed") || w == "taken" || w == "lost" || w == "held")
}

// passiveAuxBefore reports "was", "were" or "been" right before token i,
// or before an adverb in -ly there ("was quickly taken").
func passiveAuxBefore(ts []token, i int) bool {
	return isWordAt(ts, auxSlot(ts, i), "were", "was", "been")
}

// auxSlot is where an auxiliary of the verb at token i stands: right
// before it, or before an adverb in -ly there.
func auxSlot(ts []token, i int) int {
	k := i - 1
	if k >= 0 && lyAdverb(ts[k]) {
		k--
	}
	return k
}

// clauseStartsWith reports place p opening its clause, after at most
// "the" or "and", or right after "that" (and "the").
func clauseStartsWith(a *annotated, p *placeHit) bool {
	ts := a.s.toks
	cl := a.clauseOf(p.i)
	start := p.i
	switch {
	case start > 1 && isWordAt(ts, start-1, "of") && ts[start-2].kind == tokWord && hasStem(ts[start-2], anaphorNouns):
		start -= 2 // "The town of Khojaly …"
	case start > 0 && ts[start-1].kind == tokWord && !latinWord(ts[start-1]) && hasStem(ts[start-1], anaphorNouns):
		start-- // "مدينة خوجالي …"
	}
	for k := start - 1; k >= 0 && a.clauseOf(k) == cl; k-- {
		if isWordAt(ts, k, "s") && k > 1 && isApostrophe(ts[k-1]) && inPlace(a.places, k-2) {
			// "Artsakh's Karvachar District": the place it belongs to
			for k -= 2; k > 0 && inPlace(a.places, k-1); k-- {
			}
			continue
		}
		if isWordAt(ts, k, "that") {
			return true // "recalling that X …": the subject of the clause "that" opens
		}
		if inDate(a, k) || ts[k].kind == tokWord && hasStem(ts[k], dateLabels) {
			continue // a date line before the sentence ("date 2020-11-25 X became …")
		}
		if k == start-1 && latinWord(ts[k]) && actorWords[ts[k].norm] != "" {
			continue // "Azerbaijani Gubadli region …": the country's adjective
		}
		if ts[k].kind == tokWord && !isWordAt(ts, k, "the", "and") {
			return false
		}
	}
	return true
}

// namedByKindNoun reports a place named right after a noun of its kind
// ("city of Shusha", "the second-largest city, Shusha", "مدينة شوشا"):
// the head of a long object phrase.
func namedByKindNoun(ts []token, i int) bool {
	k := i - 1
	if k >= 0 && (isWordAt(ts, k, "of") || ts[k].raw == ",") {
		k--
	}
	return k >= 0 && ts[k].kind == tokWord && hasStem(ts[k], anaphorNouns)
}

// spanWords counts the tokens from i to j-1, a date written there
// counting as one ("seized on 2 April / نيسان 1993 the district of"): a
// long date sets the place no further from its verb than a short one.
func (a *annotated) spanWords(i, j int) int {
	n := j - i
	for _, k := range a.anaph {
		if k >= i && k < j {
			return n // "occupied the city on 23 August 1993 … part of X": the noun is the object
		}
	}
	for _, d := range a.dates {
		if d.i >= i && d.j <= j {
			n -= d.j - d.i - 1
		}
	}
	return n
}

// inDate reports token k inside one of the sentence's date expressions.
func inDate(a *annotated, k int) bool {
	for _, d := range a.dates {
		if k >= d.i && k < d.j {
			return true
		}
	}
	return false
}

// kindNamed is the one district of sentence a named after the same kind
// noun as noun ("مدينة شوشة" for "المدينة", "the city of Shusha" for "the
// city"); false when none or several are.
func kindNamed(a *annotated, noun token) (*Place, bool) {
	ts := a.s.toks
	var found *Place
	for _, p := range a.places {
		k := p.i - 1
		if k >= 0 && (isWordAt(ts, k, "of") || ts[k].raw == ",") {
			k--
		}
		after := p.j < len(ts) && ts[p.j].kind == tokWord && latinWord(ts[p.j]) && sameStem(ts[p.j], noun) // "the Kelbajar region"
		if p.place.Region == "" || !after && (k < 0 || ts[k].kind != tokWord || !sameStem(ts[k], noun)) {
			continue
		}
		if found != nil && found.Region != p.place.Region {
			return nil, false
		}
		found = p.place
	}
	return found, found != nil
}

// sameStem reports two words of one stem, an article apart ("مدينة",
// "المدينة").
func sameStem(x, y token) bool {
	for _, a := range tokenStems(x) {
		for _, b := range tokenStems(y) {
			if strings.TrimPrefix(a, "ال") == strings.TrimPrefix(b, "ال") {
				return true
			}
		}
	}
	return false
}

// plainPhrase reports tokens i..j-1 holding no clause break, no number and
// no control word: one noun phrase ("the mountain enclave's second-largest
// city of").
func plainPhrase(ts []token, i, j int) bool {
	for k := i; k < j; k++ {
		if ts[k].kind == tokNum || ts[k].kind == tokPunct && !isApostrophe(ts[k]) && ts[k].raw != "-" && !(ts[k].raw == "," && k == j-1) {
			return false
		}
		if ts[k].kind == tokWord && clauseConnectors[ts[k].norm] {
			return false
		}
	}
	return true
}

// operationName reports a place that names an operation, right after
// the operation word in Arabic ("بعملية هوراديز") or right before it in
// English ("the Horadiz operation").
func operationName(ts []token, p *placeHit) bool {
	before := p.i > 0 && ts[p.i-1].kind == tokWord && hasStem(ts[p.i-1], operationWords) && !latinWord(ts[p.i-1])
	after := p.j < len(ts) && ts[p.j].kind == tokWord && latinWord(ts[p.j]) && hasStem(ts[p.j], operationWords)
	return before || after
}

// datedListGoesOn reports a list of places each with its own day, its
// items set off by commas and a repeated "from" ("withdrew from Aghdam on
// Nov. 20, from Kalbajar on Nov. 25, and from Lachin on Nov. 30"): the
// tokens from i to j are a placed date, a comma, perhaps "and", and
// "from".
func datedListGoesOn(a *annotated, i, j int) bool {
	ts := a.s.toks
	k := j - 1
	if !isWordAt(ts, k, "from", "ومن", "من") {
		return false
	}
	k--
	if isWordAt(ts, k, "and", "و") {
		k--
	}
	if k < 0 || ts[k].raw != "," && ts[k].raw != "،" {
		return false
	}
	return datedBetween(a, i, k+1) || datedBetween(a, i, k)
}

// datedPairNext reports the tokens from i to j as the opening of the
// next pair of a list that writes each date before its district ("…
// منطقة أغدام، وفي 25 نوفمبر 2020 منطقة كلبجار", "…, and on 25 November
// Kalbajar"): a comma, "and", a preposition, a date, a kind noun.
func datedPairNext(a *annotated, i, j int) bool {
	ts := a.s.toks
	m := i
	if m < j && isComma(ts[m]) {
		m++
	}
	if isWordAt(ts, m, "and", "و") {
		m++
	}
	switch {
	case isWordAt(ts, m, "وفي", "ويوم"):
		m++
	case m == i:
		return false // "وكالبجار في 25 نوفمبر ولاشين": the date after a place is that place's
	case isWordAt(ts, m, "on", "in", "في", "يوم"):
		m++
	}
	found := false
	for _, d := range a.dates {
		if d.i == m {
			m, found = d.j, true
			break
		}
	}
	if !found {
		return false
	}
	if m < j && isComma(ts[m]) {
		m++
	}
	if m < j && kindNounAt(ts, m) {
		m++
	}
	return m == j
}

// kindNounAt reports a noun of a unit's kind at m, with or without the
// Arabic article ("district", "المنطقة", "منطقة كلبجار").
func kindNounAt(ts []token, m int) bool {
	return m >= 0 && m < len(ts) && ts[m].kind == tokWord && (hasStem(ts[m], anaphorNouns) || anaphorNouns["ال"+ts[m].norm])
}

// datedBetween reports the tokens from i up to the joining word before
// token j as one date expression placed on the calendar, with a
// preposition before it ("on 20 November and", "في 20 نوفمبر و").
func datedBetween(a *annotated, i, j int) bool {
	ts := a.s.toks
	if i < len(ts) && ts[i].kind == tokWord && hasStem(ts[i], anaphorNouns) {
		i++ // "Aghdam province on Nov. 20"
	}
	if isWordAt(ts, i, "on", "in", "في", "يوم") {
		i++
	}
	end := j
	switch {
	case isWordAt(ts, j-1, "from") && isWordAt(ts, j-2, "and"):
		end = j - 2
	case isWordAt(ts, j-1, "و", "and", "ومن"), j > 0 && isComma(ts[j-1]):
		end = j - 1
	}
	for k, d := range a.dates {
		if d.i == i && d.j == end {
			// a date the page cannot place (no year, no publication
			// date) may be a plan's; the list stops there
			return a.res[k].ok
		}
	}
	return false
}

// subjectOfNextCue reports a place ending at j followed only by English
// auxiliaries up to the next control word at limit ("Lachin is to be
// handed over"): the place is that word's subject, not a list item of the
// word before.
func subjectOfNextCue(ts []token, j, limit int) bool {
	if limit >= len(ts) || limit <= j {
		return false
	}
	if ts[j].raw == "," {
		// "Fuzuli, lying in a rather open plain, was quickly taken": an
		// apposition set off by commas before the auxiliaries
		for k := j + 1; k < limit && k <= j+10; k++ {
			if ts[k].raw == "," {
				j = k + 1
				break
			}
		}
	}
	for k := j; k < limit; k++ {
		if lyAdverb(ts[k]) {
			continue // "was quickly taken"
		}
		if !isWordAt(ts, k, "is", "are", "was", "were", "to", "be", "will", "has", "have", "had", "been", "also", "then") {
			return false
		}
	}
	return true
}

// dayMonthBetween reports the tokens from i up to the comma or "and"
// before token j as one day and month written without a year ("on 17
// October,", "on 20 October and").
func dayMonthBetween(a *annotated, i, j int) bool {
	ts := a.s.toks
	if isWordAt(ts, i, "on", "in", "في", "يوم") {
		i++
	}
	for _, d := range a.dates {
		if d.i == i && d.j == j-1 && d.rel == relNone && d.year == 0 && d.month != 0 && d.day != 0 {
			return true
		}
	}
	return false
}

// passiveTopic binds a control word followed by an agent ("من قبل",
// "by") in a sentence that names no place to the one district the
// previous sentence names.
func (b *builder) passiveTopic(a *annotated, c cueHit) (target, bool) {
	ts := a.s.toks
	agent := isWordAt(ts, c.j, "من") && isWordAt(ts, c.j+1, "قبل") || isWordAt(ts, c.j, "by")
	if !agent {
		return target{}, false
	}
	return b.prevSentenceDistrict(a)
}

// continuation binds list items in the clauses after a control word:
// "أعادوا فضولي أولا، ثم زنغيلان بعدها بأيام". A clause
// continues the list when it has no control word of its own, starts with
// ثم/"then" or with a place carrying و, and names a place.
func (b *builder) continuation(a *annotated, c cueHit, first []target) []target {
	if len(first) == 0 {
		return nil
	}
	ts := a.s.toks
	var out []target
	cl := a.clauseOf(first[len(first)-1].tok)
	if first[len(first)-1].tok < 0 {
		return nil
	}
	maxCl := a.clauseOf(len(ts) - 1)
	for next := cl + 1; next <= maxCl; next++ {
		start := -1
		for k := range ts {
			if a.s.clause[k] == next {
				start = k
				break
			}
		}
		if start < 0 {
			break
		}
		hasCue := false
		for _, o := range a.cues {
			if a.clauseOf(o.i) == next {
				hasCue = true
			}
		}
		if hasCue {
			break
		}
		var p *placeHit
		for k := range a.places {
			if a.clauseOf(a.places[k].i) == next {
				p = &a.places[k]
				break
			}
		}
		if p == nil {
			break
		}
		opens := isWordAt(ts, start, "ثم", "then") || (p.i == start && p.prefix == "و") || isWordAt(ts, start, "و", "and")
		if !opens || p.i-start > 3 && !gappedConjunctOf(a, *p) || futureClause(a, next) {
			break
		}
		out = append(out, target{place: p.place, tok: p.i})
		// "ثم على فضولي وجبرائيل": the places joined to it in its clause
		last := p
		for k := range a.places {
			q := &a.places[k]
			if q.i <= last.i || a.clauseOf(q.i) != next {
				continue
			}
			joined := q.prefix == "و" || isWordAt(ts, q.i-1, "and", "و") || q.i > 0 && isComma(ts[q.i-1])
			if !joined || q.i-last.j > 2 {
				break
			}
			out = append(out, target{place: q.place, tok: q.i})
			last = q
		}
	}
	return out
}

// townNouns are the nouns "the city", "the town", "the province" that
// point back to the last one named.
var townNouns = map[string]bool{"المدينه": true, "البلده": true, "المحافظه": true}

// definiteTownNoun reports "the city", "the town", "the district" at k
// (the article before it in English, attached in Arabic, merged with ل
// in "للمدينة").
func definiteTownNoun(ts []token, k int) bool {
	if k < 0 || k >= len(ts) || ts[k].kind != tokWord {
		return false
	}
	return isWordAt(ts, k, "city", "town", "district") && isWordAt(ts, k-1, "the") || townNouns[ts[k].norm] || definiteAfterLam(ts[k], townNouns)
}

// isBound reports whether the place at token k is already taken by a
// control word of this sentence.
func (b *builder) isBound(a *annotated, k int) bool {
	for _, t := range a.bound {
		if t == k {
			return true
		}
	}
	return false
}

// antecedent resolves a pronoun or anaphoric noun at token k: the last
// place taken by a control word earlier in this sentence (named in it or
// reached through "the city") or in the previous one, else the last
// district named earlier in this sentence, else the last district of the
// previous sentence.
func (b *builder) antecedent(a *annotated, k int) (target, bool) {
	var back *boundBack
	for i := range a.boundBack {
		if a.boundBack[i].at < k {
			back = &a.boundBack[i]
		}
	}
	for i := len(a.bound) - 1; i >= 0; i-- {
		if a.bound[i] < k && (back == nil || a.bound[i] > back.at) {
			if p := b.placeAt(a, a.bound[i]); p != nil {
				return target{place: p, tok: a.bound[i], anaphor: true}, true
			}
		}
	}
	if back != nil {
		// "احتلت القوات المدينة في 1992، قبل أن يتم تحريرها في 2020": the
		// place "the city" took, named sentences before
		return target{place: back.place, tok: -1, anaphor: true}, true
	}
	for i := len(a.places) - 1; i >= 0; i-- {
		p := a.places[i]
		if p.j <= k && p.place.Region != "" {
			return target{place: p.place, tok: p.i, anaphor: true}, true
		}
	}
	prev := b.prev
	if prev != nil && b.prev2 != nil && len(prev.bound) == 0 && len(prev.places) == 0 && wordCount(prev.s.toks) <= 3 {
		// a hard line break left a fragment ("… by the\nArmenian
		// forces."): the sentence before it is the one referred to
		prev = b.prev2
	}
	if prev == nil {
		return target{}, false
	}
	if k >= 0 && k < len(a.s.toks) && a.s.toks[k].kind == tokWord && hasStem(a.s.toks[k], anaphorNouns) && !b.isBound(a, k) {
		// "… مدينة شوشة … على الطريق إلى خانكندي. واحتلت القوات المدينة":
		// "the city" is the one the sentence before named as a city, not
		// the last place it named
		if p, ok := kindNamed(prev, a.s.toks[k]); ok {
			return target{place: p, tok: -1, anaphor: true}, true
		}
	}
	if n := len(prev.bound); n > 0 {
		if p := b.placeAt(prev, prev.bound[n-1]); p != nil {
			return target{place: p, tok: -1, anaphor: true}, true
		}
	}
	for i := len(prev.places) - 1; i >= 0; i-- {
		if prev.places[i].place.Region != "" {
			return target{place: prev.places[i].place, tok: -1, anaphor: true}, true
		}
	}
	if n := b.named; n != nil && n != prev && a.s.idx-n.s.idx <= 5 && len(prev.districts()) == 0 && isWordAt(a.s.toks, k-1, "the") && latinWord(a.s.toks[k]) {
		// "… a hamlet of the Kelbajar region. (a line naming none) On
		// Wednesday, the region …": the district the last sentence with a
		// place called by that noun
		if p, ok := kindNamed(n, a.s.toks[k]); ok {
			return target{place: p, tok: -1, anaphor: true}, true
		}
	}
	if n := b.named; n != nil && n != prev && a.s.idx-n.s.idx <= 5 && len(prev.districts()) == 0 && definiteTownNoun(a.s.toks, k) {
		// "… seized Khojaly. N people were killed. N were captured. The
		// city was liberated in 2023": sentences naming no place between
		// leave the last place named the town referred to (a pronoun or
		// "the area" may point to anything those sentences spoke of; "the
		// district" of an encyclopedia page goes on about its district)
		for i := len(n.places) - 1; i >= 0; i-- {
			if n.places[i].place.Region != "" {
				return target{place: n.places[i].place, tok: -1, anaphor: true}, true
			}
		}
	}
	if n := b.named; n != nil && n != prev && a.s.idx-n.s.idx == 2 && len(prev.places) == 0 && keepsTopic(prev) {
		// "ما سر شوشي؟ … تدرك اهميتها. فقد سيطر عليها الأرمن": a sentence
		// between that names nothing and goes on about "it" keeps the
		// one district named before as the topic
		if ds := n.districts(); len(ds) > 0 && sameRegion(ds) {
			return target{place: ds[0].place, tok: -1, anaphor: true}, true
		}
	}
	return target{}, false
}

// keepsTopic reports a sentence that speaks of something named before
// through a pronoun: an attached "ها" ("its", "her") in Arabic, "its" in
// English.
func keepsTopic(a *annotated) bool {
	for _, t := range a.s.toks {
		if t.kind != tokWord {
			continue
		}
		if t.norm == "its" || strings.HasSuffix(t.norm, "ها") && runeLen(t.norm) > 4 {
			return true
		}
	}
	return false
}

// sameRegion reports places all of one district.
func sameRegion(ps []placeHit) bool {
	for _, p := range ps {
		if p.place.Region != ps[0].place.Region {
			return false
		}
	}
	return true
}

// namesOtherDistrict reports that sentence a names a district other than
// that of p.
func (b *builder) namesOtherDistrict(a *annotated, p *Place) bool {
	if a == nil || p == nil {
		return false
	}
	for _, q := range a.places {
		if q.place.Region != "" && q.place.Region != p.Region {
			return true
		}
	}
	return false
}

func (b *builder) placeAt(a *annotated, k int) *Place {
	for _, p := range a.places {
		if p.i == k {
			return p.place
		}
	}
	for _, p := range a.villages {
		if p.i == k {
			return p.place // a village bound as a target is in the other list
		}
	}
	return nil
}

// pickDate chooses the date of a change: a free date in the target's
// clause, then in the control word's clause, then the nearest free date of
// the sentence that no other place or non-event owns. ok is false when
// the sentence has none.
func (b *builder) pickDate(a *annotated, c cueHit, t target) (int, bool) {
	if t.shared {
		return b.firstDateAfter(a, c, t)
	}
	if k, ok := pairedDate(a, t); ok {
		return k, true
	}
	if k, ok := respectiveDate(a, t); ok {
		return k, true
	}
	if k, ok := gappedConjunctDate(a, t.tok); ok && !t.anaphor && !a.claimed[k] {
		return k, true
	}
	if ownWarFrame(a, c) {
		return -1, false // "… in 1992 and was recaptured during the 2020 war": that war's, not 1992
	}
	pos := c.i
	if t.tok >= 0 && !t.anaphor {
		pos = t.tok
	}
	if antecedentOfClause(a, t, c) {
		pos = c.j // past the relative clause's dates, to the word's own
	}
	best, bestDist := -1, 1<<30
	happened := modalityOf(a.s, c) == modEvent
	for k := range a.dates {
		// "until November 2020, when the army regained it": that date
		if a.res[k].ok && !a.claimed[k] && a.dateWhen(k, c) {
			return k, true
		}
	}
	for k, d := range a.dates {
		// "fell to Azerbaijan after the operation of its army last
		// month": the change followed an operation of a past month, in
		// that month (not on the page's day)
		if d.rel == relMonth && a.res[k].ok && !a.claimed[k] && operationDate(a, k, c.i) && afterWordBetween(a, c.j, d.i) {
			return k, true
		}
	}
	// ", and on November 25, they took control of Kelbajar": the date
	// that opens the word's own coordinated clause, not the one that
	// opens the sentence
	for k := range a.dates {
		if !a.claimed[k] && a.res[k].ok && coordinatedDate(a, k) && nextWordsOf(a, k, c) {
			return k, true
		}
	}
	// "On the same day, along with Hadrut, the villages of X and Y were
	// freed": a date opening the sentence dates its main clause, past
	// the places named in between, unless the word's clause has its own
	own := false
	for k, d := range a.dates {
		// ("… until November 8, 2020" bounds something else the clause
		// tells: no date of the word's own)
		own = own || a.clauseOf(d.i) == a.clauseOf(c.i) && !a.claimed[k] && !(happened && a.deadline[k])
	}
	if !own {
		for k, d := range a.dates {
			if frontedDate(a, k) && !a.claimed[k] && d.j <= c.i && !launchDate(a, k) && !operationDate(a, k, c.i) &&
				(findWithin(a.s.toks, 0, c.i, operationWords) < 0 || operationFramesDay(a, k, c)) && !(happened && a.deadline[k]) {
				return k, true
			}
		}
	}
	afterNoun := afterVerbalNoun(a.s.toks, c.i)
	opener := priorOpenerEnd(a.s.toks, c)
	if t.tok > opener {
		opener = -1 // a place past the phrase is the main clause's
	}
	try := func(filter func(k int) bool) bool {
		for k, d := range a.dates {
			if opener >= 0 && d.i > opener {
				continue // "In response to the occupation of X, on 6 April the Council adopted …": the main clause's day
			}
			if a.claimed[k] || !a.res[k].ok || (happened && a.deadline[k] && !a.dateWhen(k, c) && !b.doneByDeadline(a, c, k)) || !filter(k) || b.otherPlacesDate(a, d, t) || operationDate(a, k, c.i) || launchDate(a, k) || laterEventDate(a, c, k) || otherWordsDate(a, c, k) || attributionDate(a, c, k) {
				continue
			}
			if afterNoun && d.j <= c.i-1 {
				continue // "… on 9 October became possible after the clearing of X": the main clause's date
			}
			dist := abs(d.i - pos)
			if dist < bestDist {
				best, bestDist = k, dist
			}
		}
		return best >= 0
	}
	reduced := reducedRelative(a, c)
	if t.relative || isRelative(a.s.toks, c) || reduced {
		// "أغدام الذي سلم في 20 …، وكلبجار الذي سلم في 25 …", "the
		// capital, which came under control in September": the relative
		// clause carries its own date, after the verb
		for k, d := range a.dates {
			if !a.claimed[k] && a.res[k].ok && !(happened && a.deadline[k] && !a.dateWhen(k, c) && !b.doneByDeadline(a, c, k)) && d.i >= c.j && d.i-c.j-durTokensWithin(a, c.j, d.i) <= 6 && a.clauseOf(d.i) == a.clauseOf(c.i) && (best < 0 || d.i < a.dates[best].i) {
				best = k
			}
		}
		if best >= 0 || t.relative || reduced {
			return best, best >= 0
		}
	}
	// "… on 18 May 1992 and Kalbajar district at the beginning of April
	// 1993": a date written right after a place after the word is that
	// place's, however near the one before it
	if k, ok := dateAfterPlace(a, c, t); ok && !(happened && a.deadline[k]) {
		return k, true
	}
	if k, ok := dateAfterAside(a, c, t); ok && !(happened && a.deadline[k]) {
		return k, true
	}
	// a place named in an earlier clause that tells something else ("رفع
	// العلم في شوشا اليوم، بعد هجوم الشهر الماضي أعاد المدينة لسيطرة …"):
	// the control word's own clause dates the change
	if t.tok >= 0 && !t.anaphor && t.tok < c.i && a.clauseOf(t.tok) != a.clauseOf(c.i) && (a.ctxIn(a.clauseOf(t.tok)) || !a.cueIn(a.clauseOf(t.tok))) &&
		try(func(k int) bool { return a.dateClause(k) == a.clauseOf(c.i) }) {
		return best, true
	}
	// a place reached through a pronoun ("تسليمها") takes its date from the
	// clause of the word that points back, not from where it was named
	if t.tok >= 0 && !t.anaphor && try(func(k int) bool { return a.dateClause(k) == a.clauseOf(t.tok) }) {
		return best, true
	}
	if try(func(k int) bool { return a.dateClause(k) == a.clauseOf(c.i) }) {
		return best, true
	}
	if try(func(k int) bool { return !b.dateOwned(a, k, t) }) {
		return best, true
	}
	return -1, false
}

// ownWarFrame reports a war named by its year right after control word c
// in its own clause, the clause holding no other date, while a date stands
// in another clause before it ("came under Armenian control in 1992 and
// was recaptured during the 2020 war"): the word is dated by that war's
// frame, not by the other clause's date.
func ownWarFrame(a *annotated, c cueHit) bool {
	_, yk := warYearAt(a)
	if yk <= c.j || yk-c.j > 9 || a.clauseOf(yk) != a.clauseOf(c.i) {
		return false
	}
	for m := c.j; m < yk; m++ {
		if isWordAt(a.s.toks, m, "have", "has", "had", "was", "were", "is", "are", "will", "started", "began", "and") {
			return false // "was occupied have started to return … following the 2020 war": another verb's frame
		}
	}
	before := false
	for k, d := range a.dates {
		if a.claimed[k] || d.i <= yk && yk < d.j {
			continue
		}
		if a.clauseOf(d.i) == a.clauseOf(c.i) {
			return false
		}
		before = before || d.j <= c.i
	}
	return before
}

// operationFramesDay reports a fronted date followed right away by the
// operation it fell in ("On January 5, 1994, during the Horadiz
// operation, X was freed", "في 5 يناير 1994، وخلال عملية هوراديز"): the
// day is the change's, the operation only its frame. No other operation
// word comes before control word c.
func operationFramesDay(a *annotated, k int, c cueHit) bool {
	ts := a.s.toks
	m := a.dates[k].j
	for m < c.i && (ts[m].kind == tokPunct || isWordAt(ts, m, "و")) {
		m++
	}
	if m >= c.i || !hasStem(ts[m], duringWords) {
		return false
	}
	if sentenceCounts(a) {
		return false // "… during the operation, the army freed Fuzuli and 60 villages": a war's count
	}
	end := min(m+6, c.i)
	return findWithin(ts, m, end-m, operationWords) >= 0 && findWithin(ts, 0, m, operationWords) < 0 && findWithin(ts, end, c.i-end, operationWords) < 0
}

// bracketPlace is the district of the place a bracket holding date d
// follows ("Lachin (… in April of 1993)").
func bracketPlace(a *annotated, d dateExpr) (string, bool) {
	ts := a.s.toks
	for k := d.i - 1; k >= 0 && k >= d.i-20; k-- {
		if ts[k].raw == ")" {
			return "", false
		}
		if ts[k].raw != "(" {
			continue
		}
		for _, p := range a.places {
			if p.j == k && p.place != nil && p.place.Region != "" {
				return p.place.Region, true
			}
		}
		return "", false
	}
	return "", false
}

// respectiveDate pairs the districts of a list with the dates of a list
// in order when the sentence says "respectively" ("withdrew from Agdam,
// Kalbajar and Lachin on 20 November, 25 November and 1 December 2020,
// respectively", "على التوالي"): the n-th district takes the n-th date.
func respectiveDate(a *annotated, t target) (int, bool) {
	ts := a.s.toks
	if t.tok < 0 || t.anaphor || t.place == nil || t.place.Region == "" {
		return -1, false
	}
	resp := -1
	for k := range ts {
		if isWordAt(ts, k, "respectively") || isWordAt(ts, k, "التوالي") && isWordAt(ts, k-1, "علي") {
			resp = k
			break
		}
	}
	if resp < 0 {
		return -1, false
	}
	var regions []string
	n := -1
	for _, p := range a.places {
		if p.i >= resp || p.place == nil || p.place.Region == "" || slices.Contains(regions, p.place.Region) {
			continue
		}
		if p.i == t.tok {
			n = len(regions)
		}
		regions = append(regions, p.place.Region)
	}
	var dates []int
	for k, d := range a.dates {
		if d.i > t.tok && d.i < resp && a.res[k].ok {
			dates = append(dates, k)
		}
	}
	if n < 0 || len(regions) < 2 || len(dates) != len(regions) {
		return -1, false
	}
	return dates[n], true
}

// pairedDate is the date written right before target t when the sentence
// pairs dates and districts that way at least twice ("on November 25,
// 2020, Kalbajar district, on December 1, 2020, Lachin district were
// liberated", "في 25 نوفمبر منطقة كلبجار، وفي 1 ديسمبر منطقة لاتشين"):
// each district takes the date before it, not the nearest one.
func pairedDate(a *annotated, t target) (int, bool) {
	if t.tok < 0 || t.anaphor {
		return -1, false
	}
	before := func(tok int) int {
		m := tok - 1
		if kindNounAt(a.s.toks, m) {
			m-- // "منطقة كلبجار"
		}
		if m >= 0 && isComma(a.s.toks[m]) {
			m--
		}
		for k, d := range a.dates {
			if d.j == m+1 && a.res[k].ok && !a.claimed[k] {
				return k
			}
		}
		return -1
	}
	own := before(t.tok)
	if own < 0 {
		return -1, false
	}
	for _, p := range a.places {
		m := afterPlace(a.s.toks, p)
		for _, d := range a.dates {
			if d.i == m {
				return -1, false // "Jabrayil was freed on 4 October, Fuzuli on 17 October": each date after its place
			}
		}
	}
	for _, p := range a.places {
		if p.i != t.tok && p.place.Region != "" && p.place.Region != t.place.Region {
			if k := before(p.i); k >= 0 && k != own {
				return own, true
			}
		}
	}
	return -1, false
}

// dateWhen reports an "until" date that dates control word c: c is told
// in the clause after "when" (see untilWhen).
func (a *annotated) dateWhen(k int, c cueHit) bool {
	return a.whenAt[k] >= 0 && c.i > a.whenAt[k] && a.clauseOf(c.i) == a.clauseOf(a.whenAt[k])
}

// dateOwned reports whether date k sits in a clause that belongs to
// something else: another place, another control word, or a non-event.
func (b *builder) dateOwned(a *annotated, k int, t target) bool {
	cl := a.dateClause(k)
	if operationDate(a, k, -1) {
		return true
	}
	return b.clauseOwned(a, cl, t)
}

// firstDateAfter is the first free date after control word c that no
// other place owns: the date of a word whose object is the one before it
// (target.shared).
func (b *builder) firstDateAfter(a *annotated, c cueHit, t target) (int, bool) {
	for k, d := range a.dates {
		if d.i >= c.j && !a.claimed[k] && a.res[k].ok && !b.otherPlacesDate(a, d, t) {
			return k, true // dates come in text order
		}
	}
	return -1, false
}

// antecedentOfClause reports a target place followed by a relative word
// ("شوشا التي أسست عام 1930 … احتلت في 1992", "Shusha, which was founded
// in 1752, was taken in 1992") with the control word later in the
// sentence: the dates between belong to the relative clause, so the one
// nearest the control word, not the place, dates the change.
func antecedentOfClause(a *annotated, t target, c cueHit) bool {
	if t.tok < 0 || t.tok >= c.i {
		return false
	}
	end := -1
	for _, p := range a.places {
		if p.i == t.tok {
			end = p.j
		}
	}
	if end < 0 {
		return false
	}
	ts := a.s.toks
	for end < len(ts) && ts[end].kind == tokPunct && (isComma(ts[end]) || quoteMarks[ts[end].raw]) {
		end++ // "مدينة "شوشا" والتي", "Shusha, which"
	}
	if end >= len(ts) || end >= c.i || ts[end].kind != tokWord || !hasStem(ts[end], relativeWords) {
		return false
	}
	for _, d := range a.dates {
		if d.i > end && d.j <= c.i {
			return true
		}
	}
	return false
}

// operationDate reports a date that an attack or an offensive named
// before it in its clause owns, with no control word between ("freed …
// in operations provoked by Armenia's attack on … on September 27"): the
// day of the attack, not of a change told before it. An operation told
// before the change it brought ("عملية … الشهر الماضي أعادت المنطقة")
// dates that change: cue is the control word's token (-1: any).
func operationDate(a *annotated, k, cue int) bool {
	d := a.dates[k]
	for m := d.i - 1; m >= 0 && a.clauseOf(m) == a.clauseOf(d.i); m-- {
		if cueAt(a, m) {
			return false
		}
		if a.s.toks[m].kind == tokWord && hasStem(a.s.toks[m], operationWords) {
			return cue < 0 || cue < m
		}
	}
	return false
}

// launchDate reports a date that tells when an operation or the fighting
// began ("التي بدأت في 27 سبتمبر", "fighting that erupted on", "launched
// on"): a launch verb just before it, at most a preposition between. The
// changes that followed are not dated by it.
func launchDate(a *annotated, k int) bool {
	ts := a.s.toks
	d := a.dates[k]
	if k > 0 && a.dates[k-1].j == d.i-1 && isWordAt(ts, d.i-1, "to", "until", "الي", "حتي") && launchDate(a, k-1) {
		return true // "lasted from September 27 to November 10": the span's end too
	}
	for m := d.i - 1; m >= 0 && m >= d.i-3; m-- {
		if ts[m].kind != tokWord || cueAt(a, m) {
			return false
		}
		if hasStem(ts[m], launchWords) || hasStem(ts[m], eruptWords) {
			return true
		}
		if isWordAt(ts, m, "lasted", "lasting", "استمرت", "واستمرت", "دامت") {
			return true // "the war that lasted from September 27 to November 10": the fighting's span
		}
		if !isWordAt(ts, m, "في", "on", "in", "منذ", "since", "يوم", "بتاريخ", "from", "من") {
			return false
		}
	}
	return false
}

// laterEventDate reports a date told after the control word and after a
// signing or a "followed by" that opens another event ("the liberation of
// X was followed by the signing of a deal … on 10 November", "تلاه توقيع
// اتفاق في …"): that event's day, not the change's.
func laterEventDate(a *annotated, c cueHit, k int) bool {
	ts := a.s.toks
	d := a.dates[k]
	if d.i < c.j {
		return false
	}
	for m := c.j; m < d.i; m++ {
		if cueAt(a, m) {
			return false
		}
		if ts[m].kind != tokWord {
			continue
		}
		if hasStem(ts[m], signingWords) || isWordAt(ts, m, "followed") && isWordAt(ts, m+1, "by") ||
			isWordAt(ts, m, "تلاه", "تلاها", "تلته", "اعقبه", "اعقبها", "اعقبته", "تبعه", "تبعها") {
			return true
		}
	}
	return false
}

// coordinatedDate reports a date that opens a coordinated clause (",
// and on November 25, …", "ثم في 25 …").
func coordinatedDate(a *annotated, k int) bool {
	m := a.dates[k].i - 1
	if isWordAt(a.s.toks, m, "on", "in", "في", "يوم") {
		m--
	}
	return isWordAt(a.s.toks, m, "and", "then", "و", "ثم")
}

// nextWordsOf reports control word o within five words after date k, no
// place between: the words the date opens.
func nextWordsOf(a *annotated, k int, o cueHit) bool {
	d := a.dates[k]
	if o.i < d.j || o.i-d.j > 5 || inPlace(a.places, o.i) {
		return false
	}
	for _, p := range a.places {
		if p.i >= d.j && p.i < o.i {
			return false
		}
	}
	return true
}

// otherWordsDate reports date k told right after an earlier control word
// ("Shusha was occupied on May 8 and Lachin was occupied on May 18"): that
// word's date, not control word c's, when c has a date right after it too.
func otherWordsDate(a *annotated, c cueHit, k int) bool {
	d := a.dates[k]
	if d.j > c.i || !dateRightAfter(a, c.j, -1) {
		return false
	}
	for _, o := range a.cues {
		if o.i != c.i && o.j <= d.i && dateRightAfter(a, o.j, k) {
			return true
		}
	}
	return false
}

// dateAfterPlace is the date right after target t's place (past a kind
// noun and a preposition of time), when t comes after control word c.
func dateAfterPlace(a *annotated, c cueHit, t target) (int, bool) {
	if t.tok < c.j || t.anaphor {
		return -1, false
	}
	for _, p := range a.places {
		if p.i != t.tok {
			continue
		}
		m := afterPlace(a.s.toks, p)
		for k, d := range a.dates {
			if d.i == m && a.res[k].ok && !a.claimed[k] {
				return k, true
			}
		}
	}
	return -1, false
}

// dateAfterAside finds the date right after a relative clause set off by
// commas after the place a control word took ("entered Aghdam, which was
// included in the region of Askeran, on November 20, 2020"): the main
// clause's, which the aside put out of its reach.
func dateAfterAside(a *annotated, c cueHit, t target) (int, bool) {
	ts := a.s.toks
	if t.tok < c.j || t.anaphor {
		return -1, false
	}
	for _, p := range a.places {
		if p.i != t.tok {
			continue
		}
		m := p.j
		for m+1 < len(ts) && ts[m].raw == "/" {
			m += 2 // "Akna/Aghdam": the other name
		}
		if kindNounAt(ts, m) {
			m++
		}
		if m+1 >= len(ts) || !isComma(ts[m]) || !hasStem(ts[m+1], relativeWords) {
			return -1, false
		}
		for e := m + 2; e < len(ts) && e <= m+14; e++ {
			if ts[e].kind == tokNum || cueAt(a, e) {
				return -1, false // a date or a change of the aside's own
			}
			if !isComma(ts[e]) {
				continue
			}
			at := pastDatePrep(ts, e+1)
			for k, d := range a.dates {
				if d.i == at && a.res[k].ok && !a.claimed[k] {
					return k, true
				}
			}
			return -1, false
		}
	}
	return -1, false
}

// afterPlace is where a date of place p would start: past its kind noun
// ("district") and a preposition of time.
func afterPlace(ts []token, p placeHit) int {
	m := p.j
	if kindNounAt(ts, m) {
		m++
	}
	return pastDatePrep(ts, m)
}

// pastDatePrep is token m, or the token after a preposition of time
// there ("on", "in", "at the", "في", "يوم", "بتاريخ"; "at the beginning of
// April": the date starts at "beginning").
func pastDatePrep(ts []token, m int) int {
	switch {
	case isWordAt(ts, m, "at") && isWordAt(ts, m+1, "the"):
		return m + 2
	case isWordAt(ts, m, "on", "in", "at", "في", "يوم", "بتاريخ"):
		return m + 1
	}
	return m
}

// dateRightAfter reports a date (date k, or any when k < 0) that starts at
// token m or after a preposition of time there (pastDatePrep).
func dateRightAfter(a *annotated, m, k int) bool {
	for n, d := range a.dates {
		if k >= 0 && n != k || a.claimed[n] || !a.res[n].ok {
			continue
		}
		if d.i == m || d.i == pastDatePrep(a.s.toks, m) {
			return true
		}
	}
	return false
}

// cueIn reports a control word in clause cl.
func (a *annotated) cueIn(cl int) bool {
	for _, c := range a.cues {
		if a.clauseOf(c.i) == cl {
			return true
		}
	}
	return false
}

// cueAt reports a control word at token m.
func cueAt(a *annotated, m int) bool {
	for _, c := range a.cues {
		if m >= c.i && m < c.j {
			return true
		}
	}
	return false
}

// clauseOwned reports a clause that holds another place, a control word
// or a non-event: its dates are theirs.
func (b *builder) clauseOwned(a *annotated, cl int, t target) bool {
	for _, p := range a.places {
		if a.clauseOf(p.i) == cl && p.place != t.place && p.place.Region != "" && (t.place == nil || p.place.Region != t.place.Region) {
			return true
		}
	}
	hasCue := false
	for _, c := range a.cues {
		if a.clauseOf(c.i) == cl {
			hasCue = true
		}
	}
	if hasCue {
		return true
	}
	for _, x := range a.ctx {
		if a.clauseOf(x.i) == cl && !toldAtMeeting(a, x) {
			return true
		}
	}
	return false
}

// toldAtMeeting reports a meeting where the news was told ("the minister
// said while addressing the Security Council meeting Sunday", "told a
// cabinet meeting on Sunday"): its day is the report's, which dates what
// was told as a "said on Sunday" would.
func toldAtMeeting(a *annotated, x ctxHit) bool {
	if x.typ != ctxMeeting {
		return false
	}
	ts := a.s.toks
	for m := x.i - 1; m >= 0 && m >= x.i-6 && a.clauseOf(m) == a.clauseOf(x.i); m-- {
		if ts[m].kind == tokWord && (hasStem(ts[m], speechWords) || isWordAt(ts, m, "told", "addressing", "addressed", "speaking", "briefed", "كلمه", "كلمته")) {
			return true
		}
	}
	return false
}

// actorOf returns the side named nearest to control word c in its clause,
// among the mentions that are nearer to c than to any other control word.
func actorOf(a *annotated, c cueHit) (actorHit, bool) {
	best, bestDist := actorHit{}, 1<<30
	for _, h := range a.actors {
		if a.clauseOf(h.i) != a.clauseOf(c.i) || h.obj {
			continue
		}
		d := distTo(h.i, c)
		nearest := true
		for _, o := range a.cues {
			if o.i != c.i && distTo(h.i, o) < d {
				nearest = false
				break
			}
		}
		if nearest && d < bestDist {
			best, bestDist = h, d
		}
	}
	return best, bestDist < 1<<30
}

func distTo(k int, c cueHit) int {
	switch {
	case k < c.i:
		return c.i - k
	case k >= c.j:
		return k - c.j + 1
	}
	return 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func other(side string) string {
	switch side {
	case actAZE:
		return actARM
	case actARM:
		return actAZE
	}
	return ""
}

// relativeAntecedent finds the place a relative clause hangs on: the
// control word follows a relative word (with at most an auxiliary such
// as "was" or "قد" between), and a place ends right before that relative
// word (a comma may stand between).
// relativeSubject reports a word of the subject of an English relative
// clause whose object is the place before it ("Kalbajar, which we lost in
// April 1993", "which Azerbaijan lost", "which Armenian forces took"): a
// pronoun, a side's name or the head noun of its forces.
func relativeSubject(ts []token, k int) bool {
	return latinWord(ts[k]) && (isWordAt(ts, k, "we", "they", "it") || actorWords[ts[k].norm] != "" || hasStem(ts[k], actorHeads))
}

// objectRelativeAt is the token of "which"/"that" opening a relative
// clause whose subject stands between it and control word i, or -1.
func objectRelativeAt(ts []token, i int) int {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if isWordAt(ts, k, "which", "that") {
			if k < i-1 {
				return k
			}
			return -1
		}
		if !relativeSubject(ts, k) {
			return -1
		}
	}
	return -1
}

func relativeAntecedent(a *annotated, c cueHit) (target, bool) {
	ts := a.s.toks
	r := -1
	for k := c.i - 1; k >= 0 && k >= c.i-3; k-- {
		if ts[k].kind != tokWord {
			break
		}
		if hasStem(ts[k], relativeWords) {
			r = k
			break
		}
		if !hasStem(ts[k], pastAux) && !isWordAt(ts, k, "قد", "been", "has", "have", "is", "are", "تم", "تمت") && !relativeSubject(ts, k) {
			break
		}
	}
	if r < 0 {
		return target{}, false
	}
	end := r
	if end > 0 && isClausePunct(ts[end-1]) {
		end--
	}
	for _, p := range a.places {
		if p.j != end {
			continue
		}
		if p.place.Region != "" {
			return target{place: p.place, tok: p.i}, true
		}
		// "Shusha city of Nagorno-Karabakh which was liberated", "مدينة
		// شوشا في قره باغ التي": the region only places the town before it
		m := p.i - 1
		if isWordAt(ts, m, "the") {
			m--
		}
		if !isWordAt(ts, m, "of", "in", "في") {
			break
		}
		m--
		if m >= 0 && ts[m].kind == tokWord && hasStem(ts[m], anaphorNouns) {
			m-- // "Shusha city of"
		}
		for _, q := range a.places {
			if q.j == m+1 && q.place.Region != "" && !q.place.Partial {
				return target{place: q.place, tok: q.i}, true
			}
		}
		break
	}
	return target{}, false
}

// relativeAnaphor finds an anaphoric noun (المدينة، the district) right
// before the relative word that opens the clause of control word c.
func relativeAnaphor(a *annotated, c cueHit) (int, bool) {
	ts := a.s.toks
	for k := c.i - 1; k >= 0 && k >= c.i-3; k-- {
		if ts[k].kind != tokWord {
			return 0, false
		}
		if hasStem(ts[k], relativeWords) {
			end := k - 1
			if end >= 0 && isClausePunct(ts[end]) {
				end--
			}
			for _, n := range a.anaph {
				if n == end {
					return n, true
				}
			}
			return 0, false
		}
		if !hasStem(ts[k], pastAux) && !isWordAt(ts, k, "قد", "been", "has", "have", "is", "are", "تم", "تمت") {
			return 0, false
		}
	}
	return 0, false
}

// villageList binds a change told of villages, hills or positions to
// every district the sentence names ("قرى أ وب في منطقة فضولي، وج في
// منطقة جبرائيل", "villages in the Fizuli and Khojavend districts"): one
// target per district, which is held in part, not whole.
func (b *builder) villageList(a *annotated, c cueHit) []target {
	ts := a.s.toks
	hasVillages := false
	for k := range ts {
		if ts[k].kind == tokWord && hasStem(ts[k], villageWords) && !inLaterRelative(ts, c, k) {
			hasVillages = true
			break
		}
	}
	if !hasVillages {
		return nil
	}
	var out []target
	seen := map[string]bool{}
	for k := range a.places {
		p := &a.places[k]
		if p.place.Region == "" || p.place.Outside || seen[p.place.Region] || b.isBound(a, p.i) || operationName(ts, p) {
			continue
		}
		if p.i > c.j && findWithin(ts, c.j, p.i-c.j, shellingWords) >= 0 {
			continue // "أعاد قصف قرية …": a village shelled, not taken
		}
		if e := priorOpenerEnd(ts, c); e >= 0 && p.i > e && !a.cueBetween(c.j, len(ts)) {
			// "After the liberation of X, the forces moved on A and its
			// villages": a main clause with no control word of its own
			// names nothing the opening phrase's noun took
			continue
		}
		// a place told of another control word is that word's
		other := false
		for _, o := range a.cues {
			// ("the territories previously occupied by Armenia: A, B
			// villages": a participle describing the land, not a word
			// of its own)
			if o.i != c.i && o.i < p.i && o.i > c.i && !earlierAdverb(ts, o) {
				other = o.cls != c.cls
			}
		}
		if other {
			continue
		}
		seen[p.place.Region] = true
		out = append(out, target{place: p.place, tok: p.i, villages: true})
	}
	return append(out, ownDayTargets(a, c, out)...)
}

// ownDayTargets adds, to the villages of a list, a later mention of a
// listed district followed by a day of its own that no earlier mention
// has ("Talish in Tartar district on 3 October and Sugovushan in Tartar
// district on 5 October"): each day is a change of its own.
func ownDayTargets(a *annotated, c cueHit, listed []target) []target {
	var out []target
	days := map[string][]int{} // region: the date tokens already taken
	for _, t := range listed {
		days[t.place.Region] = append(days[t.place.Region], dateTokenAfter(a, t.tok))
	}
	for k := range a.places {
		p := &a.places[k]
		if p.place.Region == "" || p.i <= c.j || days[p.place.Region] == nil {
			continue
		}
		t := target{place: p.place, tok: p.i, villages: true}
		d, ok := dateAfterPlace(a, c, t)
		if !ok || slices.Contains(days[p.place.Region], a.dates[d].i) {
			continue
		}
		days[p.place.Region] = append(days[p.place.Region], a.dates[d].i)
		out = append(out, t)
	}
	return out
}

// dateTokenAfter is the token of the first date after token i, -1 when
// none.
func dateTokenAfter(a *annotated, i int) int {
	for _, d := range a.dates {
		if d.i > i {
			return d.i
		}
	}
	return -1
}

// originPlace reports an English place after "from" following a control
// word that is not a leaving ("began the occupation from the heights of
// X", "entered from X"): the place the forces came from, not the one taken.
// A leaving names what was left after "from" ("withdrew from X").
func originPlace(ts []token, c cueHit, k int) bool {
	switch c.cls {
	case cueWithdraw, cueLose, cueCede, cueHandover, cueSurrender:
		return false
	}
	for m := c.j; m < k; m++ {
		if isWordAt(ts, m, "from") && latinWord(ts[m]) {
			return true
		}
	}
	return false
}

// destinationPlace reports a place after a leaving word that is where the
// leavers went, not the place they left: right after a word of the
// lexicon list "destination" ("left Baku for Lachin", "غادرت باكو متجهة
// إلى لاتشين").
func destinationPlace(ts []token, c cueHit, k int) bool {
	if c.cls != cueWithdraw {
		return false
	}
	m := k - 1
	if isWordAt(ts, m, "the") {
		m--
	}
	return m >= c.j && ts[m].kind == tokWord && hasStem(ts[m], destWords)
}

// inLaterRelative reports a word k inside a relative clause opened after
// control word c ("after the occupation of X on …, the forces which went on
// to invade settlements around Y"): the villages there are what the
// relative clause tells, not places of c's change.
func inLaterRelative(ts []token, c cueHit, k int) bool {
	if k <= c.j {
		return false
	}
	for r := c.j; r < k; r++ {
		if ts[r].kind == tokWord && hasStem(ts[r], relativeWords) && !(r > 0 && hasStem(ts[r-1], villageWords)) {
			return true
		}
	}
	return false
}

// appositiveSubject binds a control word with nothing after it to the one
// district named before it in its sentence, in the clauses of an
// apposition (the control word's clause names no place of its own).
func appositiveSubject(a *annotated, c cueHit) (target, bool) {
	var found *placeHit
	for k := range a.places {
		p := &a.places[k]
		if p.i >= c.i {
			break
		}
		if p.place.Region == "" {
			continue
		}
		if found != nil && found.place.Region != p.place.Region {
			return target{}, false
		}
		if found == nil {
			found = p
		}
	}
	if found == nil || a.clauseOf(found.i) == a.clauseOf(c.i) {
		return target{}, false
	}
	for _, o := range a.cues {
		if o.i < c.i {
			return target{}, false
		}
	}
	// the clause of the control word starts after a comma that closes
	// the apposition, and its first words are not a new subject
	return target{place: found.place, tok: found.i}, true
}

// futureClause reports a clause told in the future or as a plan ("and
// Kalbajar and Lachin are to follow on …", "وستتبعها كلبجار"): a place
// in it is not one more place of the change before it.
func futureClause(a *annotated, cl int) bool {
	ts := a.s.toks
	for k := range ts {
		if a.s.clause[k] != cl || ts[k].kind != tokWord {
			continue
		}
		if hasStem(ts[k], futureWords) || hasStem(ts[k], expectWords) || isWordAt(ts, k, "to") && isWordAt(ts, k-1, "is", "are") {
			return true
		}
		for _, st := range ts[k].stems {
			if strings.HasPrefix(st, "س") && runeLen(st) > 3 {
				if r := firstRune(st[len("س"):]); r == 'ي' || r == 'ت' {
					return true
				}
			}
		}
	}
	return false
}

// subjectList returns the districts named before a passive control word
// ("were liberated", "was handed over") or a verb of becoming, back to
// the start of the sentence or an earlier control word that is not in a
// relative clause; none when the word is neither.
func (b *builder) subjectList(a *annotated, c cueHit) []target {
	ts := a.s.toks
	if !c.become && !passiveAuxBefore(ts, c.i) {
		return nil
	}
	var list []target
	seen := map[string]bool{}
	for k := len(a.places) - 1; k >= 0; k-- {
		p := &a.places[k]
		if p.i >= c.i {
			continue
		}
		for _, o := range a.cues {
			if o.i > p.i && o.i < c.i && !isRelative(ts, o) {
				return list
			}
		}
		// (a place a relative clause between took is still the subject)
		if p.place.Region == "" || p.place.Partial || seen[p.place.Region] {
			continue
		}
		seen[p.place.Region] = true
		list = append([]target{{place: p.place, tok: p.i}}, list...)
	}
	return list
}

// otherPlacesDate reports a date written right after another district of
// a list, before the target ("أغدام الجمعة وكالبجار في 25 …"): it is that
// district's.
func (b *builder) otherPlacesDate(a *annotated, d dateExpr, t target) bool {
	if r, ok := bracketPlace(a, d); ok && (t.place == nil || r != t.place.Region) {
		// "Lachin (a southern part in May, 1992, and northern - in April
		// of 1993), region of Kalbajar, … have been occupied": the dates
		// in the bracket after a place are that place's
		return true
	}
	if p, ok := gappedConjunctPlace(a.s.toks, d, a.places); ok && (t.place == nil || p.place.Region != t.place.Region) {
		return true // "…, and on 25 November, the Kalbajar region": that region's day
	}
	if laterCueOwnsDate(a, d, t) {
		return true
	}
	if t.tok < 0 || t.anaphor || d.i >= t.tok || t.tok-d.j > 2 {
		return false
	}
	for _, p := range a.places {
		if p.place != nil && p.place.Region != "" && (t.place == nil || p.place.Region != t.place.Region) && (p.j == d.i || p.j == d.i-1 && isWordAt(a.s.toks, p.j, "في", "on")) {
			return true
		}
	}
	return false
}

// laterCueOwnsDate reports a date right after the places of a second
// control word that a word of time after the target introduces ("the
// occupation of Kalbajar after the occupation of Shusha and Lachin in May
// 1992", "احتلال كالباجار إثر احتلال شوشا ولاشين في مايو 1992"): the date
// is the second word's, not the target's.
func laterCueOwnsDate(a *annotated, d dateExpr, t target) bool {
	ts := a.s.toks
	if t.tok < 0 || t.anaphor || d.i <= t.tok {
		return false
	}
	for _, o := range a.cues {
		if o.i <= t.tok || o.i >= d.i {
			continue
		}
		after := false
		for k := t.tok + 1; k < o.i; k++ {
			if isWordAt(ts, k, "after", "following", "اثر", "بعد", "عقب", "وبعد") {
				after = true
			}
		}
		if !after {
			continue
		}
		for _, p := range a.places {
			if p.i > o.i && p.place != nil && p.place.Region != "" && (t.place == nil || p.place.Region != t.place.Region) &&
				(p.j == d.i || p.j == d.i-1 && isWordAt(ts, p.j, "في", "on", "in")) {
				return true
			}
		}
	}
	return false
}

// gappedConjunctPlace is the district a last conjunct with no verb of its
// own pairs with its fronted date d (", and on 25 November, the Kalbajar
// region"), if d opens one.
func gappedConjunctPlace(ts []token, d dateExpr, places []placeHit) (placeHit, bool) {
	k := d.i
	if isWordAt(ts, k-1, "on", "in") {
		k--
	}
	if !isWordAt(ts, k-1, "and") || k < 2 || !isComma(ts[k-2]) {
		return placeHit{}, false
	}
	m := d.j
	if m < len(ts) && isComma(ts[m]) {
		m++
	}
	if isWordAt(ts, m, "the") {
		m++
	}
	for _, p := range places {
		if p.i == m && p.place != nil && p.place.Region != "" && onlyUnitNounAfter(ts, p.j) {
			return p, true
		}
	}
	return placeHit{}, false
}

// gappedConjunctOf reports place p as the one a gapped last conjunct pairs
// with its fronted date.
func gappedConjunctOf(a *annotated, p placeHit) bool {
	for _, d := range a.dates {
		if q, ok := gappedConjunctPlace(a.s.toks, d, a.places); ok && q.i == p.i {
			return true
		}
	}
	return false
}

// gappedConjunctDate is the date a gapped last conjunct fronts for the
// place at token tok.
func gappedConjunctDate(a *annotated, tok int) (int, bool) {
	for k, d := range a.dates {
		if p, ok := gappedConjunctPlace(a.s.toks, d, a.places); ok && p.i == tok && a.res[k].ok {
			return k, true
		}
	}
	return -1, false
}

// durTokensWithin counts the tokens from i up to j that belong to a
// count of years ("from 28 years of occupation"), which a relative
// clause's own date may stand after.
func durTokensWithin(a *annotated, i, j int) int {
	n := 0
	for _, d := range a.durs {
		n += max(0, min(d.j, j)-max(d.i, i))
	}
	return n
}

// genericPluralSubject reports an English control participle whose
// subject is a plural noun of places with no name of its own ("the cities
// once occupied by Armenia", "lands liberated in the war"): what it tells
// is said of them all, not of the district the sentence is about.
func genericPluralSubject(a *annotated, c cueHit) bool {
	ts := a.s.toks
	if !latinWord(ts[c.i]) {
		return false
	}
	k := c.i - 1
	for k >= 0 && isWordAt(ts, k, "once", "formerly", "previously", "earlier", "long", "recently", "newly", "that", "which", "were", "had", "been", "have") {
		k--
	}
	if !isWordAt(ts, k, "cities", "towns", "villages", "territories", "lands", "areas", "regions", "districts", "settlements") {
		return false
	}
	if m := k - 1; isWordAt(ts, m, "its", "surrounding") || m > 0 && ts[m].kind == tokNum && isWordAt(ts, m-1, "its", "surrounding") {
		return false // "the city and its (surrounding 93) villages": the villages of a place named
	}
	return !placeBefore(a.places, k) && !inPlace(a.places, k)
}

// wholeAppositiveSubject reports a control word whose subject is a noun in
// apposition to a place that is no district, right before it ("In the
// conflict of Nagorno-Karabakh, the Azeri region occupied by neighboring
// Armenia since 1992, …").
func wholeAppositiveSubject(a *annotated, c cueHit) bool {
	ts := a.s.toks
	k := c.i - 1
	for k >= 0 && isWordAt(ts, k, "once", "long", "that", "which", "was", "is", "has", "had", "been") {
		k--
	}
	return k >= 0 && ts[k].kind == tokWord && hasStem(ts[k], anaphorNouns) && appositiveToWhole(ts, a.places, k)
}

func wordCount(ts []token) int {
	n := 0
	for _, t := range ts {
		if t.kind == tokWord {
			n++
		}
	}
	return n
}

// priorOpenerEnd is the comma that closes a phrase opening the sentence
// with what came before its news, when control word c is in it
// ("Following the capture of Shusha, on 9 November the leaders signed",
// "In response to the occupation of Kalbajar, on 6 April the Council
// adopted", "بعد تحرير شوشا، وقع القادة في 10 نوفمبر"): the dates after
// it are the main clause's. -1 when there is none.
func priorOpenerEnd(ts []token, c cueHit) int {
	start := 0
	for start < len(ts) && ts[start].kind != tokWord {
		start++
	}
	if isWordAt(ts, start, "in") && isWordAt(ts, start+1, "response") {
		start++
	}
	if start >= len(ts) || !hasStem(ts[start], priorOpeners) {
		return -1
	}
	if c.i-start > 4 {
		return -1
	}
	for m := c.j; m < len(ts) && m <= c.j+8; m++ {
		if isComma(ts[m]) {
			return m
		}
		if ts[m].kind == tokNum {
			return -1 // "after the capture of X on 9 November,": the phrase has its own date
		}
	}
	return -1
}

// afterVerbalNoun reports a control word that is a verbal noun right
// after "بعد" ("بعد تحرير", "بعد تطهير"): a change told as what came
// before the main clause, which a date of the main clause does not date.
func afterVerbalNoun(ts []token, k int) bool {
	return k > 0 && isWordAt(ts, k-1, "بعد", "وبعد")
}

// beforeVerbalNoun reports control word k governed by "before" ("before
// its withdrawal from Aghdam", "prior to the handover of", "قبل انسحابها",
// "قبل أن تنسحب"): a change told as coming after what the main clause
// tells, so the clause's date is not its day.
func beforeVerbalNoun(ts []token, k int) bool {
	for i, n := k-1, 0; i >= 0 && n < 3; i, n = i-1, n+1 {
		if ts[i].kind != tokWord {
			return false
		}
		if beforeWords[ts[i].norm] {
			return true
		}
		if !isWordAt(ts, i, "the", "its", "their", "of", "to", "ان") && !(latinWord(ts[i]) && actorWords[ts[i].norm] != "") {
			return false // "before Azerbaijan handover": a side's name may stand between
		}
	}
	return false
}

// afterWordBetween reports "after"/"بعد" in the same clause between
// tokens i and j.
func afterWordBetween(a *annotated, i, j int) bool {
	for m := i; m < j && m < len(a.s.toks); m++ {
		if a.clauseOf(m) != a.clauseOf(i) {
			return false
		}
		if isWordAt(a.s.toks, m, "after", "following", "بعد", "عقب") {
			return true
		}
	}
	return false
}

// appositiveDescription finds the district that ends the clause before
// the control word's when that clause opens with a describing noun
// phrase (a determiner or "وهي"/"وهو" and at most four more words before
// the control word).
func appositiveDescription(a *annotated, c cueHit) (target, bool) {
	ts := a.s.toks
	cl := a.clauseOf(c.i)
	start := c.i
	for start > 0 && a.clauseOf(start-1) == cl {
		start--
	}
	for start < c.i && ts[start].kind != tokWord {
		start++
	}
	if start == c.i || c.i-start > 5 || !isWordAt(ts, start, "a", "an", "another", "one", "وهي", "وهو", "هي", "هو") {
		return target{}, false
	}
	comma := start - 1
	for comma >= 0 && ts[comma].kind != tokWord && ts[comma].raw != "," && ts[comma].raw != "،" {
		comma--
	}
	if comma < 1 || (ts[comma].raw != "," && ts[comma].raw != "،") {
		return target{}, false
	}
	for _, p := range a.places {
		if p.j == comma && p.place.Region != "" && !p.place.Partial {
			return target{place: p.place, tok: p.i}, true
		}
	}
	return target{}, false
}

// wholeAreaOnly reports targets that are all areas of no one district
// (Karabakh, the NKR).
// partOfDistrictOnly reports targets that are all a part of a district
// that is no settlement ("the Lachin corridor"): "villages in the Lachin
// corridor, including Lachin, Sus and Zabukh" names its members after.
func partOfDistrictOnly(ts []target) bool {
	for _, t := range ts {
		if t.place == nil || !t.place.Partial || t.place.Settlement {
			return false
		}
	}
	return true
}

func wholeAreaOnly(ts []target) bool {
	for _, t := range ts {
		if t.place == nil || t.place.Region != "" {
			return false
		}
	}
	return true
}

// inclusionList binds the places listed after an inclusion word that
// follows control word c within its sentence ("have fallen …, including
// Gubadli and Jabrayil", "سيطرت على عدة بلدات، بينها …"), when no place
// comes between: the first place right after the word (a kind noun may
// come between), the others joined to it by "and"/"و" or a comma.
func inclusionList(a *annotated, c cueHit, limit int) []target {
	ts := a.s.toks
	for m := c.j; m < limit && m < c.j+14; m++ {
		if !hasStem(ts[m], inclusionWords) && !listOpener(ts, m) {
			continue
		}
		var out []target
		last := m
		for k := range a.places {
			p := &a.places[k]
			if p.i <= m || p.i >= limit {
				continue
			}
			if len(out) == 0 {
				if p.i-m > 4 || !plainPhrase(ts, m+1, p.i) {
					return nil
				}
			} else if p.i-last > 3 || !(p.prefix == "و" || isWordAt(ts, p.i-1, "و", "and") || isComma(ts[p.i-1])) {
				break
			}
			for _, o := range a.cues {
				if o.i == p.j {
					return nil // "including Lachin occupied by …": the place has its own verb
				}
			}
			out = append(out, target{place: p.place, tok: p.i})
			last = p.j
		}
		return out
	}
	return nil
}

// listOpener reports a dash or a colon at m right after a plural noun of
// land ("lost several regions – Fizuli, Jabrayil, …", "the districts:
// …"): the members of the object follow, as after "including".
func listOpener(ts []token, m int) bool {
	if m < 1 || ts[m].kind != tokPunct || !(ts[m].raw == "–" || ts[m].raw == "—" || ts[m].raw == ":" || ts[m].raw == "-" && ts[m].start > ts[m-1].end) {
		return false
	}
	return isWordAt(ts, m-1, "regions", "districts", "territories", "cities", "towns", "settlements", "provinces")
}

// doneByDeadline reports a deadline date ("by November 20, 2020") of a change
// told as done ("was returned … by"), on a page written after it: the
// change happened by then, and the date dates it.
func (b *builder) doneByDeadline(a *annotated, c cueHit, k int) bool {
	r := a.res[k]
	ts := a.s.toks
	// "As of 26 August 2022, Azerbaijan regained control of …": a simple
	// past done by the day the state is told of
	asOf := isWordAt(ts, a.dates[k].i-1, "of") && isWordAt(ts, a.dates[k].i-2, "as") && a.dates[k].j <= c.i &&
		latinWord(ts[c.i]) && (strings.HasSuffix(ts[c.i].norm, "ed") || isWordAt(ts, c.i, "took", "retook", "fell", "lost", "won"))
	if !r.ok || r.c.prec != "day" || !toldAsDone(ts, c) && !asOf {
		return false
	}
	if !isWordAt(ts, a.dates[k].i-1, "by", "until", "before", "بحلول", "لغايه", "حتي", "قبل") && !asOf {
		return false // a signing's day ("the deal made on November 9") is no deadline met
	}
	if !b.hasPub {
		if asOf {
			return true // the page tells the state as of that day: it is no older
		}
		// a page without a date is no older than the latest day it
		// writes (deadlines aside): "In a speech on 1 December 2022 …
		// was returned by November 20, 2020"
		return b.hasLatest && geo.DayOf(r.c.y, r.c.m, r.c.d) <= b.latest
	}
	return r.c.time().Before(b.pub)
}
