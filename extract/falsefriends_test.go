package extract

import (
	"testing"

	"github.com/mapsvc/mapsvc/internal/ledgertest"
)

// Words that share a verb with "fell" or sit beside a district but do
// not change who holds it: nothing is proposed. Sentences written for
// this test.
func TestFalseFriendsProposeNothing(t *testing.T) {
	tests := []struct{ name, text string }{
		{"a plane fell in Shusha yesterday", "A plane fell in Shusha yesterday, local officials said."},
		{"a military helicopter fell near Lachin", "A military helicopter fell near Lachin on Monday."},
		{"Arabic: a plane fell, verb first", "سقطت طائرة مسيرة في شوشا أمس."},
		{"Arabic: a plane fell, noun first", "قالت السلطات إن طائرة سقطت قرب لاتشين أمس."},
		{"Arabic: dead fell in shelling", "سقط قتلى وجرحى في قصف استهدف مدينة ترتر أمس."},
		{"Arabic: shells fell on a town", "سقطت قذائف على أطراف آغدام صباح اليوم."},
		{"Arabic: a child fell victim", "وأعلنت يريفان أن طفل أرمني قد سقط ضحية قصف القوات الأذربيجانية في مناطق فضولي وترتر."},
		{"Arabic: soldiers fell", "سقط جنود أذربيجانيون في ترتر أمس."},
		{"shelling is not a capture", "Armenian forces shelled Tartar overnight, the ministry said."},
		{"Arabic: shelling is not a capture", "قصفت القوات الأرمنية مدينة ترتر ليلة أمس."},
		{"casualties", "Two soldiers were killed in Fuzuli district on Tuesday."},
		{"a ceasefire violation", "Baku accused Yerevan of violating the ceasefire near Agdam yesterday."},
		{"Arabic: a ceasefire violation", "اتهمت باكو يريفان بخرق الهدنة قرب آغدام أمس."},
		{"a day enters history", "He said this Sunday would enter history as a day of pride for Shusha."},
		{"Arabic: a day will enter history", "قال الرئيس إن يوم العودة إلى شوشا سيدخل التاريخ."},
		{"Arabic: a truce entered into force", "دخلت الهدنة في محيط لاتشين حيز التنفيذ منتصف الليل."},
		{"a truce entered into force", "The truce around Lachin entered into force at midnight."},
		{"Arabic: the fighting entered its second week", "دخلت المعارك حول فضولي اسبوعها الثاني."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Extract(tt.text, Options{Published: "2020-10-20", History: ledgertest.History(t)})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Proposals) != 0 {
				t.Errorf("got %q, want no proposal", brief(r))
			}
		})
	}
}

