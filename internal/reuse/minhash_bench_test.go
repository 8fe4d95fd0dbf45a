package reuse

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkSketch sketches seed 003 (about 1,100 words, 7 KB).
func BenchmarkSketch(b *testing.B) {
	text := loadSeeds(b)[3].Text
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		NewSketch(text)
	}
}

// BenchmarkCandidates looks a stored text up in an index of 20,000
// distinct texts of 200 words drawn from the seeds' vocabulary.
func BenchmarkCandidates(b *testing.B) {
	var vocab []string
	for _, a := range loadSeeds(b) {
		vocab = append(vocab, strings.Fields(a.Text)...)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	x := NewIndex(Options{})
	var q Sketch
	for i := range 20000 {
		w := make([]string, 200)
		for k := range w {
			w[k] = vocab[rng.IntN(len(vocab))]
		}
		s := NewSketch(strings.Join(w, " "))
		x.Add(strconv.Itoa(i), &s)
		if i == 777 {
			q = s
		}
	}
	b.ResetTimer()
	for b.Loop() {
		x.Candidates(&q)
	}
}

// BenchmarkAlign aligns seeds 000 and 001.
func BenchmarkAlign(b *testing.B) {
	arts := loadSeeds(b)
	for b.Loop() {
		Align(arts[0].Text, arts[1].Text, Options{})
	}
}

// BenchmarkRelations relates the five seeds.
func BenchmarkRelations(b *testing.B) {
	arts := loadSeeds(b)
	for b.Loop() {
		mustRelations(b, arts, Options{})
	}
}

// BenchmarkNearDuplicates runs near-duplicate detection over the whole
// shared corpus (21,268 articles) and reports articles/s.
func BenchmarkNearDuplicates(b *testing.B) {
	arts := readArticles(b, bbcFile, reutersFile)
	texts := make([]string, len(arts))
	for i := range arts {
		texts[i] = arts[i].Text
	}
	b.ResetTimer()
	for b.Loop() {
		nearDuplicates(texts, 0.5, Options{})
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
