// Package postgres stores articles, their stories and a full-text index in a
// PostgreSQL database: the store.Store backend for several storyline
// processes, on one host or many, sharing one archive.
//
// It uses pgx and its connection pool. The schema lives in migrations/, is
// embedded in the binary and is brought up to date by Open; an advisory
// lock keeps processes that open the database at once from migrating it
// twice. Full-text search uses PostgreSQL's own text search: a generated
// tsvector column with a GIN index, under a text search configuration that
// folds case and accents and stems words as the SQLite backend does.
//
// Commits are serialized by a transaction-level advisory lock, as SQLite's
// single writer serializes them: so articles are numbered in commit order
// and Scan from a sequence number sees everything committed after it. Lock
// takes a session-level lock that ingest engines hold across clustering and
// commit, so that processes sharing the database assign stories one batch
// at a time, each seeing the others' articles.
package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/storyline-news/storyline/internal/store"
)

var _ store.Store = (*DB)(nil)

// Advisory lock keys. PostgreSQL shares one key space among all users of a
// database, so the keys are arbitrary constants unlikely to collide.
const (
	migrateKey int64 = 0x73746f72_796c6e01 // "storyln" 1
	commitKey  int64 = 0x73746f72_796c6e02
	ingestKey  int64 = 0x73746f72_796c6e03
	deriveKey  int64 = 0x73746f72_796c6e04
)

// DB is a store in a PostgreSQL database. It is safe for concurrent use.
type DB struct {
	pool *pgxpool.Pool
}

// IsDSN reports whether s names a PostgreSQL database rather than a file:
// a postgres:// or postgresql:// URL.
func IsDSN(s string) bool {
	for _, p := range []string{"postgres://", "postgresql://"} {
		if len(s) >= len(p) && s[:len(p)] == p {
			return true
		}
	}
	return false
}

// Open connects to the database named by dsn (a postgres:// URL or a
// keyword/value string, as libpq takes) and applies the schema migrations it
// lacks. Open fails on a database whose schema is newer than this program
// knows. The role needs to create tables, and the first time also the
// unaccent extension (trusted since PostgreSQL 13, so a database owner may).
func Open(ctx context.Context, dsn string) (*DB, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	return &DB{pool: pool}, nil
}

// Close closes the connections of the pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Lock takes the store's ingest lock, which one process at a time may hold,
// waiting for it as long as ctx allows, and returns the function that
// releases it. An ingest engine holds it from reading what other processes
// stored, through clustering, to committing its batch. The lock belongs to
// a database session: if the process dies, the server releases it.
func (db *DB) Lock(ctx context.Context) (unlock func(), err error) {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("postgres: lock: %w", err)
	}
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", ingestKey); err != nil {
		conn.Release()
		return nil, fmt.Errorf("postgres: lock: %w", err)
	}
	return func() {
		ctx := context.WithoutCancel(ctx)
		if _, err := conn.Exec(ctx, "SELECT pg_advisory_unlock($1)", ingestKey); err != nil {
			// Closing the session is the other way to release the lock.
			conn.Hijack().Close(ctx)
			return
		}
		conn.Release()
	}, nil
}
