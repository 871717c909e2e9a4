package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// relKind tells how a date expression relates to the publication date.
type relKind uint8

const (
	relNone      relKind = iota // absolute, possibly without a year
	relDays                     // publication date + offset days (اليوم، أمس، غدا)
	relWeekday                  // a weekday near the publication date
	relSameMonth                // a day of the month of the previous date in the text
	relSameYear                 // the year of the previous date in the text ("that year")
	relThisDay                  // "on this day in 1992", "في نفس اليوم من عام 1992": the day of the text, that year
	relMonth                    // a month relative to the publication month
	relYear                     // a year relative to the publication year
	relShift                    // offset days from the date just spoken of, else the publication date ("a day before", "في اليوم التالي")
	relWeek                     // a week relative to the publication week ("last week"), told to its month
	relWarDay                   // offset days after the first day of a war the ledger starts ("the 34th day of the war")
)

// dateExpr is a date as written, before it is resolved against the
// publication date. Tokens [i, j) of the sentence hold it.
type dateExpr struct {
	i, j        int
	year, month int
	day, dayEnd int
	rel         relKind
	offset      int  // days for relDays, months for relMonth, years for relYear
	same        bool // relShift: "the same day", offset 0 from the day just spoken of
	that        bool // "on that day", "في ذلك اليوم": the same, reaching a few sentences back
	months      bool // relShift: offset counts months ("two months later", "بعد شهرين")
	weekday     time.Weekday
	hasWeekday  bool
	dir         int // relWeekday: 0 on or before, -1 strictly before, +1 strictly after
	qual        int // month qualifier (qualThis …)
	approx      bool
	yearOff     int    // with hasYearOff: years from the publication year ("8 November last year")
	hasYearOff  bool   // the year is written relative to the publication's
	word        string // the words, for DateHow
	today       bool   // "today" (with or without a weekday): a publication-date clue
	bareDay     bool   // relMonth: "on the 8th", a day with no month, not after the publication day
	weekend     bool   // relWeekday: the Saturday and Sunday ("over the weekend")
	// seriesYear: the year written once after a list of days ("20
	// November, 25 November and 1 December 2020"), for the days before it
	seriesYear int
}

// civil is a resolved calendar date with its precision.
type civil struct {
	y, m, d int
	d2      int // last day of a range, same month
	prec    string
}

// String formats a civil date the way the ledger writes it.
func (c civil) String() string {
	switch c.prec {
	case "year":
		return fmt.Sprintf("%04d", c.y)
	case "month":
		return fmt.Sprintf("%04d-%02d", c.y, c.m)
	case "range":
		return fmt.Sprintf("%04d-%02d-%02d/%04d-%02d-%02d", c.y, c.m, c.d, c.y, c.m, c.d2)
	}
	return fmt.Sprintf("%04d-%02d-%02d", c.y, c.m, c.d)
}

