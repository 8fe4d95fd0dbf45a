package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/storyline-news/storyline/internal/store"
)

// queueEntities queues the statements that replace what is stored of one
// story's archive entities and their quotes with d's. The triggers of
// story_entities keep the totals of entities.
func queueEntities(b *pgx.Batch, d store.Derived) {
	for _, q := range []string{
		`DELETE FROM story_entities WHERE story_id = $1`,
		`DELETE FROM entity_keys WHERE story_id = $1`,
		`DELETE FROM entity_quotes WHERE story_id = $1`,
		`DELETE FROM entity_locals WHERE story_id = $1`,
		`DELETE FROM annotations WHERE story_id = $1`,
	} {
		b.Queue(q, d.StoryID)
	}
	for _, e := range d.Entities {
		b.Queue(`
			INSERT INTO story_entities (story_id, local_id, entity_id, type, name, aliases, roles, days, mentions, articles, quotes)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			d.StoryID, e.Local, e.ID, e.Type, e.Name, store.JoinNames(e.Aliases), store.JoinNames(e.Roles),
			store.JoinDays(e.Days), e.Mentions, e.Articles, e.Quotes)
		for _, local := range e.Others {
			b.Queue(`INSERT INTO entity_locals (local_id, story_id, entity_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
				local, d.StoryID, e.ID)
		}
		for _, k := range e.Keys {
			b.Queue(`INSERT INTO entity_keys (story_id, entity_id, key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
				d.StoryID, e.ID, k)
		}
	}
	for _, a := range d.Annotations {
		b.Queue(`INSERT INTO annotations (article_id, story_id, data) VALUES ($1, $2, $3)
			ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, data = excluded.data`,
			a.ArticleID, d.StoryID, a.Data)
	}
	for i, q := range d.Quotes {
		b.Queue(`
			INSERT INTO entity_quotes (id, story_id, entity_id, article_id, published, data)
			VALUES ($1, $2, $3, $4, $5, $6)`,
			store.QuoteID(d.StoryID, i), d.StoryID, q.Entity, q.Article, timeValue(q.Published), q.Data)
	}
}

// entityColumns reads an entity's totals and its name: that of the story
// row with the most mentions.
const entityColumns = `e.id, e.type, (SELECT name FROM story_entities s WHERE s.entity_id = e.id
	ORDER BY s.mentions DESC, s.name COLLATE "C" LIMIT 1), e.mentions, e.stories, e.quotes`

func scanEntity(row pgx.Row) (store.Entity, error) {
	var e store.Entity
	var name pgtype.Text
	err := row.Scan(&e.ID, &e.Type, &name, &e.Mentions, &e.Stories, &e.Quotes)
	e.Name = name.String
	return e, err
}

// Entities lists archive entities (see store.Store).
func (db *DB) Entities(ctx context.Context, f store.EntityFilter) ([]store.Entity, int, error) {
	var limit *int
	if f.Limit > 0 {
		limit = &f.Limit
	}
	var total int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM entities e WHERE e.stories > 0 AND ($1 = '' OR e.type = $1)`,
		f.Type).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("postgres: entities: %w", err)
	}
	rows, err := db.pool.Query(ctx, `SELECT `+entityColumns+` FROM entities e
		WHERE e.stories > 0 AND ($1 = '' OR e.type = $1)
			AND ($2 = '' OR e.mentions < $3 OR e.mentions = $3 AND e.id COLLATE "C" > $2)
		ORDER BY e.mentions DESC, e.id COLLATE "C" LIMIT $4`, f.Type, f.After.ID, f.After.Mentions, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: entities: %w", err)
	}
	es, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.Entity, error) { return scanEntity(row) })
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: entities: %w", err)
	}
	if es == nil {
		es = []store.Entity{}
	}
	return es, total, nil
}

