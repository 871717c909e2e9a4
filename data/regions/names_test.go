package regions

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/mapsvc/mapsvc/geo"
)

// Armenian display names are the units' official names in Armenian
// script; the Nagorno-Karabakh Republic's toponyms are aliases labelled
// as such.
func TestArmenianNamesAreOfficialWithNKRNamesAsLabelledAliases(t *testing.T) {
	_, m := loadAll(t)
	for _, id := range geo.ConflictRegionIDs {
		r := m[id]
		hy := r.Names[geo.LangHY]
		for _, c := range hy {
			if !unicode.Is(unicode.Armenian, c) {
				t.Errorf("%s: hy name %q is not in Armenian script", id, hy)
				break
			}
		}
		for _, a := range r.Aliases {
			if strings.HasPrefix(a, hy+" ") {
				t.Errorf("%s: hy display name %q is also an NKR alias %q", id, hy, a)
			}
			if strings.Contains(a, "NKR") && !strings.Contains(a, "(NKR ") {
				t.Errorf("%s: alias %q names the NKR without a label", id, a)
			}
		}
	}
	for _, tt := range []struct{ id, alias string }{
		{"khojavend", "Martuni (NKR province)"},
		{"khojavend", "Hadrut (NKR province)"},
		{"khojaly", "Askeran (NKR province)"},
		{"kalbajar", "Karvachar (NKR name)"},
		{"lachin", "Berdzor (NKR name)"},
		{"lachin", "Kashatagh (NKR province)"},
		{"khankendi", "Stepanakert (NKR name)"},
	} {
		if !strings.Contains(strings.Join(m[tt.id].Aliases, "|"), tt.alias) {
			t.Errorf("%s: aliases %v lack %q", tt.id, m[tt.id].Aliases, tt.alias)
		}
	}
}

// The Arabic display name is the spelling most sources use in the
// reference names (../shared/reference/names.json), and every spelling
// seen in a source is an alias or the name.
func TestArabicNamesFollowTheReference(t *testing.T) {
	b, err := os.ReadFile("../../../shared/reference/names.json")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("reference names needed in CI: %v", err)
		}
		t.Skipf("no reference names: %v", err)
	}
	var ref map[string]json.RawMessage
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	// Spellings that are not names of the unit: a corridor, a typo, and
	// machine-translation noise the reference itself flags.
	notNames := map[string]bool{"ممر لاتشين": true, "أسطورتهم": true, "خوجالي/خوجالى": true, "ستيباناباكيرت": true}
	// Spellings of other names (the Armenian-side name, a town or former
	// district inside the unit): aliases, but not candidates for the
	// display name, which spells the official name.
	otherName := map[string]bool{"ستيباناكيرت": true, "ستيباناكرت": true, "ستيبانكيرت": true, "إستپاناكرت": true,
		"أستيباناكيرد": true, "آغدارا": true, "زابوخ": true, "سوس": true, "أهافنو": true, "هادروت": true, "هدروت": true}
	_, m := loadAll(t)
	for _, id := range geo.ConflictRegionIDs {
		var entry struct {
			Arabic []struct {
				Spelling string   `json:"spelling"`
				Sources  []string `json:"sources"`
			} `json:"arabic"`
		}
		if err := json.Unmarshal(ref[id], &entry); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		r := m[id]
		all := map[string]bool{r.Names[geo.LangAR]: true}
		for _, a := range r.Aliases {
			if i := strings.Index(a, " ("); i > 0 {
				a = a[:i] // "شوشي (NKR name)": the label is not part of the spelling
			}
			all[a] = true
		}
		most, display := 0, 0
		for _, a := range entry.Arabic {
			n := 0
			for _, s := range a.Sources {
				if !strings.Contains(s, "ajabat") { // a Wikipedia mirror, denied by the source policy
					n++
				}
			}
			if n > most && !otherName[a.Spelling] && !notNames[a.Spelling] {
				most = n
			}
			if a.Spelling == r.Names[geo.LangAR] {
				display = n
			}
			if n > 0 && !notNames[a.Spelling] && !all[a.Spelling] {
				t.Errorf("%s: spelling %q (seen in %d sources) is neither the name nor an alias", id, a.Spelling, n)
			}
		}
		if len(entry.Arabic) > 0 && display < most {
			t.Errorf("%s: Arabic display %q has %d sources, another spelling has %d", id, r.Names[geo.LangAR], display, most)
		}
	}
}

// An alias added after the reference names file carries the page where it
// is used (curated.json alias_sources), and that alias is the unit's.
func TestAliasSourcesNameAliasesOfTheirUnit(t *testing.T) {
	b, err := os.ReadFile("curated.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		AliasSources map[string]json.RawMessage `json:"alias_sources"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	_, m := loadAll(t)
	n := 0
	for id, raw := range f.AliasSources {
		if id == "_about" {
			continue
		}
		var srcs map[string]string
		if err := json.Unmarshal(raw, &srcs); err != nil {
			t.Fatalf("alias_sources %s: %v", id, err)
		}
		r := m[id]
		if r == nil {
			t.Errorf("alias_sources: no unit %q", id)
			continue
		}
		for alias, url := range srcs {
			n++
			if !strings.HasPrefix(url, "https://") && !strings.HasPrefix(url, "http://") {
				t.Errorf("%s: alias %q: source %q is not a page", id, alias, url)
			}
			found := false
			for _, a := range r.Aliases {
				found = found || a == alias
			}
			if !found {
				t.Errorf("%s: alias_sources names %q, which is not an alias of the unit", id, alias)
			}
		}
	}
	if n == 0 {
		t.Error("alias_sources lists no alias")
	}
}
