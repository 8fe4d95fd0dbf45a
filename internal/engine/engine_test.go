package engine_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/sqlite"
	"github.com/storyline-news/storyline/internal/story"
)

// readSeeds reads the reference articles with the real reader.
func readSeeds(t *testing.T) []article.Article {
	t.Helper()
	var out []article.Article
	err := ingest.New(ingest.Options{}).Read(context.Background(), "../../examples/ukraine-talks",
		func(r ingest.Result) error {
			if r.Err != nil {
				return r.Err
			}
			if r.Article != nil {
				out = append(out, *r.Article)
			}
			return nil
		})
	if err != nil || len(out) != 5 {
		t.Fatalf("reading seeds: %v (%d articles)", err, len(out))
	}
	return out
}

func others() []article.Article {
	return textArticles("other",
		"The central bank raised interest rates by a quarter point on Wednesday, citing persistent inflation in services and a tight labour market.",
		"A magnitude 6.1 earthquake struck off the coast of northern Japan early on Tuesday, shaking buildings in Sendai; no tsunami warning was issued.",
	)
}

// textArticles returns an article of each text, its source "prefix-N".
func textArticles(prefix string, texts ...string) []article.Article {
	var out []article.Article
	for i, s := range texts {
		a := article.Article{SourceRef: fmt.Sprintf("%s-%d", prefix, i), Text: s}
		a.SetID()
		out = append(out, a)
	}
	return out
}

func open(t *testing.T, path string) (*sqlite.DB, *engine.Engine) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e, err := engine.Open(context.Background(), db, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return db, e
}

// partition maps each article's source to its story.
func partition(t *testing.T, e *engine.Engine) map[string]string {
	t.Helper()
	ss, err := e.AllStories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]string)
	for _, s := range ss {
		for _, a := range s.Articles {
			out[a.SourceRef] = s.ID
		}
	}
	return out
}

func TestIngestCountsDuplicates(t *testing.T) {
	ctx := context.Background()
	_, e := open(t, ":memory:")
	arts := readSeeds(t)
	st, err := e.Ingest(ctx, append(arts, arts[0]))
	if err != nil || st != (engine.Stats{Ingested: 5, Duplicates: 1}) {
		t.Fatalf("Ingest = %+v, %v", st, err)
	}
	st, err = e.Ingest(ctx, arts)
	if err != nil || st != (engine.Stats{Ingested: 0, Duplicates: 5}) {
		t.Fatalf("second Ingest = %+v, %v", st, err)
	}
	ss, err := e.Stories(ctx, store.StoryFilter{})
	if err != nil || len(ss) != 1 || ss[0].Articles != 5 {
		t.Fatalf("Stories = %+v, %v", ss, err)
	}
	if ss[0].Headline != "Ukraine talks result in US security guarantees and potential Putin-Zelensky meeting" {
		t.Errorf("headline = %q", ss[0].Headline)
	}
}

func TestResumeAfterRestartGivesSamePartition(t *testing.T) {
	ctx := context.Background()
	arts := append(readSeeds(t), others()...)

	_, once := open(t, ":memory:")
	if _, err := once.Ingest(ctx, arts); err != nil {
		t.Fatal(err)
	}
	want := partition(t, once)

	path := filepath.Join(t.TempDir(), "s.db")
	db, first := open(t, path)
	if _, err := first.Ingest(ctx, arts[:3]); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, second := open(t, path)
	if _, err := second.Ingest(ctx, arts[3:]); err != nil {
		t.Fatal(err)
	}
	got := partition(t, second)
	for ref, id := range want {
		if got[ref] != id {
			t.Errorf("%s: story %s after restart, %s in one run", ref, got[ref], id)
		}
	}
}

// failing wraps a store and fails its first Commit.
type failing struct {
	store.Store
	failed bool
}

var errDisk = errors.New("disk full")

func (f *failing) Commit(ctx context.Context, b store.Batch) (int, error) {
	if !f.failed {
		f.failed = true
		return 0, errDisk
	}
	return f.Store.Commit(ctx, b)
}

func TestFailedCommitLeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t, ":memory:")
	arts := readSeeds(t)
	e, err := engine.Open(ctx, &failing{Store: db}, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Ingest(ctx, arts[:2]); !errors.Is(err, errDisk) {
		t.Fatalf("Ingest error = %v, want %v", err, errDisk)
	}
	// The engine must forget the failed batch: ingesting everything again
	// gives the stories a fresh run gives.
	st, err := e.Ingest(ctx, arts)
	if err != nil || st.Ingested != 5 {
		t.Fatalf("Ingest after failure = %+v, %v", st, err)
	}
	if n, stories, _ := db.Counts(ctx); n != 5 || stories != 1 {
		t.Errorf("%d articles in %d stories stored, want 5 in 1", n, stories)
	}
}

