package cluster

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/storyline-news/storyline/internal/article"
)

// Decision is where one article went and why.
type Decision struct {
	StoryID string
	// New reports that the article started StoryID.
	New bool
	// Score is the similarity to the story joined (0 when New).
	Score float64
	// Evidence lists the shared features that contributed most to Score:
	// word stems, names, years and numbers.
	Evidence []string
	// Merged lists the stories that this article's arrival showed to be
	// part of StoryID, in the order they were absorbed. Their articles now
	// belong to StoryID, which never appears in the list; a merged ID is
	// never returned again, and Restore maps it to the story that absorbed
	// it.
	Merged []string
}

// A Clusterer holds the state of online clustering: document frequencies,
// story centroids and the inverted index. It is not safe for concurrent use.
type Clusterer struct {
	opts    Options
	x       *extractor
	voc     *vocab
	stories []*story
	byID    map[string]int32
	ix      index
	live    int // stories not merged into others
	// now is the stream's clock, the latest publication day seen;
	// arrivals counts articles; evicted counts evicted stories.
	now      int32
	arrivals int
	evicted  int
}

// New returns an empty Clusterer.
func New(opts Options) *Clusterer {
	opts = opts.withDefaults()
	voc := newVocab(loadBackground(opts.Background > 0))
	return &Clusterer{
		opts: opts,
		x:    newExtractor(opts, voc),
		voc:  voc,
		byID: make(map[string]int32),
		now:  noDay,
	}
}

// StoryID returns the ID of a story started by the article with the given ID.
func StoryID(firstArticle string) string {
	h := sha256.Sum256([]byte(firstArticle))
	return "s-" + hex.EncodeToString(h[:8])
}

// Assign decides which story a should join, records the decision and
// returns it. It may merge stories (see Decision.Merged).
func (c *Clusterer) Assign(a article.Article) Decision {
	d := day(a.Published)
	c.clock(d)
	q := c.newQuery(c.vector(a), d, d)
	best, score := c.best(q)
	if best < 0 {
		best = c.story(StoryID(a.ID))
		c.add(best, q.vec, d)
		return Decision{StoryID: c.stories[best].id, New: true}
	}
	dec := Decision{Score: score, Evidence: c.evidence(q, c.stories[best])}
	c.add(best, q.vec, d)
	if c.opts.MergeThreshold >= 0 && mergeDue(c.stories[best].size) {
		best, dec.Merged = c.merge(best)
	}
	dec.StoryID = c.stories[best].id
	return dec
}

// Restore records that a, already clustered earlier, belongs to storyID. It
// rebuilds the state that Assign would have built, without deciding again;
// a story ID that a merge retired stands for the story that absorbed it.
//
// An article restored into an evicted story brings it back into the hot
// state, its centroid rebuilt from the articles restored since.
func (c *Clusterer) Restore(a article.Article, storyID string) {
	d := day(a.Published)
	c.clock(d)
	i := c.story(storyID)
	c.ix.gone[i] = false
	c.add(i, c.vector(a), d)
}

// Merge records that story from, which may be unknown here, was merged
// into story into: by another process sharing the store, whose decision
// this Clusterer learns as it catches up. Afterwards from stands for into,
// as after a merge of its own.
func (c *Clusterer) Merge(from, into string) {
	t := c.story(into)
	f, ok := c.byID[from]
	if !ok {
		c.byID[from] = t
		return
	}
	if f = c.ix.resolve(f); f != t {
		c.ix.gone[t] = c.ix.gone[t] && c.ix.gone[f]
		c.join(t, f)
	}
}

// Stories returns the number of stories seen, not counting those merged
// into others.
func (c *Clusterer) Stories() int { return c.live }

// vector returns a's vector, counting its features in the document
// frequencies.
func (c *Clusterer) vector(a article.Article) []feat {
	counts := c.x.features(a)
	c.voc.observe(counts)
	return c.voc.weigh(counts, c.opts)
}

// story returns the index of the story with the given ID, or of the story
// that absorbed it, creating it if needed.
func (c *Clusterer) story(id string) int32 {
	if i, ok := c.byID[id]; ok {
		return c.ix.resolve(i)
	}
	i := c.ix.addStory()
	c.stories = append(c.stories, newStory(id))
	c.byID[id] = i
	c.live++
	return i
}

// best returns the candidate story most similar to q, at or above the
// threshold, and its score; or -1.
func (c *Clusterer) best(q *query) (int32, float64) {
	best, score := int32(-1), 0.0
	for _, s := range c.ix.candidates(q.vec, -1, c.opts.QueryTerms, c.opts.Candidates) {
		if x := c.similarity(q, c.stories[s]); x >= c.opts.Threshold && x > score {
			best, score = s, x
		}
	}
	return best, score
}

// add puts a vector published on day d into story i and re-indexes the
// story.
func (c *Clusterer) add(i int32, vec []feat, d int32) {
	c.stories[i].add(vec, d, c.voc, c.opts)
	c.reindex(i)
}

// reindex posts story i under the heaviest features of its centroid.
func (c *Clusterer) reindex(i int32) {
	s := c.stories[i]
	c.ix.touch(i)
	top := s.centroid(c.opts.StoryTerms)
	ids := make([]int32, len(top))
	for k, f := range top {
		ids[k] = f.id
	}
	c.ix.put(i, s.indexed, ids, c.opts.Postings)
	s.indexed = ids
}
