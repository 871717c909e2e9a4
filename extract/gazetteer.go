package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/mapsvc/mapsvc/data/places"
	"github.com/mapsvc/mapsvc/data/regions"
	"github.com/mapsvc/mapsvc/geo"
)

//go:embed province_seats.json
var provinceSeatsJSON []byte

// provinceSeats maps an NKR province's name to the district of its seat
// (province_seats.json).
var provinceSeats = func() map[string]string {
	var f struct {
		Seats map[string]string `json:"seats"`
	}
	if err := json.Unmarshal(provinceSeatsJSON, &f); err != nil {
		panic("extract: province_seats.json: " + err.Error())
	}
	return f.Seats
}()

//go:embed gazetteer.json
var gazetteerJSON []byte

// Place is one gazetteer entry: a district, a named part of one, or a
// place that is not a district (Karabakh itself, towns outside the area).
type Place struct {
	ID      string `json:"id"`
	Region  string `json:"region"`  // district id, "" when the place is not one district
	Name    string `json:"name"`    // English display name
	Partial bool   `json:"partial"` // a village, town or corridor inside Region, not all of it
	Outside bool   `json:"outside"` // outside the conflict area
	// Settlement: a village or town of Region; a change told of it is a
	// partial change of its district (like a list of villages), not
	// context only as for a corridor
	Settlement bool `json:"settlement"`
	// Village: a settlement or height of data/places that binds only as
	// its district's evidence: named alone it is context (partial_area),
	// and a district proposal told of it lists it in Places
	Village bool     `json:"-"`
	Ar      []string `json:"ar"`
	ArGuess []string `json:"ar_unverified"`
	En      []string `json:"en"`

	// nkr holds the keys of the spellings that are the district's NKR
	// name ("Shushi", "Berdzor"): the Armenian side's name for it
	nkr map[string]bool
	// province holds the keys of the NKR province names seated in the
	// district ("Hadrut", "Martuni"): a town and province, not all of it
	province map[string]bool

	// NamedKind: a village the text names as one ("the village of X"),
	// bound by namedVillages; it proposes only with its taker named
	NamedKind bool `json:"-"`
}

type gazetteerFile struct {
	Source    string   `json:"_source"`
	Places    []Place  `json:"places"`
	Ambiguous []string `json:"ambiguous"`
	// SettlementsAlone lists the spellings under which news tell of a
	// village of data/places on its own (Sugovushan, Zabukh; the regions
	// list several as their district's aliases): the village takes them
	// from the district and binds alone as a partial change. Any other
	// settlement spelling that is also a district spelling stays the
	// district's, and any other village is its district's evidence only.
	SettlementsAlone []string `json:"settlements_alone"`
	PlaceWords       struct {
		Ar []string `json:"ar"`
		En []string `json:"en"`
	} `json:"place_words"`
}

// gazetteer indexes place spellings by their normalised form (words
// joined without spaces) and, for Arabic, by consonant skeleton.
type gazetteer struct {
	places    []Place
	exact     map[string]int // normalised spelling -> index in places
	skel      map[string]int // skeleton -> index, only unambiguous skeletons
	skelWords map[string]int // skeleton -> number of words of its spelling
	// latinSkel: a district's one-word Latin spellings by latinSkeleton,
	// for romanisations no alias lists ("Kubatlu", "Zanjilan")
	latinSkel  map[string]int
	ambiguous  map[string]bool
	placeWords map[string]bool
	maxWords   int
	regionName map[string]string
}

var (
	gazOnce sync.Once
	gaz     *gazetteer
	gazErr  error
)

// loadGazetteer builds the gazetteer once: the conflict-area districts
// with their names and aliases from the embedded regions, the places of
// gazetteer.json, then the settlements of the embedded places gazetteer
// (data/places).
func loadGazetteer() (*gazetteer, error) {
	gazOnce.Do(func() {
		rs, err := regions.Load()
		if err != nil {
			gazErr = fmt.Errorf("extract: regions: %w", err)
			return
		}
		ps, err := places.Load()
		if err != nil {
			gazErr = fmt.Errorf("extract: places: %w", err)
			return
		}
		gaz, gazErr = parseGazetteer(gazetteerJSON, rs, ps)
	})
	return gaz, gazErr
}

