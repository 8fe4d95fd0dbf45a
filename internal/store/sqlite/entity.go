package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/storyline-news/storyline/internal/store"
)

// Statements of entityWriter, in the order of its stmts.
const (
	delStoryEntities = iota
	delKeys
	delQuotes
	delLocals
	delAnnotations
	insStoryEntity
	insLocal
	insKey
	insAnnotation
	insQuote
	nStmts
)

var entitySQL = [nStmts]string{
	delStoryEntities: `DELETE FROM story_entities WHERE story_id = ?`,
	delKeys:          `DELETE FROM entity_keys WHERE story_id = ?`,
	delQuotes:        `DELETE FROM entity_quotes WHERE story_id = ?`,
	delLocals:        `DELETE FROM entity_locals WHERE story_id = ?`,
	delAnnotations:   `DELETE FROM annotations WHERE story_id = ?`,
	insStoryEntity: `INSERT INTO story_entities (story_id, local_id, entity_id, type, name, aliases, roles, days, mentions, articles, quotes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	insLocal: `INSERT INTO entity_locals (local_id, story_id, entity_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
	insKey:   `INSERT INTO entity_keys (story_id, entity_id, key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
	insAnnotation: `INSERT INTO annotations (article_id, story_id, data) VALUES (?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, data = excluded.data`,
	insQuote: `INSERT INTO entity_quotes (id, story_id, entity_id, article_id, published, data) VALUES (?, ?, ?, ?, ?, ?)`,
}

// entityWriter writes stories' archive entities, quotes and annotations in
// one transaction, each statement prepared once: preparing them per row
// took half the time of writing.
type entityWriter struct {
	stmts [nStmts]*sql.Stmt
}

func newEntityWriter(ctx context.Context, tx *sql.Tx) (*entityWriter, error) {
	w := new(entityWriter)
	for i, q := range entitySQL {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			w.close()
			return nil, err
		}
		w.stmts[i] = st
	}
	return w, nil
}

func (w *entityWriter) close() {
	for _, st := range w.stmts {
		if st != nil {
			st.Close()
		}
	}
}

func (w *entityWriter) exec(ctx context.Context, i int, args ...any) error {
	_, err := w.stmts[i].ExecContext(ctx, args...)
	return err
}

// put replaces what is stored of one story's archive entities, their
// quotes and its articles' annotations with d's. The triggers of
// story_entities keep the totals of entities.
func (w *entityWriter) put(ctx context.Context, d store.Derived) error {
	for i := delStoryEntities; i <= delAnnotations; i++ {
		if err := w.exec(ctx, i, d.StoryID); err != nil {
			return err
		}
	}
	for _, e := range d.Entities {
		if err := w.exec(ctx, insStoryEntity, d.StoryID, e.Local, e.ID, e.Type, e.Name,
			store.JoinNames(e.Aliases), store.JoinNames(e.Roles), store.JoinDays(e.Days),
			e.Mentions, e.Articles, e.Quotes); err != nil {
			return fmt.Errorf("entity %s: %w", e.Local, err)
		}
		for _, local := range e.Others {
			if err := w.exec(ctx, insLocal, local, d.StoryID, e.ID); err != nil {
				return fmt.Errorf("entity %s: %w", e.Local, err)
			}
		}
		for _, k := range e.Keys {
			if err := w.exec(ctx, insKey, d.StoryID, e.ID, k); err != nil {
				return fmt.Errorf("entity %s: %w", e.Local, err)
			}
		}
	}
	for _, a := range d.Annotations {
		if err := w.exec(ctx, insAnnotation, a.ArticleID, d.StoryID, a.Data); err != nil {
			return fmt.Errorf("article %s: %w", a.ArticleID, err)
		}
	}
	for i, q := range d.Quotes {
		if err := w.exec(ctx, insQuote, store.QuoteID(d.StoryID, i), d.StoryID, q.Entity, q.Article,
			timeValue(q.Published), q.Data); err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
	}
	return nil
}

// entityColumns reads an entity's totals and its name: that of the story
// row with the most mentions.
const entityColumns = `e.id, e.type, (SELECT name FROM story_entities s WHERE s.entity_id = e.id
	ORDER BY s.mentions DESC, s.name LIMIT 1), e.mentions, e.stories, e.quotes`

func scanEntity(row interface{ Scan(...any) error }) (store.Entity, error) {
	var e store.Entity
	var name sql.NullString
	err := row.Scan(&e.ID, &e.Type, &name, &e.Mentions, &e.Stories, &e.Quotes)
	e.Name = name.String
	return e, err
}

// Entities lists archive entities (see store.Store).
func (db *DB) Entities(ctx context.Context, f store.EntityFilter) ([]store.Entity, int, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	where, args := []string{"e.stories > 0"}, []any{}
	if f.Type != "" {
		where = append(where, "e.type = ?")
		args = append(args, f.Type)
	}
	var total int
	if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM entities e WHERE `+strings.Join(where, " AND "), args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: entities: %w", err)
	}
	if f.After.ID != "" {
		where = append(where, "(e.mentions < ? OR e.mentions = ? AND e.id > ?)")
		args = append(args, f.After.Mentions, f.After.Mentions, f.After.ID)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT `+entityColumns+` FROM entities e WHERE `+strings.Join(where, " AND ")+`
		ORDER BY e.mentions DESC, e.id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: entities: %w", err)
	}
	defer rows.Close()
	es := []store.Entity{}
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("sqlite: entities: %w", err)
		}
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("sqlite: entities: %w", err)
	}
	return es, total, nil
}

