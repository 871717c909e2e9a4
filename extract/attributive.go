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
