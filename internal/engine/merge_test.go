package engine_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// copyOf returns a with one sentence added, as a re-published article is.
func copyOf(a article.Article, ref string) article.Article {
	b := a
	b.SourceRef = ref
	b.Text += "\n\nThis article was updated: " + ref + "."
	b.SetID()
	return b
}

// mergeOptions keep two seeds apart until copies make one of their stories
// grow to 4 articles, the first size at which a story looks for merges.
var mergeOptions = engine.Options{Cluster: cluster.Options{Threshold: 0.8, MergeThreshold: 0.3}}

func TestMergeIsStoredAndSurvivesRestart(t *testing.T) {
	ctx := context.Background()
	seeds := readSeeds(t)
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.Open(ctx, db, mergeOptions)
	if err != nil {
		t.Fatal(err)
	}
	// Two stories, then copies of the second, one batch each, and the
	// last batch holds two articles so that the merge happens mid-batch.
	batches := [][]article.Article{{seeds[0]}, {seeds[1]}, {copyOf(seeds[1], "copy 0")}, {copyOf(seeds[1], "copy 1")},
		{copyOf(seeds[1], "copy 2"), copyOf(seeds[1], "copy 3")}}
	var stories []string
	for i, b := range batches {
		if _, err := e.Ingest(ctx, b); err != nil {
			t.Fatal(err)
		}
		if i < 2 {
			ss, err := e.Stories(ctx, store.StoryFilter{})
			if err != nil {
				t.Fatal(err)
			}
			stories = append(stories, newest(ss, stories))
		}
	}
	if _, n, err := e.Counts(ctx); err != nil || n != 1 {
		t.Fatalf("Counts: %d stories, %v; want 1 after the merge", n, err)
	}
	ms, err := db.Merges(ctx, 0)
	if err != nil || len(ms) != 1 {
		t.Fatalf("Merges = %+v, %v; want one", ms, err)
	}
	survivor, retired := ms[0].Into, ms[0].From
	if !sameSet([]string{survivor, retired}, stories) {
		t.Fatalf("merge %s into %s, want the two stories %v", retired, survivor, stories)
	}
	s, err := e.Story(ctx, retired)
	if err != nil || s.ID != survivor || len(s.Articles) != 6 {
		t.Fatalf("Story(%s) = %s with %d articles, %v; want %s with 6", retired, s.ID, len(s.Articles), err, survivor)
	}
	moved := 0
	for _, w := range s.Why {
		if w.MergedFrom == retired {
			moved++
		}
	}
	if moved == 0 {
		t.Errorf("no article's Why names the retired story %s", retired)
	}
	db.Close()

	// After a restart the merge holds: a new copy joins the survivor.
	db2, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	e2, err := engine.Open(ctx, db2, mergeOptions)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range []article.Article{copyOf(seeds[1], "copy 4"), copyOf(seeds[1], "copy 5")} {
		if _, err := e2.Ingest(ctx, []article.Article{a}); err != nil {
			t.Fatal(err)
		}
		ss, err := e2.Stories(ctx, store.StoryFilter{})
		if err != nil || len(ss) != 1 || ss[0].ID != survivor || ss[0].Articles != 7+i {
			t.Fatalf("after restart, copy %d: stories %+v, %v; want %s alone with %d articles", i, ss, err, survivor, 7+i)
		}
	}
}

// newest returns the ID in ss not in seen.
func newest(ss []store.Story, seen []string) string {
	for _, s := range ss {
		if !slices.Contains(seen, s.ID) {
			return s.ID
		}
	}
	panic(fmt.Sprintf("no new story in %v", ss))
}

func sameSet(a, b []string) bool {
	a, b = slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))
	return slices.Equal(a, b)
}
