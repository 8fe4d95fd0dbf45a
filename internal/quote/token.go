package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
)

// kind classifies a token.
type kind uint8

const (
	kWord  kind = iota // letters and digits, with in-word apostrophes, hyphens and dots
	kPunct             // any other single non-space character
	kMark              // a quotation mark candidate; its role is set by pairMarks
	kBreak             // a paragraph break: a run of whitespace holding a line break
)

// role is what a quotation mark does once paired.
type role uint8

const (
	rNone  role = iota // unpaired: an apostrophe or a stray mark
	rOpen              // opens a quoted region
	rClose             // closes a quoted region
)

// token is one unit of the text. Rune offsets are what Quote reports; byte
// offsets let lexicon lookups slice the text without allocating.
type token struct {
	start, end int // code points, half-open
	b0, b1     int // bytes, half-open
	kind       kind
	cap        bool // a word starting with an upper-case letter
	double     bool // a mark of the double family (“ ” " « » „ '' ``)
	role       role
}

// tokenize appends the tokens of s to toks. It never fails: every non-space rune of s
// lies in exactly one token.
func tokenize(toks []token, s string) []token {
	r := 0 // rune offset of b
	for b := 0; b < len(s); {
		c, n := decode(s, b)
		switch {
		case isSpace(c):
			b, r = spaceRun(s, b, r, &toks)
		case text.IsWordRune(c):
			b1, r1 := wordEnd(s, b, r)
			toks = append(toks, token{start: r, end: r1, b0: b, b1: b1, kind: kWord, cap: unicode.IsUpper(c)})
			b, r = b1, r1
		case text.IsQuoteMark(c):
			m := markToken(s, b, r)
			toks = append(toks, m)
			b, r = m.b1, m.end
		default:
			toks = append(toks, token{start: r, end: r + 1, b0: b, b1: b + n, kind: kPunct})
			b, r = b+n, r+1
		}
	}
	return toks
}

// spaceRun consumes the whitespace at b, appending a break token when it
// holds a line break, and returns the next byte and rune offsets.
func spaceRun(s string, b, r int, toks *[]token) (int, int) {
	b0, r0, brk := b, r, false
	for b < len(s) {
		if s[b] == ' ' {
			b, r = b+1, r+1
			continue
		}
		c, n := decode(s, b)
		if !isSpace(c) {
			break
		}
		if c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' {
			brk = true
		}
		b, r = b+n, r+1
	}
	if brk {
		*toks = append(*toks, token{start: r0, end: r, b0: b0, b1: b, kind: kBreak})
	}
	return b, r
}

// wordEnd returns the byte and rune offsets just past the word starting at b.
// A word continues over an apostrophe or hyphen between letters (Trump’s,
// anti-missile), a dot inside or after initials (U.S., J.D.) or after an
// abbreviation of package text (Sen., Mr., Corp.; text.AbbrevOf), and a dot
// or comma between digits.
func wordEnd(s string, b, r int) (int, int) {
	start := b
	prev, _ := utf8.DecodeRuneInString(s[b:])
	initials := true // the word so far is single letters joined by dots
	seg := 0         // letters in the current dot-separated segment
	for b < len(s) {
		if j := asciiRun(s, b); j > b {
			if j-b > 1 || s[b] <= '9' {
				initials = false
			}
			seg += j - b
			prev, r, b = rune(s[j-1]), r+j-b, j
			continue
		}
		c, n := decode(s, b)
		if text.IsWordRune(c) {
			if unicode.IsLetter(c) {
				seg++
				if seg > 1 {
					initials = false
				}
			} else {
				initials = false
			}
			prev, b, r = c, b+n, r+1
			continue
		}
		next := ' '
		if b+n < len(s) {
			next, _ = decode(s, b+n)
		}
		switch {
		case (c == '\'' || c == '’' || c == 'ʼ') && unicode.IsLetter(prev) && unicode.IsLetter(next):
			initials = false
		case text.IsHyphen(c) && text.IsWordRune(prev) && text.IsWordRune(next):
			initials, seg = true, 0 // D-N.Y.
		case (c == '.' || c == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next):
		case c == '.' && initials && seg == 1 && unicode.IsLetter(prev):
			seg = 0
			if !unicode.IsLetter(next) {
				return b + n, r + 1 // U.S. or J. keeps its final dot
			}
		case c == '.' && text.AbbrevOf(s[start:b]) != 0:
			return b + n, r + 1
		default:
			return b, r
		}
		prev, b, r = c, b+n, r+1
	}
	return b, r
}

