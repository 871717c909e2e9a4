package extract

import (
	"strings"
	"testing"
	"time"
)

// datesIn resolves every date expression of text against pub ("" for
// none) and joins the results with ";".
func datesIn(t *testing.T, text, pub string) string {
	t.Helper()
	r := &resolver{}
	if pub != "" {
		p, err := time.Parse("2006-01-02", pub)
		if err != nil {
			t.Fatal(err)
		}
		r.pub, r.hasPub = p, true
	}
	toks, _ := tokenize(text, 0, len(text), 0)
	var out []string
	for _, e := range parseDates(toks) {
		if c, _, ok := r.resolve(e); ok {
			out = append(out, c.String())
		}
	}
	return strings.Join(out, ";")
}

func TestDates(t *testing.T) {
	tests := []struct {
		name, text, pub, want string
	}{
		// Egyptian month names
		{"January", "وصلت في 3 يناير 2021", "", "2021-01-03"},
		{"a day written year first is one date", "under the 2020 November 10 trilateral statement", "2022-03-25", "2020-11-10"},
		{"February", "في 14 فبراير 2021", "", "2021-02-14"},
		{"March", "في 5 مارس 2021", "", "2021-03-05"},
		{"April with hamza above", "في 2 أبريل 1993", "", "1993-04-02"},
		{"April without hamza", "في 2 ابريل 1993", "", "1993-04-02"},
		{"April with hamza below", "في 2 إبريل 1993", "", "1993-04-02"},
		{"May", "في 9 مايو 1992", "", "1992-05-09"},
		{"June", "في 1 يونيو 1993", "", "1993-06-01"},
		{"June, Egyptian spelling", "في 1 يونيه 1993", "", "1993-06-01"},
		{"July", "في 23 يوليو 1993", "", "1993-07-23"},
		{"August", "في 23 أغسطس 1993", "", "1993-08-23"},
		{"September", "في 27 سبتمبر 2020", "", "2020-09-27"},
		{"October", "في 17 أكتوبر 2020", "", "2020-10-17"},
		{"November", "في 10 نوفمبر 2020", "", "2020-11-10"},
		{"December", "في 1 ديسمبر 2020", "", "2020-12-01"},
		// Levantine month names
		{"kanun II", "في 6 كانون الثاني 1992", "", "1992-01-06"},
		{"shubat", "في 26 شباط 1992", "", "1992-02-26"},
		{"adhar", "في 2 آذار 1993", "", "1993-03-02"},
		{"nisan", "في 3 نيسان 1993", "", "1993-04-03"},
		{"ayyar", "في 8 أيار 1992", "", "1992-05-08"},
		{"haziran", "في 12 حزيران 1993", "", "1993-06-12"},
		{"tammuz", "في 23 تموز 1993", "", "1993-07-23"},
		{"ab", "في 26 آب 2022", "", "2022-08-26"},
		{"aylul", "في 19 أيلول 2023", "", "2023-09-19"},
		{"tishrin I", "في 9 تشرين الأول 2020", "", "2020-10-09"},
		{"tishrin II", "في 8 تشرين الثاني 2020", "", "2020-11-08"},
		{"kanun I", "في 1 كانون الأول 2020", "", "2020-12-01"},
		// both traditions together
		{"Egyptian then Levantine", "في 25 من نوفمبر/تشرين الثاني", "2020-11-28", "2020-11-25"},
		{"with a space after the slash", "في 10 من نوفمبر/ تشرين الثاني الحالي", "2020-11-28", "2020-11-10"},
		{"Levantine then Egyptian", "في 20 تشرين الثاني/نوفمبر 2020", "", "2020-11-20"},
		{"May twice", "في 9 مايو/ايار 1992", "", "1992-05-09"},
		// numerals
		{"Arabic-Indic digits", "في ١٧ أكتوبر ٢٠٢٠", "", "2020-10-17"},
		{"Persian digits", "في ۱۷ أكتوبر ۲۰۲۰", "", "2020-10-17"},
		{"ordinal day", "يوم الثامن من نوفمبر 2020", "", "2020-11-08"},
		{"ordinal teen", "في الحادي عشر من نوفمبر 2020", "", "2020-11-11"},
		{"ordinal compound", "في الخامس والعشرين من نوفمبر 2020", "", "2020-11-25"},
		{"numeric d-m-y", "باكو، 20-9-2023", "", "2023-09-20"},
		{"numeric y-m-d", "2023-09-20", "", "2023-09-20"},
		{"numeric with slashes", "26/11/2020", "", "2020-11-26"},
		{"day range", "بين 2 و3 أبريل 1993", "", "1993-04-02/1993-04-03"},
		{"year after عام", "قبيل تفكك الاتحاد في عام 1991", "", "1991"},
		{"month and year", "منذ أبريل 1993", "", "1993-04"},
		{"late in a month", "أواخر سبتمبر/أيلول", "2020-11-28", "2020-09"},
		// relative words (28 Nov 2020 was a Saturday)
		{"today", "دخلت القوات اليوم", "2020-11-28", "2020-11-28"},
		{"today with weekday", "اليوم السبت", "2020-11-28", "2020-11-28"},
		{"yesterday", "أمس", "2020-11-28", "2020-11-27"},
		{"yesterday, other word", "البارحة", "2020-11-28", "2020-11-27"},
		{"day before yesterday", "أول أمس", "2020-11-28", "2020-11-26"},
		{"day before yesterday, other order", "أمس الأول", "2020-11-28", "2020-11-26"},
		{"tomorrow", "غداً", "2020-11-28", "2020-11-29"},
		{"tomorrow with weekday", "غداً الأحد", "2020-11-28", "2020-11-29"},
		{"Russia Today is a channel", "شبكة روسيا اليوم", "2020-11-28", ""},
		{"the next day is not today", "في اليوم التالي", "2020-11-28", ""},
		{"relative words need a publication date", "دخلت القوات اليوم", "", ""},
		// weekdays: the most recent on or before publication
		{"Saturday is publication day", "يوم السبت", "2020-11-28", "2020-11-28"},
		{"Sunday", "الأحد", "2020-11-28", "2020-11-22"},
		{"Monday needs يوم", "يوم الاثنين", "2020-11-28", "2020-11-23"},
		{"Monday with hamza", "يوم الإثنين", "2020-11-28", "2020-11-23"},
		{"two is not Monday", "قتل الاثنين", "2020-11-28", ""},
		{"Tuesday", "والثلاثاء، أعلنت", "2020-11-28", "2020-11-24"},
		{"Wednesday", "يوم الأربعاء", "2020-11-28", "2020-11-25"},
		{"Thursday", "الخميس", "2020-11-28", "2020-11-26"},
		{"Friday", "الجمعة", "2020-11-28", "2020-11-27"},
		{"last Saturday", "السبت الماضي", "2020-11-28", "2020-11-21"},
		{"next Sunday", "الأحد المقبل", "2020-11-28", "2020-11-29"},
		// this / last month and year
		{"day in this month", "يوم 16 نوفمبر الجارى", "2020-11-28", "2020-11-16"},
		{"day in last month", "في 11 نوفمبر الماضي", "2020-12-01", "2020-11-11"},
		{"month called last", "في سبتمبر الماضي", "2020-11-28", "2020-09"},
		{"last month", "الشهر الماضي", "2020-12-01", "2020-11"},
		{"this month", "الشهر الجاري", "2020-12-01", "2020-12"},
		{"this year", "قبل انتهاء العام الحالي", "2020-12-01", "2020"},
		{"last year", "العام الماضي", "2020-12-01", "2019"},
		{"no year: most recent such date", "في 3 ديسمبر", "2020-11-08", "2019-12-03"},
		{"no year: a day in the two weeks after publication is to come", "في 3 ديسمبر", "2020-11-28", "2020-12-03"},
		{"same month as the previous date", "سلمت في 20 نوفمبر 2020، ثم في يوم 25 من نفس الشهر", "", "2020-11-20;2020-11-25"},
		{"same month, other order", "في 20 نوفمبر 2020 ثم في 25 من نفس الشهر", "", "2020-11-20;2020-11-25"},
		// ordinary words that look like months
		{"March the verb", "مارس الجيش ضغوطا", "2020-11-28", ""},
		{"father is not August", "قال أب لثلاثة أطفال", "2020-11-28", ""},
		{"may the verb", "troops may enter", "2020-11-28", ""},
		// English
		{"English day month year", "on 25 November 2020", "", "2020-11-25"},
		{"English month day year", "on November 25, 2020", "", "2020-11-25"},
		{"English ordinal day", "on the 25th of November", "2020-11-28", "2020-11-25"},
		{"English today", "today", "2020-11-28", "2020-11-28"},
		{"English yesterday", "yesterday", "2020-11-28", "2020-11-27"},
		{"English weekday", "on Wednesday", "2020-11-28", "2020-11-25"},
		{"English last weekday", "last Saturday", "2020-11-28", "2020-11-21"},
		{"English month and year", "in April 1993", "", "1993-04"},
		{"English year", "in 1994", "", "1994"},
		{"English range", "2-3 April 1993", "", "1993-04-02/1993-04-03"},
		// round extract14i: common forms the parser missed
		{"ordinal day, the noun month and a year with لعام", "جرى ذلك في الرابع من شهر مارس لعام 2021", "", "2021-03-04"},
		{"digit day and the noun month", "في 6 من شهر يونيو 2021", "", "2021-06-06"},
		{"approximate with the noun month", "في أواخر شهر مايو", "2021-07-02", "2021-05"},
		{"day of the current month, bare qualifier", "اجتمعوا في 14 الجاري", "2021-07-20", "2021-07-14"},
		{"day of the current month, other qualifier, Indic digits", "في ١٤ الحالي", "2021-07-20", "2021-07-14"},
		{"day of the current month, spelled out", "في 14 من الشهر الحالي", "2021-07-20", "2021-07-14"},
		{"day of this month, demonstrative", "يوم 3 من هذا الشهر", "2021-07-20", "2021-07-03"},
		{"day of last month", "في 27 من الشهر الماضي", "2021-07-02", "2021-06-27"},
		{"day of last month without من", "يوم 27 الشهر الماضي", "2021-07-02", "2021-06-27"},
		{"ordinal day of last month", "في الخامس من الشهر المنصرم", "2021-07-02", "2021-06-05"},
		{"a bare qualifier needs digits", "النصف الثاني الحالي", "2021-07-20", ""},
		{"no 31st in last month", "في 31 من الشهر الماضي", "2021-07-02", ""},
		{"English day of this month", "by the 3rd of this month", "2021-07-20", "2021-07-03"},
		{"English day of the current month", "on the 3rd of the current month", "2021-07-20", "2021-07-03"},
		{"English day of last month", "on the 27th of last month", "2021-07-02", "2021-06-27"},
		{"English day of this named month", "on the 3rd of this July", "2021-07-20", "2021-07-03"},
		{"month and year after من العام", "في 6 يونيو من العام 2021", "", "2021-06-06"},
		{"month and year after من عام", "في 6 يونيو من عام 2021", "", "2021-06-06"},
		{"day and month of last year", "في 6 يونيو من العام الماضي", "2021-12-30", "2020-06-06"},
		{"English day and month of last year", "on 6 June last year", "2021-12-30", "2020-06-06"},
		{"a year told relatively needs a publication date", "on 6 June last year", "", ""},
		{"English ordinal words past ten", "on the fourteenth of July 2021", "", "2021-07-14"},
		{"English ordinal twentieth", "the twentieth of July 2021", "", "2021-07-20"},
		{"English compound ordinal with a hyphen", "on the twenty-third of July 2021", "", "2021-07-23"},
		{"English compound ordinal with a space", "on the thirty first of July 2021", "", "2021-07-31"},
		{"English ordinal words, no year", "on the sixth of June", "2021-07-02", "2021-06-06"},
		{"a month of last year", "استعيدت في يونيو من العام الماضي", "2021-12-30", "2020-06"},
		{"a month of last year, no preposition", "يونيو من العام الماضي شهد معارك", "2021-12-30", "2020-06"},
		{"English month of last year", "in June last year", "2021-12-30", "2020-06"},
		{"approximate month of last year, one date", "in early June last year", "2021-12-30", "2020-06"},
		{"a weak month name before last year stays a word", "مارس العام الماضي ضغوطا", "2021-12-30", "2020"},
		{"twenty alone is a count", "twenty of July's villages", "2021-07-02", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := datesIn(t, tc.text, tc.pub); got != tc.want {
				t.Errorf("dates in %q (published %q): got %q, want %q", tc.text, tc.pub, got, tc.want)
			}
		})
	}
}

