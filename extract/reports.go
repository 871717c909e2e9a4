package extract

import (
	"slices"
	"strings"
	"time"
)

// Reports of the day (round extract14o): a day named as the same as the
// one just spoken of, plans told as a schedule, places reached through a
// village or a height of data/places.

func init() {
	// lists read by this file's finders (see lexicon.json)
	wordListNames = append(wordListNames, "same_day", "schedule_heads", "height_nouns")
}

// sameDayWord reports "same" in "the same day", "في اليوم نفسه", "في نفس
// اليوم": the day just spoken of.
func sameDayWord(t token) bool {
	return t.kind == tokWord && hasStem(t, lex.words["same_day"])
}

// sameDayOfLaunch unresolves "the same day" when the day just spoken of
// is the day an operation began ("the offensive, which started on 27
// September … The same day, X was freed"): that day belongs to the
// launch, and what happened "the same day" as the page's own news is not
// said.
func sameDayOfLaunch(anns []*annotated) {
	for i, a := range anns {
		for k, e := range a.dates {
			if !e.same || !a.res[k].ok {
				continue
			}
			ba, bk := sameDayBase(anns, i, k)
			if ba != nil && launchDate(ba, bk) {
				a.res[k].ok = false
			}
		}
	}
}

// sameDayBase finds the date that "the same day" at date k of sentence i
// counts from: the last day-precise date before it in its sentence, else
// in the sentence before.
func sameDayBase(anns []*annotated, i, k int) (*annotated, int) {
	a := anns[i]
	for m := k - 1; m >= 0; m-- {
		if a.res[m].ok && a.res[m].c.prec == "day" {
			return a, m
		}
	}
	if i == 0 || anns[i-1].s.idx != a.s.idx-1 {
		return nil, 0
	}
	p := anns[i-1]
	for m := len(p.dates) - 1; m >= 0; m-- {
		if p.res[m].ok && p.res[m].c.prec == "day" {
			return p, m
		}
	}
	return nil, 0
}

// scheduleHead reports a handover or withdrawal named as the complement
// of a time noun ("تاريخ تسليم المنطقة", "وقت انسحاب القوات", "the date of
// the handover"): the day set for it, a plan, not a change done, even
// when the day named is the one the ledger holds.
func scheduleHead(ts []token, c cueHit) bool {
	switch c.cls {
	case cueHandover, cueWithdraw, cueCede:
	default:
		return false
	}
	if c.prefix == "ل" || c.prefix == "لل" {
		// "مهلة عشرة أيام لسحب القوات", "استعدادا لتسليم المنطقة": what the
		// time or the steps are for
		return true
	}
	heads := lex.words["schedule_heads"]
	k := c.i - 1
	if isWordAt(ts, k, "the") {
		k--
	}
	if isWordAt(ts, k, "of", "for") {
		k--
		if isWordAt(ts, k, "date", "time") && isWordAt(ts, k-1, "the") {
			return true
		}
		return false
	}
	return k >= 0 && ts[k].kind == tokWord && !isLatinWord(ts[k].norm) && hasStem(ts[k], heads)
}

// villageObject binds control word c to a village or height of
// data/places named as its object ("حررت قمة X", "سيطرت على قرية Y",
// "took the village of Z") when the clause names no district: a partial
// change of the district the gazetteer puts the place in, with the place
// as its evidence. Between the word and the name stand only a place noun
// (a village, a summit), a preposition or an article.
func (b *builder) villageObject(a *annotated, c cueHit) []target {
	ts := a.s.toks
	for _, h := range a.villages {
		if h.place.Region == "" || h.place.Outside || h.i < c.j || h.i > c.j+3 || a.clauseOf(h.i) != a.clauseOf(c.i) {
			continue
		}
		ok := true
		for m := c.j; m < h.i; m++ {
			t := ts[m]
			if t.kind != tokWord {
				continue
			}
			if !(b.g.placeWords[t.norm] || hasStem(t, villageWords) || hasStem(t, lex.words["height_nouns"]) ||
				isWordAt(ts, m, "علي", "من", "the", "of", "on")) {
				ok = false
				break
			}
		}
		if !ok {
			return nil
		}
		p := *h.place
		p.Settlement = true // told on its own: a partial change of its district
		return []target{{place: &p, tok: h.i, villages: true}}
	}
	return nil
}

