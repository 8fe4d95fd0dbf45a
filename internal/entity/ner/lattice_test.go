package ner

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// referenceViterbi is the textbook decoder best must agree with: every
// allowed predecessor of every tag, scanned in order.
func referenceViterbi(em []float32, n int, trans *[(numTags + 1) * numTags]float32, end *[numTags]float32) []int {
	neg := float32(math.Inf(-1))
	score := make([]float32, n*numTags)
	back := make([]int, n*numTags)
	for t := 0; t < numTags; t++ {
		score[t] = neg
		if allowed[numTags][t] {
			score[t] = trans[numTags*numTags+t] + em[t]
		}
	}
	for i := 1; i < n; i++ {
		for t := 0; t < numTags; t++ {
			best, arg := neg, 0
			for p := 0; p < numTags; p++ {
				if !allowed[p][t] {
					continue
				}
				if v := score[(i-1)*numTags+p] + trans[p*numTags+t]; v > best {
					best, arg = v, p
				}
			}
			score[i*numTags+t] = best + em[i*numTags+t]
			back[i*numTags+t] = arg
		}
	}
	best, arg := neg, 0
	for t := 0; t < numTags; t++ {
		if v := score[(n-1)*numTags+t]; allowedEnd[t] && v != neg && v+end[t] > best {
			best, arg = v+end[t], t
		}
	}
	tags := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		tags[i] = arg
		arg = back[i*numTags+arg]
	}
	return tags
}

// TestLatticeShape checks the BILOU shape best is written for: opening
// tags follow exactly the closed tags, and I-x and L-x exactly B-x and I-x.
func TestLatticeShape(t *testing.T) {
	if openingTags[0] != 0 {
		t.Errorf("openingTags[0] = %d, best's shortcut for plain tokens takes it for O", openingTags[0])
	}
	closed := make(map[int]bool)
	for _, c := range closedTags {
		closed[int(c)] = true
	}
	opening := make(map[int]bool)
	for _, o := range openingTags {
		opening[int(o)] = true
	}
	for to := 0; to < numTags; to++ {
		for p := 0; p < numTags; p++ {
			var want bool
			switch {
			case opening[to]:
				want = closed[p]
			default:
				want = p == tagOf(typeOf(to), posB) || p == tagOf(typeOf(to), posI)
			}
			if allowed[p][to] != want {
				t.Errorf("allowed[%d][%d] = %v, best assumes %v", p, to, allowed[p][to], want)
			}
		}
		if opening[to] == (posOf(to) == posI || posOf(to) == posL) && to != 0 {
			t.Errorf("tag %d: opening = %v", to, opening[to])
		}
	}
}

// TestBestMatchesReference decodes random lattices, with small integer
// scores so that ties are common and a third of the tokens plain (only O
// possible), by both decoders.
func TestBestMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var l lattice
	for round := 0; round < 2000; round++ {
		var trans [(numTags + 1) * numTags]float32
		var end [numTags]float32
		for i := range trans {
			trans[i] = float32(rng.IntN(5) - 2)
		}
		for i := range end {
			end[i] = float32(rng.IntN(3) - 1)
		}
		n := 1 + rng.IntN(12)
		em := make([]float32, n*numTags)
		for i := range em {
			em[i] = float32(rng.IntN(7) - 3)
		}
		for i := range n {
			if rng.IntN(3) == 0 { // a plain token: O or nothing
				e := em[i*numTags : (i+1)*numTags]
				copy(e[1:], onlyORow[1:])
			}
		}
		want := referenceViterbi(em, n, &trans, &end)
		got := l.best(make([]int, n), em, n, &trans, &end)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: best = %v, reference = %v", round, got, want)
		}
	}
}