// TestBareOrdinalDay: "on the 8th" with no month is a day of the month the
// piece is in, or of the month before when that day is still to come; "on
// the 8th floor" is no date.
func TestBareOrdinalDay(t *testing.T) {
	expectProposed(t, "The ministry said on the 8th that its troops had taken Shusha.", "2020-11-10", "shusha 2020-11-08 AZE")
	expectProposed(t, "Officials said the army entered Kalbajar on the 25th.", "2020-12-02", "kalbajar 2020-11-25 AZE")
	_, r := proposed(t, "On the 8th floor of a hotel in Shusha, the ministers met.", "2020-11-10")
	for _, c := range r.Context {
		if c.Date == "2020-11-08" {
			t.Errorf("\"on the 8th floor\" was read as a day: %+v", c)
		}
	}
}

// TestDayOfTheWar: "the Nth day of the war" counts from the offensive the
// ledger starts, in the one war that lasted that long (the latest before
// the publication date when both fit).
func TestDayOfTheWar(t *testing.T) {
	expectProposed(t, "On the twelfth day of the fighting, the army captured three villages of the Fuzuli district.", "", "fuzuli 2020-10-08 AZE")
	expectProposed(t, "في اليوم الخامس عشر من الحرب، سيطر الجيش على قرى في منطقة جبرائيل.", "", "jabrayil 2020-10-11 AZE")
	expectProposed(t, "On day 2 of the offensive, the army captured villages in Khojaly district.", "2023-09-25", "khojaly 2023-09-20 AZE")
}

