package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

// timeLayout is RFC 3339 with a fixed nine-digit fraction. Written in UTC it
// always ends in "Z", so the text order of stored times is their time order,
// which time.RFC3339Nano (it trims trailing zeros) would not give.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// Commit stores b in one transaction and reports how many of its articles
// were new. Articles already stored are left as they are and not counted; an
// article keeps the first story it is assigned to, so assignments of
// articles that have one are ignored. Stories are inserted or replaced by ID.
// An assignment must name an article and a story that are stored or in b. On
// any error nothing of b is stored.
func (db *DB) Commit(ctx context.Context, b store.Batch) (added int, err error) {
	if err := validate(b); err != nil {
		return 0, fmt.Errorf("sqlite: commit: %w", err)
	}
	added, err = db.commit(ctx, b)
	if err != nil {
		return 0, fmt.Errorf("sqlite: commit: %w", err)
	}
	return added, nil
}

func (db *DB) commit(ctx context.Context, b store.Batch) (int, error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback() // a no-op after Commit
	// last is the seq of the last article stored before b.
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM articles`).Scan(&last); err != nil {
		return 0, err
	}
	seqs, err := db.insertArticles(ctx, tx, b.Articles)
	if err != nil {
		return 0, err
	}
	added := len(seqs)
	if added > 0 {
		if _, err := tx.ExecContext(ctx, indexArticles, last); err != nil {
			return 0, fmt.Errorf("full-text index: %w", err)
		}
	}
	if err := upsertStories(ctx, tx, b.Stories); err != nil {
		return 0, err
	}
	if err := insertAssignments(ctx, tx, b.Assignments, seqs); err != nil {
		return 0, err
	}
	if err := applyMerges(ctx, tx, b.Merges); err != nil {
		return 0, err
	}
	return added, tx.Commit()
}

// validate rejects what the schema cannot hold faithfully.
func validate(b store.Batch) error {
	for _, a := range b.Articles {
		if a.ID == "" {
			return errors.New("article without ID")
		}
		if err := checkTime(a.Published); err != nil {
			return fmt.Errorf("article %s: published: %w", a.ID, err)
		}
	}
	if err := store.CheckMerges(b.Merges); err != nil {
		return err
	}
	for _, s := range b.Stories {
		if s.ID == "" {
			return errors.New("story without ID")
		}
		if err := errors.Join(checkTime(s.FirstPublished), checkTime(s.LastPublished)); err != nil {
			return fmt.Errorf("story %s: %w", s.ID, err)
		}
	}
	return nil
}

// checkTime rejects times whose RFC 3339 form would not have four year
// digits, so that every stored time parses back and sorts as text.
func checkTime(t time.Time) error {
	if y := t.UTC().Year(); !t.IsZero() && (y < 0 || y > 9999) {
		return fmt.Errorf("year %d out of range 0-9999", y)
	}
	return nil
}

const insertArticle = `
INSERT INTO articles (id, source_ref, url, title, outlet, author,
	published, published_inferred, language, text)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO NOTHING`

// insertArticles inserts the articles not yet stored and returns the seq
// each new one got, by ID.
func (db *DB) insertArticles(ctx context.Context, tx *sql.Tx, as []article.Article) (map[string]int64, error) {
	seqs := make(map[string]int64, len(as))
	if len(as) == 0 {
		return seqs, nil
	}
	stmt, err := tx.PrepareContext(ctx, insertArticle)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	for i, a := range as {
		res, err := stmt.ExecContext(ctx, a.ID, a.SourceRef, a.URL, a.Title, a.Outlet, a.Author,
			timeValue(a.Published), a.PublishedInferred, a.Language, a.Text)
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, err
		}
		if n == 1 {
			if seqs[a.ID], err = res.LastInsertId(); err != nil {
				return nil, err
			}
		}
		if db.afterInsert != nil {
			db.afterInsert(i)
		}
	}
	return seqs, nil
}

// indexArticles adds the articles after a given seq to the full-text index.
// Commit indexes a batch in this one statement rather than by a trigger on
// each insert: FTS5 writes its pending terms out at the end of every
// statement that touches it, and one statement per article made Commit take
// nearly twice the time.
const indexArticles = `
INSERT INTO articles_fts (rowid, title, text)
SELECT seq, title, text FROM articles WHERE seq > ?`

const upsertStory = `
INSERT INTO stories (id, headline, first_published, last_published, articles, updated)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
	headline = excluded.headline,
	first_published = excluded.first_published,
	last_published = excluded.last_published,
	articles = excluded.articles,
	updated = CASE WHEN (stories.headline, stories.first_published, stories.last_published, stories.articles)
		IS (excluded.headline, excluded.first_published, excluded.last_published, excluded.articles)
		THEN stories.updated ELSE excluded.updated END`

// upsertStories inserts or replaces the stories by ID.
func upsertStories(ctx context.Context, tx *sql.Tx, ss []store.Story) error {
	if len(ss) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, upsertStory)
	if err != nil {
		return err
	}
	defer stmt.Close()
	now := timeValue(time.Now())
	for _, s := range ss {
		_, err := stmt.ExecContext(ctx, s.ID, s.Headline,
			timeValue(s.FirstPublished), timeValue(s.LastPublished), s.Articles, now)
		if err != nil {
			return fmt.Errorf("story %s: %w", s.ID, err)
		}
	}
	return nil
}

// insertAssignment keeps the first assignment of an article: an article that
// is ingested again stays in its story.
const insertAssignment = `
INSERT INTO assignments (article_seq, story_id, score, evidence)
SELECT seq, ?2, ?3, ?4 FROM articles WHERE id = ?1
ON CONFLICT (article_seq) DO NOTHING`

// insertNewAssignment is insertAssignment for an article this transaction
// stored, whose seq is known: it spares a look-up by ID.
const insertNewAssignment = `
INSERT INTO assignments (article_seq, story_id, score, evidence)
VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (article_seq) DO NOTHING`

// insertAssignments stores the assignments of articles that have none;
// seqs holds the seqs of the articles the transaction stored. The foreign
// keys refuse an assignment whose article or story is neither stored nor in
// the batch.
func insertAssignments(ctx context.Context, tx *sql.Tx, as []store.Assignment, seqs map[string]int64) error {
	if len(as) == 0 {
		return nil
	}
	byID, err := tx.PrepareContext(ctx, insertAssignment)
	if err != nil {
		return err
	}
	defer byID.Close()
	bySeq, err := tx.PrepareContext(ctx, insertNewAssignment)
	if err != nil {
		return err
	}
	defer bySeq.Close()
	for _, a := range as {
		ev := store.EvidenceJSON(a.Evidence)
		var res sql.Result
		if seq, ok := seqs[a.ArticleID]; ok {
			res, err = bySeq.ExecContext(ctx, seq, a.StoryID, a.Score, ev)
		} else {
			res, err = byID.ExecContext(ctx, a.ArticleID, a.StoryID, a.Score, ev)
		}
		if err != nil {
			return fmt.Errorf("assignment of %s to %s: %w", a.ArticleID, a.StoryID, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			// Either the article has a story already, or it is not stored.
			var known bool
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)`, a.ArticleID).Scan(&known); err != nil {
				return err
			}
			if !known {
				return fmt.Errorf("assignment of %s to %s: no article %s", a.ArticleID, a.StoryID, a.ArticleID)
			}
		}
	}
	return nil
}

