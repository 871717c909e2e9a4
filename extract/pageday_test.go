package extract

import (
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/ledgertest"
)

// A page without a date whose "today" fits exactly one day-precise change
// of the ledger is dated by it; its other relative days resolve from that
// day, and published_how names the basis.
func TestPageDayFromLedgerAnchor(t *testing.T) {
	text := "Units of the army of Azerbaijan entered the Agdam district today.\n" +
		"Yesterday the army of Azerbaijan captured two villages in Tartar district."
	r, err := Extract(text, Options{History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Published != "2020-11-20" || !strings.HasPrefix(r.PublishedHow, "inferred: the ledger's change of agdam to AZE on 2020-11-20") {
		t.Fatalf("published %q (%s), want 2020-11-20 from the ledger's change of agdam", r.Published, r.PublishedHow)
	}
	var tartar *Proposal
	for i, p := range r.Proposals {
		if p.Region == "tartar" {
			tartar = &r.Proposals[i]
		}
	}
	if tartar == nil || tartar.Date != "2020-11-19" {
		t.Fatalf("tartar should be dated the day before the page's day: %+v", r.Proposals)
	}
	given, err := Extract(text, Options{Published: "2020-11-20", History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range given.Proposals {
		if p.Region == "tartar" && p.Confidence <= tartar.Confidence {
			t.Fatalf("a day inferred from the ledger is weighed as a given one: %.2f, given %.2f", tartar.Confidence, p.Confidence)
		}
	}
}

// A side's claim of today's news that the page reports denied does not
// date the page: it may tell what did not happen that day. The same claim
// undisputed is the ledger's change of that day.
func TestPageDayClaims(t *testing.T) {
	claim := "The defence ministry of Azerbaijan said its army entered the Agdam district today.\n" +
		"Yesterday the army of Azerbaijan captured two villages in Tartar district.\n"
	r, err := Extract(claim+"Armenia denied the report.", Options{History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Published != "" {
		t.Fatalf("a denied claim dated the page: %q (%s)", r.Published, r.PublishedHow)
	}
	r, err = Extract(claim, Options{History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Published != "2020-11-20" {
		t.Fatalf("an undisputed claim that fits the ledger's day did not date the page: %q (%s)", r.Published, r.PublishedHow)
	}
}

// "اليوم (الجمعة)": a weekday in brackets after "today" is today's
// weekday, so the change told with it is an exact anchor.
func TestPageDayTodayWithBracketedWeekday(t *testing.T) {
	text := "أفاد الجيش الأذربيجاني اليوم (الجمعة) بدخول وحداته إقليم أغدام وسط ترحيب السكان.\n" +
		"وسيطر الجيش أمس على قريتين في إقليم ترتر."
	r, err := Extract(text, Options{History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Published != "2020-11-20" || !strings.Contains(r.PublishedHow, "agdam") {
		t.Fatalf("published %q (%s), want 2020-11-20 from agdam's change", r.Published, r.PublishedHow)
	}
}

// The anchors must agree: a weekday change whose week does not hold the
// day "today" gives refuses the page's day.
func TestPageDayRefusesDisagreement(t *testing.T) {
	b := &builder{}
	b.anchors = []pageAnchor{
		{first: 100, last: 100, exact: true, region: "agdam", to: "AZE", word: "today", change: 100},
		{first: 90, last: 96, region: "fuzuli", to: "AZE", word: "Sunday", change: 90},
	}
	if _, _, ok := b.pageDay(); ok {
		t.Fatal("anchors that disagree dated the page")
	}
	b.anchors[1].first, b.anchors[1].last = 95, 101
	if _, _, ok := b.pageDay(); !ok {
		t.Fatal("anchors that agree did not date the page")
	}
	b.anniversary = true
	if _, _, ok := b.pageDay(); ok {
		t.Fatal("a commemoration dated the page by its anniversary")
	}
}

// A dateline without a year ("BAKU, November 21.") takes the one year that
// puts it in the week after the lead's change the ledger dates; the page
// is then read as of that day. Without such a change it dates nothing.
func TestPageDayFromYearlessDateline(t *testing.T) {
	text := "BAKU, November 21. /Agency/. Units of the army of Azerbaijan entered the Agdam district on November 20, officials reported.\n" +
		"Yesterday the army of Azerbaijan also captured two villages in Tartar district."
	r, err := Extract(text, Options{History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Published != "2020-11-21" || !strings.Contains(r.PublishedHow, "dateline") {
		t.Fatalf("published %q (%s), want 2020-11-21 from the dateline and agdam's change", r.Published, r.PublishedHow)
	}
	r, err = Extract("BAKU, November 21. /Agency/. Talks between the two foreign ministers resumed in the capital.", Options{History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Published != "" {
		t.Fatalf("a dateline without a year and without a change the ledger dates gave %q (%s)", r.Published, r.PublishedHow)
	}
}

// A weekday that names the one day-precise change of the ledger, the
// district's other changes being spans of weeks, dates the change that
// day; when another district told with it holds no change on that day,
// the news is of another day and stays undated.
func TestWeekdayPicksTheLedgersDayOverSpans(t *testing.T) {
	r, err := Extract("On Saturday the army of Azerbaijan took control of the town of Fuzuli.", Options{History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Proposals) != 1 || r.Proposals[0].Date != "2020-10-17" || !strings.HasPrefix(r.Proposals[0].DateHow, ledgerDateHow) {
		t.Fatalf("want fuzuli on the ledger's Saturday 2020-10-17: %+v", r.Proposals)
	}
	r, err = Extract("On Saturday the army of Azerbaijan took control of villages in the districts of Fuzuli and Khojaly.", Options{History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Proposals {
		if p.Region == "fuzuli" && p.Date != "" {
			t.Fatalf("fuzuli dated although khojaly, told with it, holds no change that day: %+v", p)
		}
	}
}

// A landmark of the ledger told with a weekday ("fighting broke out on
// Sunday": the ledger's one offensive that began on a Sunday) and the
// weekday the page calls today give the page's day, when a change the
// page then dates is one the ledger holds on that day; a landmark merely
// cited in a sentence with a day of its own gives nothing.
func TestPageDayFromLandmark(t *testing.T) {
	h := ledgertest.History(t)
	lead := "Heavy fighting broke out on Sunday morning along the front, officials said today, Sunday.\n"
	r, err := Extract(lead+"The army of Azerbaijan took control of villages in Fuzuli district.", Options{History: h})
	if err != nil {
		t.Fatal(err)
	}
	if r.Published != "2020-09-27" || !strings.Contains(r.PublishedHow, "offensive_start") {
		t.Fatalf("published %q (%s), want 2020-09-27 from the offensive's Sunday", r.Published, r.PublishedHow)
	}
	r, err = Extract(lead+"The army of Azerbaijan took control of villages in Lachin district.", Options{History: h})
	if err != nil {
		t.Fatal(err)
	}
	if r.Published != "" {
		t.Fatalf("a landmark no change of the page confirms dated it: %q (%s)", r.Published, r.PublishedHow)
	}
	for text, want := range map[string]int{
		"The ministry said today, Tuesday, that its units had entered a village of Fuzuli district as the ceasefire agreement provides.": 0,
		"A ceasefire began on Tuesday along the whole line.":                                                                             1,
	} {
		b := &builder{}
		b.noteLandmarks(annotateForTest(t, text), anchorsFrom(h))
		if len(b.anchors) != want {
			t.Errorf("%q: %d landmark anchors, want %d", text, len(b.anchors), want)
		}
	}
}

func annotateForTest(t *testing.T, text string) []*annotated {
	t.Helper()
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	loadLexicon()
	toks, _ := tokenize(text, 0, len(text), 0)
	sents := splitSentences(toks)
	anns := make([]*annotated, len(sents))
	for i := range sents {
		anns[i] = annotate(g, &sents[i])
	}
	return anns
}
