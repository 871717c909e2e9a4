package extract

import (
	"strings"
	"unicode/utf8"
)

// sentence is the unit of evidence: a run of tokens ended by a full stop,
// question or exclamation mark, or a line break (headlines and captions
// carry no full stop). clause numbers the comma- and connector-separated
// parts, which is where a place and its date usually sit together.
type sentence struct {
	idx        int
	start, end int // rune offsets in the input
	toks       []token
	clause     []int // clause number of each token
	para       int   // paragraph number (blank-line separated)
	line       int   // line number of the first token, counting from 0
}

// maxSentenceTokens cuts run-on "sentences" (text without stops or line
// breaks). Real sentences are far shorter; the cap keeps the per-sentence
// work, which compares control words with places, bounded.
const maxSentenceTokens = 250

// splitSentences groups tokens into sentences and their clauses.
func splitSentences(toks []token) []sentence {
	var out []sentence
	para, line := 0, 0
	startTok := 0
	flush := func(end int) {
		if end <= startTok {
			return
		}
		ts := toks[startTok:end]
		s := sentence{idx: len(out), start: ts[0].start, end: ts[len(ts)-1].end, toks: ts, para: para, line: line}
		s.clause = splitClauses(ts)
		out = append(out, s)
		startTok = end
	}
	wrapped := hardWrapped(toks)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// a line ending with a comma goes on in the next ("…الموعد النهائي،
		// / لانسحاب …"): hard line breaks inside a sentence
		goesOn := t.nl == 1 && i > 0 && toks[i-1].kind == tokPunct && isComma(toks[i-1])
		// an English line broken inside a sentence: the next line starts
		// with a small letter, or this one ends on a word that cannot end
		// a sentence ("the", "of", "on")
		if t.nl == 1 && i > 0 && !goesOn && t.kind == tokWord && toks[i-1].kind == tokWord &&
			(startsLower(t.raw) || continuesWord[toks[i-1].norm]) {
			goesOn = true
		}
		// a text wrapped at a fixed width: a line that ends without a stop
		// goes on in the next, whatever letter that starts with
		if wrapped && t.nl == 1 && i > 0 && !goesOn && (t.kind == tokWord || t.kind == tokNum) &&
			(toks[i-1].kind != tokPunct || !isStopRune(toks[i-1].raw)) {
			goesOn = true
		}
		if n := noteMark(toks, i); n > 0 && t.nl > 0 {
			// a note mark opening a line ("[9] On 23 August 1993 …") belongs
			// to no sentence: the next one starts after it
			if i > startTok && !goesOn {
				flush(i)
			}
			if i == startTok {
				startTok = i + n
			}
			line += t.nl
			if t.nl >= 2 {
				para++
			}
			i += n - 1
			continue
		}
		if (t.nl > 0 && i > startTok && !goesOn) || i-startTok >= maxSentenceTokens {
			flush(i)
		}
		if t.nl > 0 {
			line += t.nl
			if t.nl >= 2 {
				para++
			}
		}
		if t.kind == tokPunct && isStop(toks, i) {
			j := i + 1
			// keep runs like ".." and closing quotes with the sentence they end
			for j < len(toks) && j-startTok < maxSentenceTokens && toks[j].nl == 0 {
				if toks[j].kind == tokPunct && (isStopRune(toks[j].raw) || isCloser(toks[j].raw)) {
					j++
					continue
				}
				// and a copied page's note marks: "district.[5]", ".[3][4]"
				if n := noteMark(toks, j); n > 0 {
					j += n
					continue
				}
				break
			}
			flush(j)
			i = j - 1
		}
	}
	flush(len(toks))
	return out
}

// noteMark is the length of an encyclopedia's note mark at j ("[5]",
// "[a]"), or 0.
func noteMark(toks []token, j int) int {
	if j+2 < len(toks) && toks[j].raw == "[" && toks[j+1].nl == 0 && toks[j+2].nl == 0 && toks[j+2].raw == "]" && toks[j+1].end-toks[j+1].start <= 3 {
		return 3
	}
	return 0
}

func isStopRune(s string) bool {
	return s == "." || s == "!" || s == "?" || s == "؟" || s == "…"
}

func isCloser(s string) bool {
	switch s {
	case "\"", "”", "»", ")", "'", "’":
		return true
	}
	return false
}

// isStop reports whether toks[i] ends a sentence. A dot between two
// numbers written without spaces ("1.5", "20.11.2020") does not, nor does
// a dot after a one-letter Latin abbreviation.
func isStop(toks []token, i int) bool {
	if !isStopRune(toks[i].raw) {
		return false
	}
	// ".." and "…" separate the parts of a headline ("بعد عقود.. أذربيجان
	// ترفع علمها"); they end a clause, not a sentence, unless a line break
	// follows
	if toks[i].raw == "…" || (toks[i].raw == "." && ((i+1 < len(toks) && toks[i+1].raw == "." && toks[i+1].start == toks[i].end) ||
		(i > 0 && toks[i-1].raw == "." && toks[i-1].end == toks[i].start))) {
		return false
	}
	if toks[i].raw == "." && i > 0 && i+1 < len(toks) {
		p, n := toks[i-1], toks[i+1]
		if p.kind == tokNum && n.kind == tokNum && p.end == toks[i].start && n.start == toks[i].end {
			return false
		}
		if p.kind == tokWord && utf8.RuneCountInString(p.raw) == 1 && p.raw[0] < 0x80 && p.end == toks[i].start {
			return false
		}
		if abbreviationDot(toks, i) {
			return false
		}
	}
	return true
}

