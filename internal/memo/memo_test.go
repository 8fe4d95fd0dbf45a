package memo

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestMemo(t *testing.T) {
	now := time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)
	m := New[string, int](time.Second, 4)
	m.now = func() time.Time { return now }
	if _, ok := m.get("a"); ok {
		t.Error("an empty memo answers")
	}
	m.put("a", 1)
	if v, ok := m.get("a"); !ok || v != 1 {
		t.Errorf("get(a) = %d, %v; want 1", v, ok)
	}
	now = now.Add(1500 * time.Millisecond)
	if _, ok := m.get("a"); ok {
		t.Error("an answer older than its time is kept")
	}
	for i, k := range []string{"b", "c", "d", "e", "f", "g"} {
		m.put(k, i)
		if len(m.m) > 4 {
			t.Fatalf("%d answers kept, at most 4", len(m.m))
		}
	}
	if v, ok := m.get("g"); !ok || v != 5 {
		t.Errorf("the latest answer is gone: %d, %v", v, ok)
	}
}

// Readers who ask at once share one reading; a failed reading is read
// again by those who waited for it.
func TestMemoDo(t *testing.T) {
	m := New[string, int](time.Minute, 8)
	release := make(chan struct{})
	var reads atomic.Int32
	read := func() (int, error) {
		reads.Add(1)
		<-release
		return 7, nil
	}
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if v, err := m.Do("k", read); v != 7 || err != nil {
				t.Errorf("do = %d, %v", v, err)
			}
		})
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	if n := reads.Load(); n != 1 {
		t.Errorf("%d readings for 10 readers at once, want 1", n)
	}
	fail := errors.New("canceled")
	if _, err := m.Do("x", func() (int, error) { return 0, fail }); err != fail {
		t.Errorf("failed reading: %v", err)
	}
	if v, err := m.Do("x", func() (int, error) { return 3, nil }); v != 3 || err != nil {
		t.Errorf("after a failure: %d, %v; want a new reading", v, err)
	}
}
