package brown

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
)

// Options configures Cluster. The zero value is a usable configuration.
type Options struct {
	// Clusters is the number of clusters C; 0 means 256.
	Clusters int
	// MinCount leaves out words seen fewer times; 0 means 3.
	MinCount int
	// Progress, if set, is called now and then with the number of words
	// placed so far and the vocabulary size.
	Progress func(done, total int)
}

// Entry is one clustered word.
type Entry struct {
	Word  string
	Bits  string // path from the root of the cluster tree, e.g. "0110"
	Count int64  // occurrences in the corpus
}

// Cluster clusters the words of c seen at least opts.MinCount times and
// returns them with their bit strings, most frequent first. The result
// depends only on c and opts.
func Cluster(ctx context.Context, c *Corpus, opts Options) ([]Entry, error) {
	if opts.Clusters <= 0 {
		opts.Clusters = 256
	}
	if opts.MinCount <= 0 {
		opts.MinCount = 3
	}
	vocab := c.vocabulary(opts.MinCount)
	if len(vocab) == 0 {
		return nil, nil
	}
	st := newState(c, vocab, opts.Clusters)
	if err := st.run(ctx, opts.Progress); err != nil {
		return nil, fmt.Errorf("brown: %w", err)
	}
	out := make([]Entry, len(vocab))
	for r, id := range vocab {
		out[r] = Entry{Word: c.words[id], Bits: st.bits[st.wordNode[r]], Count: c.count[id]}
	}
	return out, nil
}

// vocabulary returns the ids of the words seen at least min times, most
// frequent first, ties broken by the word.
func (c *Corpus) vocabulary(min int) []int32 {
	var v []int32
	for id, n := range c.count {
		if n >= int64(min) {
			v = append(v, int32(id))
		}
	}
	slices.SortFunc(v, func(a, b int32) int {
		if c := cmp.Compare(c.count[b], c.count[a]); c != 0 {
			return c
		}
		return strings.Compare(c.words[a], c.words[b])
	})
	return v
}

// neighbours holds bigram counts in compressed rows: for word r, words
// to[off[r]:off[r+1]] with counts n[off[r]:off[r+1]].
type neighbours struct {
	off []int32
	to  []int32
	n   []float64
}

// bigrams returns the right and left neighbours of each vocabulary word
// (by rank) with probabilities, and each word's left and right marginals.
func (c *Corpus) bigrams(rank []int32, v int) (right, left neighbours, pl, pr []float64) {
	var pairs []uint64
	prev := int32(-1)
	for _, id := range c.seq {
		cur := int32(-1)
		if id >= 0 {
			cur = rank[id]
		}
		if prev >= 0 && cur >= 0 {
			pairs = append(pairs, uint64(prev)<<32|uint64(cur))
		}
		prev = cur
	}
	total := float64(len(pairs))
	pl, pr = make([]float64, v), make([]float64, v)
	for _, p := range pairs {
		pl[p>>32] += 1 / total
		pr[uint32(p)] += 1 / total
	}
	right = compress(pairs, v, total)
	for i, p := range pairs {
		pairs[i] = p<<32 | p>>32
	}
	left = compress(pairs, v, total)
	return right, left, pl, pr
}

// compress sorts pairs (row<<32 | col) and counts them into rows.
func compress(pairs []uint64, v int, total float64) neighbours {
	slices.Sort(pairs)
	nb := neighbours{off: make([]int32, v+1)}
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		row := pairs[i] >> 32
		nb.to = append(nb.to, int32(uint32(pairs[i])))
		nb.n = append(nb.n, float64(j-i)/total)
		nb.off[row+1]++
		i = j
	}
	for r := 1; r <= v; r++ {
		nb.off[r] += nb.off[r-1]
	}
	return nb
}
