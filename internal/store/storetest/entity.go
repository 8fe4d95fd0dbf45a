package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/storyline-news/storyline/internal/store"
)

// testEntities stores stories' archive entities with their derived data
// and checks the totals, pages and lookups as stories are analysed again,
// as a slow writer's older analysis arrives, and as stories merge.
func testEntities(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := Articles(8)
	// s-a is the oldest story, s-c the newest; s-u has no dated article.
	b := Batch("s-a", as[0:2])
	for _, x := range []store.Batch{Batch("s-b", as[2:3]), Batch("s-c", as[3:4]), Batch("s-u", as[6:7])} {
		b.Articles = append(b.Articles, x.Articles...)
		b.Assignments = append(b.Assignments, x.Assignments...)
		b.Stories = append(b.Stories, x.Stories...)
	}
	commit(t, s, b)
	zel := func(local, name string, mentions int, days ...store.DayCount) store.StoryEntity {
		return store.StoryEntity{ID: "e-zel", Local: local, Type: "person", Name: name,
			Aliases: []string{name, "Zelensky"}, Roles: []string{"Ukrainian President"},
			Keys: []string{"zelenski", "volodimirzelenski"}, Mentions: mentions, Articles: 1, Quotes: 1, Days: days}
	}
	kyiv := store.StoryEntity{ID: "e-kyiv", Local: "e-kyiv-a", Type: "location", Name: "Kyiv",
		Aliases: []string{"Kyiv"}, Roles: []string{}, Keys: []string{"kiiv"}, Mentions: 2, Articles: 1}
	quote := func(story string, a int, text string) store.EntityQuote {
		return store.EntityQuote{Entity: "e-zel", StoryID: story, Article: as[a].ID, Published: as[a].Published, Data: []byte(text)}
	}
	put := func(ds ...store.Derived) {
		t.Helper()
		if err := s.PutDerived(ctx, ds); err != nil {
			t.Fatal(err)
		}
	}
	put(store.Derived{StoryID: "s-a", Version: "v1", Articles: 2, Data: []byte("a"),
		Entities: []store.StoryEntity{zel("e-zel-a", "Volodymyr Zelenskiy", 3, store.DayCount{Day: "2025-08-15", Mentions: 3}), kyiv},
		Quotes:   []store.EntityQuote{quote("s-a", 0, "qa0"), quote("s-a", 1, "qa1")}},
		store.Derived{StoryID: "s-b", Version: "v1", Articles: 1, Data: []byte("b"),
			Entities: []store.StoryEntity{zel("e-zel-b", "Volodymyr Zelensky", 5, store.DayCount{Day: "2025-08-15", Mentions: 1}, store.DayCount{Day: "2025-08-16", Mentions: 4})},
			Quotes:   []store.EntityQuote{quote("s-b", 2, "qb")}},
		store.Derived{StoryID: "s-u", Version: "v1", Articles: 1, Data: []byte("u"),
			Entities: []store.StoryEntity{func() store.StoryEntity {
				e := zel("e-zel-u", "Zelenskyy", 1)
				e.Others = []string{"e-zel-u2"} // a spelling the story told apart
				return e
			}()},
			Quotes: []store.EntityQuote{quote("s-u", 6, "qu")}},
	)
	checkEntities(t, s, "", []store.Entity{
		{ID: "e-zel", Type: "person", Name: "Volodymyr Zelensky", Mentions: 9, Stories: 3, Quotes: 3},
		{ID: "e-kyiv", Type: "location", Name: "Kyiv", Mentions: 2, Stories: 1},
	})
	checkEntities(t, s, "location", []store.Entity{{ID: "e-kyiv", Type: "location", Name: "Kyiv", Mentions: 2, Stories: 1}})
	// A cursor starts the page after the entity it names.
	page, total, err := s.Entities(ctx, store.EntityFilter{Limit: 1, After: store.EntityCursor{Mentions: 9, ID: "e-zel"}})
	if err != nil || total != 2 || len(page) != 1 || page[0].ID != "e-kyiv" {
		t.Errorf("Entities after e-zel = %+v, %d, %v; want e-kyiv of 2", page, total, err)
	}
	for _, id := range []string{"e-zel", "e-zel-a", "e-zel-u", "e-zel-u2"} {
		if e, err := s.Entity(ctx, id); err != nil || e.ID != "e-zel" || e.Mentions != 9 {
			t.Errorf("Entity(%s) = %+v, %v; want e-zel with 9 mentions", id, e, err)
		}
	}
	if _, err := s.Entity(ctx, "e-none"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Entity(e-none): %v, want ErrNotFound", err)
	}
	checkEntityStories(t, s, "e-zel", []string{"s-b", "s-a", "s-u"})
	days, err := s.EntityDays(ctx, "e-zel")
	if diff := cmp.Diff([]store.DayCount{{Day: "2025-08-15", Mentions: 4}, {Day: "2025-08-16", Mentions: 4}}, days); err != nil || diff != "" {
		t.Errorf("EntityDays (-want +got):\n%s%v", diff, err)
	}
	checkQuotes(t, s, "e-zel", []string{"qb", "qa1", "qa0", "qu"})
	for key, want := range map[string][]string{"zelenski": {"e-zel"}, "kiiv": {"e-kyiv"}, "kiev": nil} {
		ids, err := s.EntitiesByKey(ctx, key)
		if diff := cmp.Diff(want, ids, cmpopts.EquateEmpty()); err != nil || diff != "" {
			t.Errorf("EntitiesByKey(%s) (-want +got):\n%s%v", key, diff, err)
		}
	}

	// s-a grows and is analysed again: its rows are replaced, not added.
	g := Batch("s-a", as[4:5])
	g.Stories[0].Articles = 3
	commit(t, s, g)
	put(store.Derived{StoryID: "s-a", Version: "v1", Articles: 3, Data: []byte("a3"),
		Entities: []store.StoryEntity{zel("e-zel-a", "Volodymyr Zelenskiy", 6)}})
	// A slow writer's older analysis of s-a changes nothing.
	put(store.Derived{StoryID: "s-a", Version: "v1", Articles: 2, Data: []byte("a2"),
		Entities: []store.StoryEntity{kyiv}})
	checkEntities(t, s, "", []store.Entity{
		{ID: "e-zel", Type: "person", Name: "Volodymyr Zelenskiy", Mentions: 12, Stories: 3, Quotes: 3},
	})
	checkQuotes(t, s, "e-zel", []string{"qb", "qu"})
	checkIntegrity(t, s)

	// s-a absorbs s-b: s-b's entities go with its derived row.
	m := Batch("s-a", as[5:6])
	m.Stories[0].Articles = 5
	m.Merges = []store.Merge{{From: "s-b", Into: "s-a", ArticleID: as[5].ID}}
	commit(t, s, m)
	checkEntities(t, s, "", []store.Entity{
		{ID: "e-zel", Type: "person", Name: "Volodymyr Zelenskiy", Mentions: 7, Stories: 2, Quotes: 2},
	})
	checkEntityStories(t, s, "e-zel", []string{"s-a", "s-u"})
	if _, err := s.Entity(ctx, "e-zel-b"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Entity(e-zel-b) of a merged story: %v, want ErrNotFound", err)
	}
	checkIntegrity(t, s)
}

