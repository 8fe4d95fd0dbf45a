package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

// testStories checks that stories are replaced by ID and listed newest
// first, undated last, then by ID, and paged.
func testStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	if got, err := s.Stories(ctx, store.StoryFilter{}); err != nil || len(got) != 0 {
		t.Fatalf("Stories of an empty store = %v, %v; want none", got, err)
	}
	day := time.Date(2025, 8, 18, 0, 0, 0, 0, time.UTC)
	msk := time.FixedZone("MSK", 3*60*60)
	story := func(id string, last time.Time) store.Story {
		return store.Story{ID: id, Headline: "Headline of " + id, FirstPublished: last, LastPublished: last, Articles: 1}
	}
	commit(t, s, store.Batch{Stories: []store.Story{story("s-c", day), story("s-u1", time.Time{})}})
	commit(t, s, store.Batch{Stories: []store.Story{
		story("s-b", day),
		story("s-half", day.Add(500*time.Millisecond)), // sorts by the fraction too
		story("s-u0", time.Time{}),
		story("s-new", day.Add(24*time.Hour)),
		// 02:30 on the 19th in Moscow is 23:30 on the 18th in UTC.
		story("s-msk", day.Add(23*time.Hour+30*time.Minute).In(msk)),
		story("s-local", day.Add(time.Hour)),
	}})
	// Replacing a story by ID.
	renamed := story("s-c", day)
	renamed.Headline, renamed.Articles = "Renamed", 7
	commit(t, s, store.Batch{Stories: []store.Story{renamed}})

	all, err := s.Stories(ctx, store.StoryFilter{})
	if err != nil {
		t.Fatalf("Stories: %v", err)
	}
	want := []string{"s-new", "s-msk", "s-local", "s-half", "s-b", "s-c", "s-u0", "s-u1"}
	if diff := cmp.Diff(want, storyIDs(all)); diff != "" {
		t.Errorf("Stories order (-want +got):\n%s", diff)
	}
	if got, _ := s.Story(ctx, "s-c"); got.Headline != "Renamed" || got.Articles != 7 {
		t.Errorf("Story(s-c) = %+v, want the replaced summary", got)
	}
	checkCounts(t, s, 0, len(want))
	checkStoryPages(t, s, want)
}

// checkStoryPages checks that StoryFilter pages through the stories with the
// given IDs, in their order.
func checkStoryPages(t *testing.T, s store.Store, want []string) {
	t.Helper()
	for _, tt := range []struct {
		f    store.StoryFilter
		want []string
	}{
		{store.StoryFilter{Limit: 3}, want[:3]},
		{store.StoryFilter{Limit: 3, Offset: 3}, want[3:6]},
		{store.StoryFilter{Offset: 6}, want[6:]},
		{store.StoryFilter{Limit: 5, Offset: 20}, nil},
	} {
		got, err := s.Stories(context.Background(), tt.f)
		if err != nil {
			t.Fatalf("Stories(%+v): %v", tt.f, err)
		}
		if diff := cmp.Diff(tt.want, storyIDs(got), equateEmpty); diff != "" {
			t.Errorf("Stories(%+v) (-want +got):\n%s", tt.f, diff)
		}
	}
}

func storyIDs(ss []store.Story) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

// testStoryArticles checks that a story's articles come in the order they
// were stored, which is neither ID nor publication order.
func testStoryArticles(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := fixtures()
	first := []article.Article{as[fxParis], as[fxWhiteHouse], as[fxKyiv]}
	commit(t, s, Batch("s-talks", first))
	commit(t, s, store.Batch{Articles: as[fxMarkets:]}) // stored, not assigned
	second := Batch("s-talks", []article.Article{as[fxKremlin], as[fxAlaska]})
	second.Stories = nil
	commit(t, s, second)
	commit(t, s, store.Batch{Stories: []store.Story{{ID: "s-empty", Headline: "Nothing yet"}}})

	got, err := s.StoryArticles(ctx, "s-talks")
	if err != nil {
		t.Fatalf("StoryArticles: %v", err)
	}
	want := stored(append(first, as[fxKremlin], as[fxAlaska]))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("StoryArticles(s-talks) (-want +got):\n%s", diff)
	}
	if got, err := s.StoryArticles(ctx, "s-empty"); err != nil || len(got) != 0 {
		t.Errorf("StoryArticles(s-empty) = %d articles, %v; want none and no error", len(got), err)
	}

	// Why each article is in the story comes back in the same order.
	wantWhy := append(Batch("s-talks", first).Assignments, second.Assignments...)
	gotWhy, err := s.Assignments(ctx, "s-talks")
	if err != nil {
		t.Fatalf("Assignments: %v", err)
	}
	if diff := cmp.Diff(wantWhy, gotWhy); diff != "" {
		t.Errorf("Assignments(s-talks) (-want +got):\n%s", diff)
	}
	if got, err := s.Assignments(ctx, "s-missing"); err != nil || len(got) != 0 {
		t.Errorf("Assignments(s-missing) = %v, %v; want none and no error", got, err)
	}
}

