package postgres

import (
	"context"
	"errors"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/postgres/pgtest"
	"github.com/storyline-news/storyline/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// openTest opens a store on a new database and closes it when t ends.
func openTest(t testing.TB) *DB {
	t.Helper()
	return openDSN(t, pgtest.Database(t))
}

func openDSN(t testing.TB, dsn string) *DB {
	t.Helper()
	db, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTest(t) })
}

// TestOpenConcurrently opens one new database from several goroutines at
// once: the migration lock must let exactly one of them create the schema.
func TestOpenConcurrently(t *testing.T) {
	dsn := pgtest.Database(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			db, err := Open(context.Background(), dsn)
			if err != nil {
				t.Errorf("Open: %v", err)
				return
			}
			db.Close()
		})
	}
	wg.Wait()
	db := openDSN(t, dsn)
	var versions int
	if err := db.pool.QueryRow(context.Background(), "SELECT count(*) FROM storyline_schema").Scan(&versions); err != nil || versions != 1 {
		t.Errorf("storyline_schema has %d rows (%v), want 1", versions, err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	dsn := pgtest.Database(t)
	db := openDSN(t, dsn)
	if _, err := db.pool.Exec(context.Background(), "UPDATE storyline_schema SET version = 99"); err != nil {
		t.Fatal(err)
	}
	if db, err := Open(context.Background(), dsn); err == nil {
		db.Close()
		t.Fatal("Open of a database with schema version 99 succeeded")
	}
}

// TestLock checks that Lock excludes a second holder until released, and
// that a canceled wait fails.
func TestLock(t *testing.T) {
	db := openTest(t)
	other := openDSN(t, pgtest.Database(t)) // another database: another lock
	ctx := context.Background()
	unlock, err := db.Lock(ctx)
	if err != nil {
		t.Fatalf("Lock: %v", err)
	}
	if u, err := other.Lock(ctx); err != nil {
		t.Errorf("Lock on another database: %v", err)
	} else {
		u()
	}
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if _, err := db.Lock(short); err == nil {
		t.Fatal("second Lock succeeded while the first was held")
	} else if !errors.Is(err, context.DeadlineExceeded) {
		t.Logf("second Lock: %v", err)
	}
	unlock()
	unlock2, err := db.Lock(ctx)
	if err != nil {
		t.Fatalf("Lock after unlock: %v", err)
	}
	unlock2()
}

// TestRefusesUnstorableText checks that text PostgreSQL cannot hold fails
// the batch instead of being changed, and that such IDs name nothing.
func TestRefusesUnstorableText(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	as := storetest.Articles(2)
	as[1].Text = "NUL \x00 inside"
	if _, err := db.Commit(ctx, store.Batch{Articles: as}); err == nil {
		t.Error("Commit of a text with NUL succeeded")
	}
	if n, _, _ := db.Counts(ctx); n != 0 {
		t.Errorf("%d articles stored after a failed batch, want 0", n)
	}
	for _, id := range []string{"a-\x00", "a-\xff"} {
		if _, err := db.Article(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Article(%q) error = %v, want ErrNotFound", id, err)
		}
		if _, err := db.StoryArticles(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("StoryArticles(%q) error = %v, want ErrNotFound", id, err)
		}
		if known, err := db.Known(ctx, []string{id}); err != nil || len(known) != 0 {
			t.Errorf("Known(%q) = %v, %v; want none", id, known, err)
		}
	}
}
