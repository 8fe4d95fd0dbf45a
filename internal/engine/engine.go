// Package engine runs storyline's pipeline over a store: it assigns incoming
// articles to stories (package cluster), commits them in batches, and builds
// stories (package story) from what is stored. It is the only package that
// knows every stage; the CLI and the web server talk to it.
package engine

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/story"
)

// Options configures an Engine. The zero value is a good default.
type Options struct {
	Cluster cluster.Options
	// Dossier converts a built story to the wire form that is stored
	// and read; nil means dossier.FromStory. Tests substitute it.
	Dossier func(story.Story) dossier.Story
}

// Engine ingests articles into a store and reads stories back. Its methods
// are safe for concurrent use; ingest batches run one at a time.
type Engine struct {
	st   store.Store
	opts Options

	mu        sync.Mutex // guards the fields below and serializes Ingest
	cl        *cluster.Clusterer
	summaries map[string]*summary
	seq       int64 // sequence number of the last stored article in cl
	mseq      int64 // sequence number of the last stored merge in cl
	// pending is the last batch Submit clustered, whose commit may still
	// be running; inflight holds its article IDs, which count as stored
	// for the batches clustered meanwhile.
	pending  *Pending
	inflight map[string]bool
	// unlock releases the store's write lock (see writeLocker); nil while
	// this engine does not hold it.
	unlock func()
}

// writeLocker is met by stores whose writers are processes on one host
// sharing a file (store/sqlite): the engine takes LockWrites before it
// clusters a batch, catching up with what others stored meanwhile, and
// keeps it while batches follow: Ingest releases it, and a process that
// submits batches holds it until it ends.
type writeLocker interface {
	LockWrites(ctx context.Context) (unlock func(), err error)
}

// locker is met by stores that several processes share (store/postgres):
// Lock serializes ingest among them, so that each batch is clustered
// against every article stored before it, whoever stored it.
type locker interface {
	Lock(ctx context.Context) (unlock func(), err error)
}

// Open returns an Engine over st. The clustering state is rebuilt from the
// stored articles by the first Ingest, so readers pay nothing for it.
func Open(ctx context.Context, st store.Store, opts Options) (*Engine, error) {
	return &Engine{st: st, opts: opts}, nil
}

// restore rebuilds the clusterer and story summaries from the store.
func (e *Engine) restore(ctx context.Context) error {
	e.cl = cluster.New(e.opts.Cluster)
	e.summaries = make(map[string]*summary)
	e.seq, e.mseq = 0, 0
	return e.catchUp(ctx, true)
}

// catchUp adds the articles and merges stored after e.seq and e.mseq to
// the clustering state (apply) or only moves the cursors past them (what
// the engine just stored itself). Scanned articles carry the story that
// holds them now, after every merge; the merges then join what this
// engine still holds apart. On error the state is dropped, to be rebuilt
// by the next Ingest.
func (e *Engine) catchUp(ctx context.Context, apply bool) error {
	err := e.st.Scan(ctx, e.seq, func(seq int64, a article.Article, storyID string) error {
		e.seq = seq
		if storyID == "" || !apply {
			return nil
		}
		e.cl.Restore(a, storyID)
		e.summary(storyID).add(a)
		return nil
	})
	if err == nil {
		var ms []store.Merge
		ms, err = e.st.Merges(ctx, e.mseq)
		for _, m := range ms {
			e.mseq = m.Seq
			if apply {
				e.cl.Merge(m.From, m.Into)
				e.absorb(m.Into, m.From)
			}
		}
	}
	if err != nil {
		e.cl = nil
		return fmt.Errorf("engine: restore clustering state: %w", err)
	}
	return nil
}

// Stats counts what one call to Ingest did.
type Stats struct {
	// Ingested is the number of articles newly stored.
	Ingested int
	// Duplicates is the number of articles that were already stored or
	// appeared earlier in the same batch.
	Duplicates int
}

// Ingest clusters and stores one batch of articles in a single transaction:
// if it fails, nothing of the batch is stored. On a store that several
// processes share, Ingest holds the store's lock while it catches up with
// the articles others stored, clusters the batch and commits it.
func (e *Engine) Ingest(ctx context.Context, arts []article.Article) (Stats, error) {
	p := e.Submit(ctx, arts)
	st, err := p.Wait()
	e.mu.Lock()
	e.releaseWrites(ctx)
	e.mu.Unlock()
	if err != nil {
		return st, err
	}
	if _, err := e.derive(ctx, p.stories); err != nil {
		return st, fmt.Errorf("%w (the articles are stored; storyline reindex analyses their stories)", err)
	}
	return st, nil
}

