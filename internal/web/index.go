package web

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/story"
)

// index is what the server knows across stories: each entity with its
// stories and quotes, and the story of each article. The store answers
// neither question, so the index is built from every story, once per
// store generation, in the background; requests wait for it.
type index struct {
	entities map[string]*entityEntry
	// ranked holds the entities by mentions, most first, then by name.
	ranked []*entityEntry
}

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
	eng     *engine.Engine
	cache   *cache
	convert func(story.Story) dossier.Story

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

func newIndexer(eng *engine.Engine, c *cache, convert func(story.Story) dossier.Story) *indexer {
	return &indexer{eng: eng, cache: c, convert: convert}
}

// get returns the index of the store as it is now, building it if needed.
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
		go ix.build(context.WithoutCancel(ctx), b)
	}
	ix.mu.Unlock()
	select {
	case <-b.ready:
		return b.idx, b.err
	case <-ctx.Done():
		return nil, ctx.Err()
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
	b.idx, b.err = ix.collect(ctx)
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
		go ix.build(context.WithoutCancel(ctx), b)
	}
	return ix.last
}

// collect reads every story and indexes it.
func (ix *indexer) collect(ctx context.Context) (*index, error) {
	sums, err := ix.cache.stories(ctx)
	if err != nil {
		return nil, err
	}
	idx := &index{entities: make(map[string]*entityEntry)}
	ix.mu.Lock()
	old := ix.parts
	ix.mu.Unlock()
	parts := make(map[string]indexPart, len(sums))
	for _, sum := range sums {
		p, ok := old[sum.ID]
		if !ok || p.articles != sum.Articles {
			wire, err := ix.wire(ctx, sum.ID)
			if err != nil {
				return nil, err
			}
			p = indexPart{articles: sum.Articles, wire: dossier.Story{ID: wire.ID, Entities: wire.Entities, Quotes: wire.Quotes}}
		}
		parts[sum.ID] = p
		idx.add(sum, p.wire)
	}
	idx.finish()
	ix.mu.Lock()
	ix.parts = parts
	ix.mu.Unlock()
	return idx, nil
}

// wire returns a story's wire form, from the cache when it is there.
func (ix *indexer) wire(ctx context.Context, id string) (dossier.Story, error) {
	if b := ix.cache.peek(id); b != nil {
		return b.wire, nil
	}
	s, err := ix.eng.Story(ctx, id)
	if err != nil {
		return dossier.Story{}, err
	}
	return ix.convert(s), nil
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

// union returns the sorted distinct strings of a and b.
func union(a, b []string) []string {
	out := slices.Concat(a, b)
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
