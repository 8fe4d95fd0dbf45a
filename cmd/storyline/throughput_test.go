package main

import (
	"bufio"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/store/postgres/pgtest"
)

// TestIngestThroughput measures, in one run, how fast the storyline binary
// ingests the first 10,000 articles of the Reuters corpus into SQLite and
// into PostgreSQL. It runs only when STORYLINE_BENCH_CORPUS names the
// corpus (../shared/bench/corpus/reuters21578.jsonl.gz):
//
//	STORYLINE_BENCH_CORPUS=$PWD/../shared/bench/corpus/reuters21578.jsonl.gz \
//		go test -run IngestThroughput -v ./cmd/storyline
func TestIngestThroughput(t *testing.T) {
	corpus := os.Getenv("STORYLINE_BENCH_CORPUS")
	if corpus == "" {
		t.Skip("set STORYLINE_BENCH_CORPUS to the Reuters JSON Lines corpus")
	}
	input := firstLines(t, corpus, 10000)
	bin := buildStoryline(t)
	targets := []struct{ name, db string }{
		{"sqlite", filepath.Join(t.TempDir(), "bench.db")},
		{"postgres", pgtest.Database(t)},
	}
	for _, tt := range targets {
		start := time.Now()
		out, err := exec.Command(bin, "--db", tt.db, "ingest", input).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", tt.name, err, out)
		}
		secs := time.Since(start).Seconds()
		t.Logf("%-8s 10000 articles in %5.1f s: %6.0f articles/s (%s)", tt.name, secs, 10000/secs, out)
	}
}

// firstLines writes the first n lines of a gzipped file to a temporary file.
func firstLines(t *testing.T, path string, n int) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 64<<20)
	out := filepath.Join(t.TempDir(), "corpus.jsonl")
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for i := 0; i < n && sc.Scan(); i++ {
		w.Write(append(sc.Bytes(), '\n'))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
