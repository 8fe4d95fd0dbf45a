package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/storyline-news/storyline/internal/store"
)

// Ranking and snippet settings of Search.
const (
	titleWeight   = 5.0 // bm25 weight of a title match; a body match weighs 1
	snippetTokens = 12
)

// Search runs a full-text query over titles and bodies and returns up to limit
// hits, best first (limit ≤ 0: all of them). The query is what a person
// types: words, "quoted phrases" and word* prefixes, all of which must match;
// FTS5 operators and punctuation carry no meaning, so no query is a syntax
// error, and one without any word finds nothing.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]store.Hit, error) {
	match := matchQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := db.read.QueryContext(ctx, searchQuery, match, store.MarkOpen, store.MarkClose, snippetTokens, titleWeight, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	defer rows.Close()
	hits, err := store.ScanHits(rows, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	return hits, nil
}

// searchQuery ranks all matches but builds snippets only for the ones
// returned: snippet() is costly, and SQLite would compute it for every match
// before sorting. The parameters are ?1 the FTS5 query, ?2 and ?3 the
// markers, ?4 the snippet length, ?5 the title weight and ?6 the limit.
const searchQuery = `
WITH top AS MATERIALIZED (
	SELECT rowid AS seq, bm25(articles_fts, ?5, 1.0) AS rank
	FROM articles_fts
	WHERE articles_fts MATCH ?1
	ORDER BY rank, seq
	LIMIT ?6
)
SELECT a.id, coalesce(s.story_id, ''), a.title,
	snippet(articles_fts, 1, ?2, ?3, '…', ?4),
	snippet(articles_fts, 0, ?2, ?3, '…', ?4),
	top.rank
FROM top
JOIN articles_fts ON articles_fts.rowid = top.seq AND articles_fts MATCH ?1
JOIN articles a ON a.seq = top.seq
LEFT JOIN assignments s ON s.article_seq = a.seq
ORDER BY top.rank, top.seq`

// matchQuery turns a query typed by a person into an FTS5 query that cannot
// be a syntax error: every term becomes an FTS5 string ("…", with " doubled),
// which FTS5 tokenizes like the indexed text and never reads as an operator.
// Terms without a letter or digit would be empty phrases and are dropped.
// The result is "" when no term is left.
func matchQuery(q string) string {
	var parts []string
	for _, t := range store.SplitQuery(q) {
		p := `"` + strings.ReplaceAll(t.Text, `"`, `""`) + `"`
		if t.Prefix {
			p += " *"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}
