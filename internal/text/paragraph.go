package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open range of a text: code points [Start, End) and the
// same range in bytes, [ByteStart, ByteEnd).
type Span struct {
	Start, End         int
	ByteStart, ByteEnd int
}

// Paragraphs returns the paragraphs of s in order, trimmed of white space:
// the runs of lines between hard line breaks. A line break is hard unless
// SoftWrap says it only wraps a long line; a line or paragraph separator
// (U+2028, U+2029, U+0085) is always hard. Blank lines make no paragraph.
func Paragraphs(s string) []Span {
	var out []Span
	start, rstart := 0, 0 // the paragraph so far
	r := 0                // code points before byte i
	for i, c := range s {
		hard := c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\n' && !SoftWrap(s, i)
		if hard {
			out = appendTrimmed(out, s, start, i, rstart)
			start, rstart = i+utf8.RuneLen(c), r+1
		}
		r++
	}
	return appendTrimmed(out, s, start, len(s), rstart)
}

// appendTrimmed appends s[b0:b1], which starts at code point r0, trimmed of
// white space, unless nothing is left.
func appendTrimmed(out []Span, s string, b0, b1, r0 int) []Span {
	p := s[b0:b1]
	t := strings.TrimLeftFunc(p, unicode.IsSpace)
	r0 += utf8.RuneCountInString(p[:len(p)-len(t)])
	b0 += len(p) - len(t)
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	if t == "" {
		return out
	}
	return append(out, Span{Start: r0, End: r0 + utf8.RuneCountInString(t), ByteStart: b0, ByteEnd: b0 + len(t)})
}

// SoftWrap reports whether the line feed at byte i of s only wraps a long
// line in the middle of a sentence, as in hard-wrapped wire copy: a
// paragraph or a heading ends with a short line (under 40 bytes), a blank
// line or end punctuation, and a wrapped line ends in a letter, a digit or
// a comma.
func SoftWrap(s string, i int) bool {
	lineStart := strings.LastIndexByte(s[:i], '\n') + 1
	if i-lineStart < 40 || i+1 < len(s) && (s[i+1] == '\n' || s[i+1] == '\r') {
		return false
	}
	j := i - 1
	for j > lineStart && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
		j--
	}
	switch s[j] {
	case '.', '!', '?', ':', '"', '\'', ')', '-':
		return false
	}
	if s[j] >= utf8.RuneSelf {
		ru, _ := utf8.DecodeLastRuneInString(s[lineStart : j+1])
		return unicode.IsLetter(ru) || unicode.IsDigit(ru)
	}
	c := s[j]
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == ','
}
