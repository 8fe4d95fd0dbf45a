package reuse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A token is one word of a text as the sketcher and the aligner see it.
// Contractions and possessives become two tokens ("it'll" is "it" "will",
// "Kyiv's" is "kyiv" "s"), which share the word's span between them.
type token struct {
	key          uint64 // looseHash of the word, or of its expansion
	start, end   int32  // code points into the text, half-open
	bstart, bend int32  // bytes into the text, half-open
	line         int32  // number of line breaks before the token
	sentence     bool   // the token starts a line or follows . ! or ?
	upper        bool   // the word starts with an upper-case letter
}

// tokenize returns the tokens of text in order.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5)
	scan(text, func(t token) { toks = append(toks, t) })
	return toks
}

// isWordRune reports whether r belongs to a word: letters, digits and
// combining marks. Hyphens and dashes separate words, so "air-cover" and
// "air cover" read the same.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r)
		return (c|0x20)-'a' < 26 || c-'0' < 10
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// scanner holds the state of one scan. A word is a maximal run of word
// runes, joined across single apostrophes that stand between word runes.
type scanner struct {
	text     string
	emit     func(token)
	line     int32
	sentence bool

	in, apos bool
	ws, wcp  int32 // start of the current word: byte, code point
	as, acp  int32 // a pending apostrophe: byte, code point
	last     int32 // byte of the word's last inner apostrophe, or -1
}

// scan calls emit for each token of text, in order.
func scan(text string, emit func(token)) {
	s := scanner{text: text, emit: emit, sentence: true}
	var cp int32
	for i, r := range text {
		s.step(int32(i), cp, r)
		cp++
	}
	s.step(int32(len(text)), cp, ' ')
}

// step consumes rune r at byte i, code point cp.
func (s *scanner) step(i, cp int32, r rune) {
	switch {
	case isWordRune(r):
		if !s.in {
			s.in, s.ws, s.wcp, s.last = true, i, cp, -1
		} else if s.apos {
			s.last = s.as
		}
		s.apos = false
	case s.in && !s.apos && isApostrophe(r):
		s.apos, s.as, s.acp = true, i, cp
	default:
		if s.in {
			if s.apos {
				s.word(s.ws, s.as, s.wcp, s.acp)
			} else {
				s.word(s.ws, i, s.wcp, cp)
			}
			s.in, s.apos = false, false
		}
		s.gap(r)
	}
}

// gap notes a rune between words: line breaks and sentence ends.
func (s *scanner) gap(r rune) {
	switch r {
	case '\n':
		s.line++
		s.sentence = true
	case '.', '!', '?':
		s.sentence = true
	}
}

// expand returns the word that the part of a contraction after its
// apostrophe stands for ("ll" is "will"); "n't" is handled in word.
func expand(suffix string) (string, bool) {
	switch suffix {
	case "ll":
		return "will", true
	case "re":
		return "are", true
	case "ve":
		return "have", true
	case "m":
		return "am", true
	case "d":
		return "would", true
	case "s":
		return "s", true
	}
	return "", false
}

// word emits the tokens of the word text[b0:b1], which spans code points
// [c0, c1).
func (s *scanner) word(b0, b1, c0, c1 int32) {
	w := s.text[b0:b1]
	if s.last > 0 {
		a := int(s.last - b0)
		_, size := utf8.DecodeRuneInString(w[a:])
		base, suffix := w[:a], strings.ToLower(w[a+size:])
		ac := c0 + int32(utf8.RuneCountInString(base))
		if exp, ok := expand(suffix); ok {
			s.token(looseHash(base), b0, b0+int32(a), c0, ac)
			s.token(looseHash(exp), b0+int32(a), b1, ac, c1)
			return
		}
		if suffix == "t" && len(base) > 1 && (base[len(base)-1] == 'n' || base[len(base)-1] == 'N') {
			stem := base[:len(base)-1]
			s.token(looseHash(negated(stem)), b0, b0+int32(len(stem)), c0, ac-1)
			s.token(looseHash("not"), b0+int32(len(stem)), b1, ac-1, c1)
			return
		}
	}
	s.token(looseHash(w), b0, b1, c0, c1)
}

// negated returns the full form of the stem of a "n't" contraction.
func negated(stem string) string {
	switch strings.ToLower(stem) {
	case "wo":
		return "will"
	case "ca":
		return "can"
	case "sha":
		return "shall"
	case "ai":
		return "is"
	}
	return stem
}

func (s *scanner) token(key uint64, b0, b1, c0, c1 int32) {
	r, _ := utf8.DecodeRuneInString(s.text[b0:])
	s.emit(token{key: key, start: c0, end: c1, bstart: b0, bend: b1, line: s.line,
		sentence: s.sentence, upper: unicode.IsUpper(r)})
	s.sentence = false
}
