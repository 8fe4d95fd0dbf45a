package cluster

import (
	"fmt"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
)

// dated returns an article with the given text published on the given day
// of 2025.
func dated(text string, yday int) article.Article {
	a := article.Article{Text: text, Published: time.Date(2025, 1, yday, 12, 0, 0, 0, time.UTC)}
	a.SetID()
	return a
}

// filler returns n unrelated articles dated on day yday, each its own
// story.
func filler(n, yday int) []article.Article {
	var out []article.Article
	for i := range n {
		out = append(out, dated(fmt.Sprintf("Filler report %d: Zorbex%d and Quillan%d announced results for quarter %d in Veltrop%d.", i, i, i, i, i), yday))
	}
	return out
}

func TestIdleStoriesAreEvicted(t *testing.T) {
	defer func(n int) { sweepEvery = n }(sweepEvery)
	sweepEvery = 4
	quake := others[1]
	for _, tc := range []struct {
		idle      float64
		wantJoin  bool
		wantEvict bool
	}{
		{idle: 0, wantJoin: true},                    // no eviction: the late report joins
		{idle: 30, wantJoin: false, wantEvict: true}, // idle for 99 days: evicted
		{idle: 200, wantJoin: true},                  // within the window
	} {
		c := New(Options{Idle: tc.idle})
		first := c.Assign(dated(quake, 1))
		for _, a := range filler(8, 100) {
			c.Assign(a)
		}
		late := c.Assign(dated(quake+" Aftershocks were felt for days.", 100))
		if joined := late.StoryID == first.StoryID; joined != tc.wantJoin {
			t.Errorf("Idle %v: late report joined the first story: %v, want %v (score %.3f)", tc.idle, joined, tc.wantJoin, late.Score)
		}
		if got := c.Evicted() > 0; got != tc.wantEvict {
			t.Errorf("Idle %v: evicted %d stories, want some: %v", tc.idle, c.Evicted(), tc.wantEvict)
		}
	}
}

func TestRestoreRevivesEvictedStory(t *testing.T) {
	defer func(n int) { sweepEvery = n }(sweepEvery)
	sweepEvery = 4
	c := New(Options{Idle: 30})
	first := c.Assign(dated(others[1], 1))
	for _, a := range filler(8, 100) {
		c.Assign(a)
	}
	if c.Evicted() == 0 {
		t.Fatal("nothing evicted")
	}
	// Another process added a fresh article to the evicted story.
	c.Restore(dated(others[1]+" Officials reported minor damage.", 100), first.StoryID)
	if d := c.Assign(dated(others[1]+" Schools reopened.", 100)); d.StoryID != first.StoryID {
		t.Errorf("after restore, a report joined %s (new %v), want the revived %s", d.StoryID, d.New, first.StoryID)
	}
}

func TestMergeFromAnotherProcess(t *testing.T) {
	c := New(Options{})
	a := c.Assign(dated(others[0], 1))
	b := c.Assign(dated(others[2], 1))
	c.Merge(b.StoryID, a.StoryID)
	if d := c.Assign(dated(others[2]+" Fans celebrated late into the night.", 2)); d.StoryID != a.StoryID {
		t.Errorf("a report on the merged story joined %s, want %s", d.StoryID, a.StoryID)
	}
	if got := c.Stories(); got != 1 {
		t.Errorf("Stories() = %d after the merge, want 1", got)
	}
	// A merge of a story this Clusterer never saw makes its ID an alias.
	c.Merge("s-unseen", a.StoryID)
	c.Restore(dated(others[1], 3), "s-unseen")
	if got := c.Stories(); got != 1 {
		t.Errorf("Stories() = %d after restoring into an alias, want 1", got)
	}
}
