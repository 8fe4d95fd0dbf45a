package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline-news/storyline/internal/engine"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixedNow is the clock of every test run, so that dossiers are byte for
// byte reproducible.
var fixedNow = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// result is what one run of the command printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

// storyline runs the command line args in the repository root, with stdin
// as standard input, and returns what it printed.
func storyline(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		now:      func() time.Time { return fixedNow },
		terminal: func(io.Writer) bool { return false },
	}
	code := e.run(context.Background(), args)
	return result{code, out.String(), errb.String()}
}

// inRoot makes the test run in the repository root, so that source_ref
// values read "examples/…" as a user would see them.
func inRoot(t *testing.T) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(wd, "../.."))
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("cmd/storyline/testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", name, diff)
	}
}

func TestDigestSeedsGolden(t *testing.T) {
	inRoot(t)
	for _, f := range []struct{ format, file string }{
		{"json", "ukraine-talks.json"},
		{"markdown", "ukraine-talks.md"},
	} {
		t.Run(f.format, func(t *testing.T) {
			r := storyline(t, "", "digest", "--format", f.format, "examples/ukraine-talks")
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
			}
			golden(t, f.file, r.stdout)
		})
	}
}

// wireDossier is the part of the dossier contract the tests inspect.
type wireDossier struct {
	Schema  string `json:"schema"`
	Stories []struct {
		ID       string `json:"id"`
		Articles []struct {
			ID                string  `json:"id"`
			SourceRef         string  `json:"source_ref"`
			Title             *string `json:"title"`
			Published         *string `json:"published"`
			PublishedInferred bool    `json:"published_inferred"`
		} `json:"articles"`
	} `json:"stories"`
}

func decode(t *testing.T, s string) wireDossier {
	t.Helper()
	var d wireDossier
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		t.Fatalf("dossier is not JSON: %v\n%s", err, s)
	}
	return d
}

func TestDigestSeedsContract(t *testing.T) {
	inRoot(t)
	r := storyline(t, "", "digest", "--format", "json", "examples/ukraine-talks")
	d := decode(t, r.stdout)
	if d.Schema != "storyline.dossier/v1" || len(d.Stories) != 1 {
		t.Fatalf("schema %q, %d stories; want one story", d.Schema, len(d.Stories))
	}
	published := map[string]string{}
	for _, a := range d.Stories[0].Articles {
		p := "null"
		if a.Published != nil {
			p = *a.Published
		}
		if a.PublishedInferred {
			p += " (inferred)"
		}
		published[filepath.Base(a.SourceRef)[:3]] = p
		if strings.HasPrefix(filepath.Base(a.SourceRef), "004") {
			if a.Title == nil || *a.Title != "Ukraine talks result in US security guarantees and potential Putin-Zelensky meeting" {
				t.Errorf("004 title = %v", a.Title)
			}
		}
	}
	want := map[string]string{"000": "2025-08-17", "001": "2025-08-18", "002": "2025-08-19", "003": "2025-08-18 (inferred)", "004": "2025-08-19 (inferred)"}
	if diff := cmp.Diff(want, published); diff != "" {
		t.Errorf("published dates (-want +got):\n%s", diff)
	}
}

func TestDigestIsDeterministic(t *testing.T) {
	inRoot(t)
	a := storyline(t, "", "digest", "--format", "json", "examples/ukraine-talks")
	b := storyline(t, "", "digest", "--format", "json", "examples/ukraine-talks")
	if a.stdout != b.stdout {
		t.Error("two digests of the same input differ")
	}
}

