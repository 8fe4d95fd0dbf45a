package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one token of text. Start and End are Unicode code point offsets
// into the text, half-open: the token is runes [Start, End); ByteStart and
// ByteEnd locate the same token in the text's bytes.
type Token struct {
	Text               string
	Start, End         int
	ByteStart, ByteEnd int
	// Newline reports a line break between the previous token and this
	// one; Sentences ends a sentence there.
	Newline bool
}

// Tokenize splits news text into tokens the way the CoNLL-2003 data is
// tokenised, with a few deliberate differences that help on raw text:
// dashes, quotes and brackets are tokens of their own; hyphen compounds of
// words ("Putin-Zelenskyy", "U.S.-led") are split around the hyphen while
// numbers keep theirs ("1996-08-22", "F-16"); clitics are split off
// ("Trump’s" → "Trump" "’s", "don't" → "do" "n't"); abbreviations keep their
// period ("U.S.", "J.D.", "Dr.", "Mr."; see KeepsPeriod). Every token's Text
// is the exact slice of text it covers.
func Tokenize(text string) []Token {
	var z Tokenizer
	return z.Tokenize(text)
}

// A Tokenizer is Tokenize with buffers kept from one text to the next, for
// callers that tokenize a stream of texts. The zero value is ready to use.
// A Tokenizer is not safe for concurrent use.
type Tokenizer struct {
	text  string
	rs    []rune
	bo    []int32 // byte offset of each rune; bo[len(rs)] == len(text)
	toks  []Token
	sawNL bool
}

// Tokenize returns the tokens of text as the function Tokenize does. The
// tokens are valid until the next call.
func (z *Tokenizer) Tokenize(text string) []Token {
	z.reset(text)
	z.run()
	z.text = ""
	return z.toks
}

// reset prepares z to scan text, reusing its buffers.
func (z *Tokenizer) reset(text string) {
	n := utf8.RuneCountInString(text)
	z.text, z.sawNL = text, false
	z.rs = slices.Grow(z.rs[:0], n)
	z.bo = slices.Grow(z.bo[:0], n+1)
	for i, r := range text {
		z.rs = append(z.rs, r)
		z.bo = append(z.bo, int32(i))
	}
	z.bo = append(z.bo, int32(len(text)))
	z.toks = slices.Grow(z.toks[:0], n/4+1)
}

func (z *Tokenizer) emit(i, j int) {
	b, e := int(z.bo[i]), int(z.bo[j])
	z.toks = append(z.toks, Token{Text: z.text[b:e], Start: i, End: j, ByteStart: b, ByteEnd: e, Newline: z.sawNL})
	z.sawNL = false
}

func (z *Tokenizer) run() {
	rs := z.rs
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case IsLineBreak(r):
			z.sawNL = true
			i++
		case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r):
			i++
		case IsWordRune(r):
			i = z.word(i)
		case IsDash(r) || r == '.' || r == '…':
			j := i + 1
			for j < len(rs) && rs[j] == r {
				j++
			}
			z.emit(i, j)
			i = j
		case IsApostrophe(r):
			j := z.cliticEnd(i)
			if j < 0 {
				j = i + 1
			}
			z.emit(i, j)
			i = j
		default:
			z.emit(i, i+1)
			i++
		}
	}
}

// word scans a word starting at rune i and emits it with any clitic that
// follows; it returns the index after the last rune consumed.
func (z *Tokenizer) word(i int) int {
	rs := z.rs
	j := i + 1
	for j < len(rs) && (IsWordRune(rs[j]) || z.joins(j)) {
		j++
	}
	// "don't" → "do" "n't"; "n't" alone stays whole.
	if j < len(rs) && IsApostrophe(rs[j]) && (rs[j-1] == 'n' || rs[j-1] == 'N') && z.isNT(j) {
		if j-1 > i {
			z.emit(i, j-1)
		}
		z.emit(j-1, j+2)
		return j + 2
	}
	if j < len(rs) && rs[j] == '.' && !(j+1 < len(rs) && rs[j+1] == '.') && KeepsPeriod(string(rs[i:j])) {
		j++
	}
	z.emit(i, j)
	if j < len(rs) && IsApostrophe(rs[j]) {
		if k := z.cliticEnd(j); k > 0 {
			z.emit(j, k)
			return k
		}
	}
	return j
}

// joins reports whether the non-word rune at j continues the word before
// it: a period inside "U.S" or "3.5", a comma inside "1,000", a slash in
// "1/2", an ampersand in "AT&T", a hyphen before a digit ("F-16",
// "1996-08-22") and an apostrophe inside a name ("O'Brien").
func (z *Tokenizer) joins(j int) bool {
	rs := z.rs
	if j+1 >= len(rs) {
		return false
	}
	prev, r, next := rs[j-1], rs[j], rs[j+1]
	switch {
	case r == '.':
		return IsWordRune(prev) && IsWordRune(next)
	case r == ',' || r == '/' || r == ':':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case r == '&':
		return unicode.IsUpper(prev) && unicode.IsUpper(next)
	case IsHyphen(r):
		return IsWordRune(prev) && unicode.IsDigit(next)
	case IsApostrophe(r):
		return unicode.IsLetter(prev) && unicode.IsLetter(next) && z.cliticEnd(j) < 0 && !z.isNT(j)
	}
	return false
}

// isNT reports whether the apostrophe at j is the one in "n't".
func (z *Tokenizer) isNT(j int) bool {
	rs := z.rs
	return j+1 < len(rs) && (rs[j+1] == 't' || rs[j+1] == 'T') &&
		(j+2 == len(rs) || !unicode.IsLetter(rs[j+2])) && j > 0 && (rs[j-1] == 'n' || rs[j-1] == 'N')
}

// cliticEnd returns the end of the clitic ('s, 'd, 'm, 're, 've, 'll)
// starting with the apostrophe at j, or -1 if there is none.
func (z *Tokenizer) cliticEnd(j int) int {
	rs := z.rs
	k := j + 1
	for k < len(rs) && unicode.IsLetter(rs[k]) && k-j <= 3 {
		k++
	}
	if k == j+1 || (k < len(rs) && IsWordRune(rs[k])) {
		return -1
	}
	switch strings.ToLower(string(rs[j+1 : k])) {
	case "s", "d", "m", "re", "ve", "ll":
		return k
	}
	return -1
}
