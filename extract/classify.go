package extract

import (
	"strings"
	"unicode"
)

// cueHit is a control-change word or phrase in tokens [i, j).
type cueHit struct {
	i, j    int
	cls     cueClass
	pronoun bool   // an object pronoun was attached: the place was named before
	prefix  string // clitic on the first word ("ل" in "لتحرير")
	become  bool   // a verb of becoming before "under … control"
}

// actorHit is a mention of a side.
type actorHit struct {
	i     int
	actor string
	to    bool // preceded by a "to" preposition (لباكو، إلى أذربيجان, to Azerbaijan)
	// obj: governed by "with", "from" or "against" ("على الحدود مع
	// أرمينيا", "from Armenian forces"): never the one who acted
	obj bool
	// holder: named in an adjective of possession ("Armenian-held"):
	// the side that held the place
	holder bool
}

// ctxHit is a non-event phrase.
type ctxHit struct {
	i, j int
	typ  string
}

// phraseIndex holds multi-word patterns by their first word.
type phraseIndex map[string][][]string

func buildIndex[V any](m map[string]V) phraseIndex {
	idx := phraseIndex{}
	for k := range m {
		ws := strings.Fields(k)
		idx[ws[0]] = append(idx[ws[0]], ws)
	}
	// longest first so "نزع السلاح" wins over "نزع"
	for _, list := range idx {
		for a := 1; a < len(list); a++ {
			for b := a; b > 0 && len(list[b]) > len(list[b-1]); b-- {
				list[b], list[b-1] = list[b-1], list[b]
			}
		}
	}
	return idx
}

// The phrase indexes, built with the lexicon (bindWordLists).
var controlIndex, contextIndex phraseIndex

// matchPhrase tries the patterns of idx at token i (first word with or
// without a clitic; hyphens between Latin words are skipped). It returns
// the pattern key, the end index, the clitic removed and whether an object
// pronoun was removed from a one-word match.
func matchPhrase(ts []token, i int, idx phraseIndex) (key string, end int, prefix string, pronoun bool, ok bool) {
	if i < 0 || i >= len(ts) || ts[i].kind != tokWord {
		return "", i, "", false, false
	}
	st, pre := append([]string(nil), ts[i].stems...), append([]string(nil), ts[i].pre...)
	// the Arabic future prefix س on a verb (ستسلم، سيدخل): try the verb
	for n := range st {
		w := st[n]
		if strings.HasPrefix(w, "س") && runeLen(w) > 3 {
			if r := firstRune(w[len("س"):]); r == 'ي' || r == 'ت' || r == 'ن' {
				st = append(st, w[len("س"):])
				pre = append(pre, pre[n]+"س")
			}
		}
	}
	try := func(first string, p string, pron bool) bool {
		for _, pat := range idx[first] {
			k := i + 1
			matched := true
			for _, w := range pat[1:] {
				if k < len(ts) && ts[k].raw == "-" {
					k++
				}
				if k >= len(ts) || ts[k].kind != tokWord || ts[k].norm != w {
					matched = false
					break
				}
				k++
			}
			if matched {
				key, end, prefix, pronoun, ok = strings.Join(pat, " "), k, p, pron, true
				return true
			}
		}
		return false
	}
	for n, s := range st {
		if try(s, pre[n], false) {
			return
		}
	}
	taaMarbuta := strings.HasSuffix(ts[i].raw, "ة")
	for n, s := range st {
		if bare, cut := stripPronoun(s); cut && isArabicLetter(firstRune(s)) && !(taaMarbuta && !strings.HasSuffix(s, "ها") && !strings.HasSuffix(s, "هم")) {
			if try(bare, pre[n], true) {
				return
			}
			// a noun in taa marbuta writes it ت before the pronoun:
			// "خسارتها" is خسارة + ها ("its loss"); only for a loss, as
			// the other nouns' forms ("مغادرتها", its leaving) are more
			// often said of residents than of forces
			if t, cutT := strings.CutSuffix(bare, "ت"); cutT && runeLen(t) >= 3 && controlPatterns[t+"ه"] == cueLose && try(t+"ه", pre[n], true) {
				return
			}
		}
	}
	return "", i, "", false, false
}

