package extract

import (
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/ledgertest"
)

// proposed runs the extractor with the embedded ledger and lists its
// proposals as "region date to".
func proposed(t *testing.T, text, published string) ([]string, Result) {
	t.Helper()
	return proposedWith(t, text, Options{Published: published})
}

// proposedWith is proposed with other options (a source URL); the
// embedded ledger is always passed.
func proposedWith(t *testing.T, text string, opt Options) ([]string, Result) {
	t.Helper()
	opt.History = ledgertest.History(t)
	r, err := Extract(text, opt)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Proposals {
		got = append(got, p.Region+" "+p.Date+" "+p.To)
	}
	return got, r
}

// expectProposed fails the test unless the extractor proposes exactly
// want ("region date to", joined by "|") for text.
func expectProposed(t *testing.T, text, published, want string) {
	t.Helper()
	if got, _ := proposed(t, text, published); strings.Join(got, "|") != want {
		t.Errorf("%q: got %v, want [%s]", text, got, want)
	}
}

// expectProposedHow is expectProposed for one proposal whose date_how
// must hold how.
func expectProposedHow(t *testing.T, text, published, want, how string) {
	t.Helper()
	got, r := proposed(t, text, published)
	if strings.Join(got, "|") != want {
		t.Fatalf("got %v, want [%s]", got, want)
	}
	if !strings.Contains(r.Proposals[0].DateHow, how) {
		t.Errorf("date_how %q does not hold %q", r.Proposals[0].DateHow, how)
	}
}

// TestHeldAlready: a reading that gives a district to the side the ledger
// had holding it for years, on a day the page lent it, restates the hold
// (a held_already mention); a day and month whose year the page lent
// takes the year of the ledger's own change; a date the text writes out
// stays the text's.
func TestHeldAlready(t *testing.T) {
	for _, tc := range []struct {
		name, text, published string
		want                  []string // region date to
		how                   string   // part of the first proposal's date_how
		held                  string   // region of a held_already mention
	}{
		{"a hold restated on the page's day", "Armenian forces occupied the Kalbajar district, the ministry said.", "2020-10-05", nil, "", "kalbajar"},
		{"a hold restated, Arabic", "وقالت الوزارة إن القوات الأرمينية احتلت منطقة كلبجر.", "2020-10-05", nil, "", "kalbajar"},
		{"the ledger's year for a day and month", "Baku held a parade on 8 November 2024.\nOn 8 November the Azerbaijani army captured Shusha after a night of fighting.", "2024-11-09",
			[]string{"shusha 2020-11-08 AZE"}, "the ledger's change of shusha to AZE", ""},
		{"a date written out stays", "On 9 November 2020 the Azerbaijani army captured Shusha after a night of fighting.", "2024-11-09",
			[]string{"shusha 2020-11-09 AZE"}, "explicit", ""},
		// written out for a district the side had held whole for years,
		// no change near: the date of something else
		{"a written date of a years-old hold", "On 8 November 2024 the Azerbaijani army captured Shusha after a night of fighting.", "2024-11-09", nil, "", "shusha"},
		{"a change the ledger has on that day stays", "The Azerbaijani army entered Lachin district today, the ministry said.", "2020-12-01",
			[]string{"lachin 2020-12-01 AZE"}, "publication date", ""},
		{"a side new to the district is news", "Azerbaijani troops captured Jabrayil today, the ministry said.", "2020-10-09",
			[]string{"jabrayil 2020-10-09 AZE"}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, r := proposed(t, tc.text, tc.published)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			if tc.how != "" && !strings.Contains(r.Proposals[0].DateHow, tc.how) {
				t.Errorf("date_how %q, want it to say %q", r.Proposals[0].DateHow, tc.how)
			}
			held := ""
			for _, m := range r.Context {
				if m.Type == ctxHeld {
					held = m.Region
				}
			}
			if held != tc.held {
				t.Errorf("held_already mention of %q, want %q (context %+v)", held, tc.held, r.Context)
			}
		})
	}
}

// TestLiberationOfASettledHold: "liberated" with no side named goes away
// from the ledger's holder only where the ledger records a change of the
// district in the days meant; a piece written years after Azerbaijan took
// the district back retells Azerbaijan's gain, which the ledger then
// dates, and a year in which the ledger records the district changing
// hands keeps the side away from the holder.
func TestLiberationOfASettledHold(t *testing.T) {
	for _, tc := range []struct{ text, published, want string }{
		{"Residents gathered in the town. Aghdam, liberated on 20 November, now hosts a new mosque.", "2024-11-21", "agdam 2020-11-20 AZE"},
		{"حررت مدينة أغدام في 20 نوفمبر، وتحتفل بها البلاد كل عام.", "2025-11-21", "agdam 2020-11-20 AZE"},
		{"Armenian veterans recalled the liberation of Kelbajar in 1993.", "2013-04-03", "kalbajar 1993 ARM"},
	} {
		got, _ := proposed(t, tc.text, tc.published)
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: got %v, want [%s]", tc.text, got, tc.want)
		}
	}
}

