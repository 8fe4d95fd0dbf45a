package reuse

import (
	"cmp"
	"slices"
)

// Passage is a stretch of text that two articles share, allowing small
// edits inside it.
type Passage struct {
	// AStart and AEnd delimit the passage in article A's text, BStart and
	// BEnd in article B's: code points, half-open. In text that is not
	// valid UTF-8, each invalid byte counts as one code point, as in a Go
	// range loop.
	AStart, AEnd, BStart, BEnd int
	// Text is the passage as article A has it.
	Text string
	// Origin is the ID of the earliest article known to carry the passage:
	// the relation's A, or an article earlier still that A shares it with.
	// Relations sets it; Align and Compare leave it empty.
	Origin string
}

// seedSize is the number of tokens in the word n-grams that seed runs.
const seedSize = 3

// doc is a text cut into tokens, ready to align.
type doc struct {
	text string
	toks []token
	// lower[i] counts the tokens before toks[i] that do not start with an
	// upper-case letter: the words of a passage that are not names, titles
	// or acronyms.
	lower []int32
	// grams[i] is the seed hash of toks[i:i+seedSize], 0 when those tokens
	// span a line break; head and next chain the positions of each hash.
	grams []uint64
	head  map[uint64]int32
	next  []int32
}

func newDoc(text string) *doc {
	d := &doc{text: text, toks: tokenize(text)}
	d.lower = make([]int32, len(d.toks)+1)
	for i, t := range d.toks {
		d.lower[i+1] = d.lower[i]
		if !t.upper {
			d.lower[i+1]++
		}
	}
	return d
}

// index fills d.grams, d.head and d.next, once.
func (d *doc) index() {
	if d.head != nil {
		return
	}
	n := max(0, len(d.toks)-seedSize+1)
	d.grams = make([]uint64, n)
	d.next = make([]int32, n)
	d.head = make(map[uint64]int32, n)
	for i := n - 1; i >= 0; i-- {
		d.next[i] = -1
		if d.toks[i].line != d.toks[i+seedSize-1].line {
			continue
		}
		h := gramHash(d.toks, i)
		d.grams[i] = h
		if p, ok := d.head[h]; ok {
			d.next[i] = p
		}
		d.head[h] = int32(i)
	}
}

// span is an aligned stretch: tokens [a0, a1) of A against [b0, b1) of B,
// of which matched tokens are equal pairs, words of them lower-case in A.
type span struct{ a0, a1, b0, b1, matched, words int32 }

// run is a stretch of n equal tokens from a in A and b in B.
type run struct{ a, b, n int32 }

// Align returns the passages that texts a and b share, ordered by AStart.
func Align(a, b string, opt Options) []Passage {
	da, db := newDoc(a), newDoc(b)
	return passages(da, db, align(da, db, opt.withDefaults()))
}

// align returns the aligned spans of a and b, ordered by a0.
func align(a, b *doc, opt Options) []span {
	if len(a.toks) < seedSize || len(b.toks) < seedSize {
		return nil
	}
	gap := int32(opt.MaxGap)
	ok := qualifier(a, b, opt)
	spans := chain(findRuns(a, b), a, b, gap, ok)
	usedA, usedB := make([]bool, len(a.toks)), make([]bool, len(b.toks))
	spans = pick(spans, ok, usedA, usedB)
	for i := range spans {
		snap(&spans[i], a.toks, b.toks, usedA, usedB, gap)
	}
	return spans
}

// qualifier returns the test a span passes to be a passage: MinWords
// matched lower-case words, or, between texts shorter than MinWords/0.8
// tokens, matched tokens making up 80% of the shorter text (at least 3).
func qualifier(a, b *doc, opt Options) func(span) bool {
	minWords := int32(opt.MinWords)
	minTokens := int32(1 << 30)
	if short := int32(min(len(a.toks), len(b.toks))); 4*short < 5*minWords {
		minTokens = max(3, (4*short+4)/5) // ⌈0.8·short⌉
	}
	return func(s span) bool { return s.words >= minWords || s.matched >= minTokens }
}

// gramHash hashes the seedSize token keys starting at t[i].
func gramHash(t []token, i int) uint64 {
	return mix64((t[i].key*polyBase+t[i+1].key)*polyBase+t[i+2].key) | 1
}

