// Package storetest is the conformance suite of the store.Store contract.
// Every backend runs the same Run against fresh stores of its own, so that
// the engine and the web layer behave alike on SQLite and PostgreSQL.
//
// The suite uses realistic news articles in several languages and scripts,
// built in (see Articles); it reads no files and imports no analysis stage.
package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

// Run runs the conformance suite as subtests of t. open must return a new,
// empty store on every call and close it when the test that asked for it
// ends (t.Cleanup). Run the suite under -race: one subtest commits from
// several goroutines at once.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"CommitAndRead", testCommitAndRead},
		{"Recommit", testRecommit},
		{"LateAssignment", testLateAssignment},
		{"Known", testKnown},
		{"Stories", testStories},
		{"StoryArticles", testStoryArticles},
		{"NotFound", testNotFound},
		{"StoryOf", testStoryOf},
		{"Search", testSearch},
		{"SearchHostile", testSearchHostile},
		{"Scan", testScan},
		{"FailedBatch", testFailedBatch},
		{"CanceledBatch", testCanceledBatch},
		{"ConcurrentCommits", testConcurrentCommits},
		{"Merges", testMerges},
		{"Updated", testUpdated},
		{"Derived", testDerived},
		{"Entities", testEntities},
		{"Annotations", testAnnotations},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, open(t))
		})
	}
}

// fixtures returns eight articles, one per sample, with publication times
// that probe the round trip: nanoseconds (stored as microseconds), zones
// other than UTC, inferred dates, and unknown ones.
func fixtures() []article.Article {
	kyivTime := time.FixedZone("EEST", 3*60*60)
	published := []struct {
		t        time.Time
		inferred bool
	}{
		{time.Date(2025, 8, 18, 9, 30, 0, 0, time.UTC), false},
		{time.Time{}, false},
		{time.Date(2025, 8, 16, 1, 15, 7, 123456789, kyivTime), false},
		{time.Date(2025, 8, 19, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2025, 8, 19, 7, 0, 0, 1, time.FixedZone("CEST", 2*60*60)), false},
		{time.Time{}, false},
		{time.Date(2025, 8, 17, 12, 0, 0, 0, time.UTC), false},
		{time.Date(2025, 8, 18, 16, 45, 30, 500000000, time.UTC), false},
	}
	as := make([]article.Article, len(samples))
	for i, s := range samples {
		a := article.Article{
			SourceRef:         "examples/fixtures/" + s.lang + "-" + s.outlet + ".txt",
			URL:               "https://news.example/fixture/" + s.outlet,
			Title:             s.title,
			Outlet:            s.outlet,
			Author:            s.author,
			Published:         published[i].t,
			PublishedInferred: published[i].inferred,
			Language:          s.lang,
			Text:              s.text,
		}
		a.SetID()
		as[i] = a
	}
	return as
}

// Indexes of the fixtures.
const (
	fxWhiteHouse = iota
	fxKremlin
	fxAlaska
	fxBerlin
	fxParis
	fxKyiv
	fxWildfires
	fxMarkets
)

// fixtureBatch puts the six Ukraine fixtures in story "s-talks" and the
// wildfires in "s-spain", and leaves the markets article unassigned.
func fixtureBatch(as []article.Article) store.Batch {
	b := Batch("s-talks", as[:fxWildfires])
	spain := Batch("s-spain", as[fxWildfires:fxMarkets])
	b.Articles = as
	b.Assignments = append(b.Assignments, spain.Assignments...)
	b.Stories = append(b.Stories, spain.Stories...)
	return b
}

// commit commits b and returns how many articles were added, failing the
// test on error.
func commit(t *testing.T, s store.Store, b store.Batch) int {
	t.Helper()
	added, err := s.Commit(context.Background(), b)
	if err != nil {
		t.Fatalf("Commit: %v", err)
	}
	return added
}

// state is everything a store holds, as the contract shows it.
type state struct {
	Articles, Stories int
	Scanned           []scanned
	List              []store.Story
}

type scanned struct {
	Article article.Article
	StoryID string
}

// snapshot returns s's state.
func snapshot(t *testing.T, s store.Store) state {
	t.Helper()
	ctx := context.Background()
	var st state
	var err error
	if st.Articles, st.Stories, err = s.Counts(ctx); err != nil {
		t.Fatalf("Counts: %v", err)
	}
	err = s.Scan(ctx, 0, func(_ int64, a article.Article, storyID string) error {
		st.Scanned = append(st.Scanned, scanned{a, storyID})
		return nil
	})
	if err != nil {
		t.Fatalf("Scan: %v", err)
	}
	if st.List, err = s.Stories(ctx, store.StoryFilter{}); err != nil {
		t.Fatalf("Stories: %v", err)
	}
	return st
}

// equateEmpty treats nil and empty slices and maps alike: the contract does
// not tell them apart.
var equateEmpty = cmpopts.EquateEmpty()

// checkUnchanged fails the test when s's state is not want.
func checkUnchanged(t *testing.T, s store.Store, want state) {
	t.Helper()
	if diff := cmp.Diff(want, snapshot(t, s), equateEmpty); diff != "" {
		t.Errorf("store changed (-before +after):\n%s", diff)
	}
}

// ids returns the IDs of as.
func ids(as []article.Article) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

// stored returns copies of as as a store gives them back: publication times
// truncated to the microsecond.
func stored(as []article.Article) []article.Article {
	out := make([]article.Article, len(as))
	for i, a := range as {
		a.Published = a.Published.Truncate(time.Microsecond)
		out[i] = a
	}
	return out
}

// storedStory returns s as a store gives it back: times truncated to the
// microsecond.
func storedStory(s store.Story) store.Story {
	s.FirstPublished = s.FirstPublished.Truncate(time.Microsecond)
	s.LastPublished = s.LastPublished.Truncate(time.Microsecond)
	return s
}

// ignoreUpdated leaves out of a comparison of stories the time the store
// sets on commit; testUpdated checks it.
var ignoreUpdated = cmpopts.IgnoreFields(store.Story{}, "Updated")
