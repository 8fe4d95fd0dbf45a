package reuse

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline-news/storyline/internal/article"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// golden compares got, as indented JSON, with testdata/name, or rewrites it
// with -update.
func golden(t *testing.T, name string, got any) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(b)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// seedReport is what the seeds golden file holds.
type seedReport struct {
	Articles  []seedArticle
	Relations []Relation
	Origins   []Origin
	// Diff is the revision's paragraph diff, without paragraph texts.
	Diff []diffLine
}

type seedArticle struct{ ID, SourceRef, Published string }

type diffLine struct {
	Op             Op
	Old, New       [2]int
	Similarity     float64
	OldText0, New0 string `json:",omitempty"`
}

func TestSeedsGolden(t *testing.T) {
	arts := loadSeeds(t)
	rels := mustRelations(t, arts, Options{})
	var r seedReport
	for _, a := range arts {
		r.Articles = append(r.Articles, seedArticle{a.ID, a.SourceRef, a.DateString()})
	}
	r.Relations = rels
	r.Origins = Origins(arts, rels)
	for _, c := range Diff(&arts[0], &arts[1], rels[0].Passages) {
		r.Diff = append(r.Diff, diffLine{Op: c.Op, Old: [2]int{c.Old.Start, c.Old.End}, New: [2]int{c.New.Start, c.New.End},
			Similarity: c.Similarity, OldText0: prefix(c.Old.Text), New0: prefix(c.New.Text)})
	}
	golden(t, "seeds.golden", r)

	if len(rels) != 1 || rels[0].Kind != Revision || rels[0].A != arts[0].ID || rels[0].B != arts[1].ID {
		t.Fatalf("relations %v, want only 001 as a revision of 000", rels)
	}
	if n := len(rels[0].Passages); n < 6 {
		t.Errorf("000/001 share %d passages, want at least six", n)
	}
	found := false
	for _, p := range rels[0].Passages {
		found = found || strings.HasPrefix(p.Text, "The specifics of a US contribution to any security guarantees for Ukraine are unclear.")
	}
	if !found {
		t.Error(`missing the passage "The specifics of a US contribution…"`)
	}
}

func prefix(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func TestRelationsDeterministic(t *testing.T) {
	arts := loadSeeds(t)
	want := mustRelations(t, arts, Options{})
	rev := slices.Clone(arts)
	slices.Reverse(rev)
	if diff := cmp.Diff(want, mustRelations(t, rev, Options{})); diff != "" {
		t.Errorf("Relations depends on input order (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, mustRelations(t, arts, Options{})); diff != "" {
		t.Errorf("Relations is not deterministic (-want +got):\n%s", diff)
	}
}

func day(d int) time.Time { return time.Date(2025, 8, d, 0, 0, 0, 0, time.UTC) }

func TestCompareKinds(t *testing.T) {
	seeds := loadSeeds(t)
	t0, t1 := seeds[0].Text, seeds[1].Text
	oneWord := strings.Replace(t0, "territorial issues", "territorial questions", 1)
	art := func(id, outlet, url string, d int, text string) *article.Article {
		a := &article.Article{ID: id, Outlet: outlet, URL: url, Text: text}
		if d > 0 {
			a.Published = day(d)
		}
		return a
	}
	tests := []struct {
		name   string
		a, b   *article.Article
		kind   Kind
		first  string
		simMin float64
	}{
		{"exact copy, other outlet", art("a", "X", "", 17, t0), art("b", "Y", "", 18, " "+t0+"\n"), Duplicate, "a", 1},
		{"near copy, other outlets", art("a", "X", "", 17, t0), art("b", "Y", "", 18, oneWord), Duplicate, "a", 0.9},
		{"near copy, same outlet, later", art("a", "X", "", 17, t0), art("b", "X", "", 18, oneWord), Revision, "a", 0.9},
		{"same URL", art("a", "", "https://ex.com/x/", 18, t1), art("b", "", "http://www.ex.com/x", 17, t0), Revision, "b", 0.5},
		{"same outlet, later, overlap", art("a", "Bloomberg", "", 18, t1), art("b", "bloomberg ", "", 17, t0), Revision, "b", 0.5},
		{"same host, later", art("a", "", "https://ex.com/1", 17, t0), art("b", "", "https://ex.com/2", 18, t1), Revision, "a", 0.5},
		{"other outlets, overlap", art("a", "X", "", 17, t0), art("b", "Y", "", 18, t1), SharedPassages, "a", 0.5},
		{"unknown outlets, later (the seeds)", art("a", "", "", 17, t0), art("b", "", "", 18, t1), Revision, "a", 0.5},
		{"unknown outlets, same day", art("a", "", "", 17, t0), art("b", "", "", 17, t1), SharedPassages, "a", 0.5},
		{"unknown dates", art("a", "", "", 0, t1), art("b", "", "", 0, t0), SharedPassages, "a", 0.5},
		{"dated before undated", art("a", "", "", 0, t1), art("b", "", "", 17, t0), SharedPassages, "b", 0.5},
		{"unrelated", art("a", "", "", 17, seeds[2].Text), art("b", "", "", 18, seeds[3].Text), None, "a", 0},
		{"empty", art("a", "", "", 17, ""), art("b", "", "", 18, ""), None, "a", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(tt.a, tt.b, Options{})
			if r.Kind != tt.kind || r.A != tt.first || r.Similarity < tt.simMin {
				t.Errorf("Compare = kind %q, A %q, similarity %.2f; want %q, %q, ≥ %.2f",
					r.Kind, r.A, r.Similarity, tt.kind, tt.first, tt.simMin)
			}
		})
	}
}

// mustRelations returns Relations(arts, opt) or fails.
func mustRelations(tb testing.TB, arts []article.Article, opt Options) []Relation {
	tb.Helper()
	rels, err := Relations(context.Background(), arts, opt)
	if err != nil {
		tb.Fatal(err)
	}
	return rels
}
