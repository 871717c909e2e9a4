package extract

import (
	"fmt"
	"strings"
	"time"
)

// LedgerEvent is the shape of one event in the mapsvc ledger, ready for
// the loader's validation. Extract never writes it; an editor accepts a
// proposal (mapsvc events accept) and the loader checks it like any other.
type LedgerEvent struct {
	ID         string         `json:"id"`
	Region     string         `json:"region"`
	Date       string         `json:"date"`
	Kind       string         `json:"kind"`
	From       string         `json:"from"`
	To         string         `json:"to"`
	Extent     string         `json:"extent"`
	Majority   string         `json:"majority,omitempty"`
	ExtentNote string         `json:"extent_note,omitempty"`
	Scheduled  string         `json:"scheduled,omitempty"`
	Confidence string         `json:"confidence"` // high | medium | low
	Summary    string         `json:"summary"`
	Sources    []LedgerSource `json:"sources"`
	Notes      string         `json:"notes"`
}

// LedgerSource cites the article an event was read from.
type LedgerSource struct {
	Ref       string `json:"ref"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Quote     string `json:"quote"`
}

// maxQuote is the longest quote put in a ledger source, in runes: enough
// to find the sentence, short enough to stay a quotation.
const maxQuote = 200

// Ledger turns proposal p of r into a ledger event. The summary is
// generated in neutral English; words such as "liberation" or
// "occupation" appear only inside the quoted source text.
func (r Result) Ledger(p Proposal) LedgerEvent {
	loadLexicon()
	ev := LedgerEvent{
		ID: p.ID, Region: p.Region, Date: p.Date, Kind: p.Kind, From: p.From, To: p.To,
		Extent:     "whole",
		Scheduled:  p.Scheduled,
		Confidence: confidenceWord(p.Confidence),
		Summary:    summary(p),
		Notes:      notes(r, p),
	}
	if p.Extent == "partial" {
		// villages of the district changed hands: the larger part is
		// taken to stay with the previous holder until an editor says
		ev.Extent, ev.Majority = "partial", p.From
		ev.ExtentNote = "villages or heights of the district named in the source; majority assumed to stay with " + p.From + ", check"
		if p.Majority != "" {
			ev.Majority = p.Majority
			ev.ExtentNote = "most of the district, as the source says; majority " + p.Majority + ", check"
		}
		if len(p.Places) > 0 {
			ev.ExtentNote += "; places named (data/places ids): " + strings.Join(p.Places, ", ")
		}
	}
	src := LedgerSource{Ref: p.Source, Outlet: r.Outlet, Published: r.Published, Lang: r.Language}
	if len(p.Evidence) > 0 {
		e := p.Evidence[0]
		for _, x := range p.Evidence {
			if p.focus >= x.Start && p.focus < x.End {
				e = x
			}
		}
		src.Quote = shortQuote(e.Quote, p.focus-e.Start)
	}
	ev.Sources = []LedgerSource{src}
	return ev
}

// LedgerEvents converts every dated proposal of r (an undated one needs
// an editor to give its date first).
func (r Result) LedgerEvents() []LedgerEvent {
	loadLexicon()
	out := make([]LedgerEvent, 0, len(r.Proposals))
	for _, p := range r.Proposals {
		if p.Date == "" {
			continue // an editor dates it first
		}
		out = append(out, r.Ledger(p))
	}
	return out
}

func confidenceWord(c float64) string {
	switch {
	case c >= 0.8:
		return "high"
	case c >= 0.55:
		return "medium"
	}
	return "low"
}

var sideNames = map[string]string{actAZE: "Azerbaijan", actARM: "Armenian forces"}

// summary states the change without taking a side's vocabulary.
func summary(p Proposal) string {
	place := RegionName(p.Region)
	to, from := sideNames[p.To], sideNames[p.From]
	if to == "" {
		to = p.To
	}
	when := englishDate(p.Date, p.Precision)
	switch p.Kind {
	case kindHandover:
		return fmt.Sprintf("%s was handed over from %s to %s under an agreement %s.", place, orSide(from), to, when)
	case kindCapitulation:
		return fmt.Sprintf("%s laid down arms in %s; control passed to %s %s.", orSide(from), place, to, when)
	case kindWithdrawal:
		return fmt.Sprintf("%s withdrew from %s; control passed to %s %s.", orSide(from), place, to, when)
	}
	return fmt.Sprintf("%s took control of %s from %s %s.", to, place, orSide(from), when)
}

func orSide(s string) string {
	if s == "" {
		return "the other side"
	}
	return s
}

func notes(r Result, p Proposal) string {
	var parts []string
	parts = append(parts, "Proposed by the article extractor; date "+p.DateHow+".")
	if p.Scheduled != "" {
		parts = append(parts, "The text gives "+p.Scheduled+" as the planned date.")
	}
	if r.PublishedHow != "given" && r.Published != "" {
		parts = append(parts, "Publication date "+r.PublishedHow+".")
	}
	if len(p.Evidence) > 1 {
		parts = append(parts, fmt.Sprintf("%d sentences of the article support it.", len(p.Evidence)))
	}
	return strings.Join(parts, " ")
}

// shortQuote trims a sentence to about maxQuote runes on word
// boundaries, keeping the words around rune offset focus.
func shortQuote(q string, focus int) string {
	rs := []rune(q)
	if len(rs) <= maxQuote {
		return strings.TrimSpace(q)
	}
	if focus < 0 || focus >= len(rs) {
		focus = 0
	}
	start := max(0, focus-maxQuote/3)
	end := min(len(rs), start+maxQuote)
	start = max(0, end-maxQuote)
	s0, e0 := start, end
	for start > 0 && start < end && rs[start-1] != ' ' {
		start++
	}
	for end < len(rs) && end > start && rs[end] != ' ' {
		end--
	}
	if start >= end { // no spaces to cut at
		start, end = s0, e0
	}
	out := strings.TrimSpace(string(rs[start:end]))
	if start > 0 {
		out = "… " + out
	}
	if end < len(rs) {
		out += " …"
	}
	return out
}

// englishDate writes a ledger date in words: "in 1993", "in April 1993",
// "on 25 November 2020", "between 2 and 3 April 1993".
func englishDate(d, prec string) string {
	parse := func(layout, s string) (time.Time, bool) {
		t, err := time.Parse(layout, s)
		return t, err == nil
	}
	switch prec {
	case "year":
		return "in " + d
	case "month":
		if t, ok := parse("2006-01", d); ok {
			return "in " + t.Format("January 2006")
		}
	case "day":
		if t, ok := parse("2006-01-02", d); ok {
			return "on " + t.Format("2 January 2006")
		}
	case "range":
		a, b, _ := strings.Cut(d, "/")
		ta, ok1 := parse("2006-01-02", a)
		tb, ok2 := parse("2006-01-02", b)
		if ok1 && ok2 {
			return fmt.Sprintf("between %d and %s", ta.Day(), tb.Format("2 January 2006"))
		}
	}
	return "on " + d
}
