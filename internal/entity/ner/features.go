package ner

import (
	"slices"
	"strings"
)

// docInfo is a document prepared for feature extraction: per-token facts
// computed once, and what the whole document says about each word.
type docInfo struct {
	sents []sentInfo
	words []*docWord // one per distinct lower-cased word
}

// docWord is what the document says about a lower-cased word.
type docWord struct {
	// cases records how the word is written in the middle of the
	// document's ordinary sentences (caseTitle|caseLower|caseUpper).
	cases uint8
	// hist counts the labels (O, then each type) given to the word so far
	// in the document; see historyFeature.
	hist [numTypes + 1]int32
}

const (
	caseTitle = 1 << iota
	caseLower
	caseUpper
)

var caseNames = [8]string{"-", "T", "L", "TL", "U", "TU", "LU", "TLU"}

// docToken is what a document knows about one of its token texts.
type docToken struct {
	wi *wordInfo
	dw *docWord
}

type sentInfo struct {
	info                           []*wordInfo
	doc                            []*docWord
	words, lower, shapes, clusters []string
	gaz                            [][numGaz]uint8
	headline                       bool
}

// prepare computes the per-token facts of a document given as sentences of
// tokens (run-time token texts, not yet normalized).
func (m *Model) prepare(sents [][]string) *docInfo {
	return m.prepareInto(new(scratch), sents)
}

// prepareInto is prepare building the document in sc's buffers, which
// stay in use until sc is reset.
func (m *Model) prepareInto(sc *scratch, sents [][]string) *docInfo {
	total := 0
	for _, toks := range sents {
		total += len(toks)
	}
	d := &sc.doc
	d.sents = grown(d.sents, len(sents))
	d.words = d.words[:0]
	if sc.cache == nil {
		sc.cache = make(map[string]docToken, total/2)
		sc.byLower = make(map[string]*docWord, total/2)
	}
	cache, byLower := sc.cache, sc.byLower
	clear(cache)
	clear(byLower)
	sc.infos = grown(sc.infos, total)
	sc.dws = grown(sc.dws, total)
	sc.strs = grown(sc.strs, 4*total)
	sc.gaz = grown(sc.gaz, total)
	// docWords live in an arena sized for the worst case, one per token,
	// so that pointers into it stay valid.
	sc.arena = slices.Grow(sc.arena[:0], total)
	infos, dws, strs, gaz := sc.infos, sc.dws, sc.strs, sc.gaz
	for si, toks := range sents {
		s := &d.sents[si]
		n := len(toks)
		s.info, infos = infos[:n:n], infos[n:]
		s.doc, dws = dws[:n:n], dws[n:]
		s.words, s.lower, s.shapes, s.clusters = strs[:n:n], strs[n:2*n:2*n], strs[2*n:3*n:3*n], strs[3*n:4*n:4*n]
		strs = strs[4*n:]
		for i, t := range toks {
			dt, ok := cache[t]
			if !ok {
				dt.wi = m.wordInfo(t)
				dt.dw = byLower[dt.wi.lower]
				if dt.dw == nil {
					sc.arena = append(sc.arena, docWord{})
					dt.dw = &sc.arena[len(sc.arena)-1]
					byLower[dt.wi.lower] = dt.dw
					d.words = append(d.words, dt.dw)
				}
				cache[t] = dt
			}
			wi := dt.wi
			s.info[i] = wi
			s.words[i], s.lower[i], s.shapes[i], s.clusters[i] = wi.w, wi.lower, wi.shape, wi.cluster
			s.doc[i] = dt.dw
		}
		s.gaz, gaz = matchInto(gaz[:n:n], s.info, s.words, s.lower), gaz[n:]
		s.headline = isHeadline(s.info)
		if s.headline {
			continue
		}
		for i := 1; i < n; i++ {
			switch s.info[i].caps {
			case "title":
				s.doc[i].cases |= caseTitle
			case "lower":
				s.doc[i].cases |= caseLower
			case "upper":
				s.doc[i].cases |= caseUpper
			}
		}
	}
	return d
}

// Feature templates. A feature is the FNV-1a hash of its template and
// value strings; the model stores weights only for hashes seen in training.
const (
	fBias = iota
	fWord
	fLower
	fLowerM1
	fLowerP1
	fLowerM2
	fLowerP2
	fShape
	fShapeM1
	fShapeP1
	fShapeM2
	fShapeP2
	fShape3
	fBigramM
	fBigramP
	fLowerM1Shape
	fShapeLowerP1
	fPrefix
	fSuffix
	fCluster
	fClusterM1
	fClusterP1
	fGaz
	fGazM1
	fGazP1
	fPosition
	fDocCase
	fHistory
)

const (
	hashOffset = 14695981039346656037
	hashPrime  = 1099511628211
)

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= hashPrime
	}
	return h
}

func feat(t int, s string) uint64 { return hashStr((hashOffset^uint64(t))*hashPrime, s) }

func feat2(t int, a, b string) uint64 { return hashStr((feat(t, a)^0xff)*hashPrime, b) }

func feat3(t int, a, b, c string) uint64 { return hashStr((feat2(t, a, b)^0xff)*hashPrime, c) }

var clusterPrefixes = [...]int{4, 6, 10, 20}

