package engine_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
)

// wireJSON encodes a story's wire form as the dossier does.
func wireJSON(t *testing.T, s dossier.Story) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := dossier.WriteStoryLine(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// checkCurrent fails unless the store holds current derived data of
// current stories and none stale.
func checkCurrent(t *testing.T, st store.Store, current, stale int) {
	t.Helper()
	c, s, err := st.DerivedCounts(context.Background(), engine.AnalysisVersion)
	if err != nil || c != current || s != stale {
		t.Errorf("derived: %d current, %d stale (%v); want %d, %d", c, s, err, current, stale)
	}
}

// Ingest stores the analysis of the stories it changes, and what is read
// back is byte for byte the story built from its articles.
func TestIngestStoresAnalysis(t *testing.T) {
	ctx := context.Background()
	db, e := open(t, ":memory:")
	if _, err := e.Ingest(ctx, readSeeds(t)); err != nil {
		t.Fatal(err)
	}
	checkCurrent(t, db, 1, 0)
	ss, err := e.Stories(ctx, store.StoryFilter{})
	if err != nil || len(ss) != 1 {
		t.Fatalf("stories %v, %v", ss, err)
	}
	built, err := e.Story(ctx, ss[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	d, err := db.Derived(ctx, ss[0].ID)
	if err != nil || d.Articles != 5 || d.Version != engine.AnalysisVersion {
		t.Fatalf("derived row: %d articles, version %q, %v", d.Articles, d.Version, err)
	}
	read, err := e.Dossier(ctx, ss[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := wireJSON(t, read), wireJSON(t, dossier.FromStory(built)); !bytes.Equal(got, want) {
		t.Errorf("stored story differs from the built one:\n%s\nwant\n%s", got, want)
	}
}

// failingPut wraps a store and fails its first PutDerived, as a killed
// process would lose its transaction.
type failingPut struct {
	store.Store
	failed bool
}

func (f *failingPut) PutDerived(ctx context.Context, ds []store.Derived) error {
	if !f.failed {
		f.failed = true
		return errDisk
	}
	return f.Store.PutDerived(ctx, ds)
}

// Stories stored without their analysis (batches submitted in bulk, or a
// failed write) are stale and read by analysing them; Derive stores them,
// goes on after a failure, and analyses again only what grew.
func TestDeriveStoresStaleStories(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	db, e := open(t, path)
	bs := engine.Batches{To: e}
	if err := bs.Add(ctx, readSeeds(t)[:4]); err != nil {
		t.Fatal(err)
	}
	if err := bs.Add(ctx, others()); err != nil {
		t.Fatal(err)
	}
	if err := bs.Wait(); err != nil {
		t.Fatal(err)
	}
	e.Release(ctx)
	checkCurrent(t, db, 0, 3)
	ss, err := e.Stories(ctx, store.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	before := make(map[string][]byte)
	for _, s := range ss {
		w, err := e.Dossier(ctx, s.ID) // built, since none is stored
		if err != nil {
			t.Fatal(err)
		}
		before[s.ID] = wireJSON(t, w)
	}

	fe, err := engine.Open(ctx, &failingPut{Store: db}, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := fe.Derive(ctx, nil); !errors.Is(err, errDisk) || n != 0 {
		t.Fatalf("Derive with a failing write: %d, %v", n, err)
	}
	checkCurrent(t, db, 0, 3)
	var calls int
	n, err := fe.Derive(ctx, func(done, total int) {
		calls++
		if done > total || total != 3 {
			t.Errorf("progress %d of %d", done, total)
		}
	})
	if err != nil || n != 3 || calls == 0 {
		t.Fatalf("Derive: %d stories, %d progress calls, %v; want 3", n, calls, err)
	}
	checkCurrent(t, db, 3, 0)
	for _, s := range ss {
		w, err := e.Dossier(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := wireJSON(t, w); !bytes.Equal(got, before[s.ID]) {
			t.Errorf("story %s as stored differs from the one built:\n%s\nwant\n%s", s.ID, got, before[s.ID])
		}
	}

	// The fifth seed grows the seeds' story: it alone is stale, and Ingest
	// analyses it again.
	if n, err := e.Derive(ctx, nil); err != nil || n != 0 {
		t.Errorf("Derive with nothing stale: %d, %v", n, err)
	}
	if _, err := e.Ingest(ctx, readSeeds(t)[4:]); err != nil {
		t.Fatal(err)
	}
	checkCurrent(t, db, 3, 0)
}

// A story whose stored analysis cannot be decoded is an error that names
// it, not a wrong page.
func TestDossierCorruptDerived(t *testing.T) {
	ctx := context.Background()
	db, e := open(t, ":memory:")
	if _, err := e.Ingest(ctx, others()[:1]); err != nil {
		t.Fatal(err)
	}
	ss, err := e.Stories(ctx, store.StoryFilter{})
	if err != nil || len(ss) != 1 {
		t.Fatal(ss, err)
	}
	// A row of a newer count replaces the stored one.
	if err := db.PutDerived(ctx, []store.Derived{{StoryID: ss[0].ID, Version: engine.AnalysisVersion, Articles: 1, Data: []byte("not gzip")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Dossier(ctx, ss[0].ID); err == nil || !bytes.Contains([]byte(err.Error()), []byte(ss[0].ID)) {
		t.Errorf("Dossier of a corrupt row: %v, want an error naming %s", err, ss[0].ID)
	}
}

// Ingest stores what the analysis found in each article, in its story:
// mentions linked to the story's entities, its quotes and time expressions.
// An article whose story has grown since has none to read until the story
// is analysed again.
func TestIngestStoresAnnotations(t *testing.T) {
	ctx := context.Background()
	seeds := readSeeds(t)
	db, e := open(t, ":memory:")
	if _, err := e.Ingest(ctx, seeds[:4]); err != nil {
		t.Fatal(err)
	}
	ss, err := e.Stories(ctx, store.StoryFilter{})
	if err != nil || len(ss) != 1 {
		t.Fatalf("stories %v, %v", ss, err)
	}
	w, err := e.Dossier(ctx, ss[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, en := range w.Entities {
		ids[en.ID] = true
	}
	stored, err := e.StoryArticles(ctx, ss[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	quotes := 0
	for _, a := range stored {
		an, ok, err := e.Annotation(ctx, a)
		if err != nil || !ok {
			t.Fatalf("Annotation(%s) = %v, %v; want the stored one", a.ID, ok, err)
		}
		if an.ID != a.ID || an.Text != a.Text || len(an.Mentions) == 0 {
			t.Errorf("annotation of %s: id %s, %d mentions, text kept %v", a.ID, an.ID, len(an.Mentions), an.Text == a.Text)
		}
		for _, m := range an.Mentions {
			if m.Entity != nil && !ids[*m.Entity] {
				t.Errorf("article %s: mention %q names %s, not one of the story's entities", a.ID, m.Text, *m.Entity)
			}
		}
		quotes += len(an.Quotes)
	}
	if quotes == 0 {
		t.Error("no article has a quote")
	}
	// The story grows without being analysed: its annotations are stale.
	lazy, err := engine.Open(ctx, noDerive{db}, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lazy.Ingest(ctx, seeds[4:]); err != nil {
		t.Fatal(err)
	}
	if grown, err := e.Stories(ctx, store.StoryFilter{}); err != nil || len(grown) != 1 || grown[0].Articles != 5 {
		t.Fatalf("the fifth seed did not join the story: %+v, %v", grown, err)
	}
	if _, ok, err := e.Annotation(ctx, stored[0]); ok || err != nil {
		t.Errorf("annotation of a grown story: ok %v, %v; want none", ok, err)
	}
}

// noDerive is a store whose derived data never takes.
type noDerive struct{ store.Store }

func (noDerive) PutDerived(context.Context, []store.Derived) error { return nil }
