package archive

import (
	"context"
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/store"
)

// maxSpellings bounds the other spellings of a name that Search adds.
const maxSpellings = 8

// spellingStories is how many of the entity's newest stories Search reads
// for its spellings.
const spellingStories = 100

// Search runs a full-text query (see store.Store's Search) and returns at
// most limit hits (limit <= 0: all), best first. A query that is a name
// of an archive entity, in any of its spellings ("Zelenskyy", "Zelensky",
// "Zelenskiy"), also finds the articles that spell it otherwise: each of
// the entity's other spellings is searched as a phrase and the hits merged
// by rank. It returns the spellings it added, for the reader to see.
func (a *Archive) Search(ctx context.Context, query string, limit int) ([]store.Hit, []string, error) {
	r, err := a.searches.Do(searchKey{query, limit}, func() (searched, error) {
		hits, spellings, err := a.search(ctx, query, limit)
		return searched{hits, spellings}, err
	})
	return r.hits, r.spellings, err
}

// searchKey names a search; searched is its answer.
type (
	searchKey struct {
		query string
		limit int
	}
	searched struct {
		hits      []store.Hit
		spellings []string
	}
)

func (a *Archive) search(ctx context.Context, query string, limit int) ([]store.Hit, []string, error) {
	hits, err := a.st.Search(ctx, query, limit)
	if err != nil {
		return nil, nil, err
	}
	others, err := a.spellings(ctx, query)
	if err != nil || len(others) == 0 {
		return hits, nil, err
	}
	seen := make(map[string]bool, len(hits))
	for _, h := range hits {
		seen[h.ArticleID] = true
	}
	for _, s := range others {
		more, err := a.st.Search(ctx, `"`+s+`"`, limit)
		if err != nil {
			return nil, nil, err
		}
		for _, h := range more {
			if !seen[h.ArticleID] {
				seen[h.ArticleID] = true
				hits = append(hits, h)
			}
		}
	}
	slices.SortStableFunc(hits, func(a, b store.Hit) int {
		switch {
		case a.Rank < b.Rank:
			return -1
		case a.Rank > b.Rank:
			return 1
		}
		return 0
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, others, nil
}

// spellings returns the other spellings of the archive entity that the
// whole query names, most used first; none when the query is not a name
// (operators, several names, no entity).
func (a *Archive) spellings(ctx context.Context, query string) ([]string, error) {
	q := strings.TrimSpace(query)
	if strings.HasPrefix(q, `"`) && strings.HasSuffix(q, `"`) && len(q) > 1 {
		q = q[1 : len(q)-1]
	}
	if q == "" || strings.ContainsAny(q, `"*`) {
		return nil, nil
	}
	ids, err := a.st.EntitiesByKey(ctx, entity.Key(q))
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	ss, err := a.st.EntityStories(ctx, ids[0], store.PageFilter{Limit: spellingStories})
	if err != nil {
		return nil, err
	}
	var out []string
	taken := map[string]bool{strings.ToLower(q): true}
	for _, al := range aliases(ss) {
		k := strings.ToLower(al.Name)
		if taken[k] || strings.ContainsAny(al.Name, `"*`) {
			continue
		}
		taken[k] = true
		out = append(out, al.Name)
		if len(out) == maxSpellings {
			break
		}
	}
	return out, nil
}
