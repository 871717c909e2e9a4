package service

import (
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/mapsvc/mapsvc/geo"
)

// Action names what a revision did.
type Action string

// Revision actions.
const (
	ActionImport Action = "import"
	ActionCreate Action = "create"
	ActionUpdate Action = "update"
	ActionDelete Action = "delete"
)

// Revision is one entry of the append-only revision log: who changed what,
// when, with the event before and after.
type Revision struct {
	Seq             uint64     `json:"seq"`
	Time            time.Time  `json:"time"`
	Actor           string     `json:"actor"`
	Action          Action     `json:"action"`
	EventID         string     `json:"event_id,omitempty"`
	Before          *geo.Event `json:"before"`
	After           *geo.Event `json:"after"`
	Position        int        `json:"position"` // the event's place in ledger order
	PreviousVersion string     `json:"previous_version"`
	Version         string     `json:"version"`
	// PreviousEvents is the whole ledger an import replaced; filled only
	// when reconstructing the past.
	PreviousEvents []geo.Event `json:"-"`
	HadPrevious    bool        `json:"-"`
}

// Edit is one write to the ledger.
type Edit struct {
	Action Action
	ID     string     // the event id (all actions)
	Event  *geo.Event // the new event (create, update)
	Actor  string     // token name
	// ExpectVersion is the data version the edit was validated against;
	// the store refuses the edit if the data moved on meanwhile.
	ExpectVersion string
	Time          time.Time
}

// EditStore is what writes need from storage, besides Load.
type EditStore interface {
	Store
	// ApplyEdit writes one edit and its revision in one transaction.
	ApplyEdit(Edit) (Revision, error)
	// EventRevisions lists an event's revisions, oldest first.
	EventRevisions(id string) ([]Revision, error)
	// RevisionsAfter lists revisions later than t, newest first, imports
	// with the ledger they replaced.
	RevisionsAfter(t time.Time) ([]Revision, error)
}

// Sentinel errors of the write path.
var (
	// ErrExists: create with an id already in use.
	ErrExists = errors.New("event already exists")
	// ErrStale: the data changed between validation and write; retry.
	ErrStale = errors.New("data changed meanwhile")
	// ErrNoStorage: the database cannot grow (disk full or size cap).
	ErrNoStorage = errors.New("insufficient storage")
	// ErrReadOnly: the store takes no edits.
	ErrReadOnly = errors.New("editing is not available on this store")
	// ErrNoPast: the service had no data at the requested moment.
	ErrNoPast = errors.New("no data at that moment")
)

func (s *Service) editStore() (EditStore, error) {
	es, ok := s.store.(EditStore)
	if !ok {
		return nil, ErrReadOnly
	}
	return es, nil
}

