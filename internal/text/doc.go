// Package text holds what every analysis stage does to text the same way,
// as go/scanner sits under go/parser: it cuts text into tokens with code
// point offsets (Tokenize), tokens into sentences (Sentences) and text into
// paragraphs (Paragraphs), with one list of abbreviations that keep their
// period (AbbrevOf) and one set of character classes (IsWordRune,
// IsApostrophe, IsHyphen, IsDash, IsQuoteMark, IsLineBreak); and it stems
// words (Stem, a cached Snowball stemmer).
//
// The stages above it (entity and its tagger, quote, timex, cluster,
// timeline, divergence) read the same boundaries and the same
// abbreviations from here, so that a sentence or a "Corp." means the same
// to all of them.
package text