// testNotFound checks that missing articles and stories are ErrNotFound.
func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	commit(t, s, Batch("s-talks", fixtures()[:2]))
	if _, err := s.Article(ctx, "a-0000000000000000"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(missing): err = %v, want ErrNotFound", err)
	}
	if _, err := s.Story(ctx, "s-missing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Story(missing): err = %v, want ErrNotFound", err)
	}
	if _, err := s.StoryArticles(ctx, "s-missing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("StoryArticles(missing): err = %v, want ErrNotFound", err)
	}
	if _, err := s.StoryOf(ctx, "a-0000000000000000"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("StoryOf(missing): err = %v, want ErrNotFound", err)
	}
}

// testStoryOf checks the story of an assigned and of an unassigned article.
func testStoryOf(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := fixtures()
	commit(t, s, fixtureBatch(as))
	for _, tc := range []struct {
		article, want string
	}{
		{as[0].ID, "s-talks"},
		{as[fxWildfires].ID, "s-spain"},
		{as[fxMarkets].ID, ""},
	} {
		if got, err := s.StoryOf(ctx, tc.article); err != nil || got != tc.want {
			t.Errorf("StoryOf(%s) = %q, %v; want %q", tc.article, got, err, tc.want)
		}
	}
}

// testScan checks Scan's order, stories, sequence numbers, resumption from a
// sequence number, early stop, and that fn may read the store while Scan
// runs.
func testScan(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := Articles(600) // more than a page of any sensible paging
	commit(t, s, store.Batch{Articles: as[:50]})
	commit(t, s, Batch("s-rest", as[50:]))
	var got []string
	var seqs []int64
	err := s.Scan(ctx, 0, func(seq int64, a article.Article, storyID string) error {
		want := "s-rest"
		if len(got) < 50 {
			want = ""
		}
		if storyID != want {
			t.Errorf("Scan: article %d is in story %q, want %q", len(got), storyID, want)
		}
		if len(got)%97 == 0 { // fn may use the store
			if _, err := s.Article(ctx, a.ID); err != nil {
				t.Errorf("Article within Scan: %v", err)
			}
		}
		got = append(got, a.ID)
		seqs = append(seqs, seq)
		return nil
	})
	if err != nil {
		t.Fatalf("Scan: %v", err)
	}
	if diff := cmp.Diff(ids(as), got); diff != "" {
		t.Errorf("Scan order (-want +got):\n%s", diff)
	}
	if !slices.IsSorted(seqs) || len(slices.Compact(slices.Clone(seqs))) != len(seqs) || seqs[0] <= 0 {
		t.Fatalf("Scan: sequence numbers %v…, want positive and increasing", seqs[:5])
	}
	checkScanFrom(t, s, as, seqs)
	checkScanStop(t, s)
}

// checkScanFrom checks that Scan from a sequence number visits exactly the
// articles after it, including those committed later.
func checkScanFrom(t *testing.T, s store.Store, as []article.Article, seqs []int64) {
	t.Helper()
	ctx := context.Background()
	more := Articles(620)[600:]
	commit(t, s, store.Batch{Articles: more})
	var got []string
	err := s.Scan(ctx, seqs[299], func(seq int64, a article.Article, _ string) error {
		if seq <= seqs[len(seqs)-1] && !slices.Contains(seqs, seq) {
			t.Errorf("Scan from %d: article %s has sequence number %d, not seen before", seqs[299], a.ID, seq)
		}
		got = append(got, a.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("Scan from %d: %v", seqs[299], err)
	}
	if diff := cmp.Diff(append(ids(as[300:]), ids(more)...), got); diff != "" {
		t.Errorf("Scan from the 300th article (-want +got):\n%s", diff)
	}
}

// checkScanStop checks that Scan stops at fn's first error and returns it.
func checkScanStop(t *testing.T, s store.Store) {
	t.Helper()
	errStop := errors.New("stop")
	n := 0
	err := s.Scan(context.Background(), 0, func(int64, article.Article, string) error {
		if n++; n == 3 {
			return errStop
		}
		return nil
	})
	if !errors.Is(err, errStop) || n != 3 {
		t.Errorf("Scan stopping at the 3rd article: called fn %d times, err = %v; want 3, %v", n, err, errStop)
	}
}
