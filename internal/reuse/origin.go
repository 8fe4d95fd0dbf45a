package reuse

import (
	"cmp"
	"container/heap"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/article"
)

// Origin tells how much of an article's text is its own and how much it
// carries from earlier articles, and from which. Lengths are code points of
// the article's Text.
type Origin struct {
	// Article is the article's ID.
	Article string
	// Length is the length of its text.
	Length int
	// Original is the length of the text outside every passage it shares
	// with an earlier article.
	Original int
	// Shares says from whom the rest comes: each shared code point counts
	// once, for the earliest article carrying it. Ordered by that article's
	// publication order.
	Shares []Share
}

// Share is the part of an article's text that first appeared in another.
type Share struct {
	// From is the ID of the earliest article carrying the text.
	From string
	// Length is the number of code points.
	Length int
}

// OriginalFraction returns Original/Length, or 1 for an empty text.
func (o Origin) OriginalFraction() float64 {
	if o.Length == 0 {
		return 1
	}
	return float64(o.Original) / float64(o.Length)
}

// cover is a stretch [start, end) of one article's text that first appeared
// in article origin.
type cover struct {
	start, end int
	origin     string
}

// setOrigins sets Passage.Origin in rels, which Relations has ordered by the
// publication rank of A: a passage's origin is the earliest article among A
// and those that A carries at least half the passage from. Rels being so
// ordered, the passages an article carries from earlier ones are all known
// by the time it is the A of a relation, and are indexed once.
func setOrigins(rels []Relation, ranks map[string]int) {
	covers := make(map[string][]cover)
	indexes := make(map[string]*coverIndex)
	for i := range rels {
		r := &rels[i]
		for j := range r.Passages {
			p := &r.Passages[j]
			p.Origin = r.A
			x := indexes[r.A]
			if x == nil || x.n != len(covers[r.A]) {
				x = newCoverIndex(covers[r.A], ranks)
				indexes[r.A] = x
			}
			if c, ok := x.earliest(p.AStart, p.AEnd); ok && ranks[c.origin] < ranks[p.Origin] {
				p.Origin = c.origin
			}
			covers[r.B] = append(covers[r.B], cover{p.BStart, p.BEnd, p.Origin})
		}
	}
}

// Origins returns the Origin of each of arts, in order, from rels, the
// relations that Relations returned for arts.
func Origins(arts []article.Article, rels []Relation) []Origin {
	ranks := rank(arts)
	covers := make(map[string][]cover)
	for _, r := range rels {
		for _, p := range r.Passages {
			from := cmp.Or(p.Origin, r.A)
			covers[r.B] = append(covers[r.B], cover{p.BStart, p.BEnd, from})
		}
	}
	out := make([]Origin, len(arts))
	for i := range arts {
		a := &arts[i]
		o := Origin{Article: a.ID, Length: utf8.RuneCountInString(a.Text)}
		o.Shares = attribute(covers[a.ID], ranks)
		o.Original = o.Length
		for _, s := range o.Shares {
			o.Original -= s.Length
		}
		out[i] = o
	}
	return out
}

