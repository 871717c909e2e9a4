package extract

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
