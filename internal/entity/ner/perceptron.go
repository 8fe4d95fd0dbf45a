package ner

import (
	"math"
	"math/rand/v2"
	"slices"
)

// trainer holds the training documents as feature indices and the
// perceptron's weights. Averaging uses the trick of Daumé (2006): with c
// the number of examples seen, u accumulates c·Δ for every update Δ, and
// the averaged weights are w − u/c.
type trainer struct {
	base   *Model
	docs   []trainDoc
	index  map[uint64]int32
	w, u   []float32
	tw, tu [(numTags + 1) * numTags]float32
	ew, eu [numTags]float32
	c      float32
}

type trainDoc struct {
	info  *docInfo
	sents []trainSent
}

type trainSent struct {
	off   []int32 // token i's features are feats[off[i]:off[i+1]]
	feats []int32
	lex   []int32 // token i's first lex[i] features are lexical
	gold  []int
}

func newTrainer(base *Model, docs []Document) *trainer {
	tr := &trainer{base: base, index: make(map[uint64]int32), c: 1}
	for _, name := range append([]string{"O"}, conllType[:]...) {
		tr.feature(feat(fHistory, name))
	}
	var buf []uint64
	for _, d := range docs {
		subs := make([][]string, len(d.Sentences))
		td := trainDoc{sents: make([]trainSent, len(d.Sentences))}
		for i, s := range d.Sentences {
			var owner []int
			subs[i], owner = splitWords(s.Words)
			td.sents[i].gold = fromIOB(projectTags(s.Tags, owner))
		}
		td.info = base.prepare(subs)
		for si := range td.sents {
			ts := &td.sents[si]
			ts.off = append(ts.off, 0)
			for i := range subs[si] {
				s := &td.info.sents[si]
				buf = lexicalFeatures(s.words[i], s.lower[i], s.clusters[i], buf[:0])
				ts.lex = append(ts.lex, int32(len(buf)))
				buf = td.info.features(si, i, buf[:0])
				for _, f := range buf {
					ts.feats = append(ts.feats, tr.feature(f))
				}
				ts.off = append(ts.off, int32(len(ts.feats)))
			}
		}
		tr.docs = append(tr.docs, td)
	}
	return tr
}

// feature returns the index of feature hash f, adding it if new.
func (tr *trainer) feature(f uint64) int32 {
	if r, ok := tr.index[f]; ok {
		return r
	}
	r := int32(len(tr.index))
	tr.index[f] = r
	tr.w = append(tr.w, make([]float32, numTags)...)
	tr.u = append(tr.u, make([]float32, numTags)...)
	return r
}

// epochDoc runs one perceptron pass over a document and returns the number
// of its sentences that were tagged wrong. Each token's lexical features
// are left out with probability dropout.
func (tr *trainer) epochDoc(d *trainDoc, rng *rand.Rand, dropout float64) int {
	d.info.forget()
	errs := 0
	for si := range d.sents {
		ts := &d.sents[si]
		s := &d.info.sents[si]
		n := len(ts.gold)
		hf := make([]int32, n)
		em := make([]float32, n*numTags)
		first := make([]int32, n) // token i uses feats[first[i]:off[i+1]]
		for i := 0; i < n; i++ {
			first[i] = ts.off[i]
			if dropout > 0 && rng.Float64() < dropout {
				first[i] += ts.lex[i]
			}
			hf[i] = -1
			if h, ok := historyFeature(s.doc[i]); ok {
				hf[i] = tr.index[h]
			}
			row := em[i*numTags : (i+1)*numTags]
			tr.addRow(row, hf[i])
			for _, f := range ts.feats[first[i]:ts.off[i+1]] {
				tr.addRow(row, f)
			}
		}
		pred := viterbi(em, n, &tr.tw, &tr.ew)
		if !slices.Equal(pred, ts.gold) {
			errs++
			tr.update(ts, first, hf, pred)
		}
		tr.c++
		remember(s, pred)
	}
	return errs
}

func (tr *trainer) addRow(row []float32, f int32) {
	if f < 0 {
		return
	}
	w := tr.w[int(f)*numTags : int(f+1)*numTags]
	for t := range row {
		row[t] += w[t]
	}
}

// update moves the weights towards the gold tags and away from pred.
func (tr *trainer) update(ts *trainSent, first, hf []int32, pred []int) {
	bump := func(w, u []float32, i int, d float32) {
		w[i] += d
		u[i] += tr.c * d
	}
	n := len(pred)
	for i := 0; i < n; i++ {
		g, p := ts.gold[i], pred[i]
		if g != p {
			for _, f := range append(ts.feats[first[i]:ts.off[i+1]:ts.off[i+1]], hf[i]) {
				if f >= 0 {
					bump(tr.w, tr.u, int(f)*numTags+g, 1)
					bump(tr.w, tr.u, int(f)*numTags+p, -1)
				}
			}
		}
		gp, pp := numTags, numTags
		if i > 0 {
			gp, pp = ts.gold[i-1], pred[i-1]
		}
		bump(tr.tw[:], tr.tu[:], gp*numTags+g, 1)
		bump(tr.tw[:], tr.tu[:], pp*numTags+p, -1)
	}
	bump(tr.ew[:], tr.eu[:], ts.gold[n-1], 1)
	bump(tr.ew[:], tr.eu[:], pred[n-1], -1)
}

// averaged returns a model with the averaged weights, leaving out features
// whose averaged weights are all below prune in absolute value.
func (tr *trainer) averaged(prune float32) *Model {
	m := &Model{clusters: tr.base.clusters, gaz: tr.base.gaz}
	avg := func(w, u float32) float32 { return w - u/tr.c }
	keys := make([]uint64, 0, len(tr.index))
	for f := range tr.index {
		keys = append(keys, f)
	}
	slices.Sort(keys)
	row := make([]float32, numTags)
	for _, f := range keys {
		r := int(tr.index[f])
		big := false
		for t := range row {
			row[t] = avg(tr.w[r*numTags+t], tr.u[r*numTags+t])
			big = big || float32(math.Abs(float64(row[t]))) >= prune
		}
		if big {
			m.feats = append(m.feats, f)
			m.weights = append(m.weights, row...)
		}
	}
	m.index = newTable(m.feats)
	m.precompute()
	for i := range m.trans {
		m.trans[i] = avg(tr.tw[i], tr.tu[i])
	}
	for i := range m.end {
		m.end[i] = avg(tr.ew[i], tr.eu[i])
	}
	return m
}