// villageDistrict is the one district of a sentence that tells of a
// village the gazetteer does not know ("Garadaghly is a village in the
// Khojavend district", "تعد قراداغلي من القرى في محافظة خوجاوند"): the
// district "the village" after it belongs to.
func villageDistrict(p *annotated) *Place {
	if p == nil || findWithin(p.s.toks, 0, len(p.s.toks), villageWords) < 0 {
		return nil
	}
	var one *Place
	for _, h := range p.places {
		if h.place.Region == "" || h.place.Outside {
			continue
		}
		if one != nil && one.Region != h.place.Region {
			return nil
		}
		one = h.place
	}
	return one
}

// villageAnaphor binds "the village" ("القرية") as the subject or object
// of control word c to the one village a sentence shortly before named
// ("… the liberated Jojug Marjanli village of Jabrayil region. … The
// village was fully liberated in April 2016"): a partial change of its
// district. The word must not introduce a name of its own ("the village
// of Talish").
func (b *builder) villageAnaphor(a *annotated, c cueHit) []target {
	if len(namedSettlements(a)) > 0 {
		return nil
	}
	v := b.villaged
	var one *Place
	if v != nil && v != a && a.s.idx-v.s.idx <= 5 {
		for _, h := range namedSettlements(v) {
			if h.place.Region == "" || h.place.Outside || one != nil && one.ID != h.place.ID {
				return nil
			}
			one = h.place
		}
	}
	if one == nil {
		one = villageDistrict(b.prev)
	}
	if one == nil {
		one = b.topic()
	}
	if one == nil {
		return nil
	}
	ts := a.s.toks
	for k := max(0, c.i-6); k < len(ts) && k <= c.j+3; k++ {
		if k >= c.i && k < c.j || a.clauseOf(k) != a.clauseOf(c.i) {
			continue
		}
		the := isWordAt(ts, k, "village") && isWordAt(ts, k-1, "the", "this") || isWordAt(ts, k, "القريه")
		if !the || isWordAt(ts, k+1, "of") || inPlace(a.places, k+1) {
			continue
		}
		p := *one
		p.Settlement = true
		return []target{{place: &p, tok: -1, anaphor: true, villages: true}}
	}
	return nil
}

// namedSettlements lists the villages and towns sentence a names: those
// that bind only as evidence and those that bind alone (Partial places).
func namedSettlements(a *annotated) []placeHit {
	out := slices.Clone(a.villages)
	for _, p := range a.places {
		if p.place.Partial && p.place.Settlement {
			out = append(out, p)
		}
	}
	return out
}

// newsDayBefore reports a day of the news ("مساء أمس", "yesterday",
// "on Sunday") told before control word c in its sentence, with no other
// control word between: "late last night, during the battles, the enemy
// took X" is that night's change, not a summary of the battles.
func newsDayBefore(a *annotated, c cueHit) bool {
	for k, d := range a.dates {
		if d.i >= c.i || !(d.rel == relDays && d.offset <= 0 || d.rel == relWeekday) || a.claimed[k] || a.deadline[k] {
			continue
		}
		if !a.cueBetween(d.i, c.i) {
			return true
		}
	}
	return false
}

// statementDay reports date k as the day of a statement that reports
// control word c ("أكد المتحدث، اليوم الإثنين، سيطرة …", "announced on
// Monday the capture of …"): a speech word before the date (up to ten
// words, no control word between), the
// control word after it in the same sentence with no other date between.
func statementDay(a *annotated, k int, c cueHit) bool {
	ts := a.s.toks
	d := a.dates[k]
	if d.i >= c.i {
		return false
	}
	for n, e := range a.dates {
		if n != k && e.i > d.j && e.i < c.i {
			return false
		}
	}
	speech := false
	for m := d.i - 1; m >= 0 && m >= d.i-10 && !cueAt(a, m); m-- {
		if ts[m].kind == tokWord && (hasStem(ts[m], speechWords) || hasStem(ts[m], confirmWords)) {
			speech = true
			break
		}
	}
	return speech
}

