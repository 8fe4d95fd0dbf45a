package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// ExtractGold reads the gold map as data, and ExtractScore counts strings
// found and missed the way go-trafilatura's evaluation does.
func TestExtractGoldAndScore(t *testing.T) {
	dir := t.TempDir()
	data := `package main

var comparisonData = map[string]ComparisonEntry{
	"https://example.org/a": {
		File:    "a.html",
		With:    []string{"The council froze water tariffs", "for a year"},
		Without: []string{"Subscribe to our newsletter"},
	},
	"https://example.org/b": {File: "b.html", With: []string{"Rail strike ends"}, Without: []string{"Cookie settings", "Share this"}},
}
`
	write := func(name, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "scripts", "comparison", "data.go"), data)
	write(filepath.Join(dir, "test-files", "comparison", "a.html"), "a")
	write(filepath.Join(dir, "test-files", "mock", "b.html"), "b")
	pages, err := ExtractGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].File != "a.html" || len(pages[0].With) != 2 || len(pages[1].Without) != 2 {
		t.Fatalf("gold = %+v", pages)
	}
	// A made-up extractor: page a gives its main text with a line break
	// inside a gold string and the newsletter box; page b fails.
	texts := map[string]string{"a.html": "The council froze water\ntariffs for a year.\n\nSubscribe to our newsletter"}
	ext := Extractor{Name: "fake", Extract: func(_ context.Context, name string, _ []byte) (string, error) {
		if s, ok := texts[name]; ok {
			return s, nil
		}
		return "", os.ErrNotExist
	}}
	rows, err := ExtractScore(context.Background(), ExtractDirs(dir), pages, []Extractor{ext})
	if err != nil {
		t.Fatal(err)
	}
	r := rows[0]
	if r.TP != 2 || r.FP != 1 || r.FN != 1 || r.TN != 2 || r.Failed != 1 {
		t.Errorf("row = %+v; want TP 2, FP 1, FN 1, TN 2, 1 failed", r)
	}
	if f1 := r.F1(); f1 < 0.666 || f1 > 0.667 {
		t.Errorf("F1 = %.4f, want 2/3", f1)
	}
	if _, err := ExtractGold(t.TempDir()); err == nil {
		t.Error("a folder without the gold gave no error")
	}
}
