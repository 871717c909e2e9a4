package extract_test

import (
	"fmt"

	"github.com/mapsvc/mapsvc/extract"
)

func ExampleExtract() {
	text := "Azerbaijani troops entered Lachin today under the ceasefire agreement, for the first time in 28 years."
	res, err := extract.Extract(text, extract.Options{Published: "2020-12-01", Source: "example"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range res.Proposals {
		fmt.Println(p.ID, p.From, "->", p.To, p.Precision, "|", p.DateHow)
	}
	// Output:
	// lachin-1992-capture AZE -> ARM year | derived from duration (for the first time in 28 years)
	// lachin-2020-12-01-handover ARM -> AZE day | relative to publication date (today)
}

func ExampleResult_Ledger() {
	res, _ := extract.Extract("سيطرت القوات الأرمنية على شوشا في 8 أيار 1992 بعد معارك عنيفة.", extract.Options{Source: "example.txt"})
	ev := res.Ledger(res.Proposals[0])
	fmt.Println(ev.ID, ev.Extent, ev.Confidence)
	fmt.Println(ev.Summary)
	// Output:
	// shusha-1992-05-08-capture whole high
	// Armenian forces took control of Shusha from Azerbaijan on 8 May 1992.
}
