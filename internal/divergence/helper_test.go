package divergence

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
)

// dateMarker is the metadata marker three seed files start with; package
// ingest strips it, and so do these tests (the dependency policy keeps
// ingest out of this package, tests included).
var dateMarker = regexp.MustCompile(`^ date (\d{4}-\d{2}-\d{2}) `)

// inferred are the publication dates timex.InferDCT gives the undated
// seeds.
var inferred = map[string]string{"003": "2025-08-18", "004": "2025-08-19"}

// seedArticles reads examples/ukraine-talks in file order, each article
// named by its file's number ("000").
func seedArticles(t testing.TB) []article.Article {
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
		a := article.Article{ID: strings.SplitN(filepath.Base(f), "_", 2)[0], Text: string(b)}
		date := inferred[a.ID]
		if m := dateMarker.FindStringSubmatch(a.Text); m != nil {
			date, a.Text = m[1], a.Text[len(m[0]):]
		}
		if a.Published, err = time.Parse(time.DateOnly, date); err != nil {
			t.Fatalf("%s: no date", f)
		}
		arts = append(arts, a)
	}
	return arts
}
