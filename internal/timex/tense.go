package timex

import "strings"

// window bounds how far, in tokens, tense cues are looked for on each side
// of an expression.
const window = 24

// direction tells whether the expression at tokens [i, end) refers to the
// past (-1) or the future (+1) of the document, from the tense cues of its
// sentence: auxiliaries (will, 'll, would, could), verbs of planning
// (scheduled, expected, "plans to"), past forms (said, met, -ed), and words
// like ago, last and since. A past participle takes the tense of its verb
// group ("will be installed Tuesday", "will stay closed until Tuesday").
// The nearest cue wins; a cue on the left wins a tie by one token, since
// English verbs mostly precede their time adverbials, and cues on the
// right count up to the end of the clause only ("rejected it on Tuesday
// and will vote again Friday"). It returns 0 when the sentence has no cue.
func (x *extractor) direction(i, end int) int {
	left, dl := x.cueLeft(i)
	right, dr := x.cueRight(end)
	switch {
	case left != 0 && (right == 0 || dl <= dr+1):
		return left
	case right != 0:
		return right
	}
	return 0
}

// limitDirection is direction for an expression after "until" or "by": a
// time limit lies ahead unless its clause says otherwise ("had filed
// reports by Wednesday"); a past verb that sets a limit ("postponed until
// Tuesday", "has given them until Friday") looks ahead.
func (x *extractor) limitDirection(i, end int) int {
	left, dl := x.cueLeft(i)
	switch {
	case left < 0 && x.key(i-dl) == kDefer:
		return 1
	case left != 0:
		return left
	}
	if right, _ := x.cueRight(end); right < 0 {
		return -1
	}
	return 1
}

// cueLeft returns the nearest tense cue before token i in its sentence and
// its distance.
func (x *extractor) cueLeft(i int) (int, int) {
	for k := i - 1; k >= 0 && k >= i-window; k-- {
		if x.sentenceEnd(k) {
			break
		}
		if c := x.cueAt(k, true); c != 0 {
			return c, i - k
		}
		if x.toks[k].flags&fNewline != 0 {
			break
		}
	}
	return 0, 0
}

// cueRight returns the nearest tense cue from token end on in its clause
// and its distance: a coordinated verb ("rejected it on Tuesday and will
// vote Friday") or a subordinate clause speaks of another time.
func (x *extractor) cueRight(end int) (int, int) {
	for k := end; k < len(x.toks) && k < end+window; k++ {
		t := &x.toks[k]
		if t.flags&fNewline != 0 || x.sentenceEnd(k) || t.lex.vg == vgClause || t.kind == tPunct && t.num == ';' {
			break
		}
		if t.lex.key == kAnd && x.verbGroup(k+1) {
			break
		}
		if t.kind == tPunct && t.num == ',' && x.attributionAt(k+1) {
			break // "will vote on Thursday, the speaker said on Monday"
		}
		if c := x.cueAt(k, false); c != 0 {
			return c, k - end + 1
		}
	}
	return 0, 0
}

// attributionAt reports whether a trailing attribution starts at token k:
// a verb of saying within the next few words of the clause ("the speaker
// said", "officials told reporters", "according to"), whose tense is that
// of the saying, not of what is said.
func (x *extractor) attributionAt(k int) bool {
	for j := k; j < len(x.toks) && j < k+5; j++ {
		t := &x.toks[j]
		if t.kind != tWord {
			return false
		}
		if speechVerbs[strings.ToLower(x.text[t.start:t.end])] {
			return true
		}
	}
	return false
}

// speechVerbs are the verbs of a trailing attribution.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "adds": true,
	"according": true, "stated": true, "wrote": true, "announced": true, "reported": true, "noted": true,
}

// verbGroup reports whether token k opens a verb group: an auxiliary, a
// modal or a past form ("and will vote", "and said").
func (x *extractor) verbGroup(k int) bool {
	t := x.at(k)
	switch t.lex.vg {
	case vgModal, vgWeak, vgBe, vgPresent, vgPast, vgPart:
		return true
	}
	return t.flags&fPast != 0 || t.lex.flags&lfPerfect != 0 || t.lex.tense != 0 && t.lex.cl == clNone && t.lex.key == kNone
}

