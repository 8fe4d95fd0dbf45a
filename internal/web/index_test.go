package web

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/sqlite"
	"github.com/storyline-news/storyline/internal/story"
)

// While the first index is being built, entity pages serve what has been
// read (the newest stories first) and say so; an entity not read yet is a
// 503 with Retry-After, not a 404; once the build ends, everything is there.
func TestPartialIndex(t *testing.T) {
	release := make(chan struct{})
	var once sync.Once
	open := func() { once.Do(func() { close(release) }) }
	t.Cleanup(open)
	var blocked string // the seed story: its conversion waits for release
	var mu sync.Mutex
	convert := func(s story.Story) dossier.Story {
		mu.Lock()
		b := blocked
		mu.Unlock()
		if s.ID == b {
			<-release
		}
		return dossier.FromStory(s)
	}
	// The store keeps no derived data, as a store made by an older
	// version before its reindex: the index reads each story by analysing
	// it, one at a time.
	ctx := context.Background()
	db, err := sqlite.Open(ctx, sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	eng, err := engine.Open(ctx, unanalysed{db}, engine.Options{Dossier: convert})
	if err != nil {
		t.Fatal(err)
	}
	if err := Demo(ctx, eng); err != nil {
		t.Fatal(err)
	}
	s := New(eng, Options{Token: testToken, Now: fixedNow})
	s.index.wait, s.index.every = 20*time.Millisecond, 10*time.Millisecond
	do(t, s, http.MethodPost, "/api/articles", strings.NewReader(jsonlBody), "Authorization", "Bearer "+testToken)
	// Read the stories past the server, so that its cache stays empty and
	// the index build has to convert them.
	var list []dossier.Summary
	decode(t, get(t, s, "/api/stories", http.StatusOK).body, &list)
	if len(list) != 2 {
		t.Fatalf("stories %+v, want the storm and the seeds", list)
	}
	var seed, storm dossier.Story
	for _, sum := range list {
		st, err := s.eng.Story(context.Background(), sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Articles) == 5 {
			seed = dossier.FromStory(st)
		} else {
			storm = dossier.FromStory(st)
		}
	}
	if seed.ID == "" || len(seed.Entities) == 0 || len(storm.Entities) == 0 {
		t.Fatalf("seed story %q with %d entities, storm story with %d", seed.ID, len(seed.Entities), len(storm.Entities))
	}
	mu.Lock()
	blocked = seed.ID
	mu.Unlock()

	// The storm story is newer: it is read first, and its entity served.
	var partial entityResponse
	decode(t, get(t, s, "/api/entities/"+storm.Entities[0].ID, http.StatusOK).body, &partial)
	if partial.Indexing == nil || partial.Indexing.Indexed != 1 || partial.Indexing.Total != 2 {
		t.Errorf("entity served during the build: indexing = %+v, want 1 of 2", partial.Indexing)
	}
	if r := get(t, s, "/entities/"+storm.Entities[0].ID, http.StatusOK); !strings.Contains(r.body, "1 of 2 stories") {
		t.Errorf("entity page during the build lacks the note")
	}
	r := get(t, s, "/api/entities/"+seed.Entities[0].ID, http.StatusServiceUnavailable)
	if r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "still being built") {
		t.Errorf("entity not read yet: Retry-After %q, body %s", r.header.Get("Retry-After"), r.body)
	}

	// A list filtered by an entity not read yet is empty for now, says so,
	// and is not kept: once the index is complete, it holds the story.
	byEntity := "/api/stories?entity=" + seed.Entities[0].ID
	r = get(t, s, byEntity, http.StatusOK)
	if r.header.Get("X-Storyline-Indexing") != "1/2" || strings.Contains(r.body, seed.ID) {
		t.Errorf("story list by entity during the build: X-Storyline-Indexing %q, body %s", r.header.Get("X-Storyline-Indexing"), r.body)
	}

	open()
	deadline := time.Now().Add(10 * time.Second)
	for {
		r := do(t, s, http.MethodGet, "/api/entities/"+seed.Entities[0].ID, nil)
		if r.code == http.StatusOK {
			var full entityResponse
			decode(t, r.body, &full)
			if full.Indexing != nil {
				t.Errorf("complete index: indexing = %+v", full.Indexing)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the index never completed: %d %s", r.code, r.body)
		}
		time.Sleep(10 * time.Millisecond)
	}
	r = get(t, s, byEntity, http.StatusOK)
	if r.header.Get("X-Storyline-Indexing") != "" || !strings.Contains(r.body, seed.ID) {
		t.Errorf("story list by entity after the build: X-Storyline-Indexing %q, body %s", r.header.Get("X-Storyline-Indexing"), r.body)
	}
	get(t, s, "/api/entities/e-0000000000000000", http.StatusNotFound)
}

// unanalysed is a store whose derived data never takes.
type unanalysed struct{ *sqlite.DB }

func (unanalysed) PutDerived(context.Context, []store.Derived) error { return nil }

func TestUnionIsNeverNil(t *testing.T) {
	// An entity without roles in two stories: its roles are [], not null.
	if got := union(nil, []string{}); got == nil || len(got) != 0 {
		t.Errorf("union(nil, []) = %#v, want an empty list", got)
	}
	if got := union([]string{"b", "a"}, []string{"a", "c"}); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("union = %v, want [a b c]", got)
	}
}
