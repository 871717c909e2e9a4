package extract

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/mapsvc/mapsvc/geo"
)

// cand is one reading of a control change from one sentence, before
// readings of the same change are merged into a Proposal.
type cand struct {
	region   string
	to       string
	date     civil
	how      string
	dated    bool
	kind     string
	conf     float64
	ev       Evidence
	sent     int
	lead     bool // in the first sentences: may take the publication date
	relative bool // inside a relative clause: background
	earlier  bool // in a sentence opened by "Earlier,", "سابقا": before the news
	// a change dated from a duration whose anchor is another proposal:
	// years before the change of region to anchorTo
	years    int
	anchorTo string
	ago      bool // "N years ago": counted back from the publication date only
	exact    bool // "exactly N years ago": to the day
	// agoDay is a day and month written without a year beside "N years
	// ago" ("occupied on May 8th sixteen years ago"): the day of the year
	// counted back to
	agoDay civil
	// sideNamed: the text names the side that gained (else it came from
	// the verb and the ledger on the day read)
	sideNamed bool
	durWord   string
	focus     int // rune offset of the words that carry the change
	// after: the change is told in a clause opened by "after" ("بعدما
	// سيطرت …", "after troops took …"): it came before the day the main
	// clause names, so that day's weekday does not date it
	after bool
	// noDate: the sentence writes no date of its own
	noDate bool
	// claimant is the side making the statement that reports the change
	claimant string
	// sideHow says why the side is not the one the words read (ledgerSide)
	sideHow string
	// partial: told of villages or heights of the district, not all of it
	partial bool
	// most: told of most of the district ("معظم أراضي", "most of"): the
	// larger part went to the gaining side
	most bool
	// needsPub is the relative date word ("today", a weekday) of a change
	// that cannot be placed without the publication date
	needsPub string
	// rel is that relative date, when the text gives one
	rel    dateExpr
	hasRel bool
	// saidOn: dated by the day of the statement that reports it
	saidOn bool
	// period: the control word is a noun after "during" ("خلال احتلال X",
	// "during the occupation of X"): a stretch of time, not a day
	period bool
	// annivGuess: an anniversary without a count dated by a date told
	// after it, a guess that a change the page dates outright overrides
	annivGuess bool
	// provinceName: the district was named by an NKR province seated in
	// it ("Hadrut", "Martuni"), a town and province that is not all of it
	provinceName bool
}

// countedDay is a change told with its day but no district ("freed 16
// more villages on Saturday"): the sentences after it may name them.
type countedDay struct {
	sent int
	date civil
	to   string
}

// schedRec is a planned date for a change ("كان مقررا أن تعود البلدة
// مطلع الشهر", "was due on the 1st").
type schedRec struct {
	region string
	to     string
	date   civil
	ev     Evidence
}

// builder walks the annotated sentences and collects readings.
type builder struct {
	// pageMonth bounds the days a page without a date may tell as its
	// news, from a URL with a year and month and no day (zero: none)
	pageMonth [2]geo.Day
	// counted: changes told with a day and no district (countedDay)
	counted []countedDay
	// operations: operations told with their date and no district
	// (noteOperation)
	operations []countedDay
	// planned: districts whose change the page tells as due by a
	// deadline ("must withdraw from X by Friday")
	planned map[string]bool
	g       *gazetteer
	runes   []rune
	opt     Options
	pub     time.Time
	hasPub  bool
	pubHow  string
	prev    *annotated
	prev2   *annotated // the sentence before prev
	// proseBefore counts the sentences of running text read so far: a
	// village intro is near the top when few came before it
	proseBefore int
	named       *annotated // the last sentence that named a district
	// warYear is the year of the war the sentence warSent named by its
	// year or dated the start of (see annotated.warBefore)
	warYear, warSent int
	// chain is the district sentences in a row have as their subject:
	// one opened by its name, then by "It"/"Its" (see subjectChain)
	chain     *Place
	chainSent int
	// villaged: the last sentence that named a village (villageAnaphor)
	villaged *annotated
	// topicVillage: the district of the village a page is about ("X is a
	// village in the Lachin District", before any control word), and
	// the sentence that said so: "it" and "the village" refer to it while
	// no other district is named
	topicVillage *Place
	topicName    string // the village's own name, as the intro wrote it ("Istisu")
	// villageOf: villages the gazetteer does not know that the text placed
	// in a district ("Papravand village of Agdam"), by their name
	villageOf map[string]*Place
	topicSent *annotated
	next      *annotated // the sentence after the one being read
	// placed: the district the text re-places a sentence's villages in
	// (placedIn)
	placed map[int]*Place
	// pastSent and past: the last sentence that wrote an explicit date
	// long before the publication date (a narrative turned to the past),
	// and that date
	pastSent int
	past     civil
	hasPast  bool
	// pastSigning: that sentence tells an agreement signed then
	pastSigning bool
	// datedSents: the sentences that write a date of their own
	datedSents map[int]bool
	cands      []cand
	sched      []schedRec
	context    []Mention
	// mentionIdx finds a mention by type, place and date
	mentionIdx map[string]int
	// eventSents counts the sentences before this one that tell a change
	eventSents int
	// denials and confirmations of changes, by side and district ("" for
	// a statement about the news as a whole)
	stance []stance
	// newsDay is the day the lead dates the news by a weekday or
	// "yesterday" ("أعلن … الثلاثاء", "announced, Thursday"); a later lead
	// sentence that goes on telling the same news with no date of its own
	// ("وأشار إلى …", "He added that …") happened that day too, not on
	// the publication day
	newsDay     civil
	newsDaySent int
	hasNewsDay  bool
	// stamps: the time-stamp lines of a live page (noteStamp)
	stamps []stamp
	// newsRel is the lead's weekday when the publication date is unknown
	newsRel     dateExpr
	newsRelSent int
	hasNewsRel  bool
	// latest is the latest day the text dates anything by a full date or
	// a year (not a deadline): the news is not older than it
	latest    geo.Day
	hasLatest bool
	// annivYear: for a sentence that commemorates a change without
	// saying how long ago ("ذكرى تحرير مدن …"), the year and month of the
	// change as the next sentences date it ("التي نفذت في سبتمبر 2023")
	annivYear map[int]civil
	// anniversary: the article commemorates a change ("the fifth
	// anniversary of the liberation of X"); its publication date is the
	// day of the commemoration, not of a change it retells
	anniversary bool
	// dayMonths are the days and months written without a year in the
	// sentences that name each district (ledgerDate)
	dayMonths map[string][][2]int
	// fullDays are the full dates written in sentences naming a district
	// (writtenDays)
	fullDays map[string][]geo.Day
	// groupDay is the day the ledger gives the districts one control word
	// lists, keyed by sentence and the control word's offset (groupDays)
	groupDay  map[[2]int]geo.Day
	groupSize map[[2]int]int
	// groupRegions: the districts of the undated readings of a sentence
	groupRegions map[int][]string
	// anchors: what the changes dated by the ledger say about the day of
	// a page whose date is unknown (noteAnchor, pageDay); fitPrecise: the
	// last ledgerDate found a change the ledger dates to one day
	anchors    []pageAnchor
	fitPrecise bool
	// dateline: a dateline's day and month without a year (pageDay)
	dateline    dateExpr
	hasDateline bool
	// todayWd: the weekday the page calls today (noteLandmarks)
	todayWd     time.Weekday
	hasTodayWd  bool
	todayWdWord string
	// pageNeedsConfirm: the page's day rests on landmarks alone
	pageNeedsConfirm bool
}

// stance is one side denying or confirming what the article reports.
type stance struct {
	side, region string
	deny         bool
	ev           Evidence
}

// cueInfo is a control word with its modality and places.
type cueInfo struct {
	c       cueHit
	mod     modality
	targets []target
}

// sentence reads one annotated sentence.
func (b *builder) sentence(a *annotated) {
	if b.warYear != 0 && a.s.idx-b.warSent <= 2 {
		a.warBefore = b.warYear
	}
	a.daysWar = b.daysWarYear(a)
	ev := a.evidence(b.runes)
	if b.datedList(a, ev) && !headingNamesDistrict(a) {
		b.notePrev(a)
		return
	}
	b.noteNewsDay(a)
	b.noteNewsRel(a)
	b.noteStamp(a)
	consumed, durCue := b.durationCues(a)

	// bind control words to places in text order, so that pronouns can
	// refer to places bound earlier
	var infos []cueInfo
	for ci, c := range a.cues {
		if consumed[ci] {
			continue
		}
		mod := modalityOf(a.s, c)
		if mod == modEvent && operationFrame(a, c) {
			mod = modCumulative
		}
		// "تعهدت يريفان بسحب جنودها وبتسليم البلدة": a verb joined by و
		// shares the modality of the one before it
		if n := len(infos); n > 0 && mod == modEvent && strings.HasPrefix(c.prefix, "و") {
			p := infos[n-1]
			if p.mod != modEvent && a.clauseOf(p.c.i) == a.clauseOf(c.i) && c.i-p.c.j <= 4 {
				mod = p.mod
			}
		}
		tg := b.bindTargets(a, c)
		if partitiveObject(a, c) {
			tg = nil // "four of them": a count, not the last place named
		}
		tg = append(tg, b.continuation(a, c, tg)...)
		if mod == modEvent && c.cls != cueHeld {
			// villages of several districts: every district named
			have := map[string]bool{}
			var whole []target
			for _, t := range tg {
				if t.place.Region != "" && !t.place.Partial {
					have[t.place.Region] = true
					// "captured villages in X": the villages, not X
					t.villages = t.villages || t.tok > c.j && findWithin(a.s.toks, c.j, t.tok-c.j, villageWords) >= 0 ||
						t.tok >= 0 && t.tok < c.i && findWithin(a.s.toks, max(0, t.tok-3), min(3, t.tok), villageWords) >= 0
					if t.tok > 0 {
						from := max(0, t.tok-4)
						if k := findWithin(a.s.toks, from, t.tok-from, majorityWords); k >= 0 && a.clauseOf(k) == a.clauseOf(t.tok) {
							t.villages, t.most = true, true
						}
						if partOfBefore(a.s.toks, t.tok) {
							t.villages = true // "part of the Lachin district": not the whole
						}
					}
					whole = append(whole, t)
				}
			}
			for _, t := range b.villageList(a, c) {
				if !have[t.place.Region] {
					whole = append(whole, t)
				}
			}
			if len(whole) >= len(tg) || (len(whole) > 0 && len(tg) > 0 && tg[0].place.Region == "") {
				tg = whole
			}
			if len(whole) == 0 && (len(tg) == 0 || tg[0].place.Region == "") {
				if v := b.villageObject(a, c); v != nil {
					tg = v
				} else if t, ok := b.participleSubject(a, c); ok {
					tg = []target{t}
				} else if t, ok := b.itSubject(a, c); ok {
					// "It was returned to Azerbaijan as part of the …
					// Nagorno-Karabakh agreement": the subject, not the
					// region named after the word
					tg = []target{t}
				} else if v := b.villageAnaphor(a, c); v != nil {
					tg = v
				}
				if v := b.nextSentenceDistrict(a, c); v != nil {
					tg = v
				}
				if v := b.nextSentenceTown(a, c); v != nil {
					tg = v
				}
				if v := b.appositionObject(a, c); v != nil {
					tg = v
				}
			}
		}
		if len(tg) == 0 && mod == modEvent {
			tg = sharedObject(a, c, infos)
		}
		if len(tg) == 0 && mod == modEvent {
			tg = b.pluralAnaphor(a, c)
		}
		tg = followedBy(a, c, tg)
		tg = b.replaceVillageDistrict(a, tg)
		tg = slices.DeleteFunc(tg, func(t target) bool { return t.place == nil }) // a binder that found no place gives no target
		for _, t := range tg {
			if t.tok >= 0 {
				a.bound = append(a.bound, t.tok)
			} else if t.anaphor && t.place.Region != "" {
				a.boundBack = append(a.boundBack, boundBack{at: c.i, place: t.place})
			}
		}
		infos = append(infos, cueInfo{c: c, mod: mod, targets: tg})
	}
	// non-events first: their dates are theirs alone
	for _, in := range infos {
		if in.mod != modEvent {
			b.nonEvent(a, in, ev)
		}
	}
	var mainEvent *cand
	for _, in := range infos {
		if in.mod != modEvent || in.c.cls == cueHeld && !heldByDate(a, in.c) {
			continue
		}
		if c := b.event(a, in, ev); c != nil && mainEvent == nil {
			mainEvent = c
		}
	}
	if mainEvent != nil {
		b.eventSents++
	}
	if len(a.cues) == 0 {
		b.listAfter(a, ev)
	}
	b.noteOperation(a)
	b.durations(a, durCue, mainEvent, ev)
	b.contextHits(a, ev)
	if operationAnniversary(a.s.toks) {
		// "the 24th anniversary of the Horadiz operation": a piece that
		// marks an operation retells its gains; the page's day dates none
		b.anniversary = true
	}
	b.stances(a, ev)
	b.notePast(a)
	if len(a.dates) > 0 {
		if b.datedSents == nil {
			b.datedSents = map[int]bool{}
		}
		b.datedSents[a.s.idx] = true
	}
	b.notePrev(a)
}

// proseSentence reports a sentence of running text, five words or more
// ending in a full stop, unlike an infobox's lines ("District Lachin",
// "Population (2015)"), which do not push a village page's intro down.
func proseSentence(ts []token) bool {
	words := 0
	for _, t := range ts {
		if t.kind == tokWord {
			words++
		}
	}
	n := len(ts) - 1
	return words >= 5 && n >= 0 && (ts[n].raw == "." || ts[n].raw == "!" || ts[n].raw == "?")
}

// villageIntro reports a sentence that places a village
// ("X is a village in …", "visited the village of X in the Y district",
// "تقع قرية X في …"): a village word, then a district within a few words.
func villageIntro(a *annotated) bool {
	ts := a.s.toks
	for k := range ts {
		if ts[k].kind != tokWord || !hasStem(ts[k], villageWords) {
			continue
		}
		for _, p := range a.places {
			if p.i > k && p.i-k <= 6 && p.place.Region != "" {
				return true
			}
		}
	}
	return false
}

// namesOnly reports a sentence whose districts are all region (the
// village page's own district named again, under another name).
func (b *builder) namesOnly(a *annotated, region string) bool {
	if a == nil {
		return false
	}
	for _, p := range a.places {
		if p.place.Region != "" && p.place.Region != region {
			return false
		}
	}
	return true
}

// villageName is the name a village intro opens with ("Istisu is a
// village in the Kalbajar District"): a capitalised word the gazetteer
// does not know, or "".
func villageName(a *annotated) string {
	ts := a.s.toks
	f := firstWord(ts)
	if f >= len(ts) || ts[f].kind != tokWord || !unicode.IsUpper(firstRune(ts[f].raw)) || isWordAt(ts, f, "the", "it", "this") || inPlace(a.places, f) {
		return ""
	}
	return ts[f].norm
}

// topicByName binds a control word whose sentence names the page's
// village by its own name before the word ("Istisu was returned to
// Azerbaijan on 25 November 2020") to the village's district.
func (b *builder) topicByName(a *annotated, c cueHit) (target, bool) {
	t := b.topic()
	if t == nil || b.topicName == "" {
		return target{}, false
	}
	for k := 0; k < c.i; k++ {
		if a.s.toks[k].kind == tokWord && a.s.toks[k].norm == b.topicName && a.clauseOf(k) == a.clauseOf(c.i) {
			return target{place: t, tok: -1, anaphor: true, villages: true}, true
		}
	}
	return target{}, false
}

