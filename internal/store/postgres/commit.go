package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

// Commit stores b in one transaction and reports how many of its articles
// were new. Articles already stored are left as they are and not counted; an
// article keeps the first story it is assigned to, so assignments of
// articles that have one are ignored. Stories are inserted or replaced by ID.
// An assignment must name an article and a story that are stored or in b. On
// any error nothing of b is stored.
func (db *DB) Commit(ctx context.Context, b store.Batch) (added int, err error) {
	if err := validate(b); err != nil {
		return 0, fmt.Errorf("postgres: commit: %w", err)
	}
	err = pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		// One committer at a time, so that seq order is commit order.
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", commitKey); err != nil {
			return err
		}
		var err error
		if added, err = insertArticles(ctx, tx, b.Articles); err != nil {
			return err
		}
		if err := upsertStories(ctx, tx, b.Stories); err != nil {
			return err
		}
		if err := insertAssignments(ctx, tx, b.Assignments); err != nil {
			return err
		}
		return applyMerges(ctx, tx, b.Merges)
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: commit: %w", err)
	}
	return added, nil
}

// validate rejects what the schema cannot hold faithfully: PostgreSQL text
// holds neither NUL bytes nor invalid UTF-8, and the contract keeps years
// within 0–9999 on every backend.
func validate(b store.Batch) error {
	for _, a := range b.Articles {
		if a.ID == "" {
			return errors.New("article without ID")
		}
		if err := checkTime(a.Published); err != nil {
			return fmt.Errorf("article %s: published: %w", a.ID, err)
		}
		for _, s := range []string{a.ID, a.SourceRef, a.URL, a.Title, a.Outlet, a.Author, a.Language, a.Text} {
			if !storable(s) {
				return fmt.Errorf("article %s: text with a NUL byte or invalid UTF-8", a.ID)
			}
		}
	}
	if err := store.CheckMerges(b.Merges); err != nil {
		return err
	}
	for _, m := range b.Merges {
		if !storable(m.From) || !storable(m.Into) || !storable(m.ArticleID) {
			return fmt.Errorf("merge of %q into %q: ID with a NUL byte or invalid UTF-8", m.From, m.Into)
		}
	}
	for _, s := range b.Stories {
		if s.ID == "" {
			return errors.New("story without ID")
		}
		if err := errors.Join(checkTime(s.FirstPublished), checkTime(s.LastPublished)); err != nil {
			return fmt.Errorf("story %s: %w", s.ID, err)
		}
		if !storable(s.ID) || !storable(s.Headline) {
			return fmt.Errorf("story %s: headline with a NUL byte or invalid UTF-8", s.ID)
		}
	}
	return nil
}

// checkTime rejects years outside 0–9999, as the SQLite backend does.
func checkTime(t time.Time) error {
	if y := t.UTC().Year(); !t.IsZero() && (y < 0 || y > 9999) {
		return fmt.Errorf("year %d out of range 0-9999", y)
	}
	return nil
}

// timeValue returns t as stored: NULL for the zero time, else t truncated
// to the microsecond (store.Store's precision).
func timeValue(t time.Time) pgtype.Timestamptz {
	if t.IsZero() {
		return pgtype.Timestamptz{}
	}
	return pgtype.Timestamptz{Time: t.Truncate(time.Microsecond), Valid: true}
}

// timeOf is the inverse of timeValue, in UTC.
func timeOf(t pgtype.Timestamptz) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// insertArticle inserts a batch given as one array per column, in batch
// order, so that seq follows it. A repeated ID is skipped.
const insertArticle = `
INSERT INTO articles (id, source_ref, url, title, outlet, author,
	published, published_inferred, language, text)
SELECT id, source_ref, url, title, outlet, author, published, published_inferred, language, text
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
	$7::timestamptz[], $8::boolean[], $9::text[], $10::text[]) WITH ORDINALITY
	AS b (id, source_ref, url, title, outlet, author, published, published_inferred, language, text, ord)
ORDER BY ord
ON CONFLICT (id) DO NOTHING`