// cueAt returns the tense signalled at token k, left of the expression or
// not: an auxiliary followed by a future cue or by "to" ("were planning",
// "is to resume") speaks of the future whatever its own tense; a
// participle takes the tense of its verb group ("will be held", "was
// held").
func (x *extractor) cueAt(k int, left bool) int {
	t := &x.toks[k]
	if t.kind != tWord {
		return 0
	}
	if t.lex.flags&lfPerfect != 0 {
		for j := k + 1; j <= k+3; j++ { // has (not, already, also) met
			if n := x.at(j); n.kind != tWord || cueOf(n) != 0 {
				return min(cueOf(n), 0)
			}
		}
		return 0
	}
	if t.lex.flags&lfAux != 0 {
		n := x.at(k + 1)
		if n.lex.tense > 0 && n.lex.cl == clNone && n.lex.vg != vgFutTo || n.lex.key == kTo {
			return 1
		}
	}
	switch t.lex.vg {
	case vgEffective:
		if p := x.at(k - 1); p.lex.vg == vgPast || p.lex.tense < 0 || p.flags&fPast != 0 {
			return -1 // became effective, was effective
		}
		return 1
	case vgPlan:
		if left {
			return 1 // planned a rally on Saturday
		}
		fallthrough
	case vgFutTo:
		switch x.key(k + 1) {
		case kTo:
			return 1
		case kFor: // set for Friday, not plans for the holiday
			if w := x.text[t.start:t.end]; w == "set" || w == "due" || w == "planned" || w == "scheduled" {
				return 1
			}
		}
		return 0
	case vgPart:
		if x.is(k+1, '\'') && x.tight(k+1) { // won't
			return 1
		}
		return x.participle(k)
	}
	switch t.lex.key {
	case kNext, kLast:
		// a cue before a time word only: "next week", not "next to"
		if n := x.at(k + 1); n.kind != tNum && n.lex.cl == clNone && n.lex.key != kFew && n.lex.key != kSeveral && n.lex.key != kCouple {
			return 0
		}
	}
	if t.flags&fPast != 0 {
		return x.participle(k)
	}
	return cueOf(t)
}

// participle returns the tense of the past form at token k from the verb
// group it ends: the future after a modal or "to" and "be" ("will be held",
// "would be paid", "to be closed"), none after a present form ("is closed") or after
// a determiner, where it is an adjective ("on a still unspecified date"),
// the past otherwise.
func (x *extractor) participle(k int) int {
	p := x.skipAdverbs(k - 1)
	if p >= 0 && determiners[x.key(p)] {
		return 0
	}
	switch x.at(p).lex.vg {
	case vgBe, vgCopula:
		q := x.skipAdverbs(p - 1)
		if x.at(q).lex.vg == vgModal || x.wordIs(q, "would") || x.key(q) == kTo {
			return 1
		}
		if x.at(q).lex.vg == vgPresent {
			return 0
		}
		return -1
	case vgPresent:
		return 0
	}
	return -1
}

// skipAdverbs returns the index of the last token at or before k that is
// not an adverb of a verb group ("will not also be").
func (x *extractor) skipAdverbs(k int) int {
	for k >= 0 && (x.toks[k].lex.vg == vgAdv || x.is(k, '\'') || x.toks[k].kind == tWord && x.text[x.toks[k].start:x.toks[k].end] == "t") {
		k--
	}
	return k
}

// cueOf returns the tense a word signals: +1 future, -1 past, 0 none.
func cueOf(t *token) int {
	if t.kind != tWord {
		return 0
	}
	if t.lex.tense != 0 {
		if t.lex.cl == clMonth && t.flags&fCap != 0 {
			return 0 // May, not may
		}
		return int(t.lex.tense)
	}
	if t.flags&fPast != 0 {
		return -1
	}
	return 0
}
