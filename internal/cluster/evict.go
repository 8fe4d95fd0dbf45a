package cluster

// sweepEvery is how many arrivals pass between two looks for idle stories:
// a look visits every story, so it costs O(1) per arrival amortized.
var sweepEvery = 4096

// clock advances the stream's clock to day d and, every sweepEvery
// arrivals, evicts the stories idle for more than Options.Idle days.
func (c *Clusterer) clock(d int32) {
	if d != noDay && (c.now == noDay || d > c.now) {
		c.now = d
	}
	if c.opts.Idle <= 0 {
		return
	}
	c.arrivals++
	if c.arrivals%sweepEvery == 0 {
		c.sweep()
	}
}

// sweep evicts every live story whose latest article is dated more than
// Options.Idle days before the clock. Undated stories are never idle.
func (c *Clusterer) sweep() {
	if c.now == noDay {
		return
	}
	limit := c.now - int32(c.opts.Idle)
	for i, s := range c.stories {
		i := int32(i)
		if c.ix.into[i] >= 0 || c.ix.gone[i] || s.last == noDay || s.last >= limit {
			continue
		}
		c.ix.gone[i] = true
		// The postings are dropped as their lists are trimmed; the
		// centroid goes now.
		s.sum, s.names, s.indexed = nil, nil, nil
		c.evicted++
	}
}

// Evicted returns the number of stories evicted so far.
func (c *Clusterer) Evicted() int { return c.evicted }