// districtSpellings lists every name and alias of the conflict-area
// districts (a bracketed label dropped), by normalised key.
func districtSpellings(rs []geo.Region) map[string]bool {
	out := map[string]bool{}
	for _, r := range rs {
		if r.Role != geo.RoleConflict {
			continue
		}
		for _, n := range r.Names {
			out[strings.Join(nameWords(n), "")] = true
		}
		for _, a := range r.Aliases {
			out[strings.Join(nameWords(a), "")] = true
		}
	}
	return out
}

// settlementPlaces turns the settlements and heights of data/places into
// gazetteer places of their district (Village). A village named alone
// proposes nothing: the sources tell changes per district, and an
// editor files the village from a district proposal's Places. Only a
// village under a spelling of settlements_alone ("Sugovushan", "Zabukh")
// is told of on its own and binds as a partial change (a second entry of
// the same id, Settlement).
// (A village or height that is the direct object of a control word binds
// as a partial change too: villageObject, reports.go.)
// Every name, alias and NKR name is a spelling, except
//   - a spelling of a district (the town of Jabrayil is written as its
//     district is; "Hadrut" also names the NKR province): the district
//     keeps it, unless settlements_alone gives it to the village;
//   - a spelling two places share (Aghjakend lies in three districts):
//     it names no one place and no one district, so neither.
func settlementPlaces(ps []geo.Place, district, aloneKeys map[string]bool) []Place {
	spellings := func(p geo.Place) []string {
		var out []string
		for _, l := range geo.Langs {
			if n := p.Names[l]; n != "" {
				out = append(out, n)
			}
		}
		out = append(out, p.Aliases...)
		if p.NKRName != "" {
			out = append(out, p.NKRName) // "Akna (Ակնա)": the gloss is dropped by nameWords
		}
		return out
	}
	owners := map[string]map[string]bool{}
	for _, p := range ps {
		for _, s := range spellings(p) {
			k := strings.Join(nameWords(s), "")
			if owners[k] == nil {
				owners[k] = map[string]bool{}
			}
			owners[k][p.ID] = true
		}
	}
	out := make([]Place, 0, len(ps))
	for _, p := range ps {
		q := Place{ID: p.ID, Region: p.Region, Name: p.Names[geo.LangEN], Partial: true, Village: true}
		alone := q // the spellings of settlements_alone: Settlement
		alone.Settlement = true
		seen := map[string]bool{}
		for _, s := range spellings(p) {
			k := strings.Join(nameWords(s), "")
			if k == "" || seen[k] || len(owners[k]) > 1 || district[k] && !aloneKeys[k] {
				continue
			}
			seen[k] = true
			e := &q
			if aloneKeys[k] {
				e = &alone
			}
			if isArabicLetter(firstRune(k)) {
				e.Ar = append(e.Ar, s)
			} else {
				e.En = append(e.En, s)
			}
		}
		out = append(out, q)
		if len(alone.Ar)+len(alone.En) > 0 {
			out = append(out, alone)
		}
	}
	return out
}

// districtPlaces turns the conflict-area regions into gazetteer places:
// every display name and alias is a spelling. A label in brackets ("(NKR
// name)") is not part of the spelling, and a spelling that two districts
// share (an NKR province such as Kashatagh spanned several) names neither,
// so it is left out.
func districtPlaces(rs []geo.Region) []Place {
	owners := map[string]map[string]bool{}
	spellings := func(r geo.Region) []string {
		var out []string
		for _, l := range geo.Langs {
			if n := r.Names[l]; n != "" {
				out = append(out, n)
			}
		}
		for _, a := range r.Aliases {
			i := strings.Index(a, " (")
			if i > 0 && strings.Contains(a[i:], "province") {
				// A province spanned several districts: its name means
				// the district of its seat, and no other.
				if provinceSeats[a[:i]] != r.ID {
					continue
				}
			}
			if i > 0 {
				a = a[:i]
			}
			out = append(out, a)
		}
		return out
	}
	for _, r := range rs {
		if r.Role != geo.RoleConflict {
			continue
		}
		for _, s := range spellings(r) {
			k := strings.Join(nameWords(s), "")
			if owners[k] == nil {
				owners[k] = map[string]bool{}
			}
			owners[k][r.ID] = true
		}
	}
	var out []Place
	for _, r := range rs {
		if r.Role != geo.RoleConflict {
			continue
		}
		p := Place{ID: r.ID, Region: r.ID, Name: r.Names[geo.LangEN]}
		for _, a := range r.Aliases {
			if strings.Contains(a, "(NKR name)") {
				if p.nkr == nil {
					p.nkr = map[string]bool{}
				}
				p.nkr[strings.Join(nameWords(a), "")] = true
			}
			if i := strings.Index(a, " ("); i > 0 && strings.Contains(a[i:], "province") && provinceSeats[a[:i]] == r.ID {
				if p.province == nil {
					p.province = map[string]bool{}
				}
				p.province[strings.Join(nameWords(a[:i]), "")] = true
			}
		}
		for _, s := range spellings(r) {
			if len(owners[strings.Join(nameWords(s), "")]) == 1 {
				p.En = append(p.En, s) // En holds every spelling; matching is by normalised words
			}
		}
		out = append(out, p)
	}
	return out
}

