package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/dossier"
)

// When the store grows, the cache keeps the stories that did not change and
// rebuilds those that did; the entity index re-reads only those.
func TestCacheKeepsUnchangedStories(t *testing.T) {
	s := newSeeded(t, Options{Token: testToken})
	auth := []string{"Authorization", "Bearer " + testToken}
	seed := seedStory(t, s)
	get(t, s, "/entities/"+seed.Entities[0].ID, http.StatusOK) // builds the index
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
