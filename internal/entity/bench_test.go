package entity

import (
	"fmt"
	"testing"
)

// BenchmarkResolve resolves the five seed articles as one story, with
// hand-made mentions; articles/s is the figure to watch (goal ≥ 5,000 on one
// core).
func BenchmarkResolve(b *testing.B) {
	docs := taggedSeeds(b)
	Resolve(docs) // load the tables outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Resolve(docs)
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkResolveLargeStory resolves 1,000 articles (the seeds, repeated
// under distinct IDs) in one call, to show that the cross-article merge
// scales.
func BenchmarkResolveLargeStory(b *testing.B) {
	seeds := taggedSeeds(b)
	var docs []Doc
	for i := range 200 {
		for _, d := range seeds {
			d.ArticleID = fmt.Sprintf("%s-%d", d.ArticleID, i)
			docs = append(docs, d)
		}
	}
	Resolve(docs)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Resolve(docs)
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
}
