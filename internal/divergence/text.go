package divergence

import (
	"strings"
	"unicode"

	stext "github.com/storyline-news/storyline/internal/text"
)

// word is one token of an article's text.
type word struct {
	// text is the token as written, lower its lower-case form with
	// typographic apostrophes made straight.
	text, lower string
	// start and end are code point offsets into the text.
	start, end int
	// sent is the index of the word's sentence.
	sent int
	// para reports that a line break comes before the word.
	para bool
}

// text is an article's text split once into words and sentences, with
// the tokenizer and sentence splitter of package text, so that every stage
// agrees on the boundaries.
type text struct {
	runes []rune
	words []word
	// sents are the sentences as half-open ranges of word indexes.
	sents [][2]int
}

// newText splits s into words and sentences.
func newText(s string) *text {
	t := &text{runes: []rune(s)}
	toks := stext.Tokenize(s)
	prevEnd := 0
	for si, sent := range stext.Sentences(toks) {
		from := len(t.words)
		for _, tk := range sent {
			gap := ""
			if tk.Start >= prevEnd && tk.Start <= len(t.runes) {
				gap = string(t.runes[prevEnd:tk.Start])
			}
			t.words = append(t.words, word{
				text:  tk.Text,
				lower: strings.ToLower(strings.ReplaceAll(tk.Text, "’", "'")),
				start: tk.Start, end: tk.End, sent: si,
				para: strings.Contains(gap, "\n"),
			})
			prevEnd = tk.End
		}
		t.sents = append(t.sents, [2]int{from, len(t.words)})
	}
	return t
}

// slice returns runes [start, end) of the text, clamped to its length.
func (t *text) slice(start, end int) string {
	start, end = max(0, min(start, len(t.runes))), max(0, min(end, len(t.runes)))
	if start >= end {
		return ""
	}
	return string(t.runes[start:end])
}

// span returns the text of words [i, j).
func (t *text) span(i, j int) string {
	if i >= j {
		return ""
	}
	return t.slice(t.words[i].start, t.words[j-1].end)
}

// wordAt returns the index of the first word that ends after code point
// off, or len(t.words).
func (t *text) wordAt(off int) int {
	lo, hi := 0, len(t.words)
	for lo < hi {
		m := (lo + hi) / 2
		if t.words[m].end <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// capitalized reports whether w starts with an upper-case letter.
func capitalized(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// isPunct reports whether w holds no letter or digit.
func isPunct(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
