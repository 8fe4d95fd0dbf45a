package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// DateGold reads the gold slice as data, and DateScore counts dates found,
// wrong and missed the way go-htmldate's evaluation does.
func TestDateGoldAndScore(t *testing.T) {
	dir := t.TempDir()
	data := `package main

var defaultComparisonData = []comparisonEntry{
	{URL: "https://example.org/a", File: "a.html", Date: "2025-08-18", Fast: "2025-08-18"},
	{URL: "https://example.org/b", File: "b.html", Date: "2024-01-02"},
	{URL: "https://example.org/c", File: "c.html", Date: ""},
	{URL: "https://example.org/d", File: "d.html", Date: "2023-05-06"},
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
	write(filepath.Join(dir, "scripts", "comparison", "data-default.go"), data)
	for _, f := range []string{"a.html", "b.html", "c.html"} {
		write(filepath.Join(dir, "test-files", "comparison", f), f)
	}
	write(filepath.Join(dir, "test-files", "mock", "d.html"), "d.html")
	pages, err := DateGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 4 || pages[0] != (DatePage{"a.html", "2025-08-18"}) || pages[2].Date != "" {
		t.Fatalf("gold = %+v", pages)
	}
	// A made-up finder: right on a, wrong on b, none on c and d.
	found := map[string]string{"a.html": "2025-08-18", "b.html": "2024-01-03"}
	f := DateFinder{Name: "fake", Find: func(page []byte) (string, error) { return found[string(page)], nil }}
	rows, err := DateScore(DateDirs(dir), pages, []DateFinder{f})
	if err != nil {
		t.Fatal(err)
	}
	if r := rows[0]; r.TP != 1 || r.FP != 1 || r.TN != 1 || r.FN != 1 || r.Precision() != 0.5 {
		t.Errorf("row = %+v, precision %.2f; want one of each, precision 0.5", r, r.Precision())
	}
}
