package extract

import (
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/ledgertest"
)

// A lead that tells what happened "during the occupation" of a district,
// on a page that dates its own later change of that district to the other
// side, retells the stretch that change ended: the ledger dates its start,
// and the page's day dates nothing.
func TestDuringTheOccupationRetellsTheStretchThePagesChangeEnded(t *testing.T) {
	text := "Schools and clinics of Jabrayil were ruined during the occupation of Jabrayil, the mayor said. " +
		"On 4 October 2020 the army of Azerbaijan freed Jabrayil. Families have begun to come back."
	opt := Options{Published: "2022-06-15", History: ledgertest.History(t)}
	r, err := Extract(text, opt)
	if err != nil {
		t.Fatal(err)
	}
	var old, freed bool
	for _, p := range r.Proposals {
		switch {
		case p.Region == "jabrayil" && p.To == "ARM" && strings.HasPrefix(p.Date, "1993") && strings.HasPrefix(p.DateHow, ledgerDateHow):
			old = true
		case p.Region == "jabrayil" && p.To == "AZE" && p.Date == "2020-10-04":
			freed = true
		case p.Date == "2022-06-15":
			t.Fatalf("the page's day dates a retold stretch: %+v", p)
		}
	}
	if !old || !freed {
		t.Fatalf("want jabrayil to ARM in 1993 from the ledger and to AZE on 2020-10-04: %+v", r.Proposals)
	}

	// without the ledger nothing dates the stretch: it is not moved off
	// the rules for the news of the day by this rule
	opt.History = nil
	if _, err := Extract(text, opt); err != nil {
		t.Fatal(err)
	}

	// a verb told of the page's day is news, not a stretch: "during"
	// must govern the control noun itself
	r, err = Extract("During the night Armenian forces occupied Jabrayil again, the ministry said. "+
		"On 4 October 2020 the army of Azerbaijan freed Jabrayil.", Options{Published: "2022-06-15", History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Proposals {
		if p.Region == "jabrayil" && p.To == "ARM" && strings.HasPrefix(p.DateHow, ledgerDateHow) {
			t.Fatalf("a finite verb after a time phrase was taken as a retold stretch: %+v", p)
		}
	}
}

func TestDuringPeriodNeedsTheNounRightAfterDuring(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"during the occupation of Lachin", true},
		{"خلال احتلال لاتشين", true},
		{"during its occupation", true},
		{"during the night troops occupied Lachin", false},
	} {
		ts, _ := tokenizeAll(c.s)
		i := -1
		for k, t := range ts {
			if t.norm == "occupation" || t.norm == "occupied" || strings.HasPrefix(t.norm, "احتلال") {
				i = k
				break
			}
		}
		if i < 0 {
			t.Fatalf("%q: no control word", c.s)
		}
		if got := duringPeriod(ts, i); got != c.want {
			t.Errorf("%q: duringPeriod = %v, want %v", c.s, got, c.want)
		}
	}
}

// An anniversary told without a count of years falls on the page's day:
// the ledger's one change of the district whose days hold that day and
// month, in an earlier year, dates it; a page on a day that no change of
// the district holds leaves it undated.
func TestAnniversaryWithoutCountTakesTheLedgersChangeOnThePagesDay(t *testing.T) {
	for _, c := range []struct{ text, pub, want string }{
		{"Azerbaijan marks the anniversary of the occupation of Lachin.", "2015-05-18", "1992-05-18"},
		{"أحيا الأذربيجانيون ذكرى احتلال لاتشين.", "2016-05-18", "1992-05-18"},
		{"Azerbaijan marks the anniversary of the occupation of Lachin.", "2015-06-18", ""},
	} {
		r, err := Extract(c.text, Options{Published: c.pub, History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, p := range r.Proposals {
			if p.Region == "lachin" && p.To == "ARM" {
				got = p.Date
			}
		}
		if got != c.want {
			t.Errorf("%q on %s: lachin to ARM dated %q, want %q (%+v)", c.text, c.pub, got, c.want, r.Proposals)
		}
	}
}

// The same words on the day the ledger's change of Shusha holds (8 May)
// take that change's year.
func TestAnniversaryWithoutCountOnTheLedgersDay(t *testing.T) {
	wantProposals(t, "The town held a ceremony for the anniversary of the capture of Shusha.",
		Options{Published: "2023-05-08"}, []string{"shusha 1992-05-08 ARM"})
}

// A district written after its area in the possessive ("Karabakh's
// Shusha") is the place a control word before both governs.
func TestPossessiveAreaBeforeDistrict(t *testing.T) {
	wantProposals(t, "Veterans recalled the capture of Karabakh's Shusha town in 1992.",
		Options{Published: "2019-03-02"}, []string{"shusha 1992 ARM"})
	wantProposals(t, "Veterans recalled the capture of Artsakh’s Lachin in 1992.",
		Options{Published: "2019-03-02"}, []string{"lachin 1992 ARM"})
}

// "the anniversaries of" frames a commemoration as the singular does: the
// page's day is not the day of the change.
func TestPluralAnniversariesFrameACommemoration(t *testing.T) {
	wantProposals(t, "Yerevan holds concerts for the anniversaries of the capture of Shusha and of the founding of its army.",
		Options{Published: "2021-05-08"}, []string{"shusha 1992-05-08 ARM"})
}

// An anniversary without a count, over a page that dates the change it
// commemorates outright, is that change: a later date the page tells
// (of other fighting) does not date it.
func TestAnniversaryWithoutCountJoinsTheChangeThePageDates(t *testing.T) {
	wantProposals(t, "A ministry note on the anniversary of the occupation of Kalbajar.\n"+
		"Heavy clashes broke out again along the front in April 2016.\n"+
		"Kalbajar was occupied by Armenian forces on 2 April 1993.",
		Options{}, []string{"kalbajar 1993-04-02 ARM"})
}

// An English span of days written month first keeps the year after it.
func TestMonthFirstSpanOfDaysKeepsItsYear(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"On the night of March 3-4, 1994, the line moved.", "1994-03-03/1994-03-04"},
		{"Fighting raged on June 12–13, 1993 near the town.", "1993-06-12/1993-06-13"},
		{"Talks on June 12, 1993-era maps stalled.", "1993-06-12"},
	} {
		if got := datesIn(t, c.text, ""); got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}
