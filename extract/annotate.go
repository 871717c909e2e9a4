package extract

import (
	"strings"
	"unicode"
)

// annotated is a sentence with everything found in it.
type annotated struct {
	s       *sentence
	places  []placeHit
	dates   []dateExpr
	res     []resolved // parallel to dates, filled once the publication date is known
	claimed []bool     // dates taken by a duration or a non-event
	// deadline marks dates that are a deadline or a signing day: never
	// the date of a change that happened (a planned one may have them)
	deadline []bool
	// whenAt is, for an "until" date followed by ", when" ("held until
	// November 2020, when the army regained it"), the token of "when":
	// the date is the end of the state before it and the day of the
	// change told after it; -1 otherwise
	whenAt []int
	durs   []durExpr
	cues   []cueHit
	actors []actorHit
	ctx    []ctxHit
	anaph  []int // token indices of anaphoric nouns (المنطقة، the district)
	bound  []int // token index of each place bound to a control word, in order
	// boundBack: places of earlier sentences a control word of this one
	// took through "the city" or a pronoun, with the word's first token,
	// so that a pronoun after it points to the same place
	boundBack []boundBack
	// villages are the data/places settlements named (Place.Village):
	// not targets of a control word, the evidence of a district's
	// proposal (Proposal.Places)
	villages []placeHit
	// warBefore is the year of the war one of the two sentences before
	// named or dated ("Hostilities began on 27 September 2020."): "the
	// war" of this one is that war
	warBefore int
	// daysWar is the year of the ledger's war a sentence names by its
	// length ("the 44-day war"), or 0
	daysWar int
}

// resolved is a date expression placed on the calendar.
type resolved struct {
	c   civil
	how string
	ok  bool
}

// signedByBefore reports a date closing "signed by" and the names of the
// signers ("the statement signed by President Ilham Aliyev, President
// Vladimir Putin and Prime Minister Nikol Pashinyan on November 10, 2020"):
// the day of the signing, however long the list, with no control word in
// it.
func signedByBefore(ts []token, d dateExpr) bool {
	if !isWordAt(ts, d.i-1, "on") {
		return false
	}
	for k := d.i - 2; k >= 1 && k >= d.i-24; k-- {
		if ts[k].kind == tokPunct && !isComma(ts[k]) && ts[k].raw != "'" && ts[k].raw != "’" { // (not "Armenia's")
			return false
		}
		if _, _, _, _, ok := matchPhrase(ts, k, controlIndex); ok {
			return false
		}
		if isWordAt(ts, k, "by") && ts[k-1].kind == tokWord && hasStem(ts[k-1], signingWords) {
			return true
		}
		// "a joint statement … made by the three leaders on Nov. 9": a
		// document's day
		if isWordAt(ts, k, "by") && isWordAt(ts, k-1, "made", "issued", "adopted", "released") && findWithin(ts, max(0, k-9), min(8, k-1), documentNames) >= 0 {
			return true
		}
	}
	return false
}