// Write validates an edit against the current ledger with the same rules
// as the loader (known region, valid dates, sources, chronology), writes it
// with its revision, and swaps in a view that shows it. Nothing is written
// on any error. It returns the event as stored (nil for delete).
func (s *Service) Write(ed Edit) (*geo.Event, Revision, error) {
	es, err := s.editStore()
	if err != nil {
		return nil, Revision{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.view.Load()
	events := ledgerCopy(v, 1)
	i := slices.IndexFunc(events, func(e geo.Event) bool { return e.ID == ed.ID })
	switch ed.Action {
	case ActionCreate:
		if i >= 0 {
			return nil, Revision{}, fmt.Errorf("%w: %q", ErrExists, ed.ID)
		}
		events = append(events, *ed.Event)
	case ActionUpdate:
		if i < 0 {
			return nil, Revision{}, fmt.Errorf("%w: event %q", geo.ErrNotFound, ed.ID)
		}
		events[i] = *ed.Event
	case ActionDelete:
		if i < 0 {
			return nil, Revision{}, fmt.Errorf("%w: event %q", geo.ErrNotFound, ed.ID)
		}
		events = slices.Delete(events, i, i+1)
	default:
		return nil, Revision{}, fmt.Errorf("%w: unknown action %q", ErrBadRequest, ed.Action)
	}
	regions := make([]geo.Region, 0, len(v.History.Regions()))
	for _, r := range v.History.Regions() {
		regions = append(regions, *r)
	}
	next, err := newView(Dataset{Regions: regions, Events: events}, v)
	if err != nil {
		return nil, Revision{}, err
	}
	if ed.Time.IsZero() {
		ed.Time = time.Now().UTC()
	}
	ed.ExpectVersion = v.Version
	rev, err := es.ApplyEdit(ed)
	if err != nil {
		return nil, Revision{}, err
	}
	next.Version = rev.Version
	s.view.Store(next)
	if ps, ok := s.store.(PeriodIndexStore); ok {
		var regions []string
		if i >= 0 {
			regions = append(regions, v.History.LedgerOrder()[i].Region)
		}
		if ed.Event != nil {
			regions = append(regions, ed.Event.Region)
		}
		if err := ps.UpdatePeriodIndex(next.History, v.Version, rev.Version, regions); err != nil {
			// The edit is written; a stale index is only ignored and
			// built again at the next start.
			slog.Warn("period index not updated after an edit; the next start rebuilds it", "err", err)
		}
	}
	s.extendIndex(v.Version, rev)
	s.extendLog(rev)
	if ed.Event == nil {
		return nil, rev, nil
	}
	stored, _ := next.History.Event(ed.ID)
	return stored, rev, nil
}

// EventRevisions answers an event's revision log, oldest first. An id
// that never existed is ErrNotFound; a deleted event still has its log.
func (s *Service) EventRevisions(id string) ([]Revision, error) {
	es, err := s.editStore()
	if err != nil {
		return nil, err
	}
	revs, err := es.EventRevisions(id)
	if err != nil {
		return nil, err
	}
	if len(revs) == 0 {
		if _, err := s.View().History.Event(id); err != nil {
			return nil, err
		}
	}
	return revs, nil
}

// RevisionMark is a revision's time and the versions before and after it:
// the time index AsOf searches.
type RevisionMark struct {
	Time                     time.Time
	PreviousVersion, Version string
}

// RevisionIndexer is the optional store method that lists every
// revision's mark in sequence order, decoding nothing else.
type RevisionIndexer interface {
	RevisionMarks() ([]RevisionMark, error)
}

// revisionIndex is the marks for one current data version, sorted by time.
type revisionIndex struct {
	version string
	marks   []RevisionMark
}

// versionAt returns the data version served at t through the time index:
// ok is false when the index cannot say (no index, or clocks that went
// backwards), and then AsOf reads the revisions.
func (s *Service) versionAt(cur *View, t time.Time) (version string, latest, ok bool) {
	ix, ok := s.store.(RevisionIndexer)
	if !ok {
		return "", false, false
	}
	s.pastMu.Lock()
	idx := s.index
	s.pastMu.Unlock()
	if idx == nil || idx.version != cur.Version {
		marks, err := ix.RevisionMarks()
		if err != nil || len(marks) == 0 || marks[len(marks)-1].Version != cur.Version ||
			!slices.IsSortedFunc(marks, func(a, b RevisionMark) int { return a.Time.Compare(b.Time) }) {
			return "", false, false
		}
		idx = &revisionIndex{version: cur.Version, marks: marks}
		s.pastMu.Lock()
		s.index = idx
		s.pastMu.Unlock()
	}
	i, _ := slices.BinarySearchFunc(idx.marks, t, func(m RevisionMark, t time.Time) int {
		if m.Time.After(t) {
			return 1
		}
		return -1
	})
	if i == len(idx.marks) {
		return cur.Version, true, true
	}
	return idx.marks[i].PreviousVersion, false, true
}

// extendIndex adds a new revision to the time index, if the index is of
// the version the revision replaced (else the next AsOf rebuilds it).
// Writes are serialised (s.mu), and readers of the old index read only
// up to its length, so appending in place is safe.
func (s *Service) extendIndex(prev string, rev Revision) {
	s.pastMu.Lock()
	defer s.pastMu.Unlock()
	if s.index == nil || s.index.version != prev || rev.Time.Before(s.index.marks[len(s.index.marks)-1].Time) {
		s.index = nil
		return
	}
	s.index = &revisionIndex{version: rev.Version, marks: append(s.index.marks, RevisionMark{Time: rev.Time, PreviousVersion: rev.PreviousVersion, Version: rev.Version})}
}

// AsOf returns the view the service served at moment t: the current data
// with every later revision undone. A time index of the revisions finds
// the version served at t, and past views are kept, so a repeated or
// nearby instant costs a binary search. A version not seen yet is
// rebuilt from the edits since the latest import, decoded once and kept
// in memory (see editLog); only an instant before that import, or past
// the log's bound, reads and undoes the stored revisions after t.
func (s *Service) AsOf(t time.Time) (*View, error) {
	es, err := s.editStore()
	if err != nil {
		return nil, err
	}
	cur := s.View()
	if version, latest, ok := s.versionAt(cur, t); ok {
		if latest {
			return cur, nil
		}
		if v := s.pastView(version); v != nil {
			return v, nil
		}
	}
	if v, ok, err := s.asOfFromLog(cur, t); ok || err != nil {
		return v, err
	}
	return s.asOfFromStore(es, cur, t, true)
}

// asOfFromStore reads the revisions after t from the store and undoes
// them; keep says whether to look up and keep the result among the past
// views (the tests compare the log's answers with this one's, uncached).
func (s *Service) asOfFromStore(es EditStore, cur *View, t time.Time, keep bool) (*View, error) {
	revs, err := es.RevisionsAfter(t)
	if err != nil {
		return nil, err
	}
	if len(revs) == 0 {
		return cur, nil
	}
	oldest := revs[len(revs)-1]
	if keep {
		if v := s.pastView(oldest.PreviousVersion); v != nil {
			return v, nil
		}
	}
	events := shallowLedger(cur)
	for _, r := range revs {
		if events, err = undo(events, r); err != nil {
			return nil, fmt.Errorf("%w: %s is before the first import (%s)", err, t.Format(time.RFC3339), r.Time.Format(time.RFC3339))
		}
	}
	return s.pastViewOf(cur, events, oldest.PreviousVersion, t, keep)
}

// undo returns events with revision r undone. The events share their
// sources with the view and the revisions they came from, until
// pastViewOf gives each its own.
func undo(events []geo.Event, r Revision) ([]geo.Event, error) {
	var before geo.Event
	if r.Before != nil {
		before = *r.Before
	}
	idx := slices.IndexFunc(events, func(e geo.Event) bool { return e.ID == r.EventID })
	switch r.Action {
	case ActionImport:
		if !r.HadPrevious {
			return nil, ErrNoPast
		}
		events = append([]geo.Event(nil), r.PreviousEvents...)
	case ActionCreate:
		if idx >= 0 {
			events = slices.Delete(events, idx, idx+1)
		}
	case ActionUpdate:
		if idx >= 0 && r.Before != nil {
			events[idx] = before
		}
	case ActionDelete:
		if r.Before != nil {
			pos := min(max(r.Position, 0), len(events))
			events = slices.Insert(events, pos, before)
		}
	}
	return events, nil
}

// pastViewOf builds the view of events under version, with cur's
// regions (and their encoded geometry), and keeps it if keep is set. The
// events were all once served, so they are not checked one by one again
// (their chronology is: it derives the periods). Each gets its own
// sources (see ledgerCopy).
func (s *Service) pastViewOf(cur *View, events []geo.Event, version string, t time.Time, keep bool) (*View, error) {
	for i := range events {
		events[i].Sources = slices.Clone(events[i].Sources)
	}
	regions := make([]geo.Region, 0, len(cur.History.Regions()))
	for _, r := range cur.History.Regions() {
		regions = append(regions, *r)
	}
	v, err := newView(Dataset{Regions: regions, Events: events, Version: version, EventsChecked: true}, cur)
	if err != nil {
		return nil, fmt.Errorf("rebuilding the data as of %s: %w", t.Format(time.RFC3339), err)
	}
	if keep {
		s.keepPastView(v)
	}
	return v, nil
}

// EditLogStore is the optional store method the in-memory edit log loads
// from: the revisions after the latest import, oldest first, without the
// events after each edit, and that import's time.
type EditLogStore interface {
	EditsSinceImport() (since time.Time, edits []Revision, err error)
}

// editLog is the edits since the latest import, oldest first, up to the
// data version of its last one: what undoing any of them needs, decoded
// once instead of on every as_of read (reading and decoding the stored
// revisions was most of an as_of read: 180-245 ms after 1,040 edits).
// Write extends it; it holds at most maxLogEdits, the newest.
type editLog struct {
	version  string
	since    time.Time // the import's time
	edits    []Revision
	complete bool // edits reach back to the import
}

// maxLogEdits bounds the edits kept in memory (each keeps the event as it
// was before, a few KB): instants older than the newest maxLogEdits edits
// are answered from the store.
const maxLogEdits = 20_000

// editLogFor returns the edit log of data version version, loading it
// from the store once; nil when the store keeps none or it is of another
// version (a write came between).
func (s *Service) editLogFor(version string) *editLog {
	ls, ok := s.store.(EditLogStore)
	if !ok {
		return nil
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	if s.log != nil && s.log.version == version {
		return s.log
	}
	since, edits, err := ls.EditsSinceImport()
	if err != nil {
		return nil
	}
	last := version
	if len(edits) > 0 {
		last = edits[len(edits)-1].Version
	}
	if last != version {
		return nil // the store moved on; the next read loads it again
	}
	lg := &editLog{version: version, since: since, edits: edits, complete: true}
	lg.trim()
	s.log = lg
	return lg
}

func (lg *editLog) trim() {
	if n := len(lg.edits); n > maxLogEdits {
		lg.edits = slices.Clone(lg.edits[n-maxLogEdits:])
		lg.complete = false
	}
}

// extendLog adds a revision Write made to the edit log, if the log is of
// the version the revision replaced (else the next AsOf loads it again).
// Readers hold the log's slice up to the length they saw, so appending
// does not disturb them.
func (s *Service) extendLog(rev Revision) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	if s.log == nil || s.log.version != rev.PreviousVersion {
		s.log = nil
		return
	}
	rev.After = nil
	lg := &editLog{version: rev.Version, since: s.log.since, edits: append(s.log.edits, rev), complete: s.log.complete}
	lg.trim()
	s.log = lg
}

// asOfFromLog answers AsOf from the edit log: it undoes, newest first,
// the edits later than t, stopping as RevisionsAfter does at the first
// that is not. ok is false when the answer needs what the log does not
// hold (the import, or edits past its bound).
func (s *Service) asOfFromLog(cur *View, t time.Time) (*View, bool, error) {
	lg := s.editLogFor(cur.Version)
	if lg == nil {
		return nil, false, nil
	}
	n := len(lg.edits)
	for n > 0 && lg.edits[n-1].Time.After(t) {
		n--
	}
	if n == 0 && (!lg.complete || lg.since.After(t)) {
		return nil, false, nil
	}
	later := lg.edits[n:]
	if len(later) == 0 {
		return cur, true, nil
	}
	version := later[0].PreviousVersion
	if v := s.pastView(version); v != nil {
		return v, true, nil
	}
	events := shallowLedger(cur)
	for i := len(later) - 1; i >= 0; i-- {
		var err error
		if events, err = undo(events, later[i]); err != nil {
			return nil, false, err
		}
	}
	v, err := s.pastViewOf(cur, events, version, t, true)
	return v, true, err
}

// maxPastViews bounds the as_of views kept, least recently used first
// out; their answers live in the byte-bounded cache like any view's.
const maxPastViews = 32

func (s *Service) pastView(version string) *View {
	s.pastMu.Lock()
	defer s.pastMu.Unlock()
	for i, v := range s.past {
		if v.Version == version {
			s.past = append(append(s.past[:i:i], s.past[i+1:]...), v) // most recent last
			return v
		}
	}
	return nil
}

func (s *Service) keepPastView(v *View) {
	s.pastMu.Lock()
	defer s.pastMu.Unlock()
	s.past = append(s.past, v)
	if len(s.past) > maxPastViews {
		s.past = s.past[1:]
	}
}

// shallowLedger copies v's events in ledger order, sharing their sources:
// the caller gives them their own before NewHistory (see pastViewOf).
func shallowLedger(v *View) []geo.Event {
	ledger := v.History.LedgerOrder()
	events := make([]geo.Event, len(ledger))
	for i, e := range ledger {
		events[i] = *e
	}
	return events
}

// ledgerCopy copies v's events in ledger order, with room for extra more.
// Each event's sources get their own slice: NewHistory writes interned
// strings into the events it is given, and the live view's readers must
// not see those writes.
func ledgerCopy(v *View, extra int) []geo.Event {
	ledger := v.History.LedgerOrder()
	events := make([]geo.Event, 0, len(ledger)+extra)
	for _, e := range ledger {
		c := *e
		c.Sources = slices.Clone(e.Sources)
		events = append(events, c)
	}
	return events
}