// markToken reads the quotation mark at b. Runs of ASCII apostrophes or
// backticks are split the way wire copy uses them: two make a double mark,
// and three a single and a double mark in the order that nests (three
// before a word open a double, then a single quotation).
func markToken(s string, b, r int) token {
	c, n := decode(s, b)
	t := token{start: r, end: r + 1, b0: b, b1: b + n, kind: kMark}
	switch c {
	case '“', '”', '"', '«', '»', '„', '‟':
		t.double = true
	case '\'', '`':
		run := 1
		for b+run < len(s) && s[b+run] == byte(c) {
			run++
		}
		if run == 2 || (run >= 3 && !closingContext(s, b)) {
			t.double, t.end, t.b1 = true, r+2, b+2
		}
	}
	return t
}

// closingContext reports whether the rune before b is not a space or an
// opening bracket, that is whether a mark at b would close.
func closingContext(s string, b int) bool {
	if b == 0 {
		return false
	}
	c, _ := utf8.DecodeLastRuneInString(s[:b])
	return !isSpace(c) && c != '(' && c != '[' && c != '—' && c != '–'
}

func isSpace(c rune) bool {
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
	}
	return c == '\u00a0' || unicode.IsSpace(c)
}

// asciiRun returns the end of the run of ASCII letters and digits at b.
func asciiRun(s string, b int) int {
	for b < len(s) {
		c := s[b]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			break
		}
		b++
	}
	return b
}

// decode returns the rune at s[b:] and its length, ASCII first.
func decode(s string, b int) (rune, int) {
	if c := s[b]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[b:])
}

// sentence is a half-open range of token indices.
type sentence struct{ lo, hi int }

// splitSentences cuts toks into sentences at paragraph breaks and at
// sentence-final punctuation followed by a capitalised word, a digit, an
// opening mark or the end; closing marks right after the punctuation stay
// with the sentence they close. Inside a quotation only its last
// punctuation cuts, so that a quotation and the words around it stay one
// sentence. Break tokens belong to no sentence.
func splitSentences(out []sentence, s string, toks []token, inQuote func(int) bool) []sentence {
	lo := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == kBreak {
			if i > lo {
				out = append(out, sentence{lo, i})
			}
			lo = i + 1
			continue
		}
		if t.kind != kPunct || !isTerminal(s[t.b0:t.b1]) {
			continue
		}
		if inQuote(i) && (i+1 >= len(toks) || toks[i+1].kind != kMark) {
			continue // inside a quotation: its sentences are one
		}
		j := i + 1
		for j < len(toks) && (toks[j].kind == kMark && closingContext(s, toks[j].b0) || isCloser(toks[j], s)) {
			j++
		}
		if j < len(toks) && !startsSentence(s, toks[j]) {
			continue
		}
		out = append(out, sentence{lo, j})
		lo, i = j, j-1
	}
	if lo < len(toks) {
		out = append(out, sentence{lo, len(toks)})
	}
	return out
}

func isTerminal(p string) bool { return p == "." || p == "!" || p == "?" || p == "…" }

// isCloser reports a closing bracket or a further terminal after a terminal
// ("?!", ".)").
func isCloser(t token, s string) bool {
	if t.kind != kPunct {
		return false
	}
	p := s[t.b0:t.b1]
	return p == ")" || p == "]" || isTerminal(p)
}

// startsSentence reports whether t can begin a sentence.
func startsSentence(s string, t token) bool {
	switch t.kind {
	case kBreak, kMark:
		return true
	case kWord:
		c, _ := utf8.DecodeRuneInString(s[t.b0:])
		return t.cap || unicode.IsDigit(c)
	}
	p := s[t.b0:t.b1]
	return p == "(" || p == "[" || p == "—" || p == "-" || p == "•"
}