// annotate runs every finder over one sentence.
func annotate(g *gazetteer, s *sentence) *annotated {
	a := &annotated{s: s}
	ts := s.toks
	a.places, a.villages = splitVillages(namedVillages(ts, dropNamedAfter(ts, dropNotHere(ts, dropDirections(ts, g.findPlaces(ts))))))
	listCommasJoin(s.clause, ts, a.places, a.villages)
	a.dates = parseDates(ts)
	gappedDatesJoin(s.clause, ts, a.dates, a.places, a.villages)
	dateCommasJoin(s.clause, ts, a.dates)
	gappedFrontedJoin(s.clause, ts, a.dates, a.places)
	trailingDateJoin(s.clause, ts, a.dates)
	a.res = make([]resolved, len(a.dates))
	a.claimed = make([]bool, len(a.dates))
	a.deadline = make([]bool, len(a.dates))
	a.whenAt = make([]int, len(a.dates))
	a.durs = parseDurations(ts, a.dates)
	for k, d := range a.dates {
		for _, du := range a.durs {
			if d.i >= du.i && d.i < du.j && !(du.kind == durSince && untilWhen(ts, d) >= 0) {
				// "منذ صيف 1992" dates the earlier change, not the news
				// ("since June 1993, when …" dates the change after "when")
				a.claimed[k] = true
			}
		}
		if findWithin(ts, max(0, d.i-3), min(3, d.i), birthWords) >= 0 {
			// "born in 1999", "من مواليد عام 1992": a person's birth
			a.claimed[k] = true
		}
		if firstTimeSince(ts, d.i) {
			// "for the first time in (since) 1994": the last time before,
			// not the day of the change
			a.claimed[k] = true
		}
		if namesDocument(ts, d) || signedByBefore(ts, d) {
			// "per the November 10 trilateral statement", "اتفاق 10
			// نوفمبر": the date is the document's name, not a change's day
			a.claimed[k] = true
		}
		if labelOpens(ts, d.i) {
			// "date 2023-10-04" opening a line: the page's stamp, which
			// inferPublished reads, not the day of what follows it
			a.claimed[k] = true
		}
	}
	for k, d := range a.dates {
		a.whenAt[k] = untilWhen(ts, d)
		// a deadline ("by 25 August", "بحلول", "لغاية") or the day an
		// agreement was signed is not the date of a change
		if doneBy(ts, d) {
			continue
		}
		if isWordAt(ts, d.i-1, "by", "until", "before", "بحلول", "لغايه", "حتي", "قبل") && !heldUntilDay(ts, d) ||
			isWordAt(ts, d.i-1, "of") && isWordAt(ts, d.i-2, "as") || // "as of November 24": a state by then
			findWithin(ts, max(0, d.i-4), min(4, d.i), signingWords) >= 0 ||
			datedAt(ts, d.i-1) || isWordAt(ts, d.i-1, "في", "on") && datedAt(ts, d.i-2) || // "a note dated 6 April"
			agreementMadeOn(ts, d.i) {
			a.deadline[k] = true
		}
	}
	a.cues = leftAsState(ts, returnNeedsSide(ts, a.places, lostNeedsPlace(ts, a.places, findCues(ts))))
	a.actors = findActors(ts)
	a.ctx = findContext(ts)
	for i, t := range ts {
		if t.kind != tokWord {
			continue
		}
		if (hasStem(t, anaphorNouns) || definiteAfterLam(t, anaphorNouns)) && !inPlace(a.places, i) {
			if isWordAt(ts, i-1, "another", "a", "an", "other") || isWordAt(ts, i+1, "اخري", "اخر") {
				continue // "entered another region": not one named before
			}
			if appositiveToWhole(ts, a.places, i) {
				continue // "Nagorno-Karabakh, the Azeri region occupied …": Karabakh
			}
			// "المنطقة الجبلية" (the mountainous region) is Karabakh, not a district named before
			if i+1 < len(ts) && ts[i+1].kind == tokWord && len(ts[i+1].norm) > 4 && ts[i+1].norm[:4] == "ال" && !inPlace(a.places, i+1) && !hasStem(ts[i+1], relativeWords) {
				continue
			}
			if i > 0 && latinWord(t) && ts[i-1].kind == tokWord && latinWord(ts[i-1]) && unicode.IsUpper(firstRune(ts[i-1].raw)) && !inPlace(a.places, i-1) &&
				!isSentenceStart(ts, i-1) && actorWords[ts[i-1].norm] == "" {
				// "the Garadagh district of the capital": a unit named by a
				// name the gazetteer does not know, not one named before
				// ("the Azerbaijani district" still points back)
				continue
			}
			a.anaph = append(a.anaph, i)
		}
	}
	return a
}

type boundBack struct {
	at    int
	place *Place
}

func inPlace(ps []placeHit, k int) bool {
	for _, p := range ps {
		if k >= p.i && k < p.j {
			return true
		}
	}
	return false
}

// clauseOf returns the clause number of token k.
func (a *annotated) clauseOf(k int) int {
	if k < 0 {
		return -1
	}
	if k >= len(a.s.clause) {
		return a.s.clause[len(a.s.clause)-1]
	}
	return a.s.clause[k]
}