// findCues lists the control-change words of a sentence.
func findCues(ts []token) []cueHit {
	var out []cueHit
	for i := 0; i < len(ts); i++ {
		key, end, pre, pron, ok := matchPhrase(ts, i, controlIndex)
		if !ok {
			key, end, ok = subjectBetween(ts, i)
		}
		if !ok {
			key, ok = splitPhrasal(ts, i)
			end = i + 1
		}
		if !ok {
			continue
		}
		h := cueHit{i: i, j: end, cls: controlPatterns[key], pronoun: pron, prefix: pre}
		if (h.cls == cueControl || h.cls == cueOccupy) && underRightBefore(ts, i) {
			h.cls = cueHeld // "تحت سيطرتهم", "under their control", "تحت الاحتلال": a state
		}
		if h.cls == cueOccupy && latinWord(ts[i]) && i > 1 && hasStem(ts[i-2], underWords) && actorWords[ts[i-1].norm] != "" {
			h.cls = cueHeld // "under Azerbaijani occupation": a state, the side's adjective between
		}
		if h.cls == cueOccupy && occupationLeaving(ts, i) {
			i = end - 1 // "جلاء الاحتلال عنها", "the withdrawal of the occupation": the occupier leaving, told by the other word
			continue
		}
		if h.cls == cueOccupy && occupationEnded(ts, i, end) {
			h.cls = cueLiberate // "the occupation of nine villages … was ended on 4 October"
		}
		if h.cls == cueOccupy && fromOccupation(ts, i) {
			i = end - 1 // "حرر من الاحتلال", "liberated from occupation": a state left, told with the other verb
			continue
		}
		if h.cls == cueOccupy && occupiedAdjective(ts, i, end) || participleAdjective(ts, i, end) {
			i = end - 1 // "the occupied city", "the newly liberated town": a state, not an event
			continue
		}
		if unreportedGerund(ts, i, end) {
			i = end - 1 // "after capturing X", "Capturing X would …": not the news
			continue
		}
		if nominalActor(ts, i, end) || awardName(ts, i) || policyOf(ts, i) {
			i = end - 1 // "قوات الاحتلال", "occupation forces", a medal "for the liberation of X": a name, not an event
			continue
		}
		if h.cls == cueLiberate && countryObject(ts, end) {
			i = end - 1 // "اليوم الوطني لتحرير أذربيجان،", "the liberation of Azerbaijan.": a country, no district
			continue
		}
		if key == "falls" && end < len(ts) && ts[end].kind == tokWord && !isWordAt(ts, end, "to") {
			continue // "falls within the district", "falls under": a place's lie; "Lachin falls" as a headline, or "falls to", is a change
		}
		if leftRemaining(ts, i) {
			continue // "a roof left", "nothing left of": what remains, not forces leaving
		}
		if notGroundObject(ts, end) {
			i = end - 1 // "regained its independent status": not ground changing hands
			continue
		}
		if h.cls == cueLiberate && (i > 0 && symbolHeads[ts[i-1].norm] || i > 1 && isWordAt(ts, i-1, "of") && symbolHeads[ts[i-2].norm]) {
			i = end - 1 // "شوشة.. رمز التحرير", "a symbol of liberation": an idea, not an event
			continue
		}
		if h.cls == cueLiberate && i > 0 && editingHeads[ts[i-1].norm] && strings.HasSuffix(ts[i].norm, "تحرير") {
			// (the head of "مكتب تحرير" has no article: "الرئيس تحرير
			// فضولي" is the president and the liberation)
			i = end - 1 // "مكتب تحرير الجريدة", "رئيس التحرير": editing, not liberation
			continue
		}
		if h.cls == cueFall && fallenThing(ts, i, end) {
			i = end - 1 // dead, a plane or a shell fell: not a town falling
			continue
		}
		if (h.cls == cueEnter || h.cls == cueWithdraw || h.cls == cueRetake && isWordAt(ts, i, "return", "returned")) && civilianMover(ts, i, end) {
			i = end - 1 // "reporters left for the front", "عاد النازحون"…: people moving, not forces
			continue
		}
		if h.cls == cueEnter && figurativeEntry(ts, end) {
			i = end - 1 // "entered history", "entered into force", "entered its second week"
			continue
		}
		// "منها"/"عليها"/"عنها" right after the word also points back
		// "منها"/"عليها"/"عنها" soon after the word also points back
		// ("خروج الجنود منها", "pulled out of it")
		if isWordAt(ts, end, "it", "them") || isWordAt(ts, end, "of") && isWordAt(ts, end+1, "it", "them") {
			h.pronoun = true // English object pronoun: the place was named before
		}
		for k := end; k < len(ts) && k < end+3 && !h.pronoun; k++ {
			if isWordAt(ts, k, "منها", "عليها", "عنها", "فيها", "منهم", "اليها") {
				h.pronoun = true
			}
			if ts[k].kind != tokWord {
				break
			}
		}
		out = append(out, h)
		i = end - 1
	}
	out = becameUnder(ts, out)
	// "X is completely out of our control", "out of the Armenian side's
	// control": a loss told by its state, the possessor the side that lost
	for i := 0; i+2 < len(ts); i++ {
		if !isWordAt(ts, i, "out") || !isWordAt(ts, i+1, "of") {
			continue
		}
		for k := i + 2; k < len(ts) && k <= i+7; k++ {
			if ts[k].kind != tokWord && !isApostrophe(ts[k]) {
				break
			}
			if isWordAt(ts, k, "control") {
				out = append(out, cueHit{i: i, j: k + 1, cls: cueLose})
				break
			}
		}
	}
	// "تخلي المجموعات … عن سلاحها": giving up arms
	for i := 0; i < len(ts); i++ {
		if isWordAt(ts, i, "تخلي", "وتخلي", "بتخلي") {
			for k := i + 1; k < len(ts) && k <= i+6; k++ {
				if isWordAt(ts, k, "عن") && k+1 < len(ts) && strings.HasPrefix(ts[k+1].norm, "سلاح") {
					out = append(out, cueHit{i: i, j: k + 2, cls: cueSurrender})
					break
				}
			}
		}
	}
	return out
}

// alternativeTo reports a control word at i told as the alternative not
// taken: an alternative word and its connector ("rather than", "instead
// of", "بدلا من") right before it, or with "to" between.
func alternativeTo(ts []token, i int) bool {
	for k := i - 3; k <= i-2; k++ {
		if k >= 0 && hasStem(ts[k], altWords) && isWordAt(ts, k+1, "than", "of", "من", "عن") && (k+2 == i || isWordAt(ts, k+2, "to")) {
			return true
		}
	}
	return false
}

// civilianReach is how many words before an English verb its subject's
// head noun may stand.
const civilianReach = 8

// civilianMover reports an entering or leaving word whose subject is
// civilians, reporters or a delegation (lexicon list "civilian_movers"):
// the word before it (English order, with "the" or a count between) or
// right after it (Arabic puts the verb first).
func civilianMover(ts []token, i, end int) bool {
	k := i - 1
	for k >= 0 && (isWordAt(ts, k, "the", "of", "a") || ts[k].kind == tokNum) {
		k--
	}
	if k >= 0 && ts[k].kind == tokWord && hasStem(ts[k], civilMovers) {
		return true
	}
	if isWordAt(ts, i, "left") && k == i-1 && k >= 0 && ts[k].kind == tokWord && hasStem(ts[k], personalPron) {
		return true // "when we left Jabrayil": people leaving home, not forces
	}
	// an English subject set off before its past verb: "the residents
	// of Khankendi left", "Khankendi's residents too, fearful of
	// persecution, left"; forces or a side named between are the subject
	// (a noun, "residents marked … the return of X", has none)
	if latinWord(ts[i]) && (strings.HasSuffix(ts[i].norm, "ed") || isWordAt(ts, i, "left", "fled")) {
		for k := i - 1; k >= 0 && k >= i-civilianReach; k-- {
			if ts[k].kind != tokWord {
				continue
			}
			if actorWords[ts[k].norm] != "" || hasStem(ts[k], actorHeads) {
				break
			}
			if hasStem(ts[k], civilMovers) {
				return true
			}
		}
	}
	// right after it, past a word or two ("the return of former IDPs",
	// "دخول الصحفيين")
	for m := end; m < len(ts) && m < end+3 && ts[m].kind == tokWord; m++ {
		if hasStem(ts[m], civilMovers) {
			return true
		}
	}
	return false
}

// controlWordAfter reports a control word from token k on.
func controlWordAfter(ts []token, k int) bool {
	for m := k; m < len(ts); m++ {
		if _, _, _, _, ok := matchPhrase(ts, m, controlIndex); ok {
			return true
		}
	}
	return false
}

// nounForm reports an English control noun ("liberation", "withdrawal",
// "handover"), which after "to" is no infinitive ("dedicated to the
// liberation of").
func nounForm(w string) bool {
	return strings.HasSuffix(w, "ion") || strings.HasSuffix(w, "al") || w == "handover"
}

// phrasalParticles are the English particles a two-word control verb of
// the lexicon may leave after its object ("handed Kalbajar over").
var phrasalParticles = map[string]bool{"over": true, "back": true, "up": true, "out": true}

