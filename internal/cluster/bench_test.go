package cluster

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/rusage"
)

// synth writes synthetic news: stories are sets of topic words, names and
// a year; articles mix their story's words with words drawn from a Zipf
// distribution over a large vocabulary, in sentences, so that common
// words have long posting lists as in real news.
type synth struct {
	rng   *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

func newSynth(seed uint64) *synth {
	rng := rand.New(rand.NewPCG(seed, 1))
	s := &synth{rng: rng, zipf: rand.NewZipf(rng, 1.1, 2, 60000-1)}
	for i := range 60000 {
		s.vocab = append(s.vocab, word(i))
	}
	return s
}

// word returns the i-th synthetic word, made of letters only.
func word(i int) string {
	var b strings.Builder
	for i++; i > 0; i /= 20 {
		b.WriteByte("bcdfghjklmnprstvwxzq"[i%20])
		b.WriteByte("aeiou"[i%5])
	}
	return b.String()
}

// storyWords returns the signature of story k: 30 topic words, 3 names
// and a year.
func (s *synth) storyWords(k int) (words, names []string, year int) {
	rng := rand.New(rand.NewPCG(uint64(k), 2))
	for range 30 {
		words = append(words, s.vocab[200+rng.IntN(len(s.vocab)-200)])
	}
	for range 3 {
		n := s.vocab[1000+rng.IntN(len(s.vocab)-1000)]
		names = append(names, strings.ToUpper(n[:1])+n[1:])
	}
	return words, names, 1990 + rng.IntN(35)
}

// article returns an article of story k, about 300 words long.
func (s *synth) article(k, n int) article.Article {
	words, names, year := s.storyWords(k)
	var b strings.Builder
	for sentence := range 20 {
		b.WriteString("The")
		for i := range 14 {
			b.WriteByte(' ')
			switch r := s.rng.IntN(100); {
			case r < 30:
				b.WriteString(words[s.rng.IntN(len(words))])
			case r < 35:
				b.WriteString(names[s.rng.IntN(len(names))])
			default:
				b.WriteString(s.vocab[s.zipf.Uint64()])
			}
			if sentence == 0 && i == 5 {
				fmt.Fprintf(&b, " %d", year)
			}
		}
		b.WriteString(". ")
	}
	a := article.Article{SourceRef: fmt.Sprintf("synth/%d/%d", k, n), Title: names[0] + " " + words[0], Text: b.String()}
	a.SetID()
	return a
}

// BenchmarkAssign measures the time to assign one article (ns/op, and
// cpu-ns/op: the process's CPU time, which contention for the machine
// does not inflate) to a clusterer that holds 1k, 10k or 100k stories:
// 80% of the articles belong to an existing story, 20% start one.
func BenchmarkAssign(b *testing.B) {
	for _, stories := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprintf("stories=%d", stories), func(b *testing.B) {
			s := newSynth(1)
			c := New(Options{})
			for k := range stories {
				a := s.article(k, 0)
				c.Restore(a, StoryID(a.ID))
			}
			arts := make([]article.Article, 4096)
			for i := range arts {
				k := s.rng.IntN(stories)
				if s.rng.IntN(5) == 0 {
					k = stories + i
				}
				arts[i] = s.article(k, i+1)
			}
			cpu := rusage.CPU()
			i := 0
			for b.Loop() {
				c.Assign(arts[i%len(arts)])
				i++
			}
			b.ReportMetric(float64(rusage.CPU()-cpu)/float64(i), "cpu-ns/op")
		})
	}
}