// followedBy adds to the targets of control word c a district named after
// ", followed by" later in its sentence ("Agdam was transferred to
// Azerbaijan on November 20, followed by Kalbacar five days later"): the
// same change, told of the next place, dated by what follows it.
func followedBy(a *annotated, c cueHit, tg []target) []target {
	if len(tg) == 0 {
		return tg
	}
	ts := a.s.toks
	for _, p := range a.places {
		k := p.i
		if k < c.j+2 || p.place.Region == "" || !isWordAt(ts, k-1, "by") || !isWordAt(ts, k-2, "followed") || k < 3 || !isComma(ts[k-3]) {
			continue
		}
		if a.cueBetween(c.i, k) {
			continue // another control word's own clause
		}
		tg = append(tg, target{place: p.place, tok: p.i})
	}
	return tg
}

// learnVillages notes each village the gazetteer does not know that
// sentence a places in a district ("occupied Papravand village of Agdam",
// "Papravand village in the Agdam district"), so that later sentences
// that name it alone ("Papravand village was occupied on June 26, 1993")
// speak of that district.
func (b *builder) learnVillages(a *annotated) {
	ts := a.s.toks
	for f := 0; f+2 < len(ts); f++ {
		if !isLatinWordAt(ts, f) || !unicode.IsUpper(firstRune(ts[f].raw)) || inPlace(a.places, f) || inPlace(a.villages, f) ||
			!isWordAt(ts, f+1, "village") || !isWordAt(ts, f+2, "of", "in") {
			continue
		}
		k := f + 3
		if isWordAt(ts, k, "the") {
			k++
		}
		for _, p := range a.places {
			if p.i == k && p.place.Region != "" && !p.place.Partial && !p.place.Outside {
				if b.villageOf == nil {
					b.villageOf = map[string]*Place{}
				}
				v := *p.place
				v.Settlement = true
				b.villageOf[ts[f].norm] = &v
			}
		}
	}
}

// learnedVillage binds a control word whose clause names, before it or
// right after it, a village an earlier sentence placed in a district
// ("Papravand village was occupied", "took Papravand"): that district, in
// part.
func (b *builder) learnedVillage(a *annotated, c cueHit) (target, bool) {
	ts := a.s.toks
	for k := 0; k < len(ts) && k <= c.j+2; k++ {
		if ts[k].kind != tokWord || a.clauseOf(k) != a.clauseOf(c.i) || k >= c.i && k < c.j {
			continue
		}
		if p, ok := b.villageOf[ts[k].norm]; ok && !inPlace(a.places, k) {
			return target{place: p, tok: -1, anaphor: true, villages: true}, true
		}
	}
	return target{}, false
}

// topic is the page's village district (topicVillage) while no other
// district has been named since.
func (b *builder) topic() *Place {
	if b.topicVillage == nil || b.named != b.topicSent && !b.namesOnly(b.named, b.topicVillage.Region) {
		return nil
	}
	p := *b.topicVillage
	p.Settlement = true
	return &p
}

// notePrev makes a the sentence before the next, and the last to name a
// district when it names one.
func (b *builder) notePrev(a *annotated) {
	b.noteSubjectChain(a)
	b.prev2, b.prev = b.prev, a
	if y := warStartYear(a); y != 0 {
		b.warYear, b.warSent = y, a.s.idx
	}
	if len(namedSettlements(a)) > 0 {
		b.villaged = a
	}
	if b.topicSent == nil && len(a.cues) == 0 && b.proseBefore <= 6 && villageIntro(a) {
		if p := villageDistrict(a); p != nil {
			b.topicVillage, b.topicSent = p, a
			b.topicName = villageName(a)
		}
	}
	if proseSentence(a.s.toks) {
		b.proseBefore++
	}
	b.learnVillages(a)
	for _, p := range a.places {
		if p.place.Region != "" {
			b.named = a
			break
		}
	}
}

// notePast records a sentence that writes an explicit date more than
// half a year before the publication date (see builder.past).
func (b *builder) notePast(a *annotated) {
	if !b.hasPub {
		return
	}
	for k, e := range a.dates {
		r := a.res[k]
		if e.rel != relNone || e.year == 0 || a.claimed[k] || a.deadline[k] && !isSigning(a, e) || !r.ok {
			continue
		}
		if b.pub.Sub(r.c.time()).Hours() < 24*182 {
			continue
		}
		b.pastSent, b.past, b.hasPast = a.s.idx, r.c, true
		b.pastSigning = isSigning(a, e)
		return
	}
}

// isSigning reports a date told as the day an agreement was signed.
func isSigning(a *annotated, e dateExpr) bool {
	return findWithin(a.s.toks, max(0, e.i-4), min(4, e.i), signingWords) >= 0
}

// isLead reports a sentence of the article's lead, which tells the news
// of the day: one of the first sentences, or (below a headline, a
// dateline, a photo caption and a lead that names no district) one of
// the first two that tell a change of a district,
// so long as it is near the top.
func (b *builder) isLead(a *annotated) bool {
	return a.s.idx < 4 || (b.eventSents < 2 && a.s.idx < 10)
}

// durationCues finds control words that belong to a duration phrase: "بعد
// عقدين على احتلالها" (the occupation is the earlier change), "ظلت تحت
// السيطرة منذ صيف 1992" (held since), "احتلوها قبل ثلاثين عاما".
func (b *builder) durationCues(a *annotated) (map[int]bool, map[int]int) {
	consumed := map[int]bool{}
	durCue := map[int]int{}
	ts := a.s.toks
	for di, d := range a.durs {
		switch d.kind {
		case durAfter:
			k := d.j
			if isWordAt(ts, k, "علي", "من", "of", "since") {
				k++
			}
			if k < len(ts) && ts[k].kind == tokPunct {
				// "After 27 years, the army entered Aghdam": the duration
				// is the clause's own adverb, and the word after the comma
				// the change that ended the span, not the earlier one
				continue
			}
			for ci, c := range a.cues {
				if c.i == k || c.i == k+1 {
					consumed[ci], durCue[di] = true, ci
				}
			}
		case durAgo, durSince, durFor:
			best := -1
			for ci, c := range a.cues {
				if a.clauseOf(c.i) != a.clauseOf(d.i) || c.i > d.i || d.i-c.j > 8 {
					continue
				}
				best = ci
			}
			if best < 0 && d.kind == durSince {
				best = frontedSinceCue(a, d)
			}
			if best >= 0 {
				consumed[best], durCue[di] = true, best
			}
		}
	}
	return consumed, durCue
}

// frontedSinceCue is the state a sentence opened by "Since D," tells
// ("Since May 1992, the town has been under the control of …"): the
// first word of holding in the few words after the comma.
func frontedSinceCue(a *annotated, d durExpr) int {
	ts := a.s.toks
	if !isSentenceStart(ts, d.i) || d.j >= len(ts) || !isComma(ts[d.j]) {
		return -1
	}
	for ci, c := range a.cues {
		if c.i > d.j && c.i-d.j <= 10 {
			if c.cls == cueHeld {
				return ci
			}
			return -1
		}
	}
	return -1
}

// heldByDate reports a hold reached by a day that opens the sentence
// ("By May 9, Armenians were firmly in control of the town", "By 5
// April the whole district was under Armenian control"): the change that
// made it came by then.
func heldByDate(a *annotated, c cueHit) bool {
	ts := a.s.toks
	f := firstWord(ts)
	if !isWordAt(ts, f, "by") {
		return false
	}
	for k, d := range a.dates {
		if d.i == f+1 && d.j < c.i && d.month != 0 && d.rel == relNone && a.res[k].ok {
			return !a.cueBetween(d.j, c.i)
		}
	}
	return false
}

// nonEvent records a planned, future, conditional or intended change.
func (b *builder) nonEvent(a *annotated, in cueInfo, ev Evidence) {
	if in.mod == modNegated {
		return
	}
	typ := map[modality]string{modFuture: ctxFuture, modScheduled: ctxScheduled, modCond: ctxIntent, modIntent: ctxIntent, modOperation: ctxOffensive, modCumulative: ctxUndated, modTopic: ctxUndated}[in.mod]
	if len(in.targets) == 0 && in.mod == modScheduled {
		// "The handover had been scheduled for 15 November": the change
		// told just before
		if t, ok := b.antecedent(a, in.c.i); ok && t.place != nil {
			in.targets = []target{t}
		}
	}
	if len(in.targets) == 0 && in.mod == modCumulative && warYear(a) != 0 {
		in.targets = b.subjectList(a, in.c) // "Fuzuli was liberated during the 2020 war"
	}
	if len(in.targets) == 0 {
		if in.mod != modOperation { // the launch phrase itself is recorded by contextHits
			b.mention(Mention{Type: typ, Place: a.karabakh()}, ev)
		}
		return
	}
	for _, t := range in.targets {
		if in.mod == modCumulative && t.place.Region != "" {
			if x, ok := b.frameFromLedger(a, in.c, t, ev); ok {
				b.addCand(x)
				continue
			}
		}
		m := Mention{Type: typ, Region: t.place.Region}
		if t.place.Region == "" || t.place.Partial {
			m.Place = t.place.ID
		}
		if k, ok := b.pickDate(a, in.c, t); ok && !(in.mod == modCumulative && a.cueBetween(in.c.i, a.dates[k].i)) &&
			!((in.mod == modIntent || in.mod == modCond) && a.dates[k].j <= in.c.i && a.cueBetween(a.dates[k].i, in.c.i)) {
			// (a running total does not take the day of a later control
			// word's own clause: "freed 280 villages within weeks, among
			// them Shusha, which was retaken on 8 November"; an aim told
			// after another control word leaves that word its day:
			// "أعلن، أمس، أن قواته أحكمت السيطرة على شوشة …، مؤكدة أن
			// القتال متواصل للسيطرة عليها")
			a.claimed[k] = true
			c := a.res[k].c
			if in.mod == modFuture || in.mod == modScheduled {
				b.forwardWeekday(a, k) // "will be handed over on Sunday": the coming one
				c = b.nearestOccurrence(a.res[k].c, a.res[k].how)
			}
			m.Date, m.Precision = c.String(), c.prec
			if in.mod == modScheduled && t.place.Region != "" && !t.place.Partial && len(b.sched) < maxCands {
				b.sched = append(b.sched, schedRec{region: t.place.Region, to: b.sideFor(a, in.c, t.place.Region, c), date: c, ev: ev})
				continue
			}
		}
		b.mention(m, ev)
	}
}

