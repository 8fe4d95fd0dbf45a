package reuse

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
)

// dateMarker is the metadata marker that opens some seed files; the ingest
// reader strips it, and so do these tests.
var dateMarker = regexp.MustCompile(`^ date (\d{4}-\d{2}-\d{2}) `)

// loadSeeds reads examples/ukraine-talks in file order.
func loadSeeds(t testing.TB) []article.Article {
	t.Helper()
	files, err := filepath.Glob("../../examples/ukraine-talks/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var arts []article.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := article.Article{SourceRef: strings.TrimPrefix(filepath.ToSlash(f), "../../"), Text: string(b)}
		if m := dateMarker.FindStringSubmatch(a.Text); m != nil {
			a.Published, _ = time.Parse(time.DateOnly, m[1])
			a.Text = a.Text[len(m[0]):]
		}
		a.SetID()
		arts = append(arts, a)
	}
	return arts
}
