package extract

import (
	"fmt"
	"time"
)

// Extract reads one article and proposes the control changes it states.
// Relative dates ("اليوم", "yesterday", "الأربعاء") are resolved against
// opt.Published, or against a publication date inferred from the text;
// without either they are left out. The error is ErrTooLarge or
// ErrBadPublished; any text within the size cap yields a Result.
func Extract(text string, opt Options) (Result, error) {
	res := Result{Proposals: []Proposal{}, PublishedHow: "unknown"}
	if len(text) > MaxInput {
		return res, ErrTooLarge
	}
	var pub time.Time
	hasPub := false
	if opt.Published != "" {
		t, err := time.Parse("2006-01-02", opt.Published)
		if err != nil || t.Year() < 1900 || t.Year() > 2100 {
			return res, fmt.Errorf("%w: %q", ErrBadPublished, opt.Published)
		}
		pub, hasPub = t, true
		res.Published, res.PublishedHow = opt.Published, "given"
	}
	g, err := loadGazetteer()
	if err != nil {
		return res, err
	}
	end := bodyEnd(text)
	toks := tokenize(text, 0, end, 0)
	res.Language = detectLanguage(toks)
	res.Outlet = outletLine(text[:end])
	sents := splitSentences(toks)
	anns := make([]*annotated, len(sents))
	for i := range sents {
		anns[i] = annotate(g, &sents[i])
	}
	inf := inferPublished(anns)
	if !hasPub && inf.ok {
		pub, hasPub = inf.pub, true
		res.Published, res.PublishedHow = pub.Format("2006-01-02"), inf.how
	}
	r := &resolver{pub: pub, hasPub: hasPub, yearHint: inf.yearHint, hintHow: inf.hintHow}
	for _, a := range anns {
		for k, e := range a.dates {
			c, how, ok := r.resolve(e)
			a.res[k] = resolved{c: c, how: how, ok: ok}
		}
	}
	b := &builder{g: g, runes: []rune(text), opt: opt, pub: pub, hasPub: hasPub, pubHow: res.PublishedHow}
	for _, a := range anns {
		b.sentence(a)
	}
	b.finish(&res)
	return res, nil
}

// detectLanguage returns "ar" when Arabic letters outnumber Latin ones.
func detectLanguage(toks []token) string {
	ar, la := 0, 0
	for _, t := range toks {
		if t.kind != tokWord {
			continue
		}
		for _, r := range t.raw {
			switch {
			case isArabicLetter(r):
				ar++
			case r < 0x250 && (r|0x20) >= 'a' && (r|0x20) <= 'z' || r >= 0xC0 && r < 0x250:
				la++
			}
		}
	}
	if la > ar {
		return "en"
	}
	return "ar"
}