// TestUnnamedSideFromTheLedgersDays: "freed" with no side named, in days
// the ledger records the district changing hands one way, is that way,
// even where the side that gained held most of the district before.
func TestUnnamedSideFromTheLedgersDays(t *testing.T) {
	for _, text := range []string{
		"From 2 to 5 April 2016 the heights around the village of Talish were freed after heavy fighting.",
		"وفي الفترة بين 2 و5 أبريل 2016 تم تحرير تاليش والمرتفعات المحيطة بها.",
	} {
		got, _ := proposed(t, text, "2016-04-06")
		if len(got) != 1 || got[0] != "tartar 2016-04-02/2016-04-05 AZE" {
			t.Errorf("%q: got %v, want [tartar 2016-04-02/2016-04-05 AZE]", text, got)
		}
	}
}

// TestVillageYearsAgo: a village's change told "N years ago" is a
// partial change of its district counted back from the page; "exactly a
// year ago", printed a day after the anniversary, is the ledger's day.
func TestVillageYearsAgo(t *testing.T) {
	for _, tc := range []struct{ text, published, want string }{
		{"Exactly one year ago our soldiers freed the village of Talish, the president told the crowd.", "2021-10-04", "tartar 2020-10-03 AZE partial"},
		{"Two years ago Azerbaijani soldiers freed the village of Talish.", "2022-10-04", "tartar 2020 AZE partial"},
	} {
		r, err := Extract(tc.text, Options{Published: tc.published, History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To+" "+p.Extent)
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: got %v, want [%s]", tc.text, got, tc.want)
		}
	}
}

// TestAnniversaryCountsAndHoldEnds: an anniversary's count a year off the
// ledger's change on that day and month is the ledger's year; a hold told
// "from … until …" ended with a change to the other side.
func TestAnniversaryCountsAndHoldEnds(t *testing.T) {
	for _, tc := range []struct {
		text, published string
		want            []string
	}{
		{"May 8 marks 28 years since the occupation of the town of Shusha by Armenian forces.", "2021-05-08", []string{"shusha 1992-05-08 ARM"}},
		{"Shusha had been held by Armenian forces since 8 May 1992 until 8 November 2020.", "2021-05-08", []string{"shusha 1992-05-08 ARM", "shusha 2020-11-08 AZE"}},
	} {
		expectProposed(t, tc.text, tc.published, strings.Join(tc.want, "|"))
	}
}

// TestLentYearAgainstTheLedger: a day and month whose year an earlier
// date lent (a page with no date of its own), where the ledger has no
// change of the district to that side, takes the year of the one change
// the ledger holds on that day.
func TestLentYearAgainstTheLedger(t *testing.T) {
	text := "The town of Lachin, which Armenian forces occupied on May 18, 1992, is calm.\nThe president said: \"Today, on August 26, our army entered the town of Lachin.\""
	expectProposed(t, text, "", "lachin 1992-05-18 ARM|lachin 2022-08-26 AZE")
}