// splitPhrasal matches a two-word control verb of the lexicon whose
// particle comes after a short object ("handed the district over to",
// "gave Aghdam up", "took the town back"): the lexicon key and whether it
// matched. The object names ground (a capitalised name, "it", "them", a
// land noun, not "handed a letter over") and is at most six words with no
// punctuation but an apostrophe, so a particle of another clause is not
// read as the verb's.
func splitPhrasal(ts []token, i int) (string, bool) {
	if ts[i].kind != tokWord {
		return "", false
	}
	for _, pat := range controlIndex[ts[i].norm] {
		if len(pat) != 2 || !phrasalParticles[pat[1]] {
			continue
		}
		ground := false
		for k := i + 1; k < len(ts) && k <= i+7; k++ {
			if ts[k].kind != tokWord && !isApostrophe(ts[k]) {
				break
			}
			if k > i+1 && ts[k].norm == pat[1] && ground {
				return strings.Join(pat, " "), true
			}
			// the object names ground: a proper name, a pronoun or a
			// land noun, not "handed a letter over"
			ground = ground || unicode.IsUpper(firstRune(ts[k].raw)) || isWordAt(ts, k, "it", "them") || hasStem(ts[k], landNouns)
		}
	}
	return "", false
}

// subjectBetween reads an Arabic verb and its noun with the subject
// between them, as the verb-first order puts it ("فقدت القوات الأرمنية
// السيطرة على …", "أحكم الجيش السيطرة"): one to four words, the first a
// force or a side. The cue spans the subject, so that the side named
// there is the one nearest to it.
func subjectBetween(ts []token, i int) (string, int, bool) {
	if ts[i].kind != tokWord || i+1 >= len(ts) || ts[i+1].kind != tokWord || !(hasStem(ts[i+1], actorHeads) || actorWords[ts[i+1].norm] != "") {
		return "", 0, false
	}
	for _, pat := range controlIndex[ts[i].norm] {
		if len(pat) != 2 || !isArabicLetter(firstRune(pat[1])) {
			continue
		}
		for k := i + 2; k < len(ts) && k <= i+5 && ts[k].kind == tokWord; k++ {
			if ts[k].norm == pat[1] {
				return strings.Join(pat, " "), k + 1, true
			}
		}
	}
	return "", 0, false
}

// findActors lists the mentions of the sides.
func findActors(ts []token) []actorHit {
	var out []actorHit
	for i, t := range ts {
		if t.kind != tokWord {
			continue
		}
		for n, s := range t.stems {
			pre := t.pre
			if a, ok := actorWords[s]; ok {
				if i+1 < len(ts) && ts[i+1].raw == ":" {
					break // "(Azerbaijani: Şuşa, Armenian: Շուշի)": a language's name for a place, not a side
				}
				to := pre[n] == "ل" || pre[n] == "لل" || isWordAt(ts, i-1, "الي", "to")
				j := i
				if j > 0 && isQuoteMark(ts[j-1]) {
					j-- // "from the \"Armenian occupation\"": the quote is the speaker's
				}
				obj := isWordAt(ts, j-1, "مع", "ضد", "with", "against", "from", "من") || isWordAt(ts, j-2, "مع", "ضد", "with", "against", "from") && isWordAt(ts, j-1, "the") ||
					clearedOf(ts, i)
				holder := holderAdjective(ts, i)
				// ("the district of Agdam in the Azerbaijani Republic", "في
				// أذربيجان": a country named after "in" is where, not who;
				// "officials in Baku" are still the side's)
				in := (isWordAt(ts, i-1, "in", "في") || isWordAt(ts, i-2, "in") && isWordAt(ts, i-1, "the")) &&
					(isWordAt(ts, i, "azerbaijan", "armenia", "اذربيجان", "ارمينيا") || isWordAt(ts, i+1, "republic"))
				obj = obj || holder || in || ownerOfPlaces(ts, i)
				out = append(out, actorHit{i: i, actor: a, to: to, obj: obj, holder: holder})
				break
			}
		}
	}
	bothSidesNamed(ts, out)
	return out
}

// karabakhForces reports the Karabakh Armenians' own forces named after
// the region ("the Nagorno-Karabakh army", "Artsakh Defence Army",
// "Karabakh forces"): a side, not the region as a place.
func karabakhForces(ts []token, i int) bool {
	if !isWordAt(ts, i, "karabakh", "artsakh", "nagorno-karabakh") {
		return false
	}
	k := i + 1
	if isWordAt(ts, k, "defence", "defense", "armenian") {
		k++
	}
	return isWordAt(ts, k, forceNouns...)
}

// forceNouns are the English nouns for a side's armed forces.
var forceNouns = []string{"army", "forces", "troops", "fighters", "military", "units", "soldiers"}

// forcesOfKarabakh reports the region named as the owner of forces
// ("Armenian forces of Nagorno Karabakh", "the army of Artsakh"): a side.
func forcesOfKarabakh(ts []token, p placeHit) bool {
	return isWordAt(ts, p.j-1, "karabakh", "artsakh") && isWordAt(ts, p.i-1, "of") &&
		isWordAt(ts, p.i-2, forceNouns...)
}

// andPrefixed reports a side's name that carries the conjunction
// "و" ("وأرمينيا").
func andPrefixed(t token) bool {
	for n, st := range t.stems {
		if t.pre[n] == "و" && actorWords[st] != "" {
			return true
		}
	}
	return false
}

// bothSidesNamed marks the two sides named together ("the leaders of
// Azerbaijan and Armenia", "أذربيجان وأرمينيا") as no one's agent: a pair
// of the two sides did not take or lose a place together.
func bothSidesNamed(ts []token, hits []actorHit) {
	for n := 1; n < len(hits); n++ {
		a, b := &hits[n-1], &hits[n]
		if a.actor == b.actor || a.actor == actRUS || b.actor == actRUS || a.to || b.to {
			continue
		}
		joined := b.i == a.i+1 && andPrefixed(ts[b.i]) ||
			b.i == a.i+2 && isWordAt(ts, a.i+1, "and", "or", "و")
		if joined {
			a.obj, b.obj = true, true
		}
	}
}

// clearedOf reports a side named after "of" that follows an English
// participle ("cleared of Armenian invaders", "freed of the occupiers"):
// what a place was rid of, never the one who acted. After a noun "of"
// names the actor too ("the withdrawal of Armenian forces"), so only a
// participle counts.
func clearedOf(ts []token, i int) bool {
	k := i - 1
	if k >= 0 && ts[k].kind == tokWord && latinWord(ts[k]) && actorWords[ts[k].norm] != "" {
		k-- // "cleared of Armenian separatists": the side's adjective before its noun
	}
	if isWordAt(ts, k, "the") {
		k--
	}
	// "cleared of the armed forces of Armenia": the side owns the forces
	// the place was rid of.
	if isWordAt(ts, k, "of") && isWordAt(ts, k-1, "forces", "troops", "units", "army", "military") {
		k -= 2
		if isWordAt(ts, k, "armed") {
			k--
		}
		if isWordAt(ts, k, "the") {
			k--
		}
	}
	if !isWordAt(ts, k, "of") || k < 1 || !latinWord(ts[k-1]) {
		return false
	}
	return strings.HasSuffix(ts[k-1].norm, "ed") || ts[k-1].norm == "rid"
}

