package engine

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/story"
)

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
	err = e.eachStory(ctx, ids, func(s story.Story) error {
		out = append(out, s)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachStory builds the stories with the given IDs and passes them to fn
// one at a time, in the order of ids. Building runs on GOMAXPROCS
// goroutines, at most twice that many stories ahead of fn, so that a whole
// archive streams through in bounded memory. It stops at the first error,
// from a build or from fn, and returns it; every goroutine it started has
// ended when it returns.
func (e *Engine) eachStory(ctx context.Context, ids []string, fn func(story.Story) error) error {
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