func parseGazetteer(data []byte, rs []geo.Region, ps []geo.Place) (*gazetteer, error) {
	var f gazetteerFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("extract: gazetteer: %w", err)
	}
	settled := map[string]bool{}
	for _, p := range ps {
		settled[p.ID] = true
	}
	for _, p := range f.Places {
		if p.Region != "" && !p.Partial {
			return nil, fmt.Errorf("extract: gazetteer: %s is a whole district; district names come from the regions' names and aliases", p.ID)
		}
		if p.Settlement || settled[p.ID] {
			return nil, fmt.Errorf("extract: gazetteer: %s is a settlement; settlements come from data/places", p.ID)
		}
	}
	alone := map[string]bool{}
	for _, s := range f.SettlementsAlone {
		alone[strings.Join(nameWords(s), "")] = true
	}
	f.Places = append(f.Places, settlementPlaces(ps, districtSpellings(rs), alone)...)
	districts := districtPlaces(rs)
	nDistricts := len(districts)
	// the file's places are more specific than a district alias of the
	// same spelling (a village named as an alias of its district)
	specific := map[string]bool{}
	for _, p := range f.Places {
		for _, s := range append(append(append([]string{}, p.Ar...), p.ArGuess...), p.En...) {
			specific[strings.Join(nameWords(s), "")] = true
		}
	}
	f.Places = append(districts, f.Places...)
	g := &gazetteer{
		places:     f.Places,
		exact:      map[string]int{},
		skel:       map[string]int{},
		skelWords:  map[string]int{},
		latinSkel:  map[string]int{},
		ambiguous:  map[string]bool{},
		placeWords: map[string]bool{},
		regionName: map[string]string{},
	}
	clash := map[string]bool{}
	for i, p := range f.Places {
		if p.Region != "" && !p.Partial {
			g.regionName[p.Region] = p.Name
		}
		var all []string
		all = append(all, p.Ar...)
		all = append(all, p.ArGuess...)
		all = append(all, p.En...)
		for _, s := range all {
			words := nameWords(s)
			if len(words) == 0 {
				continue
			}
			if i < nDistricts && specific[strings.Join(words, "")] {
				continue
			}
			if len(words) > g.maxWords {
				g.maxWords = len(words)
			}
			key := strings.Join(words, "")
			if j, ok := g.exact[key]; ok && j != i && !(j < nDistricts) == !(i < nDistricts) {
				return nil, fmt.Errorf("extract: gazetteer: %q names both %s and %s", s, f.Places[j].ID, p.ID)
			}
			g.exact[key] = i
			if !isArabicLetter(firstRune(key)) {
				continue
			}
			sk := skeletonOf(words)
			if runeLen(sk) < 4 {
				continue // too short to match loosely without false hits
			}
			if j, ok := g.skel[sk]; ok && j != i && p.Village && !f.Places[j].Village {
				continue // a settlement's loose spelling never takes a district's
			}
			if j, ok := g.skel[sk]; ok && j != i {
				clash[sk] = true
			}
			g.skel[sk] = i
			g.skelWords[sk] = len(words)
		}
	}
	for sk := range clash {
		delete(g.skel, sk) // a skeleton shared by two places proves nothing
	}
	g.indexLatinSkeletons(nDistricts)
	for _, a := range f.Ambiguous {
		g.ambiguous[strings.Join(nameWords(a), "")] = true
	}
	for _, w := range append(f.PlaceWords.Ar, f.PlaceWords.En...) {
		g.placeWords[normalise(w)] = true
	}
	return g, nil
}

