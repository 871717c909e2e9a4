package extract

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/mapsvc/mapsvc/geo"
)

// MaxInput is the largest article Extract accepts, in bytes. News articles
// are a few kilobytes; the cap keeps a hostile input from tying up the
// service.
const MaxInput = 1 << 20

// Errors returned by Extract.
var (
	// ErrTooLarge means the input is longer than MaxInput bytes.
	ErrTooLarge = errors.New("extract: input larger than 1 MiB")
	// ErrBadPublished means Options.Published is not a YYYY-MM-DD date
	// between 1900 and 2100.
	ErrBadPublished = errors.New("extract: published date must be YYYY-MM-DD, years 1900-2100")
	// ErrTimeout means the extraction ran out of time (MaxDuration or
	// the caller's deadline).
	ErrTimeout = errors.New("extract: time budget exceeded")
)

// Options tune one extraction.
type Options struct {
	// Published is the article's publication date, "YYYY-MM-DD", or ""
	// to infer it from the text where the text allows.
	Published string
	// Timeout is the time budget of this extraction; 0 means
	// MaxDuration.
	Timeout time.Duration
	// History is the ledger as it stands; when given, a proposal's
	// previous holder (From) and the side gaining a district when the
	// text does not say are read from it.
	History *geo.History
	// Source names the article (a file such as "seeds/001_x.txt" or a
	// URL); it is copied into every proposal.
	Source string
	// pageDate is the page's own date when a chronicle is read again on
	// the day it retells: a date of the text equal to it is the page's
	// stamp, not a day of the chronicle
	pageDate time.Time
}

// Result is what Extract proposes for one article.
type Result struct {
	// Published is the publication date used to resolve relative dates.
	Published string `json:"published,omitempty"`
	// PublishedHow says where Published came from: "given",
	// "inferred: <how>" or "unknown".
	PublishedHow string `json:"published_how"`
	// Language is "ar" or "en", by the majority script of the text.
	Language string `json:"language"`
	// Truncated is set when the text was longer than the extractor reads
	// (see maxTokens): it says how much was read.
	Truncated string `json:"truncated,omitempty"`
	// Outlet is the credit line of the article ("المصدر : …"), if any.
	Outlet string `json:"outlet,omitempty"`
	// Proposals are the control changes the text states, one per region,
	// date and controller, each with its evidence.
	Proposals []Proposal `json:"proposals"`
	// Context lists non-events seen (ceasefires, offensives starting,
	// flag raisings, meetings, planned or future handovers, changes named
	// only for Karabakh as a whole), with evidence.
	Context []Mention `json:"context,omitempty"`
}

// Proposal is one suggested ledger event.
type Proposal struct {
	// ID is a suggested ledger id, "<region>-<date>-<kind word>".
	ID     string `json:"id"`
	Region string `json:"region"`
	// Date is "YYYY", "YYYY-MM", "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD",
	// or "" (null in JSON) when the text dates the change relative to a
	// publication date that is unknown: DateHow is then "needs
	// publication date" and Resolve says what would resolve it.
	Date string `json:"date"`
	// Precision is "year", "month", "day", "range" or "unknown".
	Precision string `json:"precision"`
	// DateHow is "explicit", "relative to publication date (<word>)",
	// "derived from duration (<expr>)" or "publication date", possibly
	// with a parenthesised note on where the year came from.
	DateHow string `json:"date_how"`
	// Resolve says what would date an undated proposal.
	Resolve string `json:"resolve,omitempty"`
	// From and To are "AZE" or "ARM". From is the ledger's holder before
	// the date when Options.History is given, else the other side.
	From string `json:"from,omitempty"`
	To   string `json:"to"`
	// SideHow is set when To is not the side the text's words read: the
	// ledger passed in records every change of the district around that
	// date going the other way, so the reading was taken as misread. The
	// editor sees both.
	SideHow string `json:"side_how,omitempty"`
	// Extent is "whole", or "partial" when the text tells of villages or
	// heights of the district only.
	Extent string `json:"extent"`
	// Majority is the side holding the larger part of the district after
	// a partial change, when the text says so ("most of the district
	// fell under …"); empty when it does not.
	Majority string `json:"majority,omitempty"`
	// Kind is military_capture, handover_by_agreement, capitulation or
	// withdrawal.
	Kind string `json:"kind"`
	// Scheduled is the planned date (YYYY-MM-DD) when the text gives one
	// that differs from the actual date.
	Scheduled string `json:"scheduled,omitempty"`
	// Confidence is the extractor's confidence, 0..1.
	Confidence float64 `json:"confidence"`
	// Claimant is the side whose statement reports the change ("AZE"
	// when Azerbaijan's ministry announced it), when the text says so.
	Claimant string `json:"claimant,omitempty"`
	// Disputed is "denied by <side>" when the other side denied it, and
	// Confirmed "confirmed by <side>" when the side that lost it said so;
	// the sentences are in Evidence.
	Disputed  string `json:"disputed,omitempty"`
	Confirmed string `json:"confirmed,omitempty"`
	// Source is Options.Source.
	Source   string     `json:"source,omitempty"`
	Evidence []Evidence `json:"evidence"`
	// Places are the ids (data/places) of the district's villages and
	// heights the evidence names, in order, when Extent is "partial": the
	// change is proposed per district, and an editor can file it per place.
	Places []string `json:"places,omitempty"`

	// focus is the rune offset, in the input, of the words the date came
	// from; Ledger centres its short quote there.
	focus int
}

// Evidence is one sentence of the input that supports a proposal or a
// mention. Start and End are offsets in runes (characters) into the input
// text, End exclusive; Quote is that sentence.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Quote string `json:"quote"`
}

// Mention is a non-event the text talks about, kept so that an editor
// can see what was read and not proposed.
type Mention struct {
	// Type is one of: ceasefire, offensive_start, flag_raising, meeting,
	// memorandum, future_handover, scheduled, intent, capitulation,
	// control_change_without_district, partial_area, vague_duration,
	// undated_control_change, outside_area, held_already.
	Type string `json:"type"`
	// Region is set when the mention concerns one district.
	Region string `json:"region,omitempty"`
	// Place is a gazetteer id when the place is not a whole district
	// ("karabakh", "lachin-corridor", "yevlakh").
	Place     string     `json:"place,omitempty"`
	Date      string     `json:"date,omitempty"`
	Precision string     `json:"precision,omitempty"`
	To        string     `json:"to,omitempty"`
	Note      string     `json:"note,omitempty"`
	Evidence  []Evidence `json:"evidence"`
}

// MarshalJSON writes an unresolved date as null.
func (p Proposal) MarshalJSON() ([]byte, error) {
	type plain Proposal
	var date any = p.Date
	if p.Date == "" {
		date = nil
	}
	return json.Marshal(struct {
		plain
		Date any `json:"date"`
	}{plain(p), date})
}
