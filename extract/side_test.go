package extract

import (
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/ledgertest"
)

// sidesOf returns the sides proposed for region (dated proposals only).
func sidesOf(t *testing.T, text, published, region string) []string {
	t.Helper()
	r, err := Extract(text, Options{Published: published, History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range r.Proposals {
		if p.Region == region && p.Date != "" {
			out = append(out, p.Date+" "+p.To)
		}
	}
	return out
}

// A side read against the ledger's record of the same change is misread:
// a side that concedes a fall is the loser, not the winner; a verb that
// names no side is the ledger's, not the default of the word.
func TestSideAgainstLedgerRecord(t *testing.T) {
	for _, tc := range []struct{ name, text, published, region, want string }{
		{"conceded fall", "Azerbaijani officials acknowledged the fall of Shusha on 9 May 1992.", "", "shusha", "1992-05-09 ARM"},
		{"retaken, no side", "Fighters retook Martakert on 2 July 1993 after a week of battles.", "", "tartar", "1993-07-02 ARM"},
		{"year only", "Last year the army of Azerbaijan liberated the district of Aghdam.", "2021-06-01", "agdam", "2020 AZE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := sidesOf(t, tc.text, tc.published, tc.region)
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("%q: got %v, want [%s]", tc.text, got, tc.want)
			}
		})
	}
}

// When the ledger records changes to both sides in those days, the side
// read from the text stays.
func TestSideKeptWhenLedgerRecordsBothSides(t *testing.T) {
	got := sidesOf(t, "The army of Azerbaijan took control of Khojaly on 26 March 2022.", "", "khojaly")
	if len(got) != 1 || got[0] != "2022-03-26 AZE" {
		t.Errorf("got %v, want [2022-03-26 AZE]", got)
	}
}

// The side read from the text alone (no ledger passed in).
func TestSideFromTheText(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		// "from the X": what a place was taken from, the loser
		{"taken from the other side", "The president of Azerbaijan said on Sunday that his country's troops had captured Jabrayil from the Armenian forces on 4 October 2020.", "jabrayil 2020-10-04 AZE"},
		// a side that concedes a fall lost the place
		{"conceded fall", "Officials in Baku conceded the fall of Shusha on 9 May 1992.", "shusha 1992-05-09 ARM"},
		{"conceded fall, Arabic", "اعترف مسؤولون في باكو بسقوط شوشا يوم 9 مايو 1992.", "shusha 1992-05-09 ARM"},
		// the occupier leaving is no new occupation
		{"occupation leaving", "عادت لاتشين إلى سيطرة أذربيجان بعد جلاء الاحتلال الأرميني عنها يوم 26 أغسطس 2022.", "lachin 2022-08-26 AZE"},
		// "fell under X occupation": X gained, whichever side says it
		{"fell under occupation", "On 26 August 2022 Lachin fell under Azerbaijani occupation, residents said.", "lachin 2022-08-26 AZE"},
		// an adjective of possession names the holder: the other side gained
		{"holder adjective", "Troops captured the Armenian-held town of Fuzuli on 17 October 2020.", "fuzuli 2020-10-17 AZE"},
		// the nationality of places names whose they are, not who took them
		{"owner of places", "Armenian troops backed by tanks seized Azerbaijani villages of the Fuzuli district on 20 August 1993.", "fuzuli 1993-08-20 ARM"},
		// "our army" in a quote: the speaker's side, named after the quote
		{"first person, speaker after the quote", "\"Our soldiers are now in Kalbajar, we entered it at dawn,\" an Armenian commander said on 3 April 1993.", "kalbajar 1993-04-03 ARM"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Extract(tc.text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range r.Proposals {
				got = append(got, p.Region+" "+p.Date+" "+p.To)
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("%q: got %v, want [%s]", tc.text, got, tc.want)
			}
		})
	}
}

// "was retaken" with no side named: away from the ledger's holder of
// the day, not Azerbaijan's by default.
func TestSideRetakenUnnamedFromLedger(t *testing.T) {
	got := sidesOf(t, "The town of Shusha was retaken on 15 March 1992.", "", "shusha")
	if len(got) != 1 || got[0] != "1992-03-15 ARM" {
		t.Errorf("got %v, want [1992-03-15 ARM]", got)
	}
}

// A side's claim of its own gain is reported as claimed even when the
// ledger records the other side gaining there in those days.
func TestSideOwnClaimNotFlippedByLedger(t *testing.T) {
	got := sidesOf(t, "Yerevan said on 10 October 2020 that Armenian units had recaptured Jabrayil.", "", "jabrayil")
	if len(got) != 1 || got[0] != "2020-10-10 ARM" {
		t.Errorf("got %v, want [2020-10-10 ARM]", got)
	}
}

// A side taken from the ledger against the words is said so, naming the
// side the words read; a side the words read is not annotated.
func TestSideHowNamesTheLedgerOverride(t *testing.T) {
	// a misreading as plain as it gets: the words name the wrong actor
	text := "The Azerbaijani army captured Shusha on 9 May 1992."
	r, err := Extract(text, Options{History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Proposals) != 1 || r.Proposals[0].To != "ARM" || r.Proposals[0].SideHow == "" {
		t.Fatalf("got %+v, want one ARM proposal with side_how", r.Proposals)
	}
	if want := "(the text read AZE)"; !strings.Contains(r.Proposals[0].SideHow, want) {
		t.Errorf("side_how %q does not name the text's reading %s", r.Proposals[0].SideHow, want)
	}
	r, err = Extract("The army of Azerbaijan took control of Khojaly on 26 March 2022.", Options{History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Proposals {
		if p.SideHow != "" {
			t.Errorf("side read from the words got side_how %q", p.SideHow)
		}
	}
}

// TestSideNamedAfterIn: a side named after "in" ("the district of Agdam
// in the Azerbaijani Republic") says where the place is, not who took it.
func TestSideNamedAfterIn(t *testing.T) {
	expectProposed(t, "Noting with alarm the escalation in armed hostilities and, in particular, the seizure of the district of Agdam in the Azerbaijani Republic.", "", "")
	expectProposed(t, "Officials in Baku conceded the fall of Shusha on 9 May 1992.", "", "shusha 1992-05-09 ARM")
}
