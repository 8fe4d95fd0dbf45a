package cluster

import (
	"math"
	"slices"
	"strings"
)

// feat is one feature of a sparse vector: an interned feature and its
// weight. Vectors are sorted by ID, so that every sum over one runs in the
// same order (floating-point addition is not associative) and two vectors
// meet in one merge pass. Weights are float32 to halve the memory of
// story centroids; sums are taken in float64.
type feat struct {
	id int32
	w  float32
}

// Kinds of features. Each kind has its own cosine and weight.
const (
	kindWord = iota
	kindName
	kindYear
	kindNumber
	kinds
)

// kindOf returns the kind of feature t.
func kindOf(t string) uint8 {
	switch {
	case strings.HasPrefix(t, namePrefix):
		return kindName
	case isYear(t):
		return kindYear
	case isNumeric(t):
		return kindNumber
	}
	return kindWord
}

// vocab interns features and counts their document frequencies, in the
// stream and in the background corpus shipped with the package.
type vocab struct {
	ids   map[string]int32
	terms []string
	kind  []uint8
	df    []int32 // documents of the stream holding the feature
	bg    []int32 // documents of the background corpus holding it
	docs  int
	table *background
}

func newVocab(table *background) *vocab {
	return &vocab{ids: make(map[string]int32), table: table}
}

// internBytes is intern for a term spelled in b, copied only when new.
func (v *vocab) internBytes(b []byte) int32 {
	if id, ok := v.ids[string(b)]; ok {
		return id
	}
	return v.add(string(b))
}

// intern returns the ID of feature t, adding it if new. A new term is
// copied: t may be a slice of an article's text (a number, a word that is
// its own stem), which the vocabulary would otherwise keep alive whole.
func (v *vocab) intern(t string) int32 {
	if id, ok := v.ids[t]; ok {
		return id
	}
	return v.add(strings.Clone(t))
}

// add adds the new term t, which it keeps as it is.
func (v *vocab) add(t string) int32 {
	id := int32(len(v.terms))
	v.ids[t] = id
	v.terms = append(v.terms, t)
	v.kind = append(v.kind, kindOf(t))
	v.df = append(v.df, 0)
	v.bg = append(v.bg, int32(v.table.df(t)))
	return id
}

// observe counts the features of one new document, sorted by ID, in the
// document frequencies.
func (v *vocab) observe(counts []feat) {
	for _, f := range counts {
		v.df[f.id]++
	}
	v.docs++
}

// idf is the smoothed inverse document frequency of a feature, counting the
// background corpus, weighted by bgWeight, as documents seen before the
// stream.
func (v *vocab) idf(id int32, bgWeight float64) float64 {
	n := float64(v.docs) + bgWeight*float64(v.table.docs)
	df := float64(v.df[id]) + bgWeight*float64(v.bg[id])
	return math.Log((n+1)/(df+1)) + 1
}

// weigh turns counts into the article's vector: sublinear TF-IDF weights
// of its n heaviest features, each kind scaled to unit length (or the whole
// vector, when kinds are ablated).
func (v *vocab) weigh(counts []feat, o Options) []feat {
	vec := make([]feat, len(counts))
	for i, c := range counts {
		vec[i] = feat{c.id, float32((1 + math.Log(float64(c.w))) * v.idf(c.id, o.Background))}
	}
	vec = heaviest(vec, o.ArticleTerms)
	if o.ablate&noKinds != 0 {
		normalize(vec)
	} else {
		v.normalizeKinds(vec)
	}
	return vec
}

func byID(a, b feat) int { return int(a.id - b.id) }

// byWeight orders heaviest first, ties by ID.
func byWeight(a, b feat) int {
	switch {
	case a.w > b.w:
		return -1
	case a.w < b.w:
		return 1
	}
	return int(a.id - b.id)
}

// heaviest keeps the n heaviest features of vec, in ID order. It reorders
// vec.
func heaviest(vec []feat, n int) []feat {
	if len(vec) <= n {
		return vec
	}
	selectHeaviest(vec, n)
	vec = vec[:n]
	slices.SortFunc(vec, byID)
	return vec
}

// selectHeaviest reorders vec so that its n heaviest features (by
// byWeight, a total order, so the set is unique) come first, in no
// particular order: quickselect, O(len(vec)) on average.
func selectHeaviest(vec []feat, n int) {
	lo, hi := 0, len(vec)-1
	for lo < hi {
		// Median of three as pivot, moved to hi.
		mid := lo + (hi-lo)/2
		if byWeight(vec[mid], vec[lo]) < 0 {
			vec[mid], vec[lo] = vec[lo], vec[mid]
		}
		if byWeight(vec[hi], vec[lo]) < 0 {
			vec[hi], vec[lo] = vec[lo], vec[hi]
		}
		if byWeight(vec[mid], vec[hi]) < 0 {
			vec[mid], vec[hi] = vec[hi], vec[mid]
		}
		p := lo
		for i := lo; i < hi; i++ {
			if byWeight(vec[i], vec[hi]) < 0 {
				vec[i], vec[p] = vec[p], vec[i]
				p++
			}
		}
		vec[p], vec[hi] = vec[hi], vec[p]
		switch {
		case p == n || p == n-1:
			return
		case p < n:
			lo = p + 1
		default:
			hi = p - 1
		}
	}
}

// normalize scales vec to unit length in place.
func normalize(vec []feat) {
	var sum float64
	for _, f := range vec {
		sum += float64(f.w) * float64(f.w)
	}
	if sum == 0 {
		return
	}
	norm := math.Sqrt(sum)
	for i := range vec {
		vec[i].w = float32(float64(vec[i].w) / norm)
	}
}

// normalizeKinds scales each kind's part of vec to unit length in place.
func (v *vocab) normalizeKinds(vec []feat) {
	sq := v.sqKinds(vec)
	for i, f := range vec {
		vec[i].w = float32(float64(f.w) / math.Sqrt(sq[v.kind[f.id]]))
	}
}

// sqKinds returns the squared norm of each kind's part of a.
func (v *vocab) sqKinds(a []feat) [kinds]float64 {
	var s [kinds]float64
	for _, f := range a {
		s[v.kind[f.id]] += float64(f.w) * float64(f.w)
	}
	return s
}

// dotKinds returns the dot product of a and b for each kind. The merge
// steps without branching on which side is behind, which the processor
// could not predict: a quarter less time than the plain merge.
func (v *vocab) dotKinds(a, b []feat) [kinds]float64 {
	var s [kinds]float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ai, bj := a[i].id, b[j].id
		if ai == bj {
			s[v.kind[ai]] += float64(a[i].w) * float64(b[j].w)
		}
		di, dj := 0, 0
		if ai <= bj {
			di = 1
		}
		if bj <= ai {
			dj = 1
		}
		i += di
		j += dj
	}
	return s
}

// contains reports whether vec, sorted by ID, holds feature id.
func contains(vec []feat, id int32) bool {
	_, ok := slices.BinarySearchFunc(vec, id, func(f feat, id int32) int { return int(f.id - id) })
	return ok
}
