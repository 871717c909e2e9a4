package extract

// anchor is a widely reported date of this conflict that articles cite
// by day and month only. When a text names one without a year, the year
// is known; that lets a publication date be inferred from "today,
// Saturday" and "10 November this month". Dates as in the reference
// timeline (shared/reference/timeline.json).
type anchor struct {
	month, day, year int
	ctx              string // the context phrase that must be in the same sentence
	what             string
}

var anchors = []anchor{
	{month: 11, day: 10, year: 2020, ctx: ctxCeasefire, what: "the 10 November 2020 ceasefire"},
	{month: 9, day: 27, year: 2020, ctx: ctxOffensive, what: "the start of the 2020 war on 27 September"},
	{month: 9, day: 19, year: 2023, ctx: ctxOffensive, what: "the 19 September 2023 operation"},
	{month: 9, day: 20, year: 2023, ctx: ctxCeasefire, what: "the 20 September 2023 ceasefire"},
	{month: 5, day: 12, year: 1994, ctx: ctxCeasefire, what: "the May 1994 ceasefire"},
}

// anchorYear returns the year of a day-month mention when the sentence
// also names the matching kind of event.
func anchorYear(e dateExpr, ctx []ctxHit) (int, string, bool) {
	if e.rel != relNone || e.year != 0 || e.day == 0 {
		return 0, "", false
	}
	for _, a := range anchors {
		if a.month != e.month || a.day != e.day {
			continue
		}
		for _, c := range ctx {
			if c.typ == a.ctx {
				return a.year, a.what, true
			}
		}
	}
	return 0, "", false
}