func TestAnnotateSeedBodiesAreClean(t *testing.T) {
	inRoot(t)
	r := storyline(t, "", "annotate", "examples/ukraine-talks")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d annotation lines, want 5", len(lines))
	}
	for _, line := range lines {
		var an struct {
			SourceRef string `json:"source_ref"`
			Text      string `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &an); err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{" date 2025", "Related news", "© PHOTO"} {
			if strings.Contains(an.Text, bad) {
				t.Errorf("%s: body contains %q", an.SourceRef, bad)
			}
		}
	}
}

func TestIngestTwiceKeepsCount(t *testing.T) {
	inRoot(t)
	db := filepath.Join(t.TempDir(), "s.db")
	first := storyline(t, "", "--db", db, "ingest", "examples/ukraine-talks")
	if first.code != 0 || !strings.Contains(first.stderr, "ingested 5, duplicates 0, skipped 0, failed 0, stories analysed 1,") {
		t.Fatalf("first ingest: exit %d, stderr %q", first.code, first.stderr)
	}
	second := storyline(t, "", "--db", db, "ingest", "examples/ukraine-talks")
	if second.code != 0 || !strings.Contains(second.stderr, "ingested 0, duplicates 5, skipped 0, failed 0, stories analysed 0,") {
		t.Fatalf("second ingest: exit %d, stderr %q", second.code, second.stderr)
	}
	// Everything is analysed: reindex has nothing to do.
	if r := storyline(t, "", "--db", db, "reindex"); r.code != 0 || !strings.HasPrefix(r.stderr, "stories analysed 0 in") {
		t.Fatalf("reindex: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := storyline(t, "", "--db", db, "check"); r.code != 0 || r.stdout != "5 articles, 1 stories, 0 merges; 0 stories not analysed or out of date\nok\n" {
		t.Fatalf("check: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	list := storyline(t, "", "--db", db, "stories", "--format", "json")
	var sums []struct {
		ID       string `json:"id"`
		Articles int    `json:"articles"`
		Headline string `json:"headline"`
	}
	if err := json.Unmarshal([]byte(list.stdout), &sums); err != nil {
		t.Fatalf("stories: %v\n%s", err, list.stdout)
	}
	if len(sums) != 1 || sums[0].Articles != 5 {
		t.Fatalf("stories = %+v, want one story of 5 articles", sums)
	}

	// show prints the same dossier that digest builds.
	show := storyline(t, "", "--db", db, "show", "--format", "json", sums[0].ID)
	digest := storyline(t, "", "digest", "--format", "json", "examples/ukraine-talks")
	if show.code != 0 || show.stdout != digest.stdout {
		t.Errorf("show differs from digest (exit %d):\n%s", show.code, show.stdout)
	}

	search := storyline(t, "", "--db", db, "search", "--format", "json", "Oval", "Office")
	var hits []struct {
		Article string `json:"article"`
		Story   string `json:"story"`
		Snippet string `json:"snippet"`
	}
	if err := json.Unmarshal([]byte(search.stdout), &hits); err != nil {
		t.Fatalf("search: %v\n%s", err, search.stdout)
	}
	if len(hits) < 3 || hits[0].Story != sums[0].ID || !strings.Contains(hits[0].Snippet, "«") {
		t.Errorf("search hits = %+v", hits)
	}
}

func TestShowUnknownStory(t *testing.T) {
	inRoot(t)
	db := filepath.Join(t.TempDir(), "s.db")
	if r := storyline(t, "", "--db", db, "ingest", "examples/ukraine-talks/000_a1ebcd8b6ec8c988.txt"); r.code != 0 {
		t.Fatalf("ingest: exit %d, stderr %q", r.code, r.stderr)
	}
	r := storyline(t, "", "--db", db, "show", "s-0000000000000000")
	if r.code != 1 || !strings.Contains(r.stderr, "s-0000000000000000") || !strings.Contains(r.stderr, "not found") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// Flags that cannot mean anything are errors, not defaults; a read command
// does not create the store it is asked to read.
func TestBadStoreAndInputFlags(t *testing.T) {
	inRoot(t)
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo", "s.db")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--db", "", "ingest", "examples/ukraine-talks"}, "--db is empty"},
		{[]string{"--db", missing, "stories"}, "no store at " + missing},
		{[]string{"--db", missing, "search", "Zelensky"}, "no store at"},
		{[]string{"--db", filepath.Join(dir, "b.db"), "ingest", "--batch", "-1", "examples/ukraine-talks"}, "--batch is -1"},
		{[]string{"digest", "--batch", "0", "examples/ukraine-talks"}, "--batch is 0"},
		{[]string{"annotate", "--max-size", "-5", "examples/ukraine-talks"}, "--max-size is -5"},
	} {
		r := storyline(t, "", tc.args...)
		if r.code != 1 || !strings.Contains(r.stderr, tc.want) || strings.Contains(r.stderr, "panic") {
			t.Errorf("%q: exit %d, stderr %q, want 1 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Errorf("a read command created %s", filepath.Dir(missing))
	}
}

func TestDefaultStoreLocation(t *testing.T) {
	inRoot(t)
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	if r := storyline(t, "", "ingest", "examples/ukraine-talks/000_a1ebcd8b6ec8c988.txt"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(data, "storyline", "storyline.db")); err != nil {
		t.Error(err)
	}
}

func TestStdin(t *testing.T) {
	in := `{"id":"1","title":"Quake hits coast","text":"A strong earthquake struck the coast on Tuesday.","published":"2025-08-19","outlet":"Wire"}` + "\n"
	r := storyline(t, in, "digest", "--format", "json", "-")
	d := decode(t, r.stdout)
	if r.code != 0 || len(d.Stories) != 1 || d.Stories[0].Articles[0].SourceRef != "-#L1" {
		t.Errorf("exit %d, stderr %q, dossier %+v", r.code, r.stderr, d)
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, cmd := range []string{"digest", "annotate", "ingest", "stories", "show", "search"} {
		r := storyline(t, "", cmd, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Examples:") {
			t.Errorf("%s --help: exit %d, no examples:\n%s", cmd, r.code, r.stdout)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	r := storyline(t, "", "digest", "--format", "yaml", "x")
	if r.code != 1 || !strings.Contains(r.stderr, `unknown --format "yaml"`) {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// goldenStoryLine returns the seeds' story from the golden dossier as a
// JSON Lines line: compact, with a final newline.
func goldenStoryLine(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("cmd/storyline/testdata/ukraine-talks.json")
	if err != nil {
		t.Fatal(err)
	}
	var d struct{ Stories []json.RawMessage }
	if err := json.Unmarshal(data, &d); err != nil || len(d.Stories) != 1 {
		t.Fatalf("golden dossier: %v, %d stories", err, len(d.Stories))
	}
	var b bytes.Buffer
	if err := json.Compact(&b, d.Stories[0]); err != nil {
		t.Fatal(err)
	}
	return b.String() + "\n"
}

func TestJSONLines(t *testing.T) {
	inRoot(t)
	want := goldenStoryLine(t)
	r := storyline(t, "", "digest", "--format", "jsonl", "examples/ukraine-talks")
	if r.code != 0 || r.stdout != want {
		t.Errorf("digest --format jsonl (exit %d):\n%s\nwant the golden story on one line:\n%s", r.code, r.stdout, want)
	}

	dir := t.TempDir()
	other := filepath.Join(dir, "quake.txt")
	if err := os.WriteFile(other, []byte(" date 2025-08-20 A magnitude 6.1 earthquake struck off the coast of northern Japan early on Tuesday, shaking buildings in Sendai. No tsunami warning was issued, the meteorological agency said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "s.db")
	if r := storyline(t, "", "--db", db, "ingest", "examples/ukraine-talks", other); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	r = storyline(t, "", "--db", db, "show", "--all", "--format", "jsonl")
	lines := strings.SplitAfter(r.stdout, "\n")
	if r.code != 0 || len(lines) != 3 || lines[2] != "" {
		t.Fatalf("show --all --format jsonl (exit %d): %d lines\n%s", r.code, len(lines)-1, r.stdout)
	}
	// Newest first: the earthquake (2025-08-20), then the seeds.
	if !strings.Contains(lines[0], "Sendai") || lines[1] != want {
		t.Errorf("show --all --format jsonl lines:\n%s", r.stdout)
	}

	if r := storyline(t, "", "--db", db, "show", "--all", "s-0000000000000000"); r.code != 1 || !strings.Contains(r.stderr, "not both") {
		t.Errorf("show with IDs and --all: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := storyline(t, "", "--db", db, "show"); r.code != 1 || !strings.Contains(r.stderr, "--all") {
		t.Errorf("show with nothing: exit %d, stderr %q", r.code, r.stderr)
	}
}

// The stored analysis of a story is read instead of analysing it again as
// long as its version is engine.AnalysisVersion. A change to what the
// stages make of the seeds changes their golden dossier: this test fails
// until the version changes too, so that stores analysed by the older
// stages are analysed again (storyline reindex), not read as current.
// testdata/analysis-version.txt holds the version and the golden dossier's
// hash; -update rewrites it once the version has changed.
func TestAnalysisVersionFollowsGolden(t *testing.T) {
	inRoot(t)
	data, err := os.ReadFile("cmd/storyline/testdata/ukraine-talks.json")
	if err != nil {
		t.Fatal(err)
	}
	sum := fmt.Sprintf("%x", sha256.Sum256(data))
	path := "cmd/storyline/testdata/analysis-version.txt"
	rec, err := os.ReadFile(path)
	if err != nil && !*update {
		t.Fatal(err)
	}
	version, hash, _ := strings.Cut(strings.TrimSpace(string(rec)), " ")
	switch {
	case hash == sum && version == engine.AnalysisVersion:
		return
	case hash != sum && version == engine.AnalysisVersion && err == nil:
		t.Fatalf("the golden dossier changed but engine.AnalysisVersion is still %q: change it, then run with -update", version)
	case *update:
		if err := os.WriteFile(path, []byte(engine.AnalysisVersion+" "+sum+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	default:
		t.Fatalf("%s records version %q and golden hash %s; now %q and %s: run with -update", path, version, hash, engine.AnalysisVersion, sum)
	}
}