// findContext lists ceasefire, offensive, flag, meeting and memorandum
// phrases.
func findContext(ts []token) []ctxHit {
	var out []ctxHit
	for i := 0; i < len(ts); i++ {
		if key, end, _, _, ok := matchPhrase(ts, i, contextIndex); ok {
			out = append(out, ctxHit{i: i, j: end, typ: contextPatterns[key]})
			i = end - 1
			continue
		}
		switch {
		case hasStem(ts[i], launchWords):
			if k := findWithin(ts, i+1, 3, operationWords); k > 0 {
				out = append(out, ctxHit{i: i, j: k + 1, typ: ctxOffensive})
			} else if k := findWithin(ts, max(0, i-3), min(3, i), operationWords); k >= 0 {
				// "العملية التي انطلقت في …", "the offensive that began on …"
				out = append(out, ctxHit{i: k, j: i + 1, typ: ctxOffensive})
			}
		case hasStem(ts[i], eruptWords):
			if k := findWithin(ts, i+1, 3, fightWords); k > 0 {
				out = append(out, ctxHit{i: i, j: k + 1, typ: ctxOffensive})
			}
		case hasStem(ts[i], fightWords):
			// "fighting broke out", "clashes erupted"
			if k := findWithin(ts, i+1, 2, eruptWords); k > 0 {
				out = append(out, ctxHit{i: i, j: k + 1, typ: ctxOffensive})
			}
		case hasStem(ts[i], raiseWords):
			if k := findWithin(ts, i+1, 3, flagWords); k > 0 && !isWordAt(ts, k+1, "البيضاء", "white") && !isWordAt(ts, k-1, "white") {
				out = append(out, ctxHit{i: i, j: k + 1, typ: ctxFlag})
			}
		case hasStem(ts[i], flagWords) && isWordAt(ts, i+1, "was", "were") && isWordAt(ts, i+2, "raised", "hoisted"):
			out = append(out, ctxHit{i: i, j: i + 3, typ: ctxFlag})
		}
	}
	return out
}

// findWithin returns the index of the first word in set among the n
// tokens from k, or -1.
func findWithin(ts []token, k, n int, set map[string]bool) int {
	for m := k; m < len(ts) && m < k+n; m++ {
		if hasStem(ts[m], set) {
			return m
		}
	}
	return -1
}

// modality tells whether a control word reports something that happened.
type modality uint8

const (
	modEvent      modality = iota
	modFuture              // سيتم تسليم، will hand over
	modScheduled           // كان مقررا أن تعود، was due to
	modNegated             // لم تدخل
	modCond                // إذا، if
	modIntent              // ينص على، عزم على، agreed to
	modOperation           // عملية لتحرير: an offensive's aim
	modCumulative          // حتى الآن استعادوا، so far liberated: a running total
	modTopic               // قرار بشأن احتلال، a resolution on the occupation: a topic
)

// questionClause reports a control word in a clause that ends with a
// question mark ("?", "؟"), with no other clause end between.
func questionClause(ts []token, c cueHit) bool {
	for k := c.j; k < len(ts); k++ {
		switch {
		case ts[k].raw == "?" || ts[k].raw == "؟":
			return true
		case isClausePunct(ts[k]) && !isComma(ts[k]):
			return false
		}
	}
	return false
}

// causalDue reports "due to" giving a cause ("was liberated due to its
// commanders", "due to the agreement"), not a plan ("due to be handed
// over", "due to leave"): a name, an article or a possessive after "to".
func causalDue(ts []token, k int) bool {
	if !isWordAt(ts, k, "due") || !isWordAt(ts, k+1, "to") || k+2 >= len(ts) || ts[k+2].kind != tokWord {
		return false
	}
	return unicode.IsUpper(firstRune(ts[k+2].raw)) || isWordAt(ts, k+2, "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those")
}

// startedNoun reports an English control noun right after a verb of
// starting ("began the liberation of X", "started the occupation of"): an
// operation launched, its end told apart. (Arabic "بدأت أرمينيا تسليم …"
// goes on with the dated list of what it handed over, and is left alone.)
// The noun may name the operation ("launched a liberation operation in
// X").
func startedNoun(ts []token, c cueHit) bool {
	k := c.i - 1
	if isWordAt(ts, k, "the", "a", "an", "its", "their") {
		k--
	}
	return k >= 0 && latinWord(ts[c.i]) && nounForm(ts[c.i].norm) && ts[k].kind == tokWord && hasStem(ts[k], launchWords)
}

// heldUntilDated reports "until" at k closing a state the sentence tells
// ("remained under occupation until its liberation on October 4, 2020",
// "ظلت محتلة حتى تحريرها في …"): a verb of remaining before it and a
// date with its year after the control word, so the change happened then
// and is no aim.
func heldUntilDated(s *sentence, c cueHit, k int) bool {
	ts := s.toks
	if !hasStem(ts[k], untilWords) || findWithin(ts, 0, k, remainWords) < 0 {
		return false
	}
	for m := c.j; m < len(ts) && m < c.j+12; m++ {
		if e, ok := dateAt(ts, m); ok && e.year != 0 {
			return true
		}
	}
	return false
}

