package ingest

import (
	"context"

	"github.com/storyline-news/storyline/internal/article"
)

// Pipe runs produce in a goroutine of its own and hands each batch it emits
// to consume, in order, in the caller's goroutine: reading and cleaning the
// next batch overlap with storing the last, which on a large archive is
// the longer of the two. One batch waits at most, so memory stays bounded.
//
// emit returns consume's first error, or the context's, once there is one;
// produce should then stop and return it. Pipe returns consume's first
// error, else produce's. A batch handed to emit belongs to consume: produce
// must not touch it again.
func Pipe(ctx context.Context, produce func(emit func([]article.Article) error) error, consume func([]article.Article) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	batches := make(chan []article.Article, 1)
	produced := make(chan error, 1)
	go func() {
		defer close(batches)
		produced <- produce(func(b []article.Article) error {
			select {
			case batches <- b:
				return nil
			case <-ctx.Done():
				return context.Cause(ctx)
			}
		})
	}()
	var err error
	for b := range batches {
		if err != nil {
			continue // drain, so that produce is never stuck
		}
		if err = consume(b); err != nil {
			cancel(err)
		}
	}
	perr := <-produced
	if err != nil {
		return err
	}
	return perr
}

// Batcher gathers articles into batches of Size and hands each to Emit as
// it fills, a new slice each time, so that Emit may keep it.
type Batcher struct {
	Size  int
	Emit  func([]article.Article) error
	batch []article.Article
}

// Add appends a to the current batch and emits the batch once it is full.
func (b *Batcher) Add(a article.Article) error {
	if b.batch == nil {
		b.batch = make([]article.Article, 0, b.Size)
	}
	b.batch = append(b.batch, a)
	if len(b.batch) < b.Size {
		return nil
	}
	return b.Flush()
}

// Flush emits the current batch, if it holds any article.
func (b *Batcher) Flush() error {
	if len(b.batch) == 0 {
		return nil
	}
	full := b.batch
	b.batch = nil
	return b.Emit(full)
}
