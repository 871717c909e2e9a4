package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// lexiconJSON holds every word list of the extractor: control-change
// words by class, the words naming each side, non-event phrases, cue
// words, month and weekday names, numbers and page-furniture markers. A
// linguist extends the extractor by editing it; parseLexicon checks it.
//
//go:embed lexicon.json
var lexiconJSON []byte

type lexiconFile struct {
	About           string              `json:"_about"`
	Control         map[string][]string `json:"control"`
	Actors          map[string][]string `json:"actors"`
	Context         map[string][]string `json:"context"`
	Words           map[string][]string `json:"words"`
	Months          map[string][]string `json:"months"`
	MonthPairs      map[string][]string `json:"month_pairs"`
	Weekdays        map[string][]string `json:"weekdays"`
	OrdinalDays     map[string][]string `json:"ordinal_days"`
	MonthQualifiers map[string][]string `json:"month_qualifiers"`
	DecadeUnits     map[string][]string `json:"decade_units"`
	NumberWords     map[string][]string `json:"number_words"`
	Furniture       []string            `json:"furniture"`
}

// lexicon is lexicon.json checked and indexed.
type lexicon struct {
	control    map[string]cueClass
	actors     map[string]string
	context    map[string]string
	words      map[string]map[string]bool
	months     map[string]int
	monthPairs map[[2]string]int
	weekdays   map[string]time.Weekday
	ordinals   map[string]int
	qualifiers map[string]int
	decades    map[string]int
	numbers    map[string]int
	furniture  []string
}

var cueClassNames = map[string]cueClass{
	"enter": cueEnter, "retake": cueRetake, "control": cueControl, "liberate": cueLiberate,
	"occupy": cueOccupy, "fall": cueFall, "handover": cueHandover, "cede": cueCede,
	"withdraw": cueWithdraw, "surrender": cueSurrender, "held": cueHeld, "lose": cueLose,
}

var contextTypeNames = map[string]bool{ctxCeasefire: true, ctxMeeting: true, ctxMemorandum: true}

// wordListNames are the single-word lists the finders use; each must be
// in the file.
var wordListNames = []string{
	"launch", "operation", "erupt", "fight", "battle", "river", "raise", "flag", "agreement", "implement", "future", "expect",
	"past_aux", "negation", "alternative", "document_names", "result", "birth", "destination", "civilian_movers", "list_openers", "personal_pronouns", "condition", "intent", "relative", "anaphor_nouns", "not_fallen", "not_entered",
	"clause_connectors", "villages", "signing", "anniversary", "speech", "denial", "confirmation", "weak_months", "approx", "year_cues", "not_today_after", "not_today_before",
	"year_units", "hedges", "purpose_before", "purpose_after", "until", "now",
	"published", "updated", "become", "under", "control_nouns", "majority", "since", "deadline_nouns", "direction", "topic_preps", "land_nouns",
	"quantity", "earlier", "before", "titles", "shelling", "position_nouns", "date_labels", "not_ground", "actor_heads", "award_nouns",
	"day_units", "day_duals", "week_units", "week_duals", "completion", "complementizers", "returned_to_nouns", "visit_verbs", "days_back", "days_forward", "during", "total", "dated",
	"concession", "held_adjectives", "first_person", "inclusion", "chronicle", "editing_heads", "symbol_heads", "war_names", "exclusion", "polity_names", "atrocity_names", "distance_units", "number_abbreviations", "prior_openers", "occupation_modifiers",
	"remain", "outside_war", "plural_lands", "plural_settlements", "plural_demonstratives",
}

// entryWords checks one entry: written normalised, words separated by
// single spaces, each word one token of the tokenizer (so that the entry
// can match at all). single demands a one-word entry. Without words it
// skips the per-word checks (normalising and tokenizing), which are most
// of parseLexicon's cost.
func entryWords(list, e string, single, words bool) ([]string, error) {
	ws := strings.Fields(e)
	if len(ws) == 0 || strings.Join(ws, " ") != e {
		return nil, fmt.Errorf("%s: entry %q: empty, or spaces not single", list, e)
	}
	if single && len(ws) > 1 {
		return nil, fmt.Errorf("%s: entry %q: this list is matched word by word, so a phrase can never match", list, e)
	}
	for _, w := range ws {
		if !words {
			break
		}
		if n := normalise(w); n != w {
			return nil, fmt.Errorf("%s: entry %q: %q is read from text as %q, so as written it can never match; write %q", list, e, w, n, n)
		}
		toks, _ := tokenize(w, 0, len(w), 0)
		if len(toks) != 1 || toks[0].kind == tokPunct {
			return nil, fmt.Errorf("%s: entry %q: %q is not one word of text (the tokenizer splits it), so it can never match", list, e, w)
		}
	}
	return ws, nil
}

