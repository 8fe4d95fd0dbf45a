// Package memo keeps recent answers for a short while, so that many readers
// asking the same question share one answer.
package memo

import (
	"errors"
	"sync"
	"time"
)

// Memo keeps recent answers for a short while, so that many readers asking
// the same question (a popular entity, a name in the news) share one
// answer instead of each reading the store. An answer is at most ttl old,
// so a reader sees a change within ttl. It holds at most max answers, dropping
// the oldest half when full. Readers who ask while an answer is being read
// wait for it rather than read it again.
type Memo[K comparable, V any] struct {
	ttl time.Duration
	max int
	now func() time.Time

	mu    sync.Mutex
	m     map[K]memoEntry[V]
	calls map[K]*memoCall[V] // answers being read
}

// memoCall is one reading of an answer, which others may wait for.
type memoCall[V any] struct {
	done chan struct{}
	v    V
	err  error
}

type memoEntry[V any] struct {
	v  V
	at time.Time
}

// New returns a memo that keeps at most max answers for ttl each.
func New[K comparable, V any](ttl time.Duration, max int) *Memo[K, V] {
	return &Memo[K, V]{ttl: ttl, max: max, now: time.Now, m: make(map[K]memoEntry[V]), calls: make(map[K]*memoCall[V])}
}

// Do returns the answer for k: the one kept, the one being read by another
// caller, or read now by read. An error is not kept; a caller that waited
// for a reading that failed (its caller's context ended, say) reads again
// itself.
func (c *Memo[K, V]) Do(k K, read func() (V, error)) (V, error) {
	c.mu.Lock()
	if e, ok := c.m[k]; ok && c.now().Sub(e.at) <= c.ttl {
		c.mu.Unlock()
		return e.v, nil
	}
	if cl, ok := c.calls[k]; ok {
		c.mu.Unlock()
		<-cl.done
		if cl.err == nil {
			return cl.v, nil
		}
		return read()
	}
	cl := &memoCall[V]{done: make(chan struct{})}
	c.calls[k] = cl
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.calls, k)
		c.mu.Unlock()
		close(cl.done)
	}()
	cl.err = errPanicked // until read returns
	cl.v, cl.err = read()
	if cl.err == nil {
		c.put(k, cl.v)
	}
	return cl.v, cl.err
}

// errPanicked is what waiters see of a reading that panicked.
var errPanicked = errors.New("memo: reading the answer failed")

// get returns the answer kept for k, if any and fresh.
func (c *Memo[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[k]
	if !ok || c.now().Sub(e.at) > c.ttl {
		var zero V
		return zero, false
	}
	return e.v, true
}

// put keeps v as the answer for k.
func (c *Memo[K, V]) put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if len(c.m) >= c.max {
		for key, e := range c.m {
			if now.Sub(e.at) > c.ttl/2 || len(c.m) >= c.max {
				delete(c.m, key)
			}
			if len(c.m) < c.max/2 {
				break
			}
		}
	}
	c.m[k] = memoEntry[V]{v: v, at: now}
}
