package postgres

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/storyline-news/storyline/internal/store"
)

// headlineOptions are ts_headline's: one short fragment around the best
// match, about as long as the SQLite backend's 12-token snippets, marked
// as store.PickSnippet reads it.
const headlineOptions = "StartSel=" + store.MarkOpen + ", StopSel=" + store.MarkClose +
	", MaxWords=14, MinWords=6, ShortWord=2, MaxFragments=1, FragmentDelimiter=…"

// Search runs a full-text query over titles and bodies and returns up to limit
// hits, best first (limit ≤ 0: all of them). The query is what a person
// types: words, "quoted phrases" and word* prefixes, all of which must match;
// tsquery operators and punctuation carry no meaning, so no query is a
// syntax error, and one without any word finds nothing. Rank is the negated
// ts_rank, a title match weighing five times a body match, so that lower is
// better as the contract says.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]store.Hit, error) {
	tsq := tsQuery(query)
	if tsq == "" {
		return nil, nil
	}
	var lim *int // NULL: no limit
	if limit > 0 {
		lim = &limit
	}
	rows, err := db.pool.Query(ctx, searchQuery, tsq, lim, headlineOptions)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	defer rows.Close()
	hits, err := store.ScanHits(rows, joinMarks)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	return hits, nil
}

// searchQuery ranks all matches but builds headlines only for the ones
// returned: ts_headline parses the whole text again. The parameters are $1
// the tsquery text, $2 the limit (NULL: none) and $3 the headline options.
const searchQuery = `
WITH q AS MATERIALIZED (
	SELECT to_tsquery('storyline', $1) AS q
), top AS MATERIALIZED (
	SELECT a.seq, ts_rank('{0.2, 0.2, 0.2, 1.0}', a.search, q.q) AS rank
	FROM articles a, q
	WHERE a.search @@ q.q
	ORDER BY rank DESC, a.seq
	LIMIT $2
)
SELECT a.id, coalesce(s.story_id, ''), a.title,
	ts_headline('storyline', left(a.text, 1000000), q.q, $3),
	ts_headline('storyline', a.title, q.q, $3),
	-top.rank
FROM top
JOIN articles a ON a.seq = top.seq
CROSS JOIN q
LEFT JOIN assignments s ON s.article_id = a.id
ORDER BY top.rank DESC, top.seq`

// adjacentMarks matches the end of one mark and the start of the next with
// only spaces between: ts_headline marks each word of a phrase on its own.
var adjacentMarks = regexp.MustCompile("\x03([ \t]+)\x02")

// joinMarks makes the marks of a phrase's words in a snippet one mark.
func joinMarks(snippet string) string {
	return adjacentMarks.ReplaceAllString(snippet, "$1")
}

// tsQuery turns a query typed by a person into to_tsquery input that cannot
// be a syntax error: every term becomes a quoted tsquery value ('…', with '
// and \ escaped), which to_tsquery parses like indexed text, turning the
// words of a phrase into a <-> sequence, and never reads as an operator.
// Terms are joined by &. Terms without a letter or digit are dropped; the
// result is "" when no term is left.
func tsQuery(q string) string {
	var parts []string
	for _, t := range store.SplitQuery(q) {
		p := "'" + tsEscape.Replace(t.Text) + "'"
		if t.Prefix {
			p += ":*"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " & ")
}

var tsEscape = strings.NewReplacer(`\`, `\\`, `'`, `''`)