// dateClause is the clause date k belongs to. A date fronted in the first
// clause, on its own ("وفي الخامس من الشهر، بدأ الهجوم …", "On 27 September, the
// army launched …") dates the clause after it: the comma closes an
// adverbial, not a statement.
func (a *annotated) dateClause(k int) int {
	d := a.dates[k]
	cl := a.clauseOf(d.i)
	words := 0
	for m, t := range a.s.toks {
		if a.s.clause[m] != cl || (m >= d.i && m < d.j) || t.kind == tokPunct {
			continue
		}
		words++
	}
	if words > 1 {
		return cl
	}
	if cl != a.s.clause[0] {
		// a date set off by commas later in the sentence ("احتلت …، عام
		// 1993، حيث …", "… الهدنة التي تمت …، في 9 أكتوبر، …") is the
		// clause's before it
		for m := d.i - 1; m >= 0; m-- {
			if a.s.clause[m] != cl {
				return a.s.clause[m]
			}
		}
		return cl
	}
	for m := d.j; m < len(a.s.toks); m++ {
		if a.s.clause[m] != cl {
			return a.s.clause[m]
		}
	}
	return cl
}

// districts returns the places of the sentence that are districts
// (whole or partial).
func (a *annotated) districts() []placeHit {
	var out []placeHit
	for _, p := range a.places {
		if p.place.Region != "" {
			out = append(out, p)
		}
	}
	return out
}

// evidence is the whole sentence as evidence.
func (a *annotated) evidence(runes []rune) Evidence {
	st, en := a.s.start, a.s.end
	if en > len(runes) {
		en = len(runes)
	}
	if st > en {
		st = en
	}
	return Evidence{Start: st, End: en, Quote: string(runes[st:en])}
}

// dropDirections leaves out a place named as a direction of the front
// ("in the direction of the Agdere district", "على محور أغدام",
// "باتجاه شوشا"): the fighting went towards it, it was not taken.
//
// English puts the modifier first: names before a direction noun ("the
// Fizuli, Jabrayil and Gubadli directions of the front", "on the Agdam
// direction") are fronts too. A list of names (commas, "and", "the",
// district nouns between them) is read forward to the first other word.
func dropDirections(ts []token, ps []placeHit) []placeHit {
	inPlace := make(map[int]int, len(ps)) // first token of a place -> its end
	for _, p := range ps {
		inPlace[p.i] = p.j
	}
	out := ps[:0]
	for _, p := range ps {
		dir := directionAfter(ts, p, inPlace)
		for k := p.i - 1; k >= 0 && k >= p.i-3; k-- {
			if ts[k].kind != tokWord {
				break
			}
			if hasStem(ts[k], directionWords) {
				dir = true
				break
			}
		}
		if !dir {
			out = append(out, p)
		}
	}
	return out
}

// appositiveToWhole reports an anaphoric noun at i in apposition to a
// place that is no district, a comma before it ("In the conflict of
// Nagorno-Karabakh, the Azeri region occupied …"): it names that place
// again, not a district named before.
func appositiveToWhole(ts []token, places []placeHit, i int) bool {
	k := i - 1
	for n := 0; n < 2 && k >= 0 && ts[k].kind == tokWord && latinWord(ts[k]); n++ {
		k-- // "the", "the Azeri"
	}
	if k < 1 || !isComma(ts[k]) {
		return false
	}
	for _, p := range places {
		if p.j == k {
			return p.place != nil && p.place.Region == ""
		}
	}
	return false
}

// leftAsState drops "left" in the passive with no agent ("the only
// building which was left intact in Aghdam", "were left behind"): what
// remained, not a side that withdrew ("was left by the Armenian forces"
// is kept); and a control noun after "this" ("this invasion", "this
// liberation"), a change the text told before, whose side the retelling
// may not name.
func leftAsState(ts []token, cues []cueHit) []cueHit {
	out := cues[:0]
	for _, c := range cues {
		if isWordAt(ts, c.i, "left") && c.j-c.i == 1 && isWordAt(ts, c.i-1, "was", "were", "is", "are", "been", "be") && !isWordAt(ts, c.j, "by") {
			continue
		}
		if isWordAt(ts, c.i-1, "this", "these") && latinWord(ts[c.i]) && nounForm(ts[c.i].norm) {
			continue // "But this invasion into the village …": the change told before, retold
		}
		out = append(out, c)
	}
	return out
}