// modalityOf looks at the words before a control word in its clause.
func modalityOf(s *sentence, c cueHit) modality {
	ts := s.toks
	if questionClause(ts, c) {
		return modCond // "Has he discussed the surrender of Sus with anyone?": asked, not reported
	}
	// Arabic future prefix on the verb itself: ستسلم، سيدخل
	if strings.HasSuffix(c.prefix, "س") {
		return modFuture
	}
	if startedNoun(ts, c) {
		return modOperation // "began the liberation of Karvachar": the start, not the change
	}
	if c.prefix == "ل" || c.prefix == "لل" || c.prefix == "" {
		if c.i > 0 && hasStem(ts[c.i-1], operationWords) && (c.prefix != "" || isWordAt(ts, c.i-1, "to")) {
			return modOperation
		}
		if c.i > 1 && hasStem(ts[c.i-2], operationWords) && isWordAt(ts, c.i-1, "to") {
			return modOperation
		}
	}
	// "القتال متواصل للسيطرة عليها", "fighting for control of it": a
	// purpose, not a change. ("أعادتها لسيطرة أذربيجان", "returned to
	// Azerbaijani control" name the holder after the word and stay events.)
	if c.j < len(ts) && ts[c.j].kind == tokWord && purposeAfter[ts[c.j].norm] &&
		(c.prefix == "ل" || c.prefix == "لل" || c.i > 0 && ts[c.i-1].kind == tokWord && purposeBefore[ts[c.i-1].norm]) {
		return modIntent
	}
	// a running total: "until now" (حتى الآن) before the word in its sentence
	for k := 0; k+1 < c.i; k++ {
		if hasStem(ts[k], untilWords) && ts[k+1].kind == tokWord && nowWords[ts[k+1].norm] {
			return modCumulative
		}
	}
	// "since the fighting began", "منذ بدء المعارك": what was taken since
	// is a running total, not a change of the day the fighting began
	for k := 0; k < len(ts) && k < c.j+3; k++ {
		end := c.i
		if k >= c.j {
			end = len(ts) // "استعاد منذ اندلاع المعارك …": right after the word
		}
		if k != c.i && ts[k].kind == tokWord && hasStem(ts[k], sinceWords) && sinceStart(ts, k+1, end) {
			return modCumulative
		}
	}
	for k := c.i - 1; k >= 0 && k >= c.i-4; k-- {
		if ts[k].kind == tokWord && hasStem(ts[k], deadlineNouns) {
			return modIntent
		}
	}
	if scheduleHead(ts, c) {
		return modIntent
	}
	if demandedBefore(ts, c) {
		return modIntent
	}
	if operationNamed(s, c) {
		return modCumulative
	}
	// "قرار بشأن احتلال", "a statement concerning the occupation of": the
	// change is the topic of a document, which the document's date does not
	// date
	if (isWordAt(ts, c.i-1, "the") && c.i > 1 && ts[c.i-2].kind == tokWord && hasStem(ts[c.i-2], topicPreps) ||
		c.i > 0 && ts[c.i-1].kind == tokWord && hasStem(ts[c.i-1], topicPreps)) && !spokenAbout(ts, c) {
		return modTopic
	}
	from := c.i - 5
	if from < 0 {
		from = 0
	}
	var mod modality = modEvent
	for k := c.i - 1; k >= from; k-- {
		if s.clause[k] != s.clause[c.i] {
			break
		}
		t := ts[k]
		switch {
		case hasStem(t, expectWords) && !causalDue(ts, k):
			if k > 0 && (hasStem(ts[k-1], pastAux) || (k > 1 && hasStem(ts[k-2], pastAux))) {
				return modScheduled
			}
			if hasStem(t, pastAux) {
				return modScheduled
			}
			return modFuture
		case hasStem(t, futureWords):
			mod = modFuture
		case k >= c.i-2 && hasStem(t, negWords):
			if mod == modEvent {
				mod = modNegated
			}
		case hasStem(t, condWords):
			if mod == modEvent {
				mod = modCond
			}
		case hasStem(t, intentWords):
			if mod == modEvent && !heldUntilDated(s, c, k) {
				mod = modIntent
			}
		}
	}
	// "rather than hand them over", "instead of withdrawing", "بدلا من
	// تسليمها": the change is what did not happen
	if mod == modEvent && alternativeTo(ts, c.i) {
		return modNegated
	}
	// "efforts by special units to enter Hadrut", "ordered to withdraw": an
	// English infinitive tells a change aimed at, unless it was achieved
	// ("managed to enter", "were able to take", "went on to occupy") or
	// claimed ("claims to capture", headline style)
	if mod == modEvent && latinWord(ts[c.i]) && isWordAt(ts, c.i-1, "to") && !nounForm(ts[c.i].norm) && !isWordAt(ts, c.i-2, "managed", "able", "succeeded", "continued", "began", "started", "forced", "had", "on") && !(c.i > 1 && hasStem(ts[c.i-2], speechWords)) && !nthToDo(ts, c.i-1) {
		return modIntent
	}
	// "fought in the battles for the liberation of X", "martyred for the
	// liberation of X": the change is what they fought or died for
	if mod == modEvent && latinWord(ts[c.i]) && nounForm(ts[c.i].norm) && isWordAt(ts, c.i-1, "the", "its", "their") && isWordAt(ts, c.i-2, "for") &&
		isWordAt(ts, c.i-3, "fought", "fighting", "fight", "battles", "battle", "struggle", "martyred", "died", "killed", "sacrificed", "lives") && !controlWordAfter(ts, c.j) {
		return modIntent // (unless the sentence goes on to tell it: "… culminated in its final liberation on …")
	}
	// "did not confirm the withdrawal", "لم تؤكد … انسحاب", "denied that
	// its troops had withdrawn", "نفت … انسحاب": the change is not
	// reported as having happened (the denial itself is kept by stances)
	if mod == modEvent && reportNegated(s, c) {
		return modNegated
	}
	// "is to be handed over", "are to be returned": a future
	if mod == modEvent && isWordAt(ts, c.i-1, "be") && isWordAt(ts, c.i-2, "to") && !nthToDo(ts, c.i-2) {
		mod = modFuture
		if isWordAt(ts, c.i-3, "was", "were") {
			return modScheduled
		}
	}
	// English passive after the word: "the handover had been scheduled
	// for", "the withdrawal is due on"
	if mod == modEvent {
		for k := c.j; k < len(ts) && k < c.j+4 && s.clause[k] == s.clause[c.i]; k++ {
			if hasStem(ts[k], expectWords) && !causalDue(ts, k) {
				for m := c.j; m < k; m++ {
					if hasStem(ts[m], pastAux) {
						return modScheduled
					}
				}
				return modFuture
			}
		}
	}
	if mod == modFuture && c.i > 0 {
		// "was to be handed over" / "كان سيتم": past of a future = scheduled
		for k := c.i - 1; k >= from; k-- {
			if hasStem(ts[k], pastAux) {
				return modScheduled
			}
		}
	}
	return mod
}

// isRelative reports a control word inside a relative clause ("القوات
// التي دخلت", "forces that entered"): background, not the news itself.
func isRelative(ts []token, c cueHit) bool {
	// "القرى التي دخلها الجيش تقع في …", "the villages that the army
	// took lie in …": the clause tells the news, its villages are placed
	// after it
	for _, r := range []int{c.i - 1, c.i - 2} {
		if r > 0 && hasStem(ts[r], relativeWords) && hasStem(ts[r-1], villageWords) {
			return false
		}
	}
	if c.i > 1 && hasStem(ts[c.i-2], relativeWords) && isWordAt(ts, c.i-1, "تم", "تمت") {
		return false // "التي تمت السيطرة عليها": the passive of a fresh report
	}
	// "which had been occupied", "التي كانت قد احتلت"
	for k := c.i - 1; k >= 0 && k >= c.i-4; k-- {
		if ts[k].kind != tokWord {
			break
		}
		if hasStem(ts[k], relativeWords) {
			if k < c.i-1 {
				return true
			}
			break
		}
		if !hasStem(ts[k], pastAux) && !isWordAt(ts, k, "been", "قد", "has", "have") {
			break
		}
	}
	return c.i > 0 && hasStem(ts[c.i-1], relativeWords) ||
		c.i > 1 && hasStem(ts[c.i-2], relativeWords) && ts[c.i-1].kind == tokWord && !hasStem(ts[c.i-1], actorWordSet)
}

// actorWordSet is actorWords as a set (bindWordLists).
var actorWordSet map[string]bool

// tiedToAgreement reports an agreement-implementation phrase in the
// sentence ("تنفيذا لاتفاق", "بموجب الاتفاق", "under the deal").
func tiedToAgreement(ts []token) bool {
	for i := range ts {
		if hasStem(ts[i], implementWords) {
			if findWithin(ts, i+1, 4, agreementWords) > 0 {
				return true
			}
		}
	}
	return false
}

