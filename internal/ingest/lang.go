package ingest

import (
	"strings"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"golang.org/x/text/language"
)

// langSample bounds the text given to the language detector: a couple of
// paragraphs decide as well as a whole article, at a fraction of the cost.
const langSample = 2048

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
	if conf == language.No || base.String() == "und" {
		return ""
	}
	return base.String()
}

// detectLanguage returns the ISO 639-1 code of text's language, or "" when
// the detector is not confident or the language has no two-letter code.
func detectLanguage(text string) string {
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}
