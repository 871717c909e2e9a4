package web

import (
	"regexp"
	"strings"
	"testing"
)

func TestPlainVersionMatchesItsPattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z.+-]{0,40}$`)
	for _, v := range []string{"", "5.6.0", "5.6.0-rc.1+build", ".5", "5/6", "5 6", "v5", "5.6.0\n",
		"1" + strings.Repeat("x", 40), "1" + strings.Repeat("x", 41), "5.6.0<script>"} {
		if got, want := plainVersion(v), pattern.MatchString(v); got != want {
			t.Errorf("plainVersion(%q) = %v, want %v", v, got, want)
		}
	}
}
