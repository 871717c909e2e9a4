package extract

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/ledgertest"
)

// The development set's texts are real news pages and stay outside the
// repository; testdata/devset.json holds their URLs and expected facts.
var (
	devsetDir  = flag.String("devset", os.Getenv("MAPSVC_DEVSET"), "directory with <id>.txt for each article of testdata/devset.json")
	devsetPart = flag.String("devset-part", "all", "dev, heldout, heldout2 … (heldoutN for held-out batch N) or all")
	devsetSkip = flag.Bool("devset-skip-missing", false, "score the articles whose text is in -devset and list the others, instead of failing on the first missing text")
)

type devArticle struct {
	ID         string          `json:"id"`
	URL        string          `json:"url"`
	Published  *string         `json:"published"`
	Lang       string          `json:"lang"`
	Phenomena  []string        `json:"phenomena"`
	Events     []expectedEvent `json:"events"`
	HeldOut    bool            `json:"held_out"`
	Batch      int             `json:"held_out_batch"`
	Note       string          `json:"note"`
	matchCount int
}

// score counts matches over (region, to, date at the expected precision).
type score struct{ tp, fp, fn, unresolved, kindOK, undatedHit, fromLedger int }

func (s score) String() string {
	return fmt.Sprintf("precision %.2f (%d/%d), recall %.2f (%d/%d), kind agreement %d/%d, undated proposals %d (%d name a missed change's region and side), matches dated from the ledger's own record %d",
		ratio(s.tp, s.tp+s.fp), s.tp, s.tp+s.fp, ratio(s.tp, s.tp+s.fn), s.tp, s.tp+s.fn, s.kindOK, s.tp, s.unresolved, s.undatedHit, s.fromLedger)
}

func (s *score) add(o score) {
	s.tp += o.tp
	s.fp += o.fp
	s.fn += o.fn
	s.unresolved += o.unresolved
	s.kindOK += o.kindOK
	s.undatedHit += o.undatedHit
	s.fromLedger += o.fromLedger
}

func (e expectedEvent) matchesDev(p Proposal) bool {
	if p.Region != e.Region || p.To != e.To || p.Date == "" {
		return false
	}
	switch e.Match {
	case "year":
		return strings.HasPrefix(p.Date, e.Date[:4])
	case "month":
		return strings.HasPrefix(p.Date, e.Date[:7])
	}
	return p.Date == e.Date || strings.HasPrefix(p.Date, e.Date+"/") || strings.HasSuffix(p.Date, "/"+e.Date)
}

// scoreArticle matches proposals one to one with expected events.
func scoreArticle(t *testing.T, mode string, a devArticle, res Result, verbose bool) score {
	var s score
	used := make([]bool, len(res.Proposals))
	var missed []expectedEvent
	for _, e := range a.Events {
		found := false
		for i, p := range res.Proposals {
			if !used[i] && e.matchesDev(p) {
				used[i], found = true, true
				s.tp++
				if p.Kind == e.Kind {
					s.kindOK++
				}
				if strings.HasPrefix(p.DateHow, ledgerDateHow) {
					s.fromLedger++ // a change the ledger already holds, not one it could learn from the page
				}
				break
			}
		}
		if !found {
			missed = append(missed, e)
			s.fn++
			if verbose {
				t.Logf("%s [%s]: missed %s %s to %s", a.ID, mode, e.Region, e.Date, e.To)
			}
		}
	}
	for i, p := range res.Proposals {
		switch {
		case used[i]:
		case p.Date == "":
			// An undated proposal is neither right nor wrong: the change is
			// not dated, so it is no match; it is counted apart, and noted
			// when it names the region and side of a missed change (an
			// editor who adds the publication date would complete it).
			s.unresolved++
			for j, e := range missed {
				if e.Region == p.Region && e.To == p.To {
					s.undatedHit++
					missed = append(missed[:j], missed[j+1:]...)
					break
				}
			}
		default:
			s.fp++
			if verbose {
				t.Logf("%s [%s]: unexpected %s %s to %s (%s)", a.ID, mode, p.Region, p.Date, p.To, p.DateHow)
			}
		}
	}
	return s
}

// TestDevSet scores the extractor on the development set, with the
// publication date given and with only the URL, overall, per phenomenon
// and for the held-out articles apart. It needs the texts: -devset=DIR
// or MAPSVC_DEVSET.
func TestDevSet(t *testing.T) {
	if *devsetDir == "" {
		t.Skip("dev-set texts are outside the repository; run with -devset=DIR (see testdata/devset.json)")
	}
	b, err := os.ReadFile(filepath.Join("testdata", "devset.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Articles []devArticle `json:"articles"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	hist := ledgertest.History(t)
	for _, mode := range []string{"publication date given", "URL only"} {
		total := map[string]*score{}
		perPhen := map[string]*score{}
		missing := map[string][]string{}
		for _, a := range doc.Articles {
			part := "dev"
			if a.HeldOut {
				part = "heldout"
				if a.Batch >= 2 {
					part = fmt.Sprintf("heldout%d", a.Batch)
				}
			}
			if *devsetPart != "all" && *devsetPart != part {
				continue
			}
			text, err := os.ReadFile(filepath.Join(*devsetDir, a.ID+".txt"))
			if err != nil && *devsetSkip && os.IsNotExist(err) {
				missing[part] = append(missing[part], a.ID)
				continue
			}
			if err != nil {
				t.Fatalf("%s: %v", a.ID, err)
			}
			opt := Options{Source: a.URL, History: hist}
			if mode == "publication date given" && a.Published != nil {
				opt.Published = *a.Published
			}
			res, err := Extract(string(text), opt)
			if err != nil {
				t.Fatalf("%s: %v", a.ID, err)
			}
			s := scoreArticle(t, mode, a, res, testing.Verbose())
			// URL-only recall depends on whether the URL carries a date:
			// both are reported apart
			urlKind := "URL without a date"
			if _, _, ok := dateFromURL(a.URL); ok {
				urlKind = "URL with a date"
			}
			for _, k := range []string{part, "all", part + ", " + urlKind, "all, " + urlKind} {
				if total[k] == nil {
					total[k] = &score{}
				}
				total[k].add(s)
			}
			for _, ph := range a.Phenomena {
				if perPhen[ph] == nil {
					perPhen[ph] = &score{}
				}
				perPhen[ph].add(s)
			}
		}
		var parts []string
		for _, k := range partNames(doc.Articles) {
			parts = append(parts, k, k+", URL with a date", k+", URL without a date")
		}
		for _, k := range parts {
			if len(missing[k]) > 0 {
				line := fmt.Sprintf("dev set (%s), %s: %d articles without a text, not scored: %s", mode, k, len(missing[k]), strings.Join(missing[k], " "))
				t.Log(line)
				fmt.Println(line)
			}
			if s := total[k]; s != nil {
				line := fmt.Sprintf("dev set (%s), %s articles: %s", mode, k, s)
				t.Log(line)
				fmt.Println(line)
			}
		}
		names := make([]string, 0, len(perPhen))
		for n := range perPhen {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Printf("  %-22s %s\n", n, perPhen[n])
		}
	}
}

// partNames lists the dev set's parts in order: dev, heldout (batch 1),
// heldoutN for every later batch present, then all.
func partNames(arts []devArticle) []string {
	maxBatch := 1
	for _, a := range arts {
		if a.HeldOut && a.Batch > maxBatch {
			maxBatch = a.Batch
		}
	}
	out := []string{"dev", "heldout"}
	for n := 2; n <= maxBatch; n++ {
		out = append(out, fmt.Sprintf("heldout%d", n))
	}
	return append(out, "all")
}
