package extract

import (
	"fmt"
	"testing"
)

func TestParseDurations(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"after N years", "بعد 27 سنة", "after 27"},
		{"after N years, singular unit", "بعد 25 عام", "after 25"},
		{"after N years with سنة", "بعد 30 سنة", "after 30"},
		{"after N years in words", "بعد سبعة وعشرين عاما", "after 27"},
		{"after N years in Arabic-Indic digits", "بعد ٢٨ عاماً", "after 28"},
		{"first time in N years", "لأول مرة خلال 28 سنة", "first-in 28"},
		{"first time since N years", "لأول مرة منذ 29 عاما", "first-in 29"},
		{"N years ago", "منذ 27 سنوات", "ago 27"},
		{"held for N years", "لمدة 30 سنةً", "for 30"},
		{"since a month", "منذ أبريل 1993", "since 1993-04"},
		{"since a year", "منذ عام 1994", "since 1994"},
		{"decades are vague", "طيلة ثلاثة عقود", "for 30 vague"},
		{"a quarter century is vague", "منذ ربع قرن", "ago 25 vague"},
		{"more than N years is a floor, not vague", "بعد أكثر من 26 عاما", "after 26"},
		{"nearly N years is vague", "بعد نحو 26 عاما", "after 26 vague"},
		{"English after N years", "after 27 years", "after 27"},
		{"English first time in N years", "for the first time in 28 years", "first-in 28"},
		{"English since", "since April 1993", "since 1993-04"},
		{"English years ago", "27 years ago", "ago 27"},
		{"English words", "after twenty-seven years", "after 27"},
		{"a count of soldiers is no duration", "بعد 27 جنديا", ""},
	}
	names := map[durKind]string{durAfter: "after", durFirstIn: "first-in", durAgo: "ago", durFor: "for", durSince: "since"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks, _ := tokenize(tc.text, 0, len(tc.text), 0)
			ds := parseDurations(toks, parseDates(toks))
			got := ""
			if len(ds) > 0 {
				d := ds[0]
				if d.kind == durSince {
					c, _, _ := (&resolver{}).resolve(d.since)
					got = "since " + c.String()
				} else {
					got = fmt.Sprintf("%s %d", names[d.kind], d.years)
					if d.vague {
						got += " vague"
					}
				}
			}
			if got != tc.want {
				t.Errorf("durations in %q: got %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestYearlessDayBesideYearsAgo: "on May 8th sixteen years ago" is that
// day of the year the count goes back to, and it refines a month the page
// wrote before.
func TestYearlessDayBesideYearsAgo(t *testing.T) {
	expectProposed(t, "When Shusha was occupied on May 8th sixteen years ago, this was not the first time.", "2008-05-15", "shusha 1992-05-08 ARM")
	expectProposed(t, "My town of Shusha, occupied in May 1992 by Armenian forces, is far from me. When Shusha was occupied on May 8th sixteen years ago, it was not the first time.", "2008-05-15", "shusha 1992-05-08 ARM")
}
