package extract

// Villages placed in another district by the text itself (round
// extract14q): "seven villages of the X region passed to Azerbaijan …
// they belonged to the Y region under the old division". The page places
// the villages in Y; the change is Y's, not X's.

func init() {
	// lists read by this file's finders (see lexicon.json)
	wordListNames = append(wordListNames, "placement")
}

// placedIn finds, for each sentence, the district the text re-places the
// villages of that sentence in: a placement word ("belonged to", "was
// located in", "كانت تابعة ل") whose subject, within the three words
// before it, is a pronoun or an anaphoric or village noun ("they", "this
// area", "these villages"), followed within four words by a district.
// It holds for the sentence itself and the two before it.
func placedIn(anns []*annotated) map[int]*Place {
	out := map[int]*Place{}
	for n, a := range anns {
		ts := a.s.toks
		for k := range ts {
			if ts[k].kind != tokWord || !hasStem(ts[k], lex.words["placement"]) || !anaphoricSubject(ts, k) {
				continue
			}
			var y *Place
			for _, p := range a.places {
				if p.i > k && p.i <= k+5 && p.place.Region != "" && !p.place.Partial && !p.place.Settlement {
					y = p.place
					break
				}
			}
			if y == nil {
				continue
			}
			for m := max(0, n-2); m <= n; m++ {
				out[anns[m].s.idx] = y
			}
		}
	}
	return out
}

// anaphoricSubject reports a pronoun, an anaphoric noun or a village noun
// within the three words before token k.
func anaphoricSubject(ts []token, k int) bool {
	for m := k - 1; m >= 0 && m >= k-3; m-- {
		if ts[m].kind != tokWord {
			return false
		}
		if isWordAt(ts, m, "they", "it", "which") || hasStem(ts[m], anaphorNouns) || hasStem(ts[m], villageWords) {
			return true
		}
	}
	return false
}

// replaceVillageDistrict moves a target told of villages ("villages of
// X", "seven villages in the X region") to the district the text places
// them in, when that differs.
func (b *builder) replaceVillageDistrict(a *annotated, tg []target) []target {
	y := b.placed[a.s.idx]
	if y == nil {
		return tg
	}
	ts := a.s.toks
	for n, t := range tg {
		if t.tok < 0 || t.place.Region == "" || t.place.Region == y.Region {
			continue
		}
		if findWithin(ts, 0, t.tok, villageWords) < 0 {
			continue
		}
		tg[n].place, tg[n].villages = y, true
	}
	return tg
}
