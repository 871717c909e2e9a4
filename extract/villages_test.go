package extract

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/data/places"
	"github.com/mapsvc/mapsvc/data/regions"
)

// The extractor's settlements are data/places' settlements: a village of
// that file is found by its names in every language and its aliases.
func TestGazetteerSettlementsComeFromDataPlaces(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"the army entered Mehdili", "mehdili"},
		{"the army entered Karkhulu", "qarxulu"}, // an alias
		{"the army entered Garkhulu", "qarxulu"}, // the English name
		{"the army entered Qarxulu", "qarxulu"},  // the Azerbaijani name, folded
		{"دخل الجيش قرية سلطانلي", "sultanli"},   // the Arabic name
		{"The army entered Yukhari Abdurrahmanli", "yuxari-ebdurrehmanli"},
		{"Talish", "talis"},
		{"Mataghis", "suqovusan"}, // moved from the old gazetteer file into data/places
	} {
		if got := placeIn(t, tc.text); got != tc.want {
			t.Errorf("place in %q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

// A settlement spelling that is also a district's, a spelling two places
// of data/places share, and a common word bind no village on their own.
func TestGazetteerSettlementAmbiguity(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"the town of Jabrayil is written as its district", "the army entered Jebrail", "jabrayil"},
		{"Hadrut also names the NKR province", "the army entered Hadrut", "khojavend"},
		{"Aghdam town is the district", "دخل الجيش أغدام", "agdam"},
		{"Aghjakend lies in three districts", "the army entered Aghjakend", ""},
		{"a common English word alone", "a Tatar dish", ""},
		{"a common English word after a place word", "the village Tatar", "tatar-zangilan"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := placeIn(t, tc.text); got != tc.want {
				t.Errorf("place in %q: got %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// gazetteer.json holds no settlement of data/places, and every spelling of
// settlements_alone is a spelling of one of them.
func TestGazetteerFileHoldsNoSettlement(t *testing.T) {
	var f gazetteerFile
	if err := json.Unmarshal(gazetteerJSON, &f); err != nil {
		t.Fatal(err)
	}
	ps, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := regions.Load()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, p := range ps {
		ids[p.ID] = true
	}
	for _, p := range f.Places {
		if p.Settlement || ids[p.ID] {
			t.Errorf("%s: a settlement in gazetteer.json; it belongs in data/places", p.ID)
		}
	}
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range f.SettlementsAlone {
		idx, ok := g.exact[strings.Join(nameWords(s), "")]
		if !ok || !g.places[idx].Settlement || !ids[g.places[idx].ID] {
			t.Errorf("settlements_alone %q names no settlement of data/places", s)
		}
	}
	// a file that lists a settlement is refused
	bad := []byte(`{"places": [{"id": "mehdili", "region": "jabrayil", "partial": true, "name": "Mehdili", "en": ["Mehdili"]}]}`)
	if _, err := parseGazetteer(bad, rs, ps); err == nil || !strings.Contains(err.Error(), "data/places") {
		t.Errorf("a settlement in the gazetteer file: got %v, want an error naming data/places", err)
	}
}

// A village named alone proposes nothing; a list of villages with their
// districts proposes per district and lists the villages' ids.
func TestVillagesAreEvidenceOfTheirDistrict(t *testing.T) {
	res, err := Extract("Officials said the army took Mehdili on 3 October 2020.", Options{Published: "2020-10-04"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Proposals) != 0 {
		t.Errorf("a village alone: got %v, want no proposal", res.Proposals)
	}
	text := "On 3 October 2020 the army liberated the villages of Mehdili and Chakhirli in Jabrayil district and Yukhari Abdurrahmanli in Fuzuli district."
	res, err = Extract(text, Options{Published: "2020-10-04"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range res.Proposals {
		got[p.Region+" "+p.Extent] = strings.Join(p.Places, ",")
	}
	want := map[string]string{
		"jabrayil partial": "mehdili,caxirli",
		"fuzuli partial":   "yuxari-ebdurrehmanli",
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Errorf("%s: got places %q (proposals %v), want %q", k, g, got, v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got proposals %v, want %v", got, want)
	}
	b, err := json.Marshal(res.Proposals[0])
	if err != nil || !strings.Contains(string(b), `"places":[`) {
		t.Errorf("JSON %s lacks places", b)
	}
}

// Spellings news pages use that the reference names lacked: each is an
// alias with its page (data/regions curated.json alias_sources, or a
// place's note in data/places).
func TestGazetteerSpellingsFromPages(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"ذكرى أحداث خوجلي", "khojaly"},
		{"fighting in the Aghdere direction", "tartar"}, // Khojaly without its long a
		{"في محافظة مارتوني سابقا", "khojavend"},        // the NKR province, read as its seat's district
		{"شمال مارتاكيرت", "tartar"},                    // likewise
		{"زار الوفد قلعة أسكيران", "esgeran"},           // the town of Askeran: a village of Khojaly, evidence only
	} {
		if got := placeIn(t, tc.text); got != tc.want {
			t.Errorf("place in %q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

// A partial ledger event names the places an editor can file it under.
func TestLedgerNoteNamesThePlaces(t *testing.T) {
	res, err := Extract("On 3 October 2020 the army liberated the villages of Mehdili and Chakhirli in Jabrayil district.", Options{Published: "2020-10-04"})
	if err != nil {
		t.Fatal(err)
	}
	evs := res.LedgerEvents()
	if len(evs) != 1 || !strings.HasSuffix(evs[0].ExtentNote, "places named (data/places ids): mehdili, caxirli") {
		t.Errorf("got %+v, want one partial event whose note names mehdili, caxirli", evs)
	}
}

// TestVillageTheGazetteerLacks: "the village" after a sentence that places
// a village the gazetteer does not know in one district is a partial
// change of that district; with two districts named, it is no one's.
func TestVillageTheGazetteerLacks(t *testing.T) {
	expectProposed(t, "Dashbulag is a small village in the Khojavend district. The village was occupied on 17 February 1992.", "", "khojavend 1992-02-17 ARM")
	expectProposed(t, "تقع قرية داشبولاق في محافظة خوجاوند. تم احتلال هذه القرية في 17 فبراير 1992.", "", "khojavend 1992-02-17 ARM")
	expectProposed(t, "Dashbulag is a small village between the Khojavend and Fuzuli districts. The village was occupied on 17 February 1992.", "", "")
}

// TestPageAboutAVillage: a page that opens by placing a village the
// gazetteer lacks in one district ("X is a small village in the Khojavend
// district") goes on about it: "it" and "the village" a few sentences on
// are that village, while no other district is named.
func TestPageAboutAVillage(t *testing.T) {
	expectProposed(t, "Dashbulag is a small village in the Khojavend district. Its school was built in 1970. In May 1992, it came under the control of Armenian forces.", "", "khojavend 1992-05 ARM")
}

// TestVillagesOfOneDistrictOnTwoDays: two villages of one district, each
// with a day of its own, are two changes; a list of villages under one
// day stays one.
func TestVillagesOfOneDistrictOnTwoDays(t *testing.T) {
	expectProposed(t, "The army liberated the village of Talish in Tartar district on 3 October 2020 and the village of Sugovushan in Tartar district on 5 October 2020.", "2021-01-01", "tartar 2020-10-03 AZE|tartar 2020-10-05 AZE")
	expectProposed(t, "The army liberated the villages of Horovlu and Mahmudlu in Jabrayil district on 4 October 2020.", "2021-01-01", "jabrayil 2020-10-04 AZE")
}

// TestIncludingAfterAWholeArea: "took control of Nagorno-Karabakh,
// including Stepanakert": the district named after the inclusion word is
// a change of its own, where the whole area alone names none.
func TestIncludingAfterAWholeArea(t *testing.T) {
	expectProposed(t, "In September 2023, Azerbaijani forces took control of Nagorno-Karabakh, including Stepanakert.", "2024-01-01", "khankendi 2023-09 AZE")
	expectProposed(t, "In September 2023, Azerbaijani forces took control of Nagorno-Karabakh.", "2024-01-01", "")
}

// TestTheDistrictTwoSentencesOn: "the district", like "the town", reaches
// the district named up to three sentences before when the sentences
// between name no place (an encyclopedia page going on about its
// district).
func TestTheDistrictTwoSentencesOn(t *testing.T) {
	text := "On October 9, 2020, the town of Hadrut in Khojavend district was recaptured by the Azerbaijani Army. On October 14, 2020, five villages of the district were recaptured. On October 16, 2020, it was announced that Azerbaijan had taken control of three more villages in the district."
	expectProposed(t, text, "2024-01-01", "khojavend 2020-10-09 AZE|khojavend 2020-10-14 AZE|khojavend 2020-10-16 AZE")
}
