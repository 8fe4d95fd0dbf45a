package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/storyline-news/storyline/internal/store"
)

// putDerived inserts a story's derived row if the story is stored, and
// replaces the stored row unless that is of the same version and made from
// more articles.
const putDerived = `
INSERT INTO derived (story_id, version, articles, data)
SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?1)
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
	err := func() error {
		tx, err := db.write.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		stmt, err := tx.PrepareContext(ctx, putDerived)
		if err != nil {
			return err
		}
		defer stmt.Close()
		ew, err := newEntityWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer ew.close()
		for _, d := range ds {
			res, err := stmt.ExecContext(ctx, d.StoryID, d.Version, d.Articles, d.Data)
			if err != nil {
				return fmt.Errorf("story %s: %w", d.StoryID, err)
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				continue // not stored: the story's entities stay as they are
			}
			if err := ew.put(ctx, d); err != nil {
				return fmt.Errorf("story %s: %w", d.StoryID, err)
			}
		}
		return tx.Commit()
	}()
	if err != nil {
		return fmt.Errorf("sqlite: put derived: %w", err)
	}
	return nil
}

// Derived returns the derived row of one story, or an error wrapping
// store.ErrNotFound.
func (db *DB) Derived(ctx context.Context, storyID string) (store.Derived, error) {
	d := store.Derived{StoryID: storyID}
	err := db.read.QueryRowContext(ctx, `SELECT version, articles, data FROM derived WHERE story_id = ?`, storyID).
		Scan(&d.Version, &d.Articles, &d.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Derived{}, fmt.Errorf("sqlite: derived %s: %w", storyID, store.ErrNotFound)
	}
	if err != nil {
		return store.Derived{}, fmt.Errorf("sqlite: derived %s: %w", storyID, err)
	}
	return d, nil
}

// Stale lists stories whose derived row is missing or out of date (see
// store.Store).
func (db *DB) Stale(ctx context.Context, version, after string, limit int) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, `
		SELECT s.id FROM stories s LEFT JOIN derived d ON d.story_id = s.id
		WHERE s.id > ?1 AND (d.story_id IS NULL OR d.version <> ?2 OR d.articles <> s.articles)
		ORDER BY s.id LIMIT ?3`, after, version, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stale: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("sqlite: stale: %w", err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: stale: %w", err)
	}
	return out, nil
}

// DerivedCounts counts the stories whose derived row is current and those
// whose row is not.
func (db *DB) DerivedCounts(ctx context.Context, version string) (current, stale int, err error) {
	err = db.read.QueryRowContext(ctx, `
		SELECT count(d.story_id), count(*) - count(d.story_id)
		FROM stories s LEFT JOIN derived d
			ON d.story_id = s.id AND d.version = ? AND d.articles = s.articles`, version).Scan(&current, &stale)
	if err != nil {
		return 0, 0, fmt.Errorf("sqlite: derived counts: %w", err)
	}
	return current, stale, nil
}

// Annotation returns an article's stored annotation and its story's
// derived row (see store.Store).
func (db *DB) Annotation(ctx context.Context, articleID string) (store.Annotation, store.Derived, error) {
	a := store.Annotation{ArticleID: articleID}
	var d store.Derived
	err := db.read.QueryRowContext(ctx, `
		SELECT a.data, d.story_id, d.version, d.articles FROM annotations a JOIN derived d ON d.story_id = a.story_id
		WHERE a.article_id = ?`, articleID).Scan(&a.Data, &d.StoryID, &d.Version, &d.Articles)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Annotation{}, store.Derived{}, fmt.Errorf("sqlite: annotation %s: %w", articleID, store.ErrNotFound)
	}
	if err != nil {
		return store.Annotation{}, store.Derived{}, fmt.Errorf("sqlite: annotation %s: %w", articleID, err)
	}
	return a, d, nil
}
