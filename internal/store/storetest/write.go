package storetest

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

// testCommitAndRead commits the fixtures and reads every field back.
func testCommitAndRead(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := fixtures()
	b := fixtureBatch(as)
	if added := commit(t, s, b); added != len(as) {
		t.Errorf("Commit added %d, want %d", added, len(as))
	}
	for _, want := range stored(as) {
		got, err := s.Article(ctx, want.ID)
		if err != nil {
			t.Fatalf("Article(%s): %v", want.ID, err)
		}
		// cmp compares times with Time.Equal: the instant must survive to
		// the microsecond; the zone need not.
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Article(%s) (-want +got):\n%s", want.ID, diff)
		}
		if want.Published.IsZero() != got.Published.IsZero() {
			t.Errorf("Article(%s).Published = %v, want %v", want.ID, got.Published, want.Published)
		}
	}
	for _, want := range b.Stories {
		want = storedStory(want)
		got, err := s.Story(ctx, want.ID)
		if err != nil {
			t.Fatalf("Story(%s): %v", want.ID, err)
		}
		if diff := cmp.Diff(want, got, ignoreUpdated); diff != "" {
			t.Errorf("Story(%s) (-want +got):\n%s", want.ID, diff)
		}
		if got.Updated.IsZero() {
			t.Errorf("Story(%s).Updated is zero after a commit", want.ID)
		}
	}
	checkCounts(t, s, len(as), len(b.Stories))
}

// checkCounts fails the test unless s.Counts reports articles and stories.
func checkCounts(t *testing.T, s store.Store, articles, stories int) {
	t.Helper()
	a, st, err := s.Counts(context.Background())
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	if a != articles || st != stories {
		t.Errorf("Counts = %d articles, %d stories; want %d, %d", a, st, articles, stories)
	}
}

// testRecommit checks that storing an article again changes nothing: not the
// article, not its story, not the counts.
func testRecommit(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := fixtures()
	b := fixtureBatch(as)
	commit(t, s, b)
	before := snapshot(t, s)
	if added := commit(t, s, b); added != 0 {
		t.Errorf("second Commit of the same batch added %d, want 0", added)
	}
	checkUnchanged(t, s, before)

	// The same IDs with other content and another story: the stored
	// articles and their assignments win.
	changed := make([]article.Article, fxMarkets)
	for i, a := range as[:fxMarkets] {
		a.Title, a.Text, a.Published = "Rewritten", "Other text.", time.Time{}
		changed[i] = a
	}
	if added := commit(t, s, Batch("s-other", changed)); added != 0 {
		t.Errorf("Commit of stored IDs added %d, want 0", added)
	}
	after := snapshot(t, s)
	if diff := cmp.Diff(before.Scanned, after.Scanned); diff != "" {
		t.Errorf("stored articles or assignments changed (-before +after):\n%s", diff)
	}
	got, err := s.StoryArticles(ctx, "s-other")
	if err != nil || len(got) != 0 {
		t.Errorf("StoryArticles(s-other) = %d articles, %v; want none", len(got), err)
	}

	// One new article twice in a batch counts once.
	fresh := Articles(1)
	if added := commit(t, s, Batch("s-fresh", append(fresh, fresh...))); added != 1 {
		t.Errorf("Commit of one new article twice added %d, want 1", added)
	}
	checkCounts(t, s, len(as)+1, len(b.Stories)+2)
}

// testLateAssignment checks that an article stored without a story takes the
// first story a later batch gives it, and keeps it.
func testLateAssignment(t *testing.T, s store.Store) {
	ctx := context.Background()
	all := Articles(5)
	as := all[:3]
	commit(t, s, store.Batch{Articles: as})
	commit(t, s, Batch("s-first", as[1:2]))
	commit(t, s, Batch("s-second", as[1:]))
	// New articles and a stored one without a story, in one batch.
	commit(t, s, store.Batch{Articles: all[4:]})
	commit(t, s, Batch("s-third", []article.Article{all[3], all[4], all[3]}))
	for _, tt := range []struct {
		story string
		want  []string
	}{
		{"s-first", ids(as[1:2])},
		{"s-second", ids(as[2:])},
		{"s-third", ids(all[3:])},
	} {
		got, err := s.StoryArticles(ctx, tt.story)
		if err != nil {
			t.Fatalf("StoryArticles(%s): %v", tt.story, err)
		}
		// Compared as sets: the order is the stories' reading order.
		if diff := cmp.Diff(slices.Sorted(slices.Values(tt.want)), slices.Sorted(slices.Values(ids(got)))); diff != "" {
			t.Errorf("StoryArticles(%s) (-want +got):\n%s", tt.story, diff)
		}
	}
}

// testKnown checks Known on stored, unknown and no IDs.
func testKnown(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := fixtures()
	commit(t, s, store.Batch{Articles: as[:3]})
	for _, tt := range []struct {
		ids  []string
		want map[string]bool
	}{
		{nil, map[string]bool{}},
		{[]string{}, map[string]bool{}},
		{[]string{as[0].ID}, map[string]bool{as[0].ID: true}},
		{ids(as[2:5]), map[string]bool{as[2].ID: true}},
		{[]string{"a-0000000000000000", as[1].ID, as[1].ID}, map[string]bool{as[1].ID: true}},
	} {
		got, err := s.Known(ctx, tt.ids)
		if err != nil {
			t.Fatalf("Known(%q): %v", tt.ids, err)
		}
		if diff := cmp.Diff(tt.want, got, equateEmpty); diff != "" {
			t.Errorf("Known(%q) (-want +got):\n%s", tt.ids, diff)
		}
	}
}

