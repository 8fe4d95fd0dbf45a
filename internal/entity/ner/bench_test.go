package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/text"
)

// BenchmarkTag tags each seed article in turn; b.N counts articles.
func BenchmarkTag(b *testing.B) {
	names, _ := filepath.Glob("../../../examples/ukraine-talks/*.txt")
	if len(names) == 0 {
		b.Skip("no seeds")
	}
	var texts []string
	tokens := 0
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		src := dateMarker.ReplaceAllString(string(data), "")
		texts = append(texts, src)
		tokens += len(text.Tokenize(src))
	}
	m := Default()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Tag(texts[i%len(texts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(b.N)*float64(tokens)/float64(len(texts))/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad decodes the embedded model, as Default does once.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(bytes.NewReader(modelFile)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokenize splits the seeds into sentences and tokens.
func BenchmarkTokenize(b *testing.B) {
	src := seedText(b, "003_545589a7eaafdb4a.txt")
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		text.Sentences(text.Tokenize(src))
	}
}
