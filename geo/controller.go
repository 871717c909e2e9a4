package geo

// Controller is the code of a party that holds territory.
type Controller string

// The controllers the ledger knows.
const (
	// AZE is Azerbaijan.
	AZE Controller = "AZE"
	// ARM is Armenian forces: the army of the self-declared Nagorno-Karabakh
	// Republic together with units of the Republic of Armenia.
	ARM Controller = "ARM"
)

// Controllers lists the known controllers in a stable order.
var Controllers = []Controller{AZE, ARM}

// Valid reports whether c is a known controller.
func (c Controller) Valid() bool { return c == AZE || c == ARM }

// Lang is a display language the service answers in.
type Lang string

// The supported display languages.
const (
	LangEN Lang = "en"
	LangAR Lang = "ar"
	LangAZ Lang = "az"
	LangRU Lang = "ru"
	LangHY Lang = "hy"
)

// Langs lists the supported languages; the first is the default.
var Langs = []Lang{LangEN, LangAR, LangAZ, LangRU, LangHY}

// ParseLang returns the language for a code, or ErrInvalid.
func ParseLang(s string) (Lang, error) {
	for _, l := range Langs {
		if string(l) == s {
			return l, nil
		}
	}
	return "", ErrInvalid
}

// controllerNames are neutral display names: who holds the ground, not
// whose claim is right.
var controllerNames = map[Controller]map[Lang]string{
	AZE: {LangEN: "Azerbaijan", LangAR: "أذربيجان", LangAZ: "Azərbaycan", LangRU: "Азербайджан", LangHY: "Ադրբեջան"},
	ARM: {LangEN: "Armenian forces", LangAR: "القوات الأرمنية", LangAZ: "Erməni qüvvələri", LangRU: "Армянские силы", LangHY: "Հայկական ուժեր"},
}

// Name returns the controller's display name in lang (English fallback).
func (c Controller) Name(lang Lang) string {
	if n, ok := controllerNames[c][lang]; ok {
		return n
	}
	return controllerNames[c][LangEN]
}
