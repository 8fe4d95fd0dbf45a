package sqlite

import (
	"context"
	"fmt"
	"os"
	"time"
)

// lockPoll is how often LockWrites tries again while another process
// holds the lock.
const lockPoll = 20 * time.Millisecond

// LockWrites takes the store's write lock, which one process at a time may
// hold, waiting for it as long as ctx allows, and returns the function that
// releases it. An ingest engine holds it from catching up with what other
// processes stored to committing its last batch, so that two processes
// ingesting into one file cluster each batch against everything stored
// before it, as one process would. The lock is an advisory lock on the file
// beside the database (its name and ".lock"): the system releases it when
// the process ends, however it ends. An in-memory store has no lock.
func (db *DB) LockWrites(ctx context.Context) (unlock func(), err error) {
	if db.lockPath == "" {
		return func() {}, nil
	}
	path := db.lockPath
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("sqlite: lock: %w", err)
	}
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("sqlite: lock %s: %w", path, err)
		}
		if ok {
			return func() {
				unlockFile(f)
				f.Close()
			}, nil
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("sqlite: waiting for the write lock %s: %w", path, ctx.Err())
		case <-time.After(lockPoll):
		}
	}
}
