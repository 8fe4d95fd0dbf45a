package engine

import (
	"context"
	"fmt"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

// Report is what Check found in a store.
type Report struct {
	Articles, Stories, Merges int
	// Stale counts the stories whose stored analysis is missing or out of
	// date: allowed (reads analyse them) until storyline reindex runs.
	Stale int
	// Problems lists the broken invariants found, each naming what it
	// concerns; a sound store has none.
	Problems []string
}

// maxProblems bounds the problems a Report lists one by one; the rest are
// counted on the last line.
const maxProblems = 50

func (r *Report) problem(format string, args ...any) {
	switch n := len(r.Problems); {
	case n < maxProblems:
		r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
	case n == maxProblems:
		r.Problems = append(r.Problems, "more problems not listed")
	}
}

// integrityChecker is met by stores that can check their own files and
// indexes (store/sqlite: the database and its full-text index).
type integrityChecker interface {
	Integrity(ctx context.Context) error
}

// Check verifies the invariants of the store that every writer must keep:
// every article is in exactly one live story, each story's article count
// is the number of its articles and not zero, no story retired by a merge
// is live, and the store's own integrity checks pass. It reads every
// article once; it reports what it found in the Report and returns an
// error only when the store cannot be read.
func (e *Engine) Check(ctx context.Context) (Report, error) {
	var r Report
	sums, err := e.st.Stories(ctx, store.StoryFilter{})
	if err != nil {
		return r, fmt.Errorf("engine: check: %w", err)
	}
	r.Stories = len(sums)
	held := make(map[string]int, len(sums))
	for _, s := range sums {
		held[s.ID] = 0
	}
	err = e.st.Scan(ctx, 0, func(_ int64, a article.Article, storyID string) error {
		r.Articles++
		n, live := held[storyID]
		switch {
		case storyID == "":
			r.problem("article %s (%s) is in no story", a.ID, a.SourceRef)
		case !live:
			r.problem("article %s (%s) is in story %s, which is not listed", a.ID, a.SourceRef, storyID)
		default:
			held[storyID] = n + 1
		}
		return nil
	})
	if err != nil {
		return r, fmt.Errorf("engine: check: %w", err)
	}
	for _, s := range sums {
		if n := held[s.ID]; n == 0 || n != s.Articles {
			r.problem("story %s counts %d articles and holds %d", s.ID, s.Articles, n)
		}
	}
	if err := e.checkCounts(ctx, &r); err != nil {
		return r, err
	}
	merges, err := e.st.Merges(ctx, 0)
	if err != nil {
		return r, fmt.Errorf("engine: check: %w", err)
	}
	r.Merges = len(merges)
	for _, m := range merges {
		if _, live := held[m.From]; live {
			r.problem("story %s was merged into %s but is listed again", m.From, m.Into)
		}
	}
	if _, r.Stale, err = e.st.DerivedCounts(ctx, AnalysisVersion); err != nil {
		return r, fmt.Errorf("engine: check: %w", err)
	}
	if ic, ok := e.st.(integrityChecker); ok {
		if err := ic.Integrity(ctx); err != nil {
			r.problem("%v", err)
		}
	}
	return r, nil
}

// checkCounts compares the store's own counts with what Check read.
func (e *Engine) checkCounts(ctx context.Context, r *Report) error {
	articles, stories, err := e.st.Counts(ctx)
	if err != nil {
		return fmt.Errorf("engine: check: %w", err)
	}
	if articles != r.Articles || stories != r.Stories {
		r.problem("the store counts %d articles and %d stories; %d and %d were read", articles, stories, r.Articles, r.Stories)
	}
	return nil
}