// fallenThing reports a "fell" word whose subject is a casualty, an
// aircraft or a projectile: the word right after it (Arabic puts the
// verb first) or one of the three before it.
func fallenThing(ts []token, i, end int) bool {
	if end < len(ts) && hasStem(ts[end], notFallen) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if ts[k].kind == tokWord && hasStem(ts[k], notFallen) {
			return true
		}
	}
	return false
}

// figurativeEntry reports an "enter" word followed, as its next word or
// the one after, by what a treaty, a day or a war enters (history, into
// force, its second week), or whose subject right after it (Arabic puts
// the verb first) is a truce, an agreement or the fighting: a figure of
// speech, not forces entering a place.
func figurativeEntry(ts []token, end int) bool {
	if end < len(ts) && ts[end].kind == tokWord && (hasStem(ts[end], agreementWords) || hasStem(ts[end], fightWords) || isWordAt(ts, end, "الهدنه", "هدنه")) {
		return true
	}
	for k := end; k < len(ts) && k < end+2; k++ {
		if ts[k].kind != tokWord {
			return false
		}
		if hasStem(ts[k], notEntered) {
			return true
		}
	}
	return false
}

// fromOccupation reports an occupation word governed by "from" ("من
// الاحتلال", "from (the Armenian, the enemy's, 27 years of) occupation",
// "من براثن الاحتلال"): what a place was freed from, not a change of its
// own.
func fromOccupation(ts []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if ts[k].kind == tokNum || isQuoteMark(ts[k]) {
			continue // ("from the \"Armenian occupation\"": the speaker's words quoted)
		}
		if ts[k].kind != tokWord {
			return false
		}
		if isWordAt(ts, k, "من", "from") {
			// "after N years of occupation" written with من: a duration
			// the occupation is counted by, not what a place was freed
			// from ("a year before the occupation" stays out)
			yearsAfter := k > 2 && ts[k-1].kind == tokWord && hasStem(ts[k-1], yearUnits) && (isWordAt(ts, k-3, "بعد") || isWordAt(ts, k-2, "بعد"))
			return !yearsAfter
		}
		if !hasStem(ts[k], occupationModifiers) && actorWords[ts[k].norm] == "" {
			return false
		}
	}
	return false
}

// isQuoteMark reports a quotation mark token.
func isQuoteMark(t token) bool {
	switch t.raw {
	case "\"", "“", "”", "«", "»", "'", "‘", "’":
		return true
	}
	return false
}

// nthToDo reports an English "to" at k after "was/became the first
// (second, last …) district": "Kalbajar became the second territory to be
// handed over", "Lachin was the last of the three areas on the rim to be
// surrendered" tell the change done, in its order, not one to come.
func nthToDo(ts []token, k int) bool {
	_, ok := nthCopula(ts, k)
	return ok
}

// nthCopula finds the "was" (became, had …) of nthToDo's phrase.
func nthCopula(ts []token, k int) (int, bool) {
	for m := k - 1; m >= 2 && m >= k-12 && (ts[m].kind == tokWord || ts[m].raw == "-"); m-- {
		if ts[m].kind != tokWord || !latinWord(ts[m]) || ordinalDays[ts[m].norm] == 0 && !isWordAt(ts, m, "last", "final") {
			continue
		}
		if isWordAt(ts, m-1, "the") && isWordAt(ts, m-2, "was", "were", "became", "become", "has", "had") {
			return m - 2, true
		}
		return 0, false
	}
	return 0, false
}

// occupiedAdjective reports English "occupied" used before a noun ("the
// occupied city", "unlawfully occupied territories").
func occupiedAdjective(ts []token, i, end int) bool {
	if ts[i].norm != "occupied" || end >= len(ts) || ts[end].kind != tokWord {
		return false
	}
	if isWordAt(ts, end, "by", "in", "on", "the", "a", "since", "until", "for", "and") {
		return false
	}
	if i > 0 && isComma(ts[i-1]) && unicode.IsUpper(firstRune(ts[end].raw)) {
		return false // "the forces, backed by a regiment, occupied Khojaly": the verb after an aside
	}
	return i > 0 && (isWordAt(ts, i-1, "the", "unlawfully", "illegally", "still", "formerly", "previously") || ts[i-1].kind != tokWord)
}

// nominalActor reports a control noun that names who acts rather than
// telling a change: in Arabic the definite noun completing a construct
// whose head is a force or an authority ("قوات الاحتلال", "لسلطات
// الاحتلال", "جيش التحرير"); in English a noun modifying such a head after
// it ("occupation forces", "the liberation army"). Heads are the list
// actor_heads.
func nominalActor(ts []token, i, end int) bool {
	if end != i+1 || ts[i].kind != tokWord {
		return false
	}
	if latinWord(ts[i]) {
		return !strings.HasSuffix(ts[i].norm, "ed") && end < len(ts) && ts[end].kind == tokWord && latinWord(ts[end]) && actorHeads[ts[end].norm]
	}
	if strings.HasPrefix(ts[i].norm, "ال") && i > 0 && ts[i-1].kind == tokWord && !latinWord(ts[i-1]) && hasStem(ts[i-1], actorHeads) {
		return true
	}
	// "القصف العشوائي للاحتلال الأرميني": the occupation as the agent of
	// a shelling named just before it (an adjective may stand between)
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if ts[k].kind == tokWord && !latinWord(ts[k]) && hasStem(ts[k], shellingWords) {
			return true
		}
	}
	return false
}

// policyOf reports a control noun named as a policy ("a policy of
// aggression and occupation", "سياسة الاحتلال", "this occupation
// policy"): a stance, no change.
func policyOf(ts []token, i int) bool {
	if latinWord(ts[i]) && isWordAt(ts, i+1, "policy", "policies", "regime", "regimes", "authorities") {
		return true // "this occupation policy", "the occupation regime": a noun modifying another
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if isWordAt(ts, k, "policy", "policies", "سياسه", "وسياسه") {
			return true
		}
		if ts[k].kind != tokWord {
			return false
		}
	}
	return false
}

// awardName reports a control word inside the name of an award, a medal or
// an order ("the medal “For the liberation of X”", "وسام تحرير X"): the
// award noun stands within the four tokens before it, with only quotes,
// brackets and "for"/"the"/"of"/"من أجل" between. The decree that awards it dates no
// change.
func awardName(ts []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch {
		case ts[k].kind == tokPunct && ts[k].raw != "." && ts[k].raw != "," && ts[k].raw != "،":
			continue
		case isWordAt(ts, k, "for", "the", "of", "من", "اجل"):
			continue
		case ts[k].kind == tokWord && hasStem(ts[k], awardNouns):
			return true
		}
		return false
	}
	return false
}

