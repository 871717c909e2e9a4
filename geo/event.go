package geo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Kind says what happened in an event.
type Kind string

// Control kinds change who holds a region.
const (
	KindBaseline     Kind = "baseline" // the holder when the ledger starts
	KindCapture      Kind = "military_capture"
	KindHandover     Kind = "handover_by_agreement"
	KindCapitulation Kind = "capitulation"
	KindWithdrawal   Kind = "withdrawal"
)

// Context kinds are kept for the story but never change a controller.
const (
	KindCeasefire             Kind = "ceasefire"
	KindOffensiveStart        Kind = "offensive_start"
	KindSymbolicFlag          Kind = "symbolic_flag"
	KindPolitical             Kind = "political"
	KindAdministrative        Kind = "administrative"
	KindPeacekeeperDeployment Kind = "peacekeeper_deployment"
	KindPeacekeeperWithdrawal Kind = "peacekeeper_withdrawal"
	KindCorridorAccess        Kind = "corridor_access"
)

var controlKinds = map[Kind]bool{KindBaseline: true, KindCapture: true, KindHandover: true, KindCapitulation: true, KindWithdrawal: true}

var contextKinds = map[Kind]bool{
	KindCeasefire: true, KindOffensiveStart: true, KindSymbolicFlag: true, KindPolitical: true,
	KindAdministrative: true, KindPeacekeeperDeployment: true, KindPeacekeeperWithdrawal: true, KindCorridorAccess: true,
}

// ChangesControl reports whether events of this kind move control.
func (k Kind) ChangesControl() bool { return controlKinds[k] }

// Extent says whether an event moved a whole region or part of it.
type Extent string

// Extents.
const (
	ExtentWhole   Extent = "whole"
	ExtentPartial Extent = "partial"
)

