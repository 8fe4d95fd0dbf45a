package reuse

import (
	"cmp"
	"net/url"
	"slices"
	"strings"
)

// allPairs is the most articles whose pairs Relations aligns without
// looking for candidates first: for a few articles, indexing their seeds
// costs more than it saves, and takes memory in proportion to their text.
const allPairs = 8

// candidates returns a function that lists, for the entry at position i of
// es (sorted by chrono), the positions after i of the entries that es[i]
// must be compared with, ascending: every pair whose relation may be other
// than None. The rest would get None from compare, so leaving them out
// changes nothing in what Relations returns.
//
// A relation needs an exact duplicate, the same URL, or a passage, and a
// passage needs a span of at least m = min(MinWords, minTokens) matched
// tokens (see qualifier). The matched tokens of a span lie in B in runs of
// at least seedSize equal tokens, and each lies within seedSize-1 tokens
// after the start of a seed n-gram of its run, which A has too: so B has at
// least ⌈m/3⌉ positions whose seed A has. Candidates are the pairs that
// reach that count, counted from an inverted index of the story's seeds,
// at a cost in the number of (article, article, shared seed) triples
// instead of one alignment per pair.
func candidates(es []*entry, opt Options) func(i int) []int {
	n := len(es)
	if n <= allPairs {
		return func(i int) []int {
			out := make([]int, 0, n-i-1)
			for j := i + 1; j < n; j++ {
				out = append(out, j)
			}
			return out
		}
	}
	type posting struct{ doc, count int32 }
	post := make(map[uint64][]posting)
	seeds := make([][]uint64, n) // the distinct seeds of each entry
	exact := make(map[uint64][]int)
	byURL := make(map[string][]int)
	for k, e := range es {
		d := e.doc
		d.index()
		for h, i := range d.head {
			c := int32(0)
			for ; i >= 0; i = d.next[i] {
				c++
			}
			post[h] = append(post[h], posting{int32(k), c})
			seeds[k] = append(seeds[k], h)
		}
		if len(d.toks) > 0 {
			exact[e.exact] = append(exact[e.exact], k)
		}
		if u, ok := urlKey(e.art.URL); ok {
			byURL[u] = append(byURL[u], k)
		}
	}
	minWords := int32(opt.MinWords)
	need := func(x, y *entry) int32 {
		m := minWords
		if short := int32(min(len(x.doc.toks), len(y.doc.toks))); 4*short < 5*minWords {
			m = min(m, max(3, (4*short+4)/5))
		}
		return (m + seedSize - 1) / seedSize
	}
	count := make([]int32, n)
	var touched []int
	return func(i int) []int {
		touched = touched[:0]
		for _, h := range seeds[i] {
			ps := post[h]
			k, _ := slices.BinarySearchFunc(ps, int32(i+1), func(p posting, t int32) int { return cmp.Compare(p.doc, t) })
			for _, p := range ps[k:] {
				if count[p.doc] == 0 {
					touched = append(touched, int(p.doc))
				}
				count[p.doc] += p.count
			}
		}
		var out []int
		for _, j := range touched {
			if count[j] >= need(es[i], es[j]) {
				out = append(out, j)
			}
			count[j] = 0
		}
		if len(es[i].doc.toks) > 0 {
			out = append(out, after(exact[es[i].exact], i)...)
		}
		if u, ok := urlKey(es[i].art.URL); ok {
			out = append(out, after(byURL[u], i)...)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
}

// after returns the elements of ks, ascending, that are greater than i.
func after(ks []int, i int) []int {
	k, _ := slices.BinarySearch(ks, i+1)
	return ks[k:]
}

// urlKey returns what sameURL compares of u: two URLs name the same page
// exactly when both have a key and the keys are equal.
func urlKey(u string) (string, bool) {
	u = strings.TrimSpace(u)
	if u == "" {
		return "", false
	}
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return "", false
	}
	return host(u) + "\x00" + strings.TrimSuffix(p.Path, "/") + "\x00" + p.RawQuery, true
}
