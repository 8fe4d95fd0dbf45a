package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

// Reads never hold a result set open while running another query: in memory
// the pool has one connection, and a second query would wait for it forever.

// articleColumns are the columns scanArticle reads, in its order.
const articleColumns = `a.id, a.source_ref, a.url, a.title, a.outlet, a.author,
	a.published, a.published_inferred, a.language, a.text`

// scanArticle reads articleColumns, then extra, from one row.
func scanArticle(row interface{ Scan(...any) error }, extra ...any) (article.Article, error) {
	var a article.Article
	var published sql.NullString
	dest := append([]any{&a.ID, &a.SourceRef, &a.URL, &a.Title, &a.Outlet, &a.Author,
		&published, &a.PublishedInferred, &a.Language, &a.Text}, extra...)
	if err := row.Scan(dest...); err != nil {
		return article.Article{}, err
	}
	t, err := parseTime(published)
	if err != nil {
		return article.Article{}, fmt.Errorf("article %s: published: %w", a.ID, err)
	}
	a.Published = t
	return a, nil
}

// Known returns the subset of ids that are stored.
func (db *DB) Known(ctx context.Context, ids []string) (map[string]bool, error) {
	known := make(map[string]bool)
	if len(ids) == 0 {
		return known, nil
	}
	// One JSON parameter instead of len(ids) placeholders: no limit on the
	// number of ids, and one statement to prepare.
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("sqlite: known: %w", err)
	}
	rows, err := db.read.QueryContext(ctx,
		`SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("sqlite: known: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("sqlite: known: %w", err)
		}
		known[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: known: %w", err)
	}
	return known, nil
}

// Article returns the article with the given ID, or an error wrapping
// store.ErrNotFound.
func (db *DB) Article(ctx context.Context, id string) (article.Article, error) {
	row := db.read.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return article.Article{}, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	return a, nil
}

// StoryArticles returns the articles assigned to the story, in the order they
// were stored, or an error wrapping store.ErrNotFound when there is no such
// story.
func (db *DB) StoryArticles(ctx context.Context, storyID string) ([]article.Article, error) {
	as, err := db.storyArticles(ctx, storyID)
	if err == nil && len(as) == 0 {
		// No articles: tell an empty story from a missing one.
		_, err = db.story(ctx, storyID)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: story %s articles: %w", storyID, err)
	}
	return as, nil
}

func (db *DB) storyArticles(ctx context.Context, storyID string) ([]article.Article, error) {
	rows, err := db.read.QueryContext(ctx, `
		SELECT `+articleColumns+`
		FROM assignments s JOIN articles a ON a.seq = s.article_seq
		WHERE s.story_id = ?
		ORDER BY s.article_seq`, storyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var as []article.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		as = append(as, a)
	}
	return as, rows.Err()
}

// scanPage is how many articles Scan reads per query.
const scanPage = 256

// Scan calls fn for every article stored after the one with sequence number
// after (0: every article) with its sequence number and its story ("" when
// it has none), in the order the articles were stored, and stops at fn's
// first error, which it returns unwrapped. It reads the articles a page at
// a time and holds no connection while fn runs, so fn may use db, even to
// Commit; articles committed during the scan are visited too. Sequence
// numbers are the AUTOINCREMENT seq, which the single writer hands out in
// commit order.
func (db *DB) Scan(ctx context.Context, after int64, fn func(seq int64, a article.Article, storyID string) error) error {
	return store.ScanPages(ctx, after, scanPage, db.scanPage, fn)
}

// scanPage returns up to scanPage articles stored after the one with
// sequence number after, for store.ScanPages.
func (db *DB) scanPage(ctx context.Context, after int64) ([]store.Scanned, error) {
	rows, err := db.read.QueryContext(ctx, `
		SELECT `+articleColumns+`, coalesce(s.story_id, ''), a.seq
		FROM articles a LEFT JOIN assignments s ON s.article_seq = a.seq
		WHERE a.seq > ?
		ORDER BY a.seq
		LIMIT ?`, after, scanPage)
	if err != nil {
		return nil, fmt.Errorf("sqlite: scan: %w", err)
	}
	defer rows.Close()
	var page []store.Scanned
	for rows.Next() {
		var e store.Scanned
		if e.Article, err = scanArticle(rows, &e.StoryID, &e.Seq); err != nil {
			return nil, fmt.Errorf("sqlite: scan: %w", err)
		}
		page = append(page, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: scan: %w", err)
	}
	return page, nil
}

// Counts returns the number of stored articles and stories.
func (db *DB) Counts(ctx context.Context) (articles, stories int, err error) {
	err = db.read.QueryRowContext(ctx,
		`SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)`).Scan(&articles, &stories)
	if err != nil {
		return 0, 0, fmt.Errorf("sqlite: counts: %w", err)
	}
	return articles, stories, nil
}

// Assignments returns the assignments of a story's articles in the order
// the articles were stored.
func (db *DB) Assignments(ctx context.Context, storyID string) ([]store.Assignment, error) {
	rows, err := db.read.QueryContext(ctx, `
		SELECT a.id, s.story_id, s.score, s.evidence, coalesce(s.merged_from, '')
		FROM assignments s JOIN articles a ON a.seq = s.article_seq
		WHERE s.story_id = ?
		ORDER BY s.article_seq`, storyID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: story %s assignments: %w", storyID, err)
	}
	defer rows.Close()
	var out []store.Assignment
	for rows.Next() {
		var as store.Assignment
		var evidence string
		if err := rows.Scan(&as.ArticleID, &as.StoryID, &as.Score, &evidence, &as.MergedFrom); err != nil {
			return nil, fmt.Errorf("sqlite: story %s assignments: %w", storyID, err)
		}
		if err := json.Unmarshal([]byte(evidence), &as.Evidence); err != nil {
			return nil, fmt.Errorf("sqlite: story %s assignments: evidence: %w", storyID, err)
		}
		out = append(out, as)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: story %s assignments: %w", storyID, err)
	}
	return out, nil
}

// StoryOf returns the story that holds an article ("" for none), or an
// error wrapping store.ErrNotFound when the article is not stored.
func (db *DB) StoryOf(ctx context.Context, articleID string) (string, error) {
	var storyID sql.NullString
	err := db.read.QueryRowContext(ctx, `
		SELECT s.story_id FROM articles a LEFT JOIN assignments s ON s.article_seq = a.seq
		WHERE a.id = ?`, articleID).Scan(&storyID)
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("sqlite: story of article %s: %w", articleID, err)
	}
	return storyID.String, nil
}
