package ner

import (
	"math"
	"slices"
)

// Model is a trained NER tagger. It is read-only after Train or Load and
// safe for concurrent use.
type Model struct {
	feats    []uint64  // feature hashes, ascending; feature i has weight row i
	index    table     // feature hash → row
	weights  []float32 // len(feats) rows of numTags
	unit     float32   // weights are multiples of unit (0: not quantized)
	trans    [(numTags + 1) * numTags]float32
	end      [numTags]float32
	clusters map[string]string
	gaz      *gazetteer
	// words holds the wordInfo, with its wordVec, of every clustered
	// word; startVec and endVec are the boundary markers' vectors.
	words            map[string]*wordInfo
	startVec, endVec *wordVec
}

// scorer computes emission scores for one document.
type scorer struct {
	m   *Model
	d   *docInfo
	buf []uint64
	em  []float32
	lat lattice
	// vecs holds the wordVecs of the document's words outside the model's
	// vocabulary, in blocks that stay put as more are added.
	vecs [][]wordVec
	nvec int
	// full scores every token, plain windows too (see plainWindow): for
	// tests.
	full bool
}

// newVec returns a zeroed wordVec from sc's blocks.
func (sc *scorer) newVec() *wordVec {
	const block = 64
	b, i := sc.nvec/block, sc.nvec%block
	if b == len(sc.vecs) {
		sc.vecs = append(sc.vecs, make([]wordVec, block))
	}
	sc.nvec++
	v := &sc.vecs[b][i]
	*v = wordVec{}
	return v
}

func (m *Model) newScorer(d *docInfo) *scorer { return &scorer{m: m, d: d} }

// word returns the wordVec of token j of sentence s, or of the boundary
// marker when j is outside the sentence.
func (sc *scorer) word(s *sentInfo, j int) *wordVec {
	switch {
	case j < 0:
		return sc.m.startVec
	case j >= len(s.info):
		return sc.m.endVec
	}
	wi := s.info[j]
	if wi.vec == nil {
		wi.vec = sc.newVec()
		sc.buf = sc.m.fillVector(wi.vec, wi, sc.buf)
	}
	return wi.vec
}

// emissions returns the feature scores of every tag at every token of
// sentence si, given the document history so far.
func (sc *scorer) emissions(si int) []float32 {
	s := &sc.d.sents[si]
	n := len(s.words)
	em := slices.Grow(sc.em[:0], n*numTags)[:n*numTags]
	clear(em)
	sc.em = em
	for i := 0; i < n; i++ {
		row := em[i*numTags : (i+1)*numTags : (i+1)*numTags]
		if !sc.full && plainWindow(s, i) {
			// Only O: its score is the same on every path, so 0 will do.
			*(*[numTags]float32)(row) = onlyORow
			continue
		}
		for k := -2; k <= 2; k++ {
			addRow((*[numTags]float32)(row), &sc.word(s, i+k)[k+2])
		}
		sc.buf = sc.d.contextFeatures(si, i, sc.buf[:0])
		if h, ok := historyFeature(s.doc[i]); ok {
			sc.buf = append(sc.buf, h)
		}
		sc.m.addWeights(row, sc.buf)
	}
	return em
}

// decode tags the sentences of a prepared document in order, each with the
// history of the tags given to the sentences before it.
func (m *Model) decode(d *docInfo) [][]int {
	return m.decodeInto(new(scratch), d)
}

// decodeInto is decode with sc's buffers; the tags returned stay in use
// until sc is reused.
func (m *Model) decodeInto(s *scratch, d *docInfo) [][]int {
	total := 0
	for si := range d.sents {
		total += len(d.sents[si].words)
	}
	s.tags = grown(s.tags, len(d.sents))
	s.tagBuf = grown(s.tagBuf, total)
	buf := s.tagBuf
	sc := &s.score
	sc.m, sc.d, sc.nvec = m, d, 0
	for si := range d.sents {
		n := len(d.sents[si].words)
		em := sc.emissions(si)
		s.tags[si] = sc.lat.best(buf[:n:n], em, n, &m.trans, &m.end)
		buf = buf[n:]
		remember(&d.sents[si], s.tags[si])
	}
	return s.tags
}

// viterbi returns the best valid BILOU tag sequence for n tokens with
// emission scores em (n×numTags), transition scores trans (row numTags is
// the sentence start) and end scores.
func viterbi(em []float32, n int, trans *[(numTags + 1) * numTags]float32, end *[numTags]float32) []int {
	var l lattice
	return l.best(make([]int, n), em, n, trans, end)
}

// lattice is Viterbi's scratch space, reused from sentence to sentence.
type lattice struct {
	score []float32
	back  []uint8
}

// BILOU splits the tags in two. A closed tag (O, L-x, U-x) ends whatever
// came before it: any closed tag may follow it, and an opening tag (O,
// B-x, U-x) may follow only a closed tag. An inside tag (I-x, L-x) may
// follow only B-x or I-x. best relies on this shape, which TestLatticeShape
// checks against the allowed table.
const numClosed = 1 + 2*numTypes

