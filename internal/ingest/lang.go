package ingest

import (
	"strings"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"golang.org/x/text/language"
)

// langSample bounds the text given to the language detector: a paragraph
// decides as well as a whole article, at a fraction of the cost.
const langSample = 1024

// pickLanguage returns the base language of the declared BCP 47 tag
// ("en-GB" → "en"), or, when none is declared or it is not a valid tag, the
// language detected in text.
func pickLanguage(declared, text string) string {
	if l := baseLanguage(declared); l != "" {
		return l
	}
	return detectLanguage(text)
}

// baseLanguage returns the ISO 639 base language of tag, or "" if tag is
// empty, undetermined or invalid.
func baseLanguage(tag string) string {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		return ""
	}
	t, err := language.Parse(tag)
	if err != nil {
		return ""
	}
	base, conf := t.Base()
	if conf != language.Exact {
		return ""
	}
	return base.String()
}

// detectLanguage returns the ISO 639-1 code of text's language, or "" when
// the detector is not confident or the language has no two-letter code.
// Plainly English text is recognised by its function words first: most
// input is English, and whatlanggo costs about half a millisecond per text
// whatever its length. A table of figures is not given to whatlanggo at
// all (see mostlyFigures).
func detectLanguage(text string) string {
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if looksEnglish(text) {
		return "en"
	}
	if mostlyFigures(text) {
		return ""
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// englishWords are frequent English words that are not also common words of
// another language written in Latin script ("to" is Polish and Czech, "of"
// Dutch, "for" Norwegian, "was" German, "are" Romanian).
var englishWords = map[string]bool{
	"the": true, "and": true, "that": true, "with": true, "said": true,
	"from": true, "have": true, "has": true, "this": true, "which": true,
	"were": true, "their": true, "been": true, "they": true, "would": true,
	"it": true, "but": true, "not": true, "who": true,
}

// looksEnglish reports whether at least 8% of the words of s, 20 words or
// more, are englishWords. English news text scores 16% on average and other
// languages close to 0.
func looksEnglish(s string) bool {
	var word [8]byte
	words, hits, n := 0, 0, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isWordByte(s[i]) {
			if n < len(word) {
				word[n] = s[i] | 0x20 // ASCII lower case
			}
			n++
			continue
		}
		if n > 0 {
			words++
			if n <= len(word) && englishWords[string(word[:n])] {
				hits++
			}
			n = 0
		}
	}
	return words >= 20 && hits*100 >= words*8
}

// mostlyFigures reports whether at least one in four of the words of s
// (split at white space) hold a digit, as in tables of results ("Shr 34
// cts vs 1.19 dlrs"). Trigrams find little language there: of the 3,515
// Reuters-21578 texts that fail looksEnglish, 1,756 are mostly figures,
// and whatlanggo is unsure of 1,610 of them, takes 9 for French and 137
// for English, so detectLanguage leaves their language unknown rather
// than spend half a millisecond on each.
func mostlyFigures(s string) bool {
	words, figures := 0, 0
	inWord, digit := false, false
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' {
			if inWord {
				words++
				if digit {
					figures++
				}
			}
			inWord, digit = false, false
			continue
		}
		inWord = true
		digit = digit || s[i] >= '0' && s[i] <= '9'
	}
	return words > 0 && figures*4 >= words
}

// isWordByte reports whether c is part of a word: an ASCII letter, or a byte
// of a non-ASCII character, which no englishWords contain.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
