package cluster

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestCandidatesAreTheHeaviest(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var ix index
	for range 500 {
		ix.addStory()
	}
	// Every story is posted under a few of 50 features.
	for s := range int32(500) {
		var top []int32
		for _, f := range rng.Perm(50)[:5] {
			top = append(top, int32(f))
		}
		slices.Sort(top)
		ix.touch(s)
		ix.put(s, nil, top, 1000)
	}
	query := []feat{{1, 0.5}, {2, 0.25}, {7, 0.125}, {9, 1}}
	got := slices.Clone(ix.candidates(query, 3, len(query), 10))
	// The same ranking by brute force.
	shared := make(map[int32]float64)
	for _, f := range query {
		for _, s := range ix.post[f.id] {
			shared[s] += float64(f.w)
		}
	}
	var all []int32
	for s := range shared {
		if s != 3 {
			all = append(all, s)
		}
	}
	slices.SortFunc(all, func(a, b int32) int {
		if shared[a] != shared[b] {
			if shared[a] > shared[b] {
				return -1
			}
			return 1
		}
		return int(a - b)
	})
	want := all[:10]
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("candidates = %v, want %v", got, want)
	}
}

func TestPostingsKeepRecentStories(t *testing.T) {
	var ix index
	for s := range int32(10) {
		ix.addStory()
		ix.touch(s)
		ix.put(s, nil, []int32{0}, 2)
	}
	ix.into[8] = 2 // story 8 merged into story 2
	ix.touch(2)
	got := ix.trim(ix.post[0], 2)
	if want := []int32{2, 9}; !slices.Equal(got, want) {
		t.Errorf("trim = %v, want %v", got, want)
	}
}