// dropNotHere drops names that are not the gazetteer's place where they
// stand: a village the text places in a district that is none of ours ("the
// Ahmadbeyli village in the Ganja district", a namesake elsewhere in
// Azerbaijan), "Gabriel" before a surname, and a place measured from ("7 km
// away from Stepanakert").
func dropNotHere(ts []token, ps []placeHit) []placeHit {
	named := map[int]bool{}
	for _, p := range ps {
		for k := p.i; k < p.j; k++ {
			named[k] = true
		}
	}
	out := ps[:0]
	for _, p := range ps {
		if p.place.Village && !p.place.Settlement && foreignDistrictAfter(ts, p.j, named) {
			continue
		}
		if p.j == p.i+1 && ts[p.i].norm == "gabriel" && isLatinWordAt(ts, p.j) && !startsLower(ts[p.j].raw) && !kindNounAt(ts, p.j) {
			continue // "Gabriel Moyssen", a byline: a man's name, not Jabrayil's
		}
		if distanceFrom(ts, p.i) {
			continue // "7 km away from Stepanakert": a point to measure from
		}
		out = append(out, p)
	}
	return out
}

// distanceFrom reports a place measured from ("located 7 km away from
// Stepanakert", "على بعد 15 كيلومترا من ستيباناكيرت"): "from" right before
// it, a unit of distance at most three words before that.
func distanceFrom(ts []token, i int) bool {
	if !isWordAt(ts, i-1, "from", "من") {
		return false
	}
	return findWithin(ts, max(0, i-4), i-1-max(0, i-4), distanceUnits) >= 0
}

// foreignDistrictAfter reports "[village] in/of the Ganja district" from
// token k: one or two capitalised words that name no place of ours before
// a district's noun.
func foreignDistrictAfter(ts []token, k int, named map[int]bool) bool {
	if isLatinWordAt(ts, k) && hasStem(ts[k], villageWords) {
		k++
	}
	if !isWordAt(ts, k, "in", "of") {
		return false
	}
	k++
	if isWordAt(ts, k, "the") {
		k++
	}
	n := 0
	for ; n < 2 && k+n < len(ts) && isLatinWordAt(ts, k+n) && !startsLower(ts[k+n].raw); n++ {
		if named[k+n] {
			return false
		}
	}
	return n > 0 && isWordAt(ts, k+n, "district", "region", "rayon")
}

// dropNamedAfter drops a place set apart by "except" ("(except Shusha
// district)", "باستثناء شوشا"), and a place that is not one district when
// it names a war, a conflict or a former state ("during the Karabakh War", "the
// Nagorno-Karabakh conflict", "حرب قره باغ", "خانية قره باغ"): such a name
// is no place a change happened in, and taking it for one hides the
// district the sentence names or breaks the thread of "the city".
func dropNamedAfter(ts []token, ps []placeHit) []placeHit {
	head := func(k int) bool {
		return k >= 0 && k < len(ts) && ts[k].kind == tokWord && (hasStem(ts[k], warNames) || hasStem(ts[k], polityNames) ||
			isWordAt(ts, k, "ceasefire", "truce", "peace") && findWithin(ts, k+1, 2, agreementWords) >= 0) // "the 2020 Nagorno-Karabakh ceasefire agreement"
	}
	out := ps[:0]
	for _, p := range ps {
		named := p.place.Region == "" && (latinWord(ts[p.i]) && head(p.j) || !latinWord(ts[p.i]) && head(p.i-1) ||
			karabakhForces(ts, p.j-1) || forcesOfKarabakh(ts, p)) // "the Karabakh army", "forces of Nagorno Karabakh": a side, not a place
		// "the Khojaly genocide", "مجزرة خوجالي": an atrocity named by its
		// place, not the place
		atrocity := func(k int) bool {
			return k >= 0 && k < len(ts) && ts[k].kind == tokWord && hasStem(ts[k], atrocityNames)
		}
		named = named || latinWord(ts[p.i]) && atrocity(p.j) || !latinWord(ts[p.i]) && atrocity(p.i-1)
		// "(except Shusha district)", "باستثناء شوشا": set apart from
		// what the sentence tells
		k := p.i - 1
		if kindNounAt(ts, k) {
			k-- // "باستثناء منطقة شوشا"
		}
		except := k >= 0 && ts[k].kind == tokWord && hasStem(ts[k], exclusionWords) ||
			k > 0 && isWordAt(ts, k, "from") && isWordAt(ts, k-1, "apart")
		if !named && !except {
			out = append(out, p)
		}
	}
	return out
}

