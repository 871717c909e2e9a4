package extract

import "testing"

func TestNormalise(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"hamza on alef above", "أذربيجان", "اذربيجان"},
		{"hamza on alef below", "إبريل", "ابريل"},
		{"alef madda", "آغدام", "اغدام"},
		{"alef wasla", "ٱلمدينة", "المدينه"},
		{"hamza on waw", "مؤتمر", "موتمر"},
		{"hamza on yaa", "جبرائيل", "جبراييل"},
		{"taa marbuta", "قرة", "قره"},
		{"alef maqsura", "خوجالى", "خوجالي"},
		{"tanween removed", "عاماً", "عاما"},
		{"tashkeel removed", "شُوشَا", "شوشا"},
		{"shadda removed", "تحرّك", "تحرك"},
		{"tatweel removed", "كالبجـــار", "كالبجار"},
		{"persian peh", "إستپاناكرت", "استباناكرت"},
		{"persian gaf", "گ", "ج"},
		{"persian cheh as tsh", "لاچين", "لاتشين"},
		{"persian kaf", "کلبجر", "كلبجر"},
		{"persian yeh", "فضولی", "فضولي"},
		{"arabic-indic digits", "٢٠٢٠", "2020"},
		{"persian digits", "۱۹۹۳", "1993"},
		{"latin lower-cased and folded", "Kəlbəcər", "kelbecer"},
		{"turkish letters folded", "Ağdərə", "agdere"},
		{"zero-width joiner removed", "لا\u200cتشين", "لاتشين"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := normalise(tc.in); got != tc.want {
				t.Errorf("normalise(%q): got %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSkeletonJoinsLongVowelVariants(t *testing.T) {
	groups := map[string][]string{
		"kalbajar": {"كلبجر", "كلبجار", "كالبجار", "كالباجار", "كالبيجار"},
		"zangilan": {"زنغيلان", "زنجلان", "زنغلان", "زانغيلان", "زنجيلان", "زنقيلان"},
		"gubadli":  {"قوبادلي", "غوبادلي"},
	}
	for name, spellings := range groups {
		t.Run(name, func(t *testing.T) {
			want := skeleton(normalise(spellings[0]))
			for _, s := range spellings[1:] {
				if got := skeleton(normalise(s)); got != want {
					t.Errorf("skeleton(%s): got %q, want %q", s, got, want)
				}
			}
		})
	}
	t.Run("a common word keeps its own skeleton", func(t *testing.T) {
		if skeleton("قدم") == skeleton(normalise("أغدام")) {
			t.Errorf("skeleton of قدم equals Agdam's")
		}
	})
}

func TestStems(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"conjunction wa", "وكالبجار", "كالبجار"},
		{"preposition bi", "بلاتشين", "لاتشين"},
		{"preposition li", "لاغدام", "اغدام"},
		{"conjunction fa", "فشوشا", "شوشا"},
		{"article al", "المنطقه", "منطقه"},
		{"wa plus article", "والمنطقه", "منطقه"},
		{"bi plus article", "بالمنطقه", "منطقه"},
		{"li plus article", "للمنطقه", "منطقه"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := stems(tc.in)
			found := false
			for _, s := range got {
				found = found || s == tc.want
			}
			if !found {
				t.Errorf("stems(%q): got %q, want it to include %q", tc.in, got, tc.want)
			}
		})
	}
	t.Run("short words keep three letters", func(t *testing.T) {
		got, _ := stems("ولد")
		if len(got) != 1 {
			t.Errorf("stems(ولد): got %q, want only the word itself", got)
		}
	})
}

// TestHomoglyphsInLatinWords: Cyrillic or Greek letters that look like
// Latin ones, mixed into English words ("thе", "οn 8 Mау"), read as the
// Latin letters; a word wholly in Cyrillic keeps its letters.
func TestHomoglyphsInLatinWords(t *testing.T) {
	for in, want := range map[string]string{"thе": "the", "οn": "on", "Mау": "may", "bеɡаn": "began", "Шуша": "шуша"} {
		if got := normalise(in); got != want {
			t.Errorf("normalise(%q) = %q, want %q", in, got, want)
		}
	}
	expectProposed(t, "Thе city οf Shusha wаs occupied by Armenian forces οn 8 Mау, 1992.", "2021-03-01", "shusha 1992-05-08 ARM")
}
