package web

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
)

// built is a story as the pages and the API need it: its wire form, and
// its articles as stored, for their text.
type built struct {
	wire dossier.Story
	arts []article.Article
	// page, full and json are the story page, its full form and the API's
	// story, made on first use.
	page, full, json rendered
	// notes holds the annotations of the story's articles (article ID →
	// *noted), made on first use.
	notes sync.Map
}

// article returns the wire form of one of the story's articles.
func (b *built) article(id string) (dossier.Article, bool) {
	for _, a := range b.wire.Articles {
		if a.ID == id {
			return a, true
		}
	}
	return dossier.Article{}, false
}

// noted is one article's annotation, made once.
type noted struct {
	once  sync.Once
	an    dossier.Annotation
	ok    bool
	fault any // what the annotating panicked with
}

// annotation returns the annotation of a, one of the story's articles,
// running annotate the first time. A panic in annotate is passed on and not
// kept.
func (b *built) annotation(a article.Article, annotate func(article.Article) dossier.Annotation) dossier.Annotation {
	v, _ := b.notes.LoadOrStore(a.ID, new(noted))
	n := v.(*noted)
	n.once.Do(func() {
		defer func() {
			if n.fault = recover(); n.fault != nil {
				b.notes.Delete(a.ID)
			}
		}()
		n.an, n.ok = annotate(a), true
	})
	if !n.ok {
		panic(fmt.Sprintf("annotate %s: %v", a.ID, n.fault))
	}
	return n.an
}

// cache keeps recently built stories. Stored articles never change and a
// story is a function of its articles, so an entry stays valid until the
// store holds more articles; the cache compares the store's article count
// with the one its entries were built at, at most once per checkEvery, and
// starts afresh when it has grown. Concurrent requests for a story that is
// being built wait for the one build.
type cache struct {
	eng  *engine.Engine
	size int
	bg   *owner // runs the builds

	mu      sync.Mutex
	gen     int       // stored articles when the entries were built
	checked time.Time // when gen was last compared with the store
	// epoch counts invalidations; checkedEpoch is the epoch the last
	// comparison started in, and inFlight that of the comparison under way
	// (-1 when none): one at a time per epoch, and an invalidation starts
	// a new one at once.
	epoch, checkedEpoch, inFlight int
	entries                       map[string]*entry
	order                         []string // insertion order, oldest first, for eviction
	sums                          *summaries
}

// summaries is the list of every story summary at one generation, with
// the API's encoded pages of it (query → body; at most maxListBodies).
type summaries struct {
	once   sync.Once
	list   []store.Story
	err    error
	bodies map[string]*rendered
	// byID indexes list, made on first use.
	indexOnce sync.Once
	byID      map[string]int
}

// readSummaries returns the summaries of list, already read: stories
// will not read them again.
func readSummaries(list []store.Story) *summaries {
	s := &summaries{list: list}
	s.once.Do(func() {})
	return s
}

// maxListBodies bounds the story list responses kept per generation:
// queries are the client's to vary, the memory is not.
const maxListBodies = 64

// checkEvery is how often the cache asks the store whether it has grown.
const checkEvery = time.Second

// buildTimeout bounds one story build, which runs on behalf of every
// request waiting for it.
const buildTimeout = time.Minute

// entry is one story, built or being built.
type entry struct {
	ready chan struct{} // closed when val or err is set
	val   *built
	err   error
	// waiting counts the requests waiting for the build, and cancel ends
	// it (nil until it starts); both under cache.mu. A build that no
	// request waits for any longer is canceled.
	waiting int
	cancel  context.CancelFunc
}

func newCache(eng *engine.Engine, size int, bg *owner) *cache {
	return &cache{eng: eng, size: size, bg: bg, entries: make(map[string]*entry), inFlight: -1}
}

