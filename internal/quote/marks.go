package quote

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
)

// region is one quoted stretch of text between paired marks.
type region struct {
	open, close int  // token indices of the marks; close is the paragraph's end when unclosed
	lo, hi      int  // token indices of the content, half-open, trailing comma dropped
	single      bool // quoted with single marks
	cont        bool // continues the previous region across a paragraph break
}

// pairMarks sets the role of every mark token in toks and returns the quoted
// regions in text order. Double marks pair first and single marks nested in
// them are left alone; a double quotation still open at a paragraph's end
// ends there, and when the next paragraph opens with a mark the two regions
// form one quotation (the multi-paragraph convention). Single marks open only
// before a word and close only after one, and a ’ that could be a plural
// possessive (leaders’ plans) closes only when no better closer follows.
func pairMarks(out []region, s string, toks []token) []region {
	lo := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && toks[i].kind != kBreak {
			continue
		}
		n := len(out)
		out = pairParagraph(s, toks, lo, i, out)
		if n > 0 && len(out) > n && out[n-1].close == lo-1 && out[n].open == lo && !out[n].single && !out[n-1].single {
			out[n].cont = true
		}
		lo = i + 1
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].open < out[b].open })
	return dropNested(out)
}

// pairParagraph pairs the marks of toks[lo:hi], one paragraph, appending
// regions to out. An unclosed region's close is hi, the paragraph's end.
func pairParagraph(s string, toks []token, lo, hi int, out []region) []region {
	openD, openS := -1, -1
	for i := lo; i < hi; i++ {
		t := &toks[i]
		if t.kind != kMark {
			continue
		}
		left, right := flanks(s, t)
		c, _ := utf8.DecodeRuneInString(s[t.b0:])
		if t.double {
			switch {
			case openD < 0 && opensDouble(c, left, right):
				openD, openS = i, -1
			case openD >= 0 && closesDouble(c, left, right):
				out = addRegion(s, toks, out, openD, i, false)
				openD = -1
			case openD >= 0 && left && !right:
				out = addRegion(s, toks, out, openD, i, false) // the earlier one was never closed
				openD = i
			}
			continue
		}
		switch {
		case openD >= 0:
		case openS < 0 && left && c != '’':
			openS = i
		case openS >= 0 && right && !(possessive(s, t) && laterCloser(s, toks, i+1, hi)):
			out = addRegion(s, toks, out, openS, i, true)
			openS = -1
		}
	}
	if openD >= 0 {
		out = addRegion(s, toks, out, openD, hi, false)
	}
	return out
}

// addRegion records the region opened at toks[open] and closed at
// toks[close] (or ended by the paragraph when close is a break or the end),
// unless it holds no word.
func addRegion(s string, toks []token, out []region, open, close int, single bool) []region {
	lo, hi := open+1, close
	for hi > lo && isTrailing(s, toks[hi-1]) {
		hi--
	}
	words := false
	for j := lo; j < hi; j++ {
		if toks[j].kind == kWord {
			words = true
			break
		}
	}
	if !words {
		return out
	}
	toks[open].role = rOpen
	if close < len(toks) && toks[close].kind == kMark {
		toks[close].role = rClose
	}
	return append(out, region{open: open, close: close, lo: lo, hi: hi, single: single})
}

// isTrailing reports a comma, colon or semicolon that ends quoted content
// but belongs to the sentence around it.
func isTrailing(s string, t token) bool {
	if t.kind != kPunct {
		return false
	}
	p := s[t.b0:t.b1]
	return p == "," || p == ":" || p == ";"
}

// dropNested removes regions inside another region (a double quotation in a
// single one), keeping the outer.
func dropNested(rs []region) []region {
	out := rs[:0]
	end := -1
	for _, r := range rs {
		if r.open < end {
			continue
		}
		out = append(out, r)
		end = r.close
	}
	return out
}

// flanks reports whether the mark t can open (a word follows and a space or
// opening punctuation precedes) and whether it can close (a non-space
// precedes and a space, punctuation or the end follows).
func flanks(s string, t *token) (left, right bool) {
	prev, next := ' ', ' '
	if t.b0 > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:t.b0])
	}
	if t.b1 < len(s) {
		next, _ = utf8.DecodeRuneInString(s[t.b1:])
	}
	prevOpen := isSpace(prev) || text.IsQuoteMark(prev) || prev == '(' || prev == '[' || prev == '—' ||
		prev == '–' || prev == '-' || prev == '/' || prev == '{'
	nextClose := isSpace(next) || text.IsQuoteMark(next) || unicode.IsPunct(next) && next != '(' && next != '$' && next != '#' && next != '@'
	left = !isSpace(next) && prevOpen && (t.b1 < len(s))
	right = !isSpace(prev) && t.b0 > 0 && nextClose
	return left, right
}

func opensDouble(c rune, left, right bool) bool {
	switch c {
	case '“', '„', '«', '‟', '`':
		return left || !right
	case '”', '»':
		return left && !right
	}
	return left // " and ''
}

func closesDouble(c rune, left, right bool) bool {
	switch c {
	case '”', '»':
		return right || !left
	case '“', '„', '«', '‟', '`':
		return right && !left
	}
	return right || !left // " and '': a mark between spaces closes ('…,' " said X)
}

// possessive reports a ’ or ' right after an s and before a word: leaders’ plans.
func possessive(s string, t *token) bool {
	if t.b0 == 0 || t.b1 >= len(s) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:t.b0])
	next, n := utf8.DecodeRuneInString(s[t.b1:])
	if prev != 's' && prev != 'S' || next != ' ' {
		return false
	}
	after, _ := utf8.DecodeRuneInString(s[t.b1+n:])
	return unicode.IsLetter(after)
}

// laterCloser reports whether toks[from:hi] holds a single mark that could
// close a quotation.
func laterCloser(s string, toks []token, from, hi int) bool {
	for j := from; j < hi; j++ {
		t := &toks[j]
		if t.kind == kMark && !t.double {
			if _, right := flanks(s, t); right && !possessive(s, t) {
				return true
			}
		}
	}
	return false
}
