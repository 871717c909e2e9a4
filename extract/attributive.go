package extract

import "strings"

// countBeforeNoun reports a cardinal number right before token i that
// itself follows a determiner or a preposition ("the two …", "of 3 …",
// "its seven …"): what follows the count is a noun phrase, so an English
// participle there ("the two occupied villages") describes the noun and
// tells no change. A bare count at the head of a clause ("two seized …")
// is not enough: it may be the subject of the verb.
func countBeforeNoun(ts []token, i int) bool {
	k := i - 1
	if k < 1 {
		return false
	}
	if ts[k].kind != tokNum && numberWords[ts[k].norm] <= 0 {
		return false
	}
	return isWordAt(ts, k-1, "the", "its", "their", "these", "those", "of", "in", "to", "into", "near", "all")
}

// receivedBy reports a side named after a surrender or a loss behind a
// "to" preposition ("surrendered to Azerbaijan", "lost the town to the
// Armenian forces", "استسلموا لأذربيجان"): the one that received the place
// gained it, so it is the side, not its opposite. After a withdrawal the
// same preposition names where the forces went, so it does not count.
func receivedBy(c cueHit, h actorHit) bool {
	return h.to && h.i >= c.j && (c.cls == cueSurrender || c.cls == cueLose)
}

// unreportedGerund reports an English control word in -ing that is not
// the object of a verb of speech ("announced capturing X", "has announced
// about capturing X", "claims of seizing X" report a change): after "after"
// or "by", or as a subject ("Capturing X would have …"), the gerund tells a
// step of another clause or a hypothesis, not the news. Only "about", "of",
// "on", "the" and auxiliaries may stand between the speech word and it.
func unreportedGerund(ts []token, i, end int) bool {
	if end != i+1 || !latinWord(ts[i]) || !strings.HasSuffix(ts[i].norm, "ing") {
		return false
	}
	if isWordAt(ts, i-1, "after") && isWordAt(ts, i-2, "day", "days") {
		return false // "a day after liberating X": an earlier change, dated by the count
	}
	if isWordAt(ts, i-1, "by") {
		return false // "inflicted a defeat … by liberating X": the means, of the main clause's day
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if ts[k].kind != tokWord {
			return true
		}
		if hasStem(ts[k], speechWords) {
			return false
		}
		if !isWordAt(ts, k, "about", "of", "on", "the", "has", "have", "had") {
			return !ownDateAfter(ts, end)
		}
	}
	return !ownDateAfter(ts, end)
}

// ownDateAfter reports a date written after token end and before the end
// of its sentence ("after losing X, its last foothold, on Sunday"): the
// gerund's step carries its own day, so it is told as a change.
func ownDateAfter(ts []token, end int) bool {
	for k := end; k < len(ts); k++ {
		if ts[k].kind == tokPunct && (ts[k].raw == "." || ts[k].raw == ";") {
			return false
		}
		if _, ok := dateAt(ts, k); ok {
			return true
		}
		if _, ok := weekdayAt(ts, k); ok {
			return true
		}
	}
	return false
}

// spokenAbout reports a topic preposition before control word c that
// follows a verb of speech ("announced about capturing X", "أعلن حول
// تحرير"): what a speaker announces about a change reports it, unlike a
// document "concerning" or "on" one, whose own date dates nothing.
func spokenAbout(ts []token, c cueHit) bool {
	p := c.i - 1
	if isWordAt(ts, p, "the") {
		p--
	}
	// the speech word right before the preposition, or a few plain words
	// before it ("shared a publication on Twitter about the liberation")
	for k := p - 1; k >= 0 && k >= p-spokenAboutReach; k-- {
		if ts[k].kind != tokWord {
			return false
		}
		if hasStem(ts[k], speechWords) {
			return true
		}
	}
	return false
}

// spokenAboutReach is how many words before "about" its speech word may
// stand.
const spokenAboutReach = 6

// quoteMarks are the quotation marks a phrase may be quoted with.
var quoteMarks = map[string]bool{"“": true, "”": true, "\"": true, "«": true, "»": true}

// underRightBefore reports "under" (تحت) right before token i, or with one
// possessive between ("under their control", "تحت سيطرتهم"): a control noun
// there names a state, the way the "held" phrases do; a verb of becoming
// before it ("came under their control") is read by becameUnder.
func underRightBefore(ts []token, i int) bool {
	if i > 1 && ts[i-1].kind == tokPunct && quoteMarks[ts[i-1].raw] {
		i-- // تحت "الاحتلال الأرمني": a quote opened inside the phrase
	}
	if i > 0 && ts[i-1].kind == tokWord && hasStem(ts[i-1], underWords) {
		return true
	}
	return i > 1 && isWordAt(ts, i-1, "their", "its", "his", "our", "the") && ts[i-2].kind == tokWord && hasStem(ts[i-2], underWords)
}