// notGroundObject reports a control word whose object, within the three
// words after it, is a standing rather than ground ("regained its
// independent status", "استعادت استقلالها").
func notGroundObject(ts []token, end int) bool {
	for k := end; k < len(ts) && k < end+3; k++ {
		if ts[k].kind != tokWord {
			return false
		}
		if hasStem(ts[k], notGround) {
			return true
		}
	}
	return false
}

// leftRemaining reports English "left" meaning "remaining": after a
// word of quantity ("nothing left", "little left") or after the object of
// "has"/"have"/"had"/"with" ("has a roof left", "with few houses left"),
// where "had left Agdam" is forces leaving.
func leftRemaining(ts []token, i int) bool {
	if !isWordAt(ts, i, "left") {
		return false
	}
	quantity := []string{"nothing", "little", "few", "none", "nobody", "anything", "much", "remains", "remained"}
	if isWordAt(ts, i-1, quantity...) || isWordAt(ts, i-1, "was", "is", "were", "are", "been") && isWordAt(ts, i-2, quantity...) {
		return true // "nothing left of", "little was left of"
	}
	for k := i - 2; k >= 0 && k >= i-4; k-- {
		if ts[k].kind != tokWord {
			return false
		}
		if isWordAt(ts, k, "has", "have", "had", "with") {
			return !isWordAt(ts, k+1, "already", "just", "finally", "also", "not", "then", "since", "recently")
		}
	}
	return false
}

// countryObject reports a whole country as the object right after a
// control word, the phrase ending there ("لتحرير أذربيجان،", "the
// liberation of Azerbaijan."): a national day's name or a slogan, no
// district changing hands. "تحرير أذربيجان لشوشة" (Azerbaijan's
// liberation of Shusha) goes on and is not one.
func countryObject(ts []token, end int) bool {
	k := end
	if isWordAt(ts, k, "of") {
		k++
	}
	if !isWordAt(ts, k, "azerbaijan", "armenia", "اذربيجان", "ارمينيا") {
		return false
	}
	return k+1 == len(ts) || ts[k+1].kind == tokPunct && !isApostrophe(ts[k+1])
}

// participleAdjective reports an English past participle of a control
// word used as an adjective before a noun, after a determiner, an adverb
// of time, a quantifier or a preposition ("the liberated city", "its newly
// freed villages", "returning to liberated lands"): it
// describes a place, it does not tell a change.
func participleAdjective(ts []token, i, end int) bool {
	if end != i+1 || !latinWord(ts[i]) || !strings.HasSuffix(ts[i].norm, "ed") || end >= len(ts) || ts[end].kind != tokWord {
		return false
	}
	if isWordAt(ts, end, "by", "in", "on", "the", "a", "an", "since", "until", "for", "and", "from", "at", "during", "after", "as", "to", "with", "it", "them", "over", "control", "back") {
		return false
	}
	// after a determiner, an adverb of time, a quantifier or a preposition
	// (no verb follows a preposition: "to liberated lands", "in occupied
	// territories", "all liberated villages")
	if countBeforeNoun(ts, i) {
		return true // "the two occupied villages", "its 3 liberated towns"
	}
	if isWordAt(ts, i-1, "s") && i > 1 && (ts[i-2].raw == "'" || ts[i-2].raw == "’") {
		return true // "Azerbaijan's liberated Talish village": a possessive, a noun after
	}
	if i > 0 && hasStem(ts[i-1], visitVerbs) {
		return true // "visited liberated Shusha": the object of another verb
	}
	return isWordAt(ts, i-1, "the", "newly", "recently", "formerly", "previously", "once", "its", "their", "our",
		"all", "other", "these", "those", "some", "many", "several",
		"in", "into", "to", "of", "across", "throughout", "within", "toward", "towards")
}

// reducedRelative reports an English participle right after a place it
// describes, the place being the object of a preposition ("a speech in
// Gubadli city liberated from occupation", "a visit to Shusha, liberated
// in 2020"): a relative clause without its relative word, so background
// that carries only its own date.
func reducedRelative(a *annotated, c cueHit) bool {
	ts := a.s.toks
	if c.j != c.i+1 || !latinWord(ts[c.i]) || !strings.HasSuffix(ts[c.i].norm, "ed") {
		return false
	}
	if c.j < len(ts) && ts[c.j].kind == tokWord && !isWordAt(ts, c.j, "from", "by", "in", "on", "during", "after", "since", "at", "last", "as", "and") {
		return false // an object follows: the verb of a clause
	}
	k := c.i - 1
	if k >= 0 && ts[k].kind == tokPunct && ts[k].raw == "," {
		k--
	}
	if k >= 0 && ts[k].kind == tokWord && hasStem(ts[k], anaphorNouns) {
		k-- // "Gubadli city"
	}
	for _, p := range a.places {
		if p.j != k+1 {
			continue
		}
		m := p.i - 1
		if isWordAt(ts, m, "the") {
			m--
		}
		return isWordAt(ts, m, "in", "at", "to", "from", "into", "of", "near", "toward", "towards", "across", "visited", "visit", "visiting")
	}
	return false
}

// closingBracket is the index of the ")" that closes the bracket at k,
// within eight tokens, or k itself.
func closingBracket(ts []token, k int) int {
	for m := k + 1; m < len(ts) && m <= k+8; m++ {
		if ts[m].raw == ")" {
			return m
		}
	}
	return k
}

// becameUnder finds a verb of becoming followed by "under … control"
// ("came under full Azerbaijani control", "أصبحت تحت السيطرة الكاملة",
// "وقعت معظم أراضيها تحت سيطرة"): the state was reached then, so it is a
// change, dated by the date of that clause. It replaces the "held" (and
// "fell") words it spans.
func becameUnder(ts []token, cues []cueHit) []cueHit {
	for i := 0; i < len(ts); i++ {
		if ts[i].kind != tokWord || !hasStem(ts[i], becomeWords) {
			continue
		}
		under := -1
		// up to seven words: a town and the region it lies in ("أصبحت مدينة
		// فيزولي في قره باغ تحت سيطرة …")
		for k, n := i+1, 0; k < len(ts) && n < 7; k, n = k+1, n+1 {
			if ts[k].raw == "(" {
				k = closingBracket(ts, k) // "أصبحت مقاطعة أغدام (في إقليم قره باغ) تحت السيطرة": an aside
				continue
			}
			if ts[k].kind != tokWord {
				break
			}
			if hasStem(ts[k], underWords) {
				under = k
				break
			}
		}
		if under < 0 {
			continue
		}
		end := -1
		for k := under + 1; k < len(ts) && k <= under+5; k++ {
			if isApostrophe(ts[k]) && isWordAt(ts, k+1, "s") {
				continue // "under Azerbaijan's control"
			}
			if ts[k].kind != tokWord {
				break
			}
			if hasStem(ts[k], controlNounWords) {
				end = k + 1
				break
			}
		}
		if end < 0 {
			continue
		}
		kept := cues[:0]
		for _, c := range cues {
			if c.j <= i || c.i >= end {
				kept = append(kept, c)
			}
		}
		// the verb alone is the cue: the place stands between it and
		// "under" in Arabic ("أصبحت المدينة تحت …") and before it in English
		cues = append(kept, cueHit{i: i, j: i + 1, cls: cueControl, become: true})
		i = end - 1
	}
	// keep text order
	for a := 1; a < len(cues); a++ {
		for b := a; b > 0 && cues[b].i < cues[b-1].i; b-- {
			cues[b], cues[b-1] = cues[b-1], cues[b]
		}
	}
	return cues
}

