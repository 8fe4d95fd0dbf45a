// Package cluster assigns articles to stories online, one article at a time,
// as they arrive.
//
// Each article becomes a TF-IDF vector over stemmed title and body terms
// (document frequencies are learned from the stream itself). Candidate
// stories are found through an inverted index from terms to stories, so an
// article is compared only with stories that share some of its heaviest
// terms, never with every story. The article joins the most similar
// candidate when the cosine similarity to that story's centroid reaches
// Options.Threshold, and starts a new story otherwise. Each decision keeps
// its evidence: the score and the terms that contributed most to it.
//
// This is the single-pass clustering of the topic detection and tracking
// literature (Allan et al., "Topic Detection and Tracking Pilot Study", 1998).
package cluster

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"sort"

	"github.com/storyline-news/storyline/internal/article"
)

// Options configures a Clusterer. The zero value is a good default.
type Options struct {
	// Threshold is the least cosine similarity between an article and a
	// story's centroid for the article to join the story (default 0.2).
	Threshold float64
	// ArticleTerms is how many of an article's heaviest terms are used to
	// find candidate stories and to score them (default 60).
	ArticleTerms int
	// StoryTerms is how many of a story's heaviest centroid terms are kept in
	// the inverted index (default 200).
	StoryTerms int
	// Evidence is how many shared terms a decision reports (default 8).
	Evidence int
}

func (o Options) withDefaults() Options {
	if o.Threshold == 0 {
		o.Threshold = 0.2
	}
	if o.ArticleTerms == 0 {
		o.ArticleTerms = 60
	}
	if o.StoryTerms == 0 {
		o.StoryTerms = 200
	}
	if o.Evidence == 0 {
		o.Evidence = 8
	}
	return o
}

// Decision is where one article went and why.
type Decision struct {
	StoryID string
	// New reports that the article started StoryID.
	New bool
	// Score is the cosine similarity to the story joined (0 when New).
	Score float64
	// Evidence lists the shared terms that contributed most to Score.
	Evidence []string
}

// A Clusterer holds the state of online clustering: document frequencies,
// story centroids and the inverted index. It is not safe for concurrent use.
type Clusterer struct {
	opts    Options
	docs    int
	df      map[string]int
	stories map[string]*story
	// index maps a term to the stories whose centroid holds it among its
	// heaviest terms.
	index map[string]map[string]struct{}
}

// story is one story's clustering state.
type story struct {
	id       string
	sum      map[string]float64 // sum of member vectors
	sumsq    float64            // squared norm of sum, kept as terms are added
	indexed  []string           // terms under which the story is indexed
	articles int
}

// New returns an empty Clusterer.
func New(opts Options) *Clusterer {
	return &Clusterer{
		opts:    opts.withDefaults(),
		df:      make(map[string]int),
		stories: make(map[string]*story),
		index:   make(map[string]map[string]struct{}),
	}
}

// StoryID returns the ID of a story started by the article with the given ID.
func StoryID(firstArticle string) string {
	h := sha256.Sum256([]byte(firstArticle))
	return "s-" + hex.EncodeToString(h[:8])
}

// Assign decides which story a should join, records the decision and
// returns it.
func (c *Clusterer) Assign(a article.Article) Decision {
	counts := c.observe(a)
	vec := c.vector(counts)
	d := c.best(vec)
	if d.StoryID == "" {
		d = Decision{StoryID: StoryID(a.ID), New: true}
	}
	c.add(d.StoryID, vec)
	return d
}

// Restore records that a, already clustered earlier, belongs to storyID. It
// rebuilds the state that Assign would have built, without deciding again.
func (c *Clusterer) Restore(a article.Article, storyID string) {
	c.add(storyID, c.vector(c.observe(a)))
}

// Stories returns the number of stories seen.
func (c *Clusterer) Stories() int { return len(c.stories) }

// observe counts a's terms and updates the document frequencies.
func (c *Clusterer) observe(a article.Article) map[string]float64 {
	counts := termCounts(a.Title, a.Text)
	c.docs++
	for t := range counts {
		c.df[t]++
	}
	return counts
}

// vector turns term counts into a unit TF-IDF vector of the article's
// heaviest terms, sorted by term so that every sum over it is computed in
// the same order (floating-point addition is not associative).
func (c *Clusterer) vector(counts map[string]float64) []weighted {
	v := make(map[string]float64, len(counts))
	for t, n := range counts {
		idf := math.Log(float64(c.docs+1)/float64(c.df[t]+1)) + 1
		v[t] = (1 + math.Log(n)) * idf
	}
	top := topTerms(v, c.opts.ArticleTerms)
	sort.Slice(top, func(i, j int) bool { return top[i].term < top[j].term })
	normalize(top)
	return top
}

// best returns the most similar candidate story at or above the threshold,
// or a zero Decision when there is none.
func (c *Clusterer) best(vec []weighted) Decision {
	candidates := make(map[string]struct{})
	for _, w := range vec {
		for id := range c.index[w.term] {
			candidates[id] = struct{}{}
		}
	}
	ids := make([]string, 0, len(candidates))
	for id := range candidates {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var best Decision
	for _, id := range ids {
		score, contrib := c.stories[id].cosine(vec)
		if score >= c.opts.Threshold && score > best.Score {
			best = Decision{StoryID: id, Score: score, Evidence: evidence(contrib, c.opts.Evidence)}
		}
	}
	return best
}

// cosine returns the cosine similarity of a unit vector to the story's
// centroid, and each shared term's contribution to it.
func (s *story) cosine(unit []weighted) (float64, map[string]float64) {
	if s.sumsq == 0 {
		return 0, nil
	}
	norm := math.Sqrt(s.sumsq)
	contrib := make(map[string]float64)
	var dot float64
	for _, w := range unit {
		if x, ok := s.sum[w.term]; ok {
			p := w.w * x / norm
			contrib[w.term] = p
			dot += p
		}
	}
	return dot, contrib
}

// evidence returns the n terms that contributed most.
func evidence(contrib map[string]float64, n int) []string {
	top := topTerms(contrib, n)
	out := make([]string, len(top))
	for i, w := range top {
		out[i] = w.term
	}
	return out
}

// add puts a vector into a story, creating the story if needed, and
// re-indexes the story under its heaviest terms.
func (c *Clusterer) add(id string, vec []weighted) {
	s := c.stories[id]
	if s == nil {
		s = &story{id: id, sum: make(map[string]float64)}
		c.stories[id] = s
	}
	for _, w := range vec {
		old := s.sum[w.term]
		s.sum[w.term] = old + w.w
		s.sumsq += (old+w.w)*(old+w.w) - old*old
	}
	s.articles++
	for _, t := range s.indexed {
		delete(c.index[t], id)
		if len(c.index[t]) == 0 {
			delete(c.index, t)
		}
	}
	top := topTerms(s.sum, c.opts.StoryTerms)
	s.indexed = s.indexed[:0]
	for _, w := range top {
		if c.index[w.term] == nil {
			c.index[w.term] = make(map[string]struct{})
		}
		c.index[w.term][id] = struct{}{}
		s.indexed = append(s.indexed, w.term)
	}
}
