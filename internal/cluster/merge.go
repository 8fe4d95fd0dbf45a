package cluster

// maxMerges bounds the merges one arrival may cause.
const maxMerges = 3

// merge compares story i, which has just grown, with its neighbours found
// through the index, and merges it with the most similar one while that
// one's similarity reaches Options.MergeThreshold. It returns the index of
// the story that holds i afterwards and the IDs of the stories absorbed
// into it.
func (c *Clusterer) merge(i int32) (int32, []string) {
	var merged []string
	for range maxMerges {
		s := c.stories[i]
		q := c.newQuery(s.centroid(c.opts.ArticleTerms), s.first, s.last)
		best, score := int32(-1), 0.0
		for _, t := range c.ix.candidates(q.vec, i, c.opts.QueryTerms, c.opts.Candidates) {
			if x := c.similarity(q, c.stories[t]); x >= c.opts.MergeThreshold && x > score {
				best, score = t, x
			}
		}
		if best < 0 {
			break
		}
		into, from := i, best
		if absorbs(c.stories[best], s) {
			into, from = best, i
		}
		c.join(into, from)
		merged = append(merged, c.stories[from].id)
		i = into
	}
	return i, merged
}

// mergeDue reports whether a story that has just grown to size articles
// should look for stories to merge with. It does at sizes 4, 6, 8, 12, 16,
// 24...: its centroid has changed enough since the last look, and a story
// is compared O(log size) times in all, not once per article. (Looking at
// sizes 2 and 3 too changes nothing on ECB+ and costs a search per article
// in a stream of small stories.)
func mergeDue(size int) bool {
	pow2 := func(n int) bool { return n > 0 && n&(n-1) == 0 }
	return size >= 4 && (pow2(size) || (size%3 == 0 && pow2(size/3)))
}

// absorbs reports whether a should absorb b: it has more articles, or as
// many and the smaller ID, so that the surviving ID does not depend on
// which of the two grew last.
func absorbs(a, b *story) bool {
	if a.size != b.size {
		return a.size > b.size
	}
	return a.id < b.id
}

// join moves story from into story into.
func (c *Clusterer) join(into, from int32) {
	f := c.stories[from]
	c.stories[into].absorb(f, c.voc, c.opts)
	c.ix.into[from] = into
	f.sum, f.names, f.indexed = nil, nil, nil
	c.live--
	c.reindex(into)
}
