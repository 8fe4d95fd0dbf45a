package story

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/reuse"
)

// crude reads the first n articles of the Reuters-21578 corpus in
// ../shared/bench/corpus with the topic "crude": one long-running
// subject, the shape of a big story.
func topic(tb testing.TB, name string, n int) []article.Article {
	f, err := os.Open("../../../shared/bench/corpus/reuters21578.jsonl.gz")
	if err != nil {
		tb.Skip("corpus not available:", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(z)
	sc.Buffer(nil, 1<<24)
	var out []article.Article
	for sc.Scan() && len(out) < n {
		var r struct {
			ID, Title, Text, Date string
			Topics                []string
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatal(err)
		}
		if !slices.Contains(r.Topics, name) {
			continue
		}
		a := article.Article{ID: r.ID, Title: r.Title, Text: r.Text, Outlet: "Reuters", Language: "en"}
		if t, err := time.Parse("2006-01-02T15:04:05", r.Date); err == nil {
			a.Published = t
		} else if t, err := time.Parse(time.RFC3339, r.Date); err == nil {
			a.Published = t
		}
		out = append(out, a)
	}
	if len(out) < n {
		tb.Skipf("only %d articles on %s", len(out), name)
	}
	return out
}

// BenchmarkBuild builds one story of n articles on one subject, to show
// how the cost of a story grows with its size.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{50, 200, 500} {
		arts := topic(b, "crude", n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Build(context.Background(), "s", arts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkBuildEarn(b *testing.B) {
	for _, n := range []int{1000, 3000} {
		arts := topic(b, "earn", n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Build(context.Background(), "s", arts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuildOverlapping builds a story of four articles of the given
// size that share most of their paragraphs (reuse.Overlapping): the reuse
// stage's worst case, cubic before it was bounded.
func BenchmarkBuildOverlapping(b *testing.B) {
	for _, size := range []int{300_000, 1_000_000, 3_000_000, 10_000_000} {
		arts := reuse.Overlapping(4, size, 1)
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			for b.Loop() {
				if _, err := Build(context.Background(), "s", arts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
