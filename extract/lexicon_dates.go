package extract

// Month qualifiers (lexicon.json "month_qualifiers"): الجاري (this), الماضي
// (the last one), المقبل (the next one).
const (
	qualNone = iota
	qualThis
	qualPast
	qualNext
)
