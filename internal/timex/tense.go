package timex

// window bounds how far, in tokens, tense cues are looked for on each side
// of an expression.
const window = 24

// direction tells whether the expression at tokens [i, end) refers to the
// past (-1) or the future (+1) of the document, from the tense cues of its
// sentence: auxiliaries (will, 'll, would, could), verbs of planning
// (scheduled, plans, expected), past forms (said, met, -ed), and words
// like ago, last and since. The nearest cue wins; a cue on the left wins a
// tie by one token, since English verbs mostly precede their time
// adverbials. It returns 0 when the sentence has no cue.
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

// cueLeft returns the nearest tense cue before token i in its sentence and
// its distance.
func (x *extractor) cueLeft(i int) (int, int) {
	for k := i - 1; k >= 0 && k >= i-window; k-- {
		if x.sentenceEnd(k) {
			break
		}
		if c := x.cueAt(k); c != 0 {
			return c, i - k
		}
		if x.toks[k].flags&fNewline != 0 {
			break
		}
	}
	return 0, 0
}

// cueRight returns the nearest tense cue from token end on in its sentence
// and its distance.
func (x *extractor) cueRight(end int) (int, int) {
	for k := end; k < len(x.toks) && k < end+window; k++ {
		if x.toks[k].flags&fNewline != 0 || x.sentenceEnd(k) {
			break
		}
		if c := x.cueAt(k); c != 0 {
			return c, k - end + 1
		}
	}
	return 0, 0
}

// cueAt returns the tense signalled at token k: an auxiliary followed by a
// future cue or by "to" ("were planning", "is to resume") speaks of the
// future whatever its own tense.
func (x *extractor) cueAt(k int) int {
	t := &x.toks[k]
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
		if n.lex.tense > 0 && n.lex.cl == clNone || n.lex.key == kTo {
			return 1
		}
	}
	return cueOf(t)
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