// foldStatementDays gives a change dated by the day of the statement
// that reports it the day another sentence tells for the same change
// (to the same side) one to three days before: the statement came after
// the event ("confirmed on Monday …; late last night the enemy took it").
func foldStatementDays(cs []cand) {
	for i := range cs {
		x := &cs[i]
		if !x.dated || !x.saidOn || x.date.prec != "day" {
			continue
		}
		for _, y := range cs {
			if !y.dated || y.saidOn || y.region != x.region || y.to != x.to || y.date.prec != "day" || y.date.d2 != 0 {
				continue
			}
			gap := x.date.time().Sub(y.date.time())
			if gap >= 24*time.Hour && gap <= 72*time.Hour {
				x.date, x.how = y.date, y.how
				break
			}
		}
	}
}

// nextSentenceDistrict binds a change told of villages with no district
// ("took 13 new villages in Karabakh") to the one district the next
// sentence places those villages in when that sentence tells no change
// of its own ("the liberated villages belong to the X district", "القرى
// المحررة تتبع لمنطقة X"): a partial change of that district.
func (b *builder) nextSentenceDistrict(a *annotated, c cueHit) []target {
	ts := a.s.toks
	if b.next == nil || len(b.next.cues) > 0 || findWithin(ts, c.j, min(4, len(ts)-c.j), villageWords) < 0 {
		return nil
	}
	n := b.next
	village := false
	for _, t := range n.s.toks {
		if t.kind == tokWord && hasStem(t, villageWords) {
			village = true
			break
		}
	}
	if !village {
		return nil
	}
	var found *Place
	for k := range n.places {
		p := n.places[k].place
		if p.Region == "" || p.Outside {
			continue
		}
		if found != nil && found.Region != p.Region {
			return nil // villages of several districts: not this rule's
		}
		found = p
	}
	if found == nil {
		return nil
	}
	return []target{{place: found, tok: -1, villages: true}}
}

// nextSentenceTown binds a change told of a town left unnamed ("captured
// a strategically important hilltop town in Nagorno-Karabakh") to the one
// district the next sentence names when it opens with that town ("The
// town, known as Shusha to Azerbaijanis …") and tells no change of its own.
func (b *builder) nextSentenceTown(a *annotated, c cueHit) []target {
	ts := a.s.toks
	if b.next == nil || len(b.next.cues) > 0 || len(a.districts()) > 0 {
		return nil
	}
	k := -1
	for n := c.j; n < min(len(ts), c.j+8); n++ {
		// "a town", "مدينة" (the list has the Arabic nouns with their article)
		if ts[n].kind == tokWord && (hasStem(ts[n], anaphorNouns) || anaphorNouns["ال"+ts[n].norm]) {
			k = n
			break
		}
	}
	if k < 0 || isWordAt(ts, k-1, "the", "this", "that") || strings.HasPrefix(ts[k].norm, "ال") {
		return nil // "the town" points back, not forward
	}
	nt := b.next.s.toks
	m := 0
	if isWordAt(nt, 0, "the") {
		m = 1
	}
	if m >= len(nt) || nt[m].kind != tokWord || !hasStem(nt[m], anaphorNouns) || !sameStem(ts[k], nt[m]) {
		return nil
	}
	// the names in apposition to the town: up to the comma that closes
	// it ("The town, known as Shusha …, sits"), or just after the noun
	end := m + 5
	if m+1 < len(nt) && isComma(nt[m+1]) {
		for end = m + 2; end < len(nt) && !isComma(nt[end]); end++ {
		}
	}
	var ds []placeHit
	for _, p := range b.next.districts() {
		if p.i > m && p.i < end {
			ds = append(ds, p)
		}
	}
	if len(ds) == 0 || !sameRegion(ds) || ds[0].place.Outside {
		return nil
	}
	return []target{{place: ds[0].place, tok: -1, anaphor: true, villages: ds[0].place.Partial}}
}

