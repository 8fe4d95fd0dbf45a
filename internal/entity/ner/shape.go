package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// shape returns the collapsed word shape: upper-case letters become X,
// lower-case letters x, digits d, other characters stay, and runs of the
// same class collapse ("Zelenskyy" → "Xx", "U.S." → "X.X.", "1996-08-22"
// → "d-d-d", "McCarthy" → "XxXx").
func shape(w string) string {
	var buf [24]byte
	b := buf[:0]
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r) || unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '~'
		}
		if c == last && (c == 'X' || c == 'x' || c == 'd') {
			continue
		}
		last = c
		if len(b) < cap(buf) {
			b = append(b, c)
		}
	}
	return string(b)
}

// capsClass is a coarse description of a word's capitalisation.
func capsClass(w string) string {
	upper, lower, letters := 0, 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		}
	}
	first, _ := utf8.DecodeRuneInString(w)
	switch {
	case letters == 0:
		return "none"
	case upper == letters:
		return "upper"
	case lower == letters:
		return "lower"
	case unicode.IsUpper(first):
		return "title"
	}
	return "mixed"
}

// isHeadline reports whether a sentence is written in capitals, as CoNLL
// headlines and some titles are: most of its words with letters are all
// upper case.
func isHeadline(words []*wordInfo) bool {
	caps, letters := 0, 0
	for _, w := range words {
		switch w.caps {
		case "none":
		case "upper":
			caps++
			letters++
		default:
			letters++
		}
	}
	return letters >= 2 && caps*5 >= letters*4
}

// lowerASCII lower-cases w, cheaply when it is ASCII.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}