// Entity returns one archive entity by its ID or a story's ID for it.
func (db *DB) Entity(ctx context.Context, id string) (store.Entity, error) {
	e, err := scanEntity(db.read.QueryRowContext(ctx, `SELECT `+entityColumns+` FROM entities e WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		e, err = scanEntity(db.read.QueryRowContext(ctx, `SELECT `+entityColumns+` FROM entities e
			WHERE e.id = (SELECT entity_id FROM (
				SELECT entity_id, story_id FROM story_entities WHERE local_id = ?1
				UNION ALL SELECT entity_id, story_id FROM entity_locals WHERE local_id = ?1)
				ORDER BY story_id LIMIT 1)`, id))
	}
	if errors.Is(err, sql.ErrNoRows) {
		return store.Entity{}, fmt.Errorf("sqlite: entity %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Entity{}, fmt.Errorf("sqlite: entity %s: %w", id, err)
	}
	return e, nil
}

// afterNewest returns the condition and arguments that keep the rows after
// p's cursor in an order of col descending (NULL last), then idCol.
func afterNewest(col, idCol string, p store.PageFilter) (string, []any) {
	if p.BeforeID == "" {
		return "1", nil
	}
	if p.Before.IsZero() {
		return col + " IS NULL AND " + idCol + " > ?", []any{p.BeforeID}
	}
	t := timeValue(p.Before)
	return "(" + col + " < ? OR " + col + " = ? AND " + idCol + " > ? OR " + col + " IS NULL)", []any{t, t, p.BeforeID}
}

// EntityStories lists the stories that name an archive entity (see
// store.Store).
func (db *DB) EntityStories(ctx context.Context, id string, p store.PageFilter) ([]store.EntityStory, error) {
	limit := p.Limit
	if limit <= 0 {
		limit = -1
	}
	cond, args := afterNewest("s.last_published", "s.id", p)
	rows, err := db.read.QueryContext(ctx, `
		SELECT s.id, s.headline, s.first_published, s.last_published, s.articles,
			e.local_id, e.type, e.name, e.aliases, e.roles, e.mentions, e.articles, e.quotes
		FROM story_entities e JOIN stories s ON s.id = e.story_id
		WHERE e.entity_id = ? AND `+cond+`
		ORDER BY s.last_published IS NULL, s.last_published DESC, s.id, e.local_id
		LIMIT ?`, append(append([]any{id}, args...), limit)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity %s stories: %w", id, err)
	}
	defer rows.Close()
	out := []store.EntityStory{}
	for rows.Next() {
		var es store.EntityStory
		var first, last sql.NullString
		var aliases, roles string
		e := &es.Entity
		if err := rows.Scan(&es.Story.ID, &es.Story.Headline, &first, &last, &es.Story.Articles,
			&e.Local, &e.Type, &e.Name, &aliases, &roles, &e.Mentions, &e.Articles, &e.Quotes); err != nil {
			return nil, fmt.Errorf("sqlite: entity %s stories: %w", id, err)
		}
		var err1, err2 error
		es.Story.FirstPublished, err1 = parseTime(first)
		es.Story.LastPublished, err2 = parseTime(last)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("sqlite: entity %s stories: %w", id, err)
		}
		e.ID, e.Aliases, e.Roles = id, store.SplitNames(aliases), store.SplitNames(roles)
		out = append(out, es)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: entity %s stories: %w", id, err)
	}
	return out, nil
}

// EntityDays returns an archive entity's mentions by day (see store.Store).
func (db *DB) EntityDays(ctx context.Context, id string) ([]store.DayCount, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT days FROM story_entities WHERE entity_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity %s days: %w", id, err)
	}
	defer rows.Close()
	sum := make(map[string]int)
	for rows.Next() {
		var days string
		if err := rows.Scan(&days); err != nil {
			return nil, fmt.Errorf("sqlite: entity %s days: %w", id, err)
		}
		if err := store.AddDays(sum, days); err != nil {
			return nil, fmt.Errorf("sqlite: entity %s: %w", id, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: entity %s days: %w", id, err)
	}
	return store.SortedDays(sum), nil
}

// EntityQuotes lists an archive entity's quotes (see store.Store).
func (db *DB) EntityQuotes(ctx context.Context, id string, p store.PageFilter) ([]store.EntityQuote, error) {
	limit := p.Limit
	if limit <= 0 {
		limit = -1
	}
	cond, args := afterNewest("published", "id", p)
	rows, err := db.read.QueryContext(ctx, `
		SELECT id, story_id, article_id, published, data FROM entity_quotes
		WHERE entity_id = ? AND `+cond+`
		ORDER BY published IS NULL, published DESC, id LIMIT ?`, append(append([]any{id}, args...), limit)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity %s quotes: %w", id, err)
	}
	defer rows.Close()
	out := []store.EntityQuote{}
	for rows.Next() {
		q := store.EntityQuote{Entity: id}
		var published sql.NullString
		if err := rows.Scan(&q.ID, &q.StoryID, &q.Article, &published, &q.Data); err != nil {
			return nil, fmt.Errorf("sqlite: entity %s quotes: %w", id, err)
		}
		if q.Published, err = parseTime(published); err != nil {
			return nil, fmt.Errorf("sqlite: entity %s quotes: %w", id, err)
		}
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: entity %s quotes: %w", id, err)
	}
	return out, nil
}

// EntitiesByKey returns the entities with an alias folding to key (see
// store.Store).
func (db *DB) EntitiesByKey(ctx context.Context, key string) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, `
		SELECT e.id FROM entities e WHERE e.id IN (SELECT entity_id FROM entity_keys WHERE key = ?)
		ORDER BY e.mentions DESC, e.id`, key)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities by key: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("sqlite: entities by key: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: entities by key: %w", err)
	}
	return ids, nil
}
