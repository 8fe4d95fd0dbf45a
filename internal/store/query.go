package store

import (
	"strings"
	"unicode"
)

// Bounds of a search query: a person types a few words; a client that
// sends thousands would make every backend's ranking and snippets slow
// down sharply, for nothing.
const (
	MaxQueryBytes = 1024 // the rest of a longer query is ignored
	MaxQueryTerms = 32   // distinct terms kept, the first ones
)

// QueryTerm is one unit of a search query: a word or a quoted phrase.
type QueryTerm struct {
	Text   string
	Prefix bool // the word ended in *: match words that start with it
}

// SplitQuery splits a query typed by a person into terms, as every backend
// reads it: words at white space and control characters, phrases between
// double quotes (an unclosed quote runs to the end), a word ending in * a
// prefix. Terms without a letter or digit are dropped, repeated ones kept
// once, and at most MaxQueryTerms of the first MaxQueryBytes are returned.
func SplitQuery(q string) []QueryTerm {
	if len(q) > MaxQueryBytes {
		cut := MaxQueryBytes
		for cut > 0 && !utf8RuneStart(q[cut]) {
			cut--
		}
		q = q[:cut]
	}
	// Backends read queries as C strings or text without NUL: control
	// characters become spaces; strings.Map also turns invalid UTF-8 into
	// U+FFFD.
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	var terms []QueryTerm
	seen := map[QueryTerm]bool{}
	add := func(t QueryTerm) {
		if len(terms) < MaxQueryTerms && !seen[t] && strings.ContainsFunc(t.Text, isWordRune) {
			seen[t] = true
			terms = append(terms, t)
		}
	}
	for q != "" {
		q = strings.TrimLeftFunc(q, unicode.IsSpace)
		if phrase, ok := strings.CutPrefix(q, `"`); ok {
			text, rest, _ := strings.Cut(phrase, `"`)
			add(QueryTerm{Text: text})
			q = rest
			continue
		}
		end := strings.IndexFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(q)
		}
		word := q[:end]
		q = q[end:]
		trimmed := strings.TrimRight(word, "*")
		add(QueryTerm{Text: trimmed, Prefix: trimmed != word})
	}
	return terms
}

// utf8RuneStart reports whether b can start a UTF-8 sequence.
func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// isWordRune reports whether r can be part of an indexed token.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}
