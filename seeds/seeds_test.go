package seeds_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/data/regions"
	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/sharedtest"
	"github.com/mapsvc/mapsvc/seeds"
)

// sharedDir is ../shared beside the repository, where CI keeps the seed
// articles and the reference timeline.
const sharedDir = "../../shared"

func ledger(t *testing.T) seeds.Ledger {
	t.Helper()
	l, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLedgerValidatesWithTheRegions(t *testing.T) {
	rs, err := regions.Load()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := geo.NewHistory(rs, ledger(t).Events); err != nil {
		t.Fatal(err)
	}
}

func TestEveryEventHasASource(t *testing.T) {
	for _, e := range ledger(t).Events {
		if len(e.Sources) == 0 {
			t.Errorf("%s has no source", e.ID)
		}
	}
}

// The events the seed articles state must cite them with a quote.
func TestSeedSupportedEventsCiteTheirArticle(t *testing.T) {
	want := []struct{ region, date, seed string }{
		{"kalbajar", "2020-11-25", "seeds/002_d0aa96b3afff5ef2.txt"},
		{"kalbajar", "2020-11-25", "seeds/000_50ff22ee40adb48d.txt"},
		{"agdam", "2020-11-20", "seeds/001_3be7c62d43463b36.txt"},
		{"lachin", "2020-12-01", "seeds/001_3be7c62d43463b36.txt"},
		{"kalbajar", "1993-04", "seeds/002_d0aa96b3afff5ef2.txt"},
		{"lachin", "1992", "seeds/001_3be7c62d43463b36.txt"},
	}
	evs := ledger(t).Events
	for _, w := range want {
		t.Run(w.region+" "+w.date, func(t *testing.T) {
			for _, e := range evs {
				if e.Region != w.region || !e.Controlling() || !strings.HasPrefix(e.Date.First.String(), w.date) && !strings.HasPrefix(e.Date.Text, w.date) {
					continue
				}
				for _, s := range e.Sources {
					if s.Ref == w.seed && s.Quote != "" {
						return
					}
				}
			}
			t.Errorf("no control event for %s on %s cites %s with a quote", w.region, w.date, w.seed)
		})
	}
	if e := find(evs, "kalbajar", "2020-11-25"); e == nil || e.Scheduled != "2020-11-15" {
		t.Errorf("kalbajar's 2020 handover should carry scheduled 2020-11-15")
	}
}

func find(evs []geo.Event, region, date string) *geo.Event {
	for i := range evs {
		if evs[i].Region == region && evs[i].Date.Text == date && evs[i].Controlling() {
			return &evs[i]
		}
	}
	return nil
}

// Quotes are evidence: each must stand word for word in its article.
func TestSeedQuotesAreVerbatim(t *testing.T) {
	sharedtest.Path(t, "seeds")
	n := 0
	for _, e := range ledger(t).Events {
		for _, s := range e.Sources {
			if !s.IsSeed() {
				continue
			}
			b, err := os.ReadFile(filepath.Join(sharedDir, s.Ref))
			if err != nil {
				t.Errorf("%s cites %s, which cannot be read: %v", e.ID, s.Ref, err)
				continue
			}
			if !strings.Contains(string(b), s.Quote) {
				t.Errorf("%s: quote %q is not in %s", e.ID, s.Quote, s.Ref)
			}
			n++
		}
	}
	if n == 0 {
		t.Error("no seed quotes checked")
	}
}

// The ledger's own words stay neutral; loaded words belong in quotes only.
func TestOwnWordsAreNeutral(t *testing.T) {
	loaded := regexp.MustCompile(`(?i)\b(liberat\w*|occup\w*|terroris\w*|separatis\w*|aggress\w*)`)
	for _, e := range ledger(t).Events {
		for field, text := range map[string]string{"summary": e.Summary, "notes": e.Notes, "extent_note": e.ExtentNote} {
			if m := loaded.FindString(text); m != "" && !quoted(text, m) {
				t.Errorf("%s %s uses %q outside a quotation", e.ID, field, m)
			}
		}
	}
}

// quoted reports whether every use of word in text sits inside quotation marks.
func quoted(text, word string) bool {
	inQuote := false
	for i := 0; i < len(text); {
		if strings.HasPrefix(text[i:], word) && !inQuote {
			return false
		}
		switch {
		case strings.HasPrefix(text[i:], "\""), strings.HasPrefix(text[i:], "“"), strings.HasPrefix(text[i:], "”"), strings.HasPrefix(text[i:], "'"):
			inQuote = !inQuote
		}
		_, size := utf8DecodeRune(text[i:])
		i += size
	}
	return true
}

func utf8DecodeRune(s string) (rune, int) {
	for i, r := range s {
		if i == 0 {
			return r, len(string(r))
		}
	}
	return 0, 1
}

func TestReferenceIDsExist(t *testing.T) {
	b, err := os.ReadFile(sharedtest.Path(t, "reference/timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ledger(t).Events {
		for _, ref := range e.Reference {
			if !strings.Contains(string(b), `"id": "`+ref+`"`) {
				t.Errorf("%s names reference %s, which the timeline does not have", e.ID, ref)
			}
		}
	}
}

func TestParseNamesFileAndItem(t *testing.T) {
	_, err := seeds.Parse("bad.json", []byte(`{"version":1,"events":[{"id":"x-1","region":"kalbajar","date":"2020-02-30","kind":"military_capture"}]}`))
	if err == nil || !strings.Contains(err.Error(), "bad.json") || !strings.Contains(err.Error(), "event #1") {
		t.Errorf("got %v, want an error naming bad.json and event #1", err)
	}
	_, err = seeds.Parse("typo.json", []byte(`{"version":1,"events":[{"id":"x-1","regoin":"kalbajar"}]}`))
	if err == nil || !strings.Contains(err.Error(), "regoin") {
		t.Errorf("got %v, want an error naming the unknown field", err)
	}
}
