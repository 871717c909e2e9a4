package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `mapsvc extract --source URL FILE` takes the publication date from a
// URL that carries one; without any date, changes are proposed undated.
func TestExtractCommandDatesFromTheSource(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(article, []byte("Azerbaijani troops entered Zangilan today, the ministry said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, source string
		want         []string
	}{
		{"date in the URL path", "https://news.example.org/world/2020/10/20/zangilan",
			[]string{`"published": "2020-10-20"`, `"published_how": "inferred: URL path /2020/10/20/"`, `"date": "2020-10-20"`}},
		{"no date anywhere", "https://news.example.org/world/48213",
			[]string{`"published_how": "unknown"`, `"date": null`, `"date_how": "needs publication date"`, `"ledger_events": []`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := runExtract([]string{"--source", tt.source, article}, &out); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %s:\n%s", w, out.String())
				}
			}
		})
	}
}
