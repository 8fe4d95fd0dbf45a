package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/store"
)

// testMerges merges stories across and within batches, chains merges, and
// checks every reader: where the articles are, why, what the retired IDs
// stand for, and that a bad merge stores nothing.
func testMerges(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := Articles(6)
	// Batch 1: a, b, c each start a story.
	b1 := Batch("s-a", as[0:1])
	for _, x := range []store.Batch{Batch("s-b", as[1:2]), Batch("s-c", as[2:3])} {
		b1.Articles = append(b1.Articles, x.Articles...)
		b1.Assignments = append(b1.Assignments, x.Assignments...)
		b1.Stories = append(b1.Stories, x.Stories...)
	}
	commit(t, s, b1)
	// Batch 2: as[3] joins s-b and shows s-b and s-a to be one; s-b, the
	// larger now, absorbs s-a.
	b2 := Batch("s-b", as[3:4])
	b2.Stories[0] = store.Story{ID: "s-b", Headline: "merged", Articles: 3}
	b2.Merges = []store.Merge{{From: "s-a", Into: "s-b", ArticleID: as[3].ID}}
	commit(t, s, b2)
	// Batch 3: as[4] starts s-d, then s-b merges into s-d in the same batch,
	// and s-c into s-d.
	b3 := Batch("s-d", as[4:5])
	b3.Stories[0] = store.Story{ID: "s-d", Headline: "all", Articles: 5}
	b3.Merges = []store.Merge{
		{From: "s-b", Into: "s-d", ArticleID: as[4].ID},
		{From: "s-c", Into: "s-d", ArticleID: as[4].ID},
	}
	commit(t, s, b3)

	checkCounts(t, s, 5, 1)
	arts, err := s.StoryArticles(ctx, "s-d")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ids(as[:5]), ids(arts)); diff != "" {
		t.Errorf("articles of s-d (-want +got):\n%s", diff)
	}
	why, err := s.Assignments(ctx, "s-d")
	if err != nil {
		t.Fatal(err)
	}
	var from []string
	for _, w := range why {
		if w.StoryID != "s-d" {
			t.Errorf("assignment of %s names story %s, want s-d", w.ArticleID, w.StoryID)
		}
		from = append(from, w.MergedFrom)
	}
	// Each article keeps the story it was first assigned to.
	if diff := cmp.Diff([]string{"s-a", "s-b", "s-c", "s-b", ""}, from); diff != "" {
		t.Errorf("MergedFrom (-want +got):\n%s", diff)
	}
	for _, id := range []string{"s-a", "s-b", "s-c", "s-d"} {
		st, err := s.Story(ctx, id)
		if err != nil || st.ID != "s-d" || st.Articles != 5 {
			t.Errorf("Story(%s) = %+v, %v; want the summary of s-d", id, st, err)
		}
	}
	if list, err := s.Stories(ctx, store.StoryFilter{}); err != nil || len(list) != 1 || list[0].ID != "s-d" {
		t.Errorf("Stories = %v, %v; want s-d alone", storyIDs(list), err)
	}
	ms, err := s.Merges(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]string
	for i, m := range ms {
		got = append(got, [2]string{m.From, m.Into})
		if i > 0 && m.Seq <= ms[i-1].Seq {
			t.Errorf("merge sequence numbers not increasing: %v", ms)
		}
	}
	// Merges come as committed: a reader replaying them in order ends
	// where the store is.
	if diff := cmp.Diff([][2]string{{"s-a", "s-b"}, {"s-b", "s-d"}, {"s-c", "s-d"}}, got); diff != "" {
		t.Errorf("Merges (-want +got):\n%s", diff)
	}
	if later, err := s.Merges(ctx, ms[0].Seq); err != nil || len(later) != 2 {
		t.Errorf("Merges after the first = %d, %v; want 2", len(later), err)
	}

	// A merge into a story that does not exist fails the whole batch.
	before := snapshot(t, s)
	bad := Batch("s-e", as[5:6])
	bad.Merges = []store.Merge{{From: "s-e", Into: "s-nowhere", ArticleID: as[5].ID}}
	if _, err := s.Commit(ctx, bad); err == nil {
		t.Error("Commit of a merge into a missing story succeeded")
	}
	self := Batch("s-e", as[5:6])
	self.Merges = []store.Merge{{From: "s-e", Into: "s-e", ArticleID: as[5].ID}}
	if _, err := s.Commit(ctx, self); err == nil {
		t.Error("Commit of a merge of a story into itself succeeded")
	}
	checkUnchanged(t, s, before)
	if _, err := s.Story(ctx, "s-e"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Story(s-e) after failed batches: %v, want ErrNotFound", err)
	}
}
