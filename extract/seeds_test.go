package extract

import (
	"encoding/json"
	"fmt"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// seedsDir is where CI keeps the seed articles: ../shared/seeds from the
// repository root, so two levels up from this package.
const seedsDir = "../../shared/seeds"

type expectedFile struct {
	Articles map[string]expectedArticle `json:"articles"`
}

type expectedArticle struct {
	Published string          `json:"published"`
	Infer     bool            `json:"infer"`
	Events    []expectedEvent `json:"events"`
	Context   []expectedEvent `json:"context"`
}

type expectedEvent struct {
	Type      string `json:"type"`
	Region    string `json:"region"`
	Place     string `json:"place"`
	Date      string `json:"date"`
	Match     string `json:"match"`
	From      string `json:"from"`
	To        string `json:"to"`
	Kind      string `json:"kind"`
	Scheduled string `json:"scheduled"`
}

// matches compares a proposal with an expected event on (region, date,
// to), on the year only when the expectation says so.
func (e expectedEvent) matches(p Proposal) bool {
	if p.Region != e.Region || p.To != e.To {
		return false
	}
	if e.Match == "year" {
		return len(p.Date) >= 4 && p.Date[:4] == e.Date[:4]
	}
	return p.Date == e.Date
}

func loadExpected(t *testing.T) expectedFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f expectedFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSeedCorpus measures precision and recall over (region, date,
// to-controller) on the seed articles, once with the publication date
// given and once inferring it where expected.json says the text allows.
func TestSeedCorpus(t *testing.T) {
	if _, err := os.Stat(seedsDir); err != nil {
		missingSeeds(t)
		return
	}
	exp := loadExpected(t)
	names := make([]string, 0, len(exp.Articles))
	for n := range exp.Articles {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, mode := range []string{"given", "inferred"} {
		tp, fp, fn := 0, 0, 0
		kindOK, kindN := 0, 0
		for _, name := range names {
			want := exp.Articles[name]
			data, err := os.ReadFile(filepath.Join(seedsDir, name))
			if err != nil {
				t.Fatalf("read %s: %v", name, err)
			}
			opt := Options{Published: want.Published, Source: "seeds/" + name, History: ledgertest.History(t)}
			if mode == "inferred" && want.Infer {
				opt.Published = ""
			}
			res, err := Extract(string(data), opt)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if res.Published != want.Published {
				t.Errorf("%s (%s): published got %q (%s), want %q", name, mode, res.Published, res.PublishedHow, want.Published)
			}
			used := make([]bool, len(res.Proposals))
			for _, e := range want.Events {
				found := false
				for i, p := range res.Proposals {
					if !used[i] && e.matches(p) {
						used[i], found = true, true
						kindN++
						if p.Kind == e.Kind {
							kindOK++
						} else {
							t.Errorf("%s: %s %s kind got %s, want %s", name, e.Region, e.Date, p.Kind, e.Kind)
						}
						if p.Scheduled != e.Scheduled {
							t.Errorf("%s: %s %s scheduled got %q, want %q", name, e.Region, e.Date, p.Scheduled, e.Scheduled)
						}
						break
					}
				}
				if found {
					tp++
				} else {
					fn++
					t.Logf("%s (%s): missed %s %s to %s", name, mode, e.Region, e.Date, e.To)
				}
			}
			for i, p := range res.Proposals {
				if !used[i] {
					fp++
					t.Logf("%s (%s): unexpected %s %s to %s (%s)", name, mode, p.Region, p.Date, p.To, p.DateHow)
				}
			}
			for _, c := range want.Context {
				if !hasMention(res.Context, c) {
					t.Errorf("%s (%s): context %s %s %s %s not reported", name, mode, c.Type, c.Region, c.Place, c.Date)
				}
			}
		}
		precision, recall := ratio(tp, tp+fp), ratio(tp, tp+fn)
		line := fmt.Sprintf("seed corpus, publication date %s: precision %.2f (%d/%d), recall %.2f (%d/%d), kind agreement %d/%d",
			mode, precision, tp, tp+fp, recall, tp, tp+fn, kindOK, kindN)
		t.Log(line)
		if testing.Verbose() {
			fmt.Println(line)
		}
		if precision < 0.9 || recall < 0.9 {
			t.Errorf("%s: precision %.2f / recall %.2f, want both >= 0.90", mode, precision, recall)
		}
	}
}

func hasMention(ms []Mention, want expectedEvent) bool {
	for _, m := range ms {
		if m.Type != want.Type {
			continue
		}
		if want.Region != "" && m.Region != want.Region {
			continue
		}
		if want.Place != "" && m.Place != want.Place {
			continue
		}
		if want.Date != "" && m.Date != want.Date {
			continue
		}
		return true
	}
	return false
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