// nearestOccurrence moves a planned or future date written without a
// year to the occurrence nearest the publication date: a handover "due on
// 1 December" in an article of 20 November is the coming one, not last
// year's.
func (b *builder) nearestOccurrence(c civil, how string) civil {
	if !b.hasPub || !strings.Contains(how, "year from publication date") {
		return c
	}
	best := c
	for _, dy := range []int{-1, 1} {
		alt := c
		alt.y += dy
		if c.d != 0 && !validDay(alt.y, alt.m, alt.d) {
			continue
		}
		if absDur(alt.time().Sub(b.pub)) < absDur(best.time().Sub(b.pub)) {
			best = alt
		}
	}
	return best
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// event turns a control word that reports a change into readings.
func (b *builder) event(a *annotated, in cueInfo, ev Evidence) *cand {
	c := in.c
	if len(in.targets) == 0 {
		typ := ctxAreaWide
		if c.cls == cueSurrender {
			typ = ctxCapitulate
		}
		m := Mention{Type: typ, Place: a.karabakh()}
		year := 0
		dayOf := civil{}
		if k, ok := b.pickDate(a, c, target{tok: -1}); ok {
			m.Date, m.Precision = a.res[k].c.String(), a.res[k].c.prec
			year = a.res[k].c.y
			if a.res[k].c.prec == "day" && c.cls != cueSurrender {
				dayOf = a.res[k].c
			}
		} else if b.isLead(a) && b.hasPub {
			// the lead of the article reports the news of the day
			c := civilOf(b.pub)
			m.Date, m.Precision, m.Note = c.String(), c.prec, "date is the publication date"
			year = c.y
		}
		m.To = b.sideFor(a, c, "", civil{y: year})
		b.mention(m, ev)
		if dayOf.y != 0 && m.To != "" {
			b.counted = append(b.counted, countedDay{sent: a.s.idx, date: dayOf, to: m.To})
		}
		return nil
	}
	var first *cand
	// keep adds a reading and remembers the first one added; false when
	// the builder takes no more
	keep := func(x cand) bool {
		if !b.addCand(x) {
			return false
		}
		if first == nil {
			first = &b.cands[len(b.cands)-1]
		}
		return true
	}
	// a side not named in the text is read from the ledger per district;
	// when one control word lists several, they went the same way: the
	// majority of what the ledger says
	sides := map[string]int{}
	for _, t := range in.targets {
		k, dated := b.pickDate(a, c, t)
		when := b.sideDate(a, k, dated)
		sides[b.sideFor(a, c, t.place.Region, when)]++
	}
	common, n := "", 0
	for s, m := range sides {
		if s != "" && (m > n || m == n && s < common) {
			common, n = s, m
		}
	}
	annivYears, anniv := anniversaryOf(a, c)
	for _, t := range in.targets {
		k, dated := b.pickDate(a, c, t)
		if anniv && t.place.Region == "" {
			// "the second anniversary of the liberation of Karabakh": no
			// district, so no proposal (a region-wide mention)
			b.mention(Mention{Type: ctxAreaWide, Place: t.place.ID, Note: "anniversary"}, ev)
			continue
		}
		if anniv {
			// "the fifth anniversary of the liberation of X": the change
			// was N years before the day the anniversary falls on
			b.anniversary = true
			d, ok := b.anniversaryDate(a, annivYears)
			guess := false
			how := "derived from anniversary"
			if !ok && annivYears == 0 {
				// the ledger's one change of the district on the page's
				// day and month before a date told next, which may be
				// another event's ("a decree signed on July 31, 2023")
				if d, ok = b.annivFromLedger(t.place.Region); ok {
					how += fmt.Sprintf(" (the ledger's one change of %s on the page's day and month, in %d)", t.place.Region, d.y)
				}
			}
			if !ok {
				if d, ok = b.annivOnWrittenDay(a, t.place.Region); ok {
					how += fmt.Sprintf(" (the ledger's one change of %s on the day and month the text writes, in %d)", t.place.Region, d.y)
				}
			}
			if !ok && annivYears == 0 {
				d, ok = b.annivFromNext(a)
				guess = ok
			}
			if !ok {
				b.mention(Mention{Type: ctxUndated, Region: t.place.Region, Note: "anniversary"}, ev)
				continue
			}
			to := b.sideFor(a, c, t.place.Region, d)
			if s := commemorator(a, c); s != "" && (c.cls == cueLiberate || c.cls == cueRetake) {
				to = s // a side marks its own gains ("تحيي أذربيجان ذكرى تحرير …")
			}
			x := cand{region: t.place.Region, to: to, kind: kindOf(a, c), ev: ev, sent: a.s.idx,
				focus: a.s.toks[c.i].start, dated: true, date: d, how: how, conf: 0.6, annivGuess: guess}
			if x.to != "" {
				b.addCand(x)
			}
			continue
		}
		if beforeVerbalNoun(a.s.toks, c.i) && !(dated && a.dates[k].i > c.i) {
			// "documented on Saturday the ruin left before its withdrawal
			// from Aghdam": the withdrawal came later than what the
			// clause's date dates (a date told after the word is its own)
			b.mention(Mention{Type: ctxUndated, Region: t.place.Region, Note: "told as after the main clause"}, ev)
			continue
		}
		if !dated && afterVerbalNoun(a.s.toks, c.i) && b.mainDated(a, c) {
			// "X became possible on 9 October after the clearing of Y": Y
			// came before that day, neither on it nor on the page's
			b.mention(Mention{Type: ctxUndated, Region: t.place.Region, Note: "told as before the main clause"}, ev)
			continue
		}
		if y1, y2, span := yearSpanOf(a.s.toks); !dated && span {
			// "first retaken in 1991-1992": a span of years dates no
			// single change, and the page's day does not either, unless
			// the ledger has the one change of the district to the side
			// in those years ("captured by Armenian forces in 1991–1992")
			if x, ok := b.spanFromLedger(a, c, t, y1, y2, ev); ok {
				b.addCand(x)
				continue
			}
			b.mention(Mention{Type: ctxUndated, Region: t.place.Region, Note: "a span of years"}, ev)
			continue
		}
		if x, ok := b.inFrameOfYear(a, c, t, dated, ev); ok {
			// "Khojavend returned to Azerbaijan's control in the 2023
			// offensive"
			b.addCand(x)
			continue
		}
		if dated && b.hasPub && progressiveAt(a.s.toks, c) {
			b.forwardWeekday(a, k) // "is being handed over on Sunday": the coming one
		}
		when := b.sideDate(a, k, dated)
		to := b.sideFor(a, c, t.place.Region, when)
		if len(in.targets) > 1 && common != "" {
			to = common
		}
		if t.place.Partial && !t.place.Settlement && t.place.Region != "" && !t.place.Outside && receiverNamed(a, c) {
			// "the Lachin corridor that was handed over to Azerbaijan":
			// a part of the district, given to a side the text names
			t.villages = true
		} else if t.place.Partial && t.place.Settlement && t.place.Region != "" && !t.place.Outside && !unnamedVillageTaker(a, c, t) {
			t.villages = true // "Sugovushan was liberated": a partial change of its district
		} else if t.place.Region == "" || t.place.Partial {
			typ := ctxAreaWide
			switch {
			case t.place.Outside:
				typ = ctxOutsideArea
			case t.place.Partial:
				typ = ctxPartial
			case c.cls == cueSurrender:
				typ = ctxCapitulate
			}
			m := Mention{Type: typ, Region: t.place.Region, Place: t.place.ID, To: to}
			if dated {
				m.Date, m.Precision = a.res[k].c.String(), a.res[k].c.prec
				if typ == ctxAreaWide && a.res[k].c.prec == "day" && to != "" {
					// "took 3 more villages in Karabakh on Friday": the
					// next sentences may name them (countedDay)
					b.counted = append(b.counted, countedDay{sent: a.s.idx, date: a.res[k].c, to: to})
				}
			}
			b.mention(m, ev)
			continue
		}
		if to == "" {
			continue
		}
		x := cand{
			region: t.place.Region, to: to, kind: kindOf(a, c), ev: ev, sent: a.s.idx,
			lead: b.isLead(a), relative: isRelative(a.s.toks, c) || reducedRelative(a, c), earlier: earlierSentence(a.s.toks) || earlierAdverb(a.s.toks, c) || vagueLater(a), focus: a.s.toks[c.i].start,
			claimant: speaker(a, c), partial: t.villages, most: t.most, after: afterClause(a.s.toks, c.i),
			provinceName: provinceNameAt(a, t),
		}
		x.saidOn = dated && statementDay(a, k, c)
		x.period = duringPeriod(a.s.toks, c.i)
		if dated && b.hasPub && a.res[k].c.prec == "day" && a.res[k].c.time().Sub(b.pub) > 24*time.Hour && toldAsDone(a.s.toks, c) && a.res[k].how == "explicit (year from publication date)" {
			// "on 25 November Kalbajar was handed over" in a page of 20
			// November: a day told as done that the page's year would put
			// after the page is of the year before
			r := &a.res[k]
			r.c.y--
			r.how = "explicit (the year before the publication's: told as done)"
		}
		if dated && b.hasPub && a.res[k].c.prec == "day" && a.res[k].c.time().Sub(b.pub) > 24*time.Hour {
			// a day after the article appeared: a plan told as a list
			// of dates, not a change that happened
			b.mention(Mention{Type: ctxFuture, Region: t.place.Region, Date: a.res[k].c.String(), Precision: "day"}, ev)
			continue
		}
		if !dated && !x.hasRel {
			// a day and month the text writes without a year and no
			// publication date places ("entered Kalbajar on November 25")
			pos, bestDist := c.i, 1<<30
			if t.tok >= 0 && !t.anaphor {
				pos = t.tok // the date nearest the place ("Aghdam on 20 November and Kalbajar on 25 November")
			}
			for kk, e := range a.dates {
				if e.rel == relNone && e.year == 0 && e.month != 0 && e.day != 0 && e.dayEnd == 0 && !a.res[kk].ok && !a.deadline[kk] && !a.claimed[kk] &&
					a.clauseOf(e.i) == a.clauseOf(c.i) && abs(e.i-pos) < bestDist {
					x.rel, x.hasRel, bestDist = e, true, abs(e.i-pos)
				}
			}
		}
		if !dated && dueBy(a, c) {
			// "must leave X by Friday", "الانسحاب من X بحلول الجمعة": a
			// change still to come when the page was written
			if b.planned == nil {
				b.planned = map[string]bool{}
			}
			b.planned[t.place.Region] = true
			b.mention(Mention{Type: ctxFuture, Region: t.place.Region, To: to}, ev)
			continue
		}
		if !dated && consequenceOfOccupation(a, c) {
			// "As a result of the occupation, the enemy captured …": what
			// the occupation told before brought, not a change of the day
			x.lead = false
		}
		if !dated && b.hasPast && a.s.idx > b.pastSent && a.s.idx-b.pastSent <= 2 && b.pastSent > 0 {
			// the sentences after one that turned to an earlier year ("the
			// war ended with a declaration signed in November 2020") tell
			// that past, not the news of the day
			x.lead = false
			if x.kind == kindHandover && b.pastSigning && b.past.m != 0 {
				x.dated, x.date = true, civil{y: b.past.y, m: b.past.m, prec: "month"}
				x.how = fmt.Sprintf("the month of the agreement told before (sentence %d)", b.pastSent+1)
				x.conf = 0.5
			}
		}
		if !dated {
			for kk, e := range a.dates {
				if a.deadline[kk] && e.rel == relNone && e.i < c.i {
					// "by November 2020 the army had freed …": a state
					// reached by then, not the news of the day
					x.lead = false
				}
			}
		}
		if n, ref, refHow, ok := b.dayAfterRef(a, c, k, dated); ok {
			// "freed 23 villages, a day after liberating Shusha", "بعد
			// يومين من دخول …": the change came n days before the day of
			// the main clause, or of the page when the clause is its news
			x.dated, x.date = true, civilOf(ref.time().AddDate(0, 0, -n))
			x.how = fmt.Sprintf("%d day(s) before the day of the main clause, %s", n, refHow)
			x.conf = b.dateConf("explicit", "day") - 0.1
			x.lead = false
			if !keep(x) {
				break
			}
			continue
		}
		if !dated {
			if d, how, ok := b.resultOfLaunched(a, c, t.place.Region, x.to); ok && !t.villages {
				// "The battle of X took place in July 1993. As a result,
				// the city was occupied …"
				x.dated, x.date, x.how, x.conf, x.lead = true, d, how, 0.5, false
				if !keep(x) {
					break
				}
				continue
			}
			if d, how, ok := b.underDocument(a, c, t.place.Region, x.to); ok {
				// "handed over to Azerbaijan under the trilateral
				// statement of November 9, 2020"
				x.dated, x.date, x.how, x.conf, x.lead = true, d, how, 0.5, false
				if !keep(x) {
					break
				}
				continue
			}
			if d, how, ok := b.afterSigning(a, c, t.place.Region, x.to); ok {
				// "After the statement was signed on November 9, 2020,
				// Azerbaijan took control of Kalbajar"
				x.dated, x.date, x.how, x.conf, x.lead = true, d, how, 0.5, false
				if !keep(x) {
					break
				}
				continue
			}
		}
		if dated {
			x.dated, x.date, x.how = true, a.res[k].c, a.res[k].how
			x.conf = b.dateConf(x.how, x.date.prec)
		} else if !b.hasPub {
			x.needsPub = unresolvedRelative(a, c)
			if e, ok := unresolvedRelativeExpr(a, c); ok {
				x.rel, x.hasRel = e, true
			}
			x.noDate = !ownDate(a)
		}
		_, named := actorOf(a, c)
		x.sideNamed = named
		if !named && c.cls != cueLiberate && c.cls != cueOccupy {
			x.conf -= 0.05 // side taken from the verb or the era, not stated
		}
		if !keep(x) {
			break
		}
	}
	if first == nil {
		return nil
	}
	cp := *first
	return &cp
}

// underDocument dates an undated change done under an agreement named by
// its day after the control word ("handed over to Azerbaijan under the
// trilateral statement of November 9, 2020", "as part of the 10 November
// deal"): the ledger's first change of the district to that side in the
// afterSigningDays from that day.
func (b *builder) underDocument(a *annotated, c cueHit, region, to string) (civil, string, bool) {
	h := b.opt.History
	ts := a.s.toks
	if h == nil || region == "" || to == "" || len(a.dates) != 1 {
		return civil{}, "", false // (another day in the sentence, "said on Friday", may be the change's)
	}
	for k, d := range a.dates {
		r := a.res[k]
		if d.i <= c.j || d.i-c.j > 12 || !r.ok || r.c.prec != "day" || !(namesDocument(ts, d) || findWithin(ts, max(c.j, d.i-4), min(4, d.i-c.j), documentNames) >= 0) {
			continue
		}
		if !underDocumentWord(ts, c.j, d.i) {
			continue
		}
		from := geo.DayOf(r.c.y, r.c.m, r.c.d)
		first := firstLedgerChange(h, region, to, func(e *geo.Event) bool { return e.Date.First > from && e.Date.First-from <= afterSigningDays })
		if first == nil {
			return civil{}, "", false
		}
		day, ok := civilOfSpan(first.Date)
		if !ok {
			return civil{}, "", false
		}
		return day, fmt.Sprintf("%s %s to %s on %s, the first after the agreement of %s it was done under", ledgerDateHow, region, to, first.Date, r.c), true
	}
	return civil{}, "", false
}

// firstLedgerChange is the ledger's earliest change of region to side to
// that in keeps (baselines aside), or nil.
func firstLedgerChange(h *geo.History, region, to string, in func(e *geo.Event) bool) *geo.Event {
	var first *geo.Event
	for _, e := range h.Events() {
		if e.Region != region || string(e.To) != to || e.Kind == geo.KindBaseline || !in(e) {
			continue
		}
		if first == nil || e.Date.First < first.Date.First {
			first = e
		}
	}
	return first
}

// underDocumentWord reports "under", "per", "as part of", "in line with",
// "according to", "in accordance with" or "pursuant to" between tokens i
// and j.
func underDocumentWord(ts []token, i, j int) bool {
	for k := i; k < j; k++ {
		switch {
		case isWordAt(ts, k, "under", "per", "pursuant"):
			return true
		case isWordAt(ts, k, "part") && isWordAt(ts, k-1, "as"),
			isWordAt(ts, k, "line") && isWordAt(ts, k-1, "in"),
			isWordAt(ts, k, "according", "accordance"):
			return true
		}
	}
	return false
}

// afterSigningDays is how long after an agreement's signing a change told
// as following it may come: the 2020 handovers came 11 to 22 days after.
const afterSigningDays = 60

// afterSigning dates an undated change told after an agreement's signing
// day ("After the trilateral statement was signed on November 9, 2020,
// Azerbaijan gained control over Karvachar"): the ledger's first change
// of the district to that side in the days after it, at the precision the
// ledger gives it.
func (b *builder) afterSigning(a *annotated, c cueHit, region, to string) (civil, string, bool) {
	h := b.opt.History
	if h == nil || region == "" || to == "" {
		return civil{}, "", false
	}
	ts := a.s.toks
	for k, d := range a.dates {
		r := a.res[k]
		if !a.deadline[k] || !r.ok || r.c.prec != "day" || d.j > c.i || findWithin(ts, max(0, d.i-8), min(8, d.i), signingWords) < 0 ||
			findWithin(ts, max(0, d.i-16), min(16, d.i), priorOpeners) < 0 {
			continue
		}
		from := geo.DayOf(r.c.y, r.c.m, r.c.d)
		first := firstLedgerChange(h, region, to, func(e *geo.Event) bool { return e.Date.First > from && e.Date.First-from <= afterSigningDays })
		if first == nil {
			return civil{}, "", false
		}
		y, m, dd := first.Date.First.Date()
		day := civil{y: y, m: m, d: dd, prec: "day"}
		if first.Date.Precision != geo.PrecisionDay {
			day = civil{y: y, prec: "year"} // a span of days: its year is what is sure
		}
		return day, fmt.Sprintf("%s %s to %s on %s, the first after the signing on %s", ledgerDateHow, region, to, first.Date, r.c), true
	}
	return civil{}, "", false
}

// launched reports a sentence that tells an operation's launch.
func (a *annotated) launched() bool {
	ts := a.s.toks
	return findWithin(ts, 0, len(ts), launchWords) >= 0 && findWithin(ts, 0, len(ts), operationWords) >= 0
}

// resultOfLaunched dates an undated change a sentence tells as the result
// of an operation or a battle ("As a result of the offensive, X was
// occupied", "As a result, the city was occupied") that one of the two
// sentences before dated: the ledger's first change of the district to
// that side from the day it was launched to afterSigningDays after, or
// within the month or the year it is dated to.
func (b *builder) resultOfLaunched(a *annotated, c cueHit, region, to string) (civil, string, bool) {
	h := b.opt.History
	ts := a.s.toks
	if h == nil || region == "" || to == "" {
		return civil{}, "", false
	}
	r := findWithin(ts, 0, c.i, resultWords)
	bare := r >= 0 && r <= firstWord(ts)+2 && r+1 < len(ts) && isComma(ts[r+1]) // "As a result, …"
	named := r >= 0 && findWithin(ts, r, min(10, c.i-r), operationWords) >= 0   // "As a result of the \"Wedding in the Mountains\" operation"
	if r < 0 || !bare && !named {
		return civil{}, "", false
	}
	for _, p := range []*annotated{b.prev, b.prev2} {
		if p == nil {
			continue
		}
		pts := p.s.toks
		if !named && findWithin(pts, 0, len(pts), operationWords) < 0 && findWithin(pts, 0, len(pts), battleWords) < 0 {
			continue
		}
		launched := p.launched()
		for k := range p.dates {
			pr := p.res[k]
			if e := p.dates[k]; !pr.ok && e.rel == relNone && e.year == 0 && e.dayEnd > e.day {
				// "in 1992, May 8-9": the span's year written apart
				for kk, o := range p.dates {
					if kk != k && o.rel == relNone && o.year != 0 && o.month == 0 {
						pr = resolved{ok: true, c: civil{y: o.year, m: e.month, d: e.day, prec: "day"}}
					}
				}
			}
			if !pr.ok || p.dates[k].rel != relNone || len(p.dates) != 1 && !launchDate(p, k) && p.dates[k].dayEnd <= p.dates[k].day {
				continue
			}
			var from, until geo.Day
			e := p.dates[k]
			switch {
			case pr.c.prec == "day" && e.dayEnd > e.day:
				// "in 1992, May 8-9": the days the sentence before spans
				from = geo.DayOf(pr.c.y, pr.c.m, pr.c.d)
				until = from + geo.Day(e.dayEnd-e.day)
			case pr.c.prec == "day" && launched:
				from = geo.DayOf(pr.c.y, pr.c.m, pr.c.d)
				until = from + afterSigningDays
			case pr.c.prec == "month" && !launched:
				from = geo.DayOf(pr.c.y, pr.c.m, 1)
				until = geo.DayOf(pr.c.y, pr.c.m+1, 1) - 1
			default:
				continue
			}
			first := firstLedgerChange(h, region, to, func(e *geo.Event) bool { return e.Date.Last >= from && e.Date.First <= until })
			if first == nil {
				return civil{}, "", false
			}
			day, ok := civilOfSpan(first.Date)
			if !ok {
				return civil{}, "", false
			}
			return day, fmt.Sprintf("%s %s to %s on %s, the first in the days of the operation told as of %s", ledgerDateHow, region, to, first.Date, pr.c), true
		}
	}
	return civil{}, "", false
}

// dueBy reports a control word whose clause sets a deadline after it
// ("بحلول الجمعة", "لغاية …", "to withdraw … by 1 December"): the change
// is still to come. A past perfect after the date ("by 3 April … had
// taken") tells a change done by then (doneBy).
func dueBy(a *annotated, c cueHit) bool {
	ts := a.s.toks
	for _, d := range a.dates {
		if d.i < c.j || d.i-c.j > 8 || a.clauseOf(d.i) != a.clauseOf(c.i) || doneBy(ts, d) {
			continue
		}
		if isWordAt(ts, d.i-1, "بحلول", "لغايه") ||
			isWordAt(ts, d.i-1, "by") && isWordAt(ts, c.i-1, "to") {
			return true
		}
		// "the handover of Kalbajar until November 15": a noun of the
		// change with its deadline names what was due, not what was done
		// ("completed the withdrawal of … by D" tells it done)
		if isWordAt(ts, d.i-1, "by", "until") && isWordAt(ts, c.i-1, "the") && isWordAt(ts, c.j, "of") && !(c.i >= 2 && hasStem(ts[c.i-2], completionWords)) {
			return true
		}
	}
	return false
}

// receiverNamed reports a handover or cession whose clause names the side
// that received it ("handed over to Azerbaijan", "transferred to
// Azerbaijani control"), other than peacekeepers.
func receiverNamed(a *annotated, c cueHit) bool {
	if c.cls != cueHandover && c.cls != cueCede {
		return false
	}
	for _, x := range a.actors {
		if x.to && x.actor != actRUS && a.clauseOf(x.i) == a.clauseOf(c.i) {
			return true
		}
	}
	return false
}

// kindOf classifies a change by its wording.
func kindOf(a *annotated, c cueHit) string {
	if c.cls == cueSurrender && surrenderedGround(a, c) {
		return kindHandover
	}
	if c.cls == cueSurrender {
		return kindCapitulation
	}
	for _, o := range a.cues {
		if o.cls == cueSurrender && a.clauseOf(o.i) == a.clauseOf(c.i) {
			return kindCapitulation
		}
	}
	if c.cls == cueHandover || c.cls == cueCede || tiedToAgreement(a.s.toks) {
		return kindHandover
	}
	for _, o := range a.cues {
		if o.cls == cueHandover || o.cls == cueCede {
			return kindHandover
		}
	}
	if c.cls == cueWithdraw {
		return kindWithdrawal
	}
	return kindCapture
}

// sideFor decides who gained control through control word c.
func (b *builder) sideFor(a *annotated, c cueHit, region string, when civil) string {
	h, named := actorOf(a, c)
	if !named {
		// the subject named earlier in the sentence ("جنود من أذربيجان،
		// يوم الجمعة، رفعوا … بعد بسط سيطرتهم"), when no other control
		// word stands between
		h, named = sentenceSubject(a, c)
	}
	if named && c.cls == cueFall && !h.to && conceding(a, h, c) {
		// "X conceded the fall of Y", "اعترفت X بسقوط Y": X lost it
		return other(h.actor)
	}
	if !named {
		// "“Our army took X,” the Armenian minister said": the side of
		// the one who speaks in the first person
		if sp := firstPersonSpeaker(a, c); sp != "" {
			h, named = actorHit{i: -1, actor: sp}, true
		}
	}
	if !named {
		// only the side that held the place is named ("captured the
		// Armenian-held town"): the other side gained it
		for _, x := range a.actors {
			if x.holder && x.actor != actRUS && a.clauseOf(x.i) == a.clauseOf(c.i) {
				return other(x.actor)
			}
		}
		// "were cleared of Armenian separatists": the side named as
		// what the place was rid of lost it
		if lost, ok := clearedOfSide(a, c); ok {
			return other(lost)
		}
	}
	if named && h.actor == actRUS {
		if c.cls == cueWithdraw {
			return "" // peacekeepers leaving hand nothing to either side by themselves
		}
		named = false
	}
	switch c.cls {
	case cueOccupy:
		// "occupied" is mostly said of Armenian forces' gains; a side
		// named as its subject or agent ("the Azerbaijani military
		// occupied the village", "occupied by Azerbaijani troops") is its
		// own
		if named && h.actor != actRUS && (subjectOf(a, h, c) || agentOf(a, h, c)) {
			return h.actor
		}
		if when.prec == "day" && b.opt.History != nil && region != "" {
			// "on March 24, 2022 … were occupied by the enemy", in an
			// Armenian text: the word is the speaker's for the other
			// side's gain; the ledger's change of that day tells whose
			from, to := civilSpan(when)
			if changed, _ := ledgerChanges(b.opt.History, region, from, to); changed != "" {
				return changed
			}
		}
		return actARM
	case cueLiberate:
		// each side calls its own gains liberation ("تحرير كارفاجار" in
		// an Armenian text of 1993): the side named, else away from the
		// ledger's holder, else Azerbaijan (whose word it mostly is). A
		// side named near the word is as often the loser ("liberated from
		// Armenian occupation") as the winner, so the ledger goes first.
		// A liberation the ledger shows no side advancing toward is the
		// word's usual side, not the one away from a settled holder: a
		// piece of 2024 that says Aghdam was "liberated on 20 November"
		// retells Azerbaijan's gain, which the ledger then dates.
		if nkrNamed(a, c, region) {
			// "the liberation of Shushi", "Karvachar": the Armenian
			// side's name for the place, and its word for its own gain
			return actARM
		}
		if s, ok := freedFromOccupier(a, c); ok {
			// "liberated from the Armenian occupation", "حررت من
			// الاحتلال الأرمني": the occupier named lost it, whatever the
			// ledger says of the days around
			return other(s)
		}
		if s, guess := b.unnamedSideWhy(region, when); s != "" && !guess {
			return s
		}
		return actAZE
	case cueHandover, cueCede:
		for _, x := range a.actors {
			if x.to && x.actor != actRUS && a.clauseOf(x.i) == a.clauseOf(c.i) {
				return x.actor
			}
		}
		return actAZE
	case cueWithdraw, cueSurrender, cueLose:
		if named && receivedBy(c, h) {
			return h.actor // "surrendered to Azerbaijan", "lost the town to X"
		}
		if named {
			return other(h.actor)
		}
		if s := b.unnamedSide(region, when); s != "" {
			return s
		}
		return actAZE
	case cueFall:
		// "Goradiz fell", said by a side: a place falls to the side named
		// after "to"; a side named otherwise (the one who says so) lost it
		if named && h.to {
			return h.actor
		}
		if s := b.unnamedSide(region, when); s != "" {
			return s
		}
		if named {
			return other(h.actor)
		}
		return ""
	case cueRetake:
		if named {
			return h.actor
		}
		// "was retaken" with no side: back to the side that held it
		// before the ledger's holder of the day took it (away from that
		// holder), else Azerbaijan's (whose word it mostly is)
		if s := b.unnamedSide(region, when); s != "" {
			return s
		}
		return actAZE
	}
	if named {
		return h.actor
	}
	return b.unnamedSide(region, when)
}

// advancingSide is the side that made (nearly) all of the ledger's
// control changes in the advancingDays before day d, when there were at
// least two; "" when there were fewer or both sides gained.
func advancingSide(h *geo.History, d geo.Day) string {
	n := map[string]int{}
	total := 0
	for _, e := range h.Events() {
		if e.To == "" || e.Kind == geo.KindBaseline || e.Date.First > d || d-e.Date.First > advancingDays {
			continue
		}
		n[string(e.To)]++
		total++
	}
	if total < 2 {
		return ""
	}
	for s, k := range n {
		if k*5 >= total*4 {
			return s
		}
	}
	return ""
}

// advancingDays is how long after a side's last gain in a district it is
// still taken to be the one advancing there.
const advancingDays = 60

// unnamedSide is the side a change of district region on date when went
// to when the text names no side: away from the ledger's holder on the
// day before (Options.History), or, in a district split between the
// sides, the side that gained there last. Without a history or a date it
// is unknown ("").
func (b *builder) unnamedSide(region string, when civil) string {
	side, _ := b.unnamedSideWhy(region, when)
	return side
}

// unnamedSideWhy is unnamedSide, and whether the side is only the one
// away from a holder that was not losing ground there (no side advancing
// in the district or along the front): a guess that a word with a side of
// its own may overrule.
func (b *builder) unnamedSideWhy(region string, when civil) (string, bool) {
	h := b.opt.History
	if h == nil || region == "" || when.y == 0 {
		return "", false
	}
	r, err := h.Region(region)
	if err != nil {
		return "", false
	}
	d, err := geo.ParseDay(when.time().AddDate(0, 0, -1).Format("2006-01-02"))
	if err != nil {
		return "", false
	}
	st := h.StateAt(r, d)
	if st.Controller == "" {
		return "", false
	}
	// the changes the ledger records in the days the date may mean, when
	// they all went one way ("from 2 to 5 April the army freed the heights
	// around Talish"): that side, whoever held the most before
	from, to := civilSpan(when)
	changed, anyChange := ledgerChanges(h, region, from, to)
	if changed != "" {
		return changed, false
	}
	var last *geo.Event
	if len(st.EventIDs) > 0 {
		if e, err := h.Event(st.EventIDs[len(st.EventIDs)-1]); err == nil && e.To != "" && e.Date.First <= d {
			last = e
		}
	}
	// A side that gained ground in the district in the weeks before (or
	// whose gain is still under way, dated by a range) is the one
	// advancing: the fighting goes on there, whoever holds the most of it
	// ("liberated three more villages of Jabrayil" after its town was
	// taken).
	if last != nil && d-last.Date.Last <= advancingDays {
		return string(last.To), false
	}
	// A side that made the conflict's gains of those weeks elsewhere is
	// the one advancing here too (an offensive moves along the front).
	if s := advancingSide(h, d); s != "" {
		return s, false
	}
	if st.Extent == geo.ExtentPartial && last != nil {
		// In a split district either side may take ground; the side that
		// gained there last is the one advancing.
		return string(last.To), false
	}
	// the side away from the holder is a guess only when the ledger
	// records no change of the district in the days the date may mean
	return other(string(st.Controller)), !anyChange
}

// ledgerChanges looks at the ledger's changes of district region between
// days from and to: side is theirs when there are some and all went one
// way ("" when none or both), any whether there are some.
func ledgerChanges(h *geo.History, region string, from, to geo.Day) (side string, any bool) {
	for _, e := range h.Events() {
		if e.Region != region || e.To == "" || e.Kind == geo.KindBaseline || e.Date.First > to || e.Date.Last < from {
			continue
		}
		if any && side != string(e.To) {
			return "", true // both sides gained there then
		}
		side, any = string(e.To), true
	}
	return side, any
}

// dateConf is the base confidence of a dated reading.
func (b *builder) dateConf(how, prec string) float64 {
	conf := 0.9
	switch {
	case strings.HasPrefix(how, "relative"):
		conf = 0.85
		if b.pubHow != "given" {
			conf = 0.75
		}
	case strings.HasPrefix(how, "explicit (year inferred"):
		conf = 0.7
	case strings.HasPrefix(how, "explicit (year from"), strings.HasPrefix(how, "explicit (month from"):
		conf = 0.85
		if b.pubHow != "given" && strings.Contains(how, "publication") {
			conf = 0.75
		}
	case strings.HasPrefix(how, "derived"):
		conf = 0.6
	case how == "publication date":
		conf = 0.5
	}
	switch prec {
	case "month":
		conf -= 0.05
	case "year":
		conf -= 0.1
	}
	return conf
}

// durations turns "بعد عقدين", "for the first time in thirty years", "منذ صيف
// 1993" into the earlier change they imply.
func (b *builder) durations(a *annotated, durCue map[int]int, main *cand, ev Evidence) {
	for di, d := range a.durs {
		var region, to string
		village := false
		ci, hasCue := durCue[di]
		var cue cueHit
		if hasCue {
			cue = a.cues[ci]
			tg := b.bindTargets(a, cue)
			switch {
			case len(tg) > 0 && tg[0].place.Region != "" && !tg[0].place.Partial:
				region = tg[0].place.Region
			case len(tg) > 0 && d.kind == durAgo && tg[0].place.Settlement && tg[0].place.Region != "" && !tg[0].place.Outside:
				// "freed the village of Talish exactly one year ago": the
				// village's change, counted back from the page
				region, village = tg[0].place.Region, true
			case len(tg) > 0:
				continue // Karabakh as a whole, or a village held over a span: not a district change
			}
		}
		if region == "" {
			switch {
			case main != nil:
				region = main.region
			default:
				region = b.soleDistrict(a)
			}
		}
		if region == "" {
			if d.vague {
				b.mention(Mention{Type: ctxVague, Place: a.karabakh(), Note: d.word}, ev)
			}
			continue
		}
		if d.vague {
			b.mention(Mention{Type: ctxVague, Region: region, Note: d.word}, ev)
			continue
		}
		if d.kind == durSince {
			c, _, ok := (&resolver{pub: b.pub, hasPub: b.hasPub}).resolve(d.since)
			if !ok {
				continue
			}
			if hasCue {
				if h, named := actorOf(a, cue); named && h.actor == actRUS {
					continue // held by peacekeepers since: no side's control
				}
			}
			// "held by the Armenian side since": the side holding it since then
			to = ""
			if hasCue {
				to = b.sideFor(a, cue, region, c)
			}
			if to == "" {
				continue
			}
			b.addCand(cand{region: region, to: to, dated: true, date: c,
				how: "derived from duration (" + d.word + ")", kind: kindCapture,
				conf: b.dateConf("explicit", c.prec) - 0.1, ev: ev, sent: a.s.idx, focus: a.s.toks[d.i].start})
			if k, ok := untilDate(a, d.j); ok {
				// "occupied from 8 May 1992 until 8 November 2020": the
				// hold ended then, the district going to the other side
				e := a.dates[k]
				b.addCand(cand{region: region, to: other(to), dated: true, date: a.res[k].c,
					how: "the end of a hold told from " + c.String() + " (" + joinRaw(a.s.toks, d.j, e.j) + ")", kind: kindCapture,
					conf: b.dateConf("explicit", a.res[k].c.prec) - 0.1, ev: ev, sent: a.s.idx, focus: a.s.toks[e.i].start})
			}
			continue
		}
		// N years before an anchor event
		if d.kind == durAgo && !hasCue && (main == nil || main.region != region) {
			continue // "Five years ago, …" dates only a change the sentence tells
		}
		if d.kind == durAgo && !hasCue && main != nil && main.region == region {
			// "24 years ago today (18 May 1992) Lachin was occupied", "Five
			// years ago, on 8 November 2020, …": the span dates the change
			// the sentence tells, not an earlier one the other way
			if main.dated {
				continue
			}
			b.addCand(cand{region: region, to: main.to, kind: main.kind, ev: ev, sent: a.s.idx,
				how: "derived from duration (" + d.word + ")", conf: 0.55, years: d.years, anchorTo: main.to, durWord: d.word,
				ago: true, exact: d.exact, sideNamed: main.sideNamed, partial: main.partial, focus: a.s.toks[d.i].start})
			continue
		}
		if d.kind == durFor && !hasCue {
			// "fortifications built over 30 years": a span that no control
			// word governs is not a span of control
			continue
		}
		switch {
		case hasCue && d.kind == durFor:
			to = b.sideFor(a, cue, region, civil{})
		case hasCue && (cue.cls == cueOccupy || cue.cls == cueHeld || d.kind == durAgo):
			to = b.sideFor(a, cue, region, civil{})
		case main != nil:
			to = other(main.to)
		default:
			if !b.returns(a) {
				continue
			}
			to = actARM // Azerbaijan coming back after N years: the earlier change went the other way
		}
		if to == "" && main != nil && main.region == region {
			// "X, under occupation for 28 years, has been liberated": the
			// span the sentence's change ended went the other way
			to = other(main.to)
		}
		if to == "" && hasCue && cue.cls == cueHeld && occupationWord(a.s.toks, cue) {
			to = actARM // "under occupation for 28 years": the word's side
		}
		if to == "" {
			continue // no side the text or the ledger gives
		}
		if main != nil && main.dated && main.region == region && main.to == to {
			// "occupied Shusha on 8 May 1992 and it stayed under
			// occupation for 28 years": the span starts at the change the
			// sentence dates; it is no second, earlier change. "occupied
			// it 28 years ago this week, in April 1993": the date written
			// dates the change the span counts back to
			continue
		}
		x := cand{region: region, to: to, kind: kindCapture, ev: ev, sent: a.s.idx,
			how: "derived from duration (" + d.word + ")", conf: 0.55, years: d.years, anchorTo: other(to), durWord: d.word,
			ago: d.kind == durAgo, exact: d.exact, partial: village,
			focus: a.s.toks[d.i].start}
		if d.kind == durAgo {
			x.agoDay = yearlessDay(a, d)
		}
		anchorY := 0
		switch k, free := b.freeDate(a); {
		case d.kind == durAgo:
			// "N years ago" counts from the page's day, never from a date
			// of the sentence ("occupied it 28 years ago, in April 1993")
		case main != nil && main.dated && main.region == region:
			anchorY = main.date.y
		case free:
			anchorY = a.res[k].c.y
		}
		if anchorY != 0 {
			x.dated, x.date = true, civil{y: anchorY - d.years, prec: "year"}
		}
		b.addCand(x)
	}
}

// yearlessDay is a day and month written without a year within four
// tokens of duration d ("on May 8th sixteen years ago"), or the zero
// civil.
func yearlessDay(a *annotated, d durExpr) civil {
	for _, e := range a.dates {
		if e.rel != relNone || e.year != 0 || e.month == 0 || e.day == 0 || e.dayEnd != 0 {
			continue
		}
		if e.j <= d.i && d.i-e.j <= 4 || e.i >= d.j && e.i-d.j <= 4 {
			return civil{m: e.month, d: e.day, prec: "day"}
		}
	}
	return civil{}
}

// untilDate finds a date written in full right after token j and "until"
// ("… since 8 May 1992, until 8 November 2020", "حتى يوم 8 نوفمبر"): the
// end of the span that began at the date before it.
func untilDate(a *annotated, j int) (int, bool) {
	ts := a.s.toks
	if j < len(ts) && isComma(ts[j]) {
		j++
	}
	if !isWordAt(ts, j, "until", "till", "to", "حتي", "الي") {
		return 0, false
	}
	j++
	if isWordAt(ts, j, "يوم", "عام", "العام") {
		j++
	}
	for k, e := range a.dates {
		if e.i == j && a.res[k].ok && e.rel == relNone && e.year != 0 {
			return k, true
		}
	}
	return 0, false
}

// operationAnniversary reports an anniversary word with an operation word
// a few words after it ("anniversary of Horadiz operation", "ذكرى عملية").
func operationAnniversary(ts []token) bool {
	for k := range ts {
		if ts[k].kind == tokWord && hasStem(ts[k], anniversaryWords) && findWithin(ts, k+1, 5, operationWords) >= 0 {
			return true
		}
	}
	return false
}

// subjectOf reports side mention h as the subject of control word c: right
// before it with only its head noun between ("Azerbaijani forces
// occupied"), or right after an Arabic verb ("احتلت القوات الأذربيجانية").
func subjectOf(a *annotated, h actorHit, c cueHit) bool {
	ts := a.s.toks
	from, to := h.i+1, c.i
	if h.i > c.i {
		from, to = c.j, h.i
		if latinWord(ts[c.i]) {
			return false // English puts the subject first
		}
	}
	if to-from > 4 {
		return false
	}
	heads := 0
	for k := from; k < to; k++ {
		if ts[k].kind != tokWord {
			return false
		}
		switch {
		case hasStem(ts[k], actorHeads) || isWordAt(ts, k, "the"):
			heads++
		case h.i < c.i && (lyAdverb(ts[k]) || isWordAt(ts, k, "has", "have", "had")):
			// "Azerbaijani forces allegedly occupied", "troops have
			// captured": an adverb or an auxiliary before the verb
		default:
			return false
		}
	}
	return heads <= 2
}

// agentOf reports side mention h as the agent of a passive control word
// c ("occupied by Azerbaijani troops", "احتلت من قبل القوات").
func agentOf(a *annotated, h actorHit, c cueHit) bool {
	ts := a.s.toks
	if h.i <= c.i || h.i-c.j > 4 {
		return false
	}
	for k := c.j; k < h.i; k++ {
		if !isWordAt(ts, k, "by", "the", "من", "قبل") && !(ts[k].kind == tokWord && hasStem(ts[k], actorHeads)) {
			return false
		}
	}
	return isWordAt(ts, c.j, "by") || isWordAt(ts, c.j, "من") && isWordAt(ts, c.j+1, "قبل")
}

// occupationWord reports "occupation", "احتلال" among the words of c.
func occupationWord(ts []token, c cueHit) bool {
	for k := c.i; k < c.j && k < len(ts); k++ {
		if isWordAt(ts, k, "occupation", "احتلال", "الاحتلال") {
			return true
		}
	}
	return false
}

// returns reports a sentence that says a side came back: a control word
// or a flag raised.
func (b *builder) returns(a *annotated) bool {
	if len(a.cues) > 0 {
		return true
	}
	for _, c := range a.ctx {
		if c.typ == ctxFlag {
			return true
		}
	}
	return false
}

// soleDistrict returns the one whole district a sentence names, or the
// district an anaphoric noun of the sentence refers to.
func (b *builder) soleDistrict(a *annotated) string {
	region := ""
	for _, p := range a.districts() {
		if p.place.Partial {
			continue
		}
		if region != "" && region != p.place.Region {
			return ""
		}
		region = p.place.Region
	}
	if region == "" && len(a.anaph) > 0 {
		if t, ok := b.antecedent(a, a.anaph[0]); ok && t.place != nil && !t.place.Partial {
			region = t.place.Region
		}
	}
	if region == "" && isWordAt(a.s.toks, 0, "it") && b.prev != nil {
		// "It remained under occupation from …" opening a sentence: the
		// subject of the sentence before, the first district it names
		for _, p := range b.prev.districts() {
			if !p.place.Partial {
				return p.place.Region
			}
		}
	}
	return region
}

// freeDate returns a resolved date of the sentence no one claimed.
func (b *builder) freeDate(a *annotated) (int, bool) {
	for k := range a.dates {
		if !a.claimed[k] && a.res[k].ok {
			return k, true
		}
	}
	return -1, false
}

// karabakh returns "karabakh" when the sentence names Karabakh.
func (a *annotated) karabakh() string {
	for _, p := range a.places {
		if p.place.Region == "" && !p.place.Outside {
			return p.place.ID
		}
	}
	return ""
}

// contextDate picks the date of a non-event: a free date in its clause,
// else the nearest free date in a clause that holds nothing but the date
// (", اليوم السبت,"), or -1.
func (b *builder) contextDate(a *annotated, x ctxHit) int {
	best, bestDist := -1, 1<<30
	for k, d := range a.dates {
		if a.claimed[k] || !a.res[k].ok {
			continue
		}
		dist := abs(d.i - x.i)
		cl := a.clauseOf(d.i)
		switch {
		case cl == a.clauseOf(x.i):
			dist -= 1000
		case b.clauseBusy(a, cl):
			continue
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}

// clauseBusy reports a clause holding a place, a control word or a
// non-event phrase: its dates are its own.
func (b *builder) clauseBusy(a *annotated, cl int) bool {
	for _, p := range a.places {
		if a.clauseOf(p.i) == cl {
			return true
		}
	}
	for _, c := range a.cues {
		if a.clauseOf(c.i) == cl {
			return true
		}
	}
	for _, c := range a.ctx {
		if a.clauseOf(c.i) == cl {
			return true
		}
	}
	return false
}

// contextHits records ceasefires, offensives, flags, meetings and
// memoranda.
func (b *builder) contextHits(a *annotated, ev Evidence) {
	for _, x := range a.ctx {
		m := Mention{Type: x.typ}
		if r := b.soleDistrictNoAnaphor(a); r != "" {
			m.Region = r
		} else {
			m.Place = a.karabakh()
		}
		best := b.contextDate(a, x)
		if best >= 0 {
			m.Date, m.Precision = a.res[best].c.String(), a.res[best].c.prec
		}
		b.mention(m, ev)
	}
}

func (b *builder) soleDistrictNoAnaphor(a *annotated) string {
	region := ""
	for _, p := range a.districts() {
		if region != "" && region != p.place.Region {
			return ""
		}
		region = p.place.Region
	}
	return region
}

// Caps on what one article can produce. A news article yields a handful
// of each; the caps only matter for hostile or garbage input, where they
// keep the merging steps (which compare items pairwise) fast.
const (
	maxCands    = 2000
	maxMentions = 1000
	maxEvidence = 50
)

// mention adds a context mention, merging it with an equal one.
func (b *builder) mention(m Mention, ev Evidence) {
	key := m.Type + "|" + m.Region + "|" + m.Place + "|" + m.Date + "|" + m.To
	if k, ok := b.mentionIdx[key]; ok {
		b.context[k].Evidence = addEvidence(b.context[k].Evidence, ev)
		return
	}
	if len(b.context) >= maxMentions {
		return
	}
	if b.mentionIdx == nil {
		b.mentionIdx = map[string]int{}
	}
	m.Evidence = []Evidence{ev}
	b.mentionIdx[key] = len(b.context)
	b.context = append(b.context, m)
}

// addEvidence appends ev unless the list already has it or is full.
func addEvidence(list []Evidence, ev Evidence) []Evidence {
	if len(list) >= maxEvidence {
		return list
	}
	for _, e := range list {
		if e.Start == ev.Start && e.End == ev.End {
			return list
		}
	}
	return append(list, ev)
}

// addCand records a reading, up to maxCands.
func (b *builder) addCand(x cand) bool {
	if len(b.cands) >= maxCands {
		return false
	}
	b.cands = append(b.cands, x)
	return true
}

// needsPubHow is the date_how of a change whose date is relative to an
// unknown publication date.
const needsPubHow = "needs publication date"

// unresolvedRelative returns the word of a relative date ("اليوم",
// "yesterday", a weekday) in control word c's clause, or else in its
// sentence, that could not be resolved for want of a publication date.
func unresolvedRelative(a *annotated, c cueHit) string {
	e, _ := unresolvedRelativeExpr(a, c)
	return e.word
}

// unresolvedRelativeExpr is the relative date unresolvedRelative names.
func unresolvedRelativeExpr(a *annotated, c cueHit) (dateExpr, bool) {
	var best dateExpr
	found, bestDist := false, 1<<30
	for k, d := range a.dates {
		if d.rel == relNone || a.res[k].ok || a.claimed[k] {
			continue
		}
		dist := abs(d.i - c.i)
		if a.clauseOf(d.i) == a.clauseOf(c.i) {
			dist -= 1000
		}
		if dist < bestDist {
			best, bestDist, found = d, dist, true
		}
	}
	return best, found
}

// prior is who held region before a change to side to on date c: the
// ledger's holder on the day before, when a history was given and names
// one other than to; otherwise the other side.
func (b *builder) prior(region string, c civil, to string) string {
	if h := b.opt.History; h != nil && c.y != 0 {
		if r, err := h.Region(region); err == nil {
			first := c.time()
			if d, err := geo.ParseDay(first.AddDate(0, 0, -1).Format("2006-01-02")); err == nil {
				if st := h.StateAt(r, d); st.Controller != "" && string(st.Controller) != to {
					return string(st.Controller)
				}
			}
		}
	}
	return other(to)
}

// speaker returns the side whose statement a control word is reported
// in: the side named next to a speech word ("قالت الحكومة
// الأرمينية إن …", "Aliyev said") before the control word in its
// sentence.
func speaker(a *annotated, c cueHit) string {
	ts := a.s.toks
	for k := c.i - 1; k >= 0; k-- {
		if ts[k].kind != tokWord || !hasStem(ts[k], speechWords) {
			continue
		}
		best, dist := "", 1<<30
		for _, h := range a.actors {
			if d := abs(h.i - k); d <= 6 && d < dist && h.actor != actRUS {
				best, dist = h.actor, d
			}
		}
		return best
	}
	return ""
}

// stances records a side denying ("نفت أرمينيا", "Armenia denied") or
// confirming what is reported, with the district it names, if any.
func (b *builder) stances(a *annotated, ev Evidence) {
	ts := a.s.toks
	for k := range ts {
		deny := ts[k].kind == tokWord && hasStem(ts[k], denialWords)
		conf := ts[k].kind == tokWord && hasStem(ts[k], confirmWords)
		if conf && (k > 0 && hasStem(ts[k-1], negWords) || k > 1 && hasStem(ts[k-2], negWords)) {
			// "did not confirm", "لم تؤكد": no stance either way
			continue
		}
		if !deny && !conf {
			continue
		}
		side, dist := "", 1<<30
		for _, h := range a.actors {
			if d := abs(h.i - k); d <= 8 && d < dist && h.actor != actRUS {
				side, dist = h.actor, d
			}
		}
		if side == "" {
			continue
		}
		region := ""
		if d := a.districts(); len(d) > 0 {
			region = d[0].place.Region
		}
		if len(b.stance) < maxMentions {
			b.stance = append(b.stance, stance{side: side, region: region, deny: deny, ev: ev})
		}
	}
}

// cueBetween reports a control word strictly between tokens lo and hi.
func (a *annotated) cueBetween(lo, hi int) bool {
	for _, o := range a.cues {
		if o.i > lo && o.i < hi {
			return true
		}
	}
	return false
}

// sentenceSubject returns the last side named before control word c in
// its sentence, outside its clause, with no control word between them.
func sentenceSubject(a *annotated, c cueHit) (actorHit, bool) {
	var best actorHit
	found := false
	for _, h := range a.actors {
		if h.i >= c.i || h.to || h.obj || agentPhrase(a.s.toks, h.i) || insideCue(a, h.i) {
			continue
		}
		if !a.cueBetween(h.i, c.i) {
			best, found = h, true
		}
	}
	return best, found
}

// insideCue reports a side's adjective inside a phrase of control ("came
// under Armenian control", "Armenian occupation"): that phrase's side, no
// subject for a later word.
func insideCue(a *annotated, k int) bool {
	ts := a.s.toks
	if isWordAt(ts, k-1, "under") || isWordAt(ts, k+1, "control", "occupation", "rule") {
		return latinWord(ts[k])
	}
	for _, o := range a.cues {
		if o.i < k && k < o.j {
			return true
		}
	}
	return false
}

// clearedOfSide is the side named as what the place of control word c
// was rid of ("cleared of Armenian separatists", "cleared of the armed
// forces of Armenia").
func clearedOfSide(a *annotated, c cueHit) (string, bool) {
	for _, x := range a.actors {
		if x.i > c.i && x.i-c.j <= 7 && x.actor != actRUS && clearedOf(a.s.toks, x.i) && a.clauseOf(x.i) == a.clauseOf(c.i) {
			return x.actor, true
		}
	}
	return "", false
}

// freedFromOccupier is the side named as the occupier a place was freed
// from, after liberation word c in its clause: "from the Armenian
// occupation", "من الاحتلال الأرمني".
func freedFromOccupier(a *annotated, c cueHit) (string, bool) {
	ts := a.s.toks
	for k := c.j; k < len(ts) && k <= c.j+15 && a.clauseOf(k) == a.clauseOf(c.i); k++ {
		// (the occupation word after "from" is no control word of its
		// own: findCues leaves it out)
		key, end, _, _, ok := matchPhrase(ts, k, controlIndex)
		if !ok || controlPatterns[key] != cueOccupy || !fromOccupation(ts, k) {
			continue
		}
		for _, x := range a.actors {
			// the side's adjective right before the noun in English,
			// right after it in Arabic
			if x.actor != actRUS && (latinWord(ts[k]) && x.i == k-1 || !latinWord(ts[k]) && x.i == end) {
				return x.actor, true
			}
		}
	}
	return "", false
}

// agentPhrase reports an actor named as the agent of a passive ("occupied
// by the Armenian forces", "من قبل القوات", "على يد الجيش"): the doer of
// that verb, never the subject of a later one ("X, which was occupied by
// the Armenian forces, regained its freedom on …").
func agentPhrase(ts []token, k int) bool {
	if isWordAt(ts, k-1, "the") {
		k--
	}
	return isWordAt(ts, k-1, "by") || isWordAt(ts, k-1, "قبل") && isWordAt(ts, k-2, "من") || isWordAt(ts, k-1, "يد") && isWordAt(ts, k-2, "علي")
}

// sideDate is the date a change's side is judged at: its own date, else
// the publication date (an undated change is news of about that day).
func (b *builder) sideDate(a *annotated, k int, dated bool) civil {
	if dated {
		return a.res[k].c
	}
	if b.hasPub {
		return civilOf(b.pub)
	}
	return civil{}
}

// anniversaryOf reports a control word told as an anniversary ("ذكرى
// تحرير", "مرور خمس سنوات على", "مرت 27 سنة على احتلال", "the
// anniversary of the capture of", "four years have passed since the
// liberation of") and the number of years, when the sentence gives one.
// The count is read next to the anniversary word first ("الذكرى السنوية
// الخامسة", "two years pass since"), so that a duration elsewhere in the
// sentence ("fortified for 30 years") is not taken for it.
func anniversaryOf(a *annotated, c cueHit) (int, bool) {
	ts := a.s.toks
	w := findWithin(ts, max(0, c.i-8), min(8, c.i), anniversaryWords)
	if w < 0 && (isWordAt(ts, c.i-1, "and") || isWordAt(ts, c.i-2, "and") && isWordAt(ts, c.i-1, "the")) {
		// "the 25th anniversary of the Defense Army and the Liberation
		// of Shushi": the second of the things one anniversary marks
		w = findWithin(ts, max(0, c.i-16), min(16, c.i), anniversaryWords)
	}
	if w < 0 {
		return 0, false
	}
	ordinal := func(k int) (int, bool) {
		if k < 0 || k >= len(ts) {
			return 0, false
		}
		if v, isNum := numAt(ts, k); isNum && v > 0 && v < 100 && isWordAt(ts, k+1, "st", "nd", "rd", "th") {
			return v, true // "the 27th anniversary"
		}
		return ordinalWordAt(ts, k)
	}
	// "every year on 9 May … marks the anniversary": a yearly
	// commemoration that counts no years
	for k := max(0, w-12); k < min(len(ts), w+3); k++ {
		if isWordAt(ts, k, "كل", "every", "each") && isWordAt(ts, k+1, "عام", "سنه", "year") || isWordAt(ts, k, "annually", "سنويا") {
			return 0, true
		}
	}
	// a count or an ordinal right around the anniversary word
	for k := numberStart(ts, max(0, w-4)); k < min(len(ts), w+4); k++ {
		if n, _, vague, ok := countAt(ts, k); ok && !vague && n > 0 && n < 100 {
			return n, true
		}
	}
	for k := max(0, w-3); k <= w+2; k++ {
		if n, ok := ordinal(k); ok && k != w {
			return n, true
		}
	}
	for k := 0; k < len(ts); k++ {
		if isWordAt(ts, k-1, "لمده", "طوال", "طيله", "مدي", "مدار", "for", "over") {
			continue // a duration of something else
		}
		if n, _, vague, ok := countAt(ts, k); ok && !vague && n > 0 && n < 100 {
			return n, true
		}
		// "the second anniversary", "الذكرى الثالثة"
		if isWordAt(ts, k+1, "anniversary") || k > 0 && hasStem(ts[k-1], anniversaryWords) {
			if n, ok := ordinal(k); ok {
				return n, true
			}
		}
	}
	return 0, true
}

// anniversaryDate is the day an anniversary counts from: the day and
// month written in the sentence, else the publication day, in the year N
// years before.
func (b *builder) anniversaryDate(a *annotated, years int) (civil, bool) {
	if years == 0 || !b.hasPub {
		return civil{}, false
	}
	y, m, d := b.pub.Year()-years, int(b.pub.Month()), b.pub.Day()
	for _, e := range a.dates {
		if e.rel == relNone && e.month != 0 && e.day != 0 && e.dayEnd == 0 {
			m, d = e.month, e.day
			break
		}
	}
	if !validDay(y, m, d) {
		return civil{}, false
	}
	return civil{y: y, m: m, d: d, prec: "day"}, true
}

// afterClause reports a control word at k opened by "after" a few words
// before it, in the same clause ("بعدما سيطرت", "بعد أن دخلت", "after
// Azerbaijani troops took").
func afterClause(ts []token, k int) bool {
	for i, words := k-1, 0; i >= 0 && words < 4; i-- {
		if ts[i].kind != tokWord {
			return false
		}
		words++
		if isWordAt(ts, i, "بعدما", "after") || isWordAt(ts, i, "بعد") && isWordAt(ts, i+1, "ان") {
			return true
		}
	}
	return false
}

// consequenceOfOccupation reports a control word told after "as a result
// of the occupation", "نتيجة الاحتلال", "جراء الاحتلال": a consequence of a
// change told before, not one of its own.
func consequenceOfOccupation(a *annotated, c cueHit) bool {
	for _, o := range a.cues {
		if o.i >= c.i || o.cls != cueOccupy {
			continue
		}
		for k := o.i - 1; k >= 0 && k >= o.i-3; k-- {
			if isWordAt(a.s.toks, k, "result", "نتيجه", "ونتيجه", "جراء", "بسبب", "consequence") {
				return true
			}
		}
	}
	return false
}

// ownDate reports a date of the sentence that no duration took: a
// sentence with one (a deadline, a plan's day) does not go on telling the
// lead's news of the day.
func ownDate(a *annotated) bool {
	for k := range a.dates {
		if !a.claimed[k] {
			return true
		}
	}
	return false
}

// noteNewsRel records, on a page whose publication date is unknown, the
// first weekday or year-less day and month of the lead ("اليوم الاثنين",
// "on Saturday", "announced on November 9"): the other lead sentences
// that tell the news without a date of their own happened that day
// (ledgerDate can find its year).
func (b *builder) noteNewsRel(a *annotated) {
	if b.hasNewsRel || b.hasPub || !b.isLead(a) {
		return
	}
	found := false
	for k, e := range a.dates {
		dayMonth := e.rel == relNone && e.year == 0 && e.month != 0 && e.day != 0 && e.dayEnd == 0
		// the day an operation began ("which started on September 27")
		// is not the day of the news
		if a.claimed[k] || a.deadline[k] || launchDate(a, k) || !(dayMonth || e.rel == relWeekday || e.rel == relDays && e.hasWeekday && e.offset <= 0) {
			continue
		}
		if !found || dayMonth {
			// a day and month the lead writes is the news day before the
			// weekday of a statement about it
			b.newsRel, b.newsRelSent, b.hasNewsRel = e, a.s.idx, true
			found = true
		}
		if dayMonth {
			return
		}
	}
}

// noteNewsDay records the first weekday or "yesterday" of the lead that
// falls in the week before the publication date.
func (b *builder) noteNewsDay(a *annotated) {
	if b.hasNewsDay || !b.hasPub || !b.isLead(a) {
		return
	}
	for k, e := range a.dates {
		if e.rel != relWeekday && !(e.rel == relDays && e.offset < 0) && !(e.rel == relDays && e.hasWeekday) {
			continue
		}
		r := a.res[k]
		if !r.ok || r.c.prec != "day" {
			continue
		}
		d := b.pub.Sub(r.c.time()).Hours() / 24
		if d <= 0 || d > 7 {
			continue // the publication day itself adds nothing
		}
		b.newsDay, b.newsDaySent, b.hasNewsDay = r.c, a.s.idx, true
		return
	}
}

// annivFromNext dates a change commemorated without a count of years by
// the year (and month) the next sentences give it; the day is the one
// the commemorating sentence writes in that month, else the month stands.
func (b *builder) annivFromNext(a *annotated) (civil, bool) {
	c, ok := b.annivYear[a.s.idx]
	if !ok {
		return civil{}, false
	}
	for _, e := range a.dates {
		if e.rel == relNone && e.year == 0 && e.month == c.m && e.day != 0 && e.dayEnd == 0 && validDay(c.y, c.m, e.day) {
			return civil{y: c.y, m: c.m, d: e.day, prec: "day"}, true
		}
	}
	return c, true
}

// anniversaryYears finds, for each sentence that commemorates a change
// without a count of years, the first date with a year (not a deadline
// or a signing day, before the publication year) in it or in the next two
// sentences.
func anniversaryYears(anns []*annotated, pub time.Time, hasPub bool) map[int]civil {
	out := map[int]civil{}
	for i, a := range anns {
		commemorates := false
		for _, c := range a.cues {
			if n, ok := anniversaryOf(a, c); ok && n == 0 {
				commemorates = true
				break
			}
		}
		if !commemorates {
			continue
		}
	next:
		for j := i; j < len(anns) && j <= i+2; j++ {
			for k, e := range anns[j].dates {
				r := anns[j].res[k]
				if e.rel != relNone || e.year == 0 || anns[j].deadline[k] || !r.ok || r.c.m == 0 {
					continue
				}
				if hasPub && r.c.y >= pub.Year() {
					continue
				}
				if findWithin(anns[j].s.toks, max(0, e.i-6), min(6, e.i), signingWords) >= 0 {
					continue // the day a decree or an agreement was signed
				}
				c := r.c
				c.d, c.d2, c.prec = 0, 0, "month"
				out[a.s.idx] = c
				break next
			}
		}
	}
	return out
}

// commemorator is the side that marks an anniversary: the actor named
// before the anniversary word of control word c's sentence, as its
// subject ("Azerbaijan marks the anniversary of …").
func commemorator(a *annotated, c cueHit) string {
	w := findWithin(a.s.toks, max(0, c.i-8), min(8, c.i), anniversaryWords)
	if w < 0 {
		return ""
	}
	side := ""
	for _, h := range a.actors {
		if h.i < w && !h.obj && !h.to && h.actor != actRUS {
			side = h.actor
		}
	}
	return side
}

// earlierAdverb reports a control word with an adverb of the past right
// before or after it ("the territories previously occupied by Armenia",
// "formerly held", "المحتلة سابقا"): a state that came before the news.
func earlierAdverb(ts []token, c cueHit) bool {
	if c.i > 0 && ts[c.i-1].kind == tokWord && hasStem(ts[c.i-1], earlierWords) ||
		c.j < len(ts) && ts[c.j].kind == tokWord && hasStem(ts[c.j], earlierWords) {
		return true
	}
	// "which Baku announced at an earlier time it controlled" (في، وقت،
	// سابق a few words before the control word, inside a clause)
	for k := c.i - 3; k >= 0 && k >= c.i-6; k-- {
		if atEarlierTime(ts, k) {
			return true
		}
	}
	return false
}

// vagueLater reports a sentence with no date of its own that tells its
// change an untold while after something else ("a few days later we
// liberated …", "weeks later", "shortly after"): the page's day does not
// date it.
func vagueLater(a *annotated) bool {
	if len(a.dates) > 0 {
		return false
	}
	ts := a.s.toks
	for k := 1; k < len(ts); k++ {
		if isWordAt(ts, k, "later") && isWordAt(ts, k-1, "days", "weeks", "months", "time", "while") {
			return true
		}
		if isWordAt(ts, k, "after", "later", "afterwards", "thereafter") && isWordAt(ts, k-1, "shortly", "soon") {
			return true
		}
	}
	return false
}

// atEarlierTime reports the Arabic phrase "at an earlier time" (في، وقت،
// سابق) starting at token k.
func atEarlierTime(ts []token, k int) bool {
	return isWordAt(ts, k, "في", "وفي") && isWordAt(ts, k+1, "وقت") && isWordAt(ts, k+2, "سابق")
}

// earlierSentence reports a sentence opened by a word saying that what it
// tells came before the news ("Earlier, …", "Previously, …", "سابقا، …",
// and the Arabic phrase "at an earlier time": في، وقت، سابق).
func earlierSentence(ts []token) bool {
	k := firstWord(ts)
	if k < len(ts) && hasStem(ts[k], earlierWords) {
		// "Earlier in the day", "earlier today": the page's own day
		return !(isWordAt(ts, k+1, "in") && isWordAt(ts, k+2, "the") && isWordAt(ts, k+3, "day") || isWordAt(ts, k+1, "today"))
	}
	return atEarlierTime(ts, k)
}

// yearSpanOf reports a span of years written in the sentence
// ("1991-1992", "1992–1994") and its first and last year.
func yearSpanOf(ts []token) (first, last int, ok bool) {
	for j := 0; j+2 < len(ts); j++ {
		if y1, n, ok1 := yearAt(ts, j); ok1 && n+1 < len(ts) && (ts[n].raw == "-" || ts[n].raw == "–") {
			if y2, _, ok2 := yearAt(ts, n+1); ok2 {
				return y1, y2, true
			}
		}
	}
	return 0, 0, false
}

// spanFromLedger dates a change told with a span of years by the ledger's
// one change of the district to the side within those years (none or
// several: no date).
func (b *builder) spanFromLedger(a *annotated, c cueHit, t target, y1, y2 int, ev Evidence) (cand, bool) {
	h := b.opt.History
	if h == nil || y2 < y1 || y2-y1 > 3 || t.place.Partial || t.villages || namedAsPartOf(a, t) {
		return cand{}, false
	}
	to := b.sideFor(a, c, t.place.Region, civil{y: y1})
	if to == "" {
		return cand{}, false
	}
	var fit []*geo.Event
	for _, e := range h.Events() {
		if e.Region != t.place.Region || string(e.To) != to || e.Kind == geo.KindBaseline || e.Date.Last < geo.DayOf(y1, 1, 1) || e.Date.First > geo.DayOf(y2, 12, 31) {
			continue
		}
		fit = append(fit, e)
	}
	if len(fit) > 1 {
		// villages before the town: the change that gave the side most
		// of the district
		fit = b.handedTheDistrict(t.place.Region, to, fit)
	}
	if len(fit) != 1 {
		return cand{}, false
	}
	hit := fit[0]
	d, ok := civilOfSpan(hit.Date)
	if !ok {
		return cand{}, false
	}
	return cand{region: t.place.Region, to: to, dated: true, date: d, kind: kindOf(a, c), ev: ev, sent: a.s.idx,
		how:  fmt.Sprintf("%s %s to %s on %s, the only one in the years the text writes (%d-%d)", ledgerDateHow, t.place.Region, to, hit.Date, y1, y2),
		conf: 0.5, focus: a.s.toks[c.i].start}, true
}

// frameFromLedger dates a change told within the frame of a war named by
// its year ("Fuzuli was liberated during the 2020 war": the ledger's one
// change of the district to that side in that year) or of an operation
// dated "from D1 to D2" (its one change within the span), unless the
// sentence counts gains or marks an anniversary.
func (b *builder) frameFromLedger(a *annotated, c cueHit, t target, ev Evidence) (cand, bool) {
	if sentenceCounts(a) && !includedMember(a, c, t) || isAnniversary(a, c) {
		return cand{}, false
	}
	if to := b.sideFor(a, c, t.place.Region, civil{}); to != "" && !t.place.Partial && !t.villages {
		if d, how, ok := b.resultOfLaunched(a, c, t.place.Region, to); ok {
			// "On 29 October 1993 the forces launched an offensive … As a
			// result of the offensive, Zangilan was occupied"
			return cand{region: t.place.Region, to: to, dated: true, date: d, kind: kindOf(a, c), ev: ev, sent: a.s.idx,
				how: how, conf: 0.5, focus: a.s.toks[c.i].start}, true
		}
	}
	if y := warYear(a); y != 0 {
		if x, ok := b.spanFromLedger(a, c, t, y, y, ev); ok {
			return x, true
		}
		if x, ok := b.warYearOnly(a, c, t, y, ev); ok {
			return x, true
		}
	}
	if first, last, ok := operationSpan(a, c); ok {
		return b.spanDaysFromLedger(a, c, t, first, last, ev)
	}
	if y := warYear(a); y != 0 && (a.daysWar != 0 || namedYearFrame(a)) {
		// a war named by its year or length, not by the days it was fought on
		if x, ok := b.severalInYear(a, c, t, y, ev); ok {
			return x, true
		}
	}
	return cand{}, false
}

// includedMember reports a target named after "including" that follows
// control word c ("liberated more than 300 settlements, including the
// cities of Jabrayil, Fuzuli, …"): a member the count names, framed like
// any place the war took.
func includedMember(a *annotated, c cueHit, t target) bool {
	if t.tok <= c.j || t.anaphor {
		return false
	}
	return findWithin(a.s.toks, c.j, t.tok-c.j, inclusionWords) >= 0
}

// severalInYear dates a whole district's change told within a war named
// by its year at that year, when the ledger holds several changes of the
// district to that side in it ("Khojavend was liberated during the 2020
// war": Hadrut in October, the rest in November and December), so that
// no one day fits.
func (b *builder) severalInYear(a *annotated, c cueHit, t target, y int, ev Evidence) (cand, bool) {
	h := b.opt.History
	if h == nil || t.place == nil || t.place.Region == "" || t.place.Partial || t.villages {
		return cand{}, false
	}
	to := b.sideFor(a, c, t.place.Region, civil{y: y, prec: "year"})
	if to == "" {
		return cand{}, false
	}
	n := 0
	for _, e := range h.Events() {
		if e.Region == t.place.Region && string(e.To) == to && e.Kind != geo.KindBaseline && e.Date.First >= geo.DayOf(y, 1, 1) && e.Date.Last <= geo.DayOf(y, 12, 31) {
			n++
		}
	}
	if n < 2 {
		return cand{}, false
	}
	return cand{region: t.place.Region, to: to, dated: true, date: civil{y: y, prec: "year"}, kind: kindOf(a, c), ev: ev, sent: a.s.idx,
		how: fmt.Sprintf("the year of the war or agreement the text tells it in (%d); the ledger has %d changes of the district that year", y, n), conf: 0.5, focus: a.s.toks[c.i].start}, true
}

// warYearOnly dates villages of a district taken in a war named by its
// year ("recaptured Talish and Madagiz villages of Tartar during the 2020
// war") at the war's year: the ledger's changes are the district's, not
// the villages'.
func (b *builder) warYearOnly(a *annotated, c cueHit, t target, y int, ev Evidence) (cand, bool) {
	if !t.villages && !t.place.Partial && !namedAsPartOf(a, t) {
		return cand{}, false
	}
	return b.villagesInYear(a, c, t, y, ev)
}

// surrenderedGround reports English "surrendered" said of ground, a place
// as its object or its passive subject ("surrendered Kalbajar", "the last
// area to be surrendered by Armenian forces"): a cession, not forces
// laying down their arms.
func surrenderedGround(a *annotated, c cueHit) bool {
	ts := a.s.toks
	if !isWordAt(ts, c.i, "surrendered") {
		return false
	}
	if isWordAt(ts, c.j, "by") && isWordAt(ts, c.i-1, "be", "been", "was", "were") {
		return true
	}
	for _, p := range a.places {
		if p.i == c.j || p.i == c.j+1 && isWordAt(ts, c.j, "the") {
			return true
		}
	}
	return false
}

// operationSpan is the span of days an operation named before control
// word c was fought in, written "from D1 to D2" after it ("the operation
// conducted from December 1993 to January 6, 1994").
func operationSpan(a *annotated, c cueHit) (geo.Day, geo.Day, bool) {
	ts := a.s.toks
	for k := 0; k+1 < len(a.dates); k++ {
		d1, d2 := a.dates[k], a.dates[k+1]
		if d2.j > c.i || !a.res[k].ok || !a.res[k+1].ok || !isWordAt(ts, d1.i-1, "from", "من") ||
			!(d1.j == d2.i-1 && isWordAt(ts, d1.j, "to", "until", "till", "الى", "حتى")) || !operationDate(a, k, -1) {
			continue
		}
		first, _ := civilSpan(a.res[k].c)
		_, last := civilSpan(a.res[k+1].c)
		if last >= first {
			return first, last, true
		}
	}
	return 0, 0, false
}

// spanDaysFromLedger is spanFromLedger for a span of days: the ledger's
// one change of the district within it, to the side the text names (any
// side when it names none: the span dates what the operation won).
func (b *builder) spanDaysFromLedger(a *annotated, c cueHit, t target, first, last geo.Day, ev Evidence) (cand, bool) {
	h := b.opt.History
	if h == nil || t.place.Region == "" {
		return cand{}, false
	}
	named := ""
	if _, ok := actorOf(a, c); ok {
		named = b.sideFor(a, c, t.place.Region, civilOf(last.Time()))
	}
	var fit []*geo.Event
	for _, e := range h.Events() {
		if e.Region == t.place.Region && e.To != "" && (named == "" || string(e.To) == named) && e.Kind != geo.KindBaseline && e.Date.First >= first && e.Date.Last <= last {
			fit = append(fit, e)
		}
	}
	if len(fit) != 1 {
		return cand{}, false
	}
	d, ok := civilOfSpan(fit[0].Date)
	if !ok {
		return cand{}, false
	}
	to := string(fit[0].To)
	return cand{region: t.place.Region, to: to, dated: true, date: d, kind: kindOf(a, c), ev: ev, sent: a.s.idx,
		how:  fmt.Sprintf("%s %s to %s on %s, the only one in the span of the operation the text dates (%s to %s)", ledgerDateHow, t.place.Region, to, fit[0].Date, first, last),
		conf: 0.5, focus: a.s.toks[c.i].start, partial: t.place.Partial || t.villages}, true
}

// warYear is the year of a war or an operation the sentence names by it
// ("during the 2020 war", "the 2020 second Karabakh war", "حرب 2020"), or
// 0.
func warYear(a *annotated) int {
	y, _ := warYearAt(a)
	return y
}

// warYearAt is warYear with the token of the year.
func warYearAt(a *annotated) (int, int) {
	ts := a.s.toks
	for k := range ts {
		y, ok := numAt(ts, k)
		if !ok || y < 1988 || y > 2030 {
			continue
		}
		for m := k - 1; m >= 0 && m >= k-4 && ts[m].kind == tokWord; m-- {
			if warNoun(ts[m]) {
				return y, k // "حرب 2020", "حرب مرتفعات قره باغ 2020": Arabic puts the noun first
			}
		}
		for m := k + 1; m < len(ts) && m <= k+4 && (ts[m].kind == tokWord || ts[m].raw == "-"); m++ {
			if warNoun(ts[m]) { // ("the 2023 Nagorno-Karabakh offensive")
				return y, k // "the 2020 (second Karabakh) war"
			}
		}
	}
	// "during the hostilities from September 27 to November 9": the
	// fighting's dates, the year of the page's war
	for k, d := range a.dates {
		if d.rel != relNone {
			// "during a six-week war last year", "last year's war": a
			// year counted from the page's
			if r := a.res[k]; r.ok && r.c.prec == "year" && (warNounWithin(ts, d.i-3, d.i) || warNounWithin(ts, d.j, d.j+3)) {
				return r.c.y, d.i
			}
			continue
		}
		y := 0
		if r := a.res[k]; r.ok {
			y = r.c.y
		} else if k+1 < len(a.dates) && a.dates[k+1].i-d.j <= 2 && a.res[k+1].ok && a.dates[k+1].rel == relNone {
			y = a.res[k+1].c.y // "from September 27 to November 9, 2020": the range's end has it
		}
		if y == 0 {
			continue
		}
		for m := d.i - 1; m >= 0 && m >= d.i-3; m-- {
			if ts[m].kind == tokWord && warNoun(ts[m]) {
				return y, d.i
			}
		}
	}
	if a.daysWar != 0 {
		return a.daysWar, daysWarAt(ts) // "the 44-day war": the ledger's war that long
	}
	if k := theWarAt(ts); a.warBefore != 0 && k >= 0 {
		return a.warBefore, k // "During the war, …" after a sentence that dated it
	}
	return 0, -1
}

// namedAsPartOf reports a target named in its sentence after "part of"
// ("part of the Lachin district").
func namedAsPartOf(a *annotated, t target) bool {
	return t.tok >= 0 && !t.anaphor && partOfBefore(a.s.toks, t.tok)
}

// partOfBefore reports "part of" or "parts of" (English) in the four
// tokens before the place at k, with only "the" and places between.
func partOfBefore(ts []token, k int) bool {
	for m := k - 1; m >= 0 && m >= k-4; m-- {
		if isWordAt(ts, m, "of") && isWordAt(ts, m-1, "part", "parts", "portion", "portions") && !isWordAt(ts, m-2, "as") {
			return true
		}
		if !isWordAt(ts, m, "the", "and", "of") && !(ts[m].kind == tokWord && unicode.IsUpper(firstRune(ts[m].raw))) {
			return false
		}
	}
	return false
}

// daysWarAt finds a war named by its length in days ("the 44-day war",
// "a 44 days war", "حرب الـ44 يوما"): the token of the count, or -1.
func daysWarAt(ts []token) int {
	for k := range ts {
		if ts[k].kind != tokNum {
			continue
		}
		m := k + 1
		if m < len(ts) && ts[m].raw == "-" {
			m++
		}
		if m >= len(ts) || ts[m].kind != tokWord || !hasStem(ts[m], dayUnits) {
			continue
		}
		if warNounWithin(ts, m+1, m+3) || warNounWithin(ts, k-2, k) ||
			isWordAt(ts, m+1, "long") && (warNounWithin(ts, m+2, m+4) || isWordAt(ts, m+2, "operations") || isWordAt(ts, m+3, "operations")) {
			return k // "the 44-day long war", "the 44-day long military operations"
		}
	}
	return -1
}

// daysWarYear is the year of the ledger's war a sentence names by its
// length in days: the offensive start whose next ceasefire came that
// many days (one either way) after it.
func (b *builder) daysWarYear(a *annotated) int {
	h := b.opt.History
	k := daysWarAt(a.s.toks)
	if h == nil || k < 0 {
		return 0
	}
	n, ok := numAt(a.s.toks, k)
	if !ok {
		return 0
	}
	evs := h.Events()
	for i, e := range evs {
		if e.Kind != geo.KindOffensiveStart {
			continue
		}
		for _, f := range evs[i+1:] {
			if f.Kind != geo.KindCeasefire || f.Date.First < e.Date.First {
				continue
			}
			if days := int(f.Date.First - e.Date.First); days >= n-1 && days <= n+1 {
				y, _, _ := e.Date.First.Date()
				return y
			}
			break
		}
	}
	return 0
}

// warNounWithin reports a war's noun among the words from token i up to j.
func warNounWithin(ts []token, i, j int) bool {
	for m := max(i, 0); m < j && m < len(ts); m++ {
		if ts[m].kind == tokWord && warNoun(ts[m]) {
			return true
		}
	}
	return false
}

// noteSubjectChain follows the district sentences have as their opening
// subject: a sentence opened by a district's name starts the chain, one
// opened by "It"/"Its" right after it carries it on, any other ends it.
func (b *builder) noteSubjectChain(a *annotated) {
	ts := a.s.toks
	f := firstWord(ts)
	for _, p := range a.places {
		if p.i == f && p.place.Region != "" && !p.place.Outside {
			b.chain, b.chainSent = p.place, a.s.idx
			return
		}
	}
	if isWordAt(ts, f, "it", "its") && b.chain != nil && b.chainSent == a.s.idx-1 {
		b.chainSent = a.s.idx
		return
	}
	b.chain = nil
}

// firstWord is the index of a sentence's first word.
func firstWord(ts []token) int {
	f := 0
	for f < len(ts) && ts[f].kind != tokWord {
		f++
	}
	return f
}

// subjectChain is the district an opening "It"/"Its" at token k stands
// for when the sentences just before had it as their subject ("Shusha
// was … . It has long held … overlooking Stepanakert. Its seizure …":
// Shusha, not the last place named).
func (b *builder) subjectChain(a *annotated, k int) (*Place, bool) {
	if b.chain == nil || b.chainSent != a.s.idx-1 || !isWordAt(a.s.toks, k, "it", "its") || !isSentenceStart(a.s.toks, k) {
		return nil, false
	}
	return b.chain, true
}

// warStartYear is the year of a war a sentence names by its year, or
// whose start it dates ("Renewed hostilities began on 27 September
// 2020", "اندلعت الحرب في 27 سبتمبر 2020").
func warStartYear(a *annotated) int {
	if y, _ := warYearAt(a); y != 0 {
		return y
	}
	ts := a.s.toks
	if findWithin(ts, 0, len(ts), fightWords) < 0 || findWithin(ts, 0, len(ts), launchWords) < 0 && findWithin(ts, 0, len(ts), eruptWords) < 0 {
		return 0
	}
	for k, r := range a.res {
		if r.ok && r.c.prec == "day" && a.dates[k].rel == relNone {
			return r.c.y
		}
	}
	return 0
}

// theWarAt finds "the war" (the fighting, the hostilities, الحرب) named
// without a year, the war a sentence before told of: its token, or -1.
func theWarAt(ts []token) int {
	for k := range ts {
		if isWordAt(ts, k, "war", "fighting", "hostilities") && isWordAt(ts, k-1, "the") && !isWordAt(ts, k+1, "of", "in") ||
			isWordAt(ts, k, "الحرب") {
			return k
		}
	}
	return -1
}

// inFrameOfYear dates an undated change told within a war or agreement
// named by its year: the ledger's one change of the district that year,
// or, for a village, that year.
func (b *builder) inFrameOfYear(a *annotated, c cueHit, t target, dated bool, ev Evidence) (cand, bool) {
	if dated {
		return cand{}, false
	}
	y := frameYear(a)
	if y == 0 || sentenceCounts(a) {
		return cand{}, false
	}
	if x, ok := b.spanFromLedger(a, c, t, y, y, ev); ok {
		return x, true
	}
	if x, ok := b.severalInYear(a, c, t, y, ev); ok && (a.daysWar != 0 || namedYearFrame(a)) {
		return x, true
	}
	partOf := namedAsPartOf(a, t)
	if !t.villages || !t.anaphor && !t.place.Settlement && !partOf || !namedYearFrame(a) {
		return cand{}, false
	}
	return b.villagesInYear(a, c, t, y, ev)
}

// villagesInYear dates villages of a district changing hands in the year
// of the war or agreement their sentence names.
func (b *builder) villagesInYear(a *annotated, c cueHit, t target, y int, ev Evidence) (cand, bool) {
	to := b.sideFor(a, c, t.place.Region, civil{y: y})
	if to == "" {
		return cand{}, false
	}
	return cand{region: t.place.Region, to: to, dated: true, date: civil{y: y, prec: "year"}, kind: kindOf(a, c), ev: ev, sent: a.s.idx,
		partial: true, how: fmt.Sprintf("the year of the war or agreement the text tells it in (%d)", y), conf: 0.5, focus: a.s.toks[c.i].start}, true
}

// frameYear is the year of the war, or of the agreement, a sentence sets
// its change in ("in the 2020 war", "as part of the 2020 ceasefire
// agreement"), not after or before it ("two years after the 2020 war").
func frameYear(a *annotated) int {
	y, k := yearFrameAt(a)
	if y == 0 {
		return 0
	}
	ts := a.s.toks
	m := findWithin(ts, max(0, k-4), min(4, k), outsideWar)
	if m < 0 {
		return y
	}
	// "after the 2023 offensive" tells what the offensive brought, in its
	// year; "two years after the 2020 war" a later year
	if isWordAt(ts, m, "after", "following", "بعد") && (m == 0 || ts[m-1].kind != tokNum && !hasStem(ts[m-1], yearUnits) && !hasStem(ts[m-1], dayUnits)) {
		return y
	}
	return 0
}

// namedYearFrame reports a war or agreement the sentence names by its
// year alone ("the 2020 war", "the 2020 ceasefire agreement"), not by the
// days it was fought on.
func namedYearFrame(a *annotated) bool {
	y, k := yearFrameAt(a)
	if y == 0 {
		return false
	}
	for _, d := range a.dates {
		if d.i <= k && k < d.j && (d.month != 0 || d.day != 0) {
			return false
		}
	}
	return true
}

// yearFrameAt is the year of the war, else of the agreement, a sentence
// names, with its token.
func yearFrameAt(a *annotated) (int, int) {
	if y, k := warYearAt(a); y != 0 {
		return y, k
	}
	return agreementYearAt(a)
}

// agreementYearAt finds an agreement named by its year ("the 2020
// Nagorno-Karabakh ceasefire agreement"): the year and its token.
func agreementYearAt(a *annotated) (int, int) {
	ts := a.s.toks
	for k := range ts {
		y, ok := numAt(ts, k)
		if !ok || y < 1988 || y > 2030 || !isWordAt(ts, k-1, "the") {
			continue
		}
		for m := k + 1; m < len(ts) && m <= k+4 && (ts[m].kind == tokWord || ts[m].raw == "-"); m++ {
			if hasStem(ts[m], agreementWords) {
				return y, k
			}
		}
	}
	return 0, -1
}

// isAnniversary reports a control word told as an anniversary ("two
// years have passed since the liberation of X"): the anniversary rules
// date it.
func isAnniversary(a *annotated, c cueHit) bool {
	_, ok := anniversaryOf(a, c)
	return ok
}

// sentenceCounts reports a running count in the sentence ("freed 300
// villages", "a total of"): a war's tally, not one district's change.
func sentenceCounts(a *annotated) bool {
	for k := range a.s.toks {
		if runningCount(a.s.toks, k) {
			return true
		}
	}
	return false
}

// mainDated reports a date written before the "بعد" that opens the
// control word at c: the main clause's.
func (b *builder) mainDated(a *annotated, c cueHit) bool {
	for k, d := range a.dates {
		if a.res[k].ok && !a.claimed[k] && d.j <= c.i-1 {
			return true
		}
	}
	return false
}

// conceding reports side mention h as the one admitting the change told
// by control word c: a concession word (admitted, acknowledged, اعترف)
// stands before c, near both h and c, and h comes before c.
func conceding(a *annotated, h actorHit, c cueHit) bool {
	ts := a.s.toks
	if h.i >= c.i {
		return false
	}
	for k := c.i - 1; k >= 0 && k >= c.i-concedeSpan; k-- {
		if ts[k].kind == tokWord && hasStem(ts[k], concedeWords) && abs(k-h.i) <= concedeSpan {
			return true
		}
	}
	return false
}

// concedeSpan is how many tokens a concession word may stand from the
// side that concedes and from the control word it concedes.
const concedeSpan = 6

// firstPersonSpeaker returns the side of the one who tells control word c
// in the first person ("our army", "we", "جيشنا" in c's clause, before
// it): the side named next to a speech word anywhere in the sentence
// (the speaker is often named after the quote). "" when there is none.
func firstPersonSpeaker(a *annotated, c cueHit) string {
	ts := a.s.toks
	first := false
	for k := c.i - 1; k >= 0 && k >= c.i-firstPersonSpan; k-- {
		if a.clauseOf(k) != a.clauseOf(c.i) {
			break
		}
		if ts[k].kind == tokWord && hasStem(ts[k], firstPerson) {
			first = true
			break
		}
	}
	if !first {
		return ""
	}
	best, dist := "", 1<<30
	for k := range ts {
		if ts[k].kind != tokWord || !hasStem(ts[k], speechWords) {
			continue
		}
		for _, h := range a.actors {
			if d := abs(h.i - k); d <= firstPersonSpan && d < dist && h.actor != actRUS && !h.obj {
				best, dist = h.actor, d
			}
		}
	}
	return best
}

// firstPersonSpan is how many tokens a first-person word may stand before
// the control word it acts in, and a speaker's side from the speech word.
const firstPersonSpan = 6

// toldAsDone reports a control word in a perfect or passive form: a past
// auxiliary, "has"/"have"/"been" or "تم" just before it.
func toldAsDone(ts []token, c cueHit) bool {
	if isWordAt(ts, c.i-1, "to") {
		return false // "had to liberate … by November 20": an obligation, not a past perfect
	}
	if hasStem(ts[c.i], pastAux) || isWordAt(ts, c.i, "been") {
		return true // the auxiliary is the control phrase's first word ("was returned to")
	}
	for k := c.i - 1; k >= 0 && k >= c.i-2; k-- {
		if hasStem(ts[k], pastAux) || isWordAt(ts, k, "been", "has", "have", "تم", "تمت", "قد") {
			return true
		}
	}
	return false
}

// listColonAfter reports a colon within the four tokens after k ("يتعلق
// الأمر بالقرى:", "They are:"): the list opener opens a list.
func listColonAfter(ts []token, k int) bool {
	for m := k + 1; m < len(ts) && m <= k+4; m++ {
		if ts[m].raw == ":" {
			return true
		}
	}
	return false
}

// sharedObject gives a control word joined by "و" (or an English one by
// "and", see joinedSubject) to the one before it, with no place of its
// own and none named between them, that word's districts ("احتلت شوشا في
// 1992 وتحررت في 8 نوفمبر 2020": the second verb tells of Shusha too). The targets point nowhere in the sentence, so the
// second word's own clause dates it.
func sharedObject(a *annotated, c cueHit, infos []cueInfo) []target {
	if len(infos) == 0 {
		return nil
	}
	p := infos[len(infos)-1]
	if len(p.targets) == 0 || p.mod != modEvent || c.i-p.c.j > 12 {
		return nil
	}
	if !strings.HasPrefix(c.prefix, "و") && !joinedSubject(a.s.toks, c, p) {
		return nil
	}
	for _, pl := range a.places {
		if pl.i > p.c.j && pl.i < c.i && pl.place != nil {
			if !slices.ContainsFunc(p.targets, func(t target) bool { return t.tok == pl.i }) {
				return nil // another place between: the second word may be of it
			}
		}
	}
	var out []target
	for _, t := range p.targets {
		if t.place == nil || t.place.Region == "" || t.place.Partial {
			return nil
		}
		out = append(out, target{place: t.place, tok: -1, shared: true})
	}
	return out
}

// joinedSubject reports an English control word joined by "and" to the
// one before it, whose place is its subject ("Shusha was occupied in 1992
// and liberated in 2020", "came under Armenian control in 1992 and was
// recaptured in 2020"): the second word has the same subject.
func joinedSubject(ts []token, c cueHit, p cueInfo) bool {
	k := c.i - 1
	for k > 0 && isWordAt(ts, k, "was", "were", "then", "later", "subsequently", "finally", "eventually", "been", "has", "had") {
		k--
	}
	if !isWordAt(ts, k, "and") || !latinWord(ts[c.i]) {
		return false
	}
	for _, t := range p.targets {
		if t.tok < 0 || t.tok > p.c.i {
			return false // the place was the first word's object: the second may have its own
		}
	}
	return true
}

// provinceNameAt reports a target named by the NKR province seated in its
// district ("Hadrut" for Khojavend).
func provinceNameAt(a *annotated, t target) bool {
	for _, p := range a.places {
		if p.i == t.tok && p.place.province[p.key] {
			return true
		}
	}
	return false
}

// nkrNamed reports region named in control word c's clause by its NKR
// name ("Shushi", "Berdzor"), the name the Armenian side uses.
func nkrNamed(a *annotated, c cueHit, region string) bool {
	for _, p := range a.places {
		if p.place.Region == region && p.place.nkr[p.key] && a.clauseOf(p.i) == a.clauseOf(c.i) {
			return true
		}
	}
	return false
}

// listAfter reads a sentence with no control word that goes on with the
// villages of the sentence before it ("In another tweet he added: 'X
// village in Zangilan, Y and Z in Khojavend'", "It concerns the villages:
// A in Tartar, B and C in Jabrayil"): a speech word or a list opener, no
// date of its own, and districts named; each district named changes hands
// as the villages before did, on their day. A count of villages with a day
// and no district in the sentence before dates the list the same way.
func (b *builder) listAfter(a *annotated, ev Evidence) {
	if len(a.dates) > 0 || len(a.districts()) == 0 {
		return
	}
	ts := a.s.toks
	said, opened := false, false
	for k := 0; k < len(ts) && k < 10; k++ {
		said = said || isWordAt(ts, k, "اضاف", "واضاف", "added", "adding", "tweet", "تغريده")
		opened = opened || k < 4 && ts[k].kind == tokWord && hasStem(ts[k], listOpeners) && listColonAfter(ts, k)
	}
	villages := findWithin(ts, 0, len(ts), villageWords) >= 0 || len(a.villages) > 0 ||
		opened && b.prev != nil && findWithin(b.prev.s.toks, 0, len(b.prev.s.toks), villageWords) >= 0 // "took 7 villages. They are: A in X, …"
	if !said && !opened || !villages || findWithin(ts, 0, len(ts), shellingWords) >= 0 {
		return // a list goes on with villages, and tells no shelling
	}
	var prev *cand
	for i := range b.cands {
		if x := &b.cands[i]; x.sent == a.s.idx-1 && x.partial {
			prev = x
		}
	}
	if prev == nil {
		for _, cd := range b.counted {
			if cd.sent == a.s.idx-1 {
				x := b.datedByCount(cand{to: cd.to, kind: kindCapture, partial: true}, &cd)
				prev = &x
			}
		}
	}
	if prev == nil {
		return
	}
	seen := map[string]bool{}
	for _, p := range a.districts() {
		if seen[p.place.Region] || p.place.Outside {
			continue
		}
		seen[p.place.Region] = true
		x := *prev
		x.region, x.ev, x.sent, x.focus = p.place.Region, ev, a.s.idx, ts[p.i].start
		b.addCand(x)
	}
}

// noteOperation records a sentence that dates an operation, an offensive
// or an attack (with a year, written or lent by the page) and binds no
// place to a control word: the changes the next sentences tell without a
// date of their own may be what it brought ("in early April 2016 … the
// army thwarted the provocation through a counter-offensive. The heights
// around Talish … were liberated").
func (b *builder) noteOperation(a *annotated) {
	ts := a.s.toks
	if findWithin(ts, 0, len(ts), operationWords) < 0 || len(a.bound) > 0 {
		return
	}
	for k, e := range a.dates {
		r := a.res[k]
		if !r.ok || a.claimed[k] || a.deadline[k] || e.rel != relNone || r.c.prec != "day" && r.c.prec != "month" {
			continue
		}
		if r.c.prec == "day" && (launchDate(a, k) || launchSentence(a)) {
			continue // the day an operation began bounds what it brought, later
		}
		b.operations = append(b.operations, countedDay{sent: a.s.idx, date: r.c})
		return
	}
}

// operationBefore is the operation dated in one of the two sentences
// before x's whose day or month the ledger's changes of x's district went
// to x's side around.
func (b *builder) operationBefore(x cand) *countedDay {
	for i := len(b.operations) - 1; i >= 0; i-- {
		o := &b.operations[i]
		if o.sent < x.sent && x.sent-o.sent <= 2 && b.ledgerSide(x.region, o.date) == x.to {
			return o
		}
	}
	return nil
}

// dayAfterRef is the count of days and the day of the main clause that a
// change told "n days after" counts back from: the last day written before
// the count, else the page's day; not when the change has a date of its
// own after its word.
func (b *builder) dayAfterRef(a *annotated, c cueHit, k int, dated bool) (int, civil, string, bool) {
	n, at, ok := dayAfterChange(a.s.toks, c)
	if !ok {
		return 0, civil{}, "", false
	}
	if dated && a.dates[k].i > c.i {
		return 0, civil{}, "", false // "a day after it took Shusha on Sunday"
	}
	best := -1
	for kk, d := range a.dates {
		if d.j <= at && a.res[kk].ok && !a.claimed[kk] && a.res[kk].c.prec == "day" {
			best = kk
		}
	}
	switch {
	case best >= 0:
		return n, a.res[best].c, "its date (" + a.res[best].how + ")", true
	case b.hasPub:
		return n, civilOf(b.pub), "the publication date", true
	}
	return 0, civil{}, "", false
}

// dayAfterChange finds a count of days and "after" before control word c
// that makes c's change the earlier of two ("a day after liberating X",
// "two days after Baku said its troops had taken X", "بعد يوم من تحرير",
// "غداة دخول"): the count and the index of "after". At most twelve words
// without punctuation stand between "after" and the word.
func dayAfterChange(ts []token, c cueHit) (int, int, bool) {
	for k := c.i - 1; k >= 0 && k >= c.i-13; k-- {
		if ts[k].kind != tokWord {
			if isApostrophe(ts[k]) {
				continue
			}
			return 0, 0, false
		}
		switch {
		case isWordAt(ts, k, "غداه") && (k == c.i-1 || findWithin(ts, k+1, c.i-k-1, thatWords) >= 0):
			// "غداة دخول", "غداة إعلان الرئيس أن قواته استولت على": the
			// change told inside what came the day before ("غداة
			// الاتفاق سيطرت …", a change the day after, is not)
			return 1, k, true
		case isWordAt(ts, k, "after") && k >= 2 && isWordAt(ts, k-1, "day", "days"):
			n := 0
			if isWordAt(ts, k-2, "a", "one") {
				n = 1
			} else {
				n, _ = smallCountAt(ts, k-2)
			}
			if n > 0 && n <= 10 && (n == 1) == isWordAt(ts, k-1, "day") {
				return n, k, true
			}
			return 0, 0, false
		case isWordAt(ts, k, "من") && k == c.i-1 && k >= 2 && isWordAt(ts, k-2, "بعد"):
			switch {
			case isWordAt(ts, k-1, "يوم", "يوما"):
				return 1, k - 2, true
			case hasStem(ts[k-1], dayDuals):
				return 2, k - 2, true
			}
		case isWordAt(ts, k, "من") && k == c.i-1 && k >= 3 && isWordAt(ts, k-3, "بعد") && hasStem(ts[k-1], dayUnits):
			if n, ok := smallCountAt(ts, k-2); ok && n > 0 && n <= 10 {
				return n, k - 3, true
			}
		}
	}
	return 0, 0, false
}

// forwardWeekday re-reads date k, a weekday with no direction of its own
// ("on Sunday"), as the coming one (or the page's own day) when its clause
// tells a change still to come: the page's last Sunday is past.
func (b *builder) forwardWeekday(a *annotated, k int) {
	e := a.dates[k]
	if e.rel != relWeekday || e.dir != 0 || e.weekend || !b.hasPub || !a.res[k].ok {
		return
	}
	d := (int(e.weekday) - int(b.pub.Weekday()) + 7) % 7
	a.res[k].c = civilOf(b.pub.AddDate(0, 0, d))
	a.res[k].how = fmt.Sprintf("relative to publication date (%s, the coming one: told as still to come)", e.word)
}

// progressiveAt reports an English control word in the present
// progressive ("is being handed over", "are handing over"), which with a
// weekday tells an arrangement still to come.
func progressiveAt(ts []token, c cueHit) bool {
	if isWordAt(ts, c.i-1, "being") && isWordAt(ts, c.i-2, "is", "are") {
		return true
	}
	return latinWord(ts[c.i]) && strings.HasSuffix(ts[c.i].norm, "ing") && isWordAt(ts, c.i-1, "is", "are")
}
