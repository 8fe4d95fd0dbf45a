package web

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/sqlite"
	"github.com/storyline-news/storyline/internal/story"
)

func TestOwnerCancelsAndWaits(t *testing.T) {
	o := newOwner()
	var ended atomic.Bool
	started := make(chan struct{})
	o.start(func(ctx context.Context) {
		close(started)
		<-ctx.Done()
		time.Sleep(20 * time.Millisecond) // close must wait for this
		ended.Store(true)
	})
	<-started
	o.close()
	if !ended.Load() {
		t.Error("close returned before the goroutine it owns")
	}
	// Once closed, work runs at once with a context that is done.
	ran := false
	o.start(func(ctx context.Context) { ran = ctx.Err() != nil })
	if !ran {
		t.Error("start after close did not run its work at once with a done context")
	}
}

// A story build runs on behalf of its requests, and never outlives the
// server: Close waits for a build that is running, even one stuck in work
// that does not watch its context.
func TestCloseWaitsForBuilds(t *testing.T) {
	ctx := context.Background()
	release := make(chan struct{})
	entered := make(chan struct{})
	var blocking, converted atomic.Bool
	convert := func(s story.Story) dossier.Story {
		if blocking.Load() {
			close(entered)
			<-release
			converted.Store(true)
		}
		return dossier.FromStory(s)
	}
	db, err := sqlite.Open(ctx, sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	// No analysis is stored: the page must build the story.
	eng, err := engine.Open(ctx, unanalysed{db}, engine.Options{Dossier: convert})
	if err != nil {
		t.Fatal(err)
	}
	if err := Demo(ctx, eng); err != nil {
		t.Fatal(err)
	}
	s := New(eng, Options{Now: fixedNow})
	var list []dossier.Summary
	decode(t, get(t, s, "/api/stories", http.StatusOK).body, &list)
	blocking.Store(true)
	served := make(chan response, 1)
	go func() { served <- do(t, s, http.MethodGet, "/stories/"+list[0].ID, nil) }()
	<-entered // the build is running, its request waiting
	closed := make(chan struct{})
	go func() {
		s.Close()
		close(closed)
	}()
	select {
	case <-closed:
		t.Fatal("Close returned while a build was running")
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	<-closed
	if !converted.Load() {
		t.Error("Close returned before the build ended")
	}
	<-served
}

// unanalysed is a store whose derived data never takes.
type unanalysed struct{ *sqlite.DB }

func (unanalysed) PutDerived(context.Context, []store.Derived) error { return nil }
