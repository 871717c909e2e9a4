package extract

// A plural anaphor ("these districts", "the three areas", "هذه المناطق")
// names again every district the sentence before named: "Armenia agreed
// to return Agdam, Kalbajar and Lachin. These districts were handed over
// in November 2020."

// pluralReach is how far from its control word, within the clause, a
// plural anaphor may stand.
const pluralReach = 6

// pluralAnaphor is the districts of the sentence before, when control word
// c's clause points back to them with a plural anaphor.
func (b *builder) pluralAnaphor(a *annotated, c cueHit) []target {
	if b.prev == nil {
		return nil
	}
	ts := a.s.toks
	village, found, count := false, false, 0
	for k := max(1, c.i-pluralReach); k < min(len(ts), c.j+pluralReach); k++ {
		if ts[k].kind != tokWord || a.clauseOf(k) != a.clauseOf(c.i) {
			continue
		}
		v := hasStem(ts[k], pluralSettlements)
		if !v && !hasStem(ts[k], pluralLands) {
			continue
		}
		d := k - 1
		if n, ok := smallCountAt(ts, d); ok {
			d, count = d-1, n // "the three districts"
		} else if n, ok := smallCountAt(ts, k+1); ok {
			count = n // "المحافظات السبع"
		}
		if d < 0 || !hasStem(ts[d], pluralDemonstratives) && !(d < k-1 && isWordAt(ts, d, "the")) {
			continue
		}
		if isWordAt(ts, d-1, "of", "من") {
			if _, ok := smallCountAt(ts, d-2); ok {
				return nil // "four of these provinces": some of them, not all
			}
		}
		village, found = v, true
		break
	}
	if !found {
		return nil
	}
	var out []target
	seen := map[string]bool{}
	for _, p := range b.prev.districts() {
		if p.place.Outside || seen[p.place.Region] {
			continue
		}
		seen[p.place.Region] = true
		out = append(out, target{place: p.place, tok: -1, anaphor: true, villages: village || p.place.Partial})
	}
	if count != 0 && count != len(out) {
		return nil // "the seven provinces" after a sentence naming one
	}
	return out
}
