package reuse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FNV-1a 64-bit parameters (Fowler, Noll, Vo).
const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

// Normalize returns the form of text that exact duplicates share: Unicode
// NFC, every run of white space (including line breaks) replaced by one
// space and trimmed at both ends, typographic quotes folded to ' and ", and
// each rune mapped to lower case.
func Normalize(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	normalizeTo(text, func(r rune) { b.WriteRune(r) })
	return b.String()
}

// ExactKey returns the hash (see hasher) of the UTF-8 bytes of
// Normalize(text). Two texts with the same key are exact duplicates (up to
// hash collisions, about one in 2^64 per pair).
func ExactKey(text string) uint64 {
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	h := hasher{h: fnvOffset}
	space, started := false, false
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		i += n
		if r <= ' ' && (r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f') ||
			r >= utf8.RuneSelf && unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			h.byte(' ')
			space = false
		}
		started = true
		if r = foldRune(r); r < utf8.RuneSelf {
			h.byte(byte(r))
			continue
		}
		var buf [utf8.UTFMax]byte
		for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
			h.byte(c)
		}
	}
	return h.sum()
}

// hasher hashes a byte stream 8 bytes at a time: each little-endian chunk
// c updates h to mix64(h ^ c); the last, partial chunk is zero-padded, and
// the sum is mix64(h ^ length). h starts at the FNV-1a offset basis.
type hasher struct {
	h, chunk uint64
	n        int
}

func (h *hasher) byte(c byte) {
	h.chunk |= uint64(c) << (8 * (h.n & 7))
	h.n++
	if h.n&7 == 0 {
		h.h = mix64(h.h ^ h.chunk)
		h.chunk = 0
	}
}

func (h *hasher) sum() uint64 {
	x := h.h
	if h.n&7 != 0 {
		x = mix64(x ^ h.chunk)
	}
	return mix64(x ^ uint64(h.n))
}

// normalizeTo calls emit with each rune of Normalize(text), without building
// the string.
func normalizeTo(text string, emit func(rune)) {
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	space := false
	started := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			emit(' ')
			space = false
		}
		started = true
		emit(foldRune(r))
	}
}

// foldRune folds quote styles and case.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		if r == '`' {
			return '\''
		}
		return r
	}
	switch r {
	case '‘', '’', '‚', '‛', '′', '‹', '›', 'ʼ', '＇':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»', '＂':
		return '"'
	}
	return unicode.ToLower(r)
}

// isApostrophe reports whether r may join the parts of a contraction or
// possessive ("it'll", "Zelensky's").
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == '`'
}

// looseHash returns the FNV-1a hash (over code points, each fed as one
// uint64) of the loose form of word: letters lower-cased and stripped of
// diacritics, y read as i, runs of one letter written once, apostrophes and
// combining marks dropped. "Zelenskiy", "Zelensky" and "Zelenskyy" share it.
func looseHash(word string) uint64 {
	h := fnvOffset
	prev := rune(-1)
	for i, r := range word {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			if d := norm.NFD.PropertiesString(word[i:]).Decomposition(); d != nil {
				r, _ = utf8.DecodeRune(d)
			}
			if unicode.Is(unicode.Mn, r) {
				continue
			}
			r = unicode.ToLower(r)
		}
		if isApostrophe(r) {
			continue
		}
		if r == 'y' {
			r = 'i'
		}
		if r == prev {
			continue
		}
		prev = r
		h = (h ^ uint64(r)) * fnvPrime
	}
	return h
}
