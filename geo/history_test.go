package geo

import (
	"errors"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func square(x, y float64) orb.Polygon {
	return orb.Polygon{{{x, y}, {x + 1, y}, {x + 1, y + 1}, {x, y + 1}, {x, y}}}
}

func testRegions() []Region {
	mk := func(id string, role Role, x float64) Region {
		r := Region{ID: id, Kind: "district", Role: role, Names: map[Lang]string{LangEN: strings.ToUpper(id[:1]) + id[1:], LangAR: "م-" + id},
			Label: orb.Point{x + 0.5, 40.5}, Geometry: square(x, 40), Source: "test", Licence: "public domain"}
		if role == RoleContext {
			r.Baseline = AZE
		}
		return r
	}
	return []Region{mk("kalbajar", RoleConflict, 46), mk("agdam", RoleConflict, 47), mk("lachin", RoleConflict, 48), mk("baku", RoleContext, 49)}
}

var testSource = []Source{{Ref: "https://example.org/a", Outlet: "Example", Published: "2020-11-25"}}

func ev(id, region, date string, kind Kind, from, to Controller) Event {
	e := Event{ID: id, Region: region, Kind: kind, From: from, To: to, Extent: ExtentWhole, Confidence: "high", Summary: id, Sources: testSource}
	var err error
	if e.Date, err = ParseDateSpec(date); err != nil {
		panic(err)
	}
	return e
}

func partial(e Event, share float64, majority Controller, note string) Event {
	e.Extent, e.ExtentNote = ExtentPartial, note
	if share > 0 {
		e.Share = &share
	}
	e.Majority = majority
	return e
}

// testLedger mirrors the real shape: baselines, a month-precision capture,
// a partial capture with a share, a partial handover without one, and
// same-day events.
func testLedger() []Event {
	return []Event{
		ev("kalbajar-baseline", "kalbajar", "1991-01-01", KindBaseline, "", AZE),
		ev("kalbajar-1993-04", "kalbajar", "1993-04", KindCapture, AZE, ARM),
		ev("kalbajar-2020-11-25", "kalbajar", "2020-11-25", KindHandover, ARM, AZE),
		ev("agdam-baseline", "agdam", "1991-01-01", KindBaseline, "", AZE),
		partial(ev("agdam-1993-07-23", "agdam", "1993-07-23", KindCapture, AZE, ARM), 0.77, "", "city and 77%"),
		ev("agdam-2020-11-20", "agdam", "2020-11-20", KindHandover, ARM, AZE),
		ev("lachin-baseline", "lachin", "1992-01-01", KindBaseline, "", AZE),
		ev("lachin-1992-05-18", "lachin", "1992-05-18", KindCapture, AZE, ARM),
		partial(ev("lachin-2020-12-01", "lachin", "2020-12-01", KindHandover, ARM, AZE), 0, AZE, "all but the corridor"),
		ev("lachin-2023-09-20", "lachin", "2023-09-20", KindCapitulation, ARM, AZE),
		{ID: "ceasefire-2020-11-10", Date: mustSpec("2020-11-10"), Kind: KindCeasefire, Confidence: "high", Summary: "ceasefire", Sources: testSource},
	}
}

func mustSpec(s string) DateSpec {
	d, err := ParseDateSpec(s)
	if err != nil {
		panic(err)
	}
	return d
}

func mustHistory(t *testing.T, events []Event) *History {
	t.Helper()
	h, err := NewHistory(testRegions(), events)
	if err != nil {
		t.Fatalf("NewHistory: %v", err)
	}
	return h
}

func stateOf(t *testing.T, h *History, region, date string) State {
	t.Helper()
	r, err := h.Region(region)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseDay(date)
	if err != nil {
		t.Fatal(err)
	}
	return h.StateAt(r, d)
}

func TestSnapshotRules(t *testing.T) {
	h := mustHistory(t, testLedger())
	tests := []struct {
		name, region, date string
		controller         Controller
		status             Status
		extent             Extent
	}{
		{"before anything is known", "kalbajar", "1990-12-31", "", StatusUnknown, ""},
		{"baseline day counts", "kalbajar", "1991-01-01", AZE, StatusFirm, ExtentWhole},
		{"before a month-precision window", "kalbajar", "1993-03-31", AZE, StatusFirm, ExtentWhole},
		{"inside a month-precision window", "kalbajar", "1993-04-15", AZE, StatusUncertain, ExtentWhole},
		{"last day of the window is firm", "kalbajar", "1993-04-30", ARM, StatusFirm, ExtentWhole},
		{"after the window", "kalbajar", "1993-05-01", ARM, StatusFirm, ExtentWhole},
		{"day before a handover", "kalbajar", "2020-11-24", ARM, StatusFirm, ExtentWhole},
		{"handover day counts at its end", "kalbajar", "2020-11-25", AZE, StatusFirm, ExtentWhole},
		{"partial with a majority share", "agdam", "2000-01-01", ARM, StatusFirm, ExtentPartial},
		{"whole again", "agdam", "2020-11-20", AZE, StatusFirm, ExtentWhole},
		{"partial handover with stated majority", "lachin", "2020-12-01", AZE, StatusFirm, ExtentPartial},
		{"region known later than others", "lachin", "1991-06-01", "", StatusUnknown, ""},
		{"context region holds its baseline", "baku", "1993-01-01", AZE, StatusFirm, ExtentWhole},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := stateOf(t, h, tt.region, tt.date)
			if s.Controller != tt.controller || s.Status != tt.status || s.Extent != tt.extent {
				t.Errorf("%s on %s: got %q %s %s, want %q %s %s", tt.region, tt.date, s.Controller, s.Status, s.Extent, tt.controller, tt.status, tt.extent)
			}
		})
	}
}

