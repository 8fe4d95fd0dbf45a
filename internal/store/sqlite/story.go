package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/storyline-news/storyline/internal/store"
)

const storyColumns = `id, headline, first_published, last_published, articles, updated`

// scanStory reads storyColumns from one row.
func scanStory(row interface{ Scan(...any) error }) (store.Story, error) {
	var s store.Story
	var first, last, updated sql.NullString
	if err := row.Scan(&s.ID, &s.Headline, &first, &last, &s.Articles, &updated); err != nil {
		return store.Story{}, err
	}
	var err1, err2, err3 error
	s.FirstPublished, err1 = parseTime(first)
	s.LastPublished, err2 = parseTime(last)
	s.Updated, err3 = parseTime(updated)
	if err := errors.Join(err1, err2, err3); err != nil {
		return store.Story{}, fmt.Errorf("story %s: %w", s.ID, err)
	}
	return s, nil
}

// Stories lists story summaries, most recently published first, stories
// without any dated article last, then by ID.
func (db *DB) Stories(ctx context.Context, f store.StoryFilter) ([]store.Story, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	// The ORDER BY spells out the stories_recency index, so that a page is
	// read from the index without sorting the table.
	rows, err := db.read.QueryContext(ctx, `
		SELECT `+storyColumns+` FROM stories
		ORDER BY last_published IS NULL, last_published DESC, id
		LIMIT ? OFFSET ?`, limit, max(f.Offset, 0))
	if err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	defer rows.Close()
	var ss []store.Story
	for rows.Next() {
		s, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: stories: %w", err)
		}
		ss = append(ss, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	return ss, nil
}

// Story returns one story's summary, or an error wrapping store.ErrNotFound.
func (db *DB) Story(ctx context.Context, id string) (store.Story, error) {
	s, err := db.story(ctx, id)
	if err != nil {
		return store.Story{}, fmt.Errorf("sqlite: story %s: %w", id, err)
	}
	return s, nil
}

// story reads the story with the given ID, or the one that absorbed it.
func (db *DB) story(ctx context.Context, id string) (store.Story, error) {
	s, err := scanStory(db.read.QueryRowContext(ctx, `
		SELECT `+storyColumns+` FROM stories WHERE id = ?1
		UNION ALL
		SELECT `+storyColumns+` FROM stories WHERE id = (SELECT holder_id FROM merges WHERE story_id = ?1)`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Story{}, store.ErrNotFound
	}
	return s, err
}

// Merges returns the merges committed after seq after, in commit order.
func (db *DB) Merges(ctx context.Context, after int64) ([]store.Merge, error) {
	rows, err := db.read.QueryContext(ctx, `
		SELECT seq, story_id, into_id, article_id FROM merges WHERE seq > ? ORDER BY seq`, after)
	if err != nil {
		return nil, fmt.Errorf("sqlite: merges: %w", err)
	}
	defer rows.Close()
	var out []store.Merge
	for rows.Next() {
		var m store.Merge
		if err := rows.Scan(&m.Seq, &m.From, &m.Into, &m.ArticleID); err != nil {
			return nil, fmt.Errorf("sqlite: merges: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: merges: %w", err)
	}
	return out, nil
}
