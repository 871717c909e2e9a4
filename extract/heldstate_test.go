package extract

import (
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/ledgertest"
)

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
		{"a date written out stays", "On 8 November 2024 the Azerbaijani army captured Shusha after a night of fighting.", "2024-11-09",
			[]string{"shusha 2024-11-08 AZE"}, "explicit", ""},
		{"a change the ledger has on that day stays", "The Azerbaijani army entered Lachin district today, the ministry said.", "2020-12-01",
			[]string{"lachin 2020-12-01 AZE"}, "publication date", ""},
		{"a side new to the district is news", "Azerbaijani troops captured Jabrayil today, the ministry said.", "2020-10-09",
			[]string{"jabrayil 2020-10-09 AZE"}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Extract(tc.text, Options{Published: tc.published, History: ledgertest.History(t)})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range r.Proposals {
				got = append(got, p.Region+" "+p.Date+" "+p.To)
			}
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

// TestAttempts: an attempt, or an attack made in order to take a place,
// is no change of who holds it.
func TestAttempts(t *testing.T) {
	for _, text := range []string{
		"Armenian units tried to retake Jabrayil overnight but were pushed back, the ministry said.",
		"The army is attempting to capture Fuzuli, a spokesman said today.",
		"وحاولت الوحدات الأرمينية ليلا أن تستعيد بلدة جبرائيل.",
		"وشنت القوات هجمات على فضولي من أجل استعادة مواقع فقدتها.",
	} {
		r, err := Extract(text, Options{Published: "2020-10-14", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Proposals) != 0 {
			t.Errorf("%q: got %d proposals (%s %s %s), want none", text, len(r.Proposals), r.Proposals[0].Region, r.Proposals[0].Date, r.Proposals[0].To)
		}
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
		r, err := Extract(tc.text, Options{Published: tc.published, History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: got %v, want [%s]", tc.text, got, tc.want)
		}
	}
}

// TestBeforeAndAfterClauses: a change governed by "before" came later
// than what its clause's date dates; a duration set off by a comma ("After
// 27 years, the army entered …") is the clause's adverb, so the change
// after it is the news and the span counts back to the earlier one.
func TestBeforeAndAfterClauses(t *testing.T) {
	for _, tc := range []struct {
		text, published string
		want            []string
	}{
		{"On Saturday the ministry filmed the ruins the Armenian units left before their withdrawal from Aghdam.", "2020-11-21", nil},
		{"وصورت الوزارة يوم السبت الخراب الذي تركته الوحدات الأرمينية قبل انسحابها من أغدام.", "2020-11-21", nil},
		{"After 27 years, Azerbaijani troops entered Aghdam on Friday.", "2020-11-21", []string{"agdam 1993 ARM", "agdam 2020-11-20 AZE"}},
		{"وبعد 27 سنة، دخلت القوات الأذربيجانية يوم الجمعة مدينة أغدام.", "2020-11-21", []string{"agdam 1993 ARM", "agdam 2020-11-20 AZE"}},
	} {
		r, err := Extract(tc.text, Options{Published: tc.published, History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
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
		r, err := Extract(text, Options{Published: "2016-04-06", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if len(got) != 1 || got[0] != "tartar 2016-04-02/2016-04-05 AZE" {
			t.Errorf("%q: got %v, want [tartar 2016-04-02/2016-04-05 AZE]", text, got)
		}
	}
}

// TestStatesAndNewsDays: an abbreviated month or a title does not end a
// sentence; land "under its control" (a participle of state, Arabic
// "الخاضعة لسيطرتها") and land "previously occupied" are states, not
// changes, and a list after them belongs to the verb before; the news
// of a lead told without a date is the ledger's change of the day before
// the page when the ledger records one.
func TestStatesAndNewsDays(t *testing.T) {
	for _, tc := range []struct {
		text, published string
		want            []string
	}{
		{"Refugees kept arriving after the Aug. 23 fall of Fizuli to Armenian forces, aid workers said.", "1993-08-25", []string{"fuzuli 1993-08-23 ARM"}},
		{"Lt. Col. Hasanov said the army had freed the town of Jabrayil on Oct. 4 after a week of fighting.", "2020-10-10", []string{"jabrayil 2020-10-04 AZE"}},
		{"وأقامت أذربيجان في 23 أبريل حاجزا على الأراضي الخاضعة لسيطرتها قرب لاتشين.", "2023-04-24", nil},
		{"The army freed the lands previously occupied by Armenia: the villages of Garvend and Horadiz (Fuzuli district).", "2020-09-28", []string{"fuzuli 2020-09-27 AZE"}},
	} {
		r, err := Extract(tc.text, Options{Published: tc.published, History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestListsWithDaysAndStamps: districts listed each with its own day
// each take it; "لـ27 عاما" is a span of 27 years; a date stamp opening
// the page's first line dates the page, not the change after it.
func TestListsWithDaysAndStamps(t *testing.T) {
	for _, tc := range []struct {
		text, published string
		want            []string
	}{
		{"Under the deal, Armenian units left Aghdam on 20 November and Kalbajar on 25 November.", "2020-11-30", []string{"agdam 2020-11-20 AZE", "kalbajar 2020-11-25 AZE"}},
		{"وبموجب الاتفاق انسحبت الوحدات الأرمينية من أغدام في 20 نوفمبر ومن كلبجر في 25 نوفمبر.", "2020-11-30", []string{"agdam 2020-11-20 AZE", "kalbajar 2020-11-25 AZE"}},
		{"ودخلت القوات الأذربيجانية اليوم منطقة أغدام التي بقيت تحت سيطرة الأرمن لـ27 عاما.", "2020-11-20", []string{"agdam 1993 ARM", "agdam 2020-11-20 AZE"}},
		{"date 2023-10-04 (Agency) Three years ago, the Azerbaijani army freed the town of Jabrayil.", "2023-10-04", []string{"jabrayil 2020 AZE"}},
	} {
		r, err := Extract(tc.text, Options{Published: tc.published, History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
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

// TestThatDay: "on that day" points to the day a sentence or two before
// told, past a sentence of comment.
func TestThatDay(t *testing.T) {
	for _, text := range []string{
		"On October 22, 2020, the army freed the settlement of Aghband in Zangilan. With it the whole border was under its control.\nOfficials said that on that day the villages of Mollavali and Ashagi Rafidinli in Fuzuli district were freed as well.",
		"في 22 أكتوبر 2020 حرر الجيش بلدة أغبند في زنغيلان. وبذلك صارت الحدود كلها تحت سيطرته.\nوقال مسؤولون إنه في ذلك اليوم حررت أيضا قرى ملاولي في منطقة فضولي.",
	} {
		r, err := Extract(text, Options{Published: "2024-10-21", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if strings.Join(got, "|") != "fuzuli 2020-10-22 AZE|zangilan 2020-10-22 AZE" {
			t.Errorf("%q: got %v, want [fuzuli 2020-10-22 AZE zangilan 2020-10-22 AZE]", text, got)
		}
	}
}

// TestLongObjectPhrase: a place named after a noun of its kind at the
// end of a long object phrase is the object, not the area a possessive
// before it names.
func TestLongObjectPhrase(t *testing.T) {
	for _, text := range []string{
		"The separatist leaders admitted last week that they had lost control of the mountain region's second-largest city of Shusha.",
	} {
		r, err := Extract(text, Options{Published: "2020-11-15", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if strings.Join(got, "|") != "shusha 2020-11 AZE" {
			t.Errorf("%q: got %v, want [shusha 2020-11 AZE]", text, got)
		}
	}
}

// TestYearsOfOccupation: "an end to 27 years' occupation", "ending 27
// years of occupation" count back from the change that ended the span;
// "during 27 years of occupation" is a span inside the hold and dates
// nothing.
func TestYearsOfOccupation(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Azerbaijani troops entered Aghdam today, ending 27 years of occupation.", []string{"agdam 1993 ARM", "agdam 2020-11-20 AZE"}},
		{"Azerbaijani troops entered Aghdam today. It put an end to 27 years' occupation of the town.", []string{"agdam 1993 ARM", "agdam 2020-11-20 AZE"}},
		{"The town's mosque was looted during 27 years of occupation, officials said.", nil},
	} {
		r, err := Extract(tc.text, Options{Published: "2020-11-20", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
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
		r, err := Extract(tc.text, Options{Published: tc.published, History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestOperationNames: a place that names an operation ("the Horadiz
// operation", "بعملية هوراديز") is not what the control word took.
func TestOperationNames(t *testing.T) {
	for _, text := range []string{
		"The village of Jojug Marjanli was freed on 6 January 1994 in the Horadiz operation.",
		"وقال إن قرية جوجوق مرجانلي تم تحريرها في 6 يناير 1994 بعملية هوراديز الكبرى.",
	} {
		r, err := Extract(text, Options{Published: "2017-07-05", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.Proposals {
			if p.Region == "fuzuli" {
				t.Errorf("%q: proposed %s %s %s, the operation's name", text, p.Region, p.Date, p.To)
			}
		}
	}
}

// TestLentYearAgainstTheLedger: a day and month whose year an earlier
// date lent (a page with no date of its own), where the ledger has no
// change of the district to that side, takes the year of the one change
// the ledger holds on that day.
func TestLentYearAgainstTheLedger(t *testing.T) {
	text := "The town of Lachin, which Armenian forces occupied on May 18, 1992, is calm.\nThe president said: \"Today, on August 26, our army entered the town of Lachin.\""
	r, err := Extract(text, Options{History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Proposals {
		got = append(got, p.Region+" "+p.Date+" "+p.To)
	}
	if strings.Join(got, "|") != "lachin 1992-05-18 ARM|lachin 2022-08-26 AZE" {
		t.Errorf("got %v, want [lachin 1992-05-18 ARM lachin 2022-08-26 AZE]", got)
	}
}

// TestClearedOf: a place "cleared of Armenian separatists" went to the
// other side; on an anniversary written years later, the ledger's year.
func TestClearedOf(t *testing.T) {
	text := "Today, September 20, marks one year since the town of Khojaly was cleared of Armenian separatists."
	r, err := Extract(text, Options{Published: "2024-09-20", History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Proposals {
		got = append(got, p.Region+" "+p.Date+" "+p.To)
	}
	if strings.Join(got, "|") != "khojaly 2023-09-20 AZE" {
		t.Errorf("got %v, want [khojaly 2023-09-20 AZE]", got)
	}
}

// TestShouldHaveAndBeforeHandover: "should have been handed over" did not
// happen then; residents leaving "before the Azerbaijan handover" date no
// handover by the page's day.
func TestShouldHaveAndBeforeHandover(t *testing.T) {
	for _, text := range []string{
		"Kalbajar should have been handed over on November 15, but Baku agreed to a delay.",
		"Kelbajar residents burn their houses before Azerbaijan handover",
	} {
		r, err := Extract(text, Options{Published: "2020-11-15", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Proposals) != 0 {
			t.Errorf("%q: got %s %s %s, want no proposal", text, r.Proposals[0].Region, r.Proposals[0].Date, r.Proposals[0].To)
		}
	}
}

// TestOperationAnniversary: a piece that marks an operation's anniversary
// retells its gains; the page's day dates none of them.
func TestOperationAnniversary(t *testing.T) {
	text := "The army marks the 25th anniversary of the winter operation that ended on 6 January 1994.\nThe troops freed the Horadiz settlement and 20 villages of Fuzuli district."
	r, err := Extract(text, Options{Published: "2019-01-05", History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Proposals {
		if p.Date == "2019-01-05" {
			t.Errorf("got %s %s %s dated by the page", p.Region, p.Date, p.To)
		}
	}
}

// TestCommaListsAndTwoStepHandovers: a list of places each with its own
// day, set off by commas and a repeated "from", binds every place; one
// handover told as a withdrawal one day and an entry the next is the
// ledger's day.
func TestCommaListsAndTwoStepHandovers(t *testing.T) {
	text := "The Armenian army withdrew from the Aghdam province on Nov. 20, from Kalbajar on Nov. 25, and from Lachin on Nov. 30.\nAzerbaijani troops entered Lachin on Tuesday."
	r, err := Extract(text, Options{Published: "2020-12-02", History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Proposals {
		got = append(got, p.Region+" "+p.Date+" "+p.To)
	}
	if want := "agdam 2020-11-20 AZE|kalbajar 2020-11-25 AZE|lachin 2020-12-01 AZE"; strings.Join(got, "|") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// TestOccupiedBySideNamed: "occupied" takes a side named as its subject or
// agent; with none named it is the Armenian forces' word.
func TestOccupiedBySideNamed(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"On March 24, the Azerbaijani military occupied the Armenian village of Parukh in Khojaly district.", "khojaly 2022-03-24 AZE"},
		{"احتلت القوات الأذربيجانية في 24 مارس قرية فروخ في منطقة خوجالي.", "khojaly 2022-03-24 AZE"},
		{"Kalbajar was occupied in April 1993.", "kalbajar 1993-04 ARM"},
	} {
		r, err := Extract(tc.text, Options{Published: "2022-03-26", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: got %v, want [%s]", tc.text, got, tc.want)
		}
	}
}

// TestLastNight: "last night", "الليلة الماضية" is the day before the page.
func TestLastNight(t *testing.T) {
	for _, text := range []string{
		"The president wrote last night that the army had freed the town of Zangilan.",
		"وكتب الرئيس الليلة الماضية أن الجيش حرر مدينة زنغيلان.",
	} {
		r, err := Extract(text, Options{Published: "2020-10-21", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if strings.Join(got, "|") != "zangilan 2020-10-20 AZE" {
			t.Errorf("%q: got %v, want [zangilan 2020-10-20 AZE]", text, got)
		}
	}
}

// TestShelledVillage: a village the occupying force shelled is not one it
// took ("الاحتلال الأرميني أعاد قصف قرية …" names the force, not a change).
func TestShelledVillage(t *testing.T) {
	for _, text := range []string{
		"وقالت الوزارة إن الاحتلال الأرميني أعاد قصف قرية جوجوق مرجانلي في منطقة جبرائيل بالمدفعية.",
		"The ministry said the occupation forces shelled the village of Jojug Marjanli in Jabrayil district again.",
	} {
		r, err := Extract(text, Options{Published: "2020-10-03", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Proposals) != 0 {
			t.Errorf("%q: got %s %s %s, want no proposal", text, r.Proposals[0].Region, r.Proposals[0].Date, r.Proposals[0].To)
		}
	}
}

// TestOrdinalWithoutArticle: "في ثاني أكتوبر عام 1992" is the 2nd of
// October; "ثاني" before anything but a month is no day.
func TestOrdinalWithoutArticle(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"وقال إن منطقة خوجاوند احتلها الأرمن في ثاني أكتوبر عام 1992.", "khojavend 1992-10-02 ARM"},
		{"وقال إن شوشا، ثاني مدن الإقليم، احتلت في عام 1992.", "shusha 1992 ARM"},
	} {
		r, err := Extract(tc.text, Options{Published: "2015-10-03", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: got %v, want [%s]", tc.text, got, tc.want)
		}
	}
}

// TestFrontedDateWithCount: a date opening the sentence dates its main
// clause even when the clause counts villages; a count in an operation's
// frame stays a running total.
func TestFrontedDateWithCount(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"On August 23, 1993, Armenian forces occupied the town of Fizuli and 58 villages.", "fuzuli 1993-08-23 ARM"},
		{"On 27 September, during the operation, the army freed Fizuli and 60 villages.", ""},
	} {
		r, err := Extract(tc.text, Options{Published: "2020-10-20", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: got %v, want [%s]", tc.text, got, tc.want)
		}
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
	r, err := Extract(text, Options{Published: "2023-10-09", History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Proposals {
		got = append(got, p.Region+" "+p.Date+" "+p.To)
	}
	if want := "jabrayil 2020-10-09 AZE|khojavend 2020-10-09 AZE|tartar 2020-10-09 AZE"; strings.Join(got, "|") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// TestAnniversaryBeforeADecreeDate: an anniversary whose count the text does
// not give in a form we read is the ledger's one change of the district
// on the page's day and month, before any date told next (a decree's).
func TestAnniversaryBeforeADecreeDate(t *testing.T) {
	text := "Today the country marks the anniversary of the liberation of Fuzuli city.\nAccording to a decree signed by the President of the country on July 31, 2023, Fuzuli City Day is marked every year."
	r, err := Extract(text, Options{Published: "2024-10-17", History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Proposals {
		got = append(got, p.Region+" "+p.Date+" "+p.To)
	}
	if strings.Join(got, "|") != "fuzuli 2020-10-17 AZE" {
		t.Errorf("got %v, want [fuzuli 2020-10-17 AZE]", got)
	}
}

// TestFellSaidBySide: a place "fell" to the side named after "to"; a side
// that says it fell lost it, and with none named the ledger's days tell.
func TestFellSaidBySide(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Azerbaijani officials said on Saturday that the town of Goradiz in the Fizuli district fell after heavy shelling.", "fuzuli 1993-09-04 ARM"},
		{"The town of Goradiz in the Fizuli district fell to Armenian forces on Saturday.", "fuzuli 1993-09-04 ARM"},
	} {
		r, err := Extract(tc.text, Options{Published: "1993-09-05", History: ledgertest.History(t)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range r.Proposals {
			got = append(got, p.Region+" "+p.Date+" "+p.To)
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: got %v, want [%s]", tc.text, got, tc.want)
		}
	}
}

// TestHalfYearsOfOccupation: "under occupation for twenty-eight and a half
// years" counts the whole years back, to the Armenian forces' gain.
func TestHalfYearsOfOccupation(t *testing.T) {
	text := "Azerbaijani troops liberated Shusha today. The town was under occupation for twenty-eight and a half years."
	r, err := Extract(text, Options{Published: "2020-11-08", History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Proposals {
		if p.To == "" {
			t.Errorf("a proposal with no side: %+v", p)
		}
		got = append(got, p.Region+" "+p.Date+" "+p.To)
	}
	if strings.Join(got, "|") != "shusha 1992 ARM|shusha 2020-11-08 AZE" {
		t.Errorf("got %v, want [shusha 1992 ARM shusha 2020-11-08 AZE]", got)
	}
}

// TestNightOfTwoDays: a change "on the night of Tuesday to Wednesday" is
// dated by its morning.
func TestNightOfTwoDays(t *testing.T) {
	text := "The district of Kalbajar, taken over on the night of Tuesday to Wednesday by Azerbaijan, is the second to be handed back."
	r, err := Extract(text, Options{Published: "2020-11-26", History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Proposals {
		got = append(got, p.Region+" "+p.Date+" "+p.To)
	}
	if strings.Join(got, "|") != "kalbajar 2020-11-25 AZE" {
		t.Errorf("got %v, want [kalbajar 2020-11-25 AZE]", got)
	}
}

// TestSideOfABase: "the capture of an Armenian base" names the side that
// held the base, not the one that took it.
func TestSideOfABase(t *testing.T) {
	text := "Earlier today, the media reported the capture of an Armenian base next to Talish in the Tartar district."
	r, err := Extract(text, Options{Published: "2020-10-03", History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Proposals {
		if p.To == "ARM" {
			t.Errorf("got %s %s %s: the base's holder taken as the taker", p.Region, p.Date, p.To)
		}
	}
}