// parseLexicon reads and checks the word lists. It rejects an entry that
// normalisation would change or the tokenizer would split (it could never
// match), a duplicate within a section, and unknown or missing list names.
func parseLexicon(data []byte) (*lexicon, error) { return readLexicon(data, true) }

// readLexicon is parseLexicon; without checkWords it skips the per-word
// checks of entryWords.
func readLexicon(data []byte, checkWords bool) (*lexicon, error) {
	var f lexiconFile
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("extract: lexicon.json: %w", err)
	}
	lx := &lexicon{
		control: map[string]cueClass{}, actors: map[string]string{}, context: map[string]string{},
		words: map[string]map[string]bool{}, months: map[string]int{}, monthPairs: map[[2]string]int{},
		weekdays: map[string]time.Weekday{}, ordinals: map[string]int{}, qualifiers: map[string]int{},
		decades: map[string]int{}, numbers: map[string]int{},
	}
	// each adds every entry of a section's classes, in a stable order,
	// rejecting duplicates across the section's classes
	each := func(section string, m map[string][]string, single bool, add func(class, entry string, ws []string) error) error {
		if len(m) == 0 {
			return fmt.Errorf("extract: lexicon.json: section %q is missing or empty", section)
		}
		classes := make([]string, 0, len(m))
		for c := range m {
			classes = append(classes, c)
		}
		sort.Strings(classes)
		seen := map[string]string{}
		for _, c := range classes {
			for _, e := range m[c] {
				ws, err := entryWords(section+"."+c, e, single, checkWords)
				if err != nil {
					return fmt.Errorf("extract: lexicon.json: %w", err)
				}
				if prev, dup := seen[e]; dup {
					return fmt.Errorf("extract: lexicon.json: %s: entry %q is listed twice (in %s and %s)", section, e, prev, c)
				}
				seen[e] = c
				if err := add(c, e, ws); err != nil {
					return fmt.Errorf("extract: lexicon.json: %s.%s: %w", section, c, err)
				}
			}
		}
		return nil
	}
	number := func(class string, lo, hi int) (int, error) {
		n, err := strconv.Atoi(class)
		if err != nil || n < lo || n > hi {
			return 0, fmt.Errorf("class %q is not a number from %d to %d", class, lo, hi)
		}
		return n, nil
	}
	intInto := func(dst map[string]int, lo, hi int) func(string, string, []string) error {
		return func(c, e string, _ []string) error {
			n, err := number(c, lo, hi)
			dst[e] = n
			return err
		}
	}
	steps := []error{
		each("control", f.Control, false, func(c, e string, _ []string) error {
			cls, ok := cueClassNames[c]
			if !ok {
				return fmt.Errorf("unknown class %q", c)
			}
			lx.control[e] = cls
			return nil
		}),
		each("actors", f.Actors, true, func(c, e string, _ []string) error {
			if c != actAZE && c != actARM && c != actRUS {
				return fmt.Errorf("unknown side %q (want %s, %s or %s)", c, actAZE, actARM, actRUS)
			}
			lx.actors[e] = c
			return nil
		}),
		each("context", f.Context, false, func(c, e string, _ []string) error {
			if !contextTypeNames[c] {
				return fmt.Errorf("unknown context type %q", c)
			}
			lx.context[e] = c
			return nil
		}),
		each("months", f.Months, true, intInto(lx.months, 1, 12)),
		each("month_pairs", f.MonthPairs, false, func(c, e string, ws []string) error {
			n, err := number(c, 1, 12)
			if len(ws) != 2 {
				return fmt.Errorf("entry %q: want two words", e)
			}
			lx.monthPairs[[2]string{ws[0], ws[1]}] = n
			return err
		}),
		each("weekdays", f.Weekdays, true, func(c, e string, _ []string) error {
			for d := time.Sunday; d <= time.Saturday; d++ {
				if strings.ToLower(d.String()) == c {
					lx.weekdays[e] = d
					return nil
				}
			}
			return fmt.Errorf("unknown weekday %q", c)
		}),
		each("ordinal_days", f.OrdinalDays, true, intInto(lx.ordinals, 1, 31)),
		each("month_qualifiers", f.MonthQualifiers, true, func(c, e string, _ []string) error {
			q, ok := map[string]int{"this": qualThis, "past": qualPast, "next": qualNext}[c]
			if !ok {
				return fmt.Errorf("unknown qualifier %q", c)
			}
			lx.qualifiers[e] = q
			return nil
		}),
		each("decade_units", f.DecadeUnits, true, intInto(lx.decades, 1, 10)),
		each("number_words", f.NumberWords, true, intInto(lx.numbers, 1, 100)),
	}
	for _, err := range steps {
		if err != nil {
			return nil, err
		}
	}
	// single-word lists: each its own set (a word may serve in several)
	for name, list := range f.Words {
		if !contains(wordListNames, name) {
			return nil, fmt.Errorf("extract: lexicon.json: words: unknown list %q", name)
		}
		set := map[string]bool{}
		for _, e := range list {
			if _, err := entryWords("words."+name, e, true, checkWords); err != nil {
				return nil, fmt.Errorf("extract: lexicon.json: %w", err)
			}
			if set[e] {
				return nil, fmt.Errorf("extract: lexicon.json: words.%s: entry %q is listed twice", name, e)
			}
			set[e] = true
		}
		lx.words[name] = set
	}
	for _, name := range wordListNames {
		if len(lx.words[name]) == 0 {
			return nil, fmt.Errorf("extract: lexicon.json: words: list %q is missing or empty", name)
		}
	}
	seen := map[string]bool{}
	for _, e := range f.Furniture {
		if _, err := entryWords("furniture", e, false, checkWords); err != nil {
			return nil, fmt.Errorf("extract: lexicon.json: %w", err)
		}
		if seen[e] {
			return nil, fmt.Errorf("extract: lexicon.json: furniture: entry %q is listed twice", e)
		}
		seen[e] = true
		lx.furniture = append(lx.furniture, e)
	}
	return lx, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lex is the embedded lexicon. It is part of the binary and checked by