// minLatinSkeleton is the shortest Latin skeleton matched loosely: seven
// sounds ("KVBVTLV" for Gubadli), or six when the word also begins with
// the letter a spelling of that skeleton begins with ("Agdara" for
// Aghdara). Shorter ones, or six with another first letter, meet
// villages no list holds ("Gajaly" sounds like Khojaly).
const minLatinSkeleton = 7

// latinSkelKey is the key a one-word Latin spelling is indexed and looked
// up by: its skeleton, with the first letter added when it has six sounds;
// "" when it has fewer.
func latinSkelKey(w string) string {
	sk := latinSkeleton(w)
	switch {
	case len(sk) < minLatinSkeleton-1:
		return ""
	case len(sk) < minLatinSkeleton:
		return sk + "/" + w[:1] // six sounds: the first letter too
	}
	return sk
}

// indexLatinSkeletons indexes the one-word Latin spellings of the first n
// places (the districts) by latinSkeleton; a skeleton two districts share,
// or that a settlement's exact spelling has, is left out.
func (g *gazetteer) indexLatinSkeletons(n int) {
	clash := map[string]bool{}
	for i := 0; i < n; i++ {
		p := g.places[i]
		for _, s := range append([]string{p.Name}, p.En...) {
			words := nameWords(s)
			if len(words) != 1 {
				continue
			}
			sk := latinSkelKey(words[0])
			if sk == "" {
				continue
			}
			if j, ok := g.latinSkel[sk]; ok && j != i {
				clash[sk] = true
			}
			g.latinSkel[sk] = i
		}
	}
	for key, idx := range g.exact {
		if idx >= n {
			if sk := latinSkelKey(key); sk != "" {
				clash[sk] = true // a village spelt like a district's sounds
			}
		}
	}
	for sk := range clash {
		delete(g.latinSkel, sk)
	}
}

