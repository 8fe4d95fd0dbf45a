package web

import (
	"context"
	"fmt"
	"io/fs"
	"path"

	"github.com/storyline-news/storyline/examples"
	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/ingest"
)

// Demo stores the bundled example articles (examples/ukraine-talks) in
// eng, as `storyline ingest examples/ukraine-talks` would, for `storyline
// serve --demo`.
func Demo(ctx context.Context, eng *engine.Engine) error {
	return ingestFS(ctx, eng, examples.FS, examples.UkraineTalks, "examples")
}

// ingestFS stores the articles of the files under dir of fsys, read as
// ingest reads a folder. Their source_ref is their path in fsys under
// prefix.
func ingestFS(ctx context.Context, eng *engine.Engine, fsys fs.FS, dir, prefix string) error {
	var arts []article.Article
	err := ingest.New(ingest.Options{}).ReadFS(ctx, fsys, dir, func(res ingest.Result) error {
		if res.Err != nil {
			return fmt.Errorf("demo: %w", res.Err)
		}
		if res.Article != nil {
			a := *res.Article
			a.SourceRef = path.Join(prefix, a.SourceRef)
			arts = append(arts, a)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if _, err := eng.Ingest(ctx, arts); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}
