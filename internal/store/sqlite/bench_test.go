package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store/storetest"
)

// benchPaths are the stores the benchmarks run on.
func benchPaths(b *testing.B) map[string]string {
	return map[string]string{
		"memory": Memory,
		"file":   filepath.Join(b.TempDir(), "bench.db"),
	}
}

// BenchmarkCommit commits batches of 1,000 new articles, each in a story of
// its own, and reports articles per second.
func BenchmarkCommit(b *testing.B) {
	const size = 1000
	template := storetest.Articles(size)
	for _, name := range []string{"memory", "file"} {
		b.Run(name, func(b *testing.B) {
			db := openTest(b, benchPaths(b)[name])
			ctx := context.Background()
			n := 0
			for b.Loop() {
				as := make([]article.Article, size)
				for i, a := range template {
					a.ID = fmt.Sprintf("%s-%d", a.ID, n)
					as[i] = a
				}
				if _, err := db.Commit(ctx, storetest.Batch(fmt.Sprintf("s-%d", n), as)); err != nil {
					b.Fatal(err)
				}
				n++
			}
			b.ReportMetric(float64(n*size)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkSearch searches a store of 10,000 articles.
func BenchmarkSearch(b *testing.B) {
	db := openTest(b, filepath.Join(b.TempDir(), "bench.db"))
	for i, as := 0, storetest.Articles(10000); i < len(as); i += 1000 {
		if _, err := db.Commit(context.Background(), storetest.Batch(fmt.Sprintf("s-%d", i), as[i:i+1000])); err != nil {
			b.Fatal(err)
		}
	}
	for _, q := range []string{"Kremlin", "Zelensky security guarantees", `"White House" talks`, "secur*", "Зеленський", "unheardofword"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Search(context.Background(), q, 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