// findRuns returns the maximal runs of equal tokens, within one line of each
// text, that contain a common seed n-gram. The work is bounded linearly in
// the texts' lengths: an n-gram repeated more than maxHits times in a counts
// only maxHits times, and extending runs stops after a budget of token
// comparisons, which only texts that repeat themselves exhaust.
func findRuns(a, b *doc) []run {
	const maxHits = 16
	a.index()
	b.index()
	budget := 32*(len(a.toks)+len(b.toks)) + 1024
	// covered[i-j+len(b.toks)] is the end in B of the last run on the
	// diagonal of A's token i and B's token j, or 0.
	covered := make([]int32, len(a.toks)+len(b.toks))
	var runs []run
	for j, h := range b.grams {
		if h == 0 {
			continue
		}
		i, ok := a.head[h]
		for hits := 0; ok && i >= 0 && hits < maxHits && budget > 0; hits++ {
			if d := i - int32(j) + int32(len(b.toks)); covered[d] <= int32(j) {
				r, steps := extend(a.toks, b.toks, i, int32(j))
				budget -= steps
				if r.n >= seedSize {
					runs = append(runs, r)
					covered[d] = r.b + r.n
				}
			}
			i = a.next[i]
		}
	}
	return runs
}

// extend grows the match of ta[i] and tb[j] both ways within their lines,
// and returns the run with the number of tokens compared.
func extend(ta, tb []token, i, j int32) (run, int) {
	la, lb := ta[i].line, tb[j].line
	i0 := i
	for i > 0 && j > 0 && ta[i-1].key == tb[j-1].key && ta[i-1].line == la && tb[j-1].line == lb {
		i, j = i-1, j-1
	}
	n := int32(0)
	for int(i+n) < len(ta) && int(j+n) < len(tb) && ta[i+n].key == tb[j+n].key &&
		ta[i+n].line == la && tb[j+n].line == lb {
		n++
	}
	return run{i, j, n}, int(i0-i+n) + 1
}

// chain joins runs into spans: a run continues the open span it follows
// with the smallest gap, when it starts at most gap tokens after the span's
// end in both texts and on the same lines. Runs that overlap the span's end
// are cut. At most maxOpen spans stay open, the newest. Of the spans it
// closes, it keeps those that pass ok, the rest being no passage: most
// runs between long texts are stray shared trigrams.
func chain(runs []run, a, b *doc, gap int32, ok func(span) bool) []span {
	ta, tb := a.toks, b.toks
	runs = sortRuns(runs, len(ta))
	const maxOpen = 64 // only texts that repeat themselves keep more open
	var open, done []span
	for _, r := range runs {
		k := 0
		for x := range open {
			if open[x].a1+gap < r.a || len(open)-x > maxOpen {
				if ok(open[x]) {
					done = append(done, open[x])
				}
				continue
			}
			if k != x { // most runs close no span: copy nothing then
				open[k] = open[x]
			}
			k++
		}
		open = open[:k]
		best, cost, cut := -1, int32(1<<30), int32(0)
		for ci, c := range open {
			t := max(0, c.a1-r.a, c.b1-r.b)
			ga, gb := r.a+t-c.a1, r.b+t-c.b1
			if t >= r.n || ga > gap || gb > gap || ga+gb >= cost ||
				ta[c.a1-1].line != ta[r.a+t].line || tb[c.b1-1].line != tb[r.b+t].line {
				continue
			}
			best, cost, cut = ci, ga+gb, t
		}
		if best < 0 {
			open = append(open, span{r.a, r.a + r.n, r.b, r.b + r.n, r.n, a.lower[r.a+r.n] - a.lower[r.a]})
			continue
		}
		c := &open[best]
		c.matched += r.n - cut
		c.words += a.lower[r.a+r.n] - a.lower[r.a+cut]
		c.a1, c.b1 = r.a+r.n, r.b+r.n
	}
	for _, c := range open {
		if ok(c) {
			done = append(done, c)
		}
	}
	return done
}

// sortRuns returns runs, whose starts lie before na in A, ordered by their
// start in A and then in B: counted into place by their start in A, then
// sorted by insertion within each start, where few runs share one.
func sortRuns(runs []run, na int) []run {
	at := make([]int32, na+1)
	for _, r := range runs {
		at[r.a+1]++
	}
	for i := 1; i <= na; i++ {
		at[i] += at[i-1]
	}
	out := make([]run, len(runs))
	for _, r := range runs {
		out[at[r.a]] = r
		at[r.a]++
	}
	for i := 1; i < len(out); i++ {
		for k := i; k > 0 && out[k].a == out[k-1].a && out[k].b < out[k-1].b; k-- {
			out[k], out[k-1] = out[k-1], out[k]
		}
	}
	return out
}

