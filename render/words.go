package render

import (
	"fmt"
	"strings"

	"github.com/mapsvc/mapsvc/geo"
)

// words are the static map's own strings per language. They are neutral:
// who held the ground, never whose claim is right.
type words struct {
	Title       string
	Subtitle    string // %s is the long date
	Partial     string // legend: partly held
	Uncertain   string // legend: change not exactly dated
	Unknown     string
	Neighbour   string
	Context     string
	Attribution string
	PartialWord string // in the description: "(partly)"
	// ApproxLine names, in the legend, the dashed line between the
	// approximate areas of a district split on place evidence; AreasWord
	// follows PartialWord in the description of such a district.
	ApproxLine string
	AreasWord  string
	// SplitPart says who held which part of a split district (%[1]s the
	// holder, %[2]s the part, from Dirs); SplitPartTowns adds the towns in
	// it (%[3]s). SplitSep joins the parts, ListSep the towns.
	SplitPart      string
	SplitPartTowns string
	SplitSep       string
	ListSep        string
	// Dirs name the eight parts of a district, keyed by the compass
	// direction of /api/v1/areas ("north-west").
	Dirs       map[string]string
	UncertWord string
	// ExtentUncertWord follows a holder whose extent is changing inside an
	// imprecisely dated window.
	ExtentUncertWord string
	Months           [12]string
	// MonthsAlone are the names used without a day ("April 1993"), where
	// the language inflects them (Russian and Armenian use the genitive
	// after a day number); empty means Months.
	MonthsAlone [12]string
	// DateLayout orders day (%[1]d), month name (%[2]s) and year (%[3]d).
	DateLayout string
	// MonthLayout orders month name (%[1]s) and year (%[2]d).
	MonthLayout string
}

