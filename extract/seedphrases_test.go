package extract

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The rule this test enforces, for every file under extract/ (Go source,
// tests included, data files, the fuzz corpus and the README):
//
//	A file may not contain a run of three or more consecutive words that
//	also occurs in a seed article (../shared/seeds/*.txt). Words are
//	compared after normalisation (normalise: hamza seats, taa marbuta, alef
//	maqsura, diacritics, digits); a run is consecutive tokens that are
//	Arabic words or numbers, with no punctuation or Latin word between
//	them, at least two of them Arabic words. A run is allowed only when
//	every word in it is an ordinary name or a date word: a place-name word
//	(a word of any gazetteer spelling, district names and aliases
//	included) or a place-kind word (منطقة، إقليم, district), a month or
//	weekday name, a number, or one of the
//	prepositions and date nouns in dateGlue ("في 25 نوفمبر 2020",
//	"منذ مايو 1992", "ناغورنو قره باغ").
//
// So a test sentence or a lexicon entry may share single words and names
// with the seeds, never their wording.
func TestNoSeedPhrasesInExtractFiles(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if err != nil || len(seeds) == 0 {
		missingSeeds(t)
		return
	}
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	ordinary := map[string]bool{}
	for _, p := range g.places {
		for _, s := range append(append(append([]string{}, p.Ar...), p.ArGuess...), p.En...) {
			for _, w := range nameWords(s) {
				ordinary[w] = true
			}
		}
	}
	for w := range g.placeWords {
		ordinary[w] = true // منطقة، إقليم، district: the kind of a place
	}
	for w := range monthWords {
		ordinary[w] = true
	}
	for w := range weekdayWords {
		ordinary[w] = true
	}
	for _, w := range dateGlue {
		ordinary[w] = true
	}
	seedRuns := map[string]bool{}
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range wordRuns3(string(b)) {
			seedRuns[r] = true
		}
	}
	var found []string
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, r := range wordRuns3(string(b)) {
			if !seedRuns[r] || seen[r] {
				continue
			}
			seen[r] = true
			allowed := true
			for _, w := range strings.Fields(r) {
				if !ordinary[w] && !isDigits(w) {
					allowed = false
				}
			}
			if !allowed {
				found = append(found, path+": "+r)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(found)
	for _, f := range found {
		t.Errorf("shares a seed article's wording: %s", f)
	}
}

// dateGlue are the words that join names and numbers into dates and
// places: in, of, on, to, since, until, and, day, year.
var dateGlue = []string{"في", "من", "الي", "علي", "عن", "منذ", "حتي", "و", "يوم", "عام", "العام"}

// wordRuns3 lists the three-word runs of text (see the rule above).
func wordRuns3(text string) []string {
	ts, _ := tokenizeAll(text)
	var out []string
	for i := 0; i+2 < len(ts); i++ {
		arabic := 0
		ok := true
		for k := i; k < i+3; k++ {
			switch {
			case ts[k].kind == tokNum:
			case ts[k].kind == tokWord && isArabicLetter(firstRune(ts[k].norm)):
				arabic++
			default:
				ok = false
			}
		}
		if ok && arabic >= 2 {
			out = append(out, ts[i].norm+" "+ts[i+1].norm+" "+ts[i+2].norm)
		}
	}
	return out
}

// tokenizeAll tokenizes a whole file, past the extractor's token cap.
func tokenizeAll(text string) ([]token, int) {
	var all []token
	from := 0
	for from < len(text) {
		ts, stop := tokenize(text, from, len(text), 0)
		all = append(all, ts...)
		if stop <= from {
			break
		}
		from = stop
	}
	return all, len(text)
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// missingSeeds fails in CI, where ../shared/seeds must be present, and
// skips elsewhere.
func missingSeeds(t *testing.T) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("seed corpus missing at %s while CI=true: CI provides ../shared/seeds beside the repository", seedsDir)
	}
	t.Skipf("seed corpus not found at %s (it lives in ../shared/seeds beside the repository)", seedsDir)
}
