package engine_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
)

func TestCheckSoundStore(t *testing.T) {
	ctx := context.Background()
	_, e := open(t, t.TempDir()+"/s.db")
	if _, err := e.Ingest(ctx, append(readSeeds(t), others()...)); err != nil {
		t.Fatal(err)
	}
	r, err := e.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(engine.Report{Articles: 7, Stories: 3}, r); diff != "" {
		t.Errorf("Check of a sound store (-want +got):\n%s", diff)
	}
}

// Check names each broken invariant: an article in no story, a story
// whose count is not what it holds.
func TestCheckFindsProblems(t *testing.T) {
	ctx := context.Background()
	db, e := open(t, t.TempDir()+"/s.db")
	arts := others()
	_, err := db.Commit(ctx, store.Batch{
		Articles:    arts,
		Assignments: []store.Assignment{{ArticleID: arts[0].ID, StoryID: "s-0000000000000001"}},
		Stories:     []store.Story{{ID: "s-0000000000000001", Headline: "h", Articles: 3}},
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"article " + arts[1].ID + " (other-1) is in no story",
		"story s-0000000000000001 counts 3 articles and holds 1",
	}
	if diff := cmp.Diff(want, r.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if r.Stale != 1 {
		t.Errorf("Stale = %d, want 1 (nothing analysed)", r.Stale)
	}
}
