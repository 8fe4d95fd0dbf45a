package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
)

// When the store grows, the cache keeps the stories that did not change and
// rebuilds those that did.
func TestCacheKeepsUnchangedStories(t *testing.T) {
	s := newSeeded(t, Options{Token: testToken})
	auth := []string{"Authorization", "Bearer " + testToken}
	seed := seedStory(t, s)
	get(t, s, "/entities/"+seed.Entities[0].ID, http.StatusOK)
	s.cache.mu.Lock()
	before := s.cache.entries[seed.ID]
	s.cache.mu.Unlock()
	if before == nil {
		t.Fatal("the seed story is not cached")
	}

	// An unrelated article: the seed story stays cached as it was.
	do(t, s, http.MethodPost, "/api/articles", strings.NewReader(jsonlBody), auth...)
	get(t, s, "/api/stories", http.StatusOK)
	s.cache.mu.Lock()
	after := s.cache.entries[seed.ID]
	s.cache.mu.Unlock()
	if after != before {
		t.Error("an ingest that did not touch the seed story dropped it from the cache")
	}
	get(t, s, "/entities/"+seed.Entities[0].ID, http.StatusOK)

	// A new article in the seed story: the story is rebuilt with it.
	a, err := s.eng.Article(context.Background(), seed.Articles[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	extra := map[string]string{"title": "Ukraine talks: update", "published": "2025-08-19",
		"text": a.Text + "\n\nThis article was updated with the latest statements."}
	line, _ := json.Marshal(extra)
	do(t, s, http.MethodPost, "/api/articles", strings.NewReader(string(line)+"\n"), auth...)
	var got dossier.Story
	decode(t, get(t, s, "/api/stories/"+seed.ID, http.StatusOK).body, &got)
	if len(got.Articles) != len(seed.Articles)+1 {
		t.Errorf("seed story has %d articles after adding one to it, want %d", len(got.Articles), len(seed.Articles)+1)
	}
	// The entity page reflects the grown story.
	if r := get(t, s, "/entities/"+seed.Entities[0].ID, http.StatusOK); !strings.Contains(r.body, "/stories/"+seed.ID) {
		t.Errorf("entity page lacks the story")
	}
}

// While one request compares the cache with the store, the others go on
// without asking; an ingest through the API makes the next request ask at
// once, even with a comparison under way.
func TestRefreshAfterInvalidate(t *testing.T) {
	s := newSeeded(t, Options{})
	c, ctx := s.cache, context.Background()
	if err := c.refresh(ctx); err != nil {
		t.Fatal(err)
	}
	c.mu.Lock()
	gen := c.gen
	c.checked = time.Time{} // a check is due …
	c.inFlight = c.epoch    // … and under way
	c.mu.Unlock()

	a := article.Article{SourceRef: "flood.txt", Text: "Floods closed schools across Bavaria on Friday, officials said."}
	a.SetID()
	if _, err := s.eng.Ingest(ctx, []article.Article{a}); err != nil {
		t.Fatal(err)
	}
	if err := c.refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if c.gen != gen {
		t.Fatalf("a second request compared with the store while a comparison was under way")
	}
	c.invalidate()
	if err := c.refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if c.gen != gen+1 {
		t.Errorf("after an invalidation the cache reflects %d articles, want %d", c.gen, gen+1)
	}
}

// A story that cannot be built (an unknown ID: 404) leaves no trace in the
// cache: the store growing afterwards refreshes every story, and requests
// keep working.
func TestFailedBuildLeavesCacheConsistent(t *testing.T) {
	s := newSeeded(t, Options{Token: testToken})
	auth := []string{"Authorization", "Bearer " + testToken}
	seed := seedStory(t, s)
	get(t, s, "/api/stories/s-0000000000000000", http.StatusNotFound)
	get(t, s, "/api/stories/"+seed.ID, http.StatusOK)
	s.cache.mu.Lock()
	if len(s.cache.order) != len(s.cache.entries) {
		t.Errorf("cache order holds %d IDs for %d entries", len(s.cache.order), len(s.cache.entries))
	}
	s.cache.mu.Unlock()

	a, err := s.eng.Article(context.Background(), seed.Articles[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	line, _ := json.Marshal(map[string]string{"title": "Ukraine talks: update", "published": "2025-08-19",
		"text": a.Text + "\n\nThis article was updated with the latest statements."})
	do(t, s, http.MethodPost, "/api/articles", strings.NewReader(string(line)+"\n"), auth...)
	get(t, s, "/", http.StatusOK)
	var got dossier.Story
	decode(t, get(t, s, "/api/stories/"+seed.ID, http.StatusOK).body, &got)
	if len(got.Articles) != len(seed.Articles)+1 {
		t.Errorf("story has %d articles after one joined it, want %d", len(got.Articles), len(seed.Articles)+1)
	}
}