// Source is one piece of evidence for an event.
type Source struct {
	// Ref is a seed article path ("seeds/001_….txt") or an http(s) URL.
	Ref       string `json:"ref"`
	Outlet    string `json:"outlet,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Lang      string `json:"lang,omitempty"`
	// Quote is a short excerpt in the source's language; required for seed
	// articles, whose text we hold.
	Quote string `json:"quote,omitempty"`
	// Via names the research note a source was taken from unread.
	Via  string `json:"via,omitempty"`
	Note string `json:"note,omitempty"`
	// Wire names the agency whose copy the outlet carries ("Anadolu
	// Agency"): reprints of one wire story count once under the policy.
	Wire string `json:"wire,omitempty"`
	// Party marks a party's own statement (AZE, ARM, RUS ...), cited as
	// that party's claim.
	Party string `json:"party,omitempty"`
	// Tier is the policy tier ("A" or "B") of a host that the reference
	// host list does not name; Note says why.
	Tier string `json:"tier,omitempty"`
}

// IsSeed reports whether the source is one of the bundled seed articles.
func (s Source) IsSeed() bool { return strings.HasPrefix(s.Ref, "seeds/") }

// MaxQuoteRunes caps quotes: evidence, not reproduction.
const MaxQuoteRunes = 400

// Length limits of the free-text fields, in characters. Pages and
// clients show these as they are (a 1 MB summary froze a browser for
// 52 s); the ledger's longest values are a fraction of each (summary
// 244, notes 810, extent_note 252, outlet 83, title 129, source note
// 391 in December 2026).
const (
	MaxSummaryRunes    = 1000
	MaxNotesRunes      = 4000
	MaxExtentNoteRunes = 1000
	MaxOutletRunes     = 200
	MaxTitleRunes      = 500
	MaxSourceNoteRunes = 2000
)

// checkLength reports a field longer than max characters.
func checkLength(field, value string, max int) error {
	if n := utf8.RuneCountInString(value); n > max {
		return fmt.Errorf("%s has %d characters; the limit is %d", field, n, max)
	}
	return nil
}

// Event is one dated, sourced entry of the ledger.
type Event struct {
	ID     string `json:"id"`
	Region string `json:"region,omitempty"`
	// Place or Places name the gazetteer places a place-level event is
	// about (seeds/places.json); Region is then their district. The
	// district ledger holds no place-level events.
	Place  string     `json:"place,omitempty"`
	Places []string   `json:"places,omitempty"`
	Date   DateSpec   `json:"date"`
	Kind   Kind       `json:"kind"`
	From   Controller `json:"from,omitempty"`
	To     Controller `json:"to,omitempty"`
	Extent Extent     `json:"extent,omitempty"`
	// Share is the approximate part of the region `To` holds after a
	// partial event, where a source gives a figure.
	Share *float64 `json:"share,omitempty"`
	// Majority is who holds the larger part after a partial event.
	Majority   Controller `json:"majority,omitempty"`
	ExtentNote string     `json:"extent_note,omitempty"`
	// Scheduled is the agreed date when it differs from the actual one.
	Scheduled  string   `json:"scheduled,omitempty"`
	Confidence string   `json:"confidence"`
	Summary    string   `json:"summary"`
	Sources    []Source `json:"sources"`
	Reference  []string `json:"reference,omitempty"`
	Notes      string   `json:"notes,omitempty"`
}

// MarshalJSON adds the date's precision and window, derived from Date, so
// clients need not parse date strings; decoding ignores them.
func (e Event) MarshalJSON() ([]byte, error) {
	type plain Event
	return json.Marshal(struct {
		plain
		DatePrecision Precision `json:"date_precision"`
		DateFirst     string    `json:"date_first"`
		DateLast      string    `json:"date_last"`
	}{plain(e), e.Date.Precision, e.Date.First.String(), e.Date.Last.String()})
}

// UnmarshalJSON decodes an event, ignoring the derived fields that
// MarshalJSON adds, so a GET body can be sent back as a PUT body.
func (e *Event) UnmarshalJSON(b []byte) error {
	type plain Event
	var v struct {
		plain
		DatePrecision json.RawMessage `json:"date_precision"`
		DateFirst     json.RawMessage `json:"date_first"`
		DateLast      json.RawMessage `json:"date_last"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*e = Event(v.plain)
	return nil
}

// DecodeStoredEvent decodes an event as the store writes it (json.Marshal
// of an Event) in one pass: through UnmarshalJSON, json.Unmarshal reads
// each event twice, a third of loading a store's events. It gives what
// UnmarshalJSON gives: the derived fields are ignored either way.
func DecodeStoredEvent(b []byte) (Event, error) {
	type plain Event
	var e Event
	err := json.Unmarshal(b, (*plain)(&e))
	return e, err
}

// intern makes the event's enumerated fields and its region id share one
// copy of their text: decoding gives every event its own copy of "AZE",
// "military_capture", "high", and so on, some 100 bytes an event that
// stay resident with a large ledger. It runs after Validate, so the
// values are known ones.
func (e *Event) intern(regions map[string]*Region, texts map[string]string) {
	if r, ok := regions[e.Region]; ok {
		e.Region = r.ID
	}
	// Dates and outlets repeat across events (a ledger spans some
	// thousands of days): one copy each.
	e.Date.Text = internText(texts, e.Date.Text)
	for i := range e.Sources {
		src := &e.Sources[i]
		src.Outlet, src.Lang, src.Published = internText(texts, src.Outlet), internText(texts, src.Lang), internText(texts, src.Published)
	}
	if k, ok := internKinds[e.Kind]; ok {
		e.Kind = k
	}
	e.From, e.To, e.Majority = internController(e.From), internController(e.To), internController(e.Majority)
	switch e.Extent {
	case ExtentWhole:
		e.Extent = ExtentWhole
	case ExtentPartial:
		e.Extent = ExtentPartial
	}
	switch e.Confidence {
	case "high":
		e.Confidence = "high"
	case "medium":
		e.Confidence = "medium"
	case "low":
		e.Confidence = "low"
	}
	switch e.Date.Precision {
	case PrecisionDay:
		e.Date.Precision = PrecisionDay
	case PrecisionMonth:
		e.Date.Precision = PrecisionMonth
	case PrecisionYear:
		e.Date.Precision = PrecisionYear
	case PrecisionRange:
		e.Date.Precision = PrecisionRange
	}
}

