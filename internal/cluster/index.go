package cluster

import (
	"cmp"
	"slices"
)

// index is the inverted index from features to the stories that hold them
// among their heaviest centroid features. A posting list is bounded: past
// twice its capacity, it keeps the stories changed most recently, so the
// work of finding candidates does not grow with the number of stories.
//
// Stories are numbered in order of creation. What the index needs to know
// of them is kept here in dense slices, which scanning posting lists reads
// far faster than it would follow pointers to stories.
type index struct {
	post    [][]int32 // by feature ID: story numbers, oldest posting first
	into    []int32   // by story: the story that absorbed it, or -1
	gone    []bool    // by story: evicted (see Options.Idle)
	touched []int64   // by story: sequence number of its latest change
	seq     int64
	// Scratch space: by story, the weight it shares with the query and the
	// generation that wrote it; the query; the candidates.
	acc   []float64
	stamp []uint32
	gen   uint32
	query []feat
	out   []int32
}

// addStory numbers a new story.
func (ix *index) addStory() int32 {
	ix.into = append(ix.into, -1)
	ix.gone = append(ix.gone, false)
	ix.touched = append(ix.touched, 0)
	ix.acc = append(ix.acc, 0)
	ix.stamp = append(ix.stamp, 0)
	return int32(len(ix.into) - 1)
}

// resolve follows merges from story i to the story that holds it now.
func (ix *index) resolve(i int32) int32 {
	for ix.into[i] >= 0 {
		i = ix.into[i]
	}
	return i
}

// touch records that story i changed.
func (ix *index) touch(i int32) {
	ix.seq++
	ix.touched[i] = ix.seq
}

// put posts story s under the features of top (sorted) that are not in old
// (sorted), the features it was posted under before.
func (ix *index) put(s int32, old, top []int32, capacity int) {
	for _, t := range top {
		if _, ok := slices.BinarySearch(old, t); ok {
			continue
		}
		for int(t) >= len(ix.post) {
			ix.post = append(ix.post, nil)
		}
		ix.post[t] = append(ix.post[t], s)
		if len(ix.post[t]) > 2*capacity {
			ix.post[t] = ix.trim(ix.post[t], capacity)
		}
	}
}

// trim keeps, in posting order and without repeats, the capacity most
// recently changed stories of a posting list, following merges.
func (ix *index) trim(list []int32, capacity int) []int32 {
	seen := make(map[int32]bool, len(list))
	live := list[:0]
	for _, s := range list {
		s = ix.resolve(s)
		if !seen[s] && !ix.gone[s] {
			seen[s] = true
			live = append(live, s)
		}
	}
	if len(live) <= capacity {
		return live
	}
	recent := slices.Clone(live)
	slices.SortFunc(recent, func(a, b int32) int { return cmp.Compare(ix.touched[b], ix.touched[a]) })
	cut := ix.touched[recent[capacity-1]]
	out := live[:0]
	for _, s := range live {
		if ix.touched[s] >= cut {
			out = append(out, s)
		}
	}
	return out
}

// candidates returns, in increasing order, the n stories other than skip
// that share the most weight with the q heaviest features of vec. The
// result is valid until the next call.
func (ix *index) candidates(vec []feat, skip int32, q, n int) []int32 {
	ix.gen++
	ix.query = append(ix.query[:0], vec...)
	if len(ix.query) > q {
		slices.SortFunc(ix.query, byWeight)
		ix.query = ix.query[:q]
	}
	out := ix.out[:0]
	for _, f := range ix.query {
		if int(f.id) >= len(ix.post) {
			continue
		}
		for _, s := range ix.post[f.id] {
			if s = ix.resolve(s); s == skip || ix.gone[s] {
				continue
			}
			if ix.stamp[s] != ix.gen {
				ix.stamp[s] = ix.gen
				ix.acc[s] = 0
				out = append(out, s)
			}
			ix.acc[s] += float64(f.w)
		}
	}
	if len(out) > n {
		out = ix.top(out, n)
	}
	slices.Sort(out)
	ix.out = out
	return out
}

// more orders stories by shared weight, heaviest first, ties by number.
func (ix *index) more(a, b int32) bool {
	if ix.acc[a] != ix.acc[b] {
		return ix.acc[a] > ix.acc[b]
	}
	return a < b
}

// top moves the n stories of out that share the most weight to its front
// and returns them, in no particular order. It keeps them in a heap whose
// root is the least of them: O(len(out) log n).
func (ix *index) top(out []int32, n int) []int32 {
	h := out[:n]
	for i := n/2 - 1; i >= 0; i-- {
		ix.down(h, i)
	}
	for _, s := range out[n:] {
		if ix.more(s, h[0]) {
			h[0] = s
			ix.down(h, 0)
		}
	}
	return h
}

// down restores the heap property of h below i (the least story on top).
func (ix *index) down(h []int32, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		least := l
		if r := l + 1; r < len(h) && ix.more(h[l], h[r]) {
			least = r
		}
		if !ix.more(h[i], h[least]) {
			return
		}
		h[i], h[least] = h[least], h[i]
		i = least
	}
}