// directionAfter reports an English place list ending in a direction noun
// ("the Fizuli, Jabrayil, and Gubadli directions of the front").
func directionAfter(ts []token, p placeHit, inPlace map[int]int) bool {
	if !latinWord(ts[p.i]) {
		return false // Arabic puts the head noun first: "محور فضولي"
	}
	for k, n := p.j, 0; k < len(ts) && n < 16; n++ {
		t := ts[k]
		switch {
		case t.nl > 0:
			return false
		case inPlace[k] > k:
			k = inPlace[k]
			continue
		case t.kind == tokPunct && (t.raw == "," || t.raw == "-"):
		case isWordAt(ts, k, "and", "the") || t.kind == tokWord && hasStem(t, anaphorNouns):
		case t.kind == tokWord && hasStem(t, directionWords):
			return true
		default:
			return false
		}
		k++
	}
	return false
}

// latinWord reports a word written in Latin letters.
func latinWord(t token) bool {
	return t.kind == tokWord && t.raw != "" && t.raw[0] < 0x80
}

// ctxIn reports a non-event phrase (a flag raised, a ceasefire, a
// meeting) in clause cl.
func (a *annotated) ctxIn(cl int) bool {
	for _, x := range a.ctx {
		if a.clauseOf(x.i) == cl {
			return true
		}
	}
	return false
}

// doneBy reports a "by" date that tells when something was done, not a
// deadline: a full day followed by a past perfect ("By 3 April the forces
// had taken the district", "بحلول … كانت القوات قد سيطرت"). A month ("by
// November 2020 … had freed") is only a bound: it stays undated.
func doneBy(ts []token, d dateExpr) bool {
	if d.day == 0 || d.rel != relNone || !isWordAt(ts, d.i-1, "by", "بحلول") {
		return false
	}
	for k := d.j; k < len(ts) && k < d.j+8; k++ {
		if isWordAt(ts, k, "had") || isWordAt(ts, k, "قد") && isWordAt(ts, k-1, "كانت", "كان", "وكانت", "وكان") {
			return true
		}
	}
	return false
}

// firstTimeSince reports a date after "the first time in" or "the first
// time since" ("لأول مرة منذ"), which names when something last
// happened, not when the change told did.
func firstTimeSince(ts []token, i int) bool {
	k := i - 1
	if isWordAt(ts, k, "in", "since", "منذ") {
		k--
	}
	if isWordAt(ts, k, "عام", "year") {
		k--
	}
	return isWordAt(ts, k, "time") && isWordAt(ts, k-1, "first") || isWordAt(ts, k, "مره") && isWordAt(ts, k-1, "لاول") ||
		isWordAt(ts, i-1, "منذ") && isWordAt(ts, i-3, "لاول") && isWordAt(ts, i-2, "مره")
}

// agreementMadeOn reports the day of an agreement told by a participle
// of making it ("the deal made on November 9", "the agreement reached on
// 10 November"): the signing's day, not a change's.
func agreementMadeOn(ts []token, i int) bool {
	return isWordAt(ts, i-1, "on") && isWordAt(ts, i-2, "made", "reached", "struck") && i >= 3 && hasStem(ts[i-3], agreementWords)
}

// untilWhen returns the token of "when" after an "until" date ("until
// November 2020, when …", "حتى نوفمبر 2020 حين …"), -1 when there is none.
//
// A day set off by a comma before "when" dates the clause after it too
// ("We left on July 23 [1993], when Aghdam was occupied"): the day is
// the one the when-clause happened on.
func untilWhen(ts []token, d dateExpr) int {
	// (the same for "since": "a ghost town since June 1993, when Armenian
	// forces took it" dates the change after "when")
	until := isWordAt(ts, d.i-1, "until", "حتي", "since", "منذ")
	k := d.j
	comma := k < len(ts) && isComma(ts[k])
	if comma {
		k++
	}
	if !isWordAt(ts, k, "when", "حين", "عندما", "حينما") || !until && (!comma || d.day == 0) {
		return -1
	}
	return k
}

