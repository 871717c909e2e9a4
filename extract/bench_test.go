package extract

import (
	"strings"
	"testing"
)

// benchArticle is a made-up article of typical length: a few paragraphs
// with handovers, relative dates, durations and context.
var benchArticle = strings.Repeat(`أعلنت الحكومة الأذربيجانية اليوم الثلاثاء أن وحداتها دخلت لاتشين تنفيذا لاتفاق الهدنة، لأول مرة خلال 28 سنة.
وكانت أرمينيا قد سلّمت يريفان آغدام في 20 نوفمبر/تشرين الثاني، ثم كلبجار يوم 25 من نفس الشهر، ثم لاتشين اليوم.
وكانت المقاطعة تحت سيطرة القوات الأرمنية منذ مايو 1992، فيما عقد الوزيران اجتماعا أمس لبحث الترتيبات.

`, 4)

func BenchmarkExtract(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchArticle)))
	for b.Loop() {
		if _, err := Extract(benchArticle, Options{Published: "2020-12-01"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNormalise(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		normalise("وبالكالبيجار")
	}
}

// BenchmarkExtractHostile is a 1 MiB body of commas, the input that once
// took 636 MB a request.
func BenchmarkExtractHostile(b *testing.B) {
	body := strings.Repeat(",", MaxInput)
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := Extract(body, Options{Published: "2020-11-08"}); err != nil {
			b.Fatal(err)
		}
	}
}
