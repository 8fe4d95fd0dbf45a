package timex

import (
	"strings"
	"time"
)

// cand is a candidate expression found by a rule at some token i: it spans
// tokens [i, end).
type cand struct {
	end      int
	typ      Type
	value    string
	mod      Mod
	expected bool
	deadline time.Time
	ref      anchor // the period a DATE or TIME names, when resolved
	dur      dur    // the amount a DURATION measures
}

// rule recognizes an expression starting at token i.
type rule func(x *extractor, i int) (cand, bool)

// rules are tried at every token that may start an expression; the longest
// match wins, and among equally long ones the first rule.
var rules = []rule{
	(*extractor).modified,
	(*extractor).calendarDate,
	(*extractor).numericDate,
	(*extractor).weekdayExpr,
	(*extractor).yearExpr,
	(*extractor).quarterExpr,
	(*extractor).seasonExpr,
	(*extractor).holidayExpr,
	(*extractor).centuryExpr,
	(*extractor).deictic,
	(*extractor).relative,
	(*extractor).ago,
	(*extractor).duration,
	(*extractor).while,
	(*extractor).set,
	(*extractor).clock,
}

// best returns the longest candidate at token i, completed with the
// deadline and expectation it carries in context.
func (x *extractor) best(i int) (cand, bool) {
	var best cand
	found := false
	for _, r := range rules {
		if c, ok := r(x, i); ok && (!found || c.end > best.end) {
			best, found = c, true
		}
	}
	if found {
		x.expect(i, &best)
	}
	return best, found
}

var noTok token

// at returns token i, or a zero token when i is out of range.
func (x *extractor) at(i int) *token {
	if i >= 0 && i < len(x.toks) {
		return &x.toks[i]
	}
	return &noTok
}

// key returns the lexicon key of token i.
func (x *extractor) key(i int) key { return x.at(i).lex.key }

// is reports whether token i is the punctuation character r.
func (x *extractor) is(i int, r rune) bool {
	t := x.at(i)
	return t.kind == tPunct && t.num == r
}

// tight reports whether token i directly follows token i-1, without space.
func (x *extractor) tight(i int) bool {
	t := x.at(i)
	return t.kind != 0 && t.flags&fSpace == 0
}

// hyphen reports whether token i is a hyphen joining tokens i-1 and i+1.
func (x *extractor) hyphen(i int) bool {
	return x.is(i, '-') && x.tight(i) && x.tight(i+1)
}

// abbrDot returns the index after an optional period that directly follows
// the abbreviation at token i.
func (x *extractor) abbrDot(i int) int {
	if x.is(i+1, '.') && x.tight(i+1) {
		return i + 2
	}
	return i + 1
}

// capital reports whether token i is a capitalized or upper-case word.
func (x *extractor) capital(i int) bool { return x.at(i).flags&(fCap|fUpper) != 0 }

// ordSuffix returns the index after an ordinal suffix (st, nd, rd, th)
// attached to the number at token i.
func (x *extractor) ordSuffix(i int) int {
	t := x.at(i + 1)
	if t.kind == tWord && t.flags&fSpace == 0 && t.end-t.start == 2 {
		s := x.text[t.start:t.end]
		switch s {
		case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
			return i + 2
		}
	}
	return i + 1
}

// sentenceEnd reports whether token i ends a sentence: a period, question
// or exclamation mark followed by the end of the text, a line break or a
// capitalized word.
func (x *extractor) sentenceEnd(i int) bool {
	t := x.at(i)
	if t.kind != tPunct || (t.num != '.' && t.num != '!' && t.num != '?') {
		return false
	}
	n := x.at(i + 1)
	return n.kind == 0 || n.flags&fNewline != 0 ||
		n.flags&fSpace != 0 && (n.flags&fCap != 0 || n.kind == tPunct && (n.num == '"' || n.num == '\''))
}

// unit returns the time unit named by token i, or uNone.
func (x *extractor) unit(i int) int {
	if t := x.at(i); t.lex.cl == clUnit {
		return int(t.lex.val)
	}
	return uNone
}

// wordIs reports whether token i is the word w, in any case.
func (x *extractor) wordIs(i int, w string) bool {
	t := x.at(i)
	return t.kind == tWord && strings.EqualFold(x.text[t.start:t.end], w)
}
