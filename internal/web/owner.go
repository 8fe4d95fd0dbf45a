package web

import (
	"context"
	"sync"
)

// owner runs the goroutines a Server starts on behalf of requests that may
// not wait for them (story builds, index builds): each gets a context that
// Close cancels, and Close waits for them all, so that none outlives the
// server or uses the store after it is closed.
type owner struct {
	ctx    context.Context
	cancel context.CancelFunc

	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

func newOwner() *owner {
	ctx, cancel := context.WithCancel(context.Background())
	return &owner{ctx: ctx, cancel: cancel}
}

// start runs fn in a goroutine of its own. Once the owner is closed, fn
// runs at once, in the caller's goroutine, with a context already done, so
// that whatever waits for it learns that it failed.
func (o *owner) start(fn func(ctx context.Context)) {
	o.mu.Lock()
	if o.closed {
		o.mu.Unlock()
		fn(o.ctx)
		return
	}
	o.wg.Add(1)
	o.mu.Unlock()
	go func() {
		defer o.wg.Done()
		fn(o.ctx)
	}()
}

// close cancels the goroutines started and waits for them to return.
func (o *owner) close() {
	o.mu.Lock()
	o.closed = true
	o.mu.Unlock()
	o.cancel()
	o.wg.Wait()
}
