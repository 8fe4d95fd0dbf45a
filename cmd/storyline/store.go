package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/postgres"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// envDB names the environment variable that gives the store location when
// --db is not set.
const envDB = "STORYLINE_DB"

// openStore opens the store named by --db, else by $STORYLINE_DB, else the
// default SQLite file, and an engine over it. A postgres:// or
// postgresql:// URL opens PostgreSQL; anything else is an SQLite path. The
// caller closes the returned engine, which closes the store.
func (e *env) openStore(ctx context.Context, g *globalFlags) (*engine.Engine, error) {
	path, err := storeLocation(g)
	if err != nil {
		return nil, err
	}
	return openEngine(ctx, path, engineOptions(g))
}

// openExisting is openStore for the commands that only read: an SQLite
// file that does not exist is an error, not a new empty archive, so that
// a mistyped --db says so.
func (e *env) openExisting(ctx context.Context, g *globalFlags) (*engine.Engine, error) {
	path, err := storeLocation(g)
	if err != nil {
		return nil, err
	}
	if !postgres.IsDSN(path) && path != ":memory:" {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no store at %s: storyline ingest creates one", path)
		}
	}
	return openEngine(ctx, path, engineOptions(g))
}

// engineOptions returns the engine options the global flags set.
func engineOptions(g *globalFlags) engine.Options {
	return engine.Options{Cluster: cluster.Options{Idle: g.idle}}
}

// storeLocation returns where the store is: --db, $STORYLINE_DB or the
// default SQLite file.
func storeLocation(g *globalFlags) (string, error) {
	if g.db != "" {
		return g.db, nil
	}
	if loc := os.Getenv(envDB); loc != "" {
		return loc, nil
	}
	return sqlite.DefaultPath()
}

// closeStore closes c, the engine (and so the store) a command opened, and
// adds Close's error to *err, the command's own; it is deferred right after
// the store opens. A store that fails to close may not have kept what the
// command wrote, so the error fails the command and is printed, even when
// the command had only failed inputs to report (errFailed, whose reasons
// are on stderr).
func closeStore(c io.Closer, err *error) {
	cerr := c.Close()
	if cerr == nil {
		return
	}
	if errors.Is(*err, errFailed) {
		*err = nil
	}
	*err = errors.Join(*err, cerr)
}

// openEngine opens the store at loc (a PostgreSQL URL, an SQLite path, or
// ":memory:" for a throwaway SQLite store) and an engine over it with opts.
// The engine's Close closes the store.
func openEngine(ctx context.Context, loc string, opts engine.Options) (*engine.Engine, error) {
	var db store.Store
	var err error
	if postgres.IsDSN(loc) {
		db, err = postgres.Open(ctx, loc)
	} else {
		db, err = sqlite.Open(ctx, loc)
	}
	if err != nil {
		return nil, err
	}
	eng, err := engine.Open(ctx, db, opts)
	if err != nil {
		return nil, errors.Join(fmt.Errorf("open store: %w", err), db.Close())
	}
	return eng, nil
}