// testFailedBatch commits batches that fail after part of them was written
// and checks that none of it remains.
func testFailedBatch(t *testing.T, s store.Store) {
	as := Articles(40)
	commit(t, s, Batch("s-base", as[:10]))
	before := snapshot(t, s)

	orphan := Batch("s-new", as[10:20])
	orphan.Assignments = append(orphan.Assignments,
		store.Assignment{ArticleID: "a-notstoredanywhere", StoryID: "s-new"})
	lost := Batch("s-new", as[10:20])
	lost.Stories = nil // assigned to a story neither stored nor in the batch
	noID := Batch("s-new", append(as[10:20:20], article.Article{Title: "No ID", Text: "Body."}))
	canceled, cancel := context.WithCancel(context.Background())
	cancel()

	for _, tt := range []struct {
		name string
		ctx  context.Context
		b    store.Batch
	}{
		{"assignment of an unknown article", context.Background(), orphan},
		{"assignment to an unknown story", context.Background(), lost},
		{"article without ID", context.Background(), noID},
		{"canceled context", canceled, Batch("s-new", as[10:20])},
	} {
		added, err := s.Commit(tt.ctx, tt.b)
		if err == nil {
			t.Errorf("%s: Commit succeeded (added %d), want an error", tt.name, added)
		}
		checkUnchanged(t, s, before)
	}
	// The store still takes a good batch.
	if added := commit(t, s, Batch("s-new", as[10:20])); added != 10 {
		t.Errorf("Commit after failures added %d, want 10", added)
	}
}

// testCanceledBatch cancels a large batch while it is being written: either
// all of it is stored or none of it.
func testCanceledBatch(t *testing.T, s store.Store) {
	as := Articles(1500)
	commit(t, s, Batch("s-base", as[:10]))
	before := snapshot(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(5*time.Millisecond, cancel)
	added, err := s.Commit(ctx, Batch("s-big", as[10:]))
	cancel()
	if err != nil {
		t.Logf("Commit canceled midway: %v", err)
		checkUnchanged(t, s, before)
		return
	}
	t.Logf("Commit finished before the cancel")
	if added != len(as)-10 {
		t.Errorf("Commit added %d, want %d", added, len(as)-10)
	}
	checkCounts(t, s, len(as), 2)
}

// testConcurrentCommits commits overlapping batches from several goroutines
// and checks that every article is stored exactly once, in one of the
// stories that claimed it.
func testConcurrentCommits(t *testing.T, s store.Store) {
	const workers, batches, size = 6, 8, 5
	as := Articles(120)
	claims := make(map[string]map[string]bool) // article ID → story IDs
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for w := range workers {
		wg.Go(func() {
			for k := range batches {
				// Worker w's batch k starts half a batch after the
				// previous one, so neighbouring workers overlap.
				start := (w*batches*size/2 + k*size) % (len(as) - size)
				storyID := fmt.Sprintf("s-%d-%d", w, k)
				mu.Lock()
				for _, a := range as[start : start+size] {
					if claims[a.ID] == nil {
						claims[a.ID] = map[string]bool{}
					}
					claims[a.ID][storyID] = true
				}
				mu.Unlock()
				added, err := s.Commit(context.Background(), Batch(storyID, as[start:start+size]))
				if err != nil {
					t.Errorf("worker %d: Commit: %v", w, err)
					return
				}
				mu.Lock()
				total += added
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	checkConcurrentResult(t, s, claims, total, workers*batches)
}

// checkConcurrentResult checks the store after testConcurrentCommits.
func checkConcurrentResult(t *testing.T, s store.Store, claims map[string]map[string]bool, added, stories int) {
	t.Helper()
	if added != len(claims) {
		t.Errorf("Commits added %d articles in all, want %d", added, len(claims))
	}
	checkCounts(t, s, len(claims), stories)
	seen := map[string]bool{}
	for _, e := range snapshot(t, s).Scanned {
		if seen[e.Article.ID] {
			t.Errorf("article %s scanned twice", e.Article.ID)
		}
		seen[e.Article.ID] = true
		if !claims[e.Article.ID][e.StoryID] {
			t.Errorf("article %s is in story %q, which never claimed it", e.Article.ID, e.StoryID)
		}
	}
}

// testUpdated checks the time a commit gives the stories it creates or
// changes, and only those.
func testUpdated(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := Articles(3)
	b := Batch("s-a", as[0:1])
	b.Articles = append(b.Articles, as[1])
	x := Batch("s-b", as[1:2])
	b.Assignments = append(b.Assignments, x.Assignments...)
	b.Stories = append(b.Stories, x.Stories...)
	start := time.Now().Add(-time.Second) // clocks of client and server may differ a little
	commit(t, s, b)
	read := func(id string) time.Time {
		t.Helper()
		st, err := s.Story(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Updated
	}
	a1, b1 := read("s-a"), read("s-b")
	if a1.Before(start) || a1.After(time.Now().Add(time.Second)) {
		t.Errorf("Updated of a new story = %v, want about now", a1)
	}
	time.Sleep(5 * time.Millisecond)
	commit(t, s, b) // the same summaries again: nothing changed
	if got := read("s-a"); !got.Equal(a1) {
		t.Errorf("a commit that changed nothing moved Updated from %v to %v", a1, got)
	}
	g := Batch("s-a", as[2:3])
	g.Stories[0].Articles = 2
	commit(t, s, g)
	if got := read("s-a"); !got.After(a1) {
		t.Errorf("a story that grew keeps Updated %v (was %v)", got, a1)
	}
	if got := read("s-b"); !got.Equal(b1) {
		t.Errorf("a story the commit did not touch moved from %v to %v", b1, got)
	}
}
