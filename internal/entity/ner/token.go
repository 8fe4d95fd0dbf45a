package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one token of raw text. Start and End are Unicode code point
// offsets into the text, half-open: the token is runes [Start, End).
type Token struct {
	Text  string
	Start int
	End   int
	// nl reports a line break between the previous token and this one; the
	// sentence splitter ends a sentence there.
	nl bool
	// byteStart and byteEnd locate the token in the text's bytes.
	byteStart, byteEnd int
}

// Tokenize splits news text into tokens the way the CoNLL-2003 data is
// tokenised, with a few deliberate differences that help NER on raw text:
// dashes, quotes and brackets are tokens of their own; hyphen compounds of
// words ("Putin-Zelenskyy", "U.S.-led") are split around the hyphen while
// numbers keep theirs ("1996-08-22", "F-16"); clitics are split off
// ("Trump’s" → "Trump" "’s", "don't" → "do" "n't"); abbreviations keep their
// period ("U.S.", "J.D.", "Dr.", "Mr."). Every token's Text is the exact
// slice of text it covers. Training splits each CoNLL token with Tokenize
// too, so train-time and run-time tokens agree.
func Tokenize(text string) []Token {
	s := newScanner(text)
	s.run()
	return s.toks
}

// scanner holds the decoded text and the tokens found so far.
type scanner struct {
	text  string
	rs    []rune
	bo    []int32 // byte offset of each rune; bo[len(rs)] == len(text)
	toks  []Token
	sawNL bool
}

func newScanner(text string) *scanner {
	s := new(scanner)
	s.reset(text)
	return s
}

// reset prepares s to scan text, reusing its buffers.
func (s *scanner) reset(text string) {
	n := utf8.RuneCountInString(text)
	s.text, s.sawNL = text, false
	s.rs = slices.Grow(s.rs[:0], n)
	s.bo = slices.Grow(s.bo[:0], n+1)
	for i, r := range text {
		s.rs = append(s.rs, r)
		s.bo = append(s.bo, int32(i))
	}
	s.bo = append(s.bo, int32(len(text)))
	s.toks = slices.Grow(s.toks[:0], n/4+1)
}

func (s *scanner) emit(i, j int) {
	b, e := int(s.bo[i]), int(s.bo[j])
	s.toks = append(s.toks, Token{Text: s.text[b:e], Start: i, End: j, nl: s.sawNL, byteStart: b, byteEnd: e})
	s.sawNL = false
}

func (s *scanner) run() {
	rs := s.rs
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			s.sawNL = true
			i++
		case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r):
			i++
		case isWordRune(r):
			i = s.word(i)
		case isDash(r) || r == '.' || r == '…':
			j := i + 1
			for j < len(rs) && rs[j] == r {
				j++
			}
			s.emit(i, j)
			i = j
		case isApostrophe(r):
			j := s.cliticEnd(i)
			if j < 0 {
				j = i + 1
			}
			s.emit(i, j)
			i = j
		default:
			s.emit(i, i+1)
			i++
		}
	}
}

// word scans a word starting at rune i and emits it with any clitic that
// follows; it returns the index after the last rune consumed.
func (s *scanner) word(i int) int {
	rs := s.rs
	j := i + 1
	for j < len(rs) && (isWordRune(rs[j]) || s.joins(i, j)) {
		j++
	}
	// "don't" → "do" "n't"; "n't" alone stays whole.
	if j < len(rs) && isApostrophe(rs[j]) && (rs[j-1] == 'n' || rs[j-1] == 'N') && s.isNT(j) {
		if j-1 > i {
			s.emit(i, j-1)
		}
		s.emit(j-1, j+2)
		return j + 2
	}
	if j < len(rs) && rs[j] == '.' && !(j+1 < len(rs) && rs[j+1] == '.') && isAbbrev(s.rs[i:j]) {
		j++
	}
	s.emit(i, j)
	if j < len(rs) && isApostrophe(rs[j]) {
		if k := s.cliticEnd(j); k > 0 {
			s.emit(j, k)
			return k
		}
	}
	return j
}

// joins reports whether the non-word rune at j continues the word that
// started at i: a period inside "U.S" or "3.5", a comma inside "1,000", a
// slash in "1/2", an ampersand in "AT&T", a hyphen before a digit ("F-16",
// "1996-08-22") and an apostrophe inside a name ("O'Brien").
func (s *scanner) joins(i, j int) bool {
	rs := s.rs
	if j+1 >= len(rs) {
		return false
	}
	prev, r, next := rs[j-1], rs[j], rs[j+1]
	switch {
	case r == '.':
		return isWordRune(prev) && isWordRune(next)
	case r == ',' || r == '/' || r == ':':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case r == '&':
		return unicode.IsUpper(prev) && unicode.IsUpper(next)
	case isHyphen(r):
		return isWordRune(prev) && unicode.IsDigit(next)
	case isApostrophe(r):
		return unicode.IsLetter(prev) && unicode.IsLetter(next) && s.cliticEnd(j) < 0 && !s.isNT(j)
	}
	return false
}

// isNT reports whether the apostrophe at j is the one in "n't".
func (s *scanner) isNT(j int) bool {
	rs := s.rs
	return j+1 < len(rs) && (rs[j+1] == 't' || rs[j+1] == 'T') &&
		(j+2 == len(rs) || !unicode.IsLetter(rs[j+2])) && j > 0 && (rs[j-1] == 'n' || rs[j-1] == 'N')
}

// cliticEnd returns the end of the clitic ('s, 'd, 'm, 're, 've, 'll)
// starting with the apostrophe at j, or -1 if there is none.
func (s *scanner) cliticEnd(j int) int {
	rs := s.rs
	k := j + 1
	for k < len(rs) && unicode.IsLetter(rs[k]) && k-j <= 3 {
		k++
	}
	if k == j+1 || (k < len(rs) && isWordRune(rs[k])) {
		return -1
	}
	switch strings.ToLower(string(rs[j+1 : k])) {
	case "s", "d", "m", "re", "ve", "ll":
		return k
	}
	return -1
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´'
}

func isHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑'
}

func isDash(r rune) bool {
	return isHyphen(r) || r == '–' || r == '—' || r == '―' || r == '−'
}
