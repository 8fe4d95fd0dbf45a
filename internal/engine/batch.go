package engine

import (
	"context"

	"github.com/storyline-news/storyline/internal/article"
)

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

// finished returns a Pending for a batch already done.
func finished(st Stats, err error) *Pending {
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
