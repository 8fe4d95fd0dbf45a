package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"

	"github.com/storyline-news/storyline/internal/store"
)

// migrationFiles holds the schema, one file per version: NNNN_name.sql,
// numbered from 0001 without gaps (see store.Migrations).
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations returns the embedded migrations in version order.
func migrations() ([]store.Migration, error) {
	return store.Migrations(migrationFiles, "migrations")
}

// migrate applies the migrations that db lacks, each in its own transaction
// that also records the new version in PRAGMA user_version, so a failed
// migration leaves the previous version in place. Several processes opening
// one file at once are safe: transactions begin IMMEDIATE (one writer at a
// time), and each re-reads the version inside its transaction.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	for {
		done, err := migrateOne(ctx, db, ms)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next missing migration and reports whether the
// schema was already up to date.
func migrateOne(ctx context.Context, db *sql.DB, ms []store.Migration) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, err
	}
	switch {
	case v > len(ms):
		return false, store.NewerSchema(v, len(ms))
	case v == len(ms):
		return true, nil
	}
	m := ms[v]
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.Name, err)
	}
	// PRAGMA takes no parameters; m.Version is an int.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.Version)); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.Name, err)
	}
	return false, tx.Commit()
}
