package engine_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// writerArticles returns n articles: the seeds and updated copies of them,
// so that stories grow past the size at which they look for merges.
func writerArticles(t *testing.T, n int) []article.Article {
	seeds := readSeeds(t)
	out := make([]article.Article, 0, n)
	for i := 0; len(out) < n; i++ {
		s := seeds[i%len(seeds)]
		if i < len(seeds) {
			out = append(out, s)
			continue
		}
		out = append(out, copyOf(s, fmt.Sprintf("copy %d", i)))
	}
	return out
}

// checkStore verifies that want articles are stored, each once, and that
// the store keeps every invariant Check verifies.
func checkStore(t *testing.T, st store.Store, want []article.Article) {
	t.Helper()
	ctx := context.Background()
	e, err := engine.Open(ctx, st, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Error(p)
	}
	known, err := st.Known(ctx, ids(want))
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != len(want) || len(known) != len(want) {
		t.Errorf("%d articles stored, %d of the %d offered", r.Articles, len(known), len(want))
	}
}

// ids returns the IDs of arts.
func ids(arts []article.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

// Four engines, each with its own connection to one SQLite file as four
// processes would have, open it at once and ingest overlapping inputs in
// small batches at once. Nothing may fail, be lost or be stored twice, and
// the stories must add up.
func TestWritersShareOneSQLiteFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	all := writerArticles(t, 60)
	const writers = 4
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[w] = func() error {
				db, err := sqlite.Open(ctx, path)
				if err != nil {
					return err
				}
				defer db.Close()
				e, err := engine.Open(ctx, db, mergeOptions)
				if err != nil {
					return err
				}
				// Writer w reads all articles from a different start, in
				// batches of 3, so that every article is offered by
				// several writers at different times.
				bs := engine.Batches{To: e}
				for i := 0; i < len(all); i += 3 {
					var batch []article.Article
					for j := i; j < min(i+3, len(all)); j++ {
						batch = append(batch, all[(j+w*len(all)/writers)%len(all)])
					}
					if err := bs.Add(ctx, batch); err != nil {
						return err
					}
					if i%12 == 0 {
						// Let the others in now and then, as separate
						// ingest runs of one process would.
						if err := bs.Wait(); err != nil {
							return err
						}
						e.Release(ctx)
					}
				}
				err = bs.Wait()
				e.Release(ctx)
				return err
			}()
		}()
	}
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", w, err)
		}
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkStore(t, db, all)
}
