package ner

import "strings"

// wordInfo is what the features need to know about one word; it depends
// only on the word, so it is computed once per distinct word (once per
// model for the clustered vocabulary, once per document for the rest).
type wordInfo struct {
	w, lower, shape, cluster, caps string
	// gaz lists the gazetteer entries whose first token is lower.
	gaz []gazEntry
	// vec is the word's contribution to the emission scores around it,
	// computed on first use (see scorer.word).
	vec *wordVec
}

// wordVec holds what one word contributes to the scores of the tokens
// around it: row k+2 for the token at offset k from the word's position.
type wordVec [5][numTags]float32

// boundary markers stand for the words beyond either end of a sentence.
var (
	startInfo = &wordInfo{lower: "<s>", shape: "<s>", cluster: "<s>", caps: "none"}
	endInfo   = &wordInfo{lower: "</s>", shape: "</s>", cluster: "</s>", caps: "none"}
)

// wordInfo returns the facts about the token text raw, from the model's
// precomputed vocabulary or computed afresh.
func (m *Model) wordInfo(raw string) *wordInfo {
	if wi := m.words[raw]; wi != nil {
		return wi
	}
	w := Normalize(raw)
	if wi := m.words[w]; wi != nil {
		return wi
	}
	return m.newWordInfo(w)
}

// newWordInfo computes the facts about the normalized word w.
func (m *Model) newWordInfo(w string) *wordInfo {
	lw := lowerASCII(w)
	wi := &wordInfo{w: w, lower: lw, shape: shape(w), cluster: m.cluster(w, lw), caps: capsClass(w)}
	if m.gaz != nil {
		wi.gaz = m.gaz.first[lw]
	}
	return wi
}

// cluster returns the Brown cluster bit string of a word, trying its
// title-case and lower-case forms when the word itself was not clustered
// (headlines are upper case).
func (m *Model) cluster(w, lower string) string {
	if b, ok := m.clusters[w]; ok {
		return b
	}
	if lower != "" && lower != w {
		if b, ok := m.clusters[strings.ToUpper(lower[:1])+lower[1:]]; ok {
			return b
		}
		return m.clusters[lower]
	}
	return ""
}

// precompute fills m.words with the facts and score vectors of every
// clustered word and the boundary markers; Train and Load call it once the
// weights are final. Tagging then looks up most words' scores at once.
func (m *Model) precompute() {
	words := make(map[string]*wordInfo, len(m.clusters))
	for w := range m.clusters {
		wi := m.newWordInfo(w)
		wi.vec = m.vector(wi, nil)
		words[w] = wi
	}
	m.words = words
	m.startVec, m.endVec = m.vector(startInfo, nil), m.vector(endInfo, nil)
}

// vector computes the wordVec of a word; buf is scratch space.
func (m *Model) vector(wi *wordInfo, buf []uint64) *wordVec {
	v := new(wordVec)
	m.fillVector(v, wi, buf)
	return v
}

// fillVector adds the word's contributions to v and returns buf, the
// scratch space, for reuse.
func (m *Model) fillVector(v *wordVec, wi *wordInfo, buf []uint64) []uint64 {
	for k := -2; k <= 2; k++ {
		buf = wordFeatures(k, wi.w, wi.lower, wi.shape, wi.cluster, buf[:0])
		m.addWeights(v[k+2][:], buf)
	}
	return buf
}

// addWeights adds the weights of features fs to row.
func (m *Model) addWeights(row []float32, fs []uint64) {
	dst := (*[numTags]float32)(row)
	for _, f := range fs {
		if r, ok := m.index.get(f); ok {
			addRow(dst, (*[numTags]float32)(m.weights[int(r)*numTags:]))
		}
	}
}

// addRow adds src to dst; fixed-size arrays spare the bounds checks.
func addRow(dst, src *[numTags]float32) {
	for t := range dst {
		dst[t] += src[t]
	}
}