// nameWords splits a spelling into normalised words, dropping hyphens and
// any parenthesised gloss.
func nameWords(s string) []string {
	if i := strings.IndexByte(s, '('); i >= 0 {
		s = s[:i]
	}
	s = strings.NewReplacer("-", " ", "/", " ").Replace(s)
	var out []string
	for _, w := range strings.Fields(s) {
		if n := normalise(w); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func skeletonOf(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(skeleton(w))
	}
	return b.String()
}

// placeHit is a place name found in a sentence, tokens [i, j).
type placeHit struct {
	i, j   int
	place  *Place
	fuzzy  bool
	prefix string // clitic removed from the first word, e.g. "و"
	key    string // the spelling matched, normalised (exact matches only)
}

// RegionName returns the English display name of a region id, or the id
// itself when it is unknown.
func RegionName(id string) string {
	loadLexicon()
	g, err := loadGazetteer()
	if err != nil {
		return id
	}
	if n, ok := g.regionName[id]; ok {
		return n
	}
	return id
}

// Regions lists the district ids the gazetteer knows, in file order.
func Regions() []string {
	loadLexicon()
	g, err := loadGazetteer()
	if err != nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range g.places {
		if p.Region != "" && !seen[p.Region] {
			seen[p.Region] = true
			out = append(out, p.Region)
		}
	}
	return out
}

// findPlaces scans a sentence for place names, longest match first. A
// loose (skeleton) match needs a skeleton of at least five letters, or
// four with a word of six letters or more, so that short common words do
// not turn into districts. Ambiguous spellings (a district name that is
// also a common word or personal name) count only right after a place
// word such as مدينة or "district".
func (g *gazetteer) findPlaces(ts []token) []placeHit {
	var hits []placeHit
	for i := 0; i < len(ts); {
		if ts[i].kind != tokWord {
			i++
			continue
		}
		h, ok := g.matchAt(ts, i)
		if !ok {
			i++
			continue
		}
		if riverName(ts, h) {
			i = h.j // "the Tartar river", "نهر ترتر": a river, not the district
			continue
		}
		hits = append(hits, h)
		i = h.j
	}
	return hits
}

// riverName reports a place name that names a river: "river" right after
// it (English) or "نهر" right before it (Arabic).
func riverName(ts []token, h placeHit) bool {
	return h.j < len(ts) && ts[h.j].kind == tokWord && latinWord(ts[h.j]) && hasStem(ts[h.j], riverWords) ||
		h.i > 0 && ts[h.i-1].kind == tokWord && !latinWord(ts[h.i-1]) && hasStem(ts[h.i-1], riverWords)
}

// wordRun collects up to n word tokens from i, allowing a hyphen between
// Latin words ("Nagorno-Karabakh"). It returns the words and the index
// after the last one.
func wordRun(ts []token, i, n int) ([]string, []int) {
	var words []string
	var ends []int
	for k := i; k < len(ts) && len(words) < n; k++ {
		t := ts[k]
		if t.kind == tokWord {
			if len(words) > 0 && t.nl > 0 {
				break
			}
			words = append(words, t.norm)
			ends = append(ends, k+1)
			continue
		}
		if t.raw == "-" && len(words) > 0 && k+1 < len(ts) && ts[k+1].kind == tokWord && t.start == ts[k-1].end {
			continue
		}
		break
	}
	return words, ends
}

func (g *gazetteer) matchAt(ts []token, i int) (placeHit, bool) {
	words, ends := wordRun(ts, i, g.maxWords)
	firstStems, prefixes := ts[i].stems, ts[i].pre
	// exact, longest first
	for n := len(words); n >= 1; n-- {
		rest := strings.Join(words[1:n], "")
		for k, st := range firstStems {
			key := st + rest
			idx, ok := g.exact[key]
			if !ok {
				continue
			}
			if g.ambiguous[key] && !g.placeWordBefore(ts, i) {
				continue
			}
			return placeHit{i: i, j: ends[n-1], place: &g.places[idx], prefix: prefixes[k], key: key}, true
		}
	}
	// loose, Latin: one capitalised word of six letters or more that
	// sounds like a district's spelling
	if !isArabicLetter(firstRune(words[0])) {
		if len(words[0]) >= 6 && unicode.IsUpper(firstRune(ts[i].raw)) && !g.ambiguous[words[0]] {
			if idx, ok := g.latinSkel[latinSkelKey(words[0])]; ok {
				return placeHit{i: i, j: ends[0], place: &g.places[idx], fuzzy: true}, true
			}
		}
		return placeHit{}, false
	}
	for n := min(len(words), 2); n >= 1; n-- {
		var restSk strings.Builder
		letters := 0
		for _, w := range words[1:n] {
			restSk.WriteString(skeleton(w))
			letters += runeLen(w)
		}
		for k, st := range firstStems {
			sk := skeleton(st) + restSk.String()
			idx, ok := g.skel[sk]
			if !ok {
				continue
			}
			if g.places[idx].Village && g.skelWords[sk] != n {
				continue // a village's loose spelling spans as many words as it has ("أو سجلوا" is no village)
			}
			nl := letters + runeLen(st)
			sl := runeLen(sk)
			if sl < 4 || (sl == 4 && nl < 6) {
				continue
			}
			if g.ambiguous[st] && !g.placeWordBefore(ts, i) {
				continue
			}
			return placeHit{i: i, j: ends[n-1], place: &g.places[idx], fuzzy: true, prefix: prefixes[k]}, true
		}
	}
	return placeHit{}, false
}

// placeWordBefore reports whether the word before token i is a place word
// (منطقة، مدينة، district …), with or without a clitic.
func (g *gazetteer) placeWordBefore(ts []token, i int) bool {
	if i == 0 || ts[i-1].kind != tokWord {
		return false
	}
	for _, w := range ts[i-1].stems {
		if g.placeWords[w] {
			return true
		}
	}
	return false
}

// specificElsewhere reports whether spelling s of place p is taken by
// another, more specific place (a district alias that names a village).
func (g *gazetteer) specificElsewhere(p Place, s string) bool {
	idx, ok := g.exact[strings.Join(nameWords(s), "")]
	return ok && g.places[idx].ID != p.ID
}
