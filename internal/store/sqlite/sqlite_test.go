package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/storetest"
)

// openTest opens the store at path and closes it when t ends.
func openTest(t testing.TB, path string) *DB {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestConformanceMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return openTest(t, Memory)
	})
}

func TestConformanceFile(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return openTest(t, filepath.Join(t.TempDir(), "storyline.db"))
	})
}

// pragma returns the value of an SQLite PRAGMA on db's writer connection.
func pragma(t *testing.T, db *DB, name string) string {
	t.Helper()
	var v string
	if err := db.write.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

func TestOpenFileSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "dir", "storyline.db")
	db := openTest(t, path)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("Open did not create the file: %v", err)
	}
	for name, want := range map[string]string{
		"journal_mode":       "wal",
		"foreign_keys":       "1",
		"synchronous":        "1", // NORMAL
		"busy_timeout":       "10000",
		"cache_size":         "-196608", // 192 MiB
		"wal_autocheckpoint": "16384",
	} {
		if got := pragma(t, db, name); got != want {
			t.Errorf("PRAGMA %s = %s, want %s", name, got, want)
		}
	}
	var readOnly int
	if err := db.read.QueryRow("PRAGMA query_only").Scan(&readOnly); err != nil || readOnly != 1 {
		t.Errorf("read pool: query_only = %d, %v; want 1", readOnly, err)
	}
	for name, want := range map[string]int{"automerge": 16, "crisismerge": 64} {
		var got int
		if err := db.write.QueryRow("SELECT v FROM articles_fts_config WHERE k = ?", name).Scan(&got); err != nil || got != want {
			t.Errorf("full-text %s = %d, %v; want %d", name, got, err, want)
		}
	}
}

func TestMigrationsAppliedOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storyline.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pragma(t, db, "user_version"), len(ms); got != strconv.Itoa(want) {
		t.Errorf("user_version = %s, want %d", got, want)
	}
	if _, err := db.Commit(ctx, storetest.Batch("s-1", storetest.Articles(5))); err != nil {
		t.Fatal(err)
	}
	schema := func(db *DB) string {
		var s string
		if err := db.write.QueryRow(`SELECT group_concat(sql, ';') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%'`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	before := schema(db)
	db.Close()

	// Reopening migrates nothing and keeps the data.
	db = openTest(t, path)
	if after := schema(db); after != before {
		t.Errorf("reopening changed the schema:\n%s\nto\n%s", before, after)
	}
	if n, s, err := db.Counts(ctx); n != 5 || s != 1 || err != nil {
		t.Errorf("Counts after reopening = %d, %d, %v; want 5, 1", n, s, err)
	}
	if !strings.Contains(before, "articles_fts") {
		t.Errorf("schema has no full-text index: %s", before)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storyline.db")
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := migrations()
	if _, err := db.write.Exec("PRAGMA user_version = " + strconv.Itoa(len(ms)+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path)
	if err == nil {
		db.Close()
		t.Fatal("Open of a database from a newer version succeeded")
	}
	if !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open error = %q, want it to say the schema is newer", err)
	}
}

func TestMigrationNames(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || ms[0].Name != "0001_init.sql" {
		t.Errorf("migrations = %v, want 0001_init.sql first", ms)
	}
}

func TestDefaultPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	got, err := DefaultPath()
	if want := filepath.Join(dir, "storyline", "storyline.db"); got != want || err != nil {
		t.Errorf("DefaultPath() = %q, %v; want %q", got, err, want)
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, xdg := range []string{"", "relative/path"} {
		t.Setenv("XDG_DATA_HOME", xdg)
		got, err := DefaultPath()
		if want := filepath.Join(home, ".local", "share", "storyline", "storyline.db"); got != want || err != nil {
			t.Errorf("XDG_DATA_HOME=%q: DefaultPath() = %q, %v; want %q", xdg, got, err, want)
		}
	}
}

func TestOpenOddPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news #1?mode=ro%20x", "store.db")
	db := openTest(t, path)
	if _, err := db.Commit(context.Background(), storetest.Batch("s", storetest.Articles(2))); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the database is not at %q: %v", path, err)
	}
}

// TestMigrateAssignmentsBySeq opens a store written by the schema before
// migration 4, whose assignments were keyed by article ID, and checks that
// every assignment, merge mark included, is still there after it.
func TestMigrateAssignmentsBySeq(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storyline.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", fileDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:3] {
		if _, err := raw.Exec(m.SQL); err != nil {
			t.Fatalf("%s: %v", m.Name, err)
		}
	}
	for _, q := range []string{
		`PRAGMA user_version = 3`,
		`INSERT INTO articles (id, source_ref, url, title, outlet, author, published, published_inferred, language, text) VALUES
			('a-3', 'r3', '', 'Third', '', '', NULL, 0, 'en', 'three'),
			('a-1', 'r1', '', 'First', '', '', NULL, 0, 'en', 'one'),
			('a-2', 'r2', '', 'Second', '', '', NULL, 0, 'en', 'two')`,
		`INSERT INTO stories (id, headline, first_published, last_published, articles) VALUES ('s-1', 'One', NULL, NULL, 2), ('s-2', 'Two', NULL, NULL, 1)`,
		`INSERT INTO assignments (article_id, story_id, score, evidence, merged_from) VALUES
			('a-1', 's-1', 0.5, '["x"]', 's-9'), ('a-3', 's-1', 0, '[]', NULL), ('a-2', 's-2', 0.25, '["y","z"]', NULL)`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	db := openTest(t, path)
	ctx := context.Background()
	got, err := db.Assignments(ctx, "s-1")
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Assignment{
		{ArticleID: "a-3", StoryID: "s-1", Score: 0, Evidence: []string{}}, // stored first
		{ArticleID: "a-1", StoryID: "s-1", Score: 0.5, Evidence: []string{"x"}, MergedFrom: "s-9"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Assignments(s-1) after migration (-want +got):\n%s", diff)
	}
	for id, story := range map[string]string{"a-1": "s-1", "a-2": "s-2", "a-3": "s-1"} {
		if got, err := db.StoryOf(ctx, id); got != story || err != nil {
			t.Errorf("StoryOf(%s) = %q, %v; want %q", id, got, err, story)
		}
	}
	// New assignments go on, and an article keeps its first story.
	if _, err := db.Commit(ctx, store.Batch{Assignments: []store.Assignment{{ArticleID: "a-2", StoryID: "s-1"}}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.StoryOf(ctx, "a-2"); got != "s-2" {
		t.Errorf("a-2 moved to %q by a second assignment", got)
	}
}

// Integrity finds entity totals that their story rows do not add up to.
func TestIntegrityFindsEntityTotals(t *testing.T) {
	ctx := context.Background()
	db := openTest(t, Memory)
	b := storetest.Batch("s-a", storetest.Articles(1))
	if _, err := db.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	err := db.PutDerived(ctx, []store.Derived{{StoryID: "s-a", Version: "v", Articles: 1, Data: []byte("x"),
		Entities: []store.StoryEntity{{ID: "e-1", Local: "e-l", Type: "person", Name: "Ada", Mentions: 2}}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Integrity(ctx); err != nil {
		t.Fatalf("sound store: %v", err)
	}
	if _, err := db.write.ExecContext(ctx, `UPDATE entities SET mentions = 5`); err != nil {
		t.Fatal(err)
	}
	if err := db.Integrity(ctx); err == nil || !strings.Contains(err.Error(), "e-1") {
		t.Errorf("Integrity with wrong totals: %v, want e-1 named", err)
	}
}