// pick keeps the spans that pass ok and do not overlap a span with more
// matched tokens, marks their tokens used, and returns them ordered by a0.
func pick(spans []span, ok func(span) bool, usedA, usedB []bool) []span {
	spans = slices.DeleteFunc(spans, func(s span) bool { return !ok(s) })
	slices.SortFunc(spans, func(x, y span) int {
		return cmp.Or(cmp.Compare(y.matched, x.matched), cmp.Compare(x.a0, y.a0), cmp.Compare(x.b0, y.b0))
	})
	var inA, inB intervals
	out := spans[:0]
	for _, s := range spans {
		if inA.overlaps(s.a0, s.a1) || inB.overlaps(s.b0, s.b1) {
			continue
		}
		inA.insert(s.a0, s.a1)
		inB.insert(s.b0, s.b1)
		mark(usedA, s.a0, s.a1)
		mark(usedB, s.b0, s.b1)
		out = append(out, s)
	}
	slices.SortFunc(out, func(x, y span) int { return cmp.Or(cmp.Compare(x.a0, y.a0), cmp.Compare(x.b0, y.b0)) })
	return out
}

// intervals is a sorted list of disjoint half-open intervals.
type intervals [][2]int32

// overlaps reports whether [from, to) overlaps one of iv.
func (iv intervals) overlaps(from, to int32) bool {
	k, _ := slices.BinarySearchFunc(iv, from, func(x [2]int32, t int32) int { return cmp.Compare(x[1], t+1) })
	return k < len(iv) && iv[k][0] < to
}

// insert adds [from, to), which overlaps none of iv.
func (iv *intervals) insert(from, to int32) {
	k, _ := slices.BinarySearchFunc(*iv, from, func(x [2]int32, t int32) int { return cmp.Compare(x[0], t) })
	*iv = slices.Insert(*iv, k, [2]int32{from, to})
}

func mark(used []bool, from, to int32) {
	for i := from; i < to; i++ {
		used[i] = true
	}
}

// free reports whether tokens [from, to) are unused.
func free(used []bool, from, to int32) bool {
	return !slices.Contains(used[from:to], true)
}

// snap widens s to the sentence start before it and the sentence end after
// it when each lies within gap tokens in both texts, over unused tokens: so
// "He also said" against "Trump also said" starts at He and Trump. Line
// starts are sentence starts, so s stays within its lines.
func snap(s *span, ta, tb []token, usedA, usedB []bool, gap int32) {
	ka, kb := sentenceStart(ta, s.a0, gap), sentenceStart(tb, s.b0, gap)
	if ka >= 0 && kb >= 0 && (ka < s.a0 || kb < s.b0) &&
		free(usedA, ka, s.a0) && free(usedB, kb, s.b0) {
		mark(usedA, ka, s.a0)
		mark(usedB, kb, s.b0)
		s.a0, s.b0 = ka, kb
	}
	ea, eb := sentenceEnd(ta, s.a1, gap), sentenceEnd(tb, s.b1, gap)
	if ea >= 0 && eb >= 0 && (ea > s.a1 || eb > s.b1) &&
		free(usedA, s.a1, ea) && free(usedB, s.b1, eb) {
		mark(usedA, s.a1, ea)
		mark(usedB, s.b1, eb)
		s.a1, s.b1 = ea, eb
	}
}

// sentenceStart returns the start of the sentence of t[i] when it is at
// most gap tokens before i, or -1.
func sentenceStart(t []token, i, gap int32) int32 {
	for k := i; k >= 0 && i-k <= gap; k-- {
		if t[k].sentence {
			return k
		}
	}
	return -1
}

// sentenceEnd returns the end (exclusive) of the sentence of t[i-1] when it
// is at most gap tokens after i, or -1.
func sentenceEnd(t []token, i, gap int32) int32 {
	for k := i; k-i <= gap; k++ {
		if int(k) == len(t) || t[k].sentence {
			return k
		}
	}
	return -1
}

// passages converts spans to code-point passages. A passage also takes in
// the sentence-ending punctuation right after it, but not quotes, which one
// text may have where the other has none.
func passages(a, b *doc, spans []span) []Passage {
	out := make([]Passage, 0, len(spans))
	for _, s := range spans {
		as, ae, abs, abe := bounds(a, s.a0, s.a1)
		bs, be, _, _ := bounds(b, s.b0, s.b1)
		out = append(out, Passage{AStart: as, AEnd: ae, BStart: bs, BEnd: be, Text: a.text[abs:abe]})
	}
	return out
}

// bounds returns the code-point and byte bounds of tokens [i, j) of d,
// widened over the run of . ! and ? right after them.
func bounds(d *doc, i, j int32) (cs, ce, bs, be int) {
	f, l := d.toks[i], d.toks[j-1]
	cs, ce, bs, be = int(f.start), int(l.end), int(f.bstart), int(l.bend)
	for be < len(d.text) && (d.text[be] == '.' || d.text[be] == '!' || d.text[be] == '?') {
		be, ce = be+1, ce+1
	}
	return cs, ce, bs, be
}
