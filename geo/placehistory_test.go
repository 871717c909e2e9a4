package geo_test

import (
	"errors"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"github.com/mapsvc/mapsvc/internal/synth"
)

func day(t *testing.T, s string) geo.Day {
	t.Helper()
	d, err := geo.ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The embedded data loads, and the place states on the days the issue
// names come out as the sources say.
func TestPlaceStatesOnKnownDays(t *testing.T) {
	ph := ledgertest.PlaceHistory(t)
	cases := []struct {
		name, place, date string
		want              geo.Controller
		status            geo.Status
		basis             geo.PlaceBasis
	}{
		{"Agdam town on the Armenian-held side in 2019", "agdam", "2019-06-01", geo.ARM, geo.StatusFirm, geo.BasisPlaceEvent},
		{"Guzanli, east of the line, Azerbaijani in 2019", "quzanli", "2019-06-01", geo.AZE, geo.StatusFirm, geo.BasisBeforeSplit},
		{"Horadiz Azerbaijani after January 1994", "horadiz", "2019-06-01", geo.AZE, geo.StatusFirm, geo.BasisPlaceEvent},
		{"Horadiz Armenian-held before its recapture (its next event starts from ARM)", "horadiz", "1993-12-01", geo.ARM, geo.StatusFirm, geo.BasisNextEvent},
		{"Fuzuli town Armenian-held in 2019", "fuzuli", "2019-06-01", geo.ARM, geo.StatusFirm, geo.BasisPlaceEvent},
		{"Hadrut Armenian-held in 2019", "hadrut", "2019-06-01", geo.ARM, geo.StatusFirm, geo.BasisNextEvent},
		{"Hadrut uncertain inside its 9-15 Oct window", "hadrut", "2020-10-12", geo.ARM, geo.StatusUncertain, geo.BasisPlaceEvent},
		{"Hadrut Azerbaijani on 2020-10-20", "hadrut", "2020-10-20", geo.AZE, geo.StatusFirm, geo.BasisPlaceEvent},
		{"Vank Armenian-held in 2021 (its 2023 event starts from ARM)", "vengli", "2021-06-01", geo.ARM, geo.StatusFirm, geo.BasisNextEvent},
		{"Martuni Armenian-held in 2019 (the event that ends the split starts from ARM)", "xocavend", "2019-06-01", geo.ARM, geo.StatusFirm, geo.BasisNextEvent},
		{"Istisu Armenian-held in 1995 (Kalbajar held whole)", "istisu", "1995-01-01", geo.ARM, geo.StatusFirm, geo.BasisDistrict},
		{"Mets Shen Armenian-held in 2021 (stayed with the holder from before the split)", "boyuk-qaladeresi", "2021-06-01", geo.ARM, geo.StatusFirm, geo.BasisNextEvent},
		{"Aghanus in the corridor in 2021 (holder from before the split)", "aganus", "2021-06-01", geo.ARM, geo.StatusFirm, geo.BasisBeforeSplit},
		{"Kalbajar town Azerbaijani in 2021", "kelbecer", "2021-06-01", geo.AZE, geo.StatusFirm, geo.BasisPlaceEvent},
		{"Lalatapa Armenian-held in 2015", "leletepe", "2015-06-01", geo.ARM, geo.StatusFirm, geo.BasisPlaceEvent},
		{"Lalatapa Azerbaijani after April 2016", "leletepe", "2017-01-01", geo.AZE, geo.StatusFirm, geo.BasisPlaceEvent},
		{"Farukh back on the Armenian-held side in April 2022", "ferrux", "2022-04-15", geo.ARM, geo.StatusFirm, geo.BasisPlaceEvent},
		{"Lachin town Azerbaijani after 26 Aug 2022", "lacin", "2022-09-01", geo.AZE, geo.StatusFirm, geo.BasisPlaceEvent},
		{"Lachin town in the corridor in 2021", "lacin", "2021-06-01", geo.ARM, geo.StatusFirm, geo.BasisNextEvent},
		{"Vank Azerbaijani once Kalbajar is held whole", "vengli", "2023-10-15", geo.AZE, geo.StatusFirm, geo.BasisDistrict},
		{"Khankendi follows its district", "xankendi", "2019-06-01", geo.ARM, geo.StatusFirm, geo.BasisDistrict},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := ph.Place(c.place)
			if err != nil {
				t.Fatal(err)
			}
			s := ph.StateAt(p, day(t, c.date))
			if s.Controller != c.want || s.Status != c.status || s.Basis != c.basis {
				t.Errorf("got %s %s (%s), want %s %s (%s)", s.Controller, s.Status, s.Basis, c.want, c.status, c.basis)
			}
			if len(s.EventIDs) == 0 {
				t.Error("no event ids behind the state")
			}
		})
	}
}

