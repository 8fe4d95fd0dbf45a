package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// An ingest or a reindex killed at any point leaves the store sound: every stored
// analysis whole with its entity rows, the entities' totals their rows'
// sum; the next reindex goes on and ends with every story analysed.
func TestReindexKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds storyline and kills it repeatedly")
	}
	bin := buildStoryline(t)
	db := filepath.Join(t.TempDir(), "k.db")
	run := func(args ...string) (string, error) {
		var out bytes.Buffer
		cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	files := append(topicCorpus(t, 3, 400, 60), namedCorpus(t, 300))
	rng := rand.New(rand.NewPCG(3, 4))
	// Ingests killed part way: what they stored, analysis and entity
	// totals included, passes check.
	for trial := range 3 {
		cmd := exec.Command(bin, append([]string{"--db", db, "ingest"}, files...)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(300+rng.IntN(1500)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		if out, err := run("check"); err != nil {
			t.Fatalf("check after killed ingest %d: %v\n%s", trial, err, out)
		}
	}
	if out, err := run(append([]string{"ingest"}, files...)...); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	forget := func() {
		t.Helper()
		conn, err := sql.Open("sqlite", "file:"+db+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)")
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := conn.Exec(`DELETE FROM derived`); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string) string {
		t.Helper()
		out, err := run("check")
		if err != nil {
			t.Fatalf("check %s: %v\n%s", when, err, out)
		}
		return out
	}
	forget()
	kills := 0
	for trial := range 6 {
		cmd := exec.Command(bin, "--db", db, "reindex")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-time.After(time.Duration(50+rng.IntN(600)) * time.Millisecond):
			cmd.Process.Kill()
			<-done
			kills++
		case err := <-done:
			if err != nil {
				t.Fatalf("reindex %d: %v", trial, err)
			}
			forget() // finished first: start over, to kill the next one
		}
		check("after a killed reindex")
	}
	if kills == 0 {
		t.Fatal("no reindex was killed: the corpus is too small to test")
	}
	if out, err := run("reindex"); err != nil {
		t.Fatalf("last reindex: %v\n%s", err, out)
	}
	if out := check("at the end"); !strings.Contains(out, "; 0 stories not analysed") {
		t.Errorf("after a whole reindex: %s", out)
	}
	out, err := run("entities", "--limit", "1", "--type", "person")
	if err != nil || !strings.Contains(out, "1 of 6 entities") {
		t.Errorf("entities after reindex: %v\n%s", err, out)
	}
}

// namedCorpus writes a JSON Lines file of n short reports that name people,
// organisations and places, a few per report, so that stories have
// entities and quotes. It returns its path.
func namedCorpus(t *testing.T, n int) string {
	t.Helper()
	people := []string{"Ada Kowalski", "Jonas Berg", "Maria Silva", "Tomas Novak", "Lena Fischer", "Omar Haddad"}
	places := []string{"Vienna", "Lisbon", "Prague", "Oslo", "Cairo", "Lima"}
	events := []string{"flood defences", "rail strike", "grain exports", "water tariffs", "port expansion", "tram line"}
	var b strings.Builder
	for i := range n {
		k := i % len(events)
		p, q := people[k], people[(k+1)%len(people)]
		rec := map[string]string{
			"url":   fmt.Sprintf("https://named.example/%d", i),
			"title": fmt.Sprintf("%s: talks on the %s go on in %s", places[k], events[k], places[k]),
			"text": fmt.Sprintf("Officials in %s met on %s for a %d round of talks on the %s.\n\n"+
				"\"We are close to an agreement,\" %s, the city's mayor, told reporters after the meeting.\n\n"+
				"%s of the European Commission said the %s would be discussed again next week.",
				places[k], "Monday", i/len(events)+1, events[k], p, q, events[k]),
			"outlet":    fmt.Sprintf("Outlet %d", i%4),
			"published": fmt.Sprintf("2025-09-%02dT%02d:00:00Z", 1+i%20, i%24),
		}
		line, _ := json.Marshal(rec)
		b.Write(append(line, '\n'))
	}
	path := filepath.Join(t.TempDir(), "named.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
