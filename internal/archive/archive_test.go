package archive

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// kharkiv is a report of another event, weeks later, that spells the
// Ukrainian president as the seeds' Reuters and AP copies do not.
var kharkiv = article.Article{
	SourceRef: "kharkiv.txt",
	Title:     "Zelensky visits front-line units near Kharkiv",
	Outlet:    "Example Wire",
	Published: time.Date(2025, 10, 2, 9, 0, 0, 0, time.UTC),
	Text: `Ukrainian President Volodymyr Zelensky visited front-line units near Kharkiv on Thursday, ` +
		`handing out awards to soldiers who held positions through weeks of shelling.

"Our soldiers are holding the line, and they need air defence now," Zelensky said in a video address ` +
		`recorded at a field hospital outside the city.

The regional governor, Oleh Syniehubov, said three people were wounded overnight when drones struck ` +
		`an industrial district. Power was restored to most homes by the afternoon.

Zelensky said he would ask partners for more Patriot systems at a meeting in Copenhagen next week.`,
}

// seeded returns the archive of a store holding the seed articles
// (examples/ukraine-talks) and the Kharkiv report, and the engine over it.
func seeded(t *testing.T) (*Archive, *engine.Engine) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	eng, err := engine.Open(ctx, db, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var arts []article.Article
	err = ingest.New(ingest.Options{}).Read(ctx, "../../examples/ukraine-talks", func(r ingest.Result) error {
		if r.Err != nil {
			return r.Err
		}
		arts = append(arts, *r.Article)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	k := kharkiv
	k.SetID()
	if _, err := eng.Ingest(ctx, append(arts, k)); err != nil {
		t.Fatal(err)
	}
	return New(db), eng
}

func TestEntitiesPaged(t *testing.T) {
	a, _ := seeded(t)
	ctx := context.Background()
	all, err := a.Entities(ctx, EntityQuery{Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != len(all.Entities) || all.Next != nil || all.Total < 20 {
		t.Fatalf("every entity: %d listed of %d, next %v", len(all.Entities), all.Total, all.Next)
	}
	if top := all.Entities[0]; top.Name != "Donald Trump" || top.Type != "person" {
		t.Errorf("most mentioned entity = %+v, want Donald Trump", top)
	}
	var paged []dossier.EntitySummary
	q := EntityQuery{Limit: 7}
	for range all.Total {
		page, err := a.Entities(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != all.Total {
			t.Errorf("page total %d, want %d", page.Total, all.Total)
		}
		paged = append(paged, page.Entities...)
		if page.Next == nil {
			break
		}
		q.Cursor = *page.Next
	}
	if !slices.Equal(paged, all.Entities) {
		t.Errorf("pages of 7 differ from the whole list")
	}
	people, err := a.Entities(ctx, EntityQuery{Type: "person", Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range people.Entities {
		if e.Type != "person" {
			t.Errorf("person list holds %+v", e)
		}
	}
	for _, c := range []string{"x", "ZQAxNg", encodeCursor("s", "", "e-1"), encodeCursor("e", "many", "e-1")} {
		if _, err := a.Entities(ctx, EntityQuery{Cursor: c}); !errors.Is(err, ErrCursor) {
			t.Errorf("cursor %q: %v, want ErrCursor", c, err)
		}
	}
}

// The seeds spell the Ukrainian president three ways and the Kharkiv report
// a fourth; the archive holds one entity for him, in both stories.
func TestOneEntityAcrossStoriesAndSpellings(t *testing.T) {
	a, eng := seeded(t)
	ctx := context.Background()
	sums, err := eng.Stories(ctx, store.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 2 {
		t.Fatalf("%d stories, want the talks and the Kharkiv visit", len(sums))
	}
	var locals []string
	for _, sum := range sums {
		w, err := eng.Dossier(ctx, sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range w.Entities {
			if e.Type == "person" && strings.Contains(e.Name, "Zelensk") {
				locals = append(locals, e.ID)
			}
		}
	}
	if len(locals) < 2 {
		t.Fatalf("the stories name Zelensky as %v", locals)
	}
	var id string
	for _, local := range locals {
		p, err := a.Entity(ctx, local, PageQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if id == "" {
			id = p.Entity.ID
		}
		if p.Entity.ID != id {
			t.Errorf("story entity %s is archive entity %s, another is %s", local, p.Entity.ID, id)
		}
	}
	p, err := a.Entity(ctx, id, PageQuery{StoriesLimit: 1, QuotesLimit: 2})
	if err != nil {
		t.Fatal(err)
	}
	e := p.Entity
	if e.Stories != 2 || p.Stories.Total != 2 || len(p.Stories.Items) != 1 || p.Stories.Next == nil {
		t.Errorf("entity stories: %d, page %+v", e.Stories, p.Stories)
	}
	if p.Stories.Items[0].Headline != kharkiv.Title {
		t.Errorf("newest story = %q, want the Kharkiv visit", p.Stories.Items[0].Headline)
	}
	for _, spelling := range []string{"Zelensky", "Zelenskiy", "Zelenskyy"} {
		if !slices.ContainsFunc(e.Aliases, func(al dossier.Alias) bool { return al.Name == spelling }) {
			t.Errorf("aliases %+v lack %s", e.Aliases, spelling)
		}
	}
	if e.Days[len(e.Days)-1].Day != "2025-10-02" || e.Days[0].Day != "2025-08-17" {
		t.Errorf("days %+v, want 2025-08-17 to 2025-10-02", e.Days)
	}
	if !slices.ContainsFunc(e.Roles, func(r dossier.Role) bool {
		return strings.Contains(strings.ToLower(r.Role), "president") && r.Last != nil && *r.Last == "2025-10-02"
	}) {
		t.Errorf("roles %+v lack the presidency through 2025-10-02", e.Roles)
	}
	// The next page of stories holds the talks; quotes page on their own.
	next, err := a.Entity(ctx, id, PageQuery{StoriesLimit: 1, StoriesCursor: *p.Stories.Next})
	if err != nil {
		t.Fatal(err)
	}
	if len(next.Stories.Items) != 1 || next.Stories.Next != nil || next.Stories.Items[0].ID == p.Stories.Items[0].ID {
		t.Errorf("second page of stories = %+v", next.Stories)
	}
	if p.Quotes.Total < 3 || len(p.Quotes.Items) != 2 || p.Quotes.Next == nil {
		t.Errorf("quotes page = %d of %d, next %v", len(p.Quotes.Items), p.Quotes.Total, p.Quotes.Next)
	}
	if q := p.Quotes.Items[0]; !strings.Contains(q.Text, "holding the line") {
		t.Errorf("newest quote = %q, want the Kharkiv one", q.Text)
	}
	named, err := a.StoriesNaming(ctx, locals[0])
	if err != nil || len(named) != 2 {
		t.Errorf("StoriesNaming = %v, %v; want both stories", named, err)
	}
	if _, err := a.Entity(ctx, "e-0000000000000000", PageQuery{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown entity: %v, want ErrNotFound", err)
	}
}

// A search for one spelling of a name finds the articles that spell it
// otherwise; other queries are left as they are.
func TestSearchFindsOtherSpellings(t *testing.T) {
	a, eng := seeded(t)
	ctx := context.Background()
	plain, err := eng.Search(ctx, "Zelenskiy", 0)
	if err != nil {
		t.Fatal(err)
	}
	hits, spellings, err := a.Search(ctx, "Zelenskiy", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(spellings, "Zelensky") || !slices.Contains(spellings, "Zelenskyy") {
		t.Errorf("spellings added = %v", spellings)
	}
	if len(hits) <= len(plain) {
		t.Errorf("%d hits with other spellings, %d without", len(hits), len(plain))
	}
	k := kharkiv
	k.SetID()
	if !slices.ContainsFunc(hits, func(h store.Hit) bool { return h.ArticleID == k.ID }) {
		t.Error("a search for Zelenskiy misses the article that writes Zelensky")
	}
	seen := map[string]bool{}
	for i, h := range hits {
		if seen[h.ArticleID] {
			t.Errorf("article %s found twice", h.ArticleID)
		}
		seen[h.ArticleID] = true
		if i > 0 && h.Rank < hits[i-1].Rank {
			t.Errorf("hits out of rank order at %d", i)
		}
	}
	if limited, _, _ := a.Search(ctx, "Zelenskiy", 2); len(limited) != 2 {
		t.Errorf("limit 2 gave %d hits", len(limited))
	}
	for _, q := range []string{"security guarantees", `"Oval Office"`, "Zelensk*", "Kharkiv drones"} {
		if _, added, err := a.Search(ctx, q, 10); err != nil || len(added) != 0 {
			t.Errorf("Search(%q) added %v, %v", q, added, err)
		}
	}
}
