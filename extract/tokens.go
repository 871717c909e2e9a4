package extract

import (
	"unicode"
	"unicode/utf8"
)

// tokKind tells words, numbers and single punctuation marks apart.
type tokKind uint8

const (
	tokWord tokKind = iota
	tokNum
	tokPunct
)

// token is one word, number or punctuation mark of the input, located by
// rune offsets so evidence can point back into the original text.
type token struct {
	start, end int // rune offsets in the whole input, end exclusive
	raw        string
	norm       string
	kind       tokKind
	nl         int // line breaks between the previous token and this one
	// stems and pre are norm with and without a clitic prefix, and the
	// prefix removed (see stems); computed once since every finder asks
	stems, pre []string
}

// isWordRune reports runes that belong inside a word: letters, combining
// marks (tashkeel), tatweel and zero-width joiners.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == 'ـ' || r == 0x200C || r == 0x200D
}

// maxTokens caps the tokens read from one input. A long news article has
// a few thousand (a 3,000-word article is about 4,000); a hostile megabyte of punctuation would otherwise become
// a million tokens of about a hundred bytes each. Text past the cap is not
// read, and the Result says so.
const maxTokens = 20_000

// maxWordRunes cuts a run of letters longer than any word (text without
// spaces) into pieces, so per-word work (stems, skeletons) stays small.
const maxWordRunes = 64

// tokenize splits text[from:to] (byte offsets) into at most maxTokens
// tokens; base is the rune offset of text[from]. It runs in one pass over
// the input and returns the byte offset where it stopped (to, unless the
// cap was reached). Normalised forms and stems share the input's bytes
// where normalising changes nothing, and stem lists share one backing
// array, so a token costs no allocation of its own in the common case.
func tokenize(text string, from, to, base int) ([]token, int) {
	toks := make([]token, 0, min(maxTokens, (to-from)/4+16))
	// The stem arena is sized by the input: a word takes at least two
	// bytes with its separator and at most 2*(len(arabicPrefixes)+1)
	// slots. Checking the lexicon tokenizes each of its ~1,000 entries
	// on its own, and a full 4,096-slot arena for each was 60 MB
	// allocated and most of the server's start time.
	arena := make([]string, 0, min(4096, 2*(len(arabicPrefixes)+1)*((to-from)/2+1)))
	pos := base
	i := from
	nl := 0
	for i < to {
		if len(toks) >= maxTokens {
			return toks, i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			nl++
			i += size
			pos++
		case unicode.IsSpace(r) || isInvisible(r):
			i += size
			pos++
		case isWordRune(r) || unicode.IsDigit(r):
			digit := unicode.IsDigit(r)
			j, p := i, pos
			for j < to {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if digit != unicode.IsDigit(r2) || (!digit && !isWordRune(r2)) || p-pos >= maxWordRunes {
					break
				}
				j += s2
				p++
			}
			raw := text[i:j]
			k := tokWord
			if digit {
				k = tokNum
			}
			tk := token{start: pos, end: p, raw: raw, norm: normalise(raw), kind: k, nl: nl}
			if k == tokWord {
				tk.stems, tk.pre, arena = stemsInto(arena, tk.norm)
			}
			toks = append(toks, tk)
			nl = 0
			i, pos = j, p
		default:
			raw := text[i : i+size]
			toks = append(toks, token{start: pos, end: pos + 1, raw: raw, norm: normalise(raw), kind: tokPunct, nl: nl})
			nl = 0
			i += size
			pos++
		}
	}
	return toks, to
}
