package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store/postgres/pgtest"
	"github.com/storyline-news/storyline/internal/story"
	"github.com/storyline-news/storyline/internal/web"
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

// Two servers on one PostgreSQL database, each with its own engine, show
// the same pages and API answers, read from what the store keeps: neither
// analyses anything the other did not.
func TestTwoServersOnePostgres(t *testing.T) {
	dsn := pgtest.Database(t)
	inRoot(t)
	if r := storyline(t, "", "--db", dsn, "ingest", "examples/ukraine-talks"); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	ctx := context.Background()
	var servers []*web.Server
	for range 2 {
		// The conversion fails the test if a server analyses a story.
		eng, err := openEngine(ctx, dsn, engine.Options{Dossier: func(s story.Story) dossier.Story {
			t.Errorf("a server analysed story %s", s.ID)
			return dossier.FromStory(s)
		}})
		if err != nil {
			t.Fatal(err)
		}
		s := web.New(eng, web.Options{Now: func() time.Time { return time.Date(2025, 8, 20, 0, 0, 0, 0, time.UTC) }})
		t.Cleanup(func() {
			s.Close()
			eng.Close()
		})
		servers = append(servers, s)
	}
	get := func(s *web.Server, path string) string {
		t.Helper()
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d\n%s", path, rec.Code, rec.Body)
		}
		return rec.Body.String()
	}
	var list dossier.EntityList
	if err := json.Unmarshal([]byte(get(servers[0], "/api/entities?limit=3")), &list); err != nil || len(list.Entities) == 0 {
		t.Fatalf("entities: %v %+v", err, list)
	}
	var stories []dossier.Summary
	if err := json.Unmarshal([]byte(get(servers[0], "/api/stories")), &stories); err != nil || len(stories) != 1 {
		t.Fatalf("stories: %v %+v", err, stories)
	}
	paths := []string{"/", "/api/stories", "/stories/" + stories[0].ID, "/api/stories/" + stories[0].ID, "/?q=Zelenskiy"}
	for _, e := range list.Entities {
		paths = append(paths, "/entities/"+e.ID, "/api/entities/"+e.ID)
	}
	for _, p := range paths {
		if a, b := get(servers[0], p), get(servers[1], p); a != b {
			t.Errorf("GET %s differs between the two servers", p)
		}
	}
}
