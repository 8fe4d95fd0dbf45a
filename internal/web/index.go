package web

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
)

// index is what the server knows across stories: each entity with its
// stories and quotes. The store does not answer that question, so the
// index is built from every story, once per store generation, in the
// background, and each story is read again only when it has grown. On a
// large store the first build takes a while: it publishes partial indexes
// (the newest stories first) as it goes, and requests that cannot wait use
// those, saying so.
type index struct {
	entities map[string]*entityEntry
	// ranked holds the entities by mentions, most first, then by name.
	ranked []*entityEntry
	// indexed of total stories went into the index; fewer while it is
	// being built.
	indexed, total int
	// gen is the store generation the index was built for.
	gen int
}

// partial reports whether the index is missing stories still being read.
func (idx *index) partial() bool { return idx.indexed < idx.total }

// entityEntry is one entity merged across the stories that name it.
type entityEntry struct {
	entity  dossier.Entity
	stories []store.Story // newest first
	quotes  []storyQuote
}

// storyQuote is a quote with the story it comes from.
type storyQuote struct {
	Story string
	dossier.Quote
}

// indexer builds the index and keeps the latest one.
type indexer struct {
	eng   *engine.Engine
	cache *cache
	bg    *owner // runs the builds
	// wait and every are indexWait and snapshotEvery; tests shorten them.
	wait, every time.Duration

	mu   sync.Mutex
	cur  *indexBuild
	last *index // the latest index built, possibly stale
	// parts keeps, by story ID, what the index took from each story at
	// its size then: a story whose article count has not changed since is
	// not built again, so a store that grows by a few articles re-reads a
	// few stories, not all of them. Only collect touches it.
	parts map[string]indexPart
}

// indexPart is what the index needs of one story: its entities and
// quotes, at the article count it had.
type indexPart struct {
	articles int
	wire     dossier.Story
}

// indexBuild is one index, built or being built, for one generation.
type indexBuild struct {
	gen   int
	ready chan struct{}
	idx   *index
	err   error
}

// errIndexing reports a request that needs the entity index while the
// first one is still being built; status maps it to 503 with Retry-After.
var errIndexing = errors.New("the entity index is still being built; try again shortly")

// indexWait is how long a request waits for the current index before it
// makes do with the latest one published, partial or stale.
const indexWait = time.Second

// snapshotEvery is how often a build publishes the partial index of the
// stories read so far.
const snapshotEvery = 2 * time.Second

func newIndexer(eng *engine.Engine, c *cache, bg *owner) *indexer {
	return &indexer{eng: eng, cache: c, bg: bg, wait: indexWait, every: snapshotEvery}
}

// get returns the index of the store as it is now, building it if needed.
// When the build takes longer than ix.wait, it returns the latest index
// published instead, which may be partial or of an older generation; with
// none at all it keeps waiting, and fails with errIndexing when ctx ends.
func (ix *indexer) get(ctx context.Context) (*index, error) {
	gen, err := ix.cache.generation(ctx)
	if err != nil {
		return nil, err
	}
	ix.mu.Lock()
	b := ix.cur
	if b == nil || b.gen != gen {
		b = &indexBuild{gen: gen, ready: make(chan struct{})}
		ix.cur = b
		ix.bg.start(func(ctx context.Context) { ix.build(ctx, b) })
	}
	ix.mu.Unlock()
	wait := time.NewTimer(ix.wait)
	defer wait.Stop()
	poll := time.NewTicker(ix.wait / 10)
	defer poll.Stop()
	waited := false
	for {
		select {
		case <-b.ready:
			return b.idx, b.err
		case <-ctx.Done():
			return nil, errIndexing
		case <-wait.C:
			waited = true
		case <-poll.C:
		}
		if waited {
			ix.mu.Lock()
			last := ix.last
			ix.mu.Unlock()
			if last != nil {
				return last, nil
			}
		}
	}
}

// indexTimeout bounds one index build.
const indexTimeout = 5 * time.Minute

func (ix *indexer) build(ctx context.Context, b *indexBuild) {
	ctx, cancel := context.WithTimeout(ctx, indexTimeout)
	defer cancel()
	defer close(b.ready)
	defer func() {
		if v := recover(); v != nil {
			b.idx, b.err = nil, fmt.Errorf("build index: panic: %v", v)
		}
		if b.err != nil {
			ix.mu.Lock()
			if ix.cur == b {
				ix.cur = nil // the next request tries again
			}
			ix.mu.Unlock()
		}
	}()
	b.idx, b.err = ix.collect(ctx, b.gen)
	if b.err == nil {
		ix.mu.Lock()
		ix.last = b.idx
		ix.mu.Unlock()
	}
}

// peek returns the latest index built, which may be stale or nil, without
// waiting; it starts building a current one if none is on the way.
func (ix *indexer) peek(ctx context.Context) *index {
	gen, err := ix.cache.generation(ctx)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err == nil && (ix.cur == nil || ix.cur.gen != gen) {
		b := &indexBuild{gen: gen, ready: make(chan struct{})}
		ix.cur = b
		ix.bg.start(func(ctx context.Context) { ix.build(ctx, b) })
	}
	return ix.last
}

