package reuse

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/rusage"
)

// The shared benchmark files, relative to this package; tests that need
// them skip when they are absent.
const (
	ecbFile     = "../../../shared/bench/clustering/ecbplus_docs.jsonl.gz"
	bbcFile     = "../../../shared/bench/corpus/bbc-fulltext.jsonl.gz"
	reutersFile = "../../../shared/bench/corpus/reuters21578.jsonl.gz"
)

// benchDoc is the union of the fields the benchmark files use.
type benchDoc struct {
	ID      string  `json:"id"`
	Cluster string  `json:"cluster"`
	Title   *string `json:"title"`
	URL     *string `json:"url"`
	Date    *string `json:"date"`
	Outlet  *string `json:"outlet"`
	Text    string  `json:"text"`
}

// readJSONL decodes a gzip-compressed JSON Lines file, or skips the test.
func readJSONL(tb testing.TB, path string) []benchDoc {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("benchmark data absent: %v", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	var docs []benchDoc
	for dec := json.NewDecoder(z); dec.More(); {
		var d benchDoc
		if err := dec.Decode(&d); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		docs = append(docs, d)
	}
	return docs
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// toArticle converts a benchmark record; its ID is the record's id.
func (d benchDoc) toArticle() article.Article {
	a := article.Article{ID: d.ID, Title: deref(d.Title), URL: deref(d.URL), Outlet: deref(d.Outlet), Text: d.Text}
	if len(deref(d.Date)) >= 10 {
		a.Published, _ = time.Parse(time.DateOnly, deref(d.Date)[:10])
	}
	return a
}

func readArticles(tb testing.TB, paths ...string) []article.Article {
	var arts []article.Article
	for _, p := range paths {
		for _, d := range readJSONL(tb, p) {
			arts = append(arts, d.toArticle())
		}
	}
	return arts
}

// TestRecallECB checks near-duplicate recall on ECB+ (see
// ../shared/bench/clustering/README.md): at least 95% of the 35 gold pairs
// related, and no duplicate or revision across gold clusters.
func TestRecallECB(t *testing.T) {
	docs := readJSONL(t, ecbFile)
	ls := make([]labeled, len(docs))
	for i, d := range docs {
		ls[i] = labeled{Article: d.toArticle(), Cluster: d.Cluster}
	}
	r, err := recall(context.Background(), ls, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ECB+: %d docs, %d gold pairs, %d candidate pairs, related %d (recall %.3f), kinds %v, cross-cluster duplicate/revision %d, cross-cluster shared_passages %d",
		r.Docs, r.GoldPairs, r.Candidates, r.Related, r.Recall(), r.Kinds, r.CrossDuplicates, r.CrossShared)
	for _, p := range r.Missed {
		t.Logf("missed %s %s (Jaccard %.2f)", ls[p.A].Article.ID, ls[p.B].Article.ID, p.Jaccard)
	}
	if r.GoldPairs != 35 {
		t.Errorf("gold pairs = %d, want 35 as the README counts", r.GoldPairs)
	}
	if r.Recall() < 0.95 {
		t.Errorf("recall = %.3f, want ≥ 0.95", r.Recall())
	}
	if r.CrossDuplicates != 0 {
		t.Errorf("%d duplicate/revision relations across gold clusters, want 0", r.CrossDuplicates)
	}
}

// TestSpeed prints near-duplicate detection speed over the whole corpus
// (go test -run Speed -v). It asserts nothing about time.
func TestSpeed(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	t0 := time.Now()
	arts := readArticles(t, bbcFile, reutersFile)
	read := time.Since(t0)
	texts := make([]string, len(arts))
	for i := range arts {
		texts[i] = arts[i].Text
	}
	cpu0 := rusage.CPU()
	r := speed(texts, Options{})
	cpu := rusage.CPU() - cpu0
	t.Logf("CPU time of speed %v: %.0f µs of CPU per article (tokenize pass included), so %.0f articles/s per free core",
		cpu.Round(time.Millisecond), cpu.Seconds()*1e6/float64(r.Articles), float64(r.Articles)/cpu.Seconds())
	t.Logf("%d articles, %d workers: read+decode %v; plain tokenize %v; sketch %v + index %v = %.0f articles/s; detect/tokenize %.1fx; (read+detect)/(read+tokenize) %.2fx; %d pairs ≥ 0.5; index heap %.0f B/article",
		r.Articles, r.Workers, read.Round(time.Millisecond), r.Tokenize.Round(time.Millisecond),
		r.Sketch.Round(time.Millisecond), r.Index.Round(time.Millisecond), r.PerSecond(), r.Ratio(),
		(read+r.Sketch+r.Index).Seconds()/(read+r.Tokenize).Seconds(), r.Pairs, float64(r.IndexBytes)/float64(r.Articles))
}
