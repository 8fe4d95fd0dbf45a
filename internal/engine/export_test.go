package engine

import (
	"context"

	"github.com/storyline-news/storyline/internal/story"
)

// EachStory lets the external tests call eachStory.
func (e *Engine) EachStory(ctx context.Context, ids []string, fn func(story.Story) error) error {
	return e.eachStory(ctx, ids, fn)
}
