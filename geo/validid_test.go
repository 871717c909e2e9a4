package geo

import (
	"regexp"
	"strings"
	"testing"
)

// ValidID is written out by hand; it must accept exactly what the
// regular expression it replaced accepted.
func TestValidIDMatchesItsPattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z][a-z0-9-]{0,63}$`)
	ids := []string{"", "a", "agdam", "agdam-2020-11-20", "Agdam", "1agdam", "-a", "a_b", "a b", "ağdam",
		"a" + strings.Repeat("b", 63), "a" + strings.Repeat("b", 64), "z9-", "kalbajar\n"}
	for _, id := range ids {
		if got, want := ValidID(id), pattern.MatchString(id); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", id, got, want)
		}
	}
}