func internText(texts map[string]string, s string) string {
	if s == "" {
		return s
	}
	if t, ok := texts[s]; ok {
		return t
	}
	texts[s] = s
	return s
}

var internKinds = func() map[Kind]Kind {
	m := map[Kind]Kind{}
	for k := range controlKinds {
		m[k] = k
	}
	for k := range contextKinds {
		m[k] = k
	}
	return m
}()

func internController(c Controller) Controller {
	switch c {
	case AZE:
		return AZE
	case ARM:
		return ARM
	}
	return c
}

// PlaceIDs returns the places a place-level event names; nil for a
// district event.
func (e *Event) PlaceIDs() []string {
	if e.Place != "" {
		return []string{e.Place}
	}
	return e.Places
}

// Controlling reports whether the event moves control.
func (e *Event) Controlling() bool { return e.Kind.ChangesControl() }

// MajorityAfter returns who holds the larger part after the event.
func (e *Event) MajorityAfter() Controller {
	if e.Extent != ExtentPartial {
		return e.To
	}
	if e.Share != nil && *e.Share != 0.5 {
		if *e.Share > 0.5 {
			return e.To
		}
		return e.From
	}
	return e.Majority
}

// Validate checks one event on its own: ids, kinds, dates, controllers,
// extent and sources. Checks that need other events or regions live in
// NewHistory.
func (e *Event) Validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: event %q: %s", ErrInvalid, e.ID, fmt.Sprintf(format, a...))
	}
	if !ValidID(e.ID) {
		return fmt.Errorf("%w: event id %q must be lowercase letters, digits and dashes", ErrInvalid, e.ID)
	}
	if e.Date.Text == "" {
		return bad("no date")
	}
	if e.Region != "" && !ValidID(e.Region) {
		return bad("region id %q is malformed", e.Region)
	}
	if e.Place != "" && len(e.Places) > 0 {
		return bad("give place or places, not both")
	}
	for _, id := range e.PlaceIDs() {
		if !ValidID(id) {
			return bad("place id %q is malformed", id)
		}
	}
	switch {
	case e.Kind.ChangesControl():
		if err := e.validateControl(bad); err != nil {
			return err
		}
	case contextKinds[e.Kind]:
		if e.Extent != "" || e.Share != nil || e.Majority != "" {
			return bad("context kind %q takes no extent, share or majority", e.Kind)
		}
		for _, c := range []Controller{e.From, e.To} {
			if c != "" && !c.Valid() {
				return bad("unknown controller %q", c)
			}
		}
	default:
		return bad("unknown kind %q", e.Kind)
	}
	if e.Scheduled != "" {
		if _, err := ParseDay(e.Scheduled); err != nil {
			return bad("scheduled: %v", err)
		}
	}
	switch e.Confidence {
	case "high", "medium", "low":
	default:
		return bad("confidence must be high, medium or low, not %q", e.Confidence)
	}
	if strings.TrimSpace(e.Summary) == "" {
		return bad("no summary")
	}
	for _, f := range []struct {
		name, value string
		max         int
	}{{"summary", e.Summary, MaxSummaryRunes}, {"notes", e.Notes, MaxNotesRunes}, {"extent_note", e.ExtentNote, MaxExtentNoteRunes}} {
		if err := checkLength(f.name, f.value, f.max); err != nil {
			return bad("%v", err)
		}
	}
	if len(e.Sources) == 0 {
		return bad("no sources: every event needs at least one")
	}
	for i, s := range e.Sources {
		if err := s.validate(); err != nil {
			return bad("source %d: %v", i, err)
		}
	}
	return nil
}