// abbreviationDot reports the dot at i closing an abbreviated month
// before its day, a number's mark before it, a title before a name or
// "lit." (literally) before a gloss ("the Aug. 23 fall of Fizuli",
// "regiment No. 366", "Gen. Safarov said", "(Istisu, lit. 'warm water')"):
// it ends neither a sentence nor a clause.
func abbreviationDot(toks []token, i int) bool {
	if toks[i].raw != "." || i == 0 || i+1 >= len(toks) {
		return false
	}
	p, n := toks[i-1], toks[i+1]
	return p.kind == tokWord && p.raw[0] < 0x80 && p.end == toks[i].start && n.nl == 0 &&
		((monthWords[p.norm] != 0 || numberAbbrevs[p.norm]) && n.kind == tokNum || titleWords[p.norm] || p.norm == "lit")
}

// splitClauses numbers the clauses of one sentence.
func splitClauses(ts []token) []int {
	cl := make([]int, len(ts))
	c := 0
	for i, t := range ts {
		switch {
		case isClausePunct(t) && !abbreviationDot(ts, i):
			cl[i] = c
			c++
			continue
		case t.kind == tokWord && clauseConnectors[t.norm] && i > 0 && !isClausePunct(ts[i-1]):
			c++
		case t.kind == tokWord && (t.norm == "قبل" || t.norm == "وقبل") && i+1 < len(ts) && ts[i+1].norm == "ان" && i > 0 && !isClausePunct(ts[i-1]):
			c++
		}
		cl[i] = c
	}
	return cl
}

// bodyEnd returns the byte offset where the article body ends: the start
// of the first line that opens with a furniture marker, or len(text).
// Lines in the first five are never cut (a headline may start with them),
// nor any before a line of prose (ended by a stop, or 15 words long): a
// "Read more" link
// under the byline stands above the body, not after it.
func bodyEnd(text string) int {
	off := 0
	prose := false
	for n := 0; off < len(text); n++ {
		nl := strings.IndexByte(text[off:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = off + nl
		}
		if n >= 5 && prose {
			line := strings.TrimSpace(text[off:lineEnd])
			if len(line) < 200 {
				ln := normalise(line)
				for _, m := range furnitureMarkers {
					// a heading, not a body sentence that happens to start so
					// ("المزيد من القوات وصلت …"): "read also" lines carry a
					// headline, the others stand alone
					short := runeLen(ln) <= 40 || strings.HasPrefix(m, "اقرا") || strings.HasPrefix(m, "read")
					if strings.HasPrefix(ln, m) && short {
						return off
					}
				}
			}
		}
		line := strings.TrimSpace(text[off:lineEnd])
		if r, _ := utf8.DecodeLastRuneInString(line); isStopRune(string(r)) || len(strings.Fields(line)) >= 15 {
			prose = true // a sentence ended, or a paragraph with no stop
		}
		if nl < 0 {
			break
		}
		off = lineEnd + 1
	}
	return len(text)
}

// outletLine finds a "المصدر : X" / "Source: X" credit line in the body
// and returns X, the outlet(s) the article credits.
func outletLine(text string) string {
	for rest := text; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		head, rest, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok || len(line) > 200 {
			continue
		}
		switch normalise(strings.TrimSpace(head)) {
		case "المصدر", "source", "sources":
			if r := strings.TrimSpace(rest); r != "" {
				return r
			}
		}
	}
	return ""
}

// isClausePunct reports the punctuation that ends a clause.
func isClausePunct(t token) bool {
	return t.kind == tokPunct && (t.raw == "،" || t.raw == "," || t.raw == "؛" || t.raw == ";" || t.raw == ":" || t.raw == "." || t.raw == "…")
}

// isComma reports a Latin or an Arabic comma.
func isComma(t token) bool { return t.raw == "," || t.raw == "،" }

// isApostrophe reports a straight or a curly apostrophe ("Armenia's",
// "Artsakh’s").
func isApostrophe(t token) bool { return t.raw == "'" || t.raw == "’" }

// lyAdverb reports an English adverb in -ly ("quickly", "allegedly"),
// which may stand between a subject or an auxiliary and its verb.
func lyAdverb(t token) bool { return latinWord(t) && strings.HasSuffix(t.norm, "ly") }

// continuesWord lists English words a sentence cannot end on: a line that
// ends on one goes on in the next.
var continuesWord = map[string]bool{"the": true, "a": true, "an": true, "of": true, "on": true, "in": true, "to": true,
	"for": true, "and": true, "by": true, "from": true, "with": true, "at": true, "was": true, "were": true, "is": true, "its": true}

// startsLower reports a word starting with a small Latin letter.
func startsLower(w string) bool {
	return w != "" && w[0] >= 'a' && w[0] <= 'z'
}

// hardWrapped reports a text broken into lines of about one width (a
// wire feed wrapped at 60-70 characters): most of its lines, at least six,
// are 45 to 80 characters long and end without a stop.
func hardWrapped(toks []token) bool {
	lines, wrapped := 0, 0
	first := 0
	for i := 1; i <= len(toks); i++ {
		if i < len(toks) && toks[i].nl == 0 {
			continue
		}
		n := toks[i-1].end - toks[first].start
		last := toks[i-1]
		lines++
		if n >= 45 && n <= 80 && !(last.kind == tokPunct && isStopRune(last.raw)) {
			wrapped++
		}
		first = i
	}
	return lines >= 6 && wrapped*2 > lines
}
