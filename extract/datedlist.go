package extract

import (
	"fmt"
	"slices"
)

// A dated list names several districts, each followed by its own date,
// under a heading that tells what happened on those dates ("The
// Occupation in Figures / Shusha: May 8, 1992, territory 289 km2; Lachin:
// May 18, 1992, …", "Liberated: Jabrayil – 4 October 2020; Fuzuli – 17
// October 2020", "captured five districts: Kalbajar (April 1993), Aghdam
// (July 1993), …"). Each entry is a change of its district on its date.

// minListEntries is how many district-and-date entries make a list.
const minListEntries = 2

// listEntry is one district of a dated list with its date.
type listEntry struct {
	place placeHit
	date  int // index into the sentence's dates
}

// datedListEntries returns the entries of a sentence that is a dated list:
// a district followed by a colon or a dash and a date with a year.
func datedListEntries(a *annotated) []listEntry {
	ts := a.s.toks
	var out []listEntry
	for _, p := range a.places {
		if p.place == nil || p.place.Region == "" || p.place.Partial || p.j >= len(ts) {
			continue
		}
		r := ts[p.j].raw
		if r != ":" && r != "–" && r != "-" && r != "—" && r != "(" {
			continue
		}
		for k, d := range a.dates {
			if d.i == p.j+1 && a.res[k].ok && a.res[k].c.y != 0 && d.rel == relNone && d.year != 0 &&
				(r != "(" || d.j < len(ts) && ts[d.j].raw == ")") { // "Kalbajar (April 1993), Aghdam (July 1993)"
				out = append(out, listEntry{place: p, date: k})
				break
			}
		}
	}
	if len(out) < minListEntries {
		return nil
	}
	return out
}

// listHeading finds the side a dated list's heading gives its entries: a
// control word with no place of its own in the list's own sentence before
// its first entry, or in the sentence before the list. An occupation
// heading lists the occupier's gains, a liberation heading the other
// side's.
func listHeading(prev *annotated, a *annotated, first int) (side, word string, ok bool) {
	if side, word, ok = headingSide(a, first); ok || prev == nil {
		return side, word, ok
	}
	return headingSide(prev, len(prev.s.toks))
}

// headingSide reads tokens [0, limit) of s as a heading: no district, and
// a control word whose class names the side that gained.
func headingSide(s *annotated, limit int) (side, word string, ok bool) {
	// a list opened by a colon right after its heading ("captured five
	// districts, in addition to Lachin seized in May 1992: Kalbajar
	// (April 1993), …") may name a district in the heading, told apart
	opened := limit > 0 && limit <= len(s.s.toks) && s.s.toks[limit-1].raw == ":"
	for _, p := range s.places {
		if p.i < limit && p.place.Region != "" && !opened {
			return "", "", false // a heading names no district
		}
	}
	for _, c := range s.cues {
		if c.i >= limit {
			continue
		}
		switch c.cls {
		case cueOccupy:
			return actARM, s.s.toks[c.i].raw, true
		case cueLiberate, cueRetake:
			return actAZE, s.s.toks[c.i].raw, true
		case cueControl:
			// "the armed forces of Armenia captured": the side that took them
			if h, named := actorOf(s, c); named && h.actor != actRUS && (subjectOf(s, h, c) || agentOf(s, h, c)) {
				return h.actor, s.s.toks[c.i].raw, true
			}
		}
	}
	return "", "", false
}

// datedList proposes the entries of a dated list under a heading that
// says what they were, and reports whether the sentence was one.
func (b *builder) datedList(a *annotated, ev Evidence) bool {
	entries := datedListEntries(a)
	if len(entries) == 0 {
		return false
	}
	side, word, ok := listHeading(b.prev, a, entries[0].place.i)
	if !ok {
		return false
	}
	// the heading's own districts ("in addition to Lachin already seized in
	// May 1992:") are read as any sentence once the entries are taken out
	listed := map[int]bool{}
	for _, e := range entries {
		listed[e.place.i] = true
	}
	defer func() {
		a.places = slices.DeleteFunc(a.places, func(p placeHit) bool { return listed[p.i] })
	}()
	for _, e := range entries {
		r := a.res[e.date]
		x := cand{region: e.place.place.Region, to: side, kind: kindCapture, ev: ev, sent: a.s.idx,
			focus: a.s.toks[e.place.i].start, dated: true, date: r.c,
			how:  fmt.Sprintf("%s (the date a list under %q gives the district)", r.how, word),
			conf: b.dateConf(r.how, r.c.prec) - 0.1}
		a.bound = append(a.bound, e.place.i)
		if !b.addCand(x) {
			break
		}
	}
	return true
}

// headingNamesDistrict reports a dated list's sentence that, once its
// entries are taken out, still names a district with a control word: the
// heading's own change, read like any sentence.
func headingNamesDistrict(a *annotated) bool {
	for _, p := range a.places {
		if p.place.Region != "" && !p.place.Partial {
			for _, c := range a.cues {
				if c.i > p.i && c.i-p.j <= 3 {
					return true
				}
			}
		}
	}
	return false
}