func TestUncertainStateNamesBothCandidates(t *testing.T) {
	h := mustHistory(t, testLedger())
	s := stateOf(t, h, "kalbajar", "1993-04-10")
	if len(s.Candidates) != 2 || s.Candidates[0] != AZE || s.Candidates[1] != ARM {
		t.Errorf("got candidates %v, want [AZE ARM]", s.Candidates)
	}
}

// Inside the window of an undated change the holder is in doubt only when
// the change hands the majority over; a change of extent alone leaves the
// holder firm and marks the extent uncertain.
func TestWindowStatusSeparatesHolderFromExtent(t *testing.T) {
	events := append(testLedger(),
		partial(ev("agdam-1992-06", "agdam", "1992-06", KindCapture, AZE, ARM), 0.1, "", "a village"),
	)
	h := mustHistory(t, events)
	tests := []struct {
		name, region, date   string
		status, extentStatus Status
		controller           Controller
		candidates           int
	}{
		{"given a minority capture dated to a month, when inside the month, then the holder is firm and the extent uncertain", "agdam", "1992-06-10", StatusFirm, StatusUncertain, AZE, 0},
		{"given the same capture, when the month has ended, then both are firm", "agdam", "1992-07-01", StatusFirm, StatusFirm, AZE, 0},
		{"given a whole capture dated to a month, when inside the month, then the holder is uncertain between two different candidates", "kalbajar", "1993-04-10", StatusUncertain, StatusUncertain, AZE, 2},
		{"given a precisely dated change, then both are firm", "agdam", "2000-01-01", StatusFirm, StatusFirm, ARM, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := stateOf(t, h, tc.region, tc.date)
			if s.Status != tc.status || s.ExtentStatus != tc.extentStatus || s.Controller != tc.controller || len(s.Candidates) != tc.candidates {
				t.Errorf("got status %s, extent_status %s, controller %s, candidates %v; want %s, %s, %s, %d candidates",
					s.Status, s.ExtentStatus, s.Controller, s.Candidates, tc.status, tc.extentStatus, tc.controller, tc.candidates)
			}
		})
	}
}

func TestPartialStateListsHoldersWithShares(t *testing.T) {
	h := mustHistory(t, testLedger())
	s := stateOf(t, h, "agdam", "2000-01-01")
	if len(s.Holders) != 2 {
		t.Fatalf("got %d holders, want 2", len(s.Holders))
	}
	if s.Holders[0].Controller != ARM || s.Holders[0].Share == nil || *s.Holders[0].Share != 0.77 {
		t.Errorf("first holder: got %v %v, want ARM 0.77", s.Holders[0].Controller, s.Holders[0].Share)
	}
	if s.Holders[1].Controller != AZE || s.Holders[1].Share == nil || *s.Holders[1].Share != 0.23 {
		t.Errorf("second holder: got %v %v, want AZE exactly 0.23 (rounded as written)", s.Holders[1].Controller, s.Holders[1].Share)
	}
	lachin := stateOf(t, h, "lachin", "2021-01-01")
	if lachin.Holders[0].Controller != AZE || lachin.Holders[0].Share != nil {
		t.Errorf("lachin without a share: got %v %v, want AZE with unknown share", lachin.Holders[0].Controller, lachin.Holders[0].Share)
	}
}

