package extract

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract feeds arbitrary text to Extract: it must not panic, every
// evidence offset must lie inside the text and point at its quote, and
// dates must have the documented shapes.
func FuzzExtract(f *testing.F) {
	f.Add("دخلت القوات الأذربيجانية كالبجار في 25 من نوفمبر/تشرين الثاني", "2020-11-28")
	f.Add("بعد ٢٧ سنةً.. رفع العلم اليوم السبت في كلبجر", "")
	f.Add("Azerbaijani troops entered Lachin today for the first time in 28 years.", "2020-12-01")
	f.Add("حيث سلّمت يريفان آغدام في 20 نوفمبر، ثم كلبجار يوم 25 من نفس الشهر، ثم لاتشين اليوم", "2020-12-01")
	f.Add("\xff\xfe منذ أبريل 1993 \u200c تحت سيطرة", "")
	f.Add("تحتفل أذربيجان اليوم بالذكرى الثانية لتحرير إقليم قرة باغ من الاحتلال.", "2022-11-08")
	f.Add("After the occupation the Minjivan station was completely destroyed. Before the occupation the region had 83 villages.", "2014-10-29")
	f.Fuzz(func(t *testing.T, text, pub string) {
		r, err := Extract(text, Options{Published: pub})
		if err != nil {
			if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrBadPublished) {
				return
			}
			t.Fatalf("unexpected error %v", err)
		}
		n := utf8.RuneCountInString(text)
		runes := []rune(text)
		check := func(e Evidence) {
			if e.Start < 0 || e.End > n || e.Start > e.End {
				t.Fatalf("evidence [%d,%d) outside text of %d runes", e.Start, e.End, n)
			}
			if string(runes[e.Start:e.End]) != e.Quote {
				t.Fatalf("evidence [%d,%d) quote mismatch", e.Start, e.End)
			}
		}
		for _, p := range r.Proposals {
			// a change told as today's news on a page with no date is
			// proposed undated, saying what would date it
			undated := p.Date == "" && p.DateHow == needsPubHow && p.Precision == "unknown" && p.Resolve != ""
			if p.Region == "" || p.To == "" || p.Date == "" && !undated || p.Confidence < 0 || p.Confidence > 1 {
				t.Fatalf("malformed proposal %+v", p)
			}
			if !undated && !validDateShape(p.Date) {
				t.Fatalf("date %q has no documented shape", p.Date)
			}
			for _, e := range p.Evidence {
				check(e)
			}
		}
		for _, m := range r.Context {
			for _, e := range m.Evidence {
				check(e)
			}
		}
		for _, ev := range r.LedgerEvents() {
			// a village or height taken is a partial change of its
			// district, which must say who keeps the rest
			extentOK := ev.Extent == "whole" || ev.Extent == "partial" && ev.Majority != ""
			if !extentOK || len(ev.Sources) != 1 {
				t.Fatalf("malformed ledger event %+v", ev)
			}
		}
	})
}

func validDateShape(d string) bool {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if _, err := time.Parse(layout, d); err == nil {
			return true
		}
	}
	a, b, ok := strings.Cut(d, "/")
	return ok && validDateShape(a) && validDateShape(b) && !strings.Contains(b, "/")
}

// TestPathologicalInputsAreBounded checks that hostile inputs of the
// largest accepted size finish with bounded work: sentences are capped,
// merging is capped, and the scans are linear. The bound is on bytes
// allocated, which a loaded machine does not change; speed is measured by
// the benchmarks, not asserted here.
func TestPathologicalInputsAreBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	unit := map[string]string{
		"one endless sentence of entries": "دخلت القوات كالبجار وزنغيلان في 25 نوفمبر 2020 ",
		"many distinct dates":             "سلّمت يريفان آغدام في 20 نوفمبر 1999، ثم كلبجار يوم 21 ديسمبر 2001. الهدنة في 3 مايو 2002. ",
		"runs of hedges and durations":    "منذ من من من من أكثر من بعد ",
		"digits and dots":                 "1.2.3.4-5-6/7/8 ",
		"no spaces at all":                "كالبجاركالبجاركالبجار",
	}
	for name, u := range unit {
		t.Run(name, func(t *testing.T) {
			text := strings.Repeat(u, MaxInput/len(u))
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			if _, err := Extract(text, Options{Published: "2020-12-01", Timeout: 10 * time.Minute}); err != nil {
				t.Fatal(err)
			}
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("allocated %d MB for %d bytes, want at most 64 MB", alloc>>20, len(text))
			}
			t.Logf("%d bytes in %v", len(text), elapsed)
		})
	}
}