// applyMerges moves the articles of each merged story to the story that
// absorbed it, records the merge, and retires the merged story.
func applyMerges(ctx context.Context, tx *sql.Tx, ms []store.Merge) error {
	for _, m := range ms {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stories WHERE id = ?`, m.Into).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("merge of %s into %s: no story %s", m.From, m.Into, m.Into)
		}
		for _, q := range []string{
			`UPDATE assignments SET merged_from = coalesce(merged_from, story_id), story_id = ?2 WHERE story_id = ?1`,
			`UPDATE merges SET holder_id = ?2 WHERE holder_id = ?1`,
			`INSERT INTO merges (story_id, into_id, holder_id, article_id) VALUES (?1, ?2, ?2, ?3)`,
			`DELETE FROM stories WHERE id = ?1`,
		} {
			if _, err := tx.ExecContext(ctx, q, m.From, m.Into, m.ArticleID); err != nil {
				return fmt.Errorf("merge of %s into %s: %w", m.From, m.Into, err)
			}
		}
	}
	return nil
}

// timeValue returns t as stored: NULL for the zero time, else t truncated
// to the microsecond (store.Store's precision) in timeLayout in UTC.
func timeValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Microsecond).Format(timeLayout)
}

// parseTime is the inverse of timeValue.
func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s.String)
}