// features appends the static features of token i of sentence si to dst:
// the features of the words in its ±2 window (wordFeatures) and those of
// the context (contextFeatures). Model.emissions sums the same features.
func (d *docInfo) features(si, i int, dst []uint64) []uint64 {
	s := &d.sents[si]
	dst = wordFeatures(0, s.words[i], s.lower[i], s.shapes[i], s.clusters[i], dst)
	for _, k := range [...]int{-2, -1, 1, 2} {
		j := i + k
		switch {
		case j < 0:
			dst = wordFeatures(k, "", "<s>", "<s>", "<s>", dst)
		case j >= len(s.words):
			dst = wordFeatures(k, "", "</s>", "</s>", "</s>", dst)
		default:
			dst = wordFeatures(k, s.words[j], s.lower[j], s.shapes[j], s.clusters[j], dst)
		}
	}
	return d.contextFeatures(si, i, dst)
}

// wordFeatures appends the features that a word (normalized, lower-cased,
// shape, cluster bits) contributes at offset k from the token tagged.
// Beyond the sentence the word is "" and the other fields a marker.
func wordFeatures(k int, w, lw, sh, cl string, dst []uint64) []uint64 {
	switch k {
	case 0:
		dst = lexicalFeatures(w, lw, cl, dst)
		dst = append(dst, feat(fShape, sh))
		for n := 1; n <= 4 && n < len(lw); n++ {
			dst = append(dst, feat(fPrefix, lw[:n]), feat(fSuffix, lw[len(lw)-n:]))
		}
		return dst
	case -1:
		dst = append(dst, feat(fLowerM1, lw), feat(fShapeM1, sh))
		return appendCluster(dst, fClusterM1, cl, clusterPrefixes[:3])
	case 1:
		dst = append(dst, feat(fLowerP1, lw), feat(fShapeP1, sh))
		return appendCluster(dst, fClusterP1, cl, clusterPrefixes[:3])
	case -2:
		return append(dst, feat(fLowerM2, lw), feat(fShapeM2, sh))
	case 2:
		return append(dst, feat(fLowerP2, lw), feat(fShapeP2, sh))
	}
	return dst
}

// lexicalFeatures appends the features that identify the token itself: its
// form, lower-cased form and cluster. They come first in a token's feature
// list, so that training can drop them (see TrainOptions.Dropout).
func lexicalFeatures(w, lw, cl string, dst []uint64) []uint64 {
	dst = append(dst, feat(fWord, w), feat(fLower, lw))
	return appendCluster(dst, fCluster, cl, clusterPrefixes[:])
}

// contextFeatures appends the features of token i that combine several
// words or depend on the sentence and document.
func (d *docInfo) contextFeatures(si, i int, dst []uint64) []uint64 {
	s := &d.sents[si]
	w := window{s: s, i: i}
	lw, sh := s.lower[i], s.shapes[i]
	dst = append(dst, feat(fBias, ""),
		feat3(fShape3, w.shape(-1), sh, w.shape(1)),
		feat2(fBigramM, w.lower(-1), lw), feat2(fBigramP, lw, w.lower(1)),
		feat2(fLowerM1Shape, w.lower(-1), sh), feat2(fShapeLowerP1, sh, w.lower(1)),
	)
	for list := range numGaz {
		if c := s.gaz[i][list]; c != 0 {
			dst = append(dst, feat(fGaz, gazName(list, c)))
		}
		if i > 0 && s.gaz[i-1][list] != 0 {
			dst = append(dst, feat(fGazM1, gazName(list, s.gaz[i-1][list]&^gazExact)))
		}
		if i+1 < len(s.words) && s.gaz[i+1][list] != 0 {
			dst = append(dst, feat(fGazP1, gazName(list, s.gaz[i+1][list]&^gazExact)))
		}
	}
	pos := "mid"
	switch {
	case s.headline:
		pos = "hdl"
	case i == 0:
		pos = "first"
	}
	return append(dst, feat2(fPosition, pos, sh), feat3(fDocCase, pos, caseNames[s.doc[i].cases], sh))
}

// gazName names a gazetteer match: the list and the match code.
func gazName(list int, code uint8) string {
	return string([]byte{byte('a' + list), byte('0' + code)})
}

func appendCluster(dst []uint64, t int, bits string, prefixes []int) []uint64 {
	if bits == "" {
		return append(dst, feat(t, "none"))
	}
	for _, p := range prefixes {
		dst = append(dst, feat(t, bits[:min(p, len(bits))]))
	}
	return dst
}

// window reads the neighbours of token i, with boundary markers past the
// ends of the sentence.
type window struct {
	s *sentInfo
	i int
}

func (w window) get(k int, a []string) string {
	j := w.i + k
	switch {
	case j < 0:
		return "<s>"
	case j >= len(a):
		return "</s>"
	}
	return a[j]
}

func (w window) lower(k int) string { return w.get(k, w.s.lower) }
func (w window) shape(k int) string { return w.get(k, w.s.shapes) }

// historyFeature returns the document-history feature of a word: the label
// (entity type or O) given most often to the same lower-cased word earlier
// in the document, and whether there was any.
func historyFeature(dw *docWord) (uint64, bool) {
	h := &dw.hist
	best, total := 0, int32(0)
	for t := range h {
		total += h[t]
		if h[t] > h[best] {
			best = t
		}
	}
	if total == 0 {
		return 0, false
	}
	name := "O"
	if best > 0 {
		name = conllType[best-1]
	}
	return feat(fHistory, name), true
}

// remember records the labels of a tagged sentence in the history of the
// words that have letters.
func remember(s *sentInfo, tags []int) {
	for i, t := range tags {
		if strings.ContainsAny(s.shapes[i], "Xx") {
			s.doc[i].hist[typeOf(t)+1]++
		}
	}
}

// forget clears the history, for another pass over the document.
func (d *docInfo) forget() {
	for _, dw := range d.words {
		dw.hist = [numTypes + 1]int32{}
	}
}