// lastWeekAt reads "الأسبوع الماضي", "الأسبوع المنصرم", "last week": a day
// of the week before the publication, told only to the month of that
// week (relWeek).
func lastWeekAt(ts []token, i int) (dateExpr, bool) {
	t := ts[i]
	if t.kind != tokWord {
		return dateExpr{}, false
	}
	switch {
	case isWordAt(ts, i, "last") && isWordAt(ts, i+1, "week"):
		return dateExpr{i: i, j: i + 2, rel: relWeek, offset: -1}, true
	case strings.HasSuffix(t.norm, "الاسبوع"):
		if q, n := qualAt(ts, i+1); q == qualPast {
			return dateExpr{i: i, j: n, rel: relWeek, offset: -1}, true
		}
	}
	return dateExpr{}, false
}

// resolveWeek places a week relative to the publication date: the month
// of the day seven days before it, month precision.
func resolveWeek(pub time.Time, e dateExpr) civil {
	t := pub.AddDate(0, 0, 7*e.offset)
	return civil{y: t.Year(), m: int(t.Month()), prec: "month"}
}

// appositionObject binds control word c whose object is a general noun
// set off by commas from the district it names ("تسليم المنطقة الأولى،
// أغدام،", "handed over the first district, Agdam,"): the district.
func (b *builder) appositionObject(a *annotated, c cueHit) []target {
	ts := a.s.toks
	k := c.j
	if isWordAt(ts, k, "the") {
		k++
	}
	if k >= len(ts) || ts[k].kind != tokWord || !(hasStem(ts[k], anaphorNouns) || b.g.placeWords[ts[k].norm]) {
		return nil
	}
	k++
	if k < len(ts) && ts[k].kind == tokWord {
		k++ // one adjective: "الأولى", "first"
	}
	if k >= len(ts) || ts[k].raw != "," && ts[k].raw != "،" {
		return nil
	}
	for m := range a.places {
		p := &a.places[m]
		if p.i == k+1 && p.place.Region != "" && !p.place.Outside && !p.place.Partial {
			return []target{{place: p.place, tok: p.i}}
		}
	}
	return nil
}

// partitiveObject reports a control word whose object is a count of a
// set named before ("سيطرت على أربعة منها", "took four of them"): a
// number of the places, not the last place named, so no anaphor binds.
func partitiveObject(a *annotated, c cueHit) bool {
	ts := a.s.toks
	k := c.j
	if isWordAt(ts, k, "علي") {
		k++
	}
	if _, ok := smallCountAt(ts, k); !ok {
		return false
	}
	return isWordAt(ts, k+1, "منها", "منهم", "منهن") || isWordAt(ts, k+1, "of") && isWordAt(ts, k+2, "them", "these", "those")
}

// operationNamed reports an Arabic control noun that names an operation
// ("عملية تحرير X", "حملة استعادة Y") in a sentence that writes no date: the
// operation spoken of as a whole ("the operation to free X took several
// days"), not a change of the page's day.
func operationNamed(s *sentence, c cueHit) bool {
	ts := s.toks
	if c.prefix != "" || c.i == 0 || ts[c.i-1].kind != tokWord || isLatinWord(ts[c.i-1].norm) || !hasStem(ts[c.i-1], operationWords) {
		return false
	}
	return len(parseDates(ts)) == 0
}

// attributionDate reports a date that closes the sentence's attribution
// after a change the sentence sets in a war named by its year ("…, which
// were liberated in the 2020 war, Trend reports on Oct.9 citing the
// ministry"): the day of the report, not of the change. (A past "said on
// Sunday" after a change is most often the day of the news itself.)
func attributionDate(a *annotated, c cueHit, k int) bool {
	ts := a.s.toks
	d := a.dates[k]
	if d.i <= c.j || !isWordAt(ts, d.i-1, "on") || !isWordAt(ts, d.i-2, "reports") || warYear(a) == 0 {
		return false
	}
	for m := c.j; m < d.i-2; m++ {
		if isComma(ts[m]) {
			return true
		}
	}
	return false
}
