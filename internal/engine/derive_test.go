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
