package extract

import "testing"

// TestLivePageEntryDay: on a live page, each entry sits under a line that
// is only its day and time; a change the entry tells without a date is
// the news of that day, however far down the page it is and whatever day
// the page was published.
func TestLivePageEntryDay(t *testing.T) {
	page := "Live: the fighting, hour by hour\n\nRead more of our reporting on the conflict below.\n\nWe keep the names each side uses.\n\n" +
		"Our reporters are in Baku and Yerevan.\n\n" +
		"12 Oct 2020, 18:40\n\nShelling reported near Tartar\n\nResidents described artillery fire through the afternoon.\n\n" +
		"11 Oct 2020, 21:05\n\nBaku says villages taken\n\nThe defence ministry in Baku said its troops had taken control of four villages in the Jabrayil district.\n"
	expectProposedHow(t, page, "2020-10-13", "jabrayil 2020-10-11 AZE", "time stamp of its entry")
	// one dated line at the top is a dateline, not a live page: the
	// change deep in the body is left undated
	article := "12 Oct 2020\n\nA long report.\n\nIt has many paragraphs.\n\nThey tell of the front.\n\nAnd of the people.\n\nAnd of the weather.\n\n" +
		"Prices rose.\n\nSchools shut.\n\nTrains stopped.\n\nShops closed early.\n\nThe roads were empty.\n\n" +
		"The defence ministry in Baku said its troops had taken control of four villages in the Jabrayil district.\n"
	expectProposed(t, article, "2020-10-13", "")
}

// TestLaunchedOperationIsAStart: "launched a liberation operation in X" is
// the start of the fighting for X, not its capture; the later "X was
// liberated" dates the change.
func TestLaunchedOperationIsAStart(t *testing.T) {
	expectProposed(t, "On 27 March 1993 Armenian units launched a liberation operation in Kalbajar. On 2 April Kalbajar was liberated.", "",
		"kalbajar 1993-04-02 ARM")
}

// TestPronounAcrossATopicSentence: a sentence that names no place but goes
// on about "it" keeps the district named before as the one a pronoun two
// sentences later means.
func TestPronounAcrossATopicSentence(t *testing.T) {
	expectProposed(t, "تقع شوشا فوق الوادي. وتكشف مرتفعاتها الطريق كله. وقد سيطر عليها الأرمن في 9 مايو 1992.", "",
		"shusha 1992-05-09 ARM")
	// a sentence between that does not go on about it breaks the chain
	expectProposed(t, "تقع شوشا فوق الوادي. وجاء الصحفيون من كل مكان. وقد سيطر عليها الأرمن في 9 مايو 1992.", "", "")
}

// TestChangeInAWarOfAYear: a change told in or right after a war or an
// offensive named by its year ("the 2023 Nagorno-Karabakh offensive") is
// the ledger's one change of the district that year, not a change of
// another year the ledger holds.
func TestChangeInAWarOfAYear(t *testing.T) {
	expectProposedHow(t, "Khojavend returned to Azerbaijan's control after the 2023 Nagorno-Karabakh offensive.", "",
		"khojavend 2023 AZE", "2023-09-20/2023-10-02")
	expectProposedHow(t, "Khojavend returned to Azerbaijani control in the 2023 war.", "",
		"khojavend 2023 AZE", "2023-09-20/2023-10-02")
}
