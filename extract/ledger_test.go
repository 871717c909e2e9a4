package extract

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestLedger(t *testing.T) {
	text := "وقال الرئيس إنه تم تحرير منطقة كلبجر اليوم بموجب الاتفاق، بعد 27 سنة على احتلالها على يد أرمينيا، وكان من المقرر تسليمها يوم 15 نوفمبر.\nالمصدر : وكالة مثال"
	res, err := Extract(text, Options{Published: "2020-11-25", Source: "seeds/example.txt"})
	if err != nil {
		t.Fatal(err)
	}
	evs := res.LedgerEvents()
	if len(evs) != 2 {
		t.Fatalf("got %d ledger events (%q), want 2", len(evs), brief(res))
	}
	ev := evs[1]
	tests := []struct{ field, got, want string }{
		{"id", ev.ID, "kalbajar-2020-11-25-handover"},
		{"region", ev.Region, "kalbajar"},
		{"date", ev.Date, "2020-11-25"},
		{"kind", ev.Kind, "handover_by_agreement"},
		{"from", ev.From, "ARM"},
		{"to", ev.To, "AZE"},
		{"extent", ev.Extent, "whole"},
		{"confidence", ev.Confidence, "high"},
		{"source ref", ev.Sources[0].Ref, "seeds/example.txt"},
		{"source outlet", ev.Sources[0].Outlet, "وكالة مثال"},
		{"source published", ev.Sources[0].Published, "2020-11-25"},
		{"source lang", ev.Sources[0].Lang, "ar"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.field, tc.got, tc.want)
		}
	}
	if !strings.Contains(ev.Notes, "2020-11-15") {
		t.Errorf("notes: got %q, want the planned date 2020-11-15 in it", ev.Notes)
	}
	// neutral wording: loaded words only inside the quote
	for _, e := range evs {
		own := strings.ToLower(e.Summary + " " + e.Notes)
		for _, w := range []string{"liberat", "occupation", "occupied", "terroris"} {
			if strings.Contains(own, w) {
				t.Errorf("generated text %q uses %q", own, w)
			}
		}
		if e.Sources[0].Quote == "" || len([]rune(e.Sources[0].Quote)) > maxQuote+4 {
			t.Errorf("quote: got %q, want a short non-empty quote", e.Sources[0].Quote)
		}
	}
	if _, err := json.Marshal(evs); err != nil {
		t.Fatal(err)
	}
}

func TestSummaryPerKind(t *testing.T) {
	tests := []struct {
		kind, want string
	}{
		{"handover_by_agreement", "Agdam was handed over from Armenian forces to Azerbaijan under an agreement on 20 November 2020."},
		{"military_capture", "Azerbaijan took control of Agdam from Armenian forces on 20 November 2020."},
		{"capitulation", "Armenian forces laid down arms in Agdam; control passed to Azerbaijan on 20 November 2020."},
		{"withdrawal", "Armenian forces withdrew from Agdam; control passed to Azerbaijan on 20 November 2020."},
	}
	for _, tc := range tests {
		t.Run(tc.kind, func(t *testing.T) {
			p := Proposal{Region: "agdam", Date: "2020-11-20", Precision: "day", From: "ARM", To: "AZE", Kind: tc.kind}
			if got := summary(p); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestShortQuoteKeepsTheFocus(t *testing.T) {
	long := strings.Repeat("كلمة ", 60) + "منذ أبريل 1993 " + strings.Repeat("كلمة ", 60)
	focus := len([]rune(strings.Repeat("كلمة ", 60)))
	got := shortQuote(long, focus)
	if !strings.Contains(got, "منذ أبريل 1993") || len([]rune(got)) > maxQuote+4 {
		t.Errorf("got %q (%d runes), want at most %d runes around منذ أبريل 1993", got, len([]rune(got)), maxQuote)
	}
}

func TestEnglishDate(t *testing.T) {
	for _, tc := range []struct{ d, prec, want string }{
		{"1993", "year", "in 1993"},
		{"1993-04", "month", "in April 1993"},
		{"2020-11-25", "day", "on 25 November 2020"},
		{"1993-04-02/1993-04-03", "range", "between 2 and 3 April 1993"},
	} {
		if got := englishDate(tc.d, tc.prec); got != tc.want {
			t.Errorf("englishDate(%s): got %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestShortQuoteWithoutSpaces(t *testing.T) {
	long := strings.Repeat("ك", 500)
	for _, focus := range []int{-1, 0, 250, 499, 900} {
		if got := shortQuote(long, focus); len([]rune(got)) > maxQuote+4 || len([]rune(got)) < maxQuote {
			t.Errorf("focus %d: got %d runes, want at most %d", focus, len([]rune(got)), maxQuote+4)
		}
	}
}
