package engine_test

import (
	"context"
	"os"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/postgres"
	"github.com/storyline-news/storyline/internal/store/postgres/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// Two engines share one PostgreSQL store. One of them merges a story that
// the other holds in memory; the other must learn of it as it catches up,
// and never bring the retired story back.
func TestMergeSeenByAnotherProcess(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Database(t)
	open := func() *engine.Engine {
		db, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		e, err := engine.Open(ctx, db, mergeOptions)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	a, b := open(), open()
	seeds := readSeeds(t)
	ingest := func(e *engine.Engine, arts ...article.Article) {
		t.Helper()
		if _, err := e.Ingest(ctx, arts); err != nil {
			t.Fatal(err)
		}
	}
	ingest(b, seeds[0])
	first, err := b.Stories(ctx, store.StoryFilter{})
	if err != nil || len(first) != 1 {
		t.Fatalf("stories after the first article: %v, %v", first, err)
	}
	retired := first[0].ID
	// a stores the second seed and copies of it until its story absorbs
	// the first seed's.
	ingest(a, seeds[1])
	for _, ref := range []string{"copy 0", "copy 1", "copy 2"} {
		ingest(a, copyOf(seeds[1], ref))
	}
	ss, err := a.Stories(ctx, store.StoryFilter{})
	if err != nil || len(ss) != 1 || ss[0].ID == retired {
		t.Fatalf("stories after the merge: %+v, %v; want one, not %s", ss, err, retired)
	}
	// b still holds the retired story in memory. A copy of the first seed
	// must not bring it back.
	c := copyOf(seeds[0], "copy b")
	ingest(b, c)
	got, err := b.StoryOf(ctx, c.ID)
	if err != nil || got == retired {
		t.Errorf("the copy went to story %q (%v); %s was merged away", got, err, retired)
	}
	ss, err = b.Stories(ctx, store.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range ss {
		if s.ID == retired {
			t.Errorf("the retired story %s is listed again: %+v", retired, ss)
		}
	}
}
