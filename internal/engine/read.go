package engine

import (
	"context"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

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

// Stories lists stored story summaries, newest first.
func (e *Engine) Stories(ctx context.Context, f store.StoryFilter) ([]store.Story, error) {
	return e.st.Stories(ctx, f)
}
