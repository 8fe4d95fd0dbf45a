package divergence

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/entity/ner"
	"github.com/storyline-news/storyline/internal/gz"
	"github.com/storyline-news/storyline/internal/quote"
	"github.com/storyline-news/storyline/internal/timex"
)

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

// BenchStats summarises a run of Bench.
type BenchStats struct {
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

// Bench runs claim extraction and Compare over a clustering benchmark
// (../shared/bench/clustering/ecbplus_docs.jsonl.gz, gzip'd or not): each
// gold cluster is one story, its documents' dates are used when given.
// It writes every divergence found, with the sentence around each source,
// to w as Markdown for a hand check.
func Bench(ctx context.Context, r io.Reader, w io.Writer) (BenchStats, error) {
	st := BenchStats{Divergences: make(map[Kind]int), Agreements: make(map[Kind]int)}
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
