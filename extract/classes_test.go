package extract

import "testing"

// Rules for the error classes that recurred on held-out first runs
// (extract14h, see README "Error classes"): grammatical mechanisms, not
// phrases of any page. The sentences are written for these tests. want
// lists proposals as "region date to", sorted.
func TestErrorClassRules(t *testing.T) {
	tests := []struct {
		class, name, text, published string
		want                         []string
	}{
		// a participle describing a place is background, not the news
		{"participle", "reduced relative after a place governed by a preposition",
			"The president spoke to veterans in Shusha city liberated from occupation, the agency reported.",
			"2020-12-20", nil},
		{"participle", "adjective after a determiner",
			"Engineers began clearing mines around the newly liberated villages of Fuzuli district this week.",
			"2020-12-20", nil},
		{"participle", "a reduced relative keeps its own date",
			"Officials laid flowers in Shusha, liberated on 8 November 2020, the ministry said.",
			"2021-05-01", []string{"shusha 2020-11-08 AZE"}},
		{"participle", "a verb with its object is still the news",
			"Azerbaijani units liberated Fuzuli city on Saturday, the president said.",
			"2020-10-17", []string{"fuzuli 2020-10-17 AZE"}},
		// what an operation or a war took, told as its summary, is a
		// running total, not the news of the day (unless dated itself)
		{"operation frame", "Arabic: after في إطار and an operation noun",
			"وفي إطار الهجوم المضاد، نجحت القوات الأذربيجانية في تحرير جبرائيل وعشرات البلدات، بحسب بيان للوزارة.",
			"2020-10-20", nil},
		{"operation frame", "Arabic: خلالها after the launch of an operation",
			"في 27 سبتمبر بدأت باكو عملية واسعة، واستعادت خلالها مدينة فضولي وقرى كثيرة.",
			"2020-10-25", nil},
		{"operation frame", "English: during the offensive",
			"During the six-week offensive, Azerbaijani troops retook Fuzuli and Jabrayil, officials say.",
			"2020-11-20", nil},
		{"operation frame", "a clause with its own date keeps it",
			"During the offensive, Azerbaijani troops retook Fuzuli on 17 October, officials say.",
			"2020-11-20", []string{"fuzuli 2020-10-17 AZE"}},
		{"operation frame", "خلال without an operation is a span of time",
			"خلال الساعات الماضية، حرر الجيش مدينة جبرائيل، حسب الرئيس.",
			"2020-10-04", []string{"jabrayil 2020-10-04 AZE"}},
		// a state told with its start ("from" after "under … occupation")
		// is a change on that day, and "It" opening the sentence is the
		// district the sentence before opened with
		{"held from", "English: remained under occupation from a day",
			"Kalbajar district was formed in 1930 and merged with Lachin later. It remained under Armenian occupation from 2 April 1993, a historian writes.",
			"2024-01-01", []string{"kalbajar 1993-04-02 ARM"}},
		{"held from", "a sentence after one with no district binds nothing",
			"Mountain roads were closed for the winter. It remained under Armenian occupation from 2 April 1993, a historian writes.",
			"2024-01-01", nil},
		{"held from", "anniversary: districts retold with the commemorated one take its day, not the earlier occupation",
			"Azerbaijan marks the fourth anniversary of the liberation of Zangilan.\nZangilan was liberated on 20 October 2020, the ministry recalled.\nZangilan was founded in 1930 and stayed under Armenian occupation from 29 October 1993.\nAlong with Zangilan, the cities of Jabrayil and Fuzuli were freed by the army, the ministry said.",
			"2024-10-20", []string{"fuzuli 2020-10-20 AZE", "jabrayil 2020-10-20 AZE", "zangilan 1993-10-29 ARM", "zangilan 2020-10-20 AZE"}},
		// a date right after a launch verb is the day the fighting began,
		// not the day of what was taken in it
		{"launch date", "Arabic: within a war that began on a day",
			"وكانت القوات قد استعادت خلال الحرب التي بدأت في 27 سبتمبر مدينة جبرائيل وقرى عديدة.",
			"2020-12-01", nil},
		{"launch date", "English: the launch day does not date the change, the weekday does",
			"In the offensive launched on 27 September the army has retaken Jabrayil, the ministry said on Saturday.",
			"2020-10-04", []string{"jabrayil 2020-10-03 AZE"}},
		{"operation frame", "English: as a result of a war, across the commas of a list, the war's year no date of the change",
			"Azerbaijan freed dozens of villages, two towns and the city of Fuzuli as a result of the 44-day war in 2020, officials say.",
			"2023-05-01", nil},
		// a date told after a signing or "followed by" is the other event's
		{"later event", "English: followed by a signing on a day",
			"Armenian forces took Lachin on 18 May 1992.\nThe fall of Lachin was followed by the signing of a new protocol between the sides on 12 June 1992.",
			"", []string{"lachin 1992-05-18 ARM"}},
		// a count that sums up a war is a running total
		{"running count", "English: a total of",
			"The army has freed a total of 120 villages, among them villages of Jabrayil and Fuzuli, the ministry says.",
			"2020-11-01", nil},
		{"running count", "Arabic: hundreds of units before a village word",
			"حررت القوات الأذربيجانية 300 قرية وبلدة ومدينة شوشا التاريخية، وفق الوزارة.",
			"2021-01-10", nil},
		{"running count", "a small count of villages on a day is still the news",
			"Azerbaijani forces freed 13 villages of Jabrayil district on Friday, the ministry said.",
			"2020-10-10", []string{"jabrayil 2020-10-09 AZE"}},
		// a document's date ("dated", "المؤرخة") dates the document
		{"document date", "English: a letter dated a day",
			"In a note dated 3 May 1993, the ministry condemned the capture of Kalbajar by Armenian forces.",
			"2023-04-02", nil},
		{"document date", "Arabic: a letter dated a day",
			"وفي رسالة مؤرخة في 3 مايو 1993، تحدث الوزير عن احتلال كلبجار من قبل القوات الأرمينية.",
			"2023-04-02", nil},
		// names before a direction noun are fronts
		{"front", "English names before 'directions of the front'",
			"Heavy fighting went on in the Fuzuli, Jabrayil and Zangilan directions of the front, and several heights were liberated, the ministry said.",
			"2020-10-23", nil},
		{"front", "a district named as the object is still taken",
			"The army liberated Zangilan town, the ministry said, while fighting went on along the whole front.",
			"2020-10-20", []string{"zangilan 2020-10-20 AZE"}},
		// a village word inside a relative clause opened after the control
		// word belongs to that clause
		{"relative villages", "villages near another district told in a relative clause",
			"After the capture of Shusha on 8 May 1992, Armenian units, which then pushed into villages near Lachin, shelled the district centre.",
			"", []string{"shusha 1992-05-08 ARM"}},
		{"relative villages", "villages of several districts in the main clause still count",
			"On 4 November 2020 the army freed villages of Jabrayil, Zangilan and Gubadli districts.",
			"", []string{"gubadli 2020-11-04 AZE", "jabrayil 2020-11-04 AZE", "zangilan 2020-11-04 AZE"}},
		// what is regained is not always ground
		{"not ground", "English: a status regained",
			"The district was joined to Kalbajar in 1960 but later regained its independent status.",
			"", nil},
		{"not ground", "Arabic: a standing regained",
			"ألحقت المنطقة بمنطقة كلبجار عام 1960 ثم استعادت استقلالها الإداري بعد سنوات.",
			"", nil},
		// a place after "from" is where the forces came from
		{"origin", "English: an occupation started from a town",
			"Armenian forces began their occupation from positions near Shusha and seized Lachin district on 17 May 1992.",
			"", []string{"lachin 1992-05-17 ARM"}},
		{"origin", "a withdrawal still names what was left after 'from'",
			"Armenian units withdrew from Agdam district on 20 November 2020, the ministry said.",
			"", []string{"agdam 2020-11-20 AZE"}},
		// a change bound by a deadline in its clause is still to come, and
		// a headline naming it is the plan
		{"deadline", "Arabic: بحلول in the clause, and the headline",
			"القوات الأرمنية تنسحب من لاتشين\nويتعين على الوحدات الأرمنية الانسحاب من لاتشين بحلول 1 ديسمبر وفق الاتفاق.",
			"2020-11-28", nil},
		{"deadline", "English: 'to withdraw … by', and the headline",
			"Armenian forces withdraw from Kalbajar\nArmenian troops have to withdraw from Kalbajar by November 25 under the agreement.",
			"2020-11-20", nil},
		{"deadline", "a change of the day beside a deadline elsewhere stays",
			"Azerbaijani units entered Agdam district today, the ministry said.\nThe agreement had set 20 November as the deadline.",
			"2020-11-20", []string{"agdam 2020-11-20 AZE"}},
		// English "fell under … occupation" with the place as subject (a
		// regression check: the occupation word itself binds it)
		{"fell under occupation", "English 'fell under … occupation'",
			"Gubadli fell under Armenian occupation on 31 August 1993, after days of fighting.",
			"", []string{"gubadli 1993-08-31 ARM"}},
		// a control word naming an award is no change, and the decree that
		// awards it dates none
		{"award", "English: a medal named for a liberation, awarded by decrees",
			"Under decrees of 25 December 2020 and 3 March 2021, a group of officers received the medal \u201cFor the liberation of Gubadli\u201d for their courage.",
			"2021-03-04", nil},
		{"award", "Arabic: a medal named 'for the liberation of'",
			"وبموجب مرسومين صدرا في 25 ديسمبر 2020 و3 مارس 2021 نال عدد من الضباط ميدالية \"من أجل تحرير قوبادلي\" تقديرا لشجاعتهم.",
			"2021-03-04", nil},
		{"award", "Arabic: an order named for a liberation",
			"منح الرئيس في 3 مارس 2021 عددا من الضباط وسام \"تحرير قوبادلي\" تقديرا لشجاعتهم.",
			"2021-03-04", nil},
		{"award", "the same words as the news stay a change",
			"The army completed the liberation of Gubadli on 25 October 2020, and the president later awarded medals to the units.",
			"", []string{"gubadli 2020-10-25 AZE"}},
		// a control noun naming an actor (construct state in Arabic, a noun
		// modifier in English) and participles used as adjectives describe,
		// they tell no change
		{"nominal", "Arabic: the occupation forces fired at villages",
			"وقال بيان الوزارة إن وحدات قوات الاحتلال فتحت النار على مواقع قرب قرى محافظتي أغدام وتارتار خلال الليل.",
			"2019-03-12", nil},
		{"nominal", "Arabic: the occupation authorities, with a clitic",
			"ودعت الخارجية إلى محاسبة سلطات الاحتلال على تدمير المساجد في مدينة أغدام، وطالبت لقوات الاحتلال بالرحيل.",
			"2019-03-12", nil},
		{"nominal", "English: occupation forces shelled positions",
			"The ministry said occupation forces shelled positions near Tartar and Agdam overnight.",
			"2019-03-12", nil},
		{"nominal", "English: liberated lands after a preposition",
			"Families began returning to liberated lands in Zangilan and Gubadli this spring.",
			"2022-04-10", nil},
		{"nominal", "English: occupied territories after a preposition",
			"Mines were laid across occupied territories of Agdam for decades, the agency said.",
			"2019-03-12", nil},
		{"nominal", "Arabic: participles after a noun are not control words",
			"وزار الوفد القرى المحررة في زنغيلان والأراضي المحتلة سابقا في أغدام.",
			"2022-04-10", nil},
		{"nominal", "the forces' own verb is still a change",
			"انسحبت قوات الاحتلال الأرمنية من مدينة أغدام في 20 نوفمبر 2020.",
			"", []string{"agdam 2020-11-20 AZE"}},
		{"nominal", "an occupation told as an event stays one",
			"The occupation of Kalbajar by Armenian forces on 2 April 1993 forced thousands to flee.",
			"", []string{"kalbajar 1993-04-02 ARM"}},
		// a side after "of" following a participle is what a place was rid
		// of, not who acted
		{"cleared of", "English: villages cleared of a side's forces",
			"Five villages of Fuzuli district were cleared of Armenian invaders on 20 October 2020.",
			"", []string{"fuzuli 2020-10-20 AZE"}},
		{"cleared of", "after a noun 'of' still names the actor",
			"The withdrawal of Armenian forces from Agdam district was completed on 20 November 2020.",
			"", []string{"agdam 2020-11-20 AZE"}},
		// a year-less day goes on with the last writing of that day, not
		// with the page's date line written first
		{"same day again", "an anniversary page: the dateline, then the day it marks",
			"25 October 2021\nOn October 25, 2020, the president announced that the army had liberated Gubadli city.\nThe flag was raised over the town hall.\nAlong with the city, several villages of Zangilan district were cleared of Armenian invaders on October 25.",
			"2021-10-25", []string{"gubadli 2020-10-25 AZE", "zangilan 2020-10-25 AZE"}},
		// "فيما يتعلق ب", "المتعلق ب" (relating to) make the change the topic
		// of a document, as بشأن does
		{"topic", "Arabic: a resolution relating to an occupation",
			"وتبنى مجلس الأمن قرارا في 30 أبريل 1993 فيما يتعلق باحتلال منطقة كلبجار وطالب بالانسحاب.",
			"", nil},
		{"topic", "Arabic: the statement related to a liberation",
			"نشرت الوزارة في 5 مايو 2021 بيانها المتعلق بتحرير مدينة فضولي.",
			"", nil},
		// days counted from the day just spoken of (in the sentence or the
		// one before), else from the publication date
		{"relative days", "English: 'a day before' opens the next sentence",
			"On 9 October 2020 the army liberated Hadrut, a town of Khojavend district.\nA day before, units had freed three villages of Jabrayil district.",
			"2021-10-09", []string{"jabrayil 2020-10-08 AZE", "khojavend 2020-10-09 AZE"}},
		{"relative days", "English: 'two days later' after a dated change",
			"Armenian forces seized Shusha on 8 May 1992. Two days later they also captured Lachin district, officials recalled.",
			"2012-05-08", []string{"lachin 1992-05-10 ARM", "shusha 1992-05-08 ARM"}},
		{"relative days", "English: 'the previous day' without a date before: the publication's",
			"Azerbaijani troops took control of Zangilan town the previous day, the ministry said on Wednesday.",
			"2020-10-21", []string{"zangilan 2020-10-20 AZE"}},
		{"relative days", "English: 'the day before yesterday' stays two days before publication",
			"Azerbaijani troops took control of Zangilan town the day before yesterday, the ministry said.",
			"2020-10-22", []string{"zangilan 2020-10-20 AZE"}},
		{"relative days", "English: a count tied to an event is no date",
			"Two days after the truce began, Azerbaijani units recaptured Hadrut in Khojavend district on 9 October 2020.",
			"", []string{"khojavend 2020-10-09 AZE"}},
		{"relative days", "one change told in two steps keeps the day written out",
			"Azerbaijani units entered Agdam district on 20 November 2020 after the Armenian forces left it a day earlier.",
			"", []string{"agdam 2020-11-20 AZE"}},
		{"relative days", "Arabic: قبل يوم after a dated change",
			"حررت القوات الأذربيجانية مدينة جبرائيل في 4 أكتوبر 2020.\nوقبل يوم واحد استعادت قرى في منطقة فضولي.",
			"2021-10-04", []string{"fuzuli 2020-10-03 AZE", "jabrayil 2020-10-04 AZE"}},
		{"relative days", "Arabic: في اليوم التالي",
			"احتلت القوات الأرمنية مدينة شوشا في 8 مايو 1992، وفي اليوم التالي سيطرت على منطقة لاتشين.",
			"2012-05-08", []string{"lachin 1992-05-09 ARM", "shusha 1992-05-08 ARM"}},
		{"relative days", "Arabic: بعد يومين",
			"سيطرت القوات الأرمنية على مدينة شوشا في 8 مايو 1992، وبعد يومين احتلت منطقة لاتشين.",
			"2012-05-08", []string{"lachin 1992-05-10 ARM", "shusha 1992-05-08 ARM"}},
		{"relative days", "Arabic: في اليوم السابق without a date before",
			"قال الجيش الأذربيجاني إن وحداته حررت مدينة زنغيلان في اليوم السابق.",
			"2020-10-21", []string{"zangilan 2020-10-20 AZE"}},
		{"relative days", "Arabic: في اليوم التالي without a date before is not the day after publication (the lead's news day stands)",
			"قال الجيش الأذربيجاني إن وحداته دخلت مدينة أغدام في اليوم التالي.",
			"2020-11-19", []string{"agdam 2020-11-19 AZE"}},
		{"relative days", "Arabic: أول أمس stays two days before publication",
			"أعلنت باكو أن قواتها حررت مدينة زنغيلان أول أمس.",
			"2020-10-22", []string{"zangilan 2020-10-20 AZE"}},
		{"relative days", "Arabic: a count tied to an event is no date",
			"استعادت القوات الأذربيجانية مدينة هادروت في منطقة خوجافند في 9 أكتوبر 2020 بعد يومين من بدء الهدنة.",
			"", []string{"khojavend 2020-10-09 AZE"}},
		// an attached or object pronoun with no place of its own sentence:
		// in a lead, between one district and another named next, it may
		// point either way, so it proposes nothing
		{"pronoun", "Arabic: سيطر عليها between two districts of a lead",
			"اشتدت المعارك قرب مدينة أغدام خلال الأسبوع.\nوأعلن الجيش الأذربيجاني مساء أمس أنه سيطر عليها بعد قتال.\nوتقع بلدة لاتشين على الطريق إلى أرمينيا.",
			"2022-08-27", nil},
		{"pronoun", "English: 'took control of it' between two districts of a lead",
			"The minister visited Agdam last month.\nThe Azerbaijani army said on Friday it took control of it after heavy fighting.\nThe town of Lachin lies on the road to Armenia.",
			"2022-08-27", nil},
		{"pronoun", "the district before still binds when the next sentence names none",
			"اشتدت المعارك قرب مدينة أغدام خلال الأسبوع.\nوأعلن الجيش الأذربيجاني مساء أمس أنه سيطر عليها بعد قتال.\nوقال إن الوحدات تواصل تقدمها.",
			"2020-11-21", []string{"agdam 2020-11-20 AZE"}},
		{"pronoun", "a district two sentences back is not the antecedent",
			"زار الوزير مدينة أغدام الشهر الماضي.\nوتواصلت المعارك في المنطقة طوال الليل.\nوأعلن الجيش الأذربيجاني مساء أمس أنه سيطر عليها بعد قتال.",
			"2020-11-21", nil},
	}
	for _, tt := range tests {
		t.Run(tt.class+": "+tt.name, func(t *testing.T) {
			wantProposals(t, tt.text, Options{Published: tt.published}, tt.want)
		})
	}
}

// The day an operation began, written without a year, is neither the news
// day of a page without a date nor a day the ledger can pin a change to.
func TestLaunchDayIsNoNewsDay(t *testing.T) {
	wantProposals(t, "Jabrayil district was liberated as a result of the counter-offensive of the army, which started on September 27, the agency reports.\nThe same day, the president announced the liberation of the city.",
		Options{Source: "https://example.org/news/1234.html"}, []string{"jabrayil  AZE"})
}