// collect reads every story, newest first, with one worker per CPU, and
// indexes them. Every ix.every it publishes the index of the longest
// run of newest stories read so far, unless a complete index of an older
// generation is there to serve meanwhile. What it has read is kept even
// when it fails, so that the next build goes on from there.
func (ix *indexer) collect(ctx context.Context, gen int) (*index, error) {
	sums, err := ix.cache.stories(ctx)
	if err != nil {
		return nil, err
	}
	ix.mu.Lock()
	old := ix.parts
	ix.mu.Unlock()
	parts := make([]indexPart, len(sums))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var next atomic.Int64
	done := make(chan int)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			defer func() {
				if v := recover(); v != nil {
					select {
					case errs <- fmt.Errorf("build index: panic: %v", v):
					default:
					}
					cancel()
				}
			}()
			for i := int(next.Add(1) - 1); i < len(sums); i = int(next.Add(1) - 1) {
				sum := sums[i]
				p, ok := old[sum.ID]
				if !ok || p.articles != sum.Articles {
					wire, err := ix.wire(ctx, sum.ID)
					if err != nil {
						select {
						case errs <- err:
						default:
						}
						cancel()
						return
					}
					p = indexPart{articles: sum.Articles, wire: dossier.Story{ID: wire.ID, Entities: wire.Entities, Quotes: wire.Quotes}}
				}
				parts[i] = p
				select {
				case done <- i:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	read := make([]bool, len(sums))
	prefix := 0 // parts[:prefix] are all read
	tick := time.NewTicker(ix.every)
	defer tick.Stop()
	for open := true; open; {
		select {
		case i, ok := <-done:
			if !ok {
				open = false
				break
			}
			read[i] = true
			for prefix < len(sums) && read[prefix] {
				prefix++
			}
		case <-tick.C:
			if prefix < len(sums) {
				ix.publishPartial(sums, parts, prefix, gen)
			}
		}
	}
	ix.keep(sums, parts, read)
	select {
	case err := <-errs:
		return nil, err
	default:
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return newIndex(sums, parts, len(sums), gen), nil
}

// newIndex indexes the first n stories of sums, whose parts are read, for
// store generation gen.
func newIndex(sums []store.Story, parts []indexPart, n, gen int) *index {
	idx := &index{entities: make(map[string]*entityEntry), indexed: n, total: len(sums), gen: gen}
	for i, sum := range sums[:n] {
		idx.add(sum, parts[i].wire)
	}
	idx.finish()
	return idx
}

// publishPartial makes the index of the first n stories the latest one,
// unless the latest is complete.
func (ix *indexer) publishPartial(sums []store.Story, parts []indexPart, n, gen int) {
	ix.mu.Lock()
	last := ix.last
	ix.mu.Unlock()
	if last != nil && !last.partial() {
		return
	}
	idx := newIndex(sums, parts, n, gen)
	ix.mu.Lock()
	if ix.last == nil || ix.last.partial() {
		ix.last = idx
	}
	ix.mu.Unlock()
}

// keep makes the parts read the ones the next build starts from; the
// parts of stories not read this time are kept from before.
func (ix *indexer) keep(sums []store.Story, parts []indexPart, read []bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	kept := make(map[string]indexPart, len(sums))
	for i, sum := range sums {
		if read[i] {
			kept[sum.ID] = parts[i]
		} else if p, ok := ix.parts[sum.ID]; ok {
			kept[sum.ID] = p
		}
	}
	ix.parts = kept
}

// wire returns a story's wire form, from the cache when it is there.
func (ix *indexer) wire(ctx context.Context, id string) (dossier.Story, error) {
	if b := ix.cache.peek(id); b != nil {
		return b.wire, nil
	}
	return ix.eng.Dossier(ctx, id)
}

func (idx *index) add(sum store.Story, s dossier.Story) {
	for _, e := range s.Entities {
		en := idx.entities[e.ID]
		if en == nil {
			en = &entityEntry{entity: e}
			en.entity.Aliases = slices.Clone(e.Aliases)
			en.entity.Roles = slices.Clone(e.Roles)
			en.entity.Articles = slices.Clone(e.Articles)
			idx.entities[e.ID] = en
		} else {
			en.merge(e)
		}
		en.stories = append(en.stories, sum)
	}
	for _, q := range s.Quotes {
		if q.SpeakerEntity == nil {
			continue
		}
		if en := idx.entities[*q.SpeakerEntity]; en != nil {
			en.quotes = append(en.quotes, storyQuote{Story: s.ID, Quote: q})
		}
	}
}

// merge adds what another story knows of the same entity.
func (en *entityEntry) merge(e dossier.Entity) {
	en.entity.Mentions += e.Mentions
	en.entity.Aliases = union(en.entity.Aliases, e.Aliases)
	en.entity.Roles = union(en.entity.Roles, e.Roles)
	en.entity.Articles = union(en.entity.Articles, e.Articles)
}

// union returns the sorted distinct strings of a and b, an empty list (not
// nil, which JSON writes as null) when both are empty.
func union(a, b []string) []string {
	out := append(make([]string, 0, len(a)+len(b)), a...)
	out = append(out, b...)
	slices.Sort(out)
	return slices.Compact(out)
}

func (idx *index) finish() {
	for _, en := range idx.entities {
		slices.Sort(en.entity.Aliases)
		slices.Sort(en.entity.Roles)
		idx.ranked = append(idx.ranked, en)
	}
	sort.Slice(idx.ranked, func(i, j int) bool {
		a, b := idx.ranked[i].entity, idx.ranked[j].entity
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
}
