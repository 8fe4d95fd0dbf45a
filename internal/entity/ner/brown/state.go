package brown

import (
	"context"
	"math"
)

// state is the clustering in progress: k = C+1 slots, each holding an
// active cluster or free. Matrices are k×k, row-major.
type state struct {
	k           int
	right, left neighbours
	wl, wr      []float64 // each word's left and right marginal
	slotOf      []int32   // word rank → slot, -1 until the word is added
	members     [][]int32 // slot → word ranks (phase 1)
	act         []int     // active slots, ascending
	p2          []float64 // p2[s*k+t]: probability of bigram (cluster s, cluster t)
	q           []float64 // q[s*k+t]: that bigram's term of the mutual information
	loss        []float64 // loss[s*k+t], s < t: mutual information lost by merging s and t
	pl, pr, sq  []float64 // per slot: marginals, and the sum of q terms involving it
	// Phase 2: the cluster tree. Nodes below c are leaves.
	slotNode   []int32
	child      [][2]int32
	wordNode   []int32 // word rank → leaf node
	bits       []string
	scratchA   []float64
	scratchB   []float64
	colA, rowA []float64
	colB, rowB []float64
}

func newState(c *Corpus, vocab []int32, clusters int) *state {
	rank := make([]int32, len(c.words))
	for i := range rank {
		rank[i] = -1
	}
	for r, id := range vocab {
		rank[id] = int32(r)
	}
	k := clusters + 1
	st := &state{k: k, slotOf: make([]int32, len(vocab)), members: make([][]int32, k),
		p2: make([]float64, k*k), q: make([]float64, k*k), loss: make([]float64, k*k),
		pl: make([]float64, k), pr: make([]float64, k), sq: make([]float64, k), slotNode: make([]int32, k),
		scratchA: make([]float64, k), scratchB: make([]float64, k),
		colA: make([]float64, k), rowA: make([]float64, k), colB: make([]float64, k), rowB: make([]float64, k)}
	st.right, st.left, st.wl, st.wr = c.bigrams(rank, len(vocab))
	for i := range st.slotOf {
		st.slotOf[i] = -1
	}
	return st
}

// qf is one term p·log(p/(l·r)) of the mutual information.
func qf(p, l, r float64) float64 {
	if p <= 0 {
		return 0
	}
	return p * math.Log(p/(l*r))
}

func (st *state) run(ctx context.Context, progress func(int, int)) error {
	v := len(st.slotOf)
	for r := 0; r < v; r++ {
		if r%200 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil {
				progress(r, v)
			}
		}
		st.add(st.freeSlot(), int32(r))
		if len(st.act) == st.k {
			a, b := st.best()
			st.merge(a, b, false)
		}
	}
	st.wordNode = make([]int32, v)
	for i, s := range st.act {
		st.slotNode[s] = int32(i)
		st.child = append(st.child, [2]int32{-1, -1})
	}
	for r := range st.wordNode {
		st.wordNode[r] = st.slotNode[st.slotOf[r]]
	}
	for len(st.act) > 1 {
		a, b := st.best()
		st.child = append(st.child, [2]int32{st.slotNode[a], st.slotNode[b]})
		st.merge(a, b, true)
		st.slotNode[a] = int32(len(st.child) - 1)
	}
	st.bits = make([]string, len(st.child))
	st.label(int32(len(st.child)-1), "")
	if progress != nil {
		progress(v, v)
	}
	return nil
}

// label assigns bit strings to node n and its descendants.
func (st *state) label(n int32, path string) {
	st.bits[n] = path
	if c := st.child[n]; c[0] >= 0 {
		st.label(c[0], path+"0")
		st.label(c[1], path+"1")
	}
}

func (st *state) freeSlot() int {
	for s := 0; s < st.k; s++ {
		if st.members[s] == nil {
			return s
		}
	}
	panic("brown: no free slot")
}

// best returns the active pair with the smallest merge loss.
func (st *state) best() (int, int) {
	ba, bb, min := -1, -1, math.Inf(1)
	for i, s := range st.act {
		row := st.loss[s*st.k:]
		for _, t := range st.act[i+1:] {
			if row[t] < min {
				ba, bb, min = s, t, row[t]
			}
		}
	}
	return ba, bb
}

func (st *state) setActive(s int, on bool) {
	out := st.act[:0]
	for _, u := range st.act {
		if u != s {
			out = append(out, u)
		}
	}
	if on {
		i := 0
		for i < len(out) && out[i] < s {
			i++
		}
		out = append(out, 0)
		copy(out[i+1:], out[i:])
		out[i] = s
	}
	st.act = out
}

// lossFull computes the merge loss of slots s and t from scratch in O(C).
func (st *state) lossFull(s, t int) float64 {
	k, p2 := st.k, st.p2
	lm, rm := st.pl[s]+st.pl[t], st.pr[s]+st.pr[t]
	sum := st.sq[s] + st.sq[t] - st.q[s*k+t] - st.q[t*k+s]
	sum -= qf(p2[s*k+s]+p2[s*k+t]+p2[t*k+s]+p2[t*k+t], lm, rm)
	for _, u := range st.act {
		if u == s || u == t {
			continue
		}
		sum -= qf(p2[s*k+u]+p2[t*k+u], lm, st.pr[u]) + qf(p2[u*k+s]+p2[u*k+t], st.pl[u], rm)
	}
	return sum
}

func (st *state) setLoss(s, t int, v float64) {
	if s > t {
		s, t = t, s
	}
	st.loss[s*st.k+t] = v
}
