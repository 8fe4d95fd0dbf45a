package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store/postgres"
	"github.com/storyline-news/storyline/internal/store/postgres/pgtest"
)

// buildStoryline builds the storyline binary into a temporary folder.
func buildStoryline(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "storyline")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// topicCorpus writes files of JSON Lines articles about topics whose
// vocabularies do not overlap, so that online clustering puts each topic in
// one story whatever the order the articles come in. It returns the paths.
func topicCorpus(t *testing.T, files, perFile, topics int) []string {
	t.Helper()
	syl := []string{"ba", "ke", "lo", "mu", "ri", "sa", "te", "vo", "ny", "qui", "dra", "fen", "gol", "hap", "jor", "wix"}
	word := func(topic, k int) string {
		return syl[topic%len(syl)] + syl[k%len(syl)] + syl[(topic*7+k*3)%len(syl)] + syl[(k/len(syl))%len(syl)] + "ton"
	}
	rng := rand.New(rand.NewPCG(1, 2))
	dir := t.TempDir()
	var paths []string
	for f := range files {
		var b strings.Builder
		for i := range perFile {
			topic := rng.IntN(topics)
			var words []string
			for range 60 {
				words = append(words, word(topic, rng.IntN(24)))
			}
			rec := map[string]string{
				"url":       fmt.Sprintf("https://news.example/%d/%d", f, i),
				"title":     strings.Join(words[:6], " "),
				"text":      strings.Join(words[6:], " ") + ".",
				"outlet":    fmt.Sprintf("Outlet %d", i%5),
				"published": fmt.Sprintf("2025-08-%02dT%02d:00:00Z", 1+f, i%24),
			}
			line, _ := json.Marshal(rec)
			b.Write(append(line, '\n'))
		}
		p := filepath.Join(dir, fmt.Sprintf("part%d.jsonl", f))
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// outcome is what a store holds, independent of the order of ingest.
type outcome struct {
	Articles  []article.Article // by ID
	Partition [][]string        // sorted article IDs of each story, sorted
	Counts    map[string]int    // story size as summarised → assigned articles, per story
}

// storeOutcome reads a PostgreSQL store's outcome and checks its summaries
// against its assignments.
func storeOutcome(t *testing.T, dsn string) outcome {
	t.Helper()
	ctx := context.Background()
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var o outcome
	members := map[string][]string{}
	err = db.Scan(ctx, 0, func(_ int64, a article.Article, storyID string) error {
		o.Articles = append(o.Articles, a)
		if storyID == "" {
			t.Errorf("article %s has no story", a.ID)
		}
		members[storyID] = append(members[storyID], a.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(o.Articles, func(a, b article.Article) int { return strings.Compare(a.ID, b.ID) })
	for _, ids := range members {
		slices.Sort(ids)
		o.Partition = append(o.Partition, ids)
	}
	slices.SortFunc(o.Partition, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	if _, stories, _ := db.Counts(ctx); stories != len(members) {
		t.Errorf("%d stories stored, %d have articles", stories, len(members))
	}
	o.Counts = map[string]int{}
	for id, ids := range members {
		s, err := db.Story(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if s.Articles != len(ids) {
			t.Errorf("story %s: summary counts %d articles, %d are assigned", id, s.Articles, len(ids))
		}
		o.Counts[fmt.Sprint(len(ids))]++
	}
	return o
}

// TestConcurrentIngestProcesses runs four ingest processes at once on
// overlapping inputs against one PostgreSQL database and checks that the
// result is what one process ingesting everything stores: no article lost or
// stored twice, no story split or duplicated, summaries that match.
func TestConcurrentIngestProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	shared, single := pgtest.Database(t), pgtest.Database(t)
	bin := buildStoryline(t)
	files := topicCorpus(t, 6, 50, 12)

	run := func(dsn string, inputs ...string) *exec.Cmd {
		args := append([]string{"--db", dsn, "ingest", "--batch", "4"}, inputs...)
		cmd := exec.Command(bin, args...)
		cmd.Stderr = new(strings.Builder)
		return cmd
	}
	if err := run(single, files...).Run(); err != nil {
		t.Fatalf("single ingest: %v", err)
	}
	var cmds []*exec.Cmd
	for p := range 4 {
		// Process p reads files p to p+3 (mod 6), so each file is read by
		// two or three processes at once.
		cmd := run(shared, files[p%6], files[(p+1)%6], files[(p+2)%6], files[(p+3)%6])
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("process %d: %v\n%s", i, err, cmd.Stderr)
		}
		t.Logf("process %d: %s", i, strings.TrimSpace(fmt.Sprint(cmd.Stderr)))
	}
	want, got := storeOutcome(t, single), storeOutcome(t, shared)
	if len(want.Articles) != 300 || len(want.Partition) != 12 {
		t.Errorf("single process stored %d articles in %d stories, want 300 in 12", len(want.Articles), len(want.Partition))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("four processes differ from one (-one +four):\n%s", diff)
	}
}
