package main

import (
	"context"
	"fmt"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// openStore opens the store named by --db (or the default location) and an
// engine over it. The caller closes the returned store.
func (e *env) openStore(ctx context.Context, g *globalFlags) (*sqlite.DB, *engine.Engine, error) {
	path := g.db
	if path == "" {
		p, err := sqlite.DefaultPath()
		if err != nil {
			return nil, nil, err
		}
		path = p
	}
	return openEngine(ctx, path)
}

// openEngine opens the SQLite store at path (":memory:" for a throwaway
// one) and an engine over it.
func openEngine(ctx context.Context, path string) (*sqlite.DB, *engine.Engine, error) {
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	eng, err := engine.Open(ctx, db, engine.Options{})
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, eng, nil
}
