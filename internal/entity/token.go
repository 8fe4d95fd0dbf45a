package entity

import (
	"unicode"
	"unicode/utf8"

	stext "github.com/storyline-news/storyline/internal/text"
)

// A word is one word of text as the role and name parsers see it. Offsets
// are bytes into the text the word was cut from.
type word struct {
	s, e int  // the word, possessive ending excluded
	pe   int  // end of the word with its possessive ending ("Trump’s")
	poss bool // the word carries a possessive ending
	brk  bool // punctuation or a line break separates it from the next word
	up   bool // the word starts with an upper-case letter
}

// words appends to dst the words of text[from:to]. A word is a run of
// letters, digits and marks (text.IsWordRune), with periods, hyphens and
// apostrophes inside it ("U.S", "Secretary-General", "O’Brien"), a final
// period when package text keeps it ("U.S.", "J.D.", "Mr.", "Corp.";
// text.KeepsPeriod) and an apostrophe-s ending split off as a possessive.
// The last word's brk reports whether anything but spaces follows it
// before to.
func words(text string, from, to int, dst []word) []word {
	i := from
	for i < to {
		if c := text[i]; c < utf8.RuneSelf {
			if !stext.IsWordRune(rune(c)) {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:to]); !stext.IsWordRune(r) {
			i += n
			continue
		}
		w := scanWord(text, i, to)
		i = w.pe
		w.brk = gapBreaks(text, &i, to)
		dst = append(dst, w)
	}
	return dst
}

// scanWord reads the word that starts at text[i].
func scanWord(text string, i, to int) word {
	w := word{s: i}
	r, _ := utf8.DecodeRuneInString(text[i:to])
	w.up = unicode.IsUpper(r)
	j := i
	for j < to {
		if c := text[j]; c < utf8.RuneSelf && stext.IsWordRune(rune(c)) {
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[j:to])
		if stext.IsWordRune(r) {
			j += n
			continue
		}
		if !isJoiner(r) || j+n >= to {
			break
		}
		next, m := utf8.DecodeRuneInString(text[j+n : to])
		if stext.IsApostrophe(r) && (next == 's' || next == 'S') && !followedByWordRune(text, j+n+m, to) {
			w.e, w.pe, w.poss = j, j+n+m, true
			return w
		}
		if !stext.IsWordRune(next) {
			break
		}
		j += n
	}
	w.e = j
	if j < to && text[j] == '.' && stext.KeepsPeriod(text[i:j]) {
		w.e++
	}
	w.pe = w.e
	if w.e < to && stext.IsApostrophe(runeAt(text, w.e, to)) && endsWithS(text[w.s:w.e]) &&
		!followedByWordRune(text, w.e+len(string(runeAt(text, w.e, to))), to) {
		w.pe = w.e + len(string(runeAt(text, w.e, to)))
		w.poss = true
	}
	return w
}

// gapBreaks advances *i over the gap after a word and reports whether the gap
// holds anything but spaces and tabs before the next word or to.
func gapBreaks(text string, i *int, to int) bool {
	brk := false
	for *i < to {
		if c := text[*i]; c == ' ' {
			*i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[*i:to])
		if stext.IsWordRune(r) {
			return brk
		}
		if r != ' ' && r != '\t' && r != '\u00a0' {
			brk = true
		}
		*i += n
	}
	return brk
}

func isJoiner(r rune) bool {
	return r == '.' || stext.IsHyphen(r) || stext.IsApostrophe(r)
}

func runeAt(text string, i, to int) rune {
	r, _ := utf8.DecodeRuneInString(text[i:to])
	return r
}

func followedByWordRune(text string, i, to int) bool {
	return i < to && stext.IsWordRune(runeAt(text, i, to))
}

func endsWithS(s string) bool {
	return len(s) > 1 && (s[len(s)-1] == 's' || s[len(s)-1] == 'S')
}
