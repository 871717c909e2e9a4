package extract

import (
	"reflect"
	"strings"
	"testing"
)

// Every entry of lexicon.json is reachable: written into text, it is
// found by the finder that uses its list. An entry the tokenizer or the
// normaliser would turn into something else fails here (and in the
// loader).
func TestEveryLexiconEntryCanMatch(t *testing.T) {
	toks := func(s string) []token {
		ts, _ := tokenize(s, 0, len(s), 0)
		return ts
	}
	for e, cls := range controlPatterns {
		key, end, _, _, ok := matchPhrase(toks(e), 0, controlIndex)
		if !ok || key != e || controlPatterns[key] != cls || end != len(strings.Fields(e)) {
			t.Errorf("control entry %q: matched %q (ok %v), want itself", e, key, ok)
		}
	}
	for e := range contextPatterns {
		if key, _, _, _, ok := matchPhrase(toks(e), 0, contextIndex); !ok || key != e {
			t.Errorf("context entry %q: matched %q (ok %v), want itself", e, key, ok)
		}
	}
	for e, side := range actorWords {
		hs := findActors(toks(e))
		if len(hs) != 1 || hs[0].actor != side {
			t.Errorf("actor entry %q: found %v, want %s", e, hs, side)
		}
	}
	for name, set := range lex.words {
		for e := range set {
			if ts := toks(e); len(ts) != 1 || !hasStem(ts[0], set) {
				t.Errorf("words.%s entry %q cannot match", name, e)
			}
		}
	}
	for _, m := range []map[string]int{monthWords, ordinalDays, monthQualifiers, decadeUnits, numberWords} {
		for e := range m {
			if ts := toks(e); len(ts) != 1 || ts[0].norm != e {
				t.Errorf("entry %q cannot match", e)
			}
		}
	}
	for e := range weekdayWords {
		if ts := toks(e); len(ts) != 1 || ts[0].norm != e {
			t.Errorf("weekday %q cannot match", e)
		}
	}
	for pair := range monthPairs {
		ts := toks(pair[0] + " " + pair[1])
		if len(ts) != 2 || ts[0].norm != pair[0] || ts[1].norm != pair[1] {
			t.Errorf("month pair %q cannot match", pair)
		}
	}
	head := strings.Repeat("سطر من المقال.\n", 5)
	for _, m := range furnitureMarkers {
		text := head + m + "\nنص آخر"
		if got := bodyEnd(text); got != len(head) {
			t.Errorf("furniture marker %q: body ends at %d, want %d", m, got, len(head))
		}
	}
}

// The loader refuses lists that could never match or say one thing twice.
func TestLexiconLoaderRejects(t *testing.T) {
	base := string(lexiconJSON)
	tests := []struct {
		name, from, to, want string
	}{
		{"a spelling normalisation changes (taa marbuta)", `"not_fallen": [`, `"not_fallen": ["طائرة", `, "can never match"},
		{"a spelling normalisation changes (alef maqsura)", `"year_cues": [`, `"year_cues": ["حتى", `, "can never match"},
		{"a word the tokenizer splits", `"negation": [`, `"negation": ["don't", `, "tokenizer splits"},
		{"a phrase in a word-by-word list", `"relative": [`, `"relative": ["in which", `, "phrase can never match"},
		{"a duplicate across classes", `"enter": [`, `"enter": ["captured", `, "listed twice"},
		{"an unknown class", `"enter": [`, `"entre": ["x"], "enter": [`, "unknown class"},
		{"an unknown side", `"RUS": [`, `"TUR": ["turkey"], "RUS": [`, "unknown side"},
		{"upper case", `"fight": [`, `"fight": ["Battle", `, "can never match"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(base, tt.from) {
				t.Fatalf("test set-up: %q not in lexicon.json", tt.from)
			}
			_, err := parseLexicon([]byte(strings.Replace(base, tt.from, tt.to, 1)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
	checked, err := parseLexicon(lexiconJSON)
	if err != nil {
		t.Errorf("the embedded lexicon: %v", err)
	}
	// The package loads it without the per-word checks, to the same
	// lexicon.
	if !reflect.DeepEqual(checked, lex) {
		t.Errorf("the lexicon loaded at init differs from the checked one")
	}
}