// TestRespectivelyAndSeriesYear: "A, B and C on D1, D2 and D3 2020,
// respectively" pairs each district with its day, and the year written
// once after a list of days is each day's.
func TestRespectivelyAndSeriesYear(t *testing.T) {
	expectProposed(t, "After the war, Armenian troops withdrew from Agdam, Kalbajar and Lachin on 20 November, 25 November and 1 December 2020, respectively.", "",
		"agdam 2020-11-20 AZE|kalbajar 2020-11-25 AZE|lachin 2020-12-01 AZE")
	expectProposed(t, "وبعد الحرب انسحبت القوات الأرمنية من أغدام وكلبجار ولاتشين في 20 نوفمبر و25 نوفمبر و1 ديسمبر 2020 على التوالي.", "",
		"agdam 2020-11-20 AZE|kalbajar 2020-11-25 AZE|lachin 2020-12-01 AZE")
}

// TestMonthFirstRangeWithTo: "From November 10 to 30, 2020" is one span of
// days, like "10 to 30 November 2020".
func TestMonthFirstRangeWithTo(t *testing.T) {
	expectProposed(t, "From November 10 to 30, 2020, the Armenian units were withdrawn from the Aghdam and Kalbajar districts.", "",
		"agdam 2020-11-10/2020-11-30 AZE|kalbajar 2020-11-10/2020-11-30 AZE")
}

