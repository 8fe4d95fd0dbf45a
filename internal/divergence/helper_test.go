package divergence

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/entity/ner"
	"github.com/storyline-news/storyline/internal/quote"
	"github.com/storyline-news/storyline/internal/timex"
)

// dateMarker is the metadata marker three seed files start with; package
// ingest strips it, and so do these tests, which keep to the stages this
// package builds on rather than read articles as ingest does.
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

// docsOf runs the stages Compare builds on over one story's articles, as
// the engine does: tagging and entity resolution across the story, then
// quotes and time expressions per article.
func docsOf(arts []article.Article) []Doc {
	tagger := ner.Default()
	eds := make([]entity.Doc, len(arts))
	for i, a := range arts {
		var ms []entity.Mention
		for _, m := range tagger.Tag(a.Text) {
			ms = append(ms, entity.Mention{Start: m.Start, End: m.End, Text: m.Text, Type: m.Type})
		}
		eds[i] = entity.Doc{ArticleID: a.ID, Text: a.Text, Mentions: ms}
	}
	res := entity.Resolve(eds)
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		var qm []quote.Mention
		var dm []Mention
		for _, l := range res.Links[i] {
			name := ""
			if e, ok := res.Entity(l.Entity); ok {
				name = e.Name
			}
			qm = append(qm, quote.Mention{Start: l.Start, End: l.End, Text: l.Text, Type: l.Type, Entity: l.Entity})
			dm = append(dm, Mention{Start: l.Start, End: l.End, Entity: l.Entity, Name: name, Type: l.Type})
		}
		docs[i] = Doc{
			ID: a.ID, Text: a.Text, Published: a.Published,
			Timexes:  timex.Extract(a.Text, a.Published),
			Mentions: dm,
			Quotes:   Quotes(a.Text, quote.Extract(a.Text, quote.Options{Mentions: qm})),
		}
	}
	return docs
}
