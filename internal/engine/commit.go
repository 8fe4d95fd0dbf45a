package engine

import (
	"context"
	"fmt"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/store"
)

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
		p := finished(st, err)
		p.stories = stories
		return p
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return finished(Stats{}, errClosed)
	}
	if err := e.lockWrites(ctx); err != nil {
		return finished(Stats{}, err)
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
		return finished(st, err)
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
	if e.closed {
		return Stats{}, nil, errClosed
	}
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