// story returns the built story with the given ID.
func (c *cache) story(ctx context.Context, id string) (*built, error) {
	if err := c.refresh(ctx); err != nil {
		return nil, err
	}
	c.mu.Lock()
	e, ok := c.entries[id]
	if !ok {
		e = &entry{ready: make(chan struct{})}
		c.put(id, e)
	}
	e.waiting++
	c.mu.Unlock()
	if !ok {
		// Started without c.mu held: after Close, the build runs here and
		// takes c.mu itself.
		c.bg.start(func(ctx context.Context) { c.build(ctx, id, e) })
	}
	select {
	case <-e.ready:
		return e.val, e.err
	case <-ctx.Done():
		c.leave(id, e)
		return nil, ctx.Err()
	}
}

// leave notes that a request stopped waiting for e, the entry of id. When
// it was the last and e is still being built, the build is canceled and e
// dropped, so that a later request starts afresh.
func (c *cache) leave(id string, e *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.waiting--; e.waiting > 0 {
		return
	}
	select {
	case <-e.ready:
		return
	default:
	}
	if e.cancel != nil {
		e.cancel()
	}
	if c.entries[id] == e {
		c.remove(id)
	}
}

// put adds an entry, evicting the oldest when the cache is full. The caller
// holds c.mu.
func (c *cache) put(id string, e *entry) {
	for len(c.order) >= c.size {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
	c.entries[id] = e
	c.order = append(c.order, id)
}

// remove drops the entry of id from the cache and from its order, so that
// the two stay one list. The caller holds c.mu.
func (c *cache) remove(id string) {
	delete(c.entries, id)
	c.order = slices.DeleteFunc(c.order, func(o string) bool { return o == id })
}

// build builds one story into e, until buildTimeout or until no request
// waits for it any longer. Failures are not kept: the next request tries
// again.
func (c *cache) build(ctx context.Context, id string, e *entry) {
	ctx, cancel := context.WithTimeout(ctx, buildTimeout)
	defer cancel()
	c.mu.Lock()
	e.cancel = cancel
	if e.waiting == 0 {
		cancel() // its requests left before it started
	}
	c.mu.Unlock()
	defer close(e.ready)
	defer func() {
		if v := recover(); v != nil {
			e.val, e.err = nil, fmt.Errorf("build story %s: panic: %v", id, v)
		}
		if e.err != nil {
			c.mu.Lock()
			if c.entries[id] == e {
				c.remove(id)
			}
			c.mu.Unlock()
		}
	}()
	w, err := c.eng.Dossier(ctx, id)
	if err != nil {
		e.err = err
		return
	}
	arts, err := c.eng.StoryArticles(ctx, w.ID)
	if err != nil {
		e.err = err
		return
	}
	// Pages and the API show source_ref in its safe form (no server
	// paths); w may be shared with the engine, so its articles are copied.
	w.Articles = safeArticles(w.Articles)
	e.val = &built{wire: w, arts: arts}
}

// refresh drops the entries that are out of date if the store has grown
// since they were built. One request at a time asks the store; the others
// go on with the entries as they are, at most checkEvery and the one
// question older, rather than all asking at once. After an invalidation
// (an ingest through the API) the next request asks at once.
func (c *cache) refresh(ctx context.Context) error {
	c.mu.Lock()
	e := c.epoch
	due := (e != c.checkedEpoch || time.Since(c.checked) >= checkEvery) && c.inFlight != e
	if due {
		c.inFlight = e
	}
	c.mu.Unlock()
	if !due {
		return nil
	}
	defer func() {
		c.mu.Lock()
		if c.inFlight == e {
			c.inFlight = -1
		}
		c.mu.Unlock()
	}()
	n, _, err := c.eng.Counts(ctx)
	if err != nil {
		return err
	}
	c.mu.Lock()
	if e < c.checkedEpoch {
		c.mu.Unlock()
		return nil // a comparison started later has been applied
	}
	changed := n != c.gen
	if !changed {
		c.checked, c.checkedEpoch = time.Now(), e
	}
	c.mu.Unlock()
	if !changed {
		return nil
	}
	// The store has grown: stories that kept their article count are
	// unchanged (stories only gain articles), so their entries stay.
	list, err := c.eng.Stories(ctx, store.StoryFilter{})
	if err != nil {
		return err
	}
	size := make(map[string]int, len(list))
	for _, s := range list {
		size[s.ID] = s.Articles
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e < c.checkedEpoch {
		return nil
	}
	c.checked, c.checkedEpoch = time.Now(), e
	c.gen = n
	c.sums = readSummaries(list)
	order := c.order[:0]
	for _, id := range c.order {
		e := c.entries[id]
		if e != nil && e.current(id, size) {
			order = append(order, id)
		} else {
			delete(c.entries, id)
		}
	}
	c.order = order
	return nil
}

// current reports whether e, the entry of story id, holds the story as it
// is now: built, under its own ID (not one a merge retired), with as many
// articles as the store's summary of it says.
func (e *entry) current(id string, size map[string]int) bool {
	select {
	case <-e.ready:
	default:
		return false // started before the store grew
	}
	n, ok := size[id]
	return e.err == nil && e.val != nil && e.val.wire.ID == id && ok && len(e.val.wire.Articles) == n
}

// stories returns every story summary, newest first, read from the store
// once per generation: the story list pages through it in memory.
func (c *cache) stories(ctx context.Context) ([]store.Story, error) {
	if err := c.refresh(ctx); err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.sums == nil {
		c.sums = new(summaries)
	}
	sums := c.sums
	c.mu.Unlock()
	sums.once.Do(func() {
		sums.list, sums.err = c.eng.Stories(context.WithoutCancel(ctx), store.StoryFilter{})
	})
	if sums.err != nil {
		c.mu.Lock()
		if c.sums == sums {
			c.sums = nil // the next request tries again
		}
		c.mu.Unlock()
	}
	return sums.list, sums.err
}

// summary returns the summary of one story, from the list of every story.
func (c *cache) summary(ctx context.Context, id string) (store.Story, bool) {
	list, err := c.stories(ctx)
	if err != nil {
		return store.Story{}, false
	}
	c.mu.Lock()
	sums := c.sums
	c.mu.Unlock()
	if sums == nil {
		return store.Story{}, false
	}
	sums.indexOnce.Do(func() {
		sums.byID = make(map[string]int, len(sums.list))
		for i, s := range sums.list {
			sums.byID[s.ID] = i
		}
	})
	i, ok := sums.byID[id]
	if !ok || i >= len(list) || list[i].ID != id {
		return store.Story{}, false
	}
	return list[i], true
}

// listBody returns the story list response that key names, made by encode
// once per generation and kept, with its gzipped form, while fewer than
// maxListBodies are kept; past that it is made for each request and gz is
// nil.
func (c *cache) listBody(ctx context.Context, key string, encode func() ([]byte, error)) (raw, gz []byte, err error) {
	if _, err := c.stories(ctx); err != nil {
		return nil, nil, err
	}
	c.mu.Lock()
	sums := c.sums
	var r *rendered
	if sums != nil {
		if r = sums.bodies[key]; r == nil && len(sums.bodies) < maxListBodies {
			if sums.bodies == nil {
				sums.bodies = make(map[string]*rendered)
			}
			r = new(rendered)
			sums.bodies[key] = r
		}
	}
	c.mu.Unlock()
	if r == nil {
		raw, err = encode()
		return raw, nil, err
	}
	if raw, gz, err = r.get(encode); err != nil {
		c.mu.Lock()
		if sums.bodies[key] == r {
			delete(sums.bodies, key) // the next request tries again
		}
		c.mu.Unlock()
	}
	return raw, gz, err
}

// invalidate makes the next request compare the cache with the store.
func (c *cache) invalidate() {
	c.mu.Lock()
	c.epoch++
	c.mu.Unlock()
}
