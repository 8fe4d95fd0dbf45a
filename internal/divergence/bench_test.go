package divergence

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/gz"
)

// ecbFile is the clustering benchmark, next to the repository.
const ecbFile = "../../../shared/bench/clustering/ecbplus_docs.jsonl.gz"

var flagged = flag.String("flagged", "", "file to write the divergences flagged on ECB+ to (default: a file in the OS temp dir)")

// TestBenchECB runs Compare over every gold event of ECB+ as a story and
// writes the divergences it flags for a hand check (testdata/handcheck.md
// records one). It skips when ../shared/bench is absent.
func TestBenchECB(t *testing.T) {
	f, err := os.Open(ecbFile)
	if err != nil {
		t.Skipf("no benchmark: %v", err)
	}
	defer f.Close()
	if testing.Short() {
		t.Skip("short")
	}
	path := *flagged
	if path == "" {
		path = filepath.Join(os.TempDir(), "divergence-ecbplus.md")
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	st, err := bench(context.Background(), f, out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d stories, %d articles, %d claims; flagged divergences written to %s", st.Stories, st.Articles, st.Claims, path)
	for _, k := range slices.Sorted(mapsKeys(st.Divergences, st.Agreements)) {
		t.Logf("%-9s divergences %4d  agreements %4d", k, st.Divergences[k], st.Agreements[k])
	}
	if st.Stories != 86 || st.Articles != 982 {
		t.Errorf("read %d stories, %d articles; want 86, 982", st.Stories, st.Articles)
	}
}

// mapsKeys returns the keys of both maps.
func mapsKeys(a, b map[Kind]int) func(func(Kind) bool) {
	return func(yield func(Kind) bool) {
		for k := range a {
			if !yield(k) {
				return
			}
		}
		for k := range b {
			if _, ok := a[k]; !ok && !yield(k) {
				return
			}
		}
	}
}

// benchStats summarises a run of bench.
type benchStats struct {
	Stories, Articles, Claims int
	// Divergences and Agreements count what Compare reported, by kind.
	Divergences, Agreements map[Kind]int
}

// benchDoc is one line of the clustering benchmark's JSON Lines file.
type benchDoc struct {
	ID      string  `json:"id"`
	Cluster string  `json:"cluster"`
	Date    *string `json:"date"`
	Text    string  `json:"text"`
}

// bench runs claim extraction and Compare over a clustering benchmark
// (../shared/bench/clustering/ecbplus_docs.jsonl.gz, gzip'd or not): each
// gold cluster is one story, its documents' dates are used when given.
// It writes every divergence found, with the sentence around each source,
// to w as Markdown for a hand check.
func bench(ctx context.Context, r io.Reader, w io.Writer) (benchStats, error) {
	st := benchStats{Divergences: make(map[Kind]int), Agreements: make(map[Kind]int)}
	stories, order, err := readBench(r)
	if err != nil {
		return st, fmt.Errorf("divergence bench: %w", err)
	}
	bw := bufio.NewWriter(w)
	for _, cluster := range order {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		arts := stories[cluster]
		docs := docsOf(arts)
		for _, d := range docs {
			st.Claims += len(Claims(d))
		}
		divs, agrs := Compare(docs)
		st.Stories++
		st.Articles += len(arts)
		for _, a := range agrs {
			st.Agreements[a.Kind]++
		}
		for _, d := range divs {
			st.Divergences[d.Kind]++
			writeDivergence(bw, cluster, d, docs)
		}
	}
	return st, bw.Flush()
}

// readBench reads the benchmark's documents, grouped by cluster in order
// of first appearance.
func readBench(r io.Reader) (map[string][]article.Article, []string, error) {
	br, err := gz.Reader(r)
	if err != nil {
		return nil, nil, err
	}
	stories := make(map[string][]article.Article)
	var order []string
	dec := json.NewDecoder(br)
	for {
		var d benchDoc
		if err := dec.Decode(&d); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, err
		}
		a := article.Article{ID: d.ID, Text: d.Text}
		if d.Date != nil {
			a.Published, _ = time.Parse(time.DateOnly, *d.Date)
		}
		if stories[d.Cluster] == nil {
			order = append(order, d.Cluster)
		}
		stories[d.Cluster] = append(stories[d.Cluster], a)
	}
	return stories, order, nil
}

// writeDivergence writes d as a Markdown section, each source with its
// sentence.
func writeDivergence(w io.Writer, cluster string, d Divergence, docs []Doc) {
	fmt.Fprintf(w, "### %s: %s (%s)\n\n", cluster, d.Topic, d.Kind)
	for _, v := range d.Variants {
		fmt.Fprintf(w, "- **%s** — %s\n", v.Value, strings.Join(v.Articles, ", "))
		for _, s := range v.Sources {
			for _, doc := range docs {
				if doc.ID == s.Article {
					fmt.Fprintf(w, "  - %s [%d,%d] %s: %s\n", s.Article, s.Start, s.End, s.Speaker, sentenceAround(doc.Text, s.Start))
				}
			}
		}
	}
	fmt.Fprintln(w)
}

// sentenceAround returns the line of text holding code point off, cut to
// 300 characters around it.
func sentenceAround(text string, off int) string {
	rs := []rune(text)
	off = max(0, min(off, len(rs)))
	i, j := off, off
	for i > 0 && rs[i-1] != '\n' && off-i < 200 {
		i--
	}
	for j < len(rs) && rs[j] != '\n' && j-off < 150 {
		j++
	}
	return strings.TrimSpace(string(rs[i:j]))
}