// Release waits for the batch being committed, if any, and releases the
// store's write lock, so that other processes may ingest into the store
// while e reads or waits. The next Submit takes it again. Ingest releases
// it itself; a caller of Submit calls Release when its batches are done.
func (e *Engine) Release(ctx context.Context) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if p := e.pending; p != nil {
		<-p.done
	}
	e.releaseWrites(ctx)
}

// lockWrites takes the store's write lock if it has one and e does not
// hold it, and catches up with what other processes stored since e last
// held it. The caller holds e.mu.
func (e *Engine) lockWrites(ctx context.Context) error {
	wl, ok := e.st.(writeLocker)
	if !ok || e.unlock != nil {
		return nil
	}
	unlock, err := wl.LockWrites(ctx)
	if err != nil {
		return fmt.Errorf("engine: %w", err)
	}
	e.unlock = unlock
	if e.cl != nil {
		if err := e.catchUp(ctx, true); err != nil {
			e.releaseWrites(ctx)
			return err
		}
	}
	return nil
}

// releaseWrites releases the store's write lock unless a batch is still
// committing, first moving the cursors past what e stored under it: while
// e held the lock, everything stored is its own. The caller holds e.mu.
func (e *Engine) releaseWrites(ctx context.Context) {
	if e.unlock == nil {
		return
	}
	if p := e.pending; p != nil {
		select {
		case <-p.done:
		default:
			return // its own Ingest releases the lock after it
		}
	}
	if e.cl != nil {
		if err := e.catchUp(context.WithoutCancel(ctx), false); err != nil {
			e.cl = nil // rebuilt from the store by the next batch
		}
	}
	e.unlock()
	e.unlock = nil
}

// Pending is a batch handed to Submit.
type Pending struct {
	done  chan struct{}
	stats Stats
	err   error
	// failed reports that the commit failed after the batch was clustered:
	// the clustering state holds articles the store does not.
	failed bool
	// stories are the stories the batch created or grew.
	stories []string
}

// Wait blocks until the batch is committed, or has failed, and returns what
// Ingest would have returned for it.
func (p *Pending) Wait() (Stats, error) {
	<-p.done
	return p.stats, p.err
}

// Finished returns a Pending for a batch already done, for stand-ins of
// the engine.
func Finished(st Stats, err error) *Pending {
	p := &Pending{done: make(chan struct{}), stats: st, err: err}
	close(p.done)
	return p
}

// A Submitter clusters batches and commits them in the background:
// *Engine is one.
type Submitter interface {
	Submit(ctx context.Context, arts []article.Article) *Pending
}

// Batches submits batches one after another, so that each commits while
// the caller reads and submits the next, and adds up what they did.
type Batches struct {
	To    Submitter
	Stats Stats // of the batches waited for so far
	last  *Pending
}

// Add submits arts. The error it returns is the previous batch's, whose
// commit Submit waited for.
func (b *Batches) Add(ctx context.Context, arts []article.Article) error {
	p := b.To.Submit(ctx, arts)
	err := b.Wait()
	b.last = p
	return err
}

// Wait waits for the last batch added and returns its error.
func (b *Batches) Wait() error {
	if b.last == nil {
		return nil
	}
	st, err := b.last.Wait()
	b.last = nil
	b.Stats.Ingested += st.Ingested
	b.Stats.Duplicates += st.Duplicates
	return err
}

