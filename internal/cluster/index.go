package cluster

import (
	"cmp"
	"slices"
)

// index is the inverted index from features to the stories that hold them
// among their heaviest centroid features. A posting list is bounded: past
// twice its capacity, it keeps the stories changed most recently, so the
// work of finding candidates does not grow with the number of stories.
type index struct {
	post [][]int32 // by feature ID: story indexes, oldest posting first
	// Scratch space, by story index: the weight a story shares with the
	// query and the generation that wrote it.
	acc   []float64
	stamp []uint32
	gen   uint32
	query []feat
}

// put posts story s under the features of top (sorted) that are not in old
// (sorted), the features it was posted under before.
func (ix *index) put(s int32, old, top []int32, stories []*story, capacity int) {
	for _, t := range top {
		if _, ok := slices.BinarySearch(old, t); ok {
			continue
		}
		for int(t) >= len(ix.post) {
			ix.post = append(ix.post, nil)
		}
		ix.post[t] = append(ix.post[t], s)
		if len(ix.post[t]) > 2*capacity {
			ix.post[t] = trim(ix.post[t], stories, capacity)
		}
	}
}

// trim keeps, in posting order and without repeats, the capacity most
// recently changed stories of a posting list, following merges.
func trim(list []int32, stories []*story, capacity int) []int32 {
	seen := make(map[int32]bool, len(list))
	live := list[:0]
	for _, s := range list {
		s = resolve(stories, s)
		if !seen[s] {
			seen[s] = true
			live = append(live, s)
		}
	}
	if len(live) <= capacity {
		return live
	}
	recent := slices.Clone(live)
	slices.SortFunc(recent, func(a, b int32) int { return cmp.Compare(stories[b].touched, stories[a].touched) })
	cut := stories[recent[capacity-1]].touched
	out := live[:0]
	for _, s := range live {
		if stories[s].touched >= cut {
			out = append(out, s)
		}
	}
	return out
}

// resolve follows merges from story i to the story that holds it now.
func resolve(stories []*story, i int32) int32 {
	for stories[i].into >= 0 {
		i = stories[i].into
	}
	return i
}

// candidates returns, by index, the n stories other than skip that share
// the most weight with the q heaviest features of vec.
func (ix *index) candidates(vec []feat, stories []*story, skip int32, q, n int) []int32 {
	for len(ix.acc) < len(stories) {
		ix.acc = append(ix.acc, 0)
		ix.stamp = append(ix.stamp, 0)
	}
	ix.gen++
	ix.query = append(ix.query[:0], vec...)
	if len(ix.query) > q {
		slices.SortFunc(ix.query, byWeight)
		ix.query = ix.query[:q]
	}
	var out []int32
	for _, f := range ix.query {
		if int(f.id) >= len(ix.post) {
			continue
		}
		for _, s := range ix.post[f.id] {
			if s = resolve(stories, s); s == skip {
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
		slices.SortFunc(out, func(a, b int32) int {
			if c := cmp.Compare(ix.acc[b], ix.acc[a]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		out = out[:n]
	}
	slices.Sort(out)
	return out
}
