package extract

import (
	"strings"
	"unicode"
)

// normalise folds a word to the form used for every lookup: Arabic
// orthographic variants collapse (hamza seats, taa marbuta, alef maqsura,
// Persian letters), diacritics and tatweel disappear, digits of any script
// become ASCII and Latin letters are lower-cased with Azerbaijani/Turkish
// letters folded. News sites write the same name many ways; after this step
// most of those ways are one string.
func normalise(s string) string {
	if isNormal(s) {
		return s // most words: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	mixed := mixedScript(s)
	for _, r := range s {
		switch {
		case isArabicMark(r), r == 'ـ', isInvisible(r):
			// diacritics, tatweel and zero-width joiners carry no spelling
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ' || r == 'ٲ' || r == 'ٳ':
			b.WriteRune('ا')
		case r == 'ؤ':
			b.WriteRune('و')
		case r == 'ئ' || r == 'ى' || r == 'ی' || r == 'ې' || r == 'ێ':
			b.WriteRune('ي')
		case r == 'ة' || r == 'ۀ' || r == 'ھ' || r == 'ە':
			b.WriteRune('ه')
		case r == 'پ':
			b.WriteRune('ب')
		case r == 'گ':
			b.WriteRune('ج') // Egyptian-style g; the skeleton treats ج/غ/ق/ك alike anyway
		case r == 'چ':
			b.WriteString("تش") // Arabic news writes "ch" as تش (لاتشين, كارفاتشار)
		case r == 'ک' || r == 'ڪ':
			b.WriteRune('ك')
		case r == 'ڤ':
			b.WriteRune('ف')
		case r >= '٠' && r <= '٩':
			b.WriteRune('0' + (r - '٠'))
		case r >= '۰' && r <= '۹':
			b.WriteRune('0' + (r - '۰'))
		case r < unicode.MaxASCII:
			b.WriteRune(unicode.ToLower(r))
		case isArabicLetter(r):
			b.WriteRune(r)
		default:
			if h, ok := homoglyphs[r]; ok && mixed {
				b.WriteRune(h)
				continue
			}
			b.WriteString(foldLatin(r))
		}
	}
	return b.String()
}

// homoglyphs are the Cyrillic and Greek letters that look like Latin ones.
// Some sites write English with a few of them mixed in ("thе", "οn", "Mау",
// to dodge copy filters); inside a word that also has ASCII letters they
// are read as the Latin letters they look like. A word in Cyrillic or
// Greek alone keeps its letters.
var homoglyphs = map[rune]rune{
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ѕ': 's', 'ј': 'j', 'ԁ': 'd', 'һ': 'h', 'ԛ': 'q', 'ԝ': 'w',
	'А': 'a', 'В': 'b', 'Е': 'e', 'К': 'k', 'М': 'm', 'Н': 'h', 'О': 'o', 'Р': 'p', 'С': 'c', 'Т': 't', 'Х': 'x', 'І': 'i', 'Ј': 'j', 'Ѕ': 's',
	'ο': 'o', 'α': 'a', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'τ': 't', 'υ': 'u', 'ρ': 'p', 'Ο': 'o', 'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Ζ': 'z', 'Η': 'h', 'Ι': 'i', 'Κ': 'k', 'Μ': 'm', 'Ν': 'n', 'Ρ': 'p', 'Τ': 't', 'Υ': 'y', 'Χ': 'x',
	'ɡ': 'g', 'ɑ': 'a',
}

// mixedScript reports a word with both an ASCII letter and a homoglyph.
func mixedScript(s string) bool {
	ascii, glyph := false, false
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII && unicode.IsLetter(r):
			ascii = true
		case homoglyphs[r] != 0:
			glyph = true
		}
	}
	return ascii && glyph
}

// isNormal reports whether normalise would return s unchanged: plain
// lower-case ASCII, and Arabic letters that have no variant to fold.
func isNormal(s string) bool {
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII:
			if r >= 'A' && r <= 'Z' {
				return false
			}
		case r >= 0x0621 && r <= 0x064A:
			switch r {
			case 'أ', 'إ', 'آ', 'ؤ', 'ئ', 'ى', 'ة', 'ـ':
				return false
			}
		default:
			return false
		}
	}
	return true
}

// foldLatin maps the accented Latin letters of Azerbaijani and Turkish
// romanisations to plain ASCII so "Kəlbəcər" meets "kelbecer".
func foldLatin(r rune) string {
	switch unicode.ToLower(r) {
	case 'ə', 'é', 'è', 'ê':
		return "e"
	case 'ç':
		return "c"
	case 'ş':
		return "s"
	case 'ğ':
		return "g"
	case 'ı', 'í', 'İ', 'i':
		return "i"
	case 'ö', 'ó':
		return "o"
	case 'ü', 'ú':
		return "u"
	case 'á', 'à', 'â', 'ä':
		return "a"
	case '\u2019', '\u2018':
		return "'"
	}
	return string(unicode.ToLower(r))
}

// isArabicMark reports Arabic combining marks: tashkeel, superscript alef
// and Quranic annotation signs.
func isArabicMark(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670 ||
		(r >= 0x06D6 && r <= 0x06ED) || (r >= 0x0610 && r <= 0x061A)
}

// isInvisible reports zero-width and bidi control characters that some
// sites leave inside words.
func isInvisible(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E:
		return true
	}
	return false
}

