package storetest

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/store"
)

// testDerived stores derived rows and checks what is stale as stories
// grow, as versions change, as writers race and as stories merge.
func testDerived(t *testing.T, s store.Store) {
	ctx := context.Background()
	as := Articles(6)
	b := Batch("s-a", as[0:2])
	for _, x := range []store.Batch{Batch("s-b", as[2:3]), Batch("s-c", as[3:4])} {
		b.Articles = append(b.Articles, x.Articles...)
		b.Assignments = append(b.Assignments, x.Assignments...)
		b.Stories = append(b.Stories, x.Stories...)
	}
	commit(t, s, b)
	stale := func(after string, limit int) []string {
		t.Helper()
		ids, err := s.Stale(ctx, "v1", after, limit)
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	counts := func(version string, current, stale int) {
		t.Helper()
		c, st, err := s.DerivedCounts(ctx, version)
		if err != nil || c != current || st != stale {
			t.Errorf("DerivedCounts(%s) = %d current, %d stale, %v; want %d, %d", version, c, st, err, current, stale)
		}
	}
	if diff := cmp.Diff([]string{"s-a", "s-b", "s-c"}, stale("", 10)); diff != "" {
		t.Errorf("stale with nothing derived (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"s-b"}, stale("s-a", 1)); diff != "" {
		t.Errorf("stale after s-a, one (-want +got):\n%s", diff)
	}
	if _, err := s.Derived(ctx, "s-a"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Derived of a story with none: %v, want ErrNotFound", err)
	}
	data := []byte{0, 1, 2, 0xff, 'x'}
	put := func(ds ...store.Derived) {
		t.Helper()
		if err := s.PutDerived(ctx, ds); err != nil {
			t.Fatal(err)
		}
	}
	put(store.Derived{StoryID: "s-a", Version: "v1", Articles: 2, Data: data},
		store.Derived{StoryID: "s-b", Version: "v1", Articles: 1, Data: []byte("b")},
		// No such story: dropped.
		store.Derived{StoryID: "s-none", Version: "v1", Articles: 1, Data: []byte("?")})
	got, err := s.Derived(ctx, "s-a")
	if err != nil || got.Version != "v1" || got.Articles != 2 || !bytes.Equal(got.Data, data) {
		t.Errorf("Derived(s-a) = %+v, %v; want v1, 2 articles, %v", got, err, data)
	}
	if _, err := s.Derived(ctx, "s-none"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Derived of a row for no story: %v, want ErrNotFound", err)
	}
	if diff := cmp.Diff([]string{"s-c"}, stale("", 10)); diff != "" {
		t.Errorf("stale (-want +got):\n%s", diff)
	}
	counts("v1", 2, 1)
	counts("v2", 0, 3)
	// s-a grows: its row is stale until analysed again.
	g := Batch("s-a", as[4:5])
	g.Stories[0].Articles = 3
	commit(t, s, g)
	if diff := cmp.Diff([]string{"s-a", "s-c"}, stale("", 10)); diff != "" {
		t.Errorf("stale after s-a grew (-want +got):\n%s", diff)
	}
	put(store.Derived{StoryID: "s-a", Version: "v1", Articles: 3, Data: []byte("a3")})
	// A slow writer's row of the same version from fewer articles loses.
	put(store.Derived{StoryID: "s-a", Version: "v1", Articles: 2, Data: []byte("a2")})
	if got, err := s.Derived(ctx, "s-a"); err != nil || string(got.Data) != "a3" {
		t.Errorf("after an older row: Derived(s-a) = %q, %v; want a3", got.Data, err)
	}
	// Another version replaces it whatever its count.
	put(store.Derived{StoryID: "s-a", Version: "v2", Articles: 3, Data: []byte("v2")})
	if got, err := s.Derived(ctx, "s-a"); err != nil || string(got.Data) != "v2" {
		t.Errorf("after a new version: Derived(s-a) = %q, %v; want v2", got.Data, err)
	}
	counts("v2", 1, 2)
	// s-a absorbs s-b: s-b's row goes with it.
	m := Batch("s-a", as[5:6])
	m.Stories[0].Articles = 5
	m.Merges = []store.Merge{{From: "s-b", Into: "s-a", ArticleID: as[5].ID}}
	commit(t, s, m)
	if _, err := s.Derived(ctx, "s-b"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Derived of a merged story: %v, want ErrNotFound", err)
	}
	if diff := cmp.Diff([]string{"s-a", "s-c"}, stale("", 10)); diff != "" {
		t.Errorf("stale after the merge (-want +got):\n%s", diff)
	}
	counts("v2", 0, 2)
}
