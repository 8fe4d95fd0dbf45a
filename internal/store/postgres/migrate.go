package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// migrationFiles holds the schema, one file per version: NNNN_name.sql,
// numbered from 0001 without gaps. A released file never changes; a schema
// change is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// A migration is one embedded schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order, checking that
// they are numbered 1, 2, 3, ….
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for i, name := range names { // fs.Glob returns names sorted
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 || v != i+1 {
			return nil, fmt.Errorf("migration %s: want a name starting %04d_", base, i+1)
		}
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	return ms, nil
}

// migrate applies the migrations that the database lacks in one
// transaction, which records the new version in storyline_schema. The
// transaction first takes an advisory lock, so processes opening the
// database at once apply them one after the other: the second finds the
// schema up to date. A failed migration leaves the previous version.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrateKey); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS storyline_schema (
			version integer NOT NULL, CHECK (version > 0))`)
		if err != nil {
			return err
		}
		var v int
		err = tx.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM storyline_schema").Scan(&v)
		switch {
		case err != nil:
			return err
		case v > len(ms):
			return fmt.Errorf("schema version %d is newer than this program's %d: upgrade storyline", v, len(ms))
		}
		for _, m := range ms[v:] {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
		}
		if v == len(ms) {
			return nil
		}
		if _, err := tx.Exec(ctx, "DELETE FROM storyline_schema"); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "INSERT INTO storyline_schema VALUES ($1)", len(ms))
		return err
	})
}
