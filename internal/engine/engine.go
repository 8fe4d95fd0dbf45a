// Package engine runs storyline's pipeline over a store: it assigns incoming
// articles to stories (package cluster), commits them in batches, and builds
// stories (package story) from what is stored. It is the only package that
// knows every stage; the CLI and the web server talk to it.
package engine

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/story"
)

// Options configures an Engine. The zero value is a good default.
type Options struct {
	Cluster cluster.Options
	// Dossier converts a built story to the wire form that is stored
	// and read; nil means dossier.FromStory. Tests substitute it.
	Dossier func(story.Story) dossier.Story
}

// Engine ingests articles into a store and reads stories back. Its methods
// are safe for concurrent use; ingest batches run one at a time.
type Engine struct {
	st   store.Store
	opts Options

	mu        sync.Mutex // guards the fields below and serializes Ingest
	cl        *cluster.Clusterer
	summaries map[string]*summary
	seq       int64 // sequence number of the last stored article in cl
	mseq      int64 // sequence number of the last stored merge in cl
	// pending is the last batch Submit clustered, whose commit may still
	// be running; inflight holds its article IDs, which count as stored
	// for the batches clustered meanwhile.
	pending  *Pending
	inflight map[string]bool
	// unlock releases the store's write lock (see writeLocker); nil while
	// this engine does not hold it.
	unlock func()
	// closed is set by Close: batches submitted after it fail.
	closed bool

	closeOnce sync.Once
	closeErr  error // of the store's Close
}

// writeLocker is met by stores whose writers are processes on one host
// sharing a file (store/sqlite): the engine takes LockWrites before it
// clusters a batch, catching up with what others stored meanwhile, and
// keeps it while batches follow: Ingest releases it, and a process that
// submits batches holds it until it ends.
type writeLocker interface {
	LockWrites(ctx context.Context) (unlock func(), err error)
}

// locker is met by stores that several processes share (store/postgres):
// Lock serializes ingest among them, so that each batch is clustered
// against every article stored before it, whoever stored it.
type locker interface {
	Lock(ctx context.Context) (unlock func(), err error)
}

// errClosed is the error of a batch submitted after Close.
var errClosed = errors.New("engine: closed")

// Open returns an Engine over st, which the Engine's Close closes. The
// clustering state is rebuilt from the stored articles by the first Submit
// or Ingest, under that call's context, so readers pay nothing for it.
// Open fails only when ctx is done.
func Open(ctx context.Context, st store.Store, opts Options) (*Engine, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("engine: open: %w", err)
	}
	return &Engine{st: st, opts: opts}, nil
}

// Close waits for the batch being committed, if any, releases the store's
// write lock and closes the store. Batches submitted after it fail. Close
// may be called more than once; every call returns the first one's error.
// Readers still running when it is called fail with the store's error.
func (e *Engine) Close() error {
	e.closeOnce.Do(func() {
		e.mu.Lock()
		if p := e.pending; p != nil {
			<-p.done
		}
		e.releaseWrites(context.Background())
		e.closed = true
		e.cl, e.summaries = nil, nil
		e.mu.Unlock()
		e.closeErr = e.st.Close()
	})
	return e.closeErr
}
