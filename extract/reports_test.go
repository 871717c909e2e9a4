package extract

import "testing"

// Reports of the day (round extract14o): sentences of our own, each
// failing without its rule.
func TestReportsOfTheDay(t *testing.T) {
	tests := []struct {
		name, text, published string
		want                  []string
	}{
		// "the same day" counts from the day just spoken of
		{"English: on the same day, villages per district",
			"On 9 November 2020 the army liberated Shusha city, officials said. On the same day, the villages of Alpha and Beta of Fuzuli and Gamma of Jabrayil districts were freed from occupation.",
			"2023-11-09", []string{"shusha 2020-11-09 AZE", "fuzuli 2020-11-09 AZE", "jabrayil 2020-11-09 AZE"}},
		{"Arabic: في اليوم نفسه",
			"وفي 17 أكتوبر 2020 أعلن الرئيس تحرير مدينة فضولي. وفي اليوم نفسه سيطر الجيش على مدينة جبرائيل بالكامل.",
			"2021-10-17", []string{"fuzuli 2020-10-17 AZE", "jabrayil 2020-10-17 AZE"}},
		{"Arabic: في نفس اليوم",
			"وفي 17 أكتوبر 2020 أعلن الرئيس تحرير مدينة فضولي. وفي نفس اليوم سيطر الجيش على مدينة جبرائيل بالكامل.",
			"2021-10-17", []string{"fuzuli 2020-10-17 AZE", "jabrayil 2020-10-17 AZE"}},
		{"no day spoken of: the same day dates nothing",
			"On the same day, the army entered Jabrayil city, the minister told reporters.",
			"", nil},
		// a handover or withdrawal set for a day, or what time is given
		// for, is a plan even when the ledger holds that day
		{"Arabic: the date of the handover",
			"وأوضح المسؤول أن تاريخ تسليم منطقة أغدام إلى أذربيجان بقي 20 نوفمبر دون تغيير.",
			"", nil},
		{"Arabic: the time of the withdrawal",
			"وقال الوزير إن وقت انسحاب القوات من منطقة لاتشين حدد في الأول من ديسمبر.",
			"2020-11-16", nil},
		{"English: the date of the handover",
			"Officials said the date of the handover of Kalbajar district had been moved to 25 November.",
			"2020-11-16", nil},
		{"Arabic: days granted to withdraw",
			"ووافقت باكو على إعطاء يريفان أسبوعا آخر لسحب قواتها من منطقة كلبجر بسبب الثلوج.",
			"2020-11-16", nil},
		{"a handover done stays a change",
			"وتسلمت أذربيجان اليوم منطقة أغدام من القوات الأرمينية، وفق وزارة الدفاع.",
			"2020-11-20", []string{"agdam 2020-11-20 AZE"}},
		// a village or height of data/places as the object of a control
		// word: a partial change of its district
		{"Arabic: a village taken, no district named",
			"وأكد الرئيس مساء اليوم أن جنود الجيش سيطروا على قرية ماشانلي بعد معارك عنيفة.",
			"2020-10-18", []string{"jabrayil 2020-10-18 AZE"}},
		{"Arabic: a height freed, no district named",
			"وأعلنت الوزارة اليوم تحرير تلة ليلة تبه بعد قتال استمر ساعات.",
			"2020-10-10", []string{"jabrayil 2020-10-10 AZE"}},
		{"a village named apart from the control word binds nothing",
			"وقال سكان من قرية ماشانلي إن الجيش سيطر اليوم على مواقع جديدة.",
			"2020-10-18", nil},
		// a night of the news before a frame of battles: that night's
		// change, not a summary
		{"Arabic: late last night, during the fighting",
			"وأضاف المسؤول في مؤتمر صحفي: \"مع الأسف، في وقت متأخر من ليلة أمس، وأثناء القتال، استطاع العدو السيطرة على مدينة قوبادلي\".",
			"2020-10-26", []string{"gubadli 2020-10-25 AZE"}},
		// the day of a statement does not date the change it reports
		// when another sentence tells the change a day before
		{"Arabic: confirmed today, taken last night",
			"اعترف متحدث عسكري أرميني، اليوم الثلاثاء، بسيطرة الجيش الأذربيجاني على مدينة قوبادلي. وأوضح في حديث للصحفيين أن الخصم استطاع مساء أمس السيطرة على قوبادلي بعد معارك.",
			"2020-10-27", []string{"gubadli 2020-10-26 AZE"}},
		// villages taken "in Karabakh", placed in a district by the next
		// sentence
		{"Arabic: the next sentence names the villages' district",
			"قال الجيش في باكو صباح اليوم إنه بسط سيطرته على تسع قرى إضافية في إقليم قره باغ. وأوضحت الوزارة أن هذه القرى المحررة تتبع لمنطقة فضولي.",
			"2020-10-22", []string{"fuzuli 2020-10-22 AZE"}},
		{"the next sentence with a change of its own is not the place",
			"قال الجيش في باكو صباح اليوم إنه بسط سيطرته على تسع قرى إضافية في إقليم قره باغ. وفي 15 أكتوبر دخلت القوات قرى في منطقة فضولي.",
			"2020-10-22", []string{"fuzuli 2020-10-15 AZE"}},
		// "last week": the month of the week before the page
		{"Arabic: last week, month precision",
			"وكانت القوات الأرمنية قد سلمت منطقة لاتشين الأسبوع الماضي دون قتال.",
			"2020-12-05", []string{"lachin 2020-11 AZE"}},
		{"English: last week",
			"Armenian troops handed over Lachin district last week, officials said.",
			"2020-12-09", []string{"lachin 2020-12 AZE"}},
		// a general noun set off by commas from the district it names
		{"Arabic: the first district, X, by apposition",
			"وجرى تسليم المنطقة الثانية، كلبجر، صباح اليوم بحسب مسؤولين.",
			"2020-11-25", []string{"kalbajar 2020-11-25 AZE"}},
		// wanting to leave is no leaving
		{"Arabic: those who want to leave",
			"وقال مسؤول محلي يوم الأحد إن العائلات التي تريد مغادرة مدينة خانكندي ستنقل بالحافلات.",
			"2023-09-24", nil},
		{"English: those who want to leave",
			"Families who want to leave Lachin district will be taken out by bus, a local official said on Sunday.",
			"2022-08-21", nil},
		// a count of a set named before is not its last member
		{"Arabic: four of them",
			"وتضم المناطق المعنية عدة أقاليم من بينها منطقة زنغيلان. وكان الجيش قد استعاد ثلاثة منها بالقوة يوم الجمعة.",
			"2020-11-22", nil},
		// an operation named by its aim, in a sentence with no date
		{"Arabic: the operation to free X lasted weeks",
			"واستمرت عملية تحرير مدينة فضولي أسابيع عدة بحسب ما رواه الرئيس لاحقا.",
			"2021-01-10", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProposals(t, tt.text, Options{Published: tt.published}, tt.want)
		})
	}
}

// TestTheDayAfterAnAnnouncement: "غداة" (the day after) before an
// announcement that tells the change ("غداة إعلان الرئيس أن قواته
// استولت على …") dates the change a day before the sentence's day; "the
// day after the signing, the forces took …" is a change on that day.
func TestTheDayAfterAnAnnouncement(t *testing.T) {
	expectProposed(t, "ويأتي هذا التصريح غداة إعلان الرئيس الأذربيجاني أن قواته استولت على مدينة شوشا.", "2020-11-09", "shusha 2020-11-08 AZE")
	expectProposed(t, "وغداة توقيع الاتفاق سيطرت القوات الأذربيجانية على مدينة شوشا.", "2020-11-09", "shusha 2020-11-09 AZE")
}