// Entity returns one archive entity by its ID or a story's ID for it.
func (db *DB) Entity(ctx context.Context, id string) (store.Entity, error) {
	e, err := scanEntity(db.pool.QueryRow(ctx, `SELECT `+entityColumns+` FROM entities e WHERE e.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		e, err = scanEntity(db.pool.QueryRow(ctx, `SELECT `+entityColumns+` FROM entities e
			WHERE e.id = (SELECT entity_id FROM (
				SELECT entity_id, story_id FROM story_entities WHERE local_id = $1
				UNION ALL SELECT entity_id, story_id FROM entity_locals WHERE local_id = $1) l
				ORDER BY story_id COLLATE "C" LIMIT 1)`, id))
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Entity{}, fmt.Errorf("postgres: entity %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Entity{}, fmt.Errorf("postgres: entity %s: %w", id, err)
	}
	return e, nil
}

// afterNewest returns the condition that keeps the rows after p's cursor,
// given as parameters $2 (time, NULL for undated) and $3 (ID), in an order
// of col descending (NULL last), then idCol.
func afterNewest(col, idCol string) string {
	return `($3 = '' OR $2::timestamptz IS NULL AND ` + col + ` IS NULL AND ` + idCol + ` COLLATE "C" > $3
		OR $2::timestamptz IS NOT NULL AND (` + col + ` < $2 OR ` + col + ` = $2 AND ` + idCol + ` COLLATE "C" > $3 OR ` + col + ` IS NULL))`
}

// EntityStories lists the stories that name an archive entity (see
// store.Store).
func (db *DB) EntityStories(ctx context.Context, id string, p store.PageFilter) ([]store.EntityStory, error) {
	var limit *int
	if p.Limit > 0 {
		limit = &p.Limit
	}
	rows, err := db.pool.Query(ctx, `
		SELECT s.id, s.headline, s.first_published, s.last_published, s.articles,
			e.local_id, e.type, e.name, e.aliases, e.roles, e.mentions, e.articles, e.quotes
		FROM story_entities e JOIN stories s ON s.id = e.story_id
		WHERE e.entity_id = $1 AND `+afterNewest("s.last_published", "s.id")+`
		ORDER BY s.last_published DESC NULLS LAST, s.id COLLATE "C", e.local_id COLLATE "C"
		LIMIT $4`, id, timeValue(p.Before), p.BeforeID, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %s stories: %w", id, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.EntityStory, error) {
		var es store.EntityStory
		var first, last pgtype.Timestamptz
		var aliases, roles string
		e := &es.Entity
		err := row.Scan(&es.Story.ID, &es.Story.Headline, &first, &last, &es.Story.Articles,
			&e.Local, &e.Type, &e.Name, &aliases, &roles, &e.Mentions, &e.Articles, &e.Quotes)
		es.Story.FirstPublished, es.Story.LastPublished = timeOf(first), timeOf(last)
		e.ID, e.Aliases, e.Roles = id, store.SplitNames(aliases), store.SplitNames(roles)
		return es, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %s stories: %w", id, err)
	}
	if out == nil {
		out = []store.EntityStory{}
	}
	return out, nil
}

// EntityDays returns an archive entity's mentions by day (see store.Store).
func (db *DB) EntityDays(ctx context.Context, id string) ([]store.DayCount, error) {
	rows, err := db.pool.Query(ctx, `SELECT days FROM story_entities WHERE entity_id = $1`, id)
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %s days: %w", id, err)
	}
	all, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %s days: %w", id, err)
	}
	sum := make(map[string]int)
	for _, days := range all {
		if err := store.AddDays(sum, days); err != nil {
			return nil, fmt.Errorf("postgres: entity %s: %w", id, err)
		}
	}
	return store.SortedDays(sum), nil
}

// EntityQuotes lists an archive entity's quotes (see store.Store).
func (db *DB) EntityQuotes(ctx context.Context, id string, p store.PageFilter) ([]store.EntityQuote, error) {
	var limit *int
	if p.Limit > 0 {
		limit = &p.Limit
	}
	rows, err := db.pool.Query(ctx, `
		SELECT id, story_id, article_id, published, data FROM entity_quotes
		WHERE entity_id = $1 AND `+afterNewest("published", "id")+`
		ORDER BY published DESC NULLS LAST, id COLLATE "C" LIMIT $4`, id, timeValue(p.Before), p.BeforeID, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %s quotes: %w", id, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.EntityQuote, error) {
		q := store.EntityQuote{Entity: id}
		var published pgtype.Timestamptz
		err := row.Scan(&q.ID, &q.StoryID, &q.Article, &published, &q.Data)
		q.Published = timeOf(published)
		return q, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %s quotes: %w", id, err)
	}
	if out == nil {
		out = []store.EntityQuote{}
	}
	return out, nil
}

// EntitiesByKey returns the entities with an alias folding to key (see
// store.Store).
func (db *DB) EntitiesByKey(ctx context.Context, key string) ([]string, error) {
	rows, err := db.pool.Query(ctx, `
		SELECT e.id FROM entities e WHERE e.id IN (SELECT entity_id FROM entity_keys WHERE key = $1)
		ORDER BY e.mentions DESC, e.id COLLATE "C"`, key)
	if err != nil {
		return nil, fmt.Errorf("postgres: entities by key: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: entities by key: %w", err)
	}
	return ids, nil
}

// Integrity checks the archive entities' totals against their story rows
// and returns what it found wrong, or nil.
func (db *DB) Integrity(ctx context.Context) error {
	rows, err := db.pool.Query(ctx, store.EntityTotalsQuery)
	if err != nil {
		return fmt.Errorf("postgres: entity totals check: %w", err)
	}
	bad, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("postgres: entity totals check: %w", err)
	}
	if len(bad) > 0 {
		return fmt.Errorf("postgres: entity totals differ from their stories' rows: %v", bad)
	}
	return nil
}
