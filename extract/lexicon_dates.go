package extract

import "time"

// Month names, normalised. Egyptian/Gulf (يناير …), Levantine/Iraqi
// (كانون الثاني …), Maghrebi (جانفي …) and English. Two-word Levantine
// months are in monthPairs.
var monthWords = map[string]int{
	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
	"يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
	"شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9,
	"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// weakMonths are month names that are also ordinary words (مارس "he
// practised", اب "father", may, march …): they count only next to a day
// number, a year or another month name.
var weakMonths = map[string]bool{
	"مارس": true, "اب": true, "ماي": true, "اوت": true, "اذار": true,
	"may": true, "march": true, "mar": true, "jan": true, "jun": true, "aug": true, "sep": true, "oct": true, "nov": true, "dec": true, "feb": true, "apr": true, "jul": true, "sept": true,
}

// monthPairs are the two-word Levantine months: كانون الثاني is January,
// كانون الأول December, تشرين الأول October, تشرين الثاني November.
var monthPairs = map[[2]string]int{
	{"كانون", "الثاني"}: 1, {"كانون", "الاول"}: 12,
	{"تشرين", "الاول"}: 10, {"تشرين", "الثاني"}: 11,
}

// weekdayWords maps weekday names (with the article, as Arabic writes
// them) to time.Weekday.
var weekdayWords = map[string]time.Weekday{
	"السبت": time.Saturday, "الاحد": time.Sunday, "الاثنين": time.Monday, "الثلاثاء": time.Tuesday,
	"الاربعاء": time.Wednesday, "الخميس": time.Thursday, "الجمعه": time.Friday,
	"saturday": time.Saturday, "sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
}

// ordinalDays are ordinal words used for days of the month ("العاشر من
// نوفمبر"). Compounds are built in ordinalAt: "الحادي عشر" (11),
// "الخامس والعشرين" (25).
var ordinalDays = map[string]int{
	"الاول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
	"السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "العشرين": 20, "الثلاثين": 30,
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10,
}

// monthQualifiers follow a month: الجاري/الحالي (this), الماضي/المنصرم
// (the last one), المقبل/القادم (the next one).
var monthQualifiers = map[string]int{
	"الجاري": qualThis, "الحالي": qualThis, "الماضي": qualPast, "المنصرم": qualPast,
	"المقبل": qualNext, "القادم": qualNext,
}

const (
	qualNone = iota
	qualThis
	qualPast
	qualNext
)

// approxWords before a month make the date month-precise ("أواخر
// سبتمبر", "late September").
var approxWords = map[string]bool{
	"اواخر": true, "اوايل": true, "مطلع": true, "منتصف": true, "نهايه": true, "بدايه": true,
	"اواسط": true, "اخر": true, "late": true, "early": true, "mid": true, "end": true, "beginning": true,
}

// yearCues precede a bare year ("عام 1993", "in 1993").
var yearCues = map[string]bool{
	"عام": true, "العام": true, "سنه": true, "السنه": true, "عامي": true, "في": true, "منذ": true,
	"حتى": true, "الى": true, "من": true, "خلال": true,
	"in": true, "since": true, "year": true, "from": true, "until": true, "to": true, "during": true, "of": true, "by": true,
}

// notTodayAfter are words after اليوم that make it "the day" of something
// else ("اليوم التالي" the next day), not today.
var notTodayAfter = map[string]bool{
	"التالي": true, "السابق": true, "نفسه": true, "ذاته": true, "الاول": true, "الثاني": true,
	"الثالث": true, "الاخير": true, "الوطني": true, "العالمي": true, "الدولي": true,
}

// notTodayBefore are words before اليوم that make it part of a name
// ("روسيا اليوم", the RT channel) or "nowadays".
var notTodayBefore = map[string]bool{"روسيا": true, "مصر": true, "عالم": true, "اخبار": true, "russia": true}
