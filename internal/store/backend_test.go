package store

import (
	"context"
	"errors"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/article"
)

func TestMigrations(t *testing.T) {
	file := func(sql string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(sql)} }
	fsys := fstest.MapFS{
		"m/0002_more.sql": file("B"),
		"m/0001_init.sql": file("A"),
		"m/README":        file("not a migration"),
	}
	got, err := Migrations(fsys, "m")
	want := []Migration{{1, "0001_init.sql", "A"}, {2, "0002_more.sql", "B"}}
	if diff := cmp.Diff(want, got); err != nil || diff != "" {
		t.Errorf("Migrations = %v (-want +got):\n%s", err, diff)
	}
	for name, bad := range map[string]fstest.MapFS{
		"gap":       {"m/0001_a.sql": file(""), "m/0003_c.sql": file("")},
		"no name":   {"m/0001.sql": file("")},
		"short":     {"m/001_a.sql": file("")},
		"not first": {"m/0002_b.sql": file("")},
	} {
		if ms, err := Migrations(bad, "m"); err == nil {
			t.Errorf("%s: Migrations = %v, want an error", name, ms)
		}
	}
}

func TestScanPages(t *testing.T) {
	const size = 2
	stored := []Scanned{{Seq: 1}, {Seq: 2, StoryID: "s"}, {Seq: 5}, {Seq: 7}}
	read := func(_ context.Context, after int64) ([]Scanned, error) {
		var page []Scanned
		for _, e := range stored {
			if e.Seq > after && len(page) < size {
				page = append(page, e)
			}
		}
		return page, nil
	}
	var seqs []int64
	err := ScanPages(context.Background(), 1, size, read, func(seq int64, _ article.Article, _ string) error {
		seqs = append(seqs, seq)
		return nil
	})
	if diff := cmp.Diff([]int64{2, 5, 7}, seqs); err != nil || diff != "" {
		t.Errorf("ScanPages after 1 = %v (-want +got):\n%s", err, diff)
	}
	stop := errors.New("stop")
	seqs = nil
	err = ScanPages(context.Background(), 0, size, read, func(seq int64, _ article.Article, _ string) error {
		seqs = append(seqs, seq)
		if seq == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || len(seqs) != 3 {
		t.Errorf("ScanPages stopping at 5 = %v after %v", err, seqs)
	}
}

func TestPickSnippet(t *testing.T) {
	for _, tt := range []struct{ body, title, want string }{
		{"a \x02b\x03 c", "t", "a «b» c"},
		{"plain body", "the \x02title\x03", "the «title»"},
		{"« quoted » body", "no match", "« quoted » body"}, // guillemets of the text stay
		{"\x02both\x03", "\x02both\x03 title", "«both»"},   // the body is preferred
	} {
		if got := PickSnippet(tt.body, tt.title, nil); got != tt.want {
			t.Errorf("PickSnippet(%q, %q, nil) = %q, want %q", tt.body, tt.title, got, tt.want)
		}
	}
}

func TestEvidenceJSON(t *testing.T) {
	for _, tt := range []struct {
		ev   []string
		want string
	}{
		{nil, "[]"},
		{[]string{}, "[]"},
		{[]string{"shared passage", `"quoted"`}, `["shared passage","\"quoted\""]`},
	} {
		if got := EvidenceJSON(tt.ev); got != tt.want {
			t.Errorf("EvidenceJSON(%q) = %s, want %s", tt.ev, got, tt.want)
		}
	}
}