// attribute counts each code point under cs once, for the earliest origin
// covering it (the first in cs among covers of equal rank). It sweeps the
// stretches between consecutive cover ends, keeping the covers over the
// current one in a heap by rank.
func attribute(cs []cover, ranks map[string]int) []Share {
	cuts := make([]int, 0, 2*len(cs))
	for _, c := range cs {
		cuts = append(cuts, c.start, c.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	byStart := make([]int, len(cs))
	for i := range byStart {
		byStart[i] = i
	}
	slices.SortFunc(byStart, func(x, y int) int { return cmp.Compare(cs[x].start, cs[y].start) })
	over := &coverHeap{cs: cs, ranks: ranks}
	total := make(map[string]int)
	next := 0
	for k := 0; k+1 < len(cuts); k++ {
		for ; next < len(byStart) && cs[byStart[next]].start <= cuts[k]; next++ {
			heap.Push(over, byStart[next])
		}
		for over.Len() > 0 && cs[over.at[0]].end <= cuts[k] {
			heap.Pop(over)
		}
		if over.Len() > 0 {
			total[cs[over.at[0]].origin] += cuts[k+1] - cuts[k]
		}
	}
	shares := make([]Share, 0, len(total))
	for from, n := range total {
		shares = append(shares, Share{From: from, Length: n})
	}
	slices.SortFunc(shares, func(x, y Share) int {
		return cmp.Or(cmp.Compare(ranks[x.From], ranks[y.From]), cmp.Compare(x.From, y.From))
	})
	return shares
}

// coverHeap is a heap of positions in cs, the earliest origin on top and,
// among equal ranks, the first position.
type coverHeap struct {
	cs    []cover
	ranks map[string]int
	at    []int
}

func (h *coverHeap) Len() int { return len(h.at) }
func (h *coverHeap) Less(i, j int) bool {
	x, y := h.at[i], h.at[j]
	return cmp.Or(cmp.Compare(h.ranks[h.cs[x].origin], h.ranks[h.cs[y].origin]), cmp.Compare(x, y)) < 0
}
func (h *coverHeap) Swap(i, j int) { h.at[i], h.at[j] = h.at[j], h.at[i] }
func (h *coverHeap) Push(x any)    { h.at = append(h.at, x.(int)) }
func (h *coverHeap) Pop() any {
	x := h.at[len(h.at)-1]
	h.at = h.at[:len(h.at)-1]
	return x
}

// coverIndex finds, among the covers of one article, the earliest origin
// of those that overlap a stretch by at least half its length.
type coverIndex struct {
	n      int     // len of the covers indexed
	cs     []cover // by start, then position in the covers given
	pos    []int   // position of cs[k] in the covers given
	ranks  map[string]int
	ends   maxTree // of cs[k].end
	length maxTree // of cs[k].end - cs[k].start
}

func newCoverIndex(covers []cover, ranks map[string]int) *coverIndex {
	x := &coverIndex{n: len(covers), ranks: ranks, pos: make([]int, len(covers))}
	for i := range x.pos {
		x.pos[i] = i
	}
	slices.SortStableFunc(x.pos, func(i, j int) int { return cmp.Compare(covers[i].start, covers[j].start) })
	x.cs = make([]cover, len(covers))
	ends, lengths := make([]int, len(covers)), make([]int, len(covers))
	for k, i := range x.pos {
		c := covers[i]
		x.cs[k], ends[k], lengths[k] = c, c.end, c.end-c.start
	}
	x.ends, x.length = newMaxTree(ends), newMaxTree(lengths)
	return x
}

// earliest returns the cover of the earliest origin (the first given among
// equals) that overlaps [start, end) by at least half its length, if any.
// A cover c qualifies when it starts at or before start and reaches half
// the length past it, or starts later, no more than half the length before
// end, and is at least half the length long.
func (x *coverIndex) earliest(start, end int) (cover, bool) {
	best := -1
	better := func(k int) {
		if best < 0 || cmp.Or(cmp.Compare(x.ranks[x.cs[k].origin], x.ranks[x.cs[best].origin]),
			cmp.Compare(x.pos[k], x.pos[best])) < 0 {
			best = k
		}
	}
	if end <= start {
		for k, c := range x.cs {
			if 2*(min(c.end, end)-max(c.start, start)) >= end-start {
				better(k)
			}
		}
	} else {
		h := (end - start + 1) / 2
		k1 := x.after(start)
		x.ends.each(0, k1, start+h, func(k int) { better(k) })
		x.length.each(k1, x.after(end-h), h, func(k int) { better(k) })
	}
	if best < 0 {
		return cover{}, false
	}
	return x.cs[best], true
}

// after returns the number of covers that start at or before i.
func (x *coverIndex) after(i int) int {
	k, _ := slices.BinarySearchFunc(x.cs, i, func(c cover, t int) int { return cmp.Compare(c.start, t+1) })
	return k
}

// maxTree is a segment tree over a list of values that lists those of a
// range that reach a threshold in time proportional to their number (and
// the logarithm of the list's length).
type maxTree struct {
	n   int   // leaves, a power of two
	max []int // max[1] is the root; the children of i are 2i and 2i+1
}

func newMaxTree(v []int) maxTree {
	n := 1
	for n < len(v) {
		n *= 2
	}
	t := maxTree{n: n, max: make([]int, 2*n)}
	for i := range t.max[n:] {
		t.max[n+i] = math.MinInt
		if i < len(v) {
			t.max[n+i] = v[i]
		}
	}
	for i := n - 1; i > 0; i-- {
		t.max[i] = max(t.max[2*i], t.max[2*i+1])
	}
	return t
}

// each calls fn with every k in [lo, hi) whose value is at least min, in
// ascending order.
func (t maxTree) each(lo, hi, min int, fn func(k int)) {
	t.walk(1, 0, t.n, lo, hi, min, fn)
}

func (t maxTree) walk(node, l, r, lo, hi, min int, fn func(int)) {
	if r <= lo || hi <= l || t.max[node] < min {
		return
	}
	if r-l == 1 {
		fn(l)
		return
	}
	m := (l + r) / 2
	t.walk(2*node, l, m, lo, hi, min, fn)
	t.walk(2*node+1, m, r, lo, hi, min, fn)
}