// checkIntegrity runs the store's own checks, where it has them.
func checkIntegrity(t *testing.T, s store.Store) {
	t.Helper()
	if ic, ok := s.(interface{ Integrity(context.Context) error }); ok {
		if err := ic.Integrity(context.Background()); err != nil {
			t.Errorf("Integrity: %v", err)
		}
	}
}

// checkEntities compares the entities listed, whole and one per page.
func checkEntities(t *testing.T, s store.Store, typ string, want []store.Entity) {
	t.Helper()
	ctx := context.Background()
	got, total, err := s.Entities(ctx, store.EntityFilter{Type: typ})
	if diff := cmp.Diff(want, got); err != nil || diff != "" || total != len(want) {
		t.Errorf("Entities(%q): total %d, %v (-want +got):\n%s", typ, total, err, diff)
	}
	var paged []store.Entity
	f := store.EntityFilter{Type: typ, Limit: 1}
	for range len(want) + 1 {
		page, _, err := s.Entities(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		paged = append(paged, page...)
		last := page[len(page)-1]
		f.After = store.EntityCursor{Mentions: last.Mentions, ID: last.ID}
	}
	if diff := cmp.Diff(want, paged); diff != "" {
		t.Errorf("Entities(%q) one per page (-want +got):\n%s", typ, diff)
	}
}

// checkEntityStories compares the stories of an entity, whole and one per
// page.
func checkEntityStories(t *testing.T, s store.Store, id string, want []string) {
	t.Helper()
	ctx := context.Background()
	all, err := s.EntityStories(ctx, id, store.PageFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, es := range all {
		got = append(got, es.Story.ID)
		if es.Entity.ID != id || es.Entity.Type != "person" || len(es.Entity.Aliases) != 2 || len(es.Entity.Roles) != 1 {
			t.Errorf("EntityStories(%s): story %s knows %+v", id, es.Story.ID, es.Entity)
		}
	}
	var paged []string
	p := store.PageFilter{Limit: 1}
	for range len(want) + 1 {
		page, err := s.EntityStories(ctx, id, p)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		last := page[len(page)-1].Story
		paged = append(paged, last.ID)
		p.Before, p.BeforeID = last.LastPublished, last.ID
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("EntityStories(%s) (-want +got):\n%s", id, diff)
	}
	if diff := cmp.Diff(want, paged); diff != "" {
		t.Errorf("EntityStories(%s) one per page (-want +got):\n%s", id, diff)
	}
}

// checkQuotes compares the quotes of an entity (by their data), whole and
// one per page.
func checkQuotes(t *testing.T, s store.Store, id string, want []string) {
	t.Helper()
	ctx := context.Background()
	all, err := s.EntityQuotes(ctx, id, store.PageFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, q := range all {
		got = append(got, string(q.Data))
	}
	paged := []string{}
	p := store.PageFilter{Limit: 1}
	for range len(want) + 1 {
		page, err := s.EntityQuotes(ctx, id, p)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		q := page[0]
		paged = append(paged, string(q.Data))
		p.Before, p.BeforeID = q.Published, q.ID
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("EntityQuotes(%s) (-want +got):\n%s", id, diff)
	}
	if diff := cmp.Diff(want, paged); diff != "" {
		t.Errorf("EntityQuotes(%s) one per page (-want +got):\n%s", id, diff)
	}
}

// testAnnotations stores articles' annotations with their story's derived
// data and reads them back with the row they came with, as the story is
// analysed again and merged.
func testAnnotations(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := Articles(4)
	b := Batch("s-a", as[0:2])
	x := Batch("s-b", as[2:3])
	b.Articles = append(b.Articles, x.Articles...)
	b.Assignments = append(b.Assignments, x.Assignments...)
	b.Stories = append(b.Stories, x.Stories...)
	commit(t, s, b)
	put := func(d store.Derived) {
		t.Helper()
		if err := s.PutDerived(ctx, []store.Derived{d}); err != nil {
			t.Fatal(err)
		}
	}
	get := func(id, wantData, wantStory string, wantArticles int) {
		t.Helper()
		a, d, err := s.Annotation(ctx, id)
		if err != nil || string(a.Data) != wantData || d.StoryID != wantStory || d.Articles != wantArticles || d.Version != "v1" {
			t.Errorf("Annotation(%s) = %q, %+v, %v; want %q of %s with %d articles", id, a.Data, d, err, wantData, wantStory, wantArticles)
		}
	}
	put(store.Derived{StoryID: "s-a", Version: "v1", Articles: 2, Data: []byte("a"), Annotations: []store.Annotation{
		{ArticleID: as[0].ID, Data: []byte("a0")}, {ArticleID: as[1].ID, Data: []byte("a1")}}})
	put(store.Derived{StoryID: "s-b", Version: "v1", Articles: 1, Data: []byte("b"), Annotations: []store.Annotation{
		{ArticleID: as[2].ID, Data: []byte("b2")}}})
	get(as[0].ID, "a0", "s-a", 2)
	get(as[2].ID, "b2", "s-b", 1)
	if _, _, err := s.Annotation(ctx, as[3].ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Annotation of an article with none: %v, want ErrNotFound", err)
	}
	// A merge drops the retired story's annotations; the next analysis of
	// the story that absorbed it stores them under it.
	m := Batch("s-a", as[3:4])
	m.Stories[0].Articles = 4
	m.Merges = []store.Merge{{From: "s-b", Into: "s-a", ArticleID: as[3].ID}}
	commit(t, s, m)
	if _, _, err := s.Annotation(ctx, as[2].ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Annotation of a merged story's article: %v, want ErrNotFound", err)
	}
	get(as[0].ID, "a0", "s-a", 2) // stale: the caller sees 2 of 4 articles
	var all []store.Annotation
	for i, a := range as {
		all = append(all, store.Annotation{ArticleID: a.ID, Data: []byte{'n', byte('0' + i)}})
	}
	put(store.Derived{StoryID: "s-a", Version: "v1", Articles: 4, Data: []byte("a4"), Annotations: all})
	get(as[2].ID, "n2", "s-a", 4)
	get(as[0].ID, "n0", "s-a", 4)
}