func TestSinceIsTheChangeThatSetTheController(t *testing.T) {
	h := mustHistory(t, testLedger())
	s := stateOf(t, h, "kalbajar", "2000-01-01")
	if s.SinceEvent != "kalbajar-1993-04" || s.Since.Precision != PrecisionMonth {
		t.Errorf("got since %s (%s), want kalbajar-1993-04 (month)", s.SinceEvent, s.Since.Precision)
	}
	// A partial change that keeps the majority keeps the old since.
	l := stateOf(t, h, "lachin", "2021-01-01")
	if l.SinceEvent != "lachin-2020-12-01" {
		t.Errorf("got since %s, want lachin-2020-12-01", l.SinceEvent)
	}
}

func TestSameDayEventsApplyInLedgerOrder(t *testing.T) {
	events := testLedger()
	events = append(events,
		partial(ev("kalbajar-2021-01-01-a", "kalbajar", "2021-01-01", KindCapture, AZE, ARM), 0, AZE, "a village"),
		ev("kalbajar-2021-01-01-b", "kalbajar", "2021-01-01", KindCapture, ARM, AZE),
	)
	h := mustHistory(t, events)
	s := stateOf(t, h, "kalbajar", "2021-01-01")
	if s.Controller != AZE || s.Extent != ExtentWhole {
		t.Errorf("got %s %s, want AZE whole after both same-day events", s.Controller, s.Extent)
	}
	if got := stateOf(t, h, "kalbajar", "2020-12-31"); got.Extent != ExtentWhole {
		t.Errorf("day before: got %s, want whole", got.Extent)
	}
}

func TestHistoryRejects(t *testing.T) {
	base := testLedger()
	with := func(mod func([]Event) []Event) []Event {
		evs := append([]Event(nil), base...)
		return mod(evs)
	}
	tests := []struct {
		name     string
		events   []Event
		conflict bool
		mention  []string
	}{
		{"from is not the holder", with(func(e []Event) []Event {
			return append(e, ev("kalbajar-2021-bad", "kalbajar", "2021-05-01", KindCapture, ARM, AZE))
		}), true, []string{"kalbajar-2021-bad", "kalbajar-2020-11-25"}},
		{"overlapping windows", with(func(e []Event) []Event {
			return append(e, ev("kalbajar-1993-04-10", "kalbajar", "1993-04-10", KindCapture, ARM, AZE))
		}), true, []string{"kalbajar-1993-04-10", "kalbajar-1993-04"}},
		{"second baseline", with(func(e []Event) []Event {
			return append(e, ev("kalbajar-baseline-2", "kalbajar", "2022-01-01", KindBaseline, "", AZE))
		}), true, []string{"kalbajar-baseline-2"}},
		{"change before any baseline", with(func(e []Event) []Event {
			return append(e, ev("lachin-1991", "lachin", "1991-06-01", KindCapture, AZE, ARM))
		}), false, []string{"lachin-1991", "baseline"}},
		{"unknown region", with(func(e []Event) []Event {
			return append(e, ev("atlantis-2020", "atlantis", "2020-01-01", KindCapture, AZE, ARM))
		}), false, []string{"atlantis"}},
		{"control change in a context region", with(func(e []Event) []Event {
			return append(e, ev("baku-2020", "baku", "2020-01-01", KindBaseline, "", AZE))
		}), false, []string{"baku"}},
		{"duplicate id", with(func(e []Event) []Event { return append(e, e[1]) }), false, []string{"kalbajar-1993-04", "twice"}},
		{"no sources", with(func(e []Event) []Event { e[1].Sources = nil; return e }), false, []string{"no sources"}},
		{"javascript link", with(func(e []Event) []Event {
			e[1].Sources = []Source{{Ref: "javascript:alert(1)", Outlet: "x"}}
			return e
		}), false, []string{"http(s)"}},
		{"seed source without quote", with(func(e []Event) []Event {
			e[1].Sources = []Source{{Ref: "seeds/000_x.txt", Outlet: "x"}}
			return e
		}), false, []string{"quote"}},
		{"partial without majority or share", with(func(e []Event) []Event {
			return append(e, partial(ev("kalbajar-2021", "kalbajar", "2021-01-01", KindCapture, AZE, ARM), 0, "", "x"))
		}), false, []string{"share or a majority"}},
		{"majority disagreeing with share", with(func(e []Event) []Event {
			return append(e, partial(ev("kalbajar-2021", "kalbajar", "2021-01-01", KindCapture, AZE, ARM), 0.3, ARM, "x"))
		}), false, []string{"disagrees"}},
		{"from equals to", with(func(e []Event) []Event {
			return append(e, ev("kalbajar-2021", "kalbajar", "2021-01-01", KindCapture, AZE, AZE))
		}), false, []string{"both"}},
		{"unknown kind", with(func(e []Event) []Event { e[1].Kind = "liberation"; return e }), false, []string{"unknown kind"}},
		{"bad scheduled date", with(func(e []Event) []Event { e[2].Scheduled = "2020-11-31"; return e }), false, []string{"scheduled"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewHistory(testRegions(), tt.events)
			if err == nil {
				t.Fatal("got no error, want a rejection")
			}
			if tt.conflict != errors.Is(err, ErrConflict) {
				t.Errorf("errors.Is(err, ErrConflict) = %v, want %v (err: %v)", !tt.conflict, tt.conflict, err)
			}
			if !tt.conflict && !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v should wrap ErrInvalid", err)
			}
			for _, m := range tt.mention {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error %q does not mention %q", err, m)
				}
			}
		})
	}
}

