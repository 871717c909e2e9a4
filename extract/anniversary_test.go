package extract

import (
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/internal/ledgertest"
)

// A change dated only by the page's day, on the day and month of a change
// the ledger holds for an earlier year, is that change marked on its
// anniversary; a change whose day the text writes, or one the ledger
// dates loosely, is left alone.
func TestPageDayAnniversary(t *testing.T) {
	for _, tc := range []struct{ name, text, published, want, how string }{
		{"today, the ledger's day", "Today the army of Azerbaijan liberated the town of Shusha, the minister told the crowd in Baku.", "2024-11-08", "shusha 2020-11-08 AZE", "anniversary"},
		{"today, Arabic", "حرر الجيش الأذربيجاني اليوم مدينة شوشا، كما قال الوزير أمام الحشد.", "2023-11-08", "shusha 2020-11-08 AZE", "anniversary"},
		// "captured" takes the side named, so only the date is at stake
		{"the text writes the year", "On 8 November 2020 the army of Azerbaijan captured the town of Shusha.", "2024-11-08", "shusha 2020-11-08 AZE", "explicit"},
		{"another day of the year", "Today the army of Azerbaijan captured the town of Shusha, the minister said.", "2020-11-12", "shusha 2020-11-12 AZE", "relative"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Extract(tc.text, Options{Published: tc.published, History: ledgertest.History(t)})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range r.Proposals {
				if p.Region == "shusha" {
					got = append(got, p.Region+" "+p.Date+" "+p.To)
					if !strings.Contains(p.DateHow, tc.how) {
						t.Errorf("date_how %q, want it to say %q", p.DateHow, tc.how)
					}
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("got %v, want [%s]", got, tc.want)
			}
		})
	}
}

// TestAnniversaryOnAWrittenDayOfAnUndatedPage: on a page with no
// publication date, an anniversary held on a day and month the text
// writes dates the change by the ledger's one change of the district on
// that day and month.
func TestAnniversaryOnAWrittenDayOfAnUndatedPage(t *testing.T) {
	expectProposed(t, "Azerbaijan marks on November 25 the first anniversary of the liberation of its Kalbajar region.", "", "kalbajar 2020-11-25 AZE")
	expectProposed(t, "On 9 May Armenians mark the anniversary of the liberation of Shushi.", "", "shusha 1992-05-09 ARM")
	// no change of the district on that day: nothing to date it by
	expectProposed(t, "On 3 March Azerbaijan marks the anniversary of the liberation of its Kalbajar region.", "", "")
}

// TestAnniversaryCaption: a caption's trail of places after the change
// ("the liberation of Shushi, Nagorno-Karabakh, Stepanakert, May 8,
// 2017") names where the town lies, not more towns taken; and its day,
// the march's, is no change's day to count the anniversary from: the
// page is not dated 25 years after it.
func TestAnniversaryCaption(t *testing.T) {
	expectProposed(t, "Participants of the march in honour of the 25th anniversary of the liberation of Shushi, Nagorno-Karabakh, Stepanakert, May 8, 2017.", "2017-05-08", "shusha 1992-05-08 ARM")
	_, r := proposed(t, "Participants of the march in honour of the 25th anniversary of the liberation of Shushi, May 8, 2017.", "")
	if r.Published == "2042-05-08" {
		t.Errorf("published %s: 25 years after the caption's day", r.Published)
	}
}
