package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/store/postgres/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// storeDossier ingests the seeds into the store at loc and returns what
// "stories" and "show" print of it, and what "search" finds.
func storeDossier(t *testing.T, loc string) (stories, shown, hits string) {
	t.Helper()
	if r := storyline(t, "", "--db", loc, "ingest", "examples/ukraine-talks"); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	r := storyline(t, "", "--db", loc, "stories", "--format", "json")
	if r.code != 0 {
		t.Fatalf("stories: exit %d\n%s", r.code, r.stderr)
	}
	var list []struct{ ID string }
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) == 0 {
		t.Fatalf("stories: %v\n%s", err, r.stdout)
	}
	for _, s := range list {
		r := storyline(t, "", "--db", loc, "show", "--format", "json", s.ID)
		if r.code != 0 {
			t.Fatalf("show %s: exit %d\n%s", s.ID, r.code, r.stderr)
		}
		shown += r.stdout
	}
	h := storyline(t, "", "--db", loc, "search", "--format", "json", `"security guarantees"`, "Zelensk*")
	if h.code != 0 {
		t.Fatalf("search: exit %d\n%s", h.code, h.stderr)
	}
	// When each store saw the story change differs by its clock.
	stories = regexp.MustCompile(`(?m)^\s*"updated": "[^"]*",?\n`).ReplaceAllString(r.stdout, "")
	return stories, shown, h.stdout
}

// TestDossierSameOnBothBackends checks that the seeds stored in SQLite and
// in PostgreSQL give the same story list and the same dossier, which is the
// dossier that digest prints.
func TestDossierSameOnBothBackends(t *testing.T) {
	dsn := pgtest.Database(t)
	inRoot(t)
	lite := filepath.Join(t.TempDir(), "storyline.db")
	liteStories, liteShown, liteHits := storeDossier(t, lite)
	pgStories, pgShown, pgHits := storeDossier(t, dsn)
	if diff := cmp.Diff(liteStories, pgStories); diff != "" {
		t.Errorf("stories (-sqlite +postgres):\n%s", diff)
	}
	if diff := cmp.Diff(liteShown, pgShown); diff != "" {
		t.Errorf("show (-sqlite +postgres):\n%s", diff)
	}
	if liteHits == "[]\n" || pgHits == "[]\n" {
		t.Errorf("search found nothing: sqlite %s, postgres %s", liteHits, pgHits)
	}
	digest := storyline(t, "", "digest", "--format", "json", "examples/ukraine-talks")
	if diff := cmp.Diff(digest.stdout, pgShown); diff != "" {
		t.Errorf("show from PostgreSQL differs from digest (-digest +show):\n%s", diff)
	}
	t.Logf("search on SQLite:\n%s\nsearch on PostgreSQL:\n%s", liteHits, pgHits)
}
