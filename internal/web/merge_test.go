package web

import (
	"context"
	"net/http"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

func TestMergedStoryRedirects(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var arts []article.Article
	for _, text := range []string{"Talks in Alaska ended without a deal.", "Leaders met at the White House on Monday."} {
		a := article.Article{SourceRef: text, Text: text}
		a.SetID()
		arts = append(arts, a)
	}
	const live, retired = "s-00000000000000aa", "s-00000000000000bb"
	b := store.Batch{
		Articles: arts,
		Assignments: []store.Assignment{
			{ArticleID: arts[0].ID, StoryID: live}, {ArticleID: arts[1].ID, StoryID: retired},
		},
		Stories: []store.Story{{ID: live, Headline: "Talks", Articles: 2}, {ID: retired, Headline: "Meeting", Articles: 1}},
		Merges:  []store.Merge{{From: retired, Into: live, ArticleID: arts[1].ID}},
	}
	if _, err := db.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	eng, err := engine.Open(ctx, db, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := New(eng, Options{Now: fixedNow})
	r := get(t, h, "/stories/"+retired, http.StatusMovedPermanently)
	if got := r.header.Get("Location"); got != "/stories/"+live {
		t.Errorf("redirect to %q, want /stories/%s", got, live)
	}
	r = get(t, h, "/stories/"+retired+"?full=1", http.StatusMovedPermanently)
	if got := r.header.Get("Location"); got != "/stories/"+live+"?full=1" {
		t.Errorf("redirect of the full page to %q, want /stories/%s?full=1", got, live)
	}
	get(t, h, "/stories/"+live, http.StatusOK)
	var st dossier.Story
	decode(t, get(t, h, "/api/stories/"+retired, http.StatusOK).body, &st)
	if st.ID != live || len(st.Articles) != 2 {
		t.Errorf("API story %s = %s with %d articles, want %s with 2", retired, st.ID, len(st.Articles), live)
	}
	for _, a := range st.Articles {
		if want := map[string]string{arts[1].ID: retired}[a.ID]; a.Why == nil || a.Why.MergedFrom != want {
			t.Errorf("article %s: why %+v, want merged_from %q", a.ID, a.Why, want)
		}
	}
}

// An article's page finds its story from the store.
func TestArticlePageFindsStory(t *testing.T) {
	s := newSeeded(t, Options{})
	st := seedStory(t, s)
	for _, a := range st.Articles {
		get(t, s, "/articles/"+a.ID, http.StatusOK)
		var r dossier.ArticleResponse
		decode(t, get(t, s, "/api/articles/"+a.ID, http.StatusOK).body, &r)
		if r.Story == nil || *r.Story != st.ID {
			t.Errorf("article %s: story %v, want %s", a.ID, r.Story, st.ID)
		}
	}
}