// the tests, so a fault in it is a build fault: loading panics. The tests
// check every word of it (parseLexicon); loading skips the per-word
// checks, which tokenized each of its ~1,000 entries (TestEmbeddedLexicon
// holds that both give the same lexicon). It is loaded on the first
// extraction (loadLexicon), not at package init: a server that is never
// asked to extract should not parse it at every start.
var (
	lex         *lexicon
	lexiconOnce sync.Once
)

// loadLexicon reads the embedded lexicon and binds its word lists to the
// names the finders use, once; every entry point calls it first.
func loadLexicon() {
	lexiconOnce.Do(func() {
		lx, err := readLexicon(lexiconJSON, false)
		if err != nil {
			panic(err)
		}
		lex = lx
		bindWordLists(lx)
	})
}

// The word lists under the names the finders use (see lexicon.json).
var (
	// controlPatterns maps control-change words and phrases (the first
	// word without clitics) to their class. Single Arabic words are also
	// tried with an object pronoun removed.
	controlPatterns map[string]cueClass
	// actorWords name the sides: Azerbaijan, Armenian forces (the NKR
	// army and Republic of Armenia units) and Russia, listed so that it
	// is not mistaken for either.
	actorWords      map[string]string
	contextPatterns map[string]string
	// launch + operation words start an offensive; erupt + fight words too
	launchWords    map[string]bool
	operationWords map[string]bool
	eruptWords     map[string]bool
	fightWords     map[string]bool
	battleWords    map[string]bool
	riverWords     map[string]bool
	raiseWords     map[string]bool
	flagWords      map[string]bool
	// implement + agreement words tie a change to an agreement
	agreementWords map[string]bool
	implementWords map[string]bool
	// modality words before a control word
	futureWords   map[string]bool
	expectWords   map[string]bool
	pastAux       map[string]bool
	negWords      map[string]bool
	altWords      map[string]bool
	documentNames map[string]bool
	resultWords   map[string]bool
	birthWords    map[string]bool
	destWords     map[string]bool
	civilMovers   map[string]bool
	// listOpeners open a sentence that names the villages a count in the
	// sentence before told ("يتعلق الأمر بقرى: …", "They are:")
	listOpeners   map[string]bool
	personalPron  map[string]bool
	condWords     map[string]bool
	intentWords   map[string]bool
	relativeWords map[string]bool
	// anaphorNouns refer back to a district named before (the district)
	anaphorNouns map[string]bool
	// villageWords: a change told of villages or heights, bound to every
	// district of the sentence
	villageWords map[string]bool
	// signingWords before a date make it the day an agreement was signed
	signingWords map[string]bool
	// anniversaryWords before a control word: the change is years old
	anniversaryWords map[string]bool
	// a side's statement (speech), the other side's denial or
	// confirmation of a change
	speechWords  map[string]bool
	denialWords  map[string]bool
	confirmWords map[string]bool
	// concedeWords: a side admitting a change ("conceded the fall of
	// X", "اعترفت بسقوط"): the side that lost it
	concedeWords map[string]bool
	// heldAdjectives after a side and a hyphen ("Armenian-held") name
	// the holder of a place, not the one who acts
	heldAdjectives map[string]bool
	// firstPerson words ("our army", "جيشنا") make the speaker's side
	// the one who acted
	firstPerson map[string]bool
	// editingHeads before "تحرير" make it editing ("مكتب تحرير الجريدة",
	// "رئيس التحرير"), not liberation
	editingHeads map[string]bool
	// symbolHeads before a liberation noun make it an idea, not an
	// event ("رمز التحرير", "a symbol of liberation")
	symbolHeads map[string]bool
	// notFallen after a "fell" word make it casualties or aircraft, not a
	// place changing hands
	notFallen map[string]bool
	// notEntered right after an "enter" word make it a figure of speech
	// ("entered history", "دخل حيز التنفيذ", "entered its second week"),
	// not forces entering a place
	notEntered map[string]bool
	// clauseConnectors start a new clause without a comma (then, while)
	clauseConnectors map[string]bool
	// furnitureMarkers begin page furniture after an article body
	// (related stories, most read); text after them is not read
	furnitureMarkers []string
	// dates
	monthWords      map[string]int
	weakMonths      map[string]bool   // month names that are also ordinary words
	monthPairs      map[[2]string]int // two-word Levantine months
	weekdayWords    map[string]time.Weekday
	ordinalDays     map[string]int
	monthQualifiers map[string]int
	approxWords     map[string]bool // "late September": month precision
	yearCues        map[string]bool // precede a bare year
	quantityWords   map[string]bool // "أكثر من 2000": a count, not a year
	earlierWords    map[string]bool // open a sentence told as before the news
	beforeWords     map[string]bool // "before", "قبل": a change told as later than the main clause
	titleWords      map[string]bool // "Gen.", "Mr.": a dot after them ends no sentence
	shellingWords   map[string]bool // "قصف", "shelled": what follows was struck, not taken
	positionNouns   map[string]bool // "base", "posts": a side's adjective before them names the holder
	dateLabels      map[string]bool // a line of its own before the page's date
	notTodayAfter   map[string]bool // "the next day", not today
	notTodayBefore  map[string]bool // a channel name, not today
	yearUnits       map[string]bool
	decadeUnits     map[string]int
	numberWords     map[string]int
	hedgeWords      map[string]bool // before a number: approximate
	// a control noun with a purpose preposition ("للسيطرة عليها", "fighting
	// for control of"): an aim, not a change
	purposeBefore map[string]bool
	purposeAfter  map[string]bool
	// "حتى الآن استعادوا …", "so far … liberated": a running total, not a
	// change on the day
	untilWords map[string]bool
	// page furniture before a date near the top: "تاريخ النشر:", "نشر في",
	// "Published" make it the publication date; "آخر تحديث", "Updated"
	// make it a later edit, never the publication date
	publishedWords map[string]bool
	updatedWords   map[string]bool
	nowWords       map[string]bool
	// a verb of becoming before "under … control" ("came under full
	// control", "أصبحت تحت السيطرة", "وقعت تحت سيطرة"): the state was
	// reached then, a change
	becomeWords      map[string]bool
	underWords       map[string]bool
	controlNounWords map[string]bool
	// "most of the district", "معظم أراضي": a partial change that hands
	// over the larger part
	majorityWords map[string]bool
	// "since the fighting began": what follows is a running total
	sinceWords map[string]bool
	// "خلال العملية", "في إطار العملية", "during the offensive", "خلالها":
	// what a sentence says was taken within an operation is its running
	// total, not the news of one day
	duringWords map[string]bool
	// "a total of", "in total", "ما مجموعه", "hundreds of villages": a
	// count across a war, a running total
	totalWords map[string]bool
	// "a note dated 6 April", "الرسالة المؤرخة في": a document's date,
	// never the date of a change it speaks of
	datedWords map[string]bool
	// "الموعد النهائي لانسحاب", "the deadline for the withdrawal": a
	// change planned by a date, not one that happened
	deadlineNouns map[string]bool
	// a place after "in the direction of", "على محور", "باتجاه" is a
	// front, not a place taken
	directionWords map[string]bool
	// "the Karabakh war", "حرب قره باغ": a place naming a war, not where a change happened
	warNames map[string]bool
	// "(except Shusha district)", "باستثناء شوشا": a place set apart from what the sentence tells
	exclusionWords map[string]bool
	// "Following the capture of X, on D …", "In response to …", "بعد تحرير X، …": a sentence opened by what came before its news
	priorOpeners map[string]bool
	// "regiment No. 366", "Art. 5": an abbreviation whose dot comes before a number
	numberAbbrevs map[string]bool
	// "the Karabakh Khanate", "خانية قره باغ": a place naming a former state
	polityNames map[string]bool
	// "the Khojaly genocide", "مجزرة خوجالي": an atrocity named by its place
	atrocityNames map[string]bool
	// "7 km away from Stepanakert": a place measured from
	distanceUnits map[string]bool
	// "from (the enemy, 27 years of) occupation": words between "from" and the occupation a place was freed from
	occupationModifiers map[string]bool
	// "بشأن احتلال", "concerning the occupation": the topic of a document
	topicPreps map[string]bool
	// "أراض فقدت السيطرة عليها": a pronoun after lands points to them
	landNouns map[string]bool
	// "after", "since" before a war named by its year: a time outside it
	outsideWar map[string]bool
	// "remained under occupation until …", "was occupied until …": a state
	// held up to a change
	remainWords map[string]bool
	// "these districts", "هذه القرى": a plural anaphor and its nouns
	pluralLands, pluralSettlements, pluralDemonstratives map[string]bool
	chronicleWords                                       map[string]bool // "chronicle": a page that retells one day of a war
	inclusionWords                                       map[string]bool // "including", "بينها": the members of a plural object follow
	// "regained its independent status": what was regained is not ground
	notGround map[string]bool
	// "قوات الاحتلال", "occupation forces": a control noun naming an actor
	actorHeads map[string]bool
	// a medal "for the liberation of X": a control word naming an award
	awardNouns map[string]bool
	// "a day before", "two days later", "قبل يومين", "في اليوم التالي":
	// days counted from the date just spoken of
	dayUnits, dayDuals, weekUnits, weekDuals, completionWords, thatWords, returnedToNouns, visitVerbs, daysBack, daysForward map[string]bool
)