var dictionary = map[geo.Lang]words{
	geo.LangEN: {
		Title:            "Who held the districts of the Nagorno-Karabakh conflict area",
		Subtitle:         "Control at the end of %s",
		Partial:          "Partly held: stripes show the other side's part",
		Uncertain:        "Uncertain: the change is not exactly dated",
		Unknown:          "No data",
		Neighbour:        "Armenia (for orientation)",
		Context:          "Lighter shade: outside the 12 tracked districts",
		Attribution:      geo.Attribution,
		PartialWord:      "partly",
		ApproxLine:       "Approximate line, from sourced places (dashed): each side’s area is drawn around the places it held",
		AreasWord:        "areas approximate, drawn around the places each side held",
		SplitPart:        "%[1]s held the %[2]s",
		SplitPartTowns:   "%[1]s held the %[2]s, including %[3]s",
		SplitSep:         "; ",
		ListSep:          ", ",
		Dirs:             map[string]string{"west": "west", "east": "east", "north": "north", "south": "south", "north-west": "north-west", "north-east": "north-east", "south-west": "south-west", "south-east": "south-east"},
		UncertWord:       "uncertain",
		ExtentUncertWord: "the extent held is changing; the change is not exactly dated",
		Months:           [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		DateLayout:       "%[1]d %[2]s %[3]d",
		MonthLayout:      "%[1]s %[2]d",
	},
	geo.LangAR: {
		Title:            "من كان يسيطر على مناطق النزاع في قره باغ الجبلية",
		Subtitle:         "السيطرة في نهاية يوم %s",
		Partial:          "سيطرة جزئية: الخطوط تمثّل جزء الطرف الآخر",
		Uncertain:        "غير مؤكد: تاريخ التغيير غير محدد بدقة",
		Unknown:          "لا توجد بيانات",
		Neighbour:        "أرمينيا (للتوضيح)",
		Context:          "اللون الأفتح: خارج المناطق الاثنتي عشرة المتابَعة",
		Attribution:      "السيطرة: سجل mapsvc (المصادر لكل حدث). الحدود: Natural Earth (ملكية عامة).",
		PartialWord:      "جزئياً",
		ApproxLine:       "خط تقريبي مستخلص من أماكن موثّقة المصادر (متقطّع): تُرسم منطقة كل طرف حول الأماكن التي سيطر عليها",
		AreasWord:        "المناطق تقريبية، مرسومة حول الأماكن التي سيطر عليها كل طرف",
		SplitPart:        "سيطرت %[1]s على %[2]s",
		SplitPartTowns:   "سيطرت %[1]s على %[2]s، بما في ذلك %[3]s",
		SplitSep:         "؛ ",
		ListSep:          "، ",
		Dirs:             map[string]string{"west": "الجزء الغربي", "east": "الجزء الشرقي", "north": "الجزء الشمالي", "south": "الجزء الجنوبي", "north-west": "الجزء الشمالي الغربي", "north-east": "الجزء الشمالي الشرقي", "south-west": "الجزء الجنوبي الغربي", "south-east": "الجزء الجنوبي الشرقي"},
		UncertWord:       "غير مؤكد",
		ExtentUncertWord: "نطاق السيطرة يتغيّر وتاريخ التغيير غير محدد بدقة",
		Months:           [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
		DateLayout:       "%[1]d %[2]s %[3]d",
		MonthLayout:      "%[1]s %[2]d",
	},
	geo.LangAZ: {
		Title:            "Dağlıq Qarabağ münaqişə zonasının rayonlarına kim nəzarət edirdi",
		Subtitle:         "%s tarixinin sonuna nəzarət",
		Partial:          "Qismən nəzarət: zolaqlar digər tərəfin hissəsidir",
		Uncertain:        "Qeyri-müəyyən: dəyişikliyin tarixi dəqiq deyil",
		Unknown:          "Məlumat yoxdur",
		Neighbour:        "Ermənistan (istiqamət üçün)",
		Context:          "Açıq ton: izlənilən 12 rayondan kənar",
		Attribution:      "Nəzarət: mapsvc reyestri (hər hadisə üçün mənbələr). Sərhədlər: Natural Earth (ictimai mülkiyyət).",
		PartialWord:      "qismən",
		ApproxLine:       "Təqribi xətt, mənbəli yaşayış məntəqələrinə görə (qırıq xətt): hər tərəfin sahəsi nəzarət etdiyi məntəqələrin ətrafında çəkilir",
		AreasWord:        "sahələr təqribidir, hər tərəfin nəzarət etdiyi məntəqələrin ətrafında çəkilib",
		SplitPart:        "%[2]s — %[1]s",
		SplitPartTowns:   "%[2]s (%[3]s daxil olmaqla) — %[1]s",
		SplitSep:         "; ",
		ListSep:          ", ",
		Dirs:             map[string]string{"west": "qərb hissəsi", "east": "şərq hissəsi", "north": "şimal hissəsi", "south": "cənub hissəsi", "north-west": "şimal-qərb hissəsi", "north-east": "şimal-şərq hissəsi", "south-west": "cənub-qərb hissəsi", "south-east": "cənub-şərq hissəsi"},
		UncertWord:       "qeyri-müəyyən",
		ExtentUncertWord: "nəzarət sahəsi dəyişir; dəyişikliyin tarixi dəqiq deyil",
		Months:           [12]string{"yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"},
		DateLayout:       "%[1]d %[2]s %[3]d",
		MonthLayout:      "%[1]s %[2]d",
	},
	geo.LangRU: {
		Title:            "Кто контролировал районы зоны карабахского конфликта",
		Subtitle:         "Контроль на конец дня %s",
		Partial:          "Частичный контроль: штриховка — часть другой стороны",
		Uncertain:        "Неясно: дата перехода известна неточно",
		Unknown:          "Нет данных",
		Neighbour:        "Армения (для ориентира)",
		Context:          "Светлый тон: вне 12 отслеживаемых районов",
		Attribution:      "Контроль: реестр mapsvc (источники по каждому событию). Границы: Natural Earth (общественное достояние).",
		PartialWord:      "частично",
		ApproxLine:       "Приблизительная линия по населённым пунктам с источниками (пунктир): область каждой стороны строится вокруг её пунктов",
		AreasWord:        "области приблизительны, построены вокруг пунктов, которые удерживала каждая сторона",
		SplitPart:        "%[2]s — %[1]s",
		SplitPartTowns:   "%[2]s (в том числе %[3]s) — %[1]s",
		SplitSep:         "; ",
		ListSep:          ", ",
		Dirs:             map[string]string{"west": "западная часть", "east": "восточная часть", "north": "северная часть", "south": "южная часть", "north-west": "северо-западная часть", "north-east": "северо-восточная часть", "south-west": "юго-западная часть", "south-east": "юго-восточная часть"},
		UncertWord:       "неясно",
		ExtentUncertWord: "границы контроля меняются; дата перехода известна неточно",
		Months:           [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
		MonthsAlone:      [12]string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
		DateLayout:       "%[1]d %[2]s %[3]d г.",
		MonthLayout:      "%[1]s %[2]d г.",
	},
	geo.LangHY: {
		Title:            "Ով էր վերահսկում Լեռնային Ղարաբաղի հակամարտության գոտու շրջանները",
		Subtitle:         "Վերահսկողությունը %s օրվա վերջի դրությամբ",
		Partial:          "Մասնակի վերահսկողություն. գծերը մյուս կողմի մասն են",
		Uncertain:        "Անորոշ. փոփոխության ամսաթիվը ճշգրիտ հայտնի չէ",
		Unknown:          "Տվյալներ չկան",
		Neighbour:        "Հայաստան (կողմնորոշման համար)",
		Context:          "Բաց երանգ. 12 դիտարկվող շրջաններից դուրս",
		Attribution:      "Վերահսկողություն. mapsvc մատյան (աղբյուրները՝ ըստ իրադարձության)։ Սահմաններ. Natural Earth (հանրային սեփականություն)։",
		PartialWord:      "մասնակի",
		ApproxLine:       "Մոտավոր գիծ՝ ըստ աղբյուրներով հաստատված բնակավայրերի (կետագիծ). յուրաքանչյուր կողմի տարածքը գծվում է նրա բնակավայրերի շուրջ",
		AreasWord:        "տարածքները մոտավոր են՝ գծված յուրաքանչյուր կողմի վերահսկած բնակավայրերի շուրջ",
		SplitPart:        "%[2]s՝ %[1]s",
		SplitPartTowns:   "%[2]s (այդ թվում՝ %[3]s)՝ %[1]s",
		SplitSep:         "; ",
		ListSep:          ", ",
		Dirs:             map[string]string{"west": "արևմտյան մասը", "east": "արևելյան մասը", "north": "հյուսիսային մասը", "south": "հարավային մասը", "north-west": "հյուսիս-արևմտյան մասը", "north-east": "հյուսիս-արևելյան մասը", "south-west": "հարավ-արևմտյան մասը", "south-east": "հարավ-արևելյան մասը"},
		UncertWord:       "անորոշ",
		ExtentUncertWord: "վերահսկվող տարածքը փոխվում է. փոփոխության ամսաթիվը ճշգրիտ չէ",
		Months:           [12]string{"հունվարի", "փետրվարի", "մարտի", "ապրիլի", "մայիսի", "հունիսի", "հուլիսի", "օգոստոսի", "սեպտեմբերի", "հոկտեմբերի", "նոյեմբերի", "դեկտեմբերի"},
		MonthsAlone:      [12]string{"հունվար", "փետրվար", "մարտ", "ապրիլ", "մայիս", "հունիս", "հուլիս", "օգոստոս", "սեպտեմբեր", "հոկտեմբեր", "նոյեմբեր", "դեկտեմբեր"},
		DateLayout:       "%[3]d թ. %[2]s %[1]d",
		MonthLayout:      "%[2]d թ. %[1]s",
	},
}

func wordsFor(lang geo.Lang) words {
	if w, ok := dictionary[lang]; ok {
		return w
	}
	return dictionary[geo.LangEN]
}

// LongDate writes a day the way lang writes dates, e.g. "25 November 2020".
func LongDate(d geo.Day, lang geo.Lang) string {
	w := wordsFor(lang)
	y, m, day := d.Date()
	return fmt.Sprintf(w.DateLayout, day, w.Months[m-1], y)
}

// Title is the map's title in lang, for pages and oEmbed.
func Title(lang geo.Lang) string { return wordsFor(lang).Title }

// Subtitle names the date the map shows, in lang.
func Subtitle(d geo.Day, lang geo.Lang) string {
	return fmt.Sprintf(wordsFor(lang).Subtitle, LongDate(d, lang))
}

// RTL reports whether lang is written right to left.
func RTL(lang geo.Lang) bool { return lang == geo.LangAR }

// DateWords are a language's month names and date layouts, for clients
// that format dates themselves (the map page) so that they write dates
// exactly as the static map does. Layouts use {d}, {m} and {y}.
type DateWords struct {
	Months      [12]string `json:"months"`
	MonthsAlone [12]string `json:"months_alone"`
	Day         string     `json:"day"`
	Month       string     `json:"month"`
}

// DateWordsFor returns lang's month names and layouts.
func DateWordsFor(lang geo.Lang) DateWords {
	w := wordsFor(lang)
	alone := w.MonthsAlone
	if alone[0] == "" {
		alone = w.Months
	}
	day := strings.NewReplacer("%[1]d", "{d}", "%[2]s", "{m}", "%[3]d", "{y}").Replace(w.DateLayout)
	month := strings.NewReplacer("%[1]s", "{m}", "%[2]d", "{y}").Replace(w.MonthLayout)
	return DateWords{Months: w.Months, MonthsAlone: alone, Day: day, Month: month}
}
