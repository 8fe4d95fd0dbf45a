package reuse

import (
	"cmp"
	"slices"
	"sync"
)

// Index finds, among the sketches added to it, those likely to be near
// duplicates of a query sketch, by LSH banding (see the package doc). It is
// safe for concurrent use. It keeps each added sketch (520 bytes) and one
// entry in each of Bands hash tables; adding one costs Bands inserts,
// whatever the number stored. A lookup costs Bands probes plus one
// comparison per text in the buckets it hits, which grows only with the
// number of stored texts that share a band with the query.
type Index struct {
	bands, rows int

	mu    sync.RWMutex
	heads []map[uint32]int32 // per band: band hash → latest entry
	next  []int32            // entry doc*bands+band → earlier doc in that bucket, or -1
	ids   []string
	mins  []uint32 // SketchSize values per doc
	exact []uint64
}

// Candidate is a stored text that a query may duplicate.
type Candidate struct {
	// ID is the id the text was added with.
	ID string
	// Jaccard is the sketches' estimate of the shingle Jaccard similarity.
	Jaccard float64
	// Exact reports equal exact keys: the normalized texts are identical.
	Exact bool
}

// NewIndex returns an empty index banded as opt says.
func NewIndex(opt Options) *Index {
	opt = opt.withDefaults()
	x := &Index{bands: opt.Bands, rows: opt.Rows, heads: make([]map[uint32]int32, opt.Bands)}
	for i := range x.heads {
		x.heads[i] = make(map[uint32]int32)
	}
	return x
}

// Len returns the number of sketches added.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.ids)
}

// bandHash hashes rows values of band b of s.
func (x *Index) bandHash(s *Sketch, b int) uint32 {
	h := fnvOffset ^ uint64(b)
	for _, v := range s.Min[b*x.rows : (b+1)*x.rows] {
		h = (h ^ uint64(v)) * fnvPrime
	}
	return uint32(mix64(h))
}

// Add stores s under id. Sketches of texts without words are kept but never
// returned as candidates.
func (x *Index) Add(id string, s *Sketch) {
	x.insert(id, s, false)
}

// Insert returns the candidates for s among the sketches added before it,
// as Candidates does, and adds s under id, in one step that probes each
// band's table once.
func (x *Index) Insert(id string, s *Sketch) []Candidate {
	return x.insert(id, s, true)
}

func (x *Index) insert(id string, s *Sketch, query bool) []Candidate {
	var hs [SketchSize]uint32
	for b := range x.bands {
		hs[b] = x.bandHash(s, b)
	}
	empty := s.Empty()
	x.mu.Lock()
	defer x.mu.Unlock()
	doc := int32(len(x.ids))
	var docs []int32
	for b := range x.bands {
		prev := int32(-1)
		if !empty {
			if p, ok := x.heads[b][hs[b]]; ok {
				prev = p
				for d := p; query && d >= 0; d = x.next[int(d)*x.bands+b] {
					docs = append(docs, d)
				}
			}
			x.heads[b][hs[b]] = doc
		}
		x.next = append(x.next, prev)
	}
	x.ids = append(x.ids, id)
	x.mins = append(x.mins, s.Min[:]...)
	x.exact = append(x.exact, s.Exact)
	return x.candidates(s, docs)
}

// Candidates returns the stored sketches that share at least one band with
// s, with their estimated similarity: most similar first, then in the order
// they were added.
func (x *Index) Candidates(s *Sketch) []Candidate {
	if s.Empty() {
		return nil
	}
	var docs []int32
	x.mu.RLock()
	defer x.mu.RUnlock()
	for b := range x.bands {
		doc, ok := x.heads[b][x.bandHash(s, b)]
		for ok && doc >= 0 {
			docs = append(docs, doc)
			doc = x.next[int(doc)*x.bands+b]
		}
	}
	return x.candidates(s, docs)
}

// candidates turns the stored docs that s collided with into candidates.
// The caller holds x.mu.
func (x *Index) candidates(s *Sketch, docs []int32) []Candidate {
	if len(docs) == 0 {
		return nil
	}
	slices.Sort(docs)
	docs = slices.Compact(docs)
	out := make([]Candidate, 0, len(docs))
	for _, d := range docs {
		m := (*[SketchSize]uint32)(x.mins[int(d)*SketchSize:])
		out = append(out, Candidate{
			ID:      x.ids[d],
			Jaccard: float64(agree(m, &s.Min)) / SketchSize,
			Exact:   x.exact[d] == s.Exact,
		})
	}
	slices.SortStableFunc(out, func(a, b Candidate) int { return cmp.Compare(b.Jaccard, a.Jaccard) })
	return out
}