// insertArticles inserts the articles not yet stored and counts them.
func insertArticles(ctx context.Context, tx pgx.Tx, as []article.Article) (int, error) {
	if len(as) == 0 {
		return 0, nil
	}
	n := len(as)
	id, ref, url, title := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	outlet, author, lang, text := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	published, inferred := make([]pgtype.Timestamptz, n), make([]bool, n)
	for i, a := range as {
		id[i], ref[i], url[i], title[i] = a.ID, a.SourceRef, a.URL, a.Title
		outlet[i], author[i], lang[i], text[i] = a.Outlet, a.Author, a.Language, a.Text
		published[i], inferred[i] = timeValue(a.Published), a.PublishedInferred
	}
	tag, err := tx.Exec(ctx, insertArticle, id, ref, url, title, outlet, author, published, inferred, lang, text)
	if err != nil {
		return 0, fmt.Errorf("articles: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

const upsertStory = `
INSERT INTO stories (id, headline, first_published, last_published, articles, updated)
SELECT *, now() FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::integer[])
ON CONFLICT (id) DO UPDATE SET
	updated = CASE WHEN (stories.headline, stories.first_published, stories.last_published, stories.articles)
		IS NOT DISTINCT FROM (excluded.headline, excluded.first_published, excluded.last_published, excluded.articles)
		THEN stories.updated ELSE excluded.updated END,
	headline = excluded.headline,
	first_published = excluded.first_published,
	last_published = excluded.last_published,
	articles = excluded.articles`

// upsertStories inserts or replaces the stories by ID; of a story given
// twice, the last one counts.
func upsertStories(ctx context.Context, tx pgx.Tx, ss []store.Story) error {
	last := make(map[string]int, len(ss))
	for i, s := range ss {
		last[s.ID] = i
	}
	var id, headline []string
	var first, lastPub []pgtype.Timestamptz
	var count []int32
	for i, s := range ss {
		if last[s.ID] != i {
			continue
		}
		id, headline = append(id, s.ID), append(headline, s.Headline)
		first, lastPub = append(first, timeValue(s.FirstPublished)), append(lastPub, timeValue(s.LastPublished))
		count = append(count, int32(s.Articles))
	}
	if len(id) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, upsertStory, id, headline, first, lastPub, count); err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	return nil
}

// insertAssignment keeps the first assignment of an article: an article that
// is ingested again stays in its story. The foreign keys refuse an
// assignment whose article or story is neither stored nor in the batch.
const insertAssignment = `
INSERT INTO assignments (article_id, story_id, score, evidence)
SELECT article_id, story_id, score, evidence::jsonb
FROM unnest($1::text[], $2::text[], $3::double precision[], $4::text[]) WITH ORDINALITY
	AS b (article_id, story_id, score, evidence, ord)
ORDER BY ord
ON CONFLICT (article_id) DO NOTHING`

// insertAssignments stores the assignments of articles that have none.
func insertAssignments(ctx context.Context, tx pgx.Tx, as []store.Assignment) error {
	if len(as) == 0 {
		return nil
	}
	n := len(as)
	articles, stories, evidence, score := make([]string, n), make([]string, n), make([]string, n), make([]float64, n)
	for i, a := range as {
		articles[i], stories[i], score[i], evidence[i] = a.ArticleID, a.StoryID, a.Score, store.EvidenceJSON(a.Evidence)
	}
	if _, err := tx.Exec(ctx, insertAssignment, articles, stories, score, evidence); err != nil {
		return fmt.Errorf("assignments: %w", err)
	}
	return nil
}

// applyMerges moves the articles of each merged story to the story that
// absorbed it, records the merge, and retires the merged story.
func applyMerges(ctx context.Context, tx pgx.Tx, ms []store.Merge) error {
	for _, m := range ms {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM stories WHERE id = $1`, m.Into).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("merge of %s into %s: no story %s", m.From, m.Into, m.Into)
		}
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`UPDATE assignments SET merged_from = coalesce(merged_from, story_id), story_id = $2 WHERE story_id = $1`, []any{m.From, m.Into}},
			{`UPDATE merges SET holder_id = $2 WHERE holder_id = $1`, []any{m.From, m.Into}},
			{`INSERT INTO merges (story_id, into_id, holder_id, article_id) VALUES ($1, $2, $2, $3)`, []any{m.From, m.Into, m.ArticleID}},
			{`DELETE FROM stories WHERE id = $1`, []any{m.From}},
		} {
			if _, err := tx.Exec(ctx, q.sql, q.args...); err != nil {
				return fmt.Errorf("merge of %s into %s: %w", m.From, m.Into, err)
			}
		}
	}
	return nil
}