// TestCommaListsAndTwoStepHandovers: a list of places each with its own
// day, set off by commas and a repeated "from", binds every place; one
// handover told as a withdrawal one day and an entry the next is the
// ledger's day.
func TestCommaListsAndTwoStepHandovers(t *testing.T) {
	text := "The Armenian army withdrew from the Aghdam province on Nov. 20, from Kalbajar on Nov. 25, and from Lachin on Nov. 30.\nAzerbaijani troops entered Lachin on Tuesday."
	got, _ := proposed(t, text, "2020-12-02")
	if want := "agdam 2020-11-20 AZE|kalbajar 2020-11-25 AZE|lachin 2020-12-01 AZE"; strings.Join(got, "|") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// TestFrontedSameDayAndTodaysAnniversary: "On the same day," opening a
// sentence two sentences after the day reaches it, and dates the places
// listed after "along with …"; "Today is the day when X was liberated"
// joins the change the page dates on that day of an earlier year.
func TestFrontedSameDayAndTodaysAnniversary(t *testing.T) {
	text := "Today is the day when the town of Hadrut was liberated.\n" +
		"Starting from September 27, 2020, the army advanced, and Hadrut was freed on October 9.\n" +
		"The president told the nation the news.\n" +
		"On the same day, along with the town of Hadrut, the villages of Chayli of Tartar and Jabrayil's Kishlaq were also freed."
	got, _ := proposed(t, text, "2023-10-09")
	if want := "jabrayil 2020-10-09 AZE|khojavend 2020-10-09 AZE|tartar 2020-10-09 AZE"; strings.Join(got, "|") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// TestAnniversaryBeforeADecreeDate: an anniversary whose count the text does
// not give in a form we read is the ledger's one change of the district
// on the page's day and month, before any date told next (a decree's).
func TestAnniversaryBeforeADecreeDate(t *testing.T) {
	text := "Today the country marks the anniversary of the liberation of Fuzuli city.\nAccording to a decree signed by the President of the country on July 31, 2023, Fuzuli City Day is marked every year."
	expectProposed(t, text, "2024-10-17", "fuzuli 2020-10-17 AZE")
}

// TestMisprintedYear: a day written with a year in which the other side
// held the district firmly, with no change near, while the ledger has the
// change on that day and month in another year, is a misprinted year: the
// ledger's change dates it, and date_how says so.
func TestMisprintedYear(t *testing.T) {
	expectProposedHow(t, "The ministry announced that the army entered Kalbajar on 25 November 2002.", "2021-01-10", "kalbajar 2020-11-25 AZE", "the year it writes (2002)")
}

// TestPageDayAnniversaryFoldsIntoTheWrittenDay: a change re-dated by the
// page's day as its anniversary joins the change the text dates itself
// within the ledger's span, rather than standing as a second proposal.
func TestPageDayAnniversaryFoldsIntoTheWrittenDay(t *testing.T) {
	expectProposed(t, "Today Azerbaijan marks the occupation of Shusha.\nShusha was occupied by Armenian forces on 8 May 1992.", "2020-05-09", "shusha 1992-05-08 ARM")
}

// TestSpanOfYearsFromTheLedger: a change told with a span of years
// ("captured in 1992–1993") takes the ledger's one change of the district
// to that side in those years, the one that gave it most of the district
// when villages went before; with none, it stays an undated mention.
func TestSpanOfYearsFromTheLedger(t *testing.T) {
	// the ledger dates it 2-3 April 1993: a span of two days is its month
	expectProposedHow(t, "The district of Kalbajar was captured by Armenian forces in 1992–1993.", "2024-01-01", "kalbajar 1993-04 ARM", "the only one in the years the text writes (1992-1993)")
	if got, _ := proposed(t, "The district of Kalbajar was captured by Armenian forces in 1995–1996.", "2024-01-01"); len(got) != 0 {
		t.Errorf("no change in those years: got %v", got)
	}
}

// TestWeekdayBeforeLatestDate: a page without a date that writes a later
// full date ("a truce on Tuesday (November 10, 2020)") and tells a change
// "on Sunday" means the Sunday before: the ledger's change that holds it.
func TestWeekdayBeforeLatestDate(t *testing.T) {
	expectProposed(t, "The two sides agreed to stop the fighting on Tuesday (November 10, 2020). Before that, troops of Azerbaijan had seized the mountain town of Shusha on Sunday.", "", "shusha 2020-11-08 AZE")
	// no weekday: the date the text writes still bounds the change
	expectProposed(t, "The two sides agreed to stop the fighting on Tuesday (November 10, 2020). Troops of Azerbaijan had seized the mountain town of Shusha.", "", "shusha  AZE")
}

// TestHandoverNounWithItsDeadline: "the handover of X until/by D" names
// what was due, so an undated page does not take the ledger's handover
// for it; "completed the withdrawal of … by D" is still a change done.
func TestHandoverNounWithItsDeadline(t *testing.T) {
	expectProposed(t, "He said that one of the requirements of the statement was the handover of Kalbajar until November 15.", "", "")
	expectProposed(t, "Armenia completed the withdrawal of its troops from Kalbajar by November 25, 2020.", "", "kalbajar 2020-11-25 AZE")
}

// TestLedgerDayRefinesACoarserReading: on an undated page, the news of
// the day that the ledger dates to one day ("on Sunday … announced the
// liberation of Jabrayil") refines a coarser date read for the same
// change ("during the 2020 war": the month of the ledger's span).
func TestLedgerDayRefinesACoarserReading(t *testing.T) {
	expectProposed(t, "Jabrayil was the first district liberated during the 2020 war. On Sunday, President Aliyev announced the liberation of Jabrayil.", "", "jabrayil 2020-10-04 AZE")
}

// TestChangeAfterASigning: a change told after an agreement's signing day
// ("After the statement was signed on November 9, 2020, Azerbaijan took
// control of Kalbajar") is the ledger's first change of the district to
// that side in the days after the signing; with none, nothing is dated.
func TestChangeAfterASigning(t *testing.T) {
	expectProposed(t, "After the statement was signed on November 9, 2020, Azerbaijan took control of Kalbajar.", "2023-05-02", "kalbajar 2020-11-25 AZE")
	expectProposed(t, "After the statement was signed on November 10, 2020, Armenia withdrew from Aghdam and Lachin.", "2023-05-02", "agdam 2020-11-20 AZE|lachin 2020-12-01 AZE")
	expectProposed(t, "After the statement was signed on November 9, 2020, Azerbaijan took control of Tartar.", "2023-05-02", "")
}