var closedTags, openingTags = func() (closed, opening [numClosed]uint8) {
	c, o := 0, 0
	for t := 0; t < numTags; t++ {
		if allowedEnd[t] {
			closed[c] = uint8(t)
			c++
		}
		if allowed[numTags][t] {
			opening[o] = uint8(t)
			o++
		}
	}
	return closed, opening
}()

// best is viterbi using l's scratch space, writing the n tags into tags.
// Ties go to the lowest tag, as a scan of predecessors in order would.
func (l *lattice) best(tags []int, em []float32, n int, trans *[(numTags + 1) * numTags]float32, end *[numTags]float32) []int {
	if n == 0 {
		return tags
	}
	neg := float32(math.Inf(-1))
	l.score = slices.Grow(l.score[:0], n*numTags)[:n*numTags]
	l.back = slices.Grow(l.back[:0], n*numTags)[:n*numTags]
	score, back := l.score, l.back
	// tc[j][k]: the transition from closed tag k to opening tag j.
	var tc [numClosed][numClosed]float32
	for j, t := range openingTags {
		for k, p := range closedTags {
			tc[j][k] = trans[int(p)*numTags+int(t)]
		}
	}
	for t := 0; t < numTags; t++ {
		score[t] = neg
		if allowed[numTags][t] {
			score[t] = trans[numTags*numTags+t] + em[t]
		}
	}
	for i := 1; i < n; i++ {
		prev := (*[numTags]float32)(score[(i-1)*numTags:])
		cur := (*[numTags]float32)(score[i*numTags:])
		e := (*[numTags]float32)(em[i*numTags:])
		bk := (*[numTags]uint8)(back[i*numTags:])
		var pc [numClosed]float32
		for k, p := range closedTags {
			pc[k] = prev[p]
		}
		if onlyO(e) {
			// A plain token (see plainWindow): O is the one tag to score,
			// and openingTags[0] is O.
			row := &tc[0]
			best, arg := pc[0]+row[0], 0
			for k := 1; k < numClosed; k++ {
				if v := pc[k] + row[k]; v > best {
					best, arg = v, k
				}
			}
			*cur = onlyORow
			cur[0] = best + e[0]
			bk[0] = closedTags[arg]
			continue
		}
		for j, t := range openingTags {
			row := &tc[j]
			best, arg := pc[0]+row[0], 0
			for k := 1; k < numClosed; k++ {
				if v := pc[k] + row[k]; v > best {
					best, arg = v, k
				}
			}
			cur[t] = best + e[t]
			bk[t] = closedTags[arg]
		}
		for x := 0; x < numTypes; x++ {
			b, in := tagOf(x, posB), tagOf(x, posI)
			for _, t := range [2]int{in, tagOf(x, posL)} {
				best, arg := neg, 0
				if v := prev[b] + trans[b*numTags+t]; v > best {
					best, arg = v, b
				}
				if v := prev[in] + trans[in*numTags+t]; v > best {
					best, arg = v, in
				}
				cur[t] = best + e[t]
				bk[t] = uint8(arg)
			}
		}
	}
	best, arg := neg, 0
	last := score[(n-1)*numTags:]
	for t := 0; t < numTags; t++ {
		if allowedEnd[t] && last[t] != neg && last[t]+end[t] > best {
			best, arg = last[t]+end[t], t
		}
	}
	for i := n - 1; i >= 0; i-- {
		tags[i] = arg
		arg = int(back[i*numTags+arg])
	}
	return tags
}

// onlyORow is a row of scores where every tag but O is impossible.
var onlyORow = func() (r [numTags]float32) {
	for t := 1; t < numTags; t++ {
		r[t] = float32(math.Inf(-1))
	}
	return r
}()

// onlyO reports whether emission scores e leave O the only possible tag,
// as emissions does at a plain token.
func onlyO(e *[numTags]float32) bool {
	return [numTags - 1]float32(e[1:]) == [numTags - 1]float32(onlyORow[1:])
}

// plainWindow reports whether token i and the tokens within two of it,
// the window its features read, are all without capitals (lower-case
// words, numbers, punctuation) and start or continue no gazetteer entry:
// such a token is outside every name, and emissions scores only O there,
// sparing about two tokens in five of news prose. Forcing O changes no
// entity of CoNLL-2003 test or dev, and 4 of the 233,433 mentions of the
// bench corpus (../shared/bench/corpus), each a doubtful one such as
// "rock'n'roll". Headlines in capitals are upper-cased before tagging, so
// none of their tokens is plain; the gazetteer keeps the names of
// lower-cased text ("venezuela", "u.s.").
func plainWindow(s *sentInfo, i int) bool {
	for j := max(0, i-2); j <= i+2 && j < len(s.info); j++ {
		if c := s.info[j].caps; (c != "lower" && c != "none") || s.gaz[j] != noGaz {
			return false
		}
	}
	return true
}

// noGaz is a token that starts or continues no gazetteer entry.
var noGaz [numGaz]uint8
