package text

import (
	"strings"
	"unicode"
)

// Sentences groups tokens made by Tokenize into sentences. A sentence ends
// at a line break, and after a terminator (. ! ? …) together with any
// closing quotes or brackets glued to it, when the next token can start a
// sentence (it is not lower case). An abbreviation that keeps its period
// ("U.S.", "J.D.") ends a sentence only before a word that usually starts
// one ("… from the U.S. He said"); titles ("Mr.", "Dr.") never do. The
// returned slices share toks' backing array.
func Sentences(toks []Token) [][]Token {
	return AppendSentences(nil, toks)
}

// AppendSentences is Sentences appending to out, for callers that reuse
// their buffers.
func AppendSentences(out [][]Token, toks []Token) [][]Token {
	start, real := 0, 0
	for i := 1; i <= len(toks); i++ {
		// real is the last token before toks[i] that is not a closing quote
		// or bracket glued to what precedes it.
		if !isCloser(toks[i-1].Text) || i == 1 || toks[i-1].Start != toks[i-2].End {
			real = i - 1
		}
		if i == len(toks) || toks[i].Newline || endsBefore(toks, i, real) {
			if i > start {
				out = append(out, toks[start:i:i])
			}
			start = i
		}
	}
	return out
}

// endsBefore reports whether a sentence ends between toks[i-1] and toks[i];
// toks[j] is the last token before toks[i] that is not a glued closer.
func endsBefore(toks []Token, i, j int) bool {
	next := toks[i].Text
	if isCloser(next) && toks[i].Start == toks[i-1].End {
		return false // the closer belongs to this sentence
	}
	prev := toks[j].Text
	switch {
	case IsTerminator(prev):
		return !startsLower(next)
	case strings.HasSuffix(prev, ".") && len(prev) > 1:
		if AbbrevOf(strings.TrimSuffix(prev, "."))&Title != 0 {
			return false
		}
		return sentenceStarter[strings.ToLower(next)]
	}
	return false
}

// IsTerminator reports whether the token s ends a sentence by itself: a
// period, an ellipsis, a question or an exclamation mark.
func IsTerminator(s string) bool {
	switch s {
	case ".", "!", "?", "...", "…", "..", "?!", "!?":
		return true
	}
	return false
}

func isCloser(s string) bool {
	switch s {
	case "”", "’", "\"", "'", ")", "]", "}", "»":
		return true
	}
	return false
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// sentenceStarter lists words (lower case) that usually start a sentence;
// before one of them an abbreviation's period also ends the sentence.
var sentenceStarter = setOf("the", "he", "she", "it", "they", "we", "i", "but",
	"and", "in", "a", "an", "this", "that", "these", "those", "there", "his",
	"her", "its", "their", "our", "on", "at", "after", "as", "for", "however",
	"meanwhile", "while", "when", "if", "some", "many", "what", "who", "why",
	"how", "you", "yet", "so", "still", "also", "then", "now", "last", "earlier",
	"later", "officials", "analysts", "according", "despite", "since", "both")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
