package extract

import (
	"strings"
	"testing"
)

// "Date 2021-05-12" opening a line at the top is the page's own stamp,
// even when a dateline further down writes another day; a date label in
// the middle of a sentence is not.
func TestDateLabelOpeningALine(t *testing.T) {
	text := "Date 2021-05-12 (Some Agency)\nBAKU, May 11. Talks on the border resumed in the capital on Tuesday, officials said."
	r, err := Extract(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Published != "2021-05-12" || !strings.Contains(r.PublishedHow, "given as the publication date") {
		t.Fatalf("published %q (%s), want 2021-05-12 from the label", r.Published, r.PublishedHow)
	}
	r, err = Extract("Officials said the talks had no fixed date 2021-05-12 was only a proposal, and nothing else was agreed at all.", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.PublishedHow, "given as the publication date") {
		t.Fatalf("a label inside a sentence was read as the page's stamp: %s", r.PublishedHow)
	}
}
