// Package sqlite stores articles, their stories and a full-text index in one
// SQLite file: the embedded default backend of the store.Store contract.
//
// It uses modernc.org/sqlite, a pure-Go SQLite, so storyline builds without
// cgo. The file is in WAL mode: readers never block the writer, and a process
// killed in the middle of a batch leaves the file as it was before the batch.
// The schema lives in migrations/, is embedded in the binary and is brought up
// to date by Open.
//
// Writes go through a pool of one connection, so the goroutines of one
// process queue for it in Go; other processes wait up to the busy timeout.
// Reads use their own pool of read-only connections.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"modernc.org/sqlite" // also registers the "sqlite" database/sql driver
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/storyline-news/storyline/internal/store"
)

var _ store.Store = (*DB)(nil)

// Memory is the path that Open takes for a store held in memory, which
// disappears when it is closed.
const Memory = ":memory:"

// busyTimeoutMS is how long a connection waits for another process's lock.
const busyTimeoutMS = 10000

// DB is a store in one SQLite file. It is safe for concurrent use.
type DB struct {
	write *sql.DB // one connection; every transaction begins IMMEDIATE
	read  *sql.DB // read-only connections; the same as write in memory
	// lockPath is the file whose lock one writing process at a time holds
	// (see LockWrites); "" in memory.
	lockPath string

	// afterInsert, when set, is called inside Commit's transaction after
	// the i-th article of the batch is written. Tests use it to interrupt
	// a batch midway.
	afterInsert func(i int)
}

// DefaultPath returns where the store lives unless told otherwise:
// $XDG_DATA_HOME/storyline/storyline.db, or
// ~/.local/share/storyline/storyline.db when XDG_DATA_HOME is unset.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if !filepath.IsAbs(dir) { // the XDG spec says to ignore relative paths
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("sqlite: default path: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "storyline", "storyline.db"), nil
}

// Open opens the store at path, creating the file and its parent directory
// when they do not exist, and applies the schema migrations it lacks. The
// path Memory (":memory:") opens an empty store held in memory. Open fails
// on a file whose schema is newer than this program knows.
func Open(ctx context.Context, path string) (*DB, error) {
	db, err := open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}

func open(ctx context.Context, path string) (*DB, error) {
	if path == Memory {
		return openMemory(ctx)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, err
	}
	// In WAL mode synchronous=NORMAL loses no committed transaction on a
	// process crash (only, at worst, the last ones on a power loss), and
	// journal_size_limit truncates the WAL after checkpoints. A 192 MiB page
	// cache and a checkpoint every 16,384 pages (64 MiB of WAL) rather than
	// every 1,000 keep a growing store's index pages in memory (the indexes
	// on article and story IDs take random keys, about 100 MiB at a million
	// articles) and write each page to the database file once per
	// checkpoint instead of once per batch: a quarter less time per article
	// at 100k articles. The cache takes memory only as pages are read.
	write, err := sql.Open("sqlite", fileDSN(abs, "_txlock=immediate", "_pragma=journal_mode(WAL)",
		"_pragma=synchronous(NORMAL)", "_pragma=journal_size_limit(67108864)", "_pragma=cache_size(-196608)", "_pragma=wal_autocheckpoint(16384)"))
	if err != nil {
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	if err := prepareFileRetry(ctx, write); err != nil {
		write.Close()
		return nil, err
	}
	read, err := sql.Open("sqlite", fileDSN(abs, "_pragma=query_only(1)"))
	if err != nil {
		write.Close()
		return nil, err
	}
	read.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	return &DB{write: write, read: read, lockPath: abs + ".lock"}, nil
}

// prepareRetries is how long open tries again to prepare a file that
// another process holds locked.
const prepareRetries = busyTimeoutMS * time.Millisecond

// prepareFileRetry is prepareFile, tried again while it fails with
// SQLITE_BUSY: processes that open a new file at once race to switch it
// to WAL, which takes no busy timeout, and all but one fail at first.
func prepareFileRetry(ctx context.Context, write *sql.DB) error {
	deadline := time.Now().Add(prepareRetries)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		err := prepareFile(ctx, write)
		var se *sqlite.Error
		if err == nil || !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_BUSY || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}

// prepareFile checks that the writer is in WAL mode and migrates the schema.
func prepareFile(ctx context.Context, write *sql.DB) error {
	var mode string
	if err := write.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return err
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("journal mode is %q, not WAL (is the file on a network file system?)", mode)
	}
	return migrate(ctx, write)
}

// openMemory opens an in-memory database on a single connection: each
// connection to ":memory:" is a database of its own, so the pool must never
// open a second one or close the first.
func openMemory(ctx context.Context) (*DB, error) {
	db, err := sql.Open("sqlite", "file::memory:?"+strings.Join(commonParams(), "&"))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return &DB{write: db, read: db}, nil
}

// commonParams are the connection settings of every connection.
func commonParams() []string {
	return []string{
		fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeoutMS),
		"_pragma=foreign_keys(1)",
		"_pragma=temp_store(MEMORY)",
	}
}

// fileDSN returns the data source name of the database file at the absolute
// path abs, as an SQLite URI so that any character may appear in the path.
func fileDSN(abs string, params ...string) string {
	u := url.URL{Path: filepath.ToSlash(abs)}
	return "file:" + u.EscapedPath() + "?" + strings.Join(append(commonParams(), params...), "&")
}

// Close runs SQLite's statistics upkeep and closes the database.
func (db *DB) Close() error {
	var errs []error
	if db.read != db.write {
		errs = append(errs, db.read.Close())
	}
	// PRAGMA optimize is advisory: its failure must not hide a close error.
	db.write.Exec("PRAGMA optimize")
	errs = append(errs, db.write.Close())
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sqlite: close: %w", err)
	}
	return nil
}

// Integrity runs SQLite's integrity check over the database file and
// FTS5's over the full-text index, checks the archive entities' totals,
// and returns what they found wrong, or nil.
func (db *DB) Integrity(ctx context.Context) error {
	rows, err := db.read.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("sqlite: integrity check: %w", err)
		}
		if line != "ok" {
			found = append(found, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	if len(found) > 0 {
		return fmt.Errorf("sqlite: integrity check: %s", strings.Join(found, "; "))
	}
	// The full-text index's own check is a command written to the table,
	// so it runs on the writer; it changes nothing.
	if _, err := db.write.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`); err != nil {
		return fmt.Errorf("sqlite: full-text index check: %w", err)
	}
	return db.entityTotals(ctx)
}

// entityTotals checks the archive entities' totals against their story
// rows.
func (db *DB) entityTotals(ctx context.Context) error {
	rows, err := db.read.QueryContext(ctx, store.EntityTotalsQuery)
	if err != nil {
		return fmt.Errorf("sqlite: entity totals check: %w", err)
	}
	defer rows.Close()
	var bad []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("sqlite: entity totals check: %w", err)
		}
		bad = append(bad, id)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: entity totals check: %w", err)
	}
	if len(bad) > 0 {
		return fmt.Errorf("sqlite: entity totals differ from their stories' rows: %s", strings.Join(bad, ", "))
	}
	return nil
}
