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

// coordinatedBefore lists the districts joined to antecedent t by "و" /
// "and" or a comma before it ("منطقتي أغدام وكالبجار اللتين سلمتا", "Agdam
// and Kalbajar, which were handed over"): a relative clause after a list
// is about every member of it.
func coordinatedBefore(a *annotated, t target) []target {
	ts := a.s.toks
	var out []target
	cur := t.tok
	for {
		var link bool
		for _, p := range a.places {
			if p.i == cur {
				link = p.prefix == "و"
			}
		}
		end := cur
		switch {
		case link:
		case isWordAt(ts, cur-1, "and", "و"), cur > 0 && ts[cur-1].kind == tokPunct && isComma(ts[cur-1]):
			end = cur - 1
		default:
			return out
		}
		found := false
		for _, p := range a.places {
			if p.j == end && p.place.Region != "" && !p.place.Partial && p.place.Region != t.place.Region {
				out = append(out, target{place: p.place, tok: p.i, relative: true})
				cur, found = p.i, true
				break
			}
		}
		if !found {
			return out
		}
	}
}

// relFewDays: "a few days ago", offset days from the publication date,
// resolved at month precision (kept apart from relDays, whose day is exact).
const relFewDays relKind = 100

// fewDaysAgoAt reads "a few days ago" without a count: "قبل أيام", "منذ
// أيام", "قبل بضعة أيام", "a few days ago", "several days ago", "days
// ago". Its day is unknown, so it is resolved at the precision of a month,
// about three days before the page. A count tied to an event ("قبل أيام
// من التحرير") is that event's, not a date.
func fewDaysAgoAt(ts []token, i int) (dateExpr, bool) {
	e := dateExpr{i: i, rel: relFewDays, offset: -3, approx: true}
	if isWordAt(ts, i, "قبل", "منذ", "وقبل", "ومنذ") {
		k := i + 1
		if isWordAt(ts, k, "بضعه", "عده") {
			k++
		}
		if !isWordAt(ts, k, "ايام") || isWordAt(ts, k+1, "من", "علي") {
			return dateExpr{}, false
		}
		e.j = k + 1
		return e, true
	}
	k := i
	if isWordAt(ts, k, "a") && isWordAt(ts, k+1, "few") {
		k += 2
	} else if isWordAt(ts, k, "several", "some") {
		k++
	}
	if !isWordAt(ts, k, "days") || !isWordAt(ts, k+1, "ago") {
		return dateExpr{}, false
	}
	e.j = k + 2
	return e, true
}
