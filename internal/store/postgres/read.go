package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

// articleColumns are the columns scanArticle reads, in its order.
const articleColumns = `a.id, a.source_ref, a.url, a.title, a.outlet, a.author,
	a.published, a.published_inferred, a.language, a.text`

// scanArticle reads articleColumns, then extra, from one row.
func scanArticle(row pgx.Row, extra ...any) (article.Article, error) {
	var a article.Article
	var published pgtype.Timestamptz
	dest := append([]any{&a.ID, &a.SourceRef, &a.URL, &a.Title, &a.Outlet, &a.Author,
		&published, &a.PublishedInferred, &a.Language, &a.Text}, extra...)
	if err := row.Scan(dest...); err != nil {
		return article.Article{}, err
	}
	a.Published = timeOf(published)
	return a, nil
}

// Known returns the subset of ids that are stored.
func (db *DB) Known(ctx context.Context, ids []string) (map[string]bool, error) {
	known := make(map[string]bool)
	if len(ids) == 0 {
		return known, nil
	}
	ids = slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return !storable(id) })
	rows, err := db.pool.Query(ctx, `SELECT id FROM articles WHERE id = ANY($1::text[])`, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: known: %w", err)
	}
	found, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: known: %w", err)
	}
	for _, id := range found {
		known[id] = true
	}
	return known, nil
}

