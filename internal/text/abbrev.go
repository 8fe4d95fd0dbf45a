package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Abbrev is the class of an abbreviation written with a period. Classes
// are bits, so that a caller may test for several at once.
type Abbrev uint8

// The classes of abbreviations.
const (
	// Title abbreviations precede a name ("Mr.", "Sen.", "Gen.") or
	// follow it ("Jr."), so their period never ends a sentence.
	Title Abbrev = 1 << iota
	// Company abbreviations end a company's name ("Corp.", "Ltd.").
	Company
	// Month abbreviations name a month ("Jan.", "Sept.").
	Month
	// Place abbreviations name a US state or a kind of street ("Calif.",
	// "Ave.").
	Place
	// Other abbreviations are the rest ("No.", "vs.", "etc.").
	Other

	// AnyAbbrev is every class.
	AnyAbbrev = Title | Company | Month | Place | Other
)

// AbbrevOf returns the class of w, a word as written before a period ("Mr"
// of "Mr."), or 0 if w is not a known abbreviation. The list is case
// sensitive: "No." is an abbreviation, "no." the end of a sentence.
func AbbrevOf(w string) Abbrev {
	return abbrevs[w]
}

// KeepsPeriod reports whether word, followed by a period in the text, keeps
// the period as part of the token: a single upper-case initial ("J"), a
// dotted form ("U.S", "e.g") or a known abbreviation (AbbrevOf).
func KeepsPeriod(word string) bool {
	r, n := utf8.DecodeRuneInString(word)
	if n == len(word) {
		return n > 0 && unicode.IsUpper(r)
	}
	return strings.IndexByte(word, '.') >= 0 || abbrevs[word] != 0
}

// abbrevs is the one list of abbreviations written with a period.
var abbrevs = func() map[string]Abbrev {
	m := make(map[string]Abbrev)
	for _, l := range []struct {
		class Abbrev
		words string
	}{
		{Title, `Mr Mrs Ms Dr Prof Gen Gens Sen Sens Rep Reps Gov Govs Lt Col Sgt Capt Cmdr Adm
			Maj Brig Rev Hon Pres Supt Insp Det Cpl Pvt Amb Atty Sr Jr St Mt Ft Messrs Mme Mlle`},
		{Company, `Inc Corp Co Ltd Bros Plc Cie`},
		{Month, `Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec`},
		{Place, `Ave Blvd Calif Mass Fla Ill Penn Wash Mich Conn Ariz Colo Tenn Okla Ore Wis
			Minn Nev Ala Ark Ky La Md Mo Neb Va Vt Del`},
		{Other, `vs etc No Nos Dept Univ approx est Ph al Fig pp vol cf ca Ca Nr Tel Gov't`},
	} {
		for _, w := range strings.Fields(l.words) {
			m[w] |= l.class
		}
	}
	return m
}()