// isArabicLetter reports whether r is a letter of the Arabic block.
func isArabicLetter(r rune) bool {
	return (r >= 0x0620 && r <= 0x064A) || (r >= 0x066E && r <= 0x06D3) || (r >= 0x06FA && r <= 0x06FF) || (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF && r != 0xFEFF)
}

// arabicPrefixes are the clitics that attach to a following noun or
// verb: conjunctions, prepositions and the article. Longest first so that
// "وال" is tried before "و".
var arabicPrefixes = []string{"وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك"}

// stems returns w followed by the forms of w with one clitic prefix
// removed, keeping at least three letters so that short words are not
// reduced to noise. The second result tells which prefix was removed.
func stems(w string) (out []string, prefixes []string) {
	out, prefixes, _ = stemsInto(nil, w)
	return out, prefixes
}

// stemsInto is stems appending to a shared arena (grown in blocks), so
// that a text's tokens do not each allocate two small slices. The returned
// slices have their capacity clipped: appending to them copies.
func stemsInto(arena []string, w string) (out, prefixes, rest []string) {
	if cap(arena)-len(arena) < 2*(len(arabicPrefixes)+1) {
		arena = make([]string, 0, 4096)
	}
	start := len(arena)
	arena = append(arena, w)
	n := 1
	if w != "" && isArabicLetter(firstRune(w)) {
		for _, p := range arabicPrefixes {
			if strings.HasPrefix(w, p) && runeLen(w[len(p):]) >= 3 {
				arena = append(arena, w[len(p):])
				n++
			}
		}
	}
	out = arena[start : start+n : start+n]
	arena = append(arena, "")
	if n > 1 {
		for _, p := range arabicPrefixes {
			if strings.HasPrefix(w, p) && runeLen(w[len(p):]) >= 3 {
				arena = append(arena, p)
			}
		}
	}
	prefixes = arena[start+n : start+2*n : start+2*n]
	return out, prefixes, arena
}

// pronounSuffixes are attached object pronouns ("it", "them") whose
// presence on a verb means the place is named earlier in the text.
var pronounSuffixes = []string{"هما", "هم", "ها", "ه"}

// stripPronoun removes an attached object pronoun when at least three
// letters remain.
func stripPronoun(w string) (string, bool) {
	for _, s := range pronounSuffixes {
		if strings.HasSuffix(w, s) && runeLen(w)-runeLen(s) >= 3 {
			return strings.TrimSuffix(w, s), true
		}
	}
	return w, false
}

// skeleton reduces a normalised Arabic word to its consonants so that
// spellings differing only in long vowels compare equal: ا و ي are dropped
// (except as the first letter), the letters used for Azerbaijani g/q/k/c
// and kh (ج غ ق ك خ) form one class, as do the z-like letters, "تش" counts
// as ش, and a final ه (from taa marbuta) is dropped.
func skeleton(w string) string {
	rs := []rune(w)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if i > 0 && (r == 'ا' || r == 'و' || r == 'ي' || r == 'ء') {
			continue
		}
		if r == 'ه' && i == len(rs)-1 && i > 1 {
			continue
		}
		if r == 'ت' && i+1 < len(rs) && rs[i+1] == 'ش' {
			continue
		}
		switch r {
		case 'ج', 'غ', 'ق', 'ك', 'خ':
			r = 'K'
		case 'ز', 'ذ', 'ض', 'ظ':
			r = 'Z'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func runeLen(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// latinSkeleton folds a lower-cased, ASCII-folded Latin word to the sounds
// romanisations of one Azerbaijani or Russian name share: a run of vowels
// is one V, the g/k/q/c/x/j family one K (with "kh", "gh", "ch", "dj", "zh"),
// d/t one T, b/p one B, w/v one V-consonant (W), "sh"/"s" one S, h after a
// consonant and doubled letters drop ("Kubatlu", "Qubadli" and "Gubadli"
// are one skeleton; "Zanjilan" and "Zangilan"; "Kelbadjar" and
// "Kalbajar"). Vowel runs stay, so "Capital" is not "Gubadli".
func latinSkeleton(w string) string {
	var b strings.Builder
	last := byte(0)
	put := func(c byte) {
		if c != last {
			b.WriteByte(c)
			last = c
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case c < 'a' || c > 'z':
			return "" // not a plain Latin word
		case strings.IndexByte("aeiouy", c) >= 0:
			put('V')
		case c == 'h':
			if i == 0 {
				put('H')
			} // else: "kh", "gh", "sh" handled with the letter before, "ah" silent
		case c == 'd' && (next == 'j' || next == 'z'):
			// "dj", "dzh": the j sound
		case c == 't' && next == 'c' && i+2 < len(w) && w[i+2] == 'h':
			// "tch": the ch sound
		case c == 'z' && next == 'h':
			put('K')
			i++
		case c == 's' && next == 'h':
			put('S')
			i++
		case strings.IndexByte("gkqcxj", c) >= 0:
			put('K')
		case c == 'd' || c == 't':
			put('T')
		case c == 'b' || c == 'p':
			put('B')
		case c == 'v' || c == 'w':
			put('W')
		default:
			put(c - 'a' + 'A')
		}
	}
	return b.String()
}

// definiteAfterLam reports a word whose article merged with the
// preposition ل ("للمدينة" is ل + المدينة, "for/of the city") as the
// definite noun in set.
func definiteAfterLam(t token, set map[string]bool) bool {
	for _, p := range []string{"لل", "ولل"} {
		if rest, ok := strings.CutPrefix(t.norm, p); ok && runeLen(rest) >= 3 && set["ال"+rest] {
			return true
		}
	}
	return false
}
