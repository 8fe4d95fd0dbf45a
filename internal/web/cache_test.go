package web

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/story"
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

// A story build that no request waits for any longer stops: a request
// that gives up on a story too large to build in time leaves nothing
// running, and the next request builds the story afresh.
func TestAbandonedBuildStops(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("builds a large story; the race detector makes its stages take longer than the bound checked")
	}
	var built atomic.Int32
	eng := newEngine(t, func(st story.Story) dossier.Story {
		built.Add(1)
		return dossier.FromStory(st)
	})
	ctx := context.Background()
	// Stored without their analysis, so that the story is built on
	// request; uncanceled, its build takes tens of seconds.
	if _, err := eng.Submit(ctx, overlapping(4, 3_000_000)).Wait(); err != nil {
		t.Fatal(err)
	}
	eng.Release(ctx)
	sums, err := eng.Stories(ctx, store.StoryFilter{})
	if err != nil || len(sums) != 1 {
		t.Fatalf("stories %v, %v; want one", sums, err)
	}
	s := New(eng, Options{Now: fixedNow})
	t.Cleanup(s.Close)

	rctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if _, err := s.cache.story(rctx, sums[0].ID); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("story: error %v, want %v", err, context.DeadlineExceeded)
	}
	done := make(chan struct{})
	go func() {
		s.bg.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the build went on 5 s after its only request left")
	}
	if built.Load() != 0 {
		t.Error("the abandoned build finished")
	}
	s.cache.mu.Lock()
	n := len(s.cache.entries)
	s.cache.mu.Unlock()
	if n != 0 {
		t.Errorf("%d entries cached after the abandoned build, want 0", n)
	}
}

// overlapping returns n dated articles of about size bytes that share their
// paragraphs in other orders, made of made-up words: one story, slow to
// build.
func overlapping(n, size int) []article.Article {
	rng := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "lo", "ren", "ti", "mar", "se", "vo", "dan", "pri", "el"}
	var pool []string
	for total := 0; total < size; {
		var b strings.Builder
		for w := range 60 {
			if w > 0 {
				b.WriteByte(' ')
			}
			for range 1 + rng.IntN(3) {
				b.WriteString(syll[rng.IntN(len(syll))])
			}
		}
		b.WriteByte('.')
		pool = append(pool, b.String())
		total += b.Len() + 2
	}
	arts := make([]article.Article, n)
	for k := range arts {
		rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		arts[k] = article.Article{Text: strings.Join(pool, "\n\n"), Published: time.Date(2025, 8, 1+k, 0, 0, 0, 0, time.UTC)}
		arts[k].SetID()
	}
	return arts
}