func (e *Event) validateControl(bad func(string, ...any) error) error {
	if e.Region == "" {
		return bad("a %s event needs a region", e.Kind)
	}
	if !e.To.Valid() {
		return bad("to %q is not a known controller", e.To)
	}
	if e.Kind == KindBaseline {
		if e.From != "" {
			return bad("a baseline has no from")
		}
		if e.Extent != ExtentWhole {
			return bad("a baseline must be extent whole")
		}
		return nil
	}
	if !e.From.Valid() {
		return bad("from %q is not a known controller", e.From)
	}
	if e.From == e.To {
		return bad("from and to are both %s", e.To)
	}
	switch e.Extent {
	case ExtentWhole:
		if e.Share != nil || e.Majority != "" {
			return bad("a whole event takes no share or majority")
		}
	case ExtentPartial:
		if e.ExtentNote == "" {
			return bad("a partial event needs an extent_note saying which part")
		}
		if e.Share != nil && (*e.Share <= 0 || *e.Share >= 1) {
			return bad("share %v must lie strictly between 0 and 1", *e.Share)
		}
		if e.Majority != "" && e.Majority != e.From && e.Majority != e.To {
			return bad("majority %q must be from or to", e.Majority)
		}
		if e.Share == nil || *e.Share == 0.5 {
			if e.Majority == "" {
				return bad("a partial event needs a share or a majority")
			}
		} else if e.Majority != "" && e.Majority != e.MajorityAfter() {
			return bad("majority %s disagrees with share %v", e.Majority, *e.Share)
		}
	default:
		return bad("extent must be whole or partial, not %q", e.Extent)
	}
	return nil
}

func (s Source) validate() error {
	switch {
	case s.IsSeed():
		if strings.Contains(s.Ref, "..") || !strings.HasSuffix(s.Ref, ".txt") {
			return fmt.Errorf("seed ref %q must be seeds/NAME.txt", s.Ref)
		}
		if strings.TrimSpace(s.Quote) == "" {
			return fmt.Errorf("seed source %s needs a quote", s.Ref)
		}
	default:
		if err := ValidateLink(s.Ref); err != nil {
			return err
		}
	}
	if s.Outlet == "" && s.Title == "" {
		return fmt.Errorf("%s needs an outlet or a title", s.Ref)
	}
	for _, f := range []struct {
		name, value string
		max         int
	}{{"outlet", s.Outlet, MaxOutletRunes}, {"title", s.Title, MaxTitleRunes}, {"note", s.Note, MaxSourceNoteRunes}} {
		if err := checkLength(f.name, f.value, f.max); err != nil {
			return err
		}
	}
	if n := len([]rune(s.Quote)); n > MaxQuoteRunes {
		return fmt.Errorf("quote has %d characters; keep it under %d", n, MaxQuoteRunes)
	}
	if s.Published != "" {
		if _, err := ParseDateSpec(s.Published); err != nil {
			return fmt.Errorf("published: %v", err)
		}
	}
	return nil
}

// ValidateLink accepts only absolute http and https URLs: anything else
// (javascript:, data:) could run in a reader's browser.
func ValidateLink(ref string) error {
	u, err := url.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("ref %q must be an http(s) URL or a seeds/ path", ref)
	}
	return nil
}

// DecodeEvent decodes one event strictly: unknown fields and trailing data
// are errors, so a typo in a field name is not silently dropped.
func DecodeEvent(b []byte) (Event, error) {
	type plain Event
	var v struct {
		plain
		DatePrecision json.RawMessage `json:"date_precision"`
		DateFirst     json.RawMessage `json:"date_first"`
		DateLast      json.RawMessage `json:"date_last"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return Event{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if dec.More() {
		return Event{}, fmt.Errorf("%w: data after the event object", ErrInvalid)
	}
	return Event(v.plain), nil
}
