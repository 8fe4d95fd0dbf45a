package timex

import (
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
)

// kind is the kind of a token.
type kind uint8

const (
	tWord  kind = iota + 1 // a run of letters
	tNum                   // a run of ASCII digits
	tPunct                 // one other non-space character
)

// tokFlag records a token's surroundings and shape.
type tokFlag uint8

const (
	fSpace   tokFlag = 1 << iota // white space precedes the token
	fNewline                     // a line break precedes the token, not one that only wraps a line (text.SoftWrap)
	fCap                         // a word starting with an upper-case letter
	fUpper                       // a word in upper case only (two letters or more)
	fPast                        // a regular past form (-ed) not in the lexicon
)

// token is one word, number or punctuation character of the text.
type token struct {
	start, end   int32 // byte offsets
	rstart, rend int32 // code point offsets
	num          int32 // value of a digit run (capped), or the punctuation rune
	kind         kind
	flags        tokFlag
	ndig         uint8 // digits in a digit run
	lex          lex
}

// maxNum caps the value of long digit runs; no rule needs larger numbers.
const maxNum = 1 << 30

// tokenize splits x.text into tokens. Letters are Unicode letters; digits
// are ASCII; curly quotes and dashes are folded into their ASCII forms in
// token.num so that rules see one apostrophe and one hyphen.
func (x *extractor) tokenize() {
	s := x.text
	var flags tokFlag
	r := int32(0) // code point offset of i
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			flags |= fSpace
			i, r = i+1, r+1
			continue
		case c == '\n':
			flags |= fSpace
			if !text.SoftWrap(s, i) {
				flags |= fNewline
			}
			i, r = i+1, r+1
			continue
		case c >= '0' && c <= '9':
			i, r = x.digits(i, r, flags)
		case isASCIILetter(c):
			i, r = x.word(i, r, flags)
		case c < utf8.RuneSelf:
			x.toks = append(x.toks, token{start: int32(i), end: int32(i + 1), rstart: r, rend: r + 1,
				num: int32(c), kind: tPunct, flags: flags})
			i, r = i+1, r+1
		default:
			ru, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case unicode.IsLetter(ru):
				i, r = x.word(i, r, flags)
			case unicode.IsSpace(ru):
				flags |= fSpace
				if ru == '\u2028' || ru == '\u2029' || ru == '\u0085' {
					flags |= fNewline
				}
				i, r = i+n, r+1
				continue
			default:
				x.toks = append(x.toks, token{start: int32(i), end: int32(i + n), rstart: r, rend: r + 1,
					num: foldPunct(ru), kind: tPunct, flags: flags})
				i, r = i+n, r+1
			}
		}
		flags = 0
	}
}

// digits scans the run of digits starting at byte i (code point r).
func (x *extractor) digits(i int, r int32, flags tokFlag) (int, int32) {
	s := x.text
	j, v := i, int32(0)
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		if v < maxNum {
			v = v*10 + int32(s[j]-'0')
		}
		j++
	}
	x.toks = append(x.toks, token{start: int32(i), end: int32(j), rstart: r, rend: r + int32(j-i),
		num: v, kind: tNum, flags: flags, ndig: uint8(min(j-i, 255))})
	return j, r + int32(j-i)
}

// word scans the word starting at byte i (code point r) and appends it.
func (x *extractor) word(i int, r int32, flags tokFlag) (int, int32) {
	s := x.text
	start, rstart := i, r
	ascii := true
	upper, lower := 0, 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				break
			}
			if c <= 'Z' {
				upper++
			} else {
				lower++
			}
			i, r = i+1, r+1
			continue
		}
		ru, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(ru) && !unicode.Is(unicode.Mn, ru) {
			break
		}
		ascii = false
		if unicode.IsUpper(ru) {
			upper++
		} else {
			lower++
		}
		i, r = i+n, r+1
	}
	if c := s[start]; c < utf8.RuneSelf && c <= 'Z' || c >= utf8.RuneSelf && unicode.IsUpper(firstRune(s[start:])) {
		flags |= fCap
	}
	if upper >= 2 && lower == 0 {
		flags |= fUpper
	}
	t := token{start: int32(start), end: int32(i), rstart: rstart, rend: r, kind: tWord, flags: flags}
	if ascii && i-start <= len(x.lower) {
		x.lookup(&t)
	}
	x.toks = append(x.toks, t)
	return i, r
}

// lookup fills in the lexicon entry of the ASCII word t, or marks it as a
// regular past form.
func (x *extractor) lookup(t *token) {
	s := x.text[t.start:t.end]
	w := x.lower[:len(s)]
	h := uint32(hashInit)
	for k := range len(s) {
		c := s[k] | 0x20
		w[k] = c
		h = (h ^ uint32(c)) * hashPrime
	}
	e, ok := words.get(w, h)
	switch {
	case ok && e.flags&lfNotPast == 0:
		t.lex = e
	case !ok && len(w) >= 4 && w[len(w)-2] == 'e' && w[len(w)-1] == 'd' && t.flags&fCap == 0:
		t.flags |= fPast
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// foldPunct maps typographic variants to the ASCII character rules test for.
func foldPunct(r rune) int32 {
	switch r {
	case '\u2018', '\u2019', '\u02bc', '\u2032':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	}
	return r
}