// TestDateRightAfterItsPlace: "A district was occupied on D1 and B district
// at the beginning of D2": the date written right after B is B's, though
// D1 stands as near.
func TestDateRightAfterItsPlace(t *testing.T) {
	expectProposed(t, "Lachin district was seized on 18 May 1992 and Kalbajar district at the beginning of April 1993.", "",
		"lachin 1992-05-18 ARM|kalbajar 1993-04 ARM")
}

// TestOperationSpanFromTheLedger: a change told as the result of an
// operation dated "from D1 to D2" is the ledger's one change of the
// district within that span.
func TestOperationSpanFromTheLedger(t *testing.T) {
	expectProposedHow(t, "As a result of the operation carried out from December 1993 to January 6, 1994, the town of Horadiz and twenty villages of the Fizuli region were freed.", "",
		"fuzuli 1994-01-06 AZE", "the only one in the span of the operation")
}

// TestShiftInWeeksAndLongerDayCounts: a change dated weeks, or more than
// ten days, after a day just spoken of is that many days on ("two weeks
// later", "thirteen days later", "بعد أسبوعين"), not the page's day.
func TestShiftInWeeksAndLongerDayCounts(t *testing.T) {
	expectProposed(t, "Azerbaijani troops took Jabrayil on 4 October 2020. Two weeks later they captured Zangilan.", "2024-01-01", "jabrayil 2020-10-04 AZE|zangilan 2020-10-18 AZE")
	expectProposed(t, "Jabrayil fell on 4 October 2020, and Fuzuli was taken thirteen days later.", "2024-01-01", "jabrayil 2020-10-04 AZE|fuzuli 2020-10-17 AZE")
	expectProposed(t, "سيطر الجيش الأذربيجاني على جبرائيل في 4 أكتوبر 2020، وبعد أسبوعين سيطر على زنغيلان.", "2024-01-01", "jabrayil 2020-10-04 AZE|zangilan 2020-10-18 AZE")
}

