package extract

import (
	"fmt"

	"github.com/mapsvc/mapsvc/geo"
)

// anchor is a widely reported date of the conflict that articles cite by
// day and month only ("the 10 November ceasefire"). When a text names one
// without a year, the year is known; that lets a publication date be
// inferred from "today, Saturday" and "10 November this month". Anchors
// come from the ledger passed in (its ceasefires and offensives), not
// from a list in the code.
type anchor struct {
	month, day, year int
	ctx              string // the context phrase that must be in the same sentence
	what             string
}

// anchorsFrom lists the day-precise ceasefires and offensive starts of
// the ledger.
func anchorsFrom(h *geo.History) []anchor {
	if h == nil {
		return nil
	}
	var out []anchor
	for _, e := range h.Events() {
		var ctx string
		switch e.Kind {
		case geo.KindCeasefire:
			ctx = ctxCeasefire
		case geo.KindOffensiveStart:
			ctx = ctxOffensive
		default:
			continue
		}
		if e.Date.Precision != geo.PrecisionDay {
			continue
		}
		t := e.Date.First.Time()
		out = append(out, anchor{month: int(t.Month()), day: t.Day(), year: t.Year(), ctx: ctx,
			what: fmt.Sprintf("the ledger's %s of %s", e.Kind, t.Format("2 January 2006"))})
	}
	return out
}

// anchorYear returns the year of a day-month mention when the sentence
// also names the matching kind of event.
func anchorYear(anchors []anchor, e dateExpr, ctx []ctxHit) (int, string, bool) {
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
