package web

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"path"
	"strings"

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

// readable reports whether a file name has an extension ingest reads.
func readable(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".html", ".htm", ".rss", ".atom", ".xml", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// ingestFS stores the articles of the files in dir of fsys, in name order.
// Their source_ref is the file's path under prefix.
func ingestFS(ctx context.Context, eng *engine.Engine, fsys fs.FS, dir, prefix string) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	var arts []article.Article
	for _, e := range entries {
		if e.IsDir() || !readable(e.Name()) {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		// Reading the file as standard input sniffs its format as ingest
		// does for a file of that kind; the ID does not depend on the name.
		r := ingest.New(ingest.Options{Stdin: bytes.NewReader(data)})
		err = r.Read(ctx, "-", func(res ingest.Result) error {
			if res.Err != nil {
				return fmt.Errorf("demo: %s: %w", name, res.Err)
			}
			if res.Article != nil {
				a := *res.Article
				a.SourceRef = path.Join(prefix, name) + strings.TrimPrefix(a.SourceRef, "-")
				arts = append(arts, a)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if _, err := eng.Ingest(ctx, arts); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}