// Submit is Ingest in two halves: it clusters arts before it returns and
// commits them in the background, so that the caller can read and submit
// the next batch while the store writes this one. Batches commit one at a
// time, in the order submitted, each in its own transaction; a batch is
// clustered against every batch submitted before it, stored or still
// committing. Submit waits for the previous batch's commit before it
// starts its own; Ingest waits for its own. Call Wait on the last batch
// before closing the store.
//
// When a commit fails, the batches clustered after it are clustered again
// from what the store holds before they commit, so a failure loses only
// its own batch. On a store that several processes share, Submit is
// Ingest: a batch must be stored before the lock passes on.
func (e *Engine) Submit(ctx context.Context, arts []article.Article) *Pending {
	if l, shared := e.st.(locker); shared {
		st, stories, err := e.ingestShared(ctx, l, arts)
		p := Finished(st, err)
		p.stories = stories
		return p
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.lockWrites(ctx); err != nil {
		return Finished(Stats{}, err)
	}
	b, st, err := e.prepare(ctx, arts)
	if prev := e.pending; prev != nil {
		<-prev.done
		e.pending, e.inflight = nil, nil
		if prev.failed {
			// This batch was clustered on top of one the store lacks.
			e.cl = nil
			if err == nil {
				b, st, err = e.prepare(ctx, arts)
			}
		}
	}
	if err != nil || len(b.Articles) == 0 {
		return Finished(st, err)
	}
	p := &Pending{done: make(chan struct{}), stories: changed(b)}
	e.pending = p
	e.inflight = make(map[string]bool, len(b.Articles))
	for _, a := range b.Articles {
		e.inflight[a.ID] = true
	}
	go func() {
		defer close(p.done)
		p.stats, p.err = e.commit(ctx, b, st)
		p.failed = p.err != nil
	}()
	return p
}

// ingestShared is Ingest on a store that several processes share: under
// the store's lock it catches up with the articles others stored, clusters
// the batch and commits it.
func (e *Engine) ingestShared(ctx context.Context, l locker, arts []article.Article) (Stats, []string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	unlock, err := l.Lock(ctx)
	if err != nil {
		return Stats{}, nil, fmt.Errorf("engine: %w", err)
	}
	defer unlock()
	if e.cl != nil {
		if err := e.catchUp(ctx, true); err != nil {
			return Stats{}, nil, err
		}
	}
	st, stories, err := e.ingest(ctx, arts)
	if err == nil && st.Ingested > 0 {
		// Under the lock, what follows e.seq is this batch alone.
		err = e.catchUp(ctx, false)
	}
	return st, stories, err
}

// ingest clusters and commits arts, and returns the stories it changed.
func (e *Engine) ingest(ctx context.Context, arts []article.Article) (Stats, []string, error) {
	b, st, err := e.prepare(ctx, arts)
	if err != nil || len(b.Articles) == 0 {
		return st, nil, err
	}
	st, err = e.commit(ctx, b, st)
	if err != nil {
		// The in-memory state already holds the batch: drop it, so that it
		// is rebuilt from what the store really holds.
		e.cl = nil // rebuilt by the next Ingest
		return st, nil, err
	}
	return st, changed(b), nil
}

// changed returns the live stories that b creates or grows.
func changed(b store.Batch) []string {
	retired := make(map[string]bool, len(b.Merges))
	for _, m := range b.Merges {
		retired[m.From] = true
	}
	var out []string
	for _, s := range b.Stories {
		if !retired[s.ID] {
			retired[s.ID] = true // once
			out = append(out, s.ID)
		}
	}
	return out
}

// commit stores b and adds what it stored to st, the counts of preparing
// it. It touches no state of e, so it may run while the next batch is
// clustered.
func (e *Engine) commit(ctx context.Context, b store.Batch, st Stats) (Stats, error) {
	added, err := e.st.Commit(ctx, b)
	if err != nil {
		return Stats{}, fmt.Errorf("engine: commit: %w", err)
	}
	st.Ingested = added
	st.Duplicates += len(b.Articles) - added
	return st, nil
}

// prepare clusters the articles of arts that are new, rebuilding the
// clustering state from the store first if there is none, and returns the
// batch to commit.
func (e *Engine) prepare(ctx context.Context, arts []article.Article) (store.Batch, Stats, error) {
	if e.cl == nil {
		if err := e.restore(ctx); err != nil {
			return store.Batch{}, Stats{}, err
		}
	}
	fresh, st, err := e.fresh(ctx, arts)
	if err != nil || len(fresh) == 0 {
		return store.Batch{}, st, err
	}
	b := store.Batch{Articles: fresh}
	touched := make(map[string]bool)
	var order []string
	for _, a := range fresh {
		d := e.cl.Assign(a)
		b.Assignments = append(b.Assignments, store.Assignment{
			ArticleID: a.ID, StoryID: d.StoryID, Score: d.Score, Evidence: d.Evidence,
		})
		e.summary(d.StoryID).add(a)
		for _, from := range d.Merged {
			// The retired story's summary goes in too, so that the
			// articles this batch assigned to it have a story to move
			// from; the merge then removes it.
			if f := e.summaries[from]; f != nil {
				b.Stories = append(b.Stories, f.story())
			}
			e.absorb(d.StoryID, from)
			b.Merges = append(b.Merges, store.Merge{From: from, Into: d.StoryID, ArticleID: a.ID})
		}
		if !touched[d.StoryID] {
			touched[d.StoryID] = true
			order = append(order, d.StoryID)
		}
	}
	for _, id := range order {
		if s := e.summaries[id]; s != nil {
			b.Stories = append(b.Stories, s.story())
		}
	}
	return b, st, nil
}

// fresh returns the articles of arts that are neither stored nor repeated
// within arts, and counts the others as duplicates.
func (e *Engine) fresh(ctx context.Context, arts []article.Article) ([]article.Article, Stats, error) {
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	known, err := e.st.Known(ctx, ids)
	if err != nil {
		return nil, Stats{}, fmt.Errorf("engine: %w", err)
	}
	var st Stats
	seen := make(map[string]bool, len(arts))
	out := make([]article.Article, 0, len(arts))
	for _, a := range arts {
		if known[a.ID] || seen[a.ID] || e.inflight[a.ID] {
			st.Duplicates++
			continue
		}
		seen[a.ID] = true
		out = append(out, a)
	}
	return out, st, nil
}

// Stories lists stored story summaries, newest first.
func (e *Engine) Stories(ctx context.Context, f store.StoryFilter) ([]store.Story, error) {
	return e.st.Stories(ctx, f)
}

// Story builds the story with the given ID from its stored articles, with
// the evidence that put each article in it. For a story merged into
// another, it builds the story that absorbed it, whose ID differs from id.
func (e *Engine) Story(ctx context.Context, id string) (story.Story, error) {
	sum, err := e.st.Story(ctx, id)
	if err != nil {
		return story.Story{}, err
	}
	id = sum.ID
	arts, err := e.st.StoryArticles(ctx, id)
	if err != nil {
		return story.Story{}, err
	}
	why, err := e.st.Assignments(ctx, id)
	if err != nil {
		return story.Story{}, err
	}
	s, err := story.Build(ctx, id, arts)
	if err != nil {
		return story.Story{}, err
	}
	s.Why = make(map[string]story.Why, len(why))
	for _, w := range why {
		s.Why[w.ArticleID] = story.Why{Score: w.Score, Evidence: w.Evidence, MergedFrom: w.MergedFrom}
	}
	return s, nil
}

// AllStories builds every stored story, newest first.
func (e *Engine) AllStories(ctx context.Context) ([]story.Story, error) {
	sums, err := e.st.Stories(ctx, store.StoryFilter{})
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(sums))
	for i, s := range sums {
		ids[i] = s.ID
	}
	out := make([]story.Story, 0, len(sums))
	err = e.EachStory(ctx, ids, func(s story.Story) error {
		out = append(out, s)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachStory builds the stories with the given IDs and passes them to fn
// one at a time, in the order of ids. Building runs on GOMAXPROCS
// goroutines, at most twice that many stories ahead of fn, so that a whole
// archive streams through in bounded memory. It stops at the first error,
// from a build or from fn, and returns it; every goroutine it started has
// ended when it returns.
func (e *Engine) EachStory(ctx context.Context, ids []string, fn func(story.Story) error) error {
	return inOrder(ctx, ids, e.Story, fn)
}

// inOrder runs work on each of ids on GOMAXPROCS goroutines, at most twice
// that many ahead of fn, and passes the results to fn in the order of ids.
// It stops at the first error, from work or from fn, and returns it; every
// goroutine it started has ended when it returns.
func inOrder[T any](ctx context.Context, ids []string, work func(context.Context, string) (T, error), fn func(T) error) error {
	workers := runtime.GOMAXPROCS(0)
	type done struct {
		v   T
		err error
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()
	// pending holds one channel per ID, in order; running bounds the
	// work in progress.
	pending := make(chan chan done, 2*workers)
	running := make(chan struct{}, workers)
	wg.Go(func() {
		defer close(pending)
		for _, id := range ids {
			ch := make(chan done, 1)
			select {
			case pending <- ch:
			case <-ctx.Done():
				return
			}
			select {
			case running <- struct{}{}:
			case <-ctx.Done():
				ch <- done{err: ctx.Err()}
				return
			}
			wg.Go(func() {
				defer func() { <-running }()
				v, err := work(ctx, id)
				if err != nil {
					err = fmt.Errorf("story %s: %w", id, err)
				}
				ch <- done{v, err}
			})
		}
	})
	for ch := range pending {
		d := <-ch
		if d.err != nil {
			return d.err
		}
		if err := fn(d.v); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// summary returns the running summary of a story, creating it if needed.
func (e *Engine) summary(id string) *summary {
	s := e.summaries[id]
	if s == nil {
		s = &summary{id: id}
		e.summaries[id] = s
	}
	return s
}

// absorb adds the summary of story from to that of story into and drops
// it.
func (e *Engine) absorb(into, from string) {
	f := e.summaries[from]
	if f == nil {
		return
	}
	e.summary(into).absorb(f)
	delete(e.summaries, from)
}

// summary keeps what a story's stored summary needs without holding its
// articles: the date span, the count, and the headline candidates (story
// order: dated before undated, earlier first, first seen among equals).
type summary struct {
	id          string
	first, last time.Time
	count       int
	titled      candidate // earliest article with a title
	earliest    candidate // earliest article, for a headline from its text
}

// candidate is a possible headline and the date of the article it comes from.
type candidate struct {
	set       bool
	published time.Time
	headline  string
}

func (c candidate) later(p time.Time) bool {
	switch {
	case !c.set:
		return true
	case p.IsZero():
		return false
	case c.published.IsZero():
		return true
	}
	return p.Before(c.published)
}

func (s *summary) add(a article.Article) {
	s.count++
	if p := a.Published; !p.IsZero() {
		if s.first.IsZero() || p.Before(s.first) {
			s.first = p
		}
		if s.last.IsZero() || p.After(s.last) {
			s.last = p
		}
	}
	earliest, titled := s.earliest.later(a.Published), a.Title != "" && s.titled.later(a.Published)
	if !earliest && !titled {
		return
	}
	// The headline is copied: a title may be a slice of the whole input it
	// was read from, and a summary lives as long as its story.
	c := candidate{true, a.Published, strings.Clone(story.Headline([]article.Article{a}))}
	if earliest {
		s.earliest = c
	}
	if titled {
		s.titled = c
	}
}

// absorb adds t, another story's summary, to s.
func (s *summary) absorb(t *summary) {
	s.count += t.count
	if !t.first.IsZero() && (s.first.IsZero() || t.first.Before(s.first)) {
		s.first = t.first
	}
	if t.last.After(s.last) {
		s.last = t.last
	}
	for _, c := range []struct{ dst, src *candidate }{{&s.earliest, &t.earliest}, {&s.titled, &t.titled}} {
		if c.src.set && c.dst.later(c.src.published) {
			*c.dst = *c.src
		}
	}
}

func (s *summary) story() store.Story {
	headline := s.earliest.headline
	if s.titled.set {
		headline = s.titled.headline
	}
	return store.Story{
		ID:             s.id,
		Headline:       headline,
		FirstPublished: s.first,
		LastPublished:  s.last,
		Articles:       s.count,
	}
}

// Store returns the store the engine reads and writes, for readers of
// what it holds (the archive's read model).
func (e *Engine) Store() store.Store { return e.st }

// Search runs a full-text query over stored titles and bodies (see
// store.Store.Search for the query language).
func (e *Engine) Search(ctx context.Context, query string, limit int) ([]store.Hit, error) {
	return e.st.Search(ctx, query, limit)
}

// Article returns one stored article, or an error wrapping
// store.ErrNotFound.
func (e *Engine) Article(ctx context.Context, id string) (article.Article, error) {
	return e.st.Article(ctx, id)
}

// StoryOf returns the ID of the story that holds an article ("" for none),
// or an error wrapping store.ErrNotFound.
func (e *Engine) StoryOf(ctx context.Context, articleID string) (string, error) {
	return e.st.StoryOf(ctx, articleID)
}

// Counts returns the number of stored articles and stories.
func (e *Engine) Counts(ctx context.Context) (articles, stories int, err error) {
	return e.st.Counts(ctx)
}
