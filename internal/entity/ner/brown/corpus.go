package brown

// Corpus is the unlabelled text to cluster: a sequence of sentences, each a
// sequence of words. Bigrams never cross a sentence boundary.
type Corpus struct {
	index map[string]int32
	words []string
	count []int64
	seq   []int32 // word ids; -1 ends a sentence
}

// Add appends one sentence to the corpus.
func (c *Corpus) Add(sentence []string) {
	if c.index == nil {
		c.index = make(map[string]int32)
	}
	for _, w := range sentence {
		id, ok := c.index[w]
		if !ok {
			id = int32(len(c.words))
			c.index[w] = id
			c.words = append(c.words, w)
			c.count = append(c.count, 0)
		}
		c.count[id]++
		c.seq = append(c.seq, id)
	}
	c.seq = append(c.seq, -1)
}

// Tokens returns the number of words added.
func (c *Corpus) Tokens() int { return len(c.seq) - c.sentences() }

// Types returns the number of distinct words added.
func (c *Corpus) Types() int { return len(c.words) }

func (c *Corpus) sentences() int {
	n := 0
	for _, id := range c.seq {
		if id < 0 {
			n++
		}
	}
	return n
}