// listCommasJoin keeps a list of places in one clause: a comma between two
// place names ("Fuzuli, Jabrayil and Zangilan", "فضولي، جبرائيل") separates
// the list's items, it opens no clause, so the clauses after it move back
// by one.
func listCommasJoin(clause []int, ts []token, lists ...[]placeHit) {
	ends, starts := map[int]bool{}, map[int]bool{}
	for _, hs := range lists {
		for _, h := range hs {
			ends[h.j] = true
			starts[h.i] = true
		}
	}
	for i := 1; i+1 < len(ts) && i < len(clause); i++ {
		if isComma(ts[i]) && ends[i] && starts[i+1] && clause[i+1] != clause[i-1] {
			joinClauseAt(clause, i)
		}
	}
}

// joinClauseAt keeps the clause after the comma at token i in the clause
// before it: the clauses after it move back by one.
func joinClauseAt(clause []int, i int) {
	for k := i + 1; k < len(clause); k++ {
		clause[k]--
	}
}

// namesDocument reports a date used as the name of an agreement or a
// statement: after "the" and before the document's noun with at most one
// word between ("the 10 November trilateral statement"), or right after
// the noun with no preposition ("اتفاق 10 نوفمبر", "statement of 10
// November" reads the same).
func namesDocument(ts []token, d dateExpr) bool {
	if d.rel != relNone {
		return false
	}
	if isWordAt(ts, d.i-1, "the") {
		for k := d.j; k < len(ts) && k <= d.j+1; k++ {
			if ts[k].kind != tokWord {
				break
			}
			if hasStem(ts[k], documentNames) {
				return true
			}
		}
	}
	if d.i > 0 && ts[d.i-1].kind == tokWord && hasStem(ts[d.i-1], documentNames) {
		return true
	}
	return isWordAt(ts, d.i-1, "of", "from") && d.i > 1 && ts[d.i-2].kind == tokWord && hasStem(ts[d.i-2], documentNames)
}

// thenAt is the index of "then"/"ثم" right before the place at k, or
// before a preposition before it ("ثم على زنكيلان"); -1 if none.
func thenAt(ts []token, k int) int {
	if isWordAt(ts, k-1, "علي", "الي", "to") {
		k--
	}
	if isWordAt(ts, k-1, "ثم", "then") {
		return k - 1
	}
	return -1
}

// gappedDatesJoin keeps in one clause a list whose entries each pair a
// place with its own date and share the verb told once ("Jabrayil was
// liberated on 4 October, Fuzuli on 17 October and Shusha on 8
// November"): a comma right after a date, followed by a place and, within
// three words of its end, another date.
func gappedDatesJoin(clause []int, ts []token, dates []dateExpr, lists ...[]placeHit) {
	dateEnds, dateStarts := map[int]bool{}, map[int]bool{}
	startOf := map[int]int{}
	for _, d := range dates {
		dateEnds[d.j] = true
		dateStarts[d.i] = true
		startOf[d.j] = d.i
	}
	placeEnds := map[int]bool{}
	for _, hs := range lists {
		for _, h := range hs {
			placeEnds[h.j] = true
		}
	}
	for i := 1; i+1 < len(ts) && i < len(clause); i++ {
		if !isComma(ts[i]) || !dateEnds[i] || clause[i+1] == clause[i-1] {
			continue
		}
		gapped := false
		for _, hs := range lists {
			for _, h := range hs {
				if h.i != i+1 && thenAt(ts, h.i) != i+1 {
					continue // "…, Fuzuli on 17 October", "…، ثم زنكيلان في أكتوبر 1993"
				}
				for k := h.j; k <= h.j+3 && k < len(ts); k++ {
					gapped = gapped || dateStarts[k]
				}
			}
		}
		if gapped {
			joinClauseAt(clause, i)
			// "على لاشين، في مايو 1992، ثم …": the first place's date set
			// off by commas too
			k := startOf[i] - 1
			if isWordAt(ts, k, "في", "in", "on") {
				k--
			}
			if k > 0 && isComma(ts[k]) && placeEnds[k] && clause[k+1] != clause[k-1] {
				joinClauseAt(clause, k)
			}
		}
	}
}