// Article returns the article with the given ID, or an error wrapping
// store.ErrNotFound.
func (db *DB) Article(ctx context.Context, id string) (article.Article, error) {
	if !storable(id) {
		return article.Article{}, fmt.Errorf("postgres: article %q: %w", id, store.ErrNotFound)
	}
	row := db.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = $1`, id)
	a, err := scanArticle(row)
	if errors.Is(err, pgx.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return article.Article{}, fmt.Errorf("postgres: article %s: %w", id, err)
	}
	return a, nil
}

// StoryArticles returns the articles assigned to the story, in the order they
// were stored, or an error wrapping store.ErrNotFound when there is no such
// story.
func (db *DB) StoryArticles(ctx context.Context, storyID string) ([]article.Article, error) {
	if !storable(storyID) {
		return nil, fmt.Errorf("postgres: story %q articles: %w", storyID, store.ErrNotFound)
	}
	rows, err := db.pool.Query(ctx, `
		SELECT `+articleColumns+`
		FROM assignments s JOIN articles a ON a.id = s.article_id
		WHERE s.story_id = $1
		ORDER BY a.seq`, storyID)
	var as []article.Article
	if err == nil {
		as, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (article.Article, error) {
			return scanArticle(row)
		})
	}
	if err == nil && len(as) == 0 {
		// No articles: tell an empty story from a missing one.
		_, err = db.story(ctx, storyID)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: story %s articles: %w", storyID, err)
	}
	return as, nil
}

// scanPage is how many articles Scan reads per query.
const scanPage = 256

// Scan calls fn for every article stored after the one with sequence number
// after (0: every article) with its story ("" when it has none) and its
// sequence number, in the order the articles were stored, and stops at fn's
// first error, which it returns unwrapped. It reads a page at a time and
// holds no connection while fn runs, so fn may use db.
func (db *DB) Scan(ctx context.Context, after int64, fn func(seq int64, a article.Article, storyID string) error) error {
	return store.ScanPages(ctx, after, scanPage, db.scanPage, fn)
}

// scanPage returns up to scanPage articles stored after the one with
// sequence number after, for store.ScanPages.
func (db *DB) scanPage(ctx context.Context, after int64) ([]store.Scanned, error) {
	rows, err := db.pool.Query(ctx, `
		SELECT `+articleColumns+`, coalesce(s.story_id, ''), a.seq
		FROM articles a LEFT JOIN assignments s ON s.article_id = a.id
		WHERE a.seq > $1
		ORDER BY a.seq
		LIMIT $2`, after, scanPage)
	if err != nil {
		return nil, fmt.Errorf("postgres: scan: %w", err)
	}
	page, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.Scanned, error) {
		var e store.Scanned
		var err error
		e.Article, err = scanArticle(row, &e.StoryID, &e.Seq)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: scan: %w", err)
	}
	return page, nil
}

// Counts returns the number of stored articles and stories.
func (db *DB) Counts(ctx context.Context) (articles, stories int, err error) {
	err = db.pool.QueryRow(ctx,
		`SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)`).Scan(&articles, &stories)
	if err != nil {
		return 0, 0, fmt.Errorf("postgres: counts: %w", err)
	}
	return articles, stories, nil
}

const storyColumns = `id, headline, first_published, last_published, articles, updated`

// scanStory reads storyColumns from one row.
func scanStory(row pgx.Row) (store.Story, error) {
	var s store.Story
	var first, last, updated pgtype.Timestamptz
	if err := row.Scan(&s.ID, &s.Headline, &first, &last, &s.Articles, &updated); err != nil {
		return store.Story{}, err
	}
	s.FirstPublished, s.LastPublished, s.Updated = timeOf(first), timeOf(last), timeOf(updated)
	return s, nil
}

// Stories lists story summaries, most recently published first, stories
// without any dated article last, then by ID.
func (db *DB) Stories(ctx context.Context, f store.StoryFilter) ([]store.Story, error) {
	var limit *int // NULL: no limit
	if f.Limit > 0 {
		limit = &f.Limit
	}
	rows, err := db.pool.Query(ctx, `
		SELECT `+storyColumns+` FROM stories
		ORDER BY last_published DESC NULLS LAST, id
		LIMIT $1 OFFSET $2`, limit, max(f.Offset, 0))
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	ss, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.Story, error) { return scanStory(row) })
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	return ss, nil
}

// Story returns one story's summary, or an error wrapping store.ErrNotFound.
func (db *DB) Story(ctx context.Context, id string) (store.Story, error) {
	s, err := db.story(ctx, id)
	if err != nil {
		return store.Story{}, fmt.Errorf("postgres: story %s: %w", id, err)
	}
	return s, nil
}

func (db *DB) story(ctx context.Context, id string) (store.Story, error) {
	if !storable(id) {
		return store.Story{}, store.ErrNotFound
	}
	s, err := scanStory(db.pool.QueryRow(ctx, `
		SELECT `+storyColumns+` FROM stories WHERE id = $1
		UNION ALL
		SELECT `+storyColumns+` FROM stories WHERE id = (SELECT holder_id FROM merges WHERE story_id = $1)`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Story{}, store.ErrNotFound
	}
	return s, err
}

// Merges returns the merges committed after seq after, in commit order.
func (db *DB) Merges(ctx context.Context, after int64) ([]store.Merge, error) {
	rows, err := db.pool.Query(ctx, `
		SELECT seq, story_id, into_id, article_id FROM merges WHERE seq > $1 ORDER BY seq`, after)
	var out []store.Merge
	if err == nil {
		out, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.Merge, error) {
			var m store.Merge
			err := row.Scan(&m.Seq, &m.From, &m.Into, &m.ArticleID)
			return m, err
		})
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: merges: %w", err)
	}
	return out, nil
}

// storable reports whether PostgreSQL text can hold s: valid UTF-8 without
// NUL bytes. An ID that is not storable names nothing stored.
func storable(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// Assignments returns the assignments of a story's articles in the order
// the articles were stored.
func (db *DB) Assignments(ctx context.Context, storyID string) ([]store.Assignment, error) {
	if !storable(storyID) {
		return nil, nil
	}
	rows, err := db.pool.Query(ctx, `
		SELECT s.article_id, s.story_id, s.score, s.evidence, coalesce(s.merged_from, '')
		FROM assignments s JOIN articles a ON a.id = s.article_id
		WHERE s.story_id = $1
		ORDER BY a.seq`, storyID)
	var out []store.Assignment
	if err == nil {
		out, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.Assignment, error) {
			var as store.Assignment
			err := row.Scan(&as.ArticleID, &as.StoryID, &as.Score, &as.Evidence, &as.MergedFrom)
			return as, err
		})
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: story %s assignments: %w", storyID, err)
	}
	return out, nil
}

// StoryOf returns the story that holds an article ("" for none), or an
// error wrapping store.ErrNotFound when the article is not stored.
func (db *DB) StoryOf(ctx context.Context, articleID string) (string, error) {
	var storyID pgtype.Text
	err := store.ErrNotFound
	if storable(articleID) {
		err = db.pool.QueryRow(ctx, `
			SELECT s.story_id FROM articles a LEFT JOIN assignments s ON s.article_id = a.id
			WHERE a.id = $1`, articleID).Scan(&storyID)
		if errors.Is(err, pgx.ErrNoRows) {
			err = store.ErrNotFound
		}
	}
	if err != nil {
		return "", fmt.Errorf("postgres: story of article %s: %w", articleID, err)
	}
	return storyID.String, nil
}
