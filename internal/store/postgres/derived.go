package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/storyline-news/storyline/internal/store"
)

// putDerived inserts a story's derived row if the story is stored, and
// replaces the stored row unless that is of the same version and made from
// more articles.
const putDerived = `
INSERT INTO derived (story_id, version, articles, data)
SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM stories WHERE id = $1)
ON CONFLICT (story_id) DO UPDATE SET
	version = excluded.version,
	articles = excluded.articles,
	data = excluded.data
WHERE derived.version <> excluded.version OR derived.articles <= excluded.articles`

// PutDerived stores derived rows in one transaction (see store.Store),
// each with its archive entities and quotes.
func (db *DB) PutDerived(ctx context.Context, ds []store.Derived) error {
	if len(ds) == 0 {
		return nil
	}
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		// One writer of derived data at a time: the triggers of
		// story_entities update the totals of shared entities, which two
		// transactions would otherwise lock in opposite orders.
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", deriveKey); err != nil {
			return err
		}
		var b pgx.Batch
		for _, d := range ds {
			b.Queue(putDerived, d.StoryID, d.Version, d.Articles, d.Data)
		}
		res := tx.SendBatch(ctx, &b)
		stored := make([]bool, len(ds))
		for i := range ds {
			tag, err := res.Exec()
			if err != nil {
				res.Close()
				return fmt.Errorf("story %s: %w", ds[i].StoryID, err)
			}
			stored[i] = tag.RowsAffected() > 0
		}
		if err := res.Close(); err != nil {
			return err
		}
		var eb pgx.Batch
		for i, d := range ds {
			if stored[i] {
				queueEntities(&eb, d)
			}
		}
		if eb.Len() == 0 {
			return nil
		}
		return tx.SendBatch(ctx, &eb).Close()
	})
	if err != nil {
		return fmt.Errorf("postgres: put derived: %w", err)
	}
	return nil
}

// Derived returns the derived row of one story, or an error wrapping
// store.ErrNotFound.
func (db *DB) Derived(ctx context.Context, storyID string) (store.Derived, error) {
	d := store.Derived{StoryID: storyID}
	err := db.pool.QueryRow(ctx, `SELECT version, articles, data FROM derived WHERE story_id = $1`, storyID).
		Scan(&d.Version, &d.Articles, &d.Data)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Derived{}, fmt.Errorf("postgres: derived %s: %w", storyID, store.ErrNotFound)
	}
	if err != nil {
		return store.Derived{}, fmt.Errorf("postgres: derived %s: %w", storyID, err)
	}
	return d, nil
}

// Stale lists stories whose derived row is missing or out of date (see
// store.Store).
func (db *DB) Stale(ctx context.Context, version, after string, limit int) ([]string, error) {
	rows, err := db.pool.Query(ctx, `
		SELECT s.id FROM stories s LEFT JOIN derived d ON d.story_id = s.id
		WHERE s.id > $1 AND (d.story_id IS NULL OR d.version <> $2 OR d.articles <> s.articles)
		ORDER BY s.id LIMIT $3`, after, version, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: stale: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: stale: %w", err)
	}
	return out, nil
}

// DerivedCounts counts the stories whose derived row is current and those
// whose row is not.
func (db *DB) DerivedCounts(ctx context.Context, version string) (current, stale int, err error) {
	err = db.pool.QueryRow(ctx, `
		SELECT count(d.story_id), count(*) - count(d.story_id)
		FROM stories s LEFT JOIN derived d
			ON d.story_id = s.id AND d.version = $1 AND d.articles = s.articles`, version).Scan(&current, &stale)
	if err != nil {
		return 0, 0, fmt.Errorf("postgres: derived counts: %w", err)
	}
	return current, stale, nil
}

// Annotation returns an article's stored annotation and its story's
// derived row (see store.Store).
func (db *DB) Annotation(ctx context.Context, articleID string) (store.Annotation, store.Derived, error) {
	a := store.Annotation{ArticleID: articleID}
	var d store.Derived
	err := db.pool.QueryRow(ctx, `
		SELECT a.data, d.story_id, d.version, d.articles FROM annotations a JOIN derived d ON d.story_id = a.story_id
		WHERE a.article_id = $1`, articleID).Scan(&a.Data, &d.StoryID, &d.Version, &d.Articles)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Annotation{}, store.Derived{}, fmt.Errorf("postgres: annotation %s: %w", articleID, store.ErrNotFound)
	}
	if err != nil {
		return store.Annotation{}, store.Derived{}, fmt.Errorf("postgres: annotation %s: %w", articleID, err)
	}
	return a, d, nil
}
