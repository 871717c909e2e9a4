package seeds_test

import (
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
)

// Regression guards for the review corrections of 2020–2024 (seeds/README.md,
// "Review corrections, 2020–2024"): each case is a date the sources fixed.
func TestReviewedDates2020To2024(t *testing.T) {
	want := map[string]string{
		// claim 8 Nov, admission 9 Nov, the losing side's later account 7 Nov
		"shusha-2020-11-08-capture": "2020-11-07/2020-11-09",
		// claim 4 Oct, denied; footage 9 Oct
		"jabrayil-2020-10-capture": "2020-10-04/2020-10-09",
		// the sources differ on the day of the announcement
		"gubadli-2020-10-25-capture": "2020-10-25/2020-10-26",
		// "Operation Revenge", announced on 3 Aug 2022
		"lachin-2022-08-capture":      "2022-08-03",
		"corridor-2022-blockade":      "2022-12-12",
		"corridor-2023-04-checkpoint": "2023-04-23",
	}
	byID := map[string]geo.Event{}
	for _, e := range ledger(t).Events {
		byID[e.ID] = e
	}
	for id, date := range want {
		e, ok := byID[id]
		if !ok {
			t.Errorf("%s: missing", id)
			continue
		}
		if e.Date.Text != date {
			t.Errorf("%s: date %s, want %s", id, e.Date.Text, date)
		}
	}
}

// After the agreement of 20 Sep 2023 control passes in a window that opens
// on the agreement and closes with a reported entry, never on the day of
// the agreement itself; the agreement is an event of its own.
func TestAgreementOpensAWindowToTheEntry(t *testing.T) {
	agreement := geo.Day(0)
	n := 0
	evs := ledger(t).Events
	for _, e := range evs {
		if e.Kind == geo.KindCeasefire && e.Date.Text == "2023-09-20" {
			agreement = e.Date.First
		}
	}
	if agreement == 0 {
		t.Fatal("no ceasefire event on 2023-09-20 (the agreement)")
	}
	for _, e := range evs {
		if e.Kind != geo.KindCapitulation {
			continue
		}
		n++
		if e.Date.First != agreement || e.Date.Last <= e.Date.First {
			t.Errorf("%s: date %s, want a window that opens on the agreement (2023-09-20)", e.ID, e.Date.Text)
		}
	}
	if n != 7 {
		t.Errorf("got %d capitulation events, want 7 (every unit still Armenian-held on 20 Sep 2023)", n)
	}
}

// Mukhtar and Dashalti (Karintak) are villages of Shusha district: no
// Khojaly event may claim them.
func TestShushaVillagesAreNotFiledUnderKhojaly(t *testing.T) {
	for _, e := range ledger(t).Events {
		if e.Region != "khojaly" {
			continue
		}
		text := strings.ToLower(e.ExtentNote + " " + e.Summary)
		for _, v := range []string{"mukhtar", "dashalti", "karintak"} {
			if strings.Contains(text, v) {
				t.Errorf("%s names %s, a Shusha-district village", e.ID, v)
			}
		}
	}
}