// The side gaining a district, when the text names none, and the holder
// before come from the ledger passed in, not from the year.
func TestPriorHolderComesFromTheLedger(t *testing.T) {
	text := "Shusha fell on 8 May 1992 after days of fighting."
	r, err := Extract(text, Options{History: ledgertest.History(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Proposals) != 1 || r.Proposals[0].To != "ARM" || r.Proposals[0].From != "AZE" {
		t.Fatalf("got %+v, want shusha from AZE to ARM (the ledger's holder before was AZE)", r.Proposals)
	}
	r, _ = Extract(text, Options{})
	if len(r.Proposals) != 0 {
		t.Errorf("without a ledger and without a named side: got %q, want no proposal", brief(r))
	}
	r, _ = Extract("Armenian forces captured Kalbajar on 3 April 1993.", Options{History: ledgertest.History(t)})
	if len(r.Proposals) != 1 || r.Proposals[0].From != "AZE" {
		t.Errorf("got %+v, want From AZE from the ledger", r.Proposals)
	}
}

// The conflict dates used to place a year-less "10 November ceasefire"
// are the ledger's, not a list in the code.
func TestAnchorsComeFromTheLedger(t *testing.T) {
	as := anchorsFrom(ledgertest.History(t))
	found := false
	for _, a := range as {
		if a.year == 2020 && a.month == 11 && a.day == 10 && a.ctx == ctxCeasefire {
			found = true
		}
	}
	if !found {
		t.Errorf("got %+v, want the ledger's 10 November 2020 ceasefire among them", as)
	}
	if anchorsFrom(nil) != nil {
		t.Errorf("without a ledger: got anchors, want none")
	}
}

// TestIdeasAndNationalDays: "تحتل المدينة أهمية" (the city holds a place
// of importance), a national day named for "the liberation of
// Azerbaijan" and a town called "the symbol of liberation" tell no change.
func TestIdeasAndNationalDays(t *testing.T) {
	expectProposed(t, "وتحتل مدينة شوشة أهمية كبيرة لدى سكان البلاد.", "2021-06-15", "")
	expectProposed(t, "وصل الرئيس إلى مدينة شوشة، وتتزامن زيارته مع اليوم الوطني لتحرير أذربيجان، 15 يونيو.", "2021-06-15", "")
	expectProposed(t, "شوشا.. رمز التحرير وعاصمة الثقافة", "2021-06-15", "")
	expectProposed(t, "Shusha, a symbol of liberation, hosts a music festival.", "2021-06-15", "")
	// a liberation of a district by the country stays one
	expectProposed(t, "وأعلن علييف تحرير أذربيجان لمدينة شوشة يوم 8 نوفمبر 2020.", "", "shusha 2020-11-08 AZE")
}

// TestResidentsLeavingWithTheirSubjectSetOff: residents leaving a town
// are no withdrawal, however far their noun stands before the verb ("the
// residents of X left", "X's residents too, fearful …, left"); forces
// named after them are the subject again.
func TestResidentsLeavingWithTheirSubjectSetOff(t *testing.T) {
	expectProposed(t, "The residents of Khankendi left for Armenia.", "2023-10-04", "")
	expectProposed(t, "Khankendi’s residents too, fearful of persecution, left for neighbouring Armenia.", "2023-10-04", "")
	expectProposed(t, "After the residents fled, Armenian forces left Khankendi on 1 October 2023.", "2023-10-04", "khankendi 2023-10-01 AZE")
}

// TestReturnOfFormerResidents: "the return of former IDPs to Zabukh" is
// people coming home, not a place returned; the mover may stand a word or
// two after the control word.
func TestReturnOfFormerResidents(t *testing.T) {
	expectProposed(t, "Just before the celebration, on August 25, the first phase of the return of former IDPs to the village of Zabukh of Lachin district began.", "2023-08-26", "")
	expectProposed(t, "The return of Lachin to Azerbaijan on 1 December 2020 ended the war.", "2023-08-26", "lachin 2020-12-01 AZE")
}

// TestFreedFromTheYokeOfOccupation: the occupation a place was freed
// from, past "the yoke of" ("المحررة من وطأة احتلال أرمينيا"), is no
// change of its own.
func TestFreedFromTheYokeOfOccupation(t *testing.T) {
	expectProposed(t, "زار الرئيس قصبة هادروت المحررة من وطأة احتلال أرمينيا.", "", "")
	expectProposed(t, "Shusha was liberated from the yoke of Armenian occupation on 8 November 2020.", "", "shusha 2020-11-08 AZE")
}

// TestVisitedLiberatedTown: a participle after a verb of visiting
// ("visited liberated Shusha") describes the town; a person returning to
// a town ("the mayor of Shusha returned to the city", "he returned to
// Shusha") is no change; a town returned to a side still is.
func TestVisitedLiberatedTown(t *testing.T) {
	expectProposed(t, "President Aliyev visited liberated Shusha on 15 January 2021.", "2021-10-05", "")
	expectProposed(t, "The mayor of Shusha returned to the city on 20 May 2021.", "2021-10-05", "")
	expectProposed(t, "He returned to Shusha on 20 May 2021 after 29 years.", "2021-10-05", "")
	expectProposed(t, "Shusha returned to Azerbaijan on 8 November 2020.", "2021-10-05", "shusha 2020-11-08 AZE")
}

// TestPolicyOfOccupation: an occupation named as a policy ("a policy of
// aggression and occupation", "سياسة الاحتلال") is no change, and does
// not take the place the sentence's own change names.
func TestPolicyOfOccupation(t *testing.T) {
	expectProposed(t, "Baku condemned Armenia's policy of occupation in Lachin, the ministry said.", "2018-05-18", "")
	expectProposed(t, "“Under a policy of aggression and occupation, on 18 May 1992, Lachin district was occupied by the armed forces of Armenia,” the statement reads.", "2018-05-18", "lachin 1992-05-18 ARM")
}