func TestPeriodsAndEpochs(t *testing.T) {
	h := mustHistory(t, testLedger())
	ps := h.Periods("kalbajar")
	want := []struct {
		start, end string
		status     Status
		c          Controller
	}{
		{"1991-01-01", "1993-04-01", StatusFirm, AZE},
		{"1993-04-01", "1993-04-30", StatusUncertain, AZE},
		{"1993-04-30", "2020-11-25", StatusFirm, ARM},
		{"2020-11-25", "", StatusFirm, AZE},
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d periods, want %d: %+v", len(ps), len(want), ps)
	}
	for i, w := range want {
		p := ps[i]
		end := ""
		if !p.Open {
			end = p.End.String()
		}
		if p.Start.String() != w.start || end != w.end || p.State.Status != w.status || p.State.Controller != w.c {
			t.Errorf("period %d: got %s..%s %s %s, want %s..%s %s %s", i, p.Start, end, p.State.Status, p.State.Controller, w.start, w.end, w.status, w.c)
		}
	}
	// Every day of an epoch has the same snapshot; a change day starts a new one.
	d1, _ := ParseDay("2020-11-24")
	d2, _ := ParseDay("2020-11-25")
	if h.Epoch(d1) == h.Epoch(d2) {
		t.Errorf("2020-11-24 and 2020-11-25 share epoch %d, want different", h.Epoch(d1))
	}
	d3, _ := ParseDay("2020-11-26")
	if h.Epoch(d2) != h.Epoch(d3) {
		t.Errorf("2020-11-25 and 2020-11-26 differ in epoch, want the same")
	}
	last, ok, next, okNext := h.EpochSpan(h.Epoch(d2))
	if !ok || last != d2 || !okNext || next.String() != "2020-12-01" {
		t.Errorf("span of 2020-11-25: got last %s %v next %s %v, want 2020-11-25 and 2020-12-01", last, ok, next, okNext)
	}
}

func TestChanges(t *testing.T) {
	h := mustHistory(t, testLedger())
	from, _ := ParseDay("2020-11-19")
	to, _ := ParseDay("2020-11-25")
	regions, events := h.Changes(from, to)
	var ids []string
	for _, rc := range regions {
		ids = append(ids, rc.Region.ID)
	}
	if strings.Join(ids, ",") != "kalbajar,agdam" {
		t.Errorf("changed regions: got %v, want [kalbajar agdam]", ids)
	}
	if len(events) != 2 {
		t.Errorf("got %d events, want 2", len(events))
	}
}
