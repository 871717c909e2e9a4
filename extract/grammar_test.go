package extract

// Sentences of our own for the grammar and page-furniture rules of the
// eighth session (each names the batch page that showed the need in its
// commit); the helpers proposed and expectProposed are in
// ledgercheck_test.go.

import (
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/ledgertest"
)

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
		expectProposed(t, tc.text, tc.published, strings.Join(tc.want, "|"))
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
		expectProposed(t, tc.text, tc.published, strings.Join(tc.want, "|"))
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
		expectProposed(t, tc.text, tc.published, strings.Join(tc.want, "|"))
	}
}

// TestThatDay: "on that day" points to the day a sentence or two before
// told, past a sentence of comment.
func TestThatDay(t *testing.T) {
	for _, text := range []string{
		"On October 22, 2020, the army freed the settlement of Aghband in Zangilan. With it the whole border was under its control.\nOfficials said that on that day the villages of Mollavali and Ashagi Rafidinli in Fuzuli district were freed as well.",
		"في 22 أكتوبر 2020 حرر الجيش بلدة أغبند في زنغيلان. وبذلك صارت الحدود كلها تحت سيطرته.\nوقال مسؤولون إنه في ذلك اليوم حررت أيضا قرى ملاولي في منطقة فضولي.",
	} {
		expectProposed(t, text, "2024-10-21", "fuzuli 2020-10-22 AZE|zangilan 2020-10-22 AZE")
	}
}

// TestLongObjectPhrase: a place named after a noun of its kind at the
// end of a long object phrase is the object, not the area a possessive
// before it names.
func TestLongObjectPhrase(t *testing.T) {
	for _, text := range []string{
		"The separatist leaders admitted last week that they had lost control of the mountain region's second-largest city of Shusha.",
	} {
		expectProposed(t, text, "2020-11-15", "shusha 2020-11 AZE")
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
		expectProposed(t, tc.text, "2020-11-20", strings.Join(tc.want, "|"))
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

// TestClearedOf: a place "cleared of Armenian separatists" went to the
// other side; on an anniversary written years later, the ledger's year.
func TestClearedOf(t *testing.T) {
	text := "Today, September 20, marks one year since the town of Khojaly was cleared of Armenian separatists."
	expectProposed(t, text, "2024-09-20", "khojaly 2023-09-20 AZE")
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

// TestOccupiedBySideNamed: "occupied" takes a side named as its subject or
// agent; with none named it is the Armenian forces' word.
func TestOccupiedBySideNamed(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"On March 24, the Azerbaijani military occupied the Armenian village of Parukh in Khojaly district.", "khojaly 2022-03-24 AZE"},
		{"احتلت القوات الأذربيجانية في 24 مارس قرية فروخ في منطقة خوجالي.", "khojaly 2022-03-24 AZE"},
		{"Kalbajar was occupied in April 1993.", "kalbajar 1993-04 ARM"},
	} {
		expectProposed(t, tc.text, "2022-03-26", tc.want)
	}
}

// TestLastNight: "last night", "الليلة الماضية" is the day before the page.
func TestLastNight(t *testing.T) {
	for _, text := range []string{
		"The president wrote last night that the army had freed the town of Zangilan.",
		"وكتب الرئيس الليلة الماضية أن الجيش حرر مدينة زنغيلان.",
	} {
		expectProposed(t, text, "2020-10-21", "zangilan 2020-10-20 AZE")
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
		expectProposed(t, tc.text, "2015-10-03", tc.want)
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
		expectProposed(t, tc.text, "2020-10-20", tc.want)
	}
}

// TestFellSaidBySide: a place "fell" to the side named after "to"; a side
// that says it fell lost it, and with none named the ledger's days tell.
func TestFellSaidBySide(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Azerbaijani officials said on Saturday that the town of Goradiz in the Fizuli district fell after heavy shelling.", "fuzuli 1993-09-04 ARM"},
		{"The town of Goradiz in the Fizuli district fell to Armenian forces on Saturday.", "fuzuli 1993-09-04 ARM"},
	} {
		expectProposed(t, tc.text, "1993-09-05", tc.want)
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
	expectProposed(t, text, "2020-11-26", "kalbajar 2020-11-25 AZE")
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

// TestBareTook: "had taken Shusha" is a capture; "took place in Shusha" is
// not.
func TestBareTook(t *testing.T) {
	expectProposed(t, "The president said on Sunday that his forces had taken Shusha, the second-largest city.", "2020-11-08", "shusha 2020-11-08 AZE")
	expectProposed(t, "A ceremony took place in Shusha on Sunday, the ministry said.", "2020-11-08", "")
}

// TestVerbFirstSubjectBetween: Arabic puts the verb first and the subject
// between the verb and its noun ("فقدت <the subject> السيطرة على X"): the
// side named there lost X; a war named with its place before the year
// still dates the change by the ledger.
func TestVerbFirstSubjectBetween(t *testing.T) {
	expectProposed(t, "فقدت أرمينيا السيطرة على فضولي يوم 17 أكتوبر 2020.", "", "fuzuli 2020-10-17 AZE")
	expectProposed(t, "وقال التقرير إن ذلك حدث بعد أن فقدت قوات يريفان السيطرة على فضولي أمس.", "2020-10-18", "fuzuli 2020-10-17 AZE")
	expectProposed(t, "خلال حرب قره باغ 2020 فقدت وحدات أرمينيا السيطرة على فضولي وجبرائيل.", "", "jabrayil 2020-10 AZE|fuzuli 2020-10-17 AZE")
}

// TestNoteMarksStayWithTheirSentence: an encyclopedia's note mark after a
// full stop ("… Kelbajar district.[5]") belongs to the sentence it ends;
// left alone as a sentence it stood between "the area" and the district
// it refers to.
func TestNoteMarksStayWithTheirSentence(t *testing.T) {
	text := "Kalbajar District lies in the west of Azerbaijan.[2] In 1992 a part of the Mardakert district was joined to Kelbajar district.[5]\n\nArmenian occupation\n\nThe area was occupied by Armenian forces on April 3, 1993.[6] It was then run by the de facto authorities."
	expectProposed(t, text, "", "kalbajar 1993-04-03 ARM")
}

// TestBracketDatesBelongToTheirPlace: the dates in a bracket after one
// district of a list ("Lachin (its south in May 1992, its north in April
// 1993), the region of Kalbajar, …") are that district's, not the others': they
// stay undated.
func TestBracketDatesBelongToTheirPlace(t *testing.T) {
	expectProposed(t, "By now Lachin (the south of it in May, 1992, and the north - in April of 1993), the region of Kalbajar, Fizuli, and the region of Aghdam have been occupied.", "", "lachin 1992-05 ARM|agdam  ARM|fuzuli  ARM|kalbajar  ARM")
}

// TestLaterClauseDateIsItsOwnWords: "On November 20, … entered A and
// villages in B, and on November 25, they took C": the date that opens the
// coordinated clause dates C (the date opening the sentence dated it, and
// C was then read as a change still to come).
func TestLaterClauseDateIsItsOwnWords(t *testing.T) {
	expectProposed(t, "On November 20, the Azerbaijani army entered the Agdam District and seven villages in the Martakert District, and on November 25, they took control over the Kelbajar District.", "2020-11-30",
		"agdam 2020-11-20 AZE|tartar 2020-11-20 AZE|kalbajar 2020-11-25 AZE")
}