// dateCommasJoin keeps a date inside a clause in that clause: the comma
// between its day and year ("handed over on November 20, 2020, and …")
// opens none. A date that opens the sentence keeps its clauses, which
// dateClause reads.
func dateCommasJoin(clause []int, ts []token, dates []dateExpr) {
	for _, d := range dates {
		if isSentenceStart(ts, d.i) || isSentenceStart(ts, d.i-1) {
			continue
		}
		for i := d.i + 1; i < d.j-1 && i < len(clause)-1; i++ {
			if isComma(ts[i]) && clause[i+1] != clause[i-1] {
				joinClauseAt(clause, i)
			}
		}
	}
}

// heldUntilDay reports a date after "until" that ends a hold the words
// before it tell ("the occupation lasted until November 20, 2020",
// "remained occupied until 1 December"): the day the hold ended, no
// deadline.
func heldUntilDay(ts []token, d dateExpr) bool {
	if !isWordAt(ts, d.i-1, "until") {
		return false
	}
	return isWordAt(ts, d.i-2, "lasted", "continued", "occupied") || isWordAt(ts, d.i-2, "occupation") && isWordAt(ts, d.i-3, "under", "armenian")
}

// trailingDateJoin keeps a day set off by a comma after its clause in that
// clause ("came under the control of Armenian forces during the First
// Nagorno-Karabakh War, on October 2, 1992, and later …"): a clause of a
// preposition and a full date alone is the clause before's date, not a
// clause of its own. A date followed by more than a comma or the
// sentence's end ("…, on 2 October 1992 the town fell") opens its clause.
func trailingDateJoin(clause []int, ts []token, dates []dateExpr) {
	for _, d := range dates {
		if d.rel != relNone || d.year == 0 || d.i < 3 || d.j > len(clause) || !isWordAt(ts, d.i-1, "on", "in", "في") {
			continue
		}
		c := d.i - 2
		if !isComma(ts[c]) || clause[c+1] == clause[c-1] || isSentenceStart(ts, c) {
			continue
		}
		if d.j < len(ts) && ts[d.j].kind != tokPunct {
			continue
		}
		if d.j < len(ts) && isComma(ts[d.j]) && d.j+1 < len(ts) && !isWordAt(ts, d.j+1, "and", "then", "و", "ثم") && !strings.HasPrefix(ts[d.j+1].norm, "و") {
			continue // ", on 2 October 1992, the town fell": fronted for what follows
		}
		joinClauseAt(clause, c)
	}
}

// gappedFrontedJoin keeps a last conjunct that fronts its own date and
// names only a place, its verb told once before ("Aghdam was handed over
// on 20 November, and on 25 November, the Kalbajar region"), in one
// clause: the comma after its date opens no clause of its own.
func gappedFrontedJoin(clause []int, ts []token, dates []dateExpr, places []placeHit) {
	for _, d := range dates {
		if _, ok := gappedConjunctPlace(ts, d, places); ok && d.j < len(ts) && d.j < len(clause)-1 && isComma(ts[d.j]) && clause[d.j+1] != clause[d.j-1] {
			joinClauseAt(clause, d.j)
		}
	}
}

// onlyUnitNounAfter reports that from token k to the sentence's end there
// is at most the unit's noun ("region", "district") and punctuation.
func onlyUnitNounAfter(ts []token, k int) bool {
	words := 0
	for ; k < len(ts); k++ {
		if ts[k].kind == tokPunct {
			continue
		}
		if words > 0 || ts[k].kind != tokWord || !hasStem(ts[k], anaphorNouns) {
			return false
		}
		words++
	}
	return true
}

// isSentenceStart reports token k as the first word of its sentence (its
// capital letter is the sentence's, not a name's).
func isSentenceStart(ts []token, k int) bool {
	for m := k - 1; m >= 0; m-- {
		if ts[m].kind == tokWord || ts[m].kind == tokNum {
			return false
		}
	}
	return true
}
