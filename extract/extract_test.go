package extract

import (
	"encoding/json"
	"errors"
	"github.com/mapsvc/mapsvc/internal/ledgertest"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// brief lists proposals as "region date to kind" (plus " scheduled X"),
// sorted, so tests read like the events they expect.
func brief(r Result) []string {
	var out []string
	for _, p := range r.Proposals {
		s := p.Region + " " + p.Date + " " + p.To + " " + p.Kind
		if p.Scheduled != "" {
			s += " scheduled " + p.Scheduled
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func mentionTypes(r Result) string {
	var out []string
	for _, m := range r.Context {
		s := m.Type
		if m.Region != "" {
			s += ":" + m.Region
		} else if m.Place != "" {
			s += ":" + m.Place
		}
		if m.Date != "" {
			s += "@" + m.Date
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// checkOffsets verifies that every evidence item points at its quote.
func checkOffsets(t *testing.T, text string, r Result) {
	t.Helper()
	runes := []rune(text)
	check := func(e Evidence) {
		if e.Start < 0 || e.End > len(runes) || e.Start > e.End {
			t.Fatalf("evidence [%d,%d) outside the text of %d runes", e.Start, e.End, len(runes))
		}
		if got := string(runes[e.Start:e.End]); got != e.Quote {
			t.Errorf("evidence [%d,%d): got quote %q, want %q", e.Start, e.End, e.Quote, got)
		}
	}
	for _, p := range r.Proposals {
		if len(p.Evidence) == 0 {
			t.Errorf("proposal %s has no evidence", p.ID)
		}
		for _, e := range p.Evidence {
			check(e)
		}
	}
	for _, m := range r.Context {
		for _, e := range m.Evidence {
			check(e)
		}
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		published string
		want      []string
		context   string // a mention that must be reported, as in mentionTypes
	}{
		{
			name:      "a list gives one proposal per district and date",
			text:      "وبموجب الاتفاق تسلمت أذربيجان أغدام في 20 نوفمبر، ثم كلبجر في يوم 25 من نفس الشهر، قبل أن تتسلم لاتشين اليوم.",
			published: "2020-12-01",
			want: []string{
				"agdam 2020-11-20 AZE handover_by_agreement",
				"kalbajar 2020-11-25 AZE handover_by_agreement",
				"lachin 2020-12-01 AZE handover_by_agreement",
			},
		},
		{
			name:      "a planned date joins the handover that happened",
			text:      "كان من المقرر تسليم لاتشين يوم 20 نوفمبر، لكن القوات الأذربيجانية دخلت لاتشين اليوم بموجب الاتفاق.",
			published: "2020-12-01",
			want:      []string{"lachin 2020-12-01 AZE handover_by_agreement scheduled 2020-11-20"},
		},
		{
			name:      "a planned date alone is context",
			text:      "كان من المقرر تسليم لاتشين يوم 20 نوفمبر.",
			published: "2020-11-15",
			context:   "scheduled:lachin@2020-11-20",
		},
		{
			name:      "a ceasefire is not a control change",
			text:      "أعلنت روسيا الهدنة في قره باغ يوم 10 نوفمبر 2020.",
			published: "2020-11-12",
			context:   "ceasefire:karabakh@2020-11-10",
		},
		{
			name:      "an offensive starting is not a capture",
			text:      "أطلق الجيش عملية لاستعادة شوشا في 27 سبتمبر 2020.",
			published: "2020-10-01",
			context:   "offensive_start:shusha@2020-09-27",
		},
		{
			name:      "fighting breaking out is not a capture",
			text:      "اندلعت الاشتباكات حول هادروت في 27 سبتمبر 2020.",
			published: "2020-10-01",
			context:   "offensive_start:khojavend@2020-09-27",
		},
		{
			name:      "a flag raised is not the entry itself",
			text:      "رفع الجنود العلم فوق مدينة شوشا اليوم.",
			published: "2020-11-12",
			context:   "flag_raising:shusha@2020-11-12",
		},
		{
			name:      "a meeting is not a control change",
			text:      "عقد الوزيران اجتماعا في موسكو بشأن لاتشين أمس.",
			published: "2020-11-12",
			context:   "meeting:lachin@2020-11-11",
		},
		{
			name:      "a future handover is not proposed",
			text:      "سيتم تسليم لاتشين لأذربيجان في الأول من ديسمبر.",
			published: "2020-11-20",
			context:   "future_handover:lachin@2020-12-01",
		},
		{
			name:      "a future verb with the س prefix is not proposed",
			text:      "ستنسحب القوات الأرمنية من آغدام غدا.",
			published: "2020-11-19",
			context:   "future_handover:agdam@2020-11-20",
		},
		{
			name:      "a conditional statement of intent is not proposed",
			text:      "ستوقف أذربيجان العملية إذا انسحبت القوات الأرمنية من خوجالي.",
			published: "2023-09-19",
			context:   "intent:khojaly",
		},
		{
			name:      "a negated entry is not proposed",
			text:      "لم تدخل القوات الأذربيجانية لاتشين بعد.",
			published: "2020-11-20",
		},
		{
			name:      "history of a place outside the area is context",
			text:      "سيطرت القوات الروسية على يفلاخ عام 1920.",
			published: "2020-11-20",
			context:   "outside_area:yevlakh@1920",
		},
		{
			name:      "a change stated for Karabakh as a whole is context",
			text:      "استعادت أذربيجان على إقليم قره باغ بالكامل في 20 سبتمبر 2023.",
			published: "2023-09-25",
			context:   "control_change_without_district:karabakh@2023-09-20",
		},
		{
			name:      "casualties falling are not a town falling",
			text:      "أسفر القصف عن سقوط قتلى في مدينة شوشا في 8 نوفمبر 2020.",
			published: "2020-11-09",
		},
		{
			name:      "a Levantine date and an Armenian capture",
			text:      "سيطرت القوات الأرمنية على شوشا في 8 أيار 1992 بعد معارك عنيفة.",
			published: "2020-11-09",
			want:      []string{"shusha 1992-05-08 ARM military_capture"},
		},
		{
			name:      "occupation wording means an Armenian capture",
			text:      "احتلت القوات الأرمنية مدينة جبرائيل في 23 أغسطس 1993.",
			published: "2020-10-09",
			want:      []string{"jabrayil 1993-08-23 ARM military_capture"},
		},
		{
			name:      "liberation wording means an Azerbaijani capture",
			text:      "أعلن علييف تحرير مدينة فضولي في ١٧ أكتوبر ٢٠٢٠.",
			published: "2020-10-18",
			want:      []string{"fuzuli 2020-10-17 AZE military_capture"},
		},
		{
			name:      "an ordinal day",
			text:      "دخلت القوات الأذربيجانية شوشا في الثامن من نوفمبر خلال المعارك.",
			published: "2020-11-10",
			want:      []string{"shusha 2020-11-08 AZE military_capture"},
		},
		{
			name:      "a weekday against the publication date",
			text:      "وأعلنت الوزارة الأربعاء أن جيشها دخل منطقة كالبجار تنفيذا لاتفاق السلام.",
			published: "2020-11-28",
			want:      []string{"kalbajar 2020-11-25 AZE handover_by_agreement"},
		},
		{
			name:      "prefixed place names",
			text:      "وتسلمت أذربيجان بلدة قوبادلي وزنغيلان في 20 أكتوبر 2020.",
			published: "2020-10-25",
			want: []string{
				"gubadli 2020-10-20 AZE handover_by_agreement",
				"zangilan 2020-10-20 AZE handover_by_agreement",
			},
		},
		{
			name:      "the same change twice is one proposal",
			text:      "دخلت القوات الأذربيجانية كلبجر في 25 نوفمبر 2020. وأكدت الوزارة أن وحداتها دخلت كالباجار يوم 25 نوفمبر.",
			published: "2020-11-28",
			want:      []string{"kalbajar 2020-11-25 AZE military_capture"},
		},
		{
			name:      "after N years dates the earlier capture",
			text:      "رفعت أذربيجان علمها في زنغيلان اليوم بعد 28 عاما.",
			published: "2021-10-20",
			want:      []string{"zangilan 1993 ARM military_capture"},
			context:   "flag_raising:zangilan@2021-10-20",
		},
		{
			name:      "for the first time in N years",
			text:      "دخلت القوات الأذربيجانية قوبادلي في 25 أكتوبر 2020 للمرة الأولى منذ 27 عاما.",
			published: "2020-10-26",
			want:      []string{"gubadli 1993 ARM military_capture", "gubadli 2020-10-25 AZE military_capture"},
		},
		{
			name:      "since a month dates the earlier capture at month precision",
			text:      "كانت شوشا تحت سيطرة القوات الأرمنية منذ مايو 1992.",
			published: "2020-11-09",
			want:      []string{"shusha 1992-05 ARM military_capture"},
		},
		{
			name:      "since and after N years merge into one capture",
			text:      "دخل الجيش الأذري كلبجر اليوم بعد 27 سنة على احتلالها، وكانت تحت سيطرة الأرمن منذ أبريل 1993.",
			published: "2020-11-25",
			want:      []string{"kalbajar 1993-04 ARM military_capture", "kalbajar 2020-11-25 AZE military_capture"},
		},
		{
			name:      "decades are too vague to date",
			text:      "سيطر الانفصاليون على آغدام طيلة ثلاثة عقود.",
			published: "2020-11-20",
			context:   "vague_duration:agdam",
		},
		{
			name:      "the district named in the sentence before",
			text:      "دخلت القوات الأذربيجانية لاتشين اليوم. وبثت الحكومة مقاطع لدخول الجنود إلى المنطقة لأول مرة خلال 28 سنة.",
			published: "2020-12-01",
			want:      []string{"lachin 1992 ARM military_capture", "lachin 2020-12-01 AZE military_capture"},
		},
		{
			name:      "a lead without a date takes the publication date",
			text:      "شرع الجيش الأذربيجاني دخول منطقة آغدام تنفيذا لاتفاق الهدنة.",
			published: "2020-11-20",
			want:      []string{"agdam 2020-11-20 AZE handover_by_agreement"},
		},
		{
			name:      "surrender is a capitulation",
			text:      "استسلمت القوات الأرمنية في خانكندي في 20 سبتمبر 2023.",
			published: "2023-09-21",
			want:      []string{"khankendi 2023-09-20 AZE capitulation"},
		},
		{
			name:      "an unconditioned withdrawal",
			text:      "انسحبت القوات الأرمنية من آغدام في 20 نوفمبر 2020.",
			published: "2020-11-21",
			want:      []string{"agdam 2020-11-20 AZE withdrawal"},
		},
		{
			name:      "related stories after the article are not read",
			text:      "خبر أول\nسطر.\nسطر.\nسطر.\nسطر.\nاقرأ أيضا\nدخلت القوات الأذربيجانية آغدام في 20 نوفمبر 2020.",
			published: "2020-12-01",
		},
		// English
		{
			name:      "English retaking",
			text:      "Azerbaijani forces retook Fuzuli on 17 October 2020.",
			published: "2020-10-18",
			want:      []string{"fuzuli 2020-10-17 AZE military_capture"},
		},
		{
			name:      "English withdrawal under an agreement",
			text:      "Armenian forces withdrew from Aghdam on 20 November 2020 under the ceasefire agreement.",
			published: "2020-11-21",
			want:      []string{"agdam 2020-11-20 AZE handover_by_agreement"},
		},
		{
			name:      "English fell to",
			text:      "Kelbajar fell to Armenian forces in April 1993.",
			published: "2020-11-25",
			want:      []string{"kalbajar 1993-04 ARM military_capture"},
		},
		{
			name:      "English yesterday",
			text:      "Yesterday Azerbaijan took control of Hadrut.",
			published: "2020-10-10",
			want:      []string{"khojavend 2020-10-09 AZE military_capture"},
		},
		{
			name:      "English first time in N years",
			text:      "Azerbaijani troops entered Lachin today for the first time in 28 years.",
			published: "2020-12-01",
			want:      []string{"lachin 1992 ARM military_capture", "lachin 2020-12-01 AZE military_capture"},
		},
		{
			name:      "English since",
			text:      "Azerbaijan today took control of Lachin, which had been under Armenian control since May 1992.",
			published: "2020-12-01",
			want:      []string{"lachin 1992-05 ARM military_capture", "lachin 2020-12-01 AZE military_capture"},
		},
		{
			name:      "English scheduled",
			text:      "Azerbaijani troops entered Kalbajar on Wednesday under the deal. The handover had been scheduled for November 15.",
			published: "2020-11-25",
			want:      []string{"kalbajar 2020-11-25 AZE handover_by_agreement scheduled 2020-11-15"},
		},
		{
			name:      "English future",
			text:      "Armenia will hand over Lachin by December 1.",
			published: "2020-11-25",
			context:   "future_handover:lachin@2020-12-01",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Extract(tc.text, Options{Published: tc.published, History: ledgertest.History(t)})
			if err != nil {
				t.Fatal(err)
			}
			checkOffsets(t, tc.text, r)
			got := brief(r)
			want := tc.want
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("proposals: got %q, want %q (context: %s)", got, want, mentionTypes(r))
			}
			if tc.context != "" && !strings.Contains(" "+mentionTypes(r)+" ", " "+tc.context+" ") {
				t.Errorf("context: got %q, want it to include %q", mentionTypes(r), tc.context)
			}
		})
	}
}

func TestExtractWithoutPublicationDate(t *testing.T) {
	t.Run("relative dates are proposed unresolved", func(t *testing.T) {
		for _, text := range []string{
			"دخلت القوات الأذربيجانية لاتشين اليوم.",
			"Azerbaijani troops entered Lachin on Wednesday, officials said.",
		} {
			r, err := Extract(text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.PublishedHow != "unknown" || len(r.Proposals) != 1 {
				t.Fatalf("%s: got %q published_how %q, want one proposal and unknown", text, brief(r), r.PublishedHow)
			}
			p := r.Proposals[0]
			if p.Region != "lachin" || p.To != "AZE" || p.Date != "" || p.DateHow != "needs publication date" || !strings.Contains(p.Resolve, "publication date") {
				t.Errorf("%s: got %+v, want lachin to AZE with no date, needing the publication date", text, p)
			}
			b, _ := json.Marshal(p)
			if !strings.Contains(string(b), `"date":null`) || !strings.Contains(string(b), `"date_how":"needs publication date"`) {
				t.Errorf("JSON %s: want date null and date_how needs publication date", b)
			}
			if n := len(r.LedgerEvents()); n != 0 {
				t.Errorf("got %d ledger events, want none until the date is known", n)
			}
		}
	})
	t.Run("explicit dates need no publication date", func(t *testing.T) {
		r, _ := Extract("سيطرت القوات الأرمنية على شوشا في 8 أيار 1992.", Options{})
		if got := brief(r); len(got) != 1 || got[0] != "shusha 1992-05-08 ARM military_capture" {
			t.Errorf("got %q, want shusha 1992-05-08 ARM military_capture", got)
		}
	})
}

func TestInferPublished(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{
			name: "today's weekday in the current month, year from the 2020 war start",
			text: "قالت الحكومة اليوم الجمعة أن جيشها دخل فضولي في 20 من أكتوبر الجاري، بعد أن اندلع القتال في 27 سبتمبر المنصرم.",
			want: "2020-10-23",
		},
		{
			name: "today's weekday, the month after one called past",
			text: "قال الجيش اليوم الثلاثاء إن الهدنة التي أعلنت في 10 نوفمبر صامدة منذ الاجتماع الذي عقد في 12 نوفمبر الماضي.",
			want: "2020-12-01",
		},
		{
			// the truce's own day is retold for months: calling its month
			// past says nothing of how recent the page is
			name: "a landmark day called past is not enough",
			text: "قال الجيش اليوم الثلاثاء إن الهدنة التي أعلنت في 10 نوفمبر الماضي صامدة، بعد الهدنة.",
			want: "",
		},
		{
			name: "a dateline near the top",
			text: "باكو، 26-11-2020\nدخلت القوات الأذربيجانية كلبجر أمس.",
			want: "2020-11-26",
		},
		{
			// a bare date in brackets right after a word of a body
			// sentence is that event's day, not the article's
			name: "a bracketed date inside a body sentence is no dateline",
			text: "A short history of the district\nTroops marched on towards the hills in early summer, a week after the fall of Shusha (May 8, 1992), and shelled the roads for days.",
			want: "",
		},
		{
			name: "a bracketed credit with its date still is one",
			text: "Troops marched on towards the hills and shelled the roads around the district centre for days (Example News, May 8, 1992).",
			want: "1992-05-08",
		},
		{
			// after a paragraph of the body, a date heading a sentence
			// dates what it tells: the page tells of 2020 already
			name: "a date heading a sentence after the body has begun is no dateline",
			text: "How the front moved\nAfter the second war over the region in 2020, Azerbaijan held the southern districts again and the remaining three were handed back to it under the truce that the Russian side had brokered that autumn.\n18 May 1992, the Armenian side took the town of Lachin and opened a road to Armenia.",
			want: "",
		},
		{
			name: "a dateline after a headline still is one",
			text: "Troops enter the district\n18 May 1992, Stepanakert: the Armenian side took the town of Lachin and opened a road to Armenia, officials said.",
			want: "1992-05-18",
		},
		{
			// an infobox's date is a fact of the subject, not the page's
			// date, when the text writes later years
			name: "a labelled date of the subject is no dateline",
			text: "Kalbajar District\n- Established: 8 August 1930\n- Capital: Kalbajar\nThe district was lost in 1993 and came back to Azerbaijan in 2020.",
			want: "",
		},
		{
			name: "a labelled date in a language the lexicon lacks still is one",
			text: "Yayınlanma: 16.10.2023\nThe flag was raised over the city, which the army had taken in 2023.",
			want: "2023-10-16",
		},
		{
			name: "a weekday alone is not enough",
			text: "قالت الوزارة إن العملية مستمرة اليوم الأربعاء.",
			want: "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Extract(tc.text, Options{History: ledgertest.History(t)}) // anchors come from the ledger
			if err != nil {
				t.Fatal(err)
			}
			if r.Published != tc.want {
				t.Errorf("published: got %q (%s), want %q", r.Published, r.PublishedHow, tc.want)
			}
			if tc.want != "" && !strings.HasPrefix(r.PublishedHow, "inferred: ") {
				t.Errorf("published_how: got %q, want it to start with inferred:", r.PublishedHow)
			}
		})
	}
	t.Run("the inferred date resolves relative dates", func(t *testing.T) {
		r, _ := Extract("باكو، 26-11-2020\nدخلت القوات الأذربيجانية كلبجر أمس.", Options{})
		if got := brief(r); len(got) != 1 || got[0] != "kalbajar 2020-11-25 AZE military_capture" {
			t.Errorf("got %q, want kalbajar 2020-11-25 AZE military_capture", got)
		}
	})
}

func TestExtractErrors(t *testing.T) {
	t.Run("input over 1 MiB", func(t *testing.T) {
		_, err := Extract(strings.Repeat("a", MaxInput+1), Options{})
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("got %v, want ErrTooLarge", err)
		}
	})
	t.Run("bad publication date", func(t *testing.T) {
		_, err := Extract("text", Options{Published: "2020-13-01"})
		if !errors.Is(err, ErrBadPublished) {
			t.Errorf("got %v, want ErrBadPublished", err)
		}
	})
	t.Run("empty text", func(t *testing.T) {
		r, err := Extract("", Options{})
		if err != nil || r.Proposals == nil || len(r.Proposals) != 0 {
			t.Errorf("got %+v, %v; want an empty result", r, err)
		}
	})
}

func TestLanguage(t *testing.T) {
	for text, want := range map[string]string{
		"دخلت القوات الأذربيجانية لاتشين":   "ar",
		"Azerbaijani troops entered Lachin": "en",
		"":                                  "ar",
	} {
		r, _ := Extract(text, Options{})
		if r.Language != want {
			t.Errorf("language of %q: got %q, want %q", text, r.Language, want)
		}
	}
}

func TestEvidenceOffsetsAreRunes(t *testing.T) {
	text := "مقدمة بلا أحداث.\nدخلت القوات الأذربيجانية آغدام في 20 نوفمبر 2020 بموجب الاتفاق."
	r, err := Extract(text, Options{Published: "2020-11-21"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Proposals) != 1 {
		t.Fatalf("got %q, want one proposal", brief(r))
	}
	e := r.Proposals[0].Evidence[0]
	if want := utf8.RuneCountInString("مقدمة بلا أحداث.\n"); e.Start != want {
		t.Errorf("evidence start: got %d, want %d", e.Start, want)
	}
	checkOffsets(t, text, r)
}

func TestBodyEnd(t *testing.T) {
	head := "عنوان\nسطر.\nسطر.\nسطر.\nسطر.\n"
	tests := []struct {
		name, text string
		cut        bool
	}{
		{"related stories heading", head + "اقرأ أيضا\nخبر آخر", true},
		{"more-from heading", head + "المزيد من الأخبار\nخبر آخر", true},
		{"read-also line with a headline", head + "اقرأ أيضاً: زيارة رسمية إلى باكو مع قلق أمني متزايدة في المنطقة\n", true},
		{"a body sentence starting with the same words", head + "المزيد من القوات الأذربيجانية وصلت إلى المنطقة اليوم عقب انسحاب القوات الأرمنية منها\n", false},
		{"no furniture", head + "نص", false},
		{"a read-more link under the byline, above the body", "Title of the story\nDate\n12/13/2024\n(Agency)\nA. Writer\nRead more\nThe first sentence of the body.\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := bodyEnd(tc.text) < len(tc.text); got != tc.cut {
				t.Errorf("cut: got %v, want %v", got, tc.cut)
			}
		})
	}
}