func (c civil) time() time.Time {
	m, d := c.m, c.d
	if m == 0 {
		m = 1
	}
	if d == 0 {
		d = 1
	}
	return time.Date(c.y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

func civilOf(t time.Time) civil {
	return civil{y: t.Year(), m: int(t.Month()), d: t.Day(), prec: "day"}
}

// validDay reports whether y-m-d exists in the Gregorian calendar.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// tokenStems returns the normalised forms of a token with and without a
// clitic prefix.
func tokenStems(t token) []string {
	if t.kind != tokWord {
		return nil
	}
	if t.stems == nil {
		st, _ := stems(t.norm)
		return st
	}
	return t.stems
}

func hasStem(t token, set map[string]bool) bool {
	for _, s := range tokenStems(t) {
		if set[s] {
			return true
		}
	}
	return false
}

func stemIn[V any](t token, m map[string]V) (V, bool) {
	for _, s := range tokenStems(t) {
		if v, ok := m[s]; ok {
			return v, true
		}
	}
	var zero V
	return zero, false
}

func isWordAt(ts []token, k int, words ...string) bool {
	if k < 0 || k >= len(ts) || ts[k].kind != tokWord {
		return false
	}
	for _, w := range words {
		if ts[k].norm == w {
			return true
		}
	}
	return false
}

// ordinalWordAt reads an ordinal written as a word at token k ("fourth",
// "الرابعة", and "twenty-fourth" with the tens before the hyphen).
func ordinalWordAt(ts []token, k int) (int, bool) {
	if k < 0 || k >= len(ts) || ts[k].kind != tokWord {
		return 0, false
	}
	n, ok := ordinalDays[strings.TrimSuffix(ts[k].norm, "ه")]
	if ok && n < 10 && k > 1 && ts[k-1].raw == "-" {
		if u, isTens := numberWords[ts[k-2].norm]; isTens && u >= 20 && u%10 == 0 {
			n += u
		}
	}
	return n, ok
}

// numAt reads a number token as an int (any digit script, already folded).
func numAt(ts []token, k int) (int, bool) {
	if k < 0 || k >= len(ts) || ts[k].kind != tokNum || len(ts[k].norm) > 6 {
		return 0, false
	}
	n, err := strconv.Atoi(ts[k].norm)
	return n, err == nil
}

// monthAt recognises a month name at token k, one word or a Levantine
// pair, optionally followed by "/" and the same month in another
// tradition ("نوفمبر/تشرين الثاني"). It returns the month, the index after
// it and whether the name alone is unambiguous.
func monthAt(ts []token, k int) (month, next int, strong bool) {
	m, n, weak := month1(ts, k)
	if m == 0 {
		return 0, k, false
	}
	strong = !weak
	// "نوفمبر/ تشرين الثاني", "November (Nov)"
	if n+1 < len(ts) && ts[n].kind == tokPunct && (ts[n].raw == "/" || ts[n].raw == "(") {
		if m2, n2, _ := month1(ts, n+1); m2 != 0 {
			strong = true
			n = n2
			if n < len(ts) && ts[n].raw == ")" {
				n++
			}
		}
	}
	return m, n, strong
}

func month1(ts []token, k int) (month, next int, weak bool) {
	if k >= len(ts) || ts[k].kind != tokWord {
		return 0, k, false
	}
	for _, s := range tokenStems(ts[k]) {
		if k+1 < len(ts) && ts[k+1].kind == tokWord {
			if m, ok := monthPairs[[2]string{s, ts[k+1].norm}]; ok {
				return m, k + 2, false
			}
		}
	}
	for _, s := range tokenStems(ts[k]) {
		if m, ok := monthWords[s]; ok {
			n := k + 1
			if n < len(ts) && ts[n].raw == "." && len(s) <= 4 { // "Nov."
				n++
			}
			return m, n, weakMonths[s]
		}
	}
	return 0, k, false
}

// yearAt reads a plausible year (1900..2100) at token k, skipping a
// following "م" (CE). A Hijri year ("هـ") is refused.
func yearAt(ts []token, k int) (year, next int, ok bool) {
	y, isNum := numAt(ts, k)
	if !isNum || y < 1900 || y > 2100 || len(ts[k].norm) != 4 {
		return 0, k, false
	}
	n := k + 1
	if n < len(ts) && ts[n].kind == tokWord {
		switch ts[n].norm {
		case "م":
			n++
		case "ه", "هـ", "هجري", "هجريه":
			return 0, k, false
		}
	}
	return y, n, true
}

// dayAt reads a day of the month at k: a number 1..31 (with an English
// "th" suffix) or an Arabic ordinal ("العاشر", "الحادي عشر", "الخامس
// والعشرين").
func dayAt(ts []token, k int) (day, next int, ok bool) {
	if d, isNum := numAt(ts, k); isNum {
		if d < 1 || d > 31 || len(ts[k].norm) > 2 {
			return 0, k, false
		}
		n := k + 1
		if n < len(ts) && ts[n].kind == tokWord && ts[n].start == ts[k].end {
			switch ts[n].norm {
			case "st", "nd", "rd", "th":
				n++
			}
		}
		return d, n, true
	}
	if k >= len(ts) || ts[k].kind != tokWord {
		return 0, k, false
	}
	// "twenty-fifth", "thirty first": a tens number word, then an ordinal
	// of a unit
	if tens := numberWords[ts[k].norm]; tens == 20 || tens == 30 {
		n := k + 1
		if n < len(ts) && ts[n].raw == "-" && ts[n].start == ts[k].end {
			n++
		}
		if n < len(ts) && ts[n].kind == tokWord {
			if u, ok := ordinalDays[ts[n].norm]; ok && u < 10 && tens+u <= 31 {
				return tens + u, n + 1, true
			}
		}
		return 0, k, false
	}
	v, isOrd := ordinalDays[ts[k].norm]
	if !isOrd && !latinWord(ts[k]) && k+1 < len(ts) && monthWords[ts[k+1].norm] != 0 {
		// "في ثاني أكتوبر": an Arabic ordinal without its article, right
		// before a month name
		v, isOrd = ordinalDays["ال"+ts[k].norm]
	}
	if !isOrd {
		return 0, k, false
	}
	n := k + 1
	if v < 10 && n < len(ts) {
		switch ts[n].norm {
		case "عشر", "عشره":
			return v + 10, n + 1, true
		case "والعشرين":
			return v + 20, n + 1, true
		case "والثلاثين":
			if v == 1 {
				return 31, n + 1, true
			}
		}
	}
	if ts[k].norm == "الحادي" {
		return 0, k, false
	}
	return v, n, true
}

// qualAt reads a month qualifier (الجاري، الماضي …) at k.
func qualAt(ts []token, k int) (int, int) {
	if k < len(ts) && ts[k].kind == tokWord {
		if q, ok := monthQualifiers[ts[k].norm]; ok {
			return q, k + 1
		}
	}
	return qualNone, k
}

// parseDates finds the date expressions of one sentence, left to right,
// without overlaps.
func parseDates(ts []token) []dateExpr {
	var out []dateExpr
	for i := 0; i < len(ts); {
		if e, ok := dateAt(ts, i); ok {
			e.word = joinRaw(ts, e.i, e.j)
			out = append(out, e)
			i = e.j
			continue
		}
		i++
	}
	seriesYears(ts, out)
	return out
}

// seriesYears gives the days of a list written with one year at its end
// ("on 20 November, 25 November and 1 December 2020", "في 20 نوفمبر و25
// نوفمبر و1 ديسمبر 2020", "from 27 September to 10 November 2020") that
// year.
func seriesYears(ts []token, ds []dateExpr) {
	for k := len(ds) - 2; k >= 0; k-- {
		next := ds[k+1]
		y := next.year
		if y == 0 {
			y = next.seriesYear
		}
		e := &ds[k]
		if y == 0 || e.rel != relNone || e.year != 0 || e.month == 0 || next.rel != relNone || next.month == 0 || !seriesGap(ts, e.j, next.i) {
			continue
		}
		e.seriesYear = y
	}
}

// seriesGap reports the words between two dates of a list: a comma, "and",
// "to" and the like, at most two of them.
func seriesGap(ts []token, from, to int) bool {
	if to-from > 2 || to < from {
		return false
	}
	for k := from; k < to; k++ {
		if !(isComma(ts[k]) || isWordAt(ts, k, "and", "to", "until", "till", "و", "الي", "حتي") || ts[k].raw == "-" || ts[k].raw == "–") {
			return false
		}
	}
	return true
}

func joinRaw(ts []token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i && ts[k].start > ts[k-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(ts[k].raw)
	}
	return b.String()
}

// dateReaders read a date starting at a token, tried in this order: the
// first that reads one wins.
var dateReaders = []func([]token, int) (dateExpr, bool){
	warDayAt, numericDateAt, thisDayAt, yearFirstAt, dayFirstAt, monthFirstAt, countAgoAt, dayShiftAt,
	lastWeekAt, fewDaysAgoAt, relativeAt, bareYearAt, sameMonthRefAt, sameYearRefAt,
}

// warDayAt reads a day counted in a war: "the 34th day of the Patriotic
// War", "day 10 of the fighting", "اليوم الـ34 من الحرب", "في اليوم
// العاشر للمعارك". The ledger's offensive starts date it (relWarDay).
func warDayAt(ts []token, i int) (dateExpr, bool) {
	e := dateExpr{i: i, rel: relWarDay}
	var n, k int
	switch {
	case isWordAt(ts, i, "اليوم", "واليوم"):
		k = i + 1
		if isWordAt(ts, k, "ال") {
			k++ // "الـ34"
		}
		if v, ok := numAt(ts, k); ok {
			n, k = v, k+1
		} else if v, ok := ordinalWordAt(ts, k); ok {
			n, k = v, k+1
			if v < 10 && k < len(ts) && ts[k].kind == tokWord {
				w := strings.TrimPrefix(ts[k].norm, "و")
				if tens, ok := ordinalDays[w]; ok && tens >= 20 && tens%10 == 0 {
					n, k = v+tens, k+1 // "الرابع والثلاثين"
				} else if isWordAt(ts, k, "عشر", "عشره") {
					n, k = v+10, k+1
				}
			}
		}
		if n == 0 {
			return dateExpr{}, false
		}
		if isWordAt(ts, k, "من") {
			k++
		}
		if k >= len(ts) || ts[k].kind != tokWord || !warNoun(ts[k]) {
			return dateExpr{}, false
		}
		e.j = k + 1
	case isWordAt(ts, i, "day") && ts[min(i+1, len(ts)-1)].kind == tokNum:
		v, _ := numAt(ts, i+1) // "day 34 of the war"
		n, k = v, i+2
		fallthrough
	default:
		if n == 0 {
			v, ok := ordinalAt(ts, i) // "34th", "tenth"
			if !ok {
				return dateExpr{}, false
			}
			n, k = v, i+1
			if ts[i].kind == tokNum {
				k++ // its suffix
			}
			if !isWordAt(ts, k, "day") {
				return dateExpr{}, false
			}
			k++
		}
		if !isWordAt(ts, k, "of") {
			return dateExpr{}, false
		}
		for m := k + 1; m < len(ts) && m <= k+5 && ts[m].kind == tokWord; m++ {
			if warNoun(ts[m]) {
				e.j = m + 1
			}
		}
		if e.j == 0 {
			return dateExpr{}, false
		}
	}
	if n < 1 || n > 400 {
		return dateExpr{}, false
	}
	e.offset = n - 1
	return e, true
}

// warNoun reports a word that names a war, its fighting or an offensive.
func warNoun(t token) bool {
	if rest, ok := strings.CutPrefix(t.norm, "لل"); ok {
		t = token{norm: "ال" + rest, raw: "ال" + rest, kind: tokWord} // "للحرب": of the war
	}
	return hasStem(t, fightWords) || hasStem(t, operationWords) || hasStem(t, warNames)
}

// sameYearRefAt reads the year just spoken of, named without a number:
// "that year", "the same year", "العام نفسه", "نفس العام", "السنة نفسها".
func sameYearRefAt(ts []token, i int) (dateExpr, bool) {
	e := dateExpr{i: i, rel: relSameYear}
	switch {
	case isWordAt(ts, i, "that") && isWordAt(ts, i+1, "year") && !isWordAt(ts, i+2, "of"):
		e.j = i + 2 // not "that year of …"
	case isWordAt(ts, i, "the") && isWordAt(ts, i+1, "same") && isWordAt(ts, i+2, "year"):
		e.j = i + 3
	case isWordAt(ts, i, "العام", "السنه") && isWordAt(ts, i+1, "نفسه", "ذاته", "نفسها", "ذاتها"):
		e.j = i + 2
	case isWordAt(ts, i, "نفس", "ذات") && isWordAt(ts, i+1, "العام", "السنه"):
		e.j = i + 2
	default:
		return dateExpr{}, false
	}
	return e, true
}

// sameMonthRefAt reads the month just spoken of, named without a day:
// "that month", "the same month", "later that month", "by the end of the
// month", "الشهر نفسه", "نفس الشهر", "الشهر ذاته". (A plain "نهاية الشهر"
// is this month's end in news, so it is not read.)
func sameMonthRefAt(ts []token, i int) (dateExpr, bool) {
	e := dateExpr{i: i, rel: relSameMonth}
	k := i
	if isWordAt(ts, k, "by") && isWordAt(ts, k+1, "the") && isWordAt(ts, k+2, "end") {
		k++ // "by the end of the month": a month reached, not a deadline still to come
	}
	if isWordAt(ts, k, "the") && isWordAt(ts, k+1, "end") && isWordAt(ts, k+2, "of") {
		k += 3
		if isWordAt(ts, k, "the") && isWordAt(ts, k+1, "month") {
			e.j = k + 2
			return e, true
		}
	}
	switch {
	case isWordAt(ts, k, "that") && isWordAt(ts, k+1, "month"):
		e.j = k + 2
	case isWordAt(ts, k, "the", "that") && isWordAt(ts, k+1, "same") && isWordAt(ts, k+2, "month"):
		e.j = k + 3
	case isWordAt(ts, k, "الشهر") && isWordAt(ts, k+1, "نفسه", "ذاته"):
		e.j = k + 2
	case isWordAt(ts, k, "نفس", "ذات") && isWordAt(ts, k+1, "الشهر"):
		e.j = k + 2
	default:
		return dateExpr{}, false
	}
	return e, true
}

func dateAt(ts []token, i int) (dateExpr, bool) {
	for _, read := range dateReaders {
		if e, ok := read(ts, i); ok {
			return e, true
		}
	}
	return dateExpr{}, false
}

// numericDateAt reads d-m-yyyy, d/m/yyyy, d.m.yyyy or yyyy-mm-dd written
// without spaces.
func numericDateAt(ts []token, i int) (dateExpr, bool) {
	if i+4 >= len(ts) {
		return dateExpr{}, false
	}
	a, ok1 := numAt(ts, i)
	b, ok2 := numAt(ts, i+2)
	c, ok3 := numAt(ts, i+4)
	sep := ts[i+1].raw
	if !ok1 || !ok2 || !ok3 || (sep != "-" && sep != "/" && sep != ".") || ts[i+3].raw != sep {
		return dateExpr{}, false
	}
	for k := i; k < i+4; k++ {
		if ts[k].end != ts[k+1].start {
			return dateExpr{}, false
		}
	}
	switch {
	case len(ts[i].norm) == 4 && validDay(a, b, c):
		return dateExpr{i: i, j: i + 5, year: a, month: b, day: c}, true
	case len(ts[i+4].norm) == 4 && validDay(c, b, a):
		return dateExpr{i: i, j: i + 5, year: c, month: b, day: a}, true
	case sep == "." && len(ts[i].norm) == 2 && len(ts[i+2].norm) == 2 && len(ts[i+4].norm) == 2 && (c >= 88 || c <= 30):
		// "22.09.23", "08.05.12": a day, a month and a two-digit year,
		// the European way (the conflict's years run from 1988)
		y := 2000 + c
		if c >= 88 {
			y = 1900 + c
		}
		if validDay(y, b, a) {
			return dateExpr{i: i, j: i + 5, year: y, month: b, day: a}, true
		}
	}
	return dateExpr{}, false
}

// dayFirstAt reads "3 مايو 2021", "4 من يوليو/تموز الحالي", "الثامن من
// مارس", "2 و3 أبريل", "25 of November", "the 9th of the same month".
func dayFirstAt(ts []token, i int) (dateExpr, bool) {
	d, k, ok := dayAt(ts, i)
	if !ok {
		return dateExpr{}, false
	}
	e := dateExpr{i: i, day: d}
	// a range: "2-3 April", "2 و3 أبريل", "2 إلى 3 أبريل"
	if k+1 < len(ts) && (ts[k].raw == "-" || isWordAt(ts, k, "و", "الى", "حتى", "to", "and")) {
		if d2, k2, ok2 := dayAt(ts, k+1); ok2 && d2 > d {
			if _, _, isMonth := monthAfterDay(ts, k2); isMonth {
				e.dayEnd, k = d2, k2
			}
		}
	}
	// "و3": Arabic و glued to the next number is its own token
	if e.dayEnd == 0 && isWordAt(ts, k, "و") {
		if d2, k2, ok2 := dayAt(ts, k+1); ok2 && d2 > d {
			if _, _, isMonth := monthAfterDay(ts, k2); isMonth {
				e.dayEnd, k = d2, k2
			}
		}
	}
	// "في 20 الجاري", "10 من الشهر الماضي", "the 20th of this month"
	if n, off, rel := relMonthAfterDay(ts, k, ts[i].kind == tokNum); rel {
		e.rel, e.offset, e.j = relMonth, off, n
		return e, true
	}
	// "same month" in either word order, and "of the same month"
	if n, same := sameMonthAt(ts, k); same {
		e.rel, e.j = relSameMonth, n
		return e, true
	}
	m, n, isMonth := monthAfterDay(ts, k)
	if !isMonth && k+1 < len(ts) && ts[k].raw == "," && ts[i].kind == tokNum {
		// "15th, October 2023"
		m, n, isMonth = monthAfterDay(ts, k+1)
	}
	if !isMonth && ts[i].kind == tokNum && k == i+2 && isWordAt(ts, i-1, "the") && isWordAt(ts, i-2, "on") &&
		(k == len(ts) || ts[k].kind == tokPunct || isWordAt(ts, k, "that", "and", "when", "after", "before", "the", "at", "in", "with", "by")) { // not "on the 8th floor"
		// "claimed on the 8th that …": a day of the month the news is
		// in, or of the month before when that day is still to come
		e.rel, e.j, e.bareDay = relMonth, k, true
		return e, true
	}
	if !isMonth {
		return dateExpr{}, false
	}
	// "the 10th of this October": an English qualifier before the month
	preQual := qualNone
	if isWordAt(ts, n-2, "this") {
		preQual = qualThis
	} else if isWordAt(ts, n-2, "last") {
		preQual = qualPast
	}
	e.month, k = m, n
	if y, n, ok := yearAt(ts, k); ok {
		e.year, k = y, n
	} else if isWordAt(ts, k, "عام", "العام", "سنه", "لعام", "للعام", "لسنه") {
		// "8 مايو عام 1992": the year noun between month and year
		if y, n, ok := yearAt(ts, k+1); ok {
			e.year, k = y, n
		}
	} else if isWordAt(ts, k, "من", "of") && isWordAt(ts, k+1, "عام", "العام", "سنه", "السنه", "year", "the") {
		// "8 نوفمبر من العام 2020", "8 November of the year 2020"
		p := k + 2
		if isWordAt(ts, k+1, "the") && isWordAt(ts, p, "year") {
			p++
		}
		if y, n, ok := yearAt(ts, p); ok {
			e.year, k = y, n
		}
	} else if k < len(ts) && (ts[k].raw == "," || ts[k].raw == "،") {
		if y, n, ok := yearAt(ts, k+1); ok {
			e.year, k = y, n
		} else if isWordAt(ts, k+1, "عام", "العام", "سنه") {
			if y, n, ok := yearAt(ts, k+2); ok {
				e.year, k = y, n // "8 نوفمبر، عام 2020"
			}
		}
	}
	if e.year == 0 {
		if y, n, ok := bracketedYear(ts, k); ok {
			e.year, k = y, n
		} else if off, n, ok := relYearAfterDate(ts, k); ok {
			e.yearOff, e.hasYearOff, k = off, true, n
		}
	}
	e.qual, k = qualAt(ts, k)
	if e.qual == qualNone {
		e.qual = preQual
	}
	if e.day > 28 && e.year != 0 && !validDay(e.year, e.month, e.day) {
		return dateExpr{}, false
	}
	e.j = k
	return e, true
}

// monthAfterDay accepts "من"/"of" between a day and its month, the noun
// "شهر" (month) before the month's name ("الثامن من شهر نوفمبر") and an
// English "this"/"last" ("the 10th of this October").
func monthAfterDay(ts []token, k int) (int, int, bool) {
	if isWordAt(ts, k, "من", "of") {
		k++
		if isWordAt(ts, k, "this", "last") {
			if m, n, _ := monthAt(ts, k+1); m != 0 {
				return m, n, true
			}
		}
	}
	if isWordAt(ts, k, "شهر") {
		if m, n, _ := monthAt(ts, k+1); m != 0 {
			return m, n, true
		}
	}
	m, n, _ := monthAt(ts, k)
	return m, n, m != 0
}

// relMonthAfterDay reads a month told relative to the publication's
// after a day: "20 الحالي" (of the current month), "10 من الشهر الماضي"
// (من may be left out),
// "من هذا الشهر", "the 20th of this month", "of the current month", "of
// last month". The bare qualifier needs a day written in digits. It
// returns the index after it and the month offset.
func relMonthAfterDay(ts []token, k int, numeric bool) (next, offset int, ok bool) {
	if q, n := qualAt(ts, k); q == qualThis && numeric {
		return n, 0, true // "في 20 الجاري": the month is understood
	}
	if isWordAt(ts, k, "من", "of") {
		k++
	} else if !isWordAt(ts, k, "الشهر", "هذا") {
		return k, 0, false
	}
	switch {
	case isWordAt(ts, k, "الشهر"):
		if q, n := qualAt(ts, k+1); q != qualNone {
			return n, qualOffset(q), true
		}
	case isWordAt(ts, k, "هذا") && isWordAt(ts, k+1, "الشهر"):
		return k + 2, 0, true
	case isWordAt(ts, k, "this", "last", "next") && isWordAt(ts, k+1, "month"):
		return k + 2, map[string]int{"last": -1, "this": 0, "next": 1}[ts[k].norm], true
	case isWordAt(ts, k, "the") && isWordAt(ts, k+1, "current") && isWordAt(ts, k+2, "month"):
		return k + 3, 0, true
	}
	return k, 0, false
}

// relYearAfterDate reads a year told relative to the publication's after a
// day and month: "last year", "(of) this year", "من العام الماضي", "العام
// الجاري". It returns the year offset and the index after it.
func relYearAfterDate(ts []token, k int) (offset, next int, ok bool) {
	if k < len(ts) && ts[k].raw == "," {
		k++
	}
	if isWordAt(ts, k, "of") && isWordAt(ts, k+1, "last", "this") && isWordAt(ts, k+2, "year") {
		k++ // "September 20 of this year"
	}
	if isWordAt(ts, k, "last", "this") && isWordAt(ts, k+1, "year") {
		if ts[k].norm == "last" {
			return -1, k + 2, true
		}
		return 0, k + 2, true
	}
	if isWordAt(ts, k, "من") {
		k++
	}
	if isWordAt(ts, k, "العام", "السنه") {
		if q, n := qualAt(ts, k+1); q != qualNone {
			return qualOffset(q), n, true
		}
	}
	return 0, k, false
}

func sameMonthAt(ts []token, k int) (int, bool) {
	switch {
	case isWordAt(ts, k, "من") && isWordAt(ts, k+1, "الشهر") && isWordAt(ts, k+2, "نفسه", "ذاته", "ذات"):
		return k + 3, true
	case isWordAt(ts, k, "من") && isWordAt(ts, k+1, "نفس", "ذات") && isWordAt(ts, k+2, "الشهر"):
		return k + 3, true
	case isWordAt(ts, k, "of") && isWordAt(ts, k+1, "the") && isWordAt(ts, k+2, "same") && isWordAt(ts, k+3, "month"):
		return k + 4, true
	case isWordAt(ts, k, "منه"):
		return k + 1, true // "في 25 منه": of it, the month just named
	}
	return k, false
}

// monthFirstAt reads "أبريل 1993", "نوفمبر الجاري", "أواخر سبتمبر",
// "November 25, 2020", "November 25", "in April 1993".
func monthFirstAt(ts []token, i int) (dateExpr, bool) {
	start := i
	approx := false
	if i < len(ts) && hasStem(ts[i], approxWords) {
		k := i + 1
		if isWordAt(ts, k, "of", "شهر") || k < len(ts) && ts[k].raw == "-" && ts[k].start == ts[i].end {
			k++ // "mid-October"
		}
		if m, _, _ := monthAt(ts, k); m != 0 {
			approx = true
			i = k
		}
	}
	m, k, strong := monthAt(ts, i)
	if m == 0 {
		return dateExpr{}, false
	}
	e := dateExpr{i: start, month: m, approx: approx}
	// English "November 25" / "November 25, 2020"
	if d, n, ok := dayAt(ts, k); ok && ts[k].kind == tokNum && (!approx || latinWord(ts[start])) {
		if _, _, isYear := yearAt(ts, k); !isYear {
			// "the early September 27 shelling": early on that day
			e.approx = false
			e.day, k = d, n
			k = monthFirstDayEnd(ts, k, &e)
			if k < len(ts) && ts[k].raw == "," {
				if y, n2, ok := yearAt(ts, k+1); ok {
					e.year, k = y, n2
				}
			} else if y, n2, ok := yearAt(ts, k); ok {
				e.year, k = y, n2
			}
		}
	}
	if e.year == 0 {
		if y, n, ok := yearAt(ts, k); ok {
			e.year, k = y, n
		} else if y, n, ok := yearAt(ts, k+1); ok && e.day == 0 && latinWord(ts[i]) && ts[k].raw == "," {
			e.year, k = y, n // "in April, 1993": an English comma before the year
		} else if y, n, ok := bracketedYear(ts, k); ok {
			e.year, k = y, n
		} else if y, n, ok := yearNounAt(ts, k); ok {
			e.year, k = y, n
		} else if off, n, ok := relYearAfterDate(ts, k); ok {
			// "نوفمبر من العام الماضي", "in November last year"
			e.yearOff, e.hasYearOff, k = off, true, n
		}
	}
	e.qual, k = qualAt(ts, k)
	if e.qual == qualNone && e.year == 0 && !e.hasYearOff && !approx {
		e.qual, e.i = lastBeforeMonth(ts, start, e.qual, e.i) // "last April"
	}
	if e.day == 0 && e.year == 0 && e.qual == qualNone && !approx && !(e.hasYearOff && strong) {
		// a month alone: only an unambiguous name after "in"/"في"/"منذ"
		if !strong || start == 0 || !isWordAt(ts, start-1, "في", "منذ", "خلال", "in", "since", "during", "وفي", "ومنذ") {
			return dateExpr{}, false
		}
	}
	if e.day != 0 && e.year != 0 && !validDay(e.year, e.month, e.day) {
		return dateExpr{}, false
	}
	e.j = k
	return e, true
}

// relativeAt reads today/yesterday/tomorrow words, weekdays, and "last
// month"/"this year" phrases.
func relativeAt(ts []token, i int) (dateExpr, bool) {
	t := ts[i]
	if t.kind != tokWord {
		return dateExpr{}, false
	}
	st := tokenStems(t)
	has := func(w string) bool {
		for _, s := range st {
			if s == w {
				return true
			}
		}
		return false
	}
	e := dateExpr{i: i, j: i + 1}
	switch {
	case has("اليوم") || t.norm == "today":
		if i > 0 && hasStem(ts[i-1], notTodayBefore) {
			return dateExpr{}, false
		}
		if i+1 < len(ts) && ts[i+1].kind == tokWord && notTodayAfter[ts[i+1].norm] {
			return dateExpr{}, false
		}
		e.rel, e.today = relDays, true
	case has("امس") || has("البارحه") || t.norm == "yesterday":
		e.rel, e.offset = relDays, -1
		if isWordAt(ts, i+1, "الاول") { // أمس الأول
			e.offset, e.j = -2, i+2
		}
	case t.norm == "اول" && isWordAt(ts, i+1, "امس"):
		e.rel, e.offset, e.j = relDays, -2, i+2
	case t.norm == "اول" && isWordAt(ts, i+1, "من") && isWordAt(ts, i+2, "امس"):
		e.rel, e.offset, e.j = relDays, -2, i+3
	case t.norm == "the" && isWordAt(ts, i+1, "day") && isWordAt(ts, i+2, "before") && isWordAt(ts, i+3, "yesterday"):
		e.rel, e.offset, e.j = relDays, -2, i+4
	case has("الليله") && isWordAt(ts, i+1, "الماضيه"), t.norm == "last" && isWordAt(ts, i+1, "night"):
		// "الليلة الماضية", "last night": the evening before the page
		e.rel, e.offset, e.j = relDays, -1, i+2
	case has("غدا") || t.norm == "tomorrow":
		e.rel, e.offset = relDays, 1
	case t.norm == "بعد" && isWordAt(ts, i+1, "غد"):
		e.rel, e.offset, e.j = relDays, 2, i+2
	case (has("الشهر") || t.norm == "month") && i+1 < len(ts):
		if q, n := qualAt(ts, i+1); q != qualNone {
			e.rel, e.offset, e.j = relMonth, qualOffset(q), n
			return e, true
		}
		return dateExpr{}, false
	case has("العام") || has("السنه"):
		if q, n := qualAt(ts, i+1); q != qualNone {
			e.rel, e.offset, e.j = relYear, qualOffset(q), n
			return e, true
		}
		if isWordAt(ts, i+1, "الماضيه") {
			e.rel, e.offset, e.j = relYear, -1, i+2
			return e, true
		}
		return dateExpr{}, false
	case (t.norm == "last" || t.norm == "the" && isWordAt(ts, i-1, "over", "at", "during")) && isWordAt(ts, i+1, "weekend"):
		// "over the weekend", "last weekend": the Saturday and Sunday
		// before the day of the report
		e.rel, e.weekday, e.hasWeekday, e.weekend, e.j = relWeekday, time.Saturday, true, true, i+2
		return e, true
	case (t.norm == "last" || t.norm == "this" || t.norm == "next") && isWordAt(ts, i+1, "month", "year"):
		e.rel, e.j = relMonth, i+2
		if ts[i+1].norm == "year" {
			e.rel = relYear
		}
		e.offset = map[string]int{"last": -1, "this": 0, "next": 1}[t.norm]
		return e, true
	default:
		return weekdayAt(ts, i)
	}
	// a weekday after the relative word: "اليوم السبت", "أمس الثلاثاء",
	// "today, Wednesday", "yesterday (Monday)"
	k := e.j
	paren := k < len(ts) && ts[k].raw == "("
	if k < len(ts) && (ts[k].raw == "," || paren) {
		k++
	}
	if k < len(ts) {
		if wd, ok := stemIn(ts[k], weekdayWords); ok {
			e.weekday, e.hasWeekday, e.j = wd, true, k+1
			if paren && k+1 < len(ts) && ts[k+1].raw == ")" {
				e.j = k + 2
			}
		}
	}
	return e, true
}

// A shift counted from a day just spoken of reaches about a month: a war's
// chronicle counts days and weeks ("thirteen days later", "two weeks
// later"); longer counts are anniversaries and durations.
const (
	maxShiftDays   = 31
	maxShiftWeeks  = 4
	maxShiftMonths = 6 // "two months later" after a month: the chronicle of a war's year
)

// dayShiftAt reads days counted from another day: "a day before", "the
// day after", "two days later", "the previous day", "قبل يوم", "بعد
// يومين", "قبل ثلاثة أيام", "في اليوم السابق", "اليوم التالي". A count
// tied to an event ("a day after the truce", "قبل يومين من التحرير",
// "اليوم التالي لتوقيع") is that event's day, not a date, and "the day
// before yesterday" is relativeAt's.
func dayShiftAt(ts []token, i int) (dateExpr, bool) {
	t := ts[i]
	if t.kind != tokWord {
		return dateExpr{}, false
	}
	e := dateExpr{i: i, rel: relShift}
	dir := func(k int) int {
		switch {
		case hasStem(ts[k], daysBack):
			return -1
		case hasStem(ts[k], daysForward):
			return 1
		}
		return 0
	}
	// what follows must not tie the count to an event or be "yesterday"
	free := func(k int) bool {
		if k >= len(ts) || ts[k].kind != tokWord {
			return true
		}
		w := ts[k].norm
		return !(isLatinWord(w) || w == "من" || w == "علي" || w == "امس" || strings.HasPrefix(w, "ل") && runeLen(w) > 3)
	}
	switch {
	case isWordAt(ts, i, "the", "that") && i+2 < len(ts) && sameDayWord(ts[i+1]) && isWordAt(ts, i+2, "day"):
		// "on the same day": the day just spoken of; opening its sentence
		// ("On the same day, …") it reaches as far back as "that day"
		e.same, e.j = true, i+3
		e.that = i <= 2 && (i == 0 || isWordAt(ts, i-1, "on", "في", "وفي"))
	case isWordAt(ts, i, "that") && isWordAt(ts, i+1, "day") && isWordAt(ts, i-1, "on") && !isWordAt(ts, i+2, "in", "of"),
		isWordAt(ts, i, "ذلك", "تلك") && i+1 < len(ts) && ts[i+1].kind == tokWord && strings.HasSuffix(ts[i+1].norm, "اليوم"):
		// "on that day", "في ذلك اليوم": the day just spoken of ("on
		// that day in 1992" dates by its year instead)
		e.same, e.that, e.j = true, true, i+2
	case strings.HasSuffix(t.norm, "اليوم") && i+1 < len(ts) && ts[i+1].kind == tokWord && sameDayWord(ts[i+1]):
		// "في اليوم نفسه", "اليوم ذاته"
		e.same, e.j = true, i+2
	case sameDayWord(t) && i+1 < len(ts) && ts[i+1].kind == tokWord && strings.HasSuffix(ts[i+1].norm, "اليوم"):
		// "في نفس اليوم", "بذات اليوم"
		e.same, e.j = true, i+2
	case isWordAt(ts, i, "the") && i+2 < len(ts) && hasStem(ts[i+2], dayUnits) && isWordAt(ts, i+1, "previous", "next", "following"):
		// "the previous day", "the next day"
		e.offset, e.j = dir(i+1), i+3
	case isWordAt(ts, i, "the", "that") && isWordAt(ts, i+1, "same") && isWordAt(ts, i+2, "day"):
		// "on the same day": the day just spoken of
		if !free(i + 3) {
			return dateExpr{}, false // "the same day as the truce"
		}
		e.j = i + 3
		return e, true
	case strings.HasSuffix(t.norm, "اليوم"):
		// "في اليوم السابق", "اليوم التالي"
		if i+1 >= len(ts) || dir(i+1) == 0 || isWordAt(ts, i+1, "قبل", "بعد") || !free(i+2) {
			return dateExpr{}, false
		}
		e.offset, e.j = dir(i+1), i+2
	case !isLatinWord(t.norm) && dir(i) != 0 && !isWordAt(ts, i, "السابق", "التالي"):
		// "قبل يوم [واحد]", "بعد يومين", "قبل ثلاثة أيام"
		d := dir(i)
		n, k := 0, i+1
		switch {
		case isWordAt(ts, k, "يوم", "يوما"):
			n, k = 1, k+1
			if isWordAt(ts, k, "واحد") {
				k++
			}
		case k < len(ts) && hasStem(ts[k], dayDuals):
			n, k = 2, k+1
		case isWordAt(ts, k, "اسبوع", "اسبوعا"):
			n, k = 7, k+1
		case isWordAt(ts, k, "شهر", "شهرا") && !monthNamed(ts, k+1):
			n, k, e.months = 1, k+1, true // "بعد شهر" (not "شهر مايو", the month of May)
		case isWordAt(ts, k, "شهرين", "شهران"):
			n, k, e.months = 2, k+1, true
		case k < len(ts) && hasStem(ts[k], weekDuals):
			n, k = 14, k+1
		default:
			if c, ok := smallCountAt(ts, k); ok && k+1 < len(ts) && !strings.HasPrefix(ts[k+1].norm, "ال") {
				switch {
				case hasStem(ts[k+1], dayUnits):
					n, k = c, k+2
				case hasStem(ts[k+1], weekUnits) && c <= maxShiftWeeks:
					n, k = 7*c, k+2
				case isWordAt(ts, k+1, "اشهر", "شهور") && c <= maxShiftMonths:
					n, k, e.months = c, k+2, true
				}
			}
		}
		if n == 0 || n > maxShiftDays || !free(k) {
			return dateExpr{}, false
		}
		e.offset, e.j = d*n, k
	default:
		// "a day before", "the day after", "two days later", "a week
		// later", "two weeks earlier"
		n := 0
		switch {
		case isWordAt(ts, i, "a", "one", "the"):
			n = 1
		default:
			n, _ = smallCountAt(ts, i)
		}
		if n == 0 || i+2 >= len(ts) {
			return dateExpr{}, false
		}
		switch {
		case isWordAt(ts, i+1, "day", "days") && (n == 1) == isWordAt(ts, i+1, "day") && n <= maxShiftDays:
		case isWordAt(ts, i+1, "week", "weeks") && (n == 1) == isWordAt(ts, i+1, "week") && n <= maxShiftWeeks && !isWordAt(ts, i, "the"):
			n *= 7
		case isWordAt(ts, i+1, "month", "months") && (n == 1) == isWordAt(ts, i+1, "month") && n <= maxShiftMonths && !isWordAt(ts, i, "the"):
			e.months = true // "two months later"
		default:
			return dateExpr{}, false
		}
		d := dir(i + 2)
		if d == 0 || isWordAt(ts, i+2, "previous", "next", "following") {
			return dateExpr{}, false
		}
		if isWordAt(ts, i+2, "before", "after") && !free(i+3) {
			return dateExpr{}, false
		}
		if isWordAt(ts, i, "the") && isWordAt(ts, i+2, "later", "earlier") {
			return dateExpr{}, false
		}
		e.offset, e.j = d*n, i+3
	}
	if e.offset == 0 && !e.same {
		return dateExpr{}, false
	}
	return e, true
}

// yearFirstAt reads a day written year first in words ("the 2020
// November 10 trilateral statement"): one date, not a bare year and a
// day that borrows the page's year.
func yearFirstAt(ts []token, i int) (dateExpr, bool) {
	y, k, ok := yearAt(ts, i)
	if !ok || !latinWord(ts[min(k, len(ts)-1)]) {
		return dateExpr{}, false
	}
	m, k2, _ := monthAt(ts, k)
	if m == 0 || k2 >= len(ts) || ts[k2].kind != tokNum {
		return dateExpr{}, false
	}
	d, k3, ok := dayAt(ts, k2)
	if !ok || !validDay(y, m, d) {
		return dateExpr{}, false
	}
	if _, _, isYear := yearAt(ts, k2); isYear {
		return dateExpr{}, false
	}
	return dateExpr{i: i, j: k3, year: y, month: m, day: d}, true
}

// countAgoAt reads a count of days, weeks or months back from the page:
// "three days ago" (that day), "two weeks ago" (about then: the month),
// "three months ago", "قبل ثلاثة أشهر", "منذ شهرين" (the month). "Ago"
// counts from the page, never from a day the text spoke of before, unlike
// "three days earlier". Years ago are a duration (parseDurations).
func countAgoAt(ts []token, i int) (dateExpr, bool) {
	e := dateExpr{i: i}
	if isWordAt(ts, i, "قبل", "منذ", "وقبل", "ومنذ") {
		n, k := 0, i+1
		switch {
		case isWordAt(ts, k, "شهر", "شهرا") && !monthNamed(ts, k+1):
			n, k = 1, k+1
		case isWordAt(ts, k, "شهرين", "شهران"):
			n, k = 2, k+1
		default:
			if c, ok := smallCountAt(ts, k); ok && isWordAt(ts, k+1, "اشهر", "شهور") {
				n, k = c, k+2
			}
		}
		if n == 0 || n > 11 || isWordAt(ts, k, "من", "علي") {
			return dateExpr{}, false // "قبل شهرين من الحرب": before an event
		}
		e.rel, e.offset, e.j = relMonth, -n, k
		return e, true
	}
	n := 0
	if isWordAt(ts, i, "a", "one") {
		n = 1
	} else if c, ok := smallCountAt(ts, i); ok {
		n = c
	}
	if n == 0 || !isWordAt(ts, i+2, "ago") || isWordAt(ts, i-1, "than", "over", "about", "some", "nearly", "almost") {
		return dateExpr{}, false
	}
	switch {
	case isWordAt(ts, i+1, "day", "days") && n <= maxShiftDays:
		e.rel, e.offset = relDays, -n
	case isWordAt(ts, i+1, "week", "weeks") && n <= maxShiftWeeks:
		e.rel, e.offset, e.approx = relFewDays, -7*n, true
	case isWordAt(ts, i+1, "month", "months") && n <= 11:
		e.rel, e.offset = relMonth, -n
	default:
		return dateExpr{}, false
	}
	e.j = i + 3
	return e, true
}

// smallCountAt reads a count in digits or as a number word.
func smallCountAt(ts []token, k int) (int, bool) {
	if n, ok := numAt(ts, k); ok {
		return n, true
	}
	if k >= 0 && k < len(ts) && ts[k].kind == tokWord {
		if n, ok := stemIn(ts[k], numberWords); ok {
			return n, true
		}
	}
	return 0, false
}

func isLatinWord(w string) bool {
	return w != "" && w[0] < 0x80
}

func qualOffset(q int) int {
	switch q {
	case qualPast:
		return -1
	case qualNext:
		return 1
	}
	return 0
}

// weekdayAt reads a weekday: "يوم الأربعاء", "الأربعاء الماضي", "on
// Wednesday", "last Wednesday". الاثنين (also "the two") needs يوم before
// it or a qualifier after it.
func weekdayAt(ts []token, i int) (dateExpr, bool) {
	k := i
	dir := 0
	if isWordAt(ts, i, "last") {
		dir, k = -1, i+1
	} else if isWordAt(ts, i, "next") {
		dir, k = 1, i+1
	}
	if k >= len(ts) {
		return dateExpr{}, false
	}
	wd, ok := stemIn(ts[k], weekdayWords)
	if !ok {
		return dateExpr{}, false
	}
	e := dateExpr{i: i, j: k + 1, rel: relWeekday, weekday: wd, hasWeekday: true, dir: dir}
	if isWordAt(ts, k+1, "to", "into", "الي") && k+2 < len(ts) && (isWordAt(ts, i-2, "night", "ليله", "الليله") || isWordAt(ts, i-1, "ليله", "night")) {
		// "on the night of Tuesday to Wednesday", "ليلة الثلاثاء إلى
		// الأربعاء": what was done that night is dated by its morning
		if wd2, ok := stemIn(ts[k+2], weekdayWords); ok {
			e.weekday, e.j = wd2, k+3
		}
	}
	if q, n := qualAt(ts, k+1); q == qualPast || q == qualNext {
		e.j = n
		e.dir = qualOffset(q)
	}
	if ts[k].norm == "الاثنين" || ts[k].norm == "والاثنين" {
		if !(e.j > k+1 || isWordAt(ts, k-1, "يوم", "اليوم", "امس", "غدا", "صباح", "مساء", "ويوم")) {
			return dateExpr{}, false
		}
	}
	return e, true
}

// bareYearAt reads a year after a cue word: "عام 1991", "in 1993".
func bareYearAt(ts []token, i int) (dateExpr, bool) {
	y, n, ok := yearAt(ts, i)
	if !ok || i == 0 {
		return dateExpr{}, false
	}
	// "Kalbajar (1993)": a year in brackets after a name dates it
	bracketed := ts[i-1].raw == "(" && n < len(ts) && ts[n].raw == ")" && i > 1 && ts[i-2].kind == tokWord
	if !bracketed && !hasStem(ts[i-1], yearCues) && !headingYear(ts, i, n) {
		return dateExpr{}, false
	}
	if i > 1 && hasStem(ts[i-2], quantityWords) {
		return dateExpr{}, false // "أكثر من 2000 منزل", "less than 1990": a count
	}
	if n+1 < len(ts) && (ts[n].raw == "-" || ts[n].raw == "–") {
		if _, _, span := yearAt(ts, n+1); span {
			return dateExpr{}, false // "in 1991-1992": a span of years dates no single change
		}
	}
	return dateExpr{i: i, j: n, year: y}, true
}

// headingYear reports a year that ends a short heading after a dash or a
// comma after a word ("Liberation of Akna – Artsakh War – 1993"), not
// the end of a span of years: the heading's date.
func headingYear(ts []token, i, n int) bool {
	if len(ts) > 16 || i < 2 || ts[i-2].kind != tokWord || !(isComma(ts[i-1]) || ts[i-1].raw == "-" || ts[i-1].raw == "–" || ts[i-1].raw == "—") {
		return false
	}
	for k := n; k < len(ts); k++ {
		if ts[k].kind != tokPunct {
			return false
		}
	}
	return true
}

// narrativeYear is the date_how of a year-less date that takes the year of
// the narrative it goes on.
const narrativeYear = "explicit (year from the previous date)"

// thatDayBack is how many sentences back "on that day" may find the day
// it points to: a demonstrative reaches past a sentence or two of comment.
const thatDayBack = 3

// resolver turns date expressions into calendar dates against the
// publication date, remembering the last month mentioned for "من الشهر
// نفسه".
type resolver struct {
	wars     []war // the ledger's offensives, for days counted in a war
	pub      time.Time
	hasPub   bool
	yearHint int    // a year known without a publication date
	hintHow  string // how yearHint was found
	prev     civil  // last resolved date with a month
	// lastYear and lastYearSent: the year of the last resolved date,
	// whatever its precision, and its sentence ("before 1993 … that year")
	lastYear, lastYearSent int
	// frontYear and frontYearSent: a bare year opening a sentence ("In
	// 1992, …"), until the next date is read
	frontYear, frontYearSent int
	// prevYear: prev had its year written; prevSent and sent are the
	// sentences of prev and of the date being resolved
	prevYear       bool
	prevSent, sent int
	// written: the year of each day and month the text wrote with one,
	// the last such writing
	written map[[2]int]int
	// today: the day the text calls today when its weekday is not the
	// page's (see writtenToday); it bases today, yesterday and tomorrow
	today    time.Time
	hasToday bool
	// cited: the day of a quoted report's citation line (citedReportDay),
	// the base of the weekdays and "today" of the passage after it
	cited    time.Time
	hasCited bool
}

// writtenToday returns the day a text calls today when that differs from
// the publication date: every "today" that names a weekday names the same
// one, and it is not the publication date's ("اليوم الاثنين" on a page
// dated Tuesday: a wire text posted the next day). That Monday is then
// also the day of a bare "today" elsewhere in the text.
func writtenToday(anns []*annotated, pub time.Time) (time.Time, bool) {
	found := false
	var wd time.Weekday
	for _, a := range anns {
		for _, e := range a.dates {
			if e.rel != relDays || !e.today || e.offset != 0 || !e.hasWeekday {
				continue
			}
			if found && e.weekday != wd || e.weekday == pub.Weekday() {
				return time.Time{}, false
			}
			found, wd = true, e.weekday
		}
	}
	if !found {
		return time.Time{}, false
	}
	return weekdayNear(pub, wd, 0), true
}

// resolve returns the calendar date of e, its precision and how it was
// found; ok is false when e cannot be placed (a relative word without a
// publication date, or an impossible date).
func (r *resolver) resolve(e dateExpr) (c civil, how string, ok bool) {
	defer func() {
		if ok && c.m != 0 {
			r.prev, r.prevYear, r.prevSent = c, e.rel == relNone && (e.year != 0 || how == narrativeYear), r.sent
		}
		if ok && c.y != 0 && e.rel != relSameYear {
			r.lastYear, r.lastYearSent = c.y, r.sent
		}
		r.frontYear = 0
		if ok && c.m == 0 && e.rel == relNone && e.year != 0 && e.i <= 2 {
			r.frontYear, r.frontYearSent = c.y, r.sent // "In 1992, …" opening its sentence
		}
	}()
	if e.rel == relNone && e.year == 0 && e.month != 0 && r.frontYear != 0 && r.frontYearSent == r.sent {
		// "In 1992, … Agdara was liberated on July 4": the year the
		// sentence opens with
		c := civil{y: r.frontYear, m: e.month, d: e.day, prec: "day"}
		if e.day == 0 {
			c.prec = "month"
		}
		if e.day == 0 || validDay(c.y, c.m, c.d) {
			return c, "explicit (year the sentence opens with)", true
		}
	}
	if r.hasCited && (e.rel == relDays || e.rel == relWeekday) {
		if e.rel == relDays {
			return civilOf(r.cited.AddDate(0, 0, e.offset)), fmt.Sprintf("relative to the quoted report's date (%s)", e.word), true
		}
		if e.weekend {
			return weekendOf(r.cited), fmt.Sprintf("relative to the quoted report's date (%s)", e.word), true
		}
		return civilOf(weekdayNear(r.cited, e.weekday, e.dir)), fmt.Sprintf("relative to the quoted report's date (%s)", e.word), true
	}
	switch e.rel {
	case relWarDay:
		return r.warDay(e)
	case relFewDays:
		if !r.hasPub {
			return civil{}, "", false
		}
		// "a few days ago": the month it most likely fell in
		t := r.pub.AddDate(0, 0, e.offset)
		return civil{y: t.Year(), m: int(t.Month()), prec: "month"}, fmt.Sprintf("relative to publication date (%s)", e.word), true
	case relDays:
		if !r.hasPub {
			return civil{}, "", false
		}
		base := r.pub
		if r.hasToday {
			base = r.today
		}
		t := base.AddDate(0, 0, e.offset)
		if e.hasWeekday && e.offset <= 0 && t.Weekday() != e.weekday {
			// "today, Monday" on a page dated Tuesday: the text was
			// written on the Monday and posted later; the weekday it
			// names wins over the page's day
			return civilOf(weekdayNear(t, e.weekday, 0)), fmt.Sprintf("relative to publication date (%s, the weekday it names)", e.word), true
		}
		return civilOf(t), fmt.Sprintf("relative to publication date (%s)", e.word), true
	case relWeekday:
		if !r.hasPub {
			return civil{}, "", false
		}
		if e.weekend {
			return weekendOf(r.pub), fmt.Sprintf("relative to publication date (%s)", e.word), true
		}
		return civilOf(weekdayNear(r.pub, e.weekday, e.dir)), fmt.Sprintf("relative to publication date (%s)", e.word), true
	case relMonth:
		if !r.hasPub {
			return civil{}, "", false
		}
		off := e.offset
		if e.bareDay && e.day > r.pub.Day() {
			off-- // "on the 28th" in a piece of 2 November: 28 October
		}
		t := time.Date(r.pub.Year(), r.pub.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
		if e.day != 0 {
			if !validDay(t.Year(), int(t.Month()), e.day) {
				return civil{}, "", false
			}
			return civil{y: t.Year(), m: int(t.Month()), d: e.day, prec: "day"}, fmt.Sprintf("relative to publication date (%s)", e.word), true
		}
		return civil{y: t.Year(), m: int(t.Month()), prec: "month"}, fmt.Sprintf("relative to publication date (%s)", e.word), true
	case relYear:
		if !r.hasPub {
			return civil{}, "", false
		}
		return civil{y: r.pub.Year() + e.offset, prec: "year"}, fmt.Sprintf("relative to publication date (%s)", e.word), true
	case relWeek:
		if !r.hasPub {
			return civil{}, "", false
		}
		return resolveWeek(r.pub, e), fmt.Sprintf("relative to publication date (%s)", e.word), true
	case relShift:
		// from the day just spoken of in this or the sentence before
		// "the same day" only after a day written with its year: a
		// year-less day before it may be a launch or the page's date
		back := 1
		if e.that {
			back = thatDayBack
		}
		if e.months {
			// "in March 1992 …, and two months later": the month counted
			// from the day or month just spoken of, in its sentence
			if r.sent != r.prevSent || r.prev.y == 0 || r.prev.m == 0 {
				return civil{}, "", false
			}
			t := time.Date(r.prev.y, time.Month(r.prev.m)+time.Month(e.offset), 1, 0, 0, 0, 0, time.UTC)
			return civil{y: t.Year(), m: int(t.Month()), prec: "month"}, fmt.Sprintf("%s (%s)", shiftHow, e.word), true
		}
		if r.prev.prec == "day" && r.prev.d2 == 0 && r.sent-r.prevSent <= back && (e.offset != 0 || r.prevYear) {
			t := r.prev.time().AddDate(0, 0, e.offset)
			if r.sent == r.prevSent {
				return civilOf(t), fmt.Sprintf("%s (%s)", shiftHow, e.word), true
			}
			return civilOf(t), fmt.Sprintf("relative to the date of the sentence before (%s)", e.word), true
		}
		// days later than the page's own are not a day that happened;
		// "the same day" with no day just spoken of dates nothing
		if !r.hasPub || e.offset > 0 || e.same {
			return civil{}, "", false
		}
		base := r.pub
		if r.hasToday {
			base = r.today
		}
		return civilOf(base.AddDate(0, 0, e.offset)), fmt.Sprintf("relative to publication date (%s)", e.word), true
	case relThisDay:
		// the day and month just spoken of, else the publication's
		m, d := r.prev.m, r.prev.d
		if d == 0 && r.hasPub {
			m, d = int(r.pub.Month()), r.pub.Day()
		}
		if d == 0 || !validDay(e.year, m, d) {
			return civil{y: e.year, prec: "year"}, "explicit (the year of 'this day')", true
		}
		return civil{y: e.year, m: m, d: d, prec: "day"}, fmt.Sprintf("explicit (the day spoken of, in %d)", e.year), true
	case relSameYear:
		if r.lastYear == 0 || r.sent-r.lastYearSent > 1 {
			return civil{}, "", false
		}
		return civil{y: r.lastYear, prec: "year"}, fmt.Sprintf("the year of the date before (%s)", e.word), true
	case relSameMonth:
		if e.day == 0 {
			// "by the end of the month": the month of a date just written
			if r.prev.m == 0 || r.prev.y == 0 || r.sent-r.prevSent > 1 {
				return civil{}, "", false
			}
			return civil{y: r.prev.y, m: r.prev.m, prec: "month"}, fmt.Sprintf("the month of the date before (%s)", e.word), true
		}
		if r.prev.m == 0 || !validDay(r.prev.y, r.prev.m, e.day) {
			return civil{}, "", false
		}
		return civil{y: r.prev.y, m: r.prev.m, d: e.day, prec: "day"}, "explicit (month from the previous date)", true
	}
	c = civil{y: e.year, m: e.month, d: e.day, d2: e.dayEnd}
	how = "explicit"
	if c.y != 0 && c.m != 0 && c.d != 0 {
		if r.written == nil {
			r.written = map[[2]int]int{}
		}
		// the last writing wins: a page's own date line ("20 October
		// 2021") and then the day it marks ("On October 20, 2020"): a
		// later "on October 20" goes on with the narrative, not the
		// dateline
		r.written[[2]int{c.m, c.d}] = c.y
	}
	if c.y == 0 && e.hasYearOff {
		if !r.hasPub {
			return civil{}, "", false
		}
		c.y = r.pub.Year() + e.yearOff
		how = fmt.Sprintf("relative to publication date (%s)", e.word)
	}
	if c.y == 0 {
		if c.m == 0 {
			return civil{}, "", false
		}
		if e.seriesYear != 0 {
			c.y, how = e.seriesYear, "explicit (the year written after the list of days)"
		}
	}
	if c.y == 0 {
		y, again := r.written[[2]int{c.m, c.d}]
		// the same sentence wrote a year a few days before ("launched on
		// March 27 in 1993, … occupied Kalbajar on April 2"): its
		// narrative, not the same day written elsewhere (a dateline of
		// the anniversary) gives the year
		inSentence := r.prevYear && r.sent == r.prevSent && r.prev.y != 0 && e.qual == qualNone && !e.today &&
			(r.prev.m == c.m && c.d >= r.prev.d || r.prev.m+1 == c.m && c.d < r.prev.d) // forward, within a month
		switch {
		case again && inSentence && y != r.prev.y:
			c.y = r.prev.y
			how = narrativeYear
		case again && c.d != 0 && e.qual == qualNone:
			// "20 أكتوبر 2020 … وفي 20 أكتوبر": the same day again
			c.y = y
			how = "explicit (year of the same day written before)"
		case r.hasPub && r.prevYear && r.sent-r.prevSent <= 6 && r.prev.y < r.pub.Year()-1 && e.qual == qualNone && !e.today &&
			(r.prev.m == c.m || r.prev.m+1 == c.m || r.prev.m == c.m+1):
			// a narrative of a past year goes on ("launched on 27 March
			// 1993 … occupied Kalbajar on 2 April"), or steps back a few
			// days to tell what led to it ("on 18 May 1992 … On 13 May
			// … On 15 May"): those days are of that year, not of the
			// publication's, a few sentences on
			c.y = r.prev.y
			how = narrativeYear
		case r.hasPub:
			c.y = yearFor(r.pub, c.m, c.d, e.qual)
			how = "explicit (year from publication date)"
		case r.yearHint != 0:
			c.y = r.yearHint
			how = "explicit (year inferred: " + r.hintHow + ")"
		case r.prev.y != 0 && (r.prev.m < c.m || r.prev.m == c.m && r.prev.d <= c.d ||
			r.prevYear && r.sent-r.prevSent <= 6 && e.qual == qualNone && !e.today && (r.prev.m == c.m || r.prev.m == c.m+1)):
			// a narrative goes forward: "on 27 March 1993 … on 3 April",
			// or steps back a few days within it
			c.y = r.prev.y
			how = narrativeYear
		default:
			return civil{}, "", false
		}
	}
	switch {
	case c.m == 0:
		c.prec = "year"
	case c.d == 0 || e.approx:
		c.d, c.d2, c.prec = 0, 0, "month"
	case c.d2 != 0:
		c.prec = "range"
		if !validDay(c.y, c.m, c.d2) {
			return civil{}, "", false
		}
	default:
		c.prec = "day"
	}
	if c.d != 0 && !validDay(c.y, c.m, c.d) {
		return civil{}, "", false
	}
	return c, how, true
}

// yearFor picks the year of a day-month written without one: the most
// recent such date on or before publication, unless a qualifier says
// otherwise (الجاري this month, الماضي the last one, المقبل the next).
func yearFor(pub time.Time, m, d, qual int) int {
	pm, pd := int(pub.Month()), pub.Day()
	y := pub.Year()
	switch qual {
	case qualThis:
		return y
	case qualNext:
		if m < pm || (m == pm && d != 0 && d < pd) {
			return y + 1
		}
		return y
	case qualPast:
		if m < pm || (m == pm && d != 0 && d <= pd) {
			return y
		}
		return y - 1
	}
	if m < pm || (m == pm && (d == 0 || d <= pd)) {
		return y
	}
	// a day in the two weeks after the publication date is of the same
	// year: news of the night, or a date still to come (a year-old day
	// is written with its year)
	if d != 0 && validDay(y, m, d) && time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Sub(pub) <= 14*24*time.Hour {
		return y
	}
	return y - 1
}

// weekdayNear returns the weekday wd nearest to pub in direction dir: 0
// the most recent on or before pub, -1 strictly before, +1 strictly after.
func weekdayNear(pub time.Time, wd time.Weekday, dir int) time.Time {
	switch dir {
	case 1:
		diff := (int(wd) - int(pub.Weekday()) + 7) % 7
		if diff == 0 {
			diff = 7
		}
		return pub.AddDate(0, 0, diff)
	case -1:
		diff := (int(pub.Weekday()) - int(wd) + 7) % 7
		if diff == 0 {
			diff = 7
		}
		return pub.AddDate(0, 0, -diff)
	}
	diff := (int(pub.Weekday()) - int(wd) + 7) % 7
	return pub.AddDate(0, 0, -diff)
}

// yearNounAt reads the year after a month written with the year noun and
// an optional preposition: "أبريل عام 1993", "أبريل من عام 1993", "أبريل
// في عام 1993", "April of 1993".
func yearNounAt(ts []token, k int) (int, int, bool) {
	if isWordAt(ts, k, "من", "في", "of", "in") {
		k++
	}
	if isWordAt(ts, k, "عام", "العام", "سنه", "السنه", "لعام", "للعام", "لسنه") {
		k++
	}
	y, n, ok := yearAt(ts, k)
	return y, n, ok
}

// thisDayAt reads "this day in 1992", "the same day of 1992", "اليوم من
// عام 1992", "هذا اليوم من سنة 1992": the day and month the text speaks
// of (an anniversary's), in the year written.
func thisDayAt(ts []token, i int) (dateExpr, bool) {
	k := i
	switch {
	case isWordAt(ts, k, "this", "that") && isWordAt(ts, k+1, "day"):
		k += 2
	case isWordAt(ts, k, "the") && isWordAt(ts, k+1, "same") && isWordAt(ts, k+2, "day"):
		k += 3
	case isWordAt(ts, k, "اليوم", "واليوم"):
		k++
	default:
		return dateExpr{}, false
	}
	if k < len(ts) && ts[k].raw == "," {
		k++
	}
	if !isWordAt(ts, k, "in", "of", "من", "في") {
		return dateExpr{}, false
	}
	k++
	if isWordAt(ts, k, "عام", "العام", "سنه", "the") {
		k++
	}
	if isWordAt(ts, k, "year") {
		k++
	}
	y, n, ok := yearAt(ts, k)
	if !ok {
		return dateExpr{}, false
	}
	return dateExpr{i: i, j: n, year: y, rel: relThisDay}, true
}

// bracketedYear reads a year an editor put in brackets after a day and
// month ("on July 23 [1993]", "في 23 يوليو (1993)").
func bracketedYear(ts []token, k int) (year, next int, ok bool) {
	if k >= len(ts) || ts[k].raw != "[" && ts[k].raw != "(" {
		return 0, k, false
	}
	y, n, ok := yearAt(ts, k+1)
	if !ok || n >= len(ts) || ts[n].raw != "]" && ts[n].raw != ")" {
		return 0, k, false
	}
	return y, n + 1, true
}

// monthNamed reports a month's name at k ("شهر مايو": the month of May).
func monthNamed(ts []token, k int) bool {
	m, _, _ := monthAt(ts, k)
	return m > 0
}