func TestStoryNotFound(t *testing.T) {
	_, e := open(t, ":memory:")
	if _, err := e.Story(context.Background(), "s-missing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Story(missing) error = %v, want ErrNotFound", err)
	}
}

func TestEachStoryKeepsOrderAndStops(t *testing.T) {
	ctx := context.Background()
	_, e := open(t, ":memory:")
	as := textArticles("topic",
		"The central bank raised interest rates by a quarter point, citing inflation.",
		"A magnitude 6.1 earthquake struck off northern Japan; no tsunami warning was issued.",
		"The football club sacked its manager after a fifth straight league defeat.",
		"Wildfires forced thousands to evacuate villages in the hills above the coast.",
		"The parliament passed a law banning smartphones in primary school classrooms.",
		"A new vaccine against malaria cut hospital admissions among infants by half.",
		"The carmaker recalled two million vehicles over faulty airbag sensors.",
		"Astronomers found water vapour in the atmosphere of a distant exoplanet.",
		"Farmers blocked motorways with tractors to protest against fuel taxes.",
		"The museum returned looted bronze sculptures to their country of origin.",
	)
	if _, err := e.Ingest(ctx, append(readSeeds(t), as...)); err != nil {
		t.Fatal(err)
	}
	sums, err := e.Stories(ctx, store.StoryFilter{})
	if err != nil || len(sums) < 8 {
		t.Fatalf("Stories: %d, %v; want at least 8", len(sums), err)
	}
	var ids, want []string
	for _, s := range sums {
		ids = append(ids, s.ID)
		st, err := e.Story(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, fmt.Sprintf("%s %d %s", st.ID, len(st.Articles), st.Headline))
	}
	var got []string
	err = e.EachStory(ctx, ids, func(s story.Story) error {
		got = append(got, fmt.Sprintf("%s %d %s", s.ID, len(s.Articles), s.Headline))
		return nil
	})
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("EachStory = %q, %v; want %q in that order", got, err, want)
	}

	// A missing story stops the walk after the stories before it.
	n := 0
	err = e.EachStory(ctx, []string{ids[0], ids[1], "s-missing", ids[2]}, func(story.Story) error { n++; return nil })
	if !errors.Is(err, store.ErrNotFound) || n != 2 {
		t.Errorf("EachStory with a missing ID: %d stories, error %v; want 2 and ErrNotFound", n, err)
	}
	// So does an error from fn, which is returned as it is.
	stop := errors.New("enough")
	n = 0
	err = e.EachStory(ctx, ids, func(story.Story) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("EachStory stopped by fn: %d calls, error %v; want 3 and %v", n, err, stop)
	}
	// A cancelled context is reported.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := e.EachStory(cctx, ids, func(story.Story) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("EachStory with a cancelled context: %v, want context.Canceled", err)
	}
}

func TestOpenCanceled(t *testing.T) {
	db, _ := open(t, ":memory:")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if e, err := engine.Open(ctx, db, engine.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Open(canceled) = %v, %v; want context.Canceled", e, err)
	}
}

// closeCounter counts the calls to its store's Close and returns err.
type closeCounter struct {
	store.Store
	closes int
	err    error
}

func (c *closeCounter) Close() error {
	c.closes++
	return errors.Join(c.Store.Close(), c.err)
}

// TestClose: Close waits for the batch being committed, closes the store
// once however often it is called, and fails the batches submitted after
// it.
func TestClose(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "close.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	errClose := errors.New("close failed")
	cc := &closeCounter{Store: db, err: errClose}
	e, err := engine.Open(ctx, cc, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	arts := readSeeds(t)
	p := e.Submit(ctx, arts)
	for range 2 {
		if err := e.Close(); !errors.Is(err, errClose) {
			t.Errorf("Close = %v, want %v", err, errClose)
		}
	}
	if cc.closes != 1 {
		t.Errorf("the store was closed %d times, want once", cc.closes)
	}
	if st, err := p.Wait(); err != nil || st.Ingested != 5 {
		t.Errorf("batch submitted before Close = %+v, %v; want 5 ingested", st, err)
	}
	if _, err := e.Ingest(ctx, others()); err == nil {
		t.Error("Ingest after Close succeeded")
	}
	_, reopened := open(t, path)
	if n, _, err := reopened.Counts(ctx); err != nil || n != 5 {
		t.Errorf("%d articles stored (%v), want 5", n, err)
	}
}
