package postgres

import (
	"context"
	"embed"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

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
			return store.NewerSchema(v, len(ms))
		}
		for _, m := range ms[v:] {
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
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
