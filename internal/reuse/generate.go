package reuse

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/article"
)

// Overlapping returns n articles of about size bytes of text each that
// share most of their paragraphs: the worst case of a story's reuse, for
// benchmarks and tests. Each article keeps about 85% of a common pool of
// paragraphs, edits about a third of those it keeps (words replaced, a
// sentence dropped), adds paragraphs of its own, and shuffles them all
// (the first article keeps the pool's order). The words are made up and
// Zipf-distributed, so that common word trigrams repeat as in prose. The
// articles are one day apart from 2025-08-01 and name no outlet, so that
// later ones read as revisions of earlier ones. The same arguments give the
// same articles.
func Overlapping(n, size int, seed uint64) []article.Article {
	g := newProse(seed)
	var pool []string
	for total := 0; total < size; {
		p := g.paragraph()
		pool = append(pool, p)
		total += len(p) + 2
	}
	arts := make([]article.Article, n)
	for k := range arts {
		var ps []string
		for _, p := range pool {
			switch r := g.rng.Float64(); {
			case k > 0 && r < 0.15:
				ps = append(ps, g.paragraph())
			case k > 0 && r < 0.45:
				ps = append(ps, g.edit(p))
			default:
				ps = append(ps, p)
			}
		}
		if k > 0 {
			g.rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
		}
		text := strings.Join(ps, "\n\n")
		if len(text) > size {
			text = text[:strings.LastIndex(text[:size], "\n\n")]
		}
		a := article.Article{Title: fmt.Sprintf("Overlapping %d", k), Text: text,
			Published: time.Date(2025, 8, 1+k, 0, 0, 0, 0, time.UTC)}
		a.SetID()
		arts[k] = a
	}
	return arts
}

// prose makes up English-looking paragraphs.
type prose struct {
	rng          *rand.Rand
	words, names []string
	zipf         *rand.Zipf
}

func newProse(seed uint64) *prose {
	rng := rand.New(rand.NewPCG(seed, seed^0x6a09e667f3bcc909))
	syll := []string{"ka", "lo", "ren", "ti", "mar", "se", "vo", "dan", "pri", "el", "ost", "un", "ba", "qui", "ther", "ing"}
	word := func(parts int) string {
		var b strings.Builder
		for range parts {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		return b.String()
	}
	g := &prose{rng: rng}
	for range 5000 {
		g.words = append(g.words, word(1+rng.IntN(3)))
	}
	for range 300 {
		w := word(2 + rng.IntN(2))
		g.names = append(g.names, strings.ToUpper(w[:1])+w[1:])
	}
	g.zipf = rand.NewZipf(rng, 1.1, 2, uint64(len(g.words)-1))
	return g
}

// sentence returns 8 to 24 words, 8% of them names, capitalized and ended
// by a full stop.
func (g *prose) sentence() string {
	n := 8 + g.rng.IntN(17)
	ws := make([]string, n)
	for i := range ws {
		if g.rng.Float64() < 0.08 {
			ws[i] = g.names[g.rng.IntN(len(g.names))]
		} else {
			ws[i] = g.words[g.zipf.Uint64()]
		}
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ") + "."
}

// paragraph returns 2 to 6 sentences.
func (g *prose) paragraph() string {
	ss := make([]string, 2+g.rng.IntN(5))
	for i := range ss {
		ss[i] = g.sentence()
	}
	return strings.Join(ss, " ")
}

// edit returns p with one word in twenty replaced, or a sentence dropped.
func (g *prose) edit(p string) string {
	if ss := strings.SplitAfter(p, ". "); len(ss) > 2 && g.rng.IntN(2) == 0 {
		i := g.rng.IntN(len(ss) - 1)
		return strings.Join(append(ss[:i:i], ss[i+1:]...), "")
	}
	ws := strings.Split(p, " ")
	for i := 1; i < len(ws)-1; i++ {
		if g.rng.IntN(20) == 0 {
			ws[i] = g.words[g.zipf.Uint64()]
		}
	}
	return strings.Join(ws, " ")
}