// bindWordLists gives the finders' names their lists, and builds what is
// derived from them.
func bindWordLists(lex *lexicon) {
	controlPatterns = lex.control
	actorWords = lex.actors
	contextPatterns = lex.context
	launchWords = lex.words["launch"]
	operationWords = lex.words["operation"]
	eruptWords = lex.words["erupt"]
	fightWords = lex.words["fight"]
	battleWords = lex.words["battle"]
	riverWords = lex.words["river"]
	raiseWords = lex.words["raise"]
	flagWords = lex.words["flag"]
	agreementWords = lex.words["agreement"]
	implementWords = lex.words["implement"]
	futureWords = lex.words["future"]
	expectWords = lex.words["expect"]
	pastAux = lex.words["past_aux"]
	negWords = lex.words["negation"]
	altWords = lex.words["alternative"]
	documentNames = lex.words["document_names"]
	resultWords = lex.words["result"]
	birthWords = lex.words["birth"]
	destWords = lex.words["destination"]
	civilMovers = lex.words["civilian_movers"]
	listOpeners = lex.words["list_openers"]
	personalPron = lex.words["personal_pronouns"]
	condWords = lex.words["condition"]
	intentWords = lex.words["intent"]
	relativeWords = lex.words["relative"]
	anaphorNouns = lex.words["anaphor_nouns"]
	villageWords = lex.words["villages"]
	signingWords = lex.words["signing"]
	anniversaryWords = lex.words["anniversary"]
	speechWords = lex.words["speech"]
	denialWords = lex.words["denial"]
	confirmWords = lex.words["confirmation"]
	concedeWords = lex.words["concession"]
	heldAdjectives = lex.words["held_adjectives"]
	firstPerson = lex.words["first_person"]
	notFallen = lex.words["not_fallen"]
	editingHeads = lex.words["editing_heads"]
	symbolHeads = lex.words["symbol_heads"]
	notEntered = lex.words["not_entered"]
	clauseConnectors = lex.words["clause_connectors"]
	furnitureMarkers = lex.furniture
	monthWords = lex.months
	weakMonths = lex.words["weak_months"]
	monthPairs = lex.monthPairs
	weekdayWords = lex.weekdays
	ordinalDays = lex.ordinals
	monthQualifiers = lex.qualifiers
	approxWords = lex.words["approx"]
	yearCues = lex.words["year_cues"]
	quantityWords = lex.words["quantity"]
	earlierWords = lex.words["earlier"]
	beforeWords = lex.words["before"]
	titleWords = lex.words["titles"]
	shellingWords = lex.words["shelling"]
	positionNouns = lex.words["position_nouns"]
	dateLabels = lex.words["date_labels"]
	notTodayAfter = lex.words["not_today_after"]
	notTodayBefore = lex.words["not_today_before"]
	yearUnits = lex.words["year_units"]
	decadeUnits = lex.decades
	numberWords = lex.numbers
	hedgeWords = lex.words["hedges"]
	purposeBefore = lex.words["purpose_before"]
	purposeAfter = lex.words["purpose_after"]
	untilWords = lex.words["until"]
	publishedWords = lex.words["published"]
	updatedWords = lex.words["updated"]
	nowWords = lex.words["now"]
	becomeWords = lex.words["become"]
	underWords = lex.words["under"]
	controlNounWords = lex.words["control_nouns"]
	majorityWords = lex.words["majority"]
	sinceWords = lex.words["since"]
	duringWords = lex.words["during"]
	totalWords = lex.words["total"]
	datedWords = lex.words["dated"]
	deadlineNouns = lex.words["deadline_nouns"]
	directionWords = lex.words["direction"]
	warNames = lex.words["war_names"]
	exclusionWords = lex.words["exclusion"]
	priorOpeners = lex.words["prior_openers"]
	numberAbbrevs = lex.words["number_abbreviations"]
	polityNames = lex.words["polity_names"]
	atrocityNames = lex.words["atrocity_names"]
	distanceUnits = lex.words["distance_units"]
	occupationModifiers = lex.words["occupation_modifiers"]
	topicPreps = lex.words["topic_preps"]
	landNouns = lex.words["land_nouns"]
	outsideWar = lex.words["outside_war"]
	remainWords = lex.words["remain"]
	pluralLands, pluralSettlements = lex.words["plural_lands"], lex.words["plural_settlements"]
	pluralDemonstratives = lex.words["plural_demonstratives"]
	inclusionWords = lex.words["inclusion"]
	chronicleWords = lex.words["chronicle"]
	notGround = lex.words["not_ground"]
	actorHeads = lex.words["actor_heads"]
	awardNouns = lex.words["award_nouns"]
	dayUnits = lex.words["day_units"]
	dayDuals = lex.words["day_duals"]
	weekUnits = lex.words["week_units"]
	weekDuals = lex.words["week_duals"]
	completionWords = lex.words["completion"]
	thatWords = lex.words["complementizers"]
	returnedToNouns = lex.words["returned_to_nouns"]
	visitVerbs = lex.words["visit_verbs"]
	daysBack = lex.words["days_back"]
	daysForward = lex.words["days_forward"]
	controlIndex = buildIndex(controlPatterns)
	contextIndex = buildIndex(contextPatterns)
	actorWordSet = make(map[string]bool, len(actorWords))
	for k := range actorWords {
		actorWordSet[k] = true
	}
}