// TestTheDayAnAgreementWasMade: "the deal made on November 9" dates the
// signing, not the handover the sentence goes on to date ("Aghdam was
// ceded on November 20"); a signing's day is no deadline met either.
func TestTheDayAnAgreementWasMade(t *testing.T) {
	expectProposed(t, "As part of the deal made on November 9, Aghdam was ceded on November 20.", "2020-12-06", "agdam 2020-11-20 AZE")
}

// TestDateAfterARelativeAside: a date right after a relative clause set
// off by commas after the place taken ("entered Akna/Aghdam, which was
// included in the region of Askeran, on November 20, 2020") is the main
// clause's.
func TestDateAfterARelativeAside(t *testing.T) {
	expectProposed(t, "Azerbaijani army entered Akna/Aghdam, which was included in the region of Askeran, on November 20, 2020.", "2020-12-12", "agdam 2020-11-20 AZE")
	expectProposed(t, "Azerbaijani army entered Aghdam, which was included in the region of Askeran, on November 20, 2020.", "2020-12-12", "agdam 2020-11-20 AZE")
}

// TestForTheFirstTimeSince: a year after "for the first time in (since)"
// names when something last happened, not the change ("lost the height
// of Talish …, for the first time in 1994"; "لأول مرة منذ 1992").
func TestForTheFirstTimeSince(t *testing.T) {
	expectProposed(t, "Armenian forces lost the height of Talish in Tartar district, for the first time in 1994.", "2016-04-10", "tartar 2016-04-10 AZE")
	expectProposed(t, "Azerbaijani forces entered Lachin on 1 December 2020, for the first time since 1992.", "2021-01-01", "lachin 2020-12-01 AZE")
}