// reportNegated reports a control word told under a denial, or under a
// negated verb of saying or confirming, earlier in its clause and close
// to it, with no other control word between.
func reportNegated(s *sentence, c cueHit) bool {
	ts := s.toks
	for k := c.i - 1; k >= 0 && k >= c.i-8; k-- {
		if s.clause[k] != s.clause[c.i] && !isWordAt(ts, k+1, "that", "ان") {
			return false
		}
		if ts[k].kind != tokWord {
			continue
		}
		if hasStem(ts[k], denialWords) {
			return true
		}
		if hasStem(ts[k], speechWords) || hasStem(ts[k], confirmWords) {
			for m := k - 1; m >= 0 && m >= k-2; m-- {
				if ts[m].kind == tokWord && hasStem(ts[m], negWords) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// sinceStart reports the start of the fighting ("the fighting began",
// "بدء المعارك", "اندلاع القتال") in the four words from k, before end.
func sinceStart(ts []token, k, end int) bool {
	fight, start := false, false
	for m := k; m < end && m < k+4; m++ {
		if ts[m].kind != tokWord {
			break
		}
		fight = fight || hasStem(ts[m], fightWords)
		start = start || hasStem(ts[m], launchWords) || hasStem(ts[m], approxWords) || hasStem(ts[m], eruptWords)
	}
	return fight && start
}

// occupationEnded reports the English noun "occupation" whose verb, after
// what was occupied, is "ended" ("the occupation of nine more villages –
// A, B and C – was ended on 4 October"): the end of a hold, the other
// side's gain. No other control word may stand between.
func occupationEnded(ts []token, i, end int) bool {
	if !isWordAt(ts, i, "occupation") {
		return false
	}
	for k := end; k < len(ts) && k < end+30; k++ {
		if ts[k].kind == tokPunct && (ts[k].raw == "." || ts[k].raw == ";" || ts[k].raw == "؛") {
			return false
		}
		// "was ended", or a bare "ended" that its day follows ("ended
		// on 4 October"); a bare "ended" may have another subject ("lasted
		// until 2020 and ended after the war")
		if isWordAt(ts, k, "ended") && (isWordAt(ts, k-1, "was", "been", "has", "had") || isWordAt(ts, k+1, "on", "in") && k+2 < len(ts) && (ts[k+2].kind == tokNum || monthNamedAt(ts, k+2))) {
			return true
		}
		if isWordAt(ts, k, "came", "come", "brought", "put") && isWordAt(ts, k+1, "to") && isWordAt(ts, k+2, "an") && isWordAt(ts, k+3, "end") {
			return true
		}
		if _, _, _, _, ok := matchPhrase(ts, k, controlIndex); ok {
			return false
		}
	}
	return false
}

// demandedBefore reports a change that a call or a demand asks for, the
// demand standing up to ten words before it across the commas of a list of
// adjectives ("called for an immediate, full and unconditional withdrawal
// from", "مطالباً بانسحاب فوري"): asked for, not done.
func demandedBefore(ts []token, c cueHit) bool {
	for k := c.i - 1; k >= 0 && k >= c.i-10; k-- {
		t := ts[k]
		if t.kind == tokPunct && t.raw != "," && t.raw != "،" && t.raw != "\"" && t.raw != "“" && t.raw != "”" {
			return false
		}
		if t.kind != tokWord {
			continue
		}
		if isWordAt(ts, k, "after", "following", "since", "بعد", "منذ", "عقب") {
			return false // "demanded a withdrawal after the capture of X": the capture happened
		}
		if _, _, _, _, ok := matchPhrase(ts, k, controlIndex); ok {
			return false // the demand asks for another change
		}
		if isWordAt(ts, k, "for") && isWordAt(ts, k-1, "called", "calls", "calling", "call", "appeal", "appealed", "appeals", "pressed") {
			return true
		}
		if isWordAt(ts, k, "demanded", "demanding", "demands", "demand") ||
			isWordAt(ts, k, "of") && isWordAt(ts, k-1, "aim", "goal", "purpose", "intention") { // "with the aim of entering"
			return true
		}
		for _, st := range tokenStems(t) {
			if st == "مطالبا" || st == "مطالبه" || st == "مطالبين" || st == "مطالبات" {
				return true
			}
		}
	}
	return false
}

// monthNamedAt reports a month's name at k.
func monthNamedAt(ts []token, k int) bool {
	m, _, _ := monthAt(ts, k)
	return m > 0
}

// occupationLeaving reports an occupation noun completing a withdrawal
// word before it ("جلاء الاحتلال", "انسحاب الاحتلال", "the withdrawal of
// the occupation"): the occupier's leaving, which the withdrawal word
// tells; the noun names who left, not a new occupation.
func occupationLeaving(ts []token, i int) bool {
	k := i - 1
	for n := 0; n < 2 && isWordAt(ts, k, "of", "the"); n++ {
		k--
	}
	for p := k; p >= 0 && p >= k-2; p-- {
		if ts[p].kind != tokWord {
			break
		}
		if key, end, _, _, ok := matchPhrase(ts, p, controlIndex); ok && end == k+1 && controlPatterns[key] == cueWithdraw {
			return true
		}
	}
	return false
}

// holderAdjective reports a side named in a compound adjective of
// possession ("the Armenian-held town", "Azerbaijani-controlled
// villages"): the side that held the place, not the one who acted.
func holderAdjective(ts []token, i int) bool {
	return i+2 < len(ts) && ts[i+1].norm == "-" && ts[i+2].kind == tokWord && heldAdjectives[ts[i+2].norm]
}

// ownerOfPlaces reports a side named as the nationality of places or
// military positions ("nine Azerbaijani villages", "an Armenian base", "القرى
// الأذربيجانية"): whose the places are, which says nothing of who took
// them (Armenian forces took Azerbaijani villages in 1993, Azerbaijan's
// army freed them in 2020), so never the one who acted. English puts the
// adjective before the noun, Arabic after it.
func ownerOfPlaces(ts []token, i int) bool {
	placeNoun := func(k int) bool {
		return k >= 0 && k < len(ts) && ts[k].kind == tokWord &&
			(hasStem(ts[k], landNouns) || hasStem(ts[k], villageWords) || hasStem(ts[k], anaphorNouns) || hasStem(ts[k], positionNouns))
	}
	if latinWord(ts[i]) {
		return placeNoun(i + 1)
	}
	return placeNoun(i - 1)
}
