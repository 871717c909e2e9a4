package extract

import (
	"fmt"
	"time"

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

// war is an offensive the ledger starts and the ceasefire that ended it.
type war struct{ first, last time.Time }

// warsFrom pairs each day-precise offensive start among the ledger's
// anchors (anchorsFrom) with the first ceasefire after it.
func warsFrom(anchors []anchor) []war {
	var starts, stops []time.Time
	for _, a := range anchors {
		t := time.Date(a.year, time.Month(a.month), a.day, 0, 0, 0, 0, time.UTC)
		switch a.ctx {
		case ctxOffensive:
			starts = append(starts, t)
		case ctxCeasefire:
			stops = append(stops, t)
		}
	}
	var out []war
	for _, s := range starts {
		for _, c := range stops {
			if !c.Before(s) {
				out = append(out, war{s, c})
				break
			}
		}
	}
	return out
}

// warDay dates "the Nth day of the war": the N-th day of the one war in
// the ledger that lasted that long, the latest before the publication
// date when there is one.
func (r *resolver) warDay(e dateExpr) (civil, string, bool) {
	var found []time.Time
	for _, w := range r.wars {
		d := w.first.AddDate(0, 0, e.offset)
		if d.After(w.last) || r.hasPub && d.After(r.pub) {
			continue
		}
		found = append(found, w.first)
	}
	if len(found) == 0 || len(found) > 1 && !r.hasPub {
		return civil{}, "", false
	}
	first := found[len(found)-1]
	return civilOf(first.AddDate(0, 0, e.offset)), fmt.Sprintf("day %d of the war the ledger starts on %s (%s)", e.offset+1, first.Format("2 January 2006"), e.word), true
}
