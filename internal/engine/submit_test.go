package engine_test

import (
	"context"
	"errors"
	"maps"
	"sync"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
)

// TestSubmitMatchesIngest submits batches without waiting for their
// commits, an article repeated across consecutive batches included, and
// expects what Ingest, batch by batch, gives.
func TestSubmitMatchesIngest(t *testing.T) {
	ctx := context.Background()
	arts := append(readSeeds(t), others()...)
	batches := [][]article.Article{arts[:2], {arts[1], arts[2], arts[3]}, arts[3:5], arts[5:], arts[:1]}

	_, one := open(t, ":memory:")
	var want engine.Stats
	for _, b := range batches {
		st, err := one.Ingest(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		want.Ingested += st.Ingested
		want.Duplicates += st.Duplicates
	}

	db, async := open(t, t.TempDir()+"/s.db")
	var pending []*engine.Pending
	for _, b := range batches {
		pending = append(pending, async.Submit(ctx, b))
	}
	var got engine.Stats
	for _, p := range pending {
		st, err := p.Wait()
		if err != nil {
			t.Fatal(err)
		}
		got.Ingested += st.Ingested
		got.Duplicates += st.Duplicates
	}
	if got != want || got != (engine.Stats{Ingested: 7, Duplicates: 3}) {
		t.Errorf("Submit stats %+v, Ingest %+v, want 7 ingested and 3 duplicates", got, want)
	}
	if n, _, _ := db.Counts(ctx); n != 7 {
		t.Errorf("%d articles stored, want 7", n)
	}
	if g, w := partition(t, async), partition(t, one); !maps.Equal(g, w) {
		t.Errorf("partition after Submit %v, after Ingest %v", g, w)
	}
}

// gated fails its first Commit, and holds it until the next batch has
// asked which of its articles are known, so that the next batch is
// clustered on top of the one that fails.
type gated struct {
	store.Store
	mu      sync.Mutex
	commits int
	known   int
	asked   chan struct{}
}

func (g *gated) Known(ctx context.Context, ids []string) (map[string]bool, error) {
	g.mu.Lock()
	g.known++
	if g.known == 2 {
		close(g.asked)
	}
	g.mu.Unlock()
	return g.Store.Known(ctx, ids)
}

func (g *gated) Commit(ctx context.Context, b store.Batch) (int, error) {
	g.mu.Lock()
	g.commits++
	first := g.commits == 1
	g.mu.Unlock()
	if first {
		<-g.asked
		return 0, errDisk
	}
	return g.Store.Commit(ctx, b)
}

// TestSubmitAfterFailedCommit: a batch clustered while the batch before it
// was committing, whose commit then fails, is clustered again from what
// the store holds; the failure loses its own batch only.
func TestSubmitAfterFailedCommit(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t, ":memory:")
	arts := append(readSeeds(t), others()...)
	e, err := engine.Open(ctx, &gated{Store: db, asked: make(chan struct{})}, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := e.Submit(ctx, arts[:3])
	// arts[2] was in the failed batch: the second stores it.
	second := e.Submit(ctx, arts[2:])
	if _, err := first.Wait(); !errors.Is(err, errDisk) {
		t.Fatalf("first batch: error %v, want %v", err, errDisk)
	}
	st, err := second.Wait()
	if err != nil || st != (engine.Stats{Ingested: 5}) {
		t.Fatalf("second batch = %+v, %v; want 5 ingested", st, err)
	}

	_, fresh := open(t, ":memory:")
	if _, err := fresh.Ingest(ctx, arts[2:]); err != nil {
		t.Fatal(err)
	}
	if g, w := partition(t, e), partition(t, fresh); !maps.Equal(g, w) {
		t.Errorf("partition %v, want %v as if the failed batch never came", g, w)
	}
	if n, _, _ := db.Counts(ctx); n != 5 {
		t.Errorf("%d articles stored, want 5", n)
	}
}