func TestPlaceHistoryCounts(t *testing.T) {
	ph := ledgertest.PlaceHistory(t)
	located := 0
	for _, p := range ph.Places() {
		if p.Point != nil {
			located++
		}
	}
	if n := len(ph.Places()); n < 150 {
		t.Errorf("got %d places, want at least 150", n)
	}
	if n := len(ph.Events()); n < 60 {
		t.Errorf("got %d place-level events, want at least 60", n)
	}
	t.Logf("%d places (%d with sourced coordinates), %d place-level events", len(ph.Places()), located, len(ph.Events()))
}

// placeEvent builds a minimal valid place-level event.
func placeEvent(id, region, place, date string, from, to geo.Controller) geo.Event {
	d, err := geo.ParseDateSpec(date)
	if err != nil {
		panic(err)
	}
	return geo.Event{
		ID: id, Region: region, Place: place, Date: d, Kind: geo.KindCapture, From: from, To: to,
		Extent: geo.ExtentWhole, Confidence: "low", Summary: "test",
		Sources: []geo.Source{{Ref: "https://example.org/a", Outlet: "Example"}},
	}
}

func TestPlaceHistoryRejectsInconsistentLevels(t *testing.T) {
	rs, evs := ledgertest.Data(t)
	h, err := geo.NewHistory(rs, evs)
	if err != nil {
		t.Fatal(err)
	}
	places, _ := ledgertest.Places(t)
	cases := []struct {
		name     string
		ev       geo.Event
		conflict string // the district or place event the error must name; "" for a plain ErrInvalid
	}{
		{"a place taken by ARM while Agdam is held whole by AZE (1992)",
			placeEvent("test-agdam-1992", "agdam", "agdam", "1992-05-01", geo.AZE, geo.ARM), "agdam-1991-baseline"},
		{"a place taken from AZE while Kalbajar is held whole by ARM (2000)",
			placeEvent("test-kalbajar-2000", "kalbajar", "vengli", "2000-01-01", geo.AZE, geo.ARM), "kalbajar-1994-02-capture"},
		{"a place taken from the side that does not hold it (Hadrut after its capture)",
			placeEvent("test-hadrut-again", "khojavend", "hadrut", "2021-01-01", geo.ARM, geo.AZE), "place-hadrut-2020-10-09"},
		{"a place named under the wrong district",
			placeEvent("test-wrong-region", "fuzuli", "hadrut", "2020-10-20", geo.ARM, geo.AZE), ""},
		{"an unknown place",
			placeEvent("test-unknown", "fuzuli", "no-such-place", "2020-10-20", geo.ARM, geo.AZE), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, pevs := ledgertest.Places(t)
			_, err := geo.NewPlaceHistory(h, places, append(pevs, c.ev))
			if err == nil {
				t.Fatal("got no error, want one")
			}
			var ce *geo.ConflictError
			if c.conflict == "" {
				if !errors.Is(err, geo.ErrInvalid) {
					t.Errorf("got %v, want ErrInvalid", err)
				}
				return
			}
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want a ConflictError", err)
			}
			if ce.Event != c.ev.ID || ce.With != c.conflict {
				t.Errorf("got conflict %q with %q, want %q with %q (%v)", ce.Event, ce.With, c.ev.ID, c.conflict, err)
			}
		})
	}
}

func TestDistrictLedgerRejectsPlaceEvents(t *testing.T) {
	rs, evs := ledgertest.Data(t)
	evs = append(evs, placeEvent("test-place-in-ledger", "fuzuli", "horadiz", "2020-10-20", geo.ARM, geo.AZE))
	if _, err := geo.NewHistory(rs, evs); !errors.Is(err, geo.ErrInvalid) {
		t.Errorf("got %v, want ErrInvalid for a place event in the district ledger", err)
	}
}

// Places that name districts a history does not have are refused from the
// regions alone: a deferred history (a large world on a period index) is
// not read for them, so the place collections of another world stay
// empty without loading its ledger.
func TestPlacesOfAnotherWorldDoNotReadTheLedger(t *testing.T) {
	places, events := ledgertest.Places(t)
	h, err := geo.NewDeferredHistory(synth.Regions(4, 1), nil, 0, geo.HistoryOptions{}, func() (*geo.History, error) {
		t.Error("the ledger was read")
		return nil, errors.New("not here")
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := geo.NewPlaceHistory(h, places, events); !errors.Is(err, geo.ErrInvalid) {
		t.Fatalf("places of another world: %v, want ErrInvalid", err)
	}
	if h.LedgerRead() {
		t.Fatal("the ledger was read")
	}
}
