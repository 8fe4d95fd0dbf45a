package reuse

import (
	"cmp"
	"context"
	"hash/fnv"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/storyline-news/storyline/internal/article"
)

// textPair is two texts related by a measurement, by their positions in its
// input, A < B.
type textPair struct {
	A, B int
	// Jaccard is the similarity that related them: exact or estimated.
	Jaccard float64
}

// plainShingles returns the distinct hashes of the word k-grams of text,
// words being lower-cased maximal runs of letters and digits: the plain
// reading that benchmark READMEs use, independent of this package's
// tokenizer.
func plainShingles(text string, k int) []uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) < k {
		return nil
	}
	out := make([]uint64, 0, len(words)-k+1)
	for i := 0; i+k <= len(words); i++ {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(words[i:i+k], " ")))
		out = append(out, h.Sum64())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// exactPairs returns every pair of texts whose word k-gram shingle sets
// (words as plainShingles reads them) have a Jaccard similarity of at least
// min, ordered by A then B. It is the ground truth for near duplicates, and
// costs time in the number of shingle-sharing pairs, not all pairs.
func exactPairs(texts []string, k int, min float64) []textPair {
	sets := make([][]uint64, len(texts))
	post := make(map[uint64][]int32)
	for i, t := range texts {
		sets[i] = plainShingles(t, k)
		for _, h := range sets[i] {
			post[h] = append(post[h], int32(i))
		}
	}
	common := make(map[[2]int32]int)
	for _, docs := range post {
		for x, a := range docs {
			for _, b := range docs[x+1:] {
				common[[2]int32{a, b}]++
			}
		}
	}
	var out []textPair
	for p, n := range common {
		j := float64(n) / float64(len(sets[p[0]])+len(sets[p[1]])-n)
		if j >= min {
			out = append(out, textPair{A: int(p[0]), B: int(p[1]), Jaccard: j})
		}
	}
	slices.SortFunc(out, func(x, y textPair) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	return out
}

// sketches returns the sketch of each text, computed by workers goroutines
// (GOMAXPROCS when workers ≤ 0).
func sketches(texts []string, workers int) []Sketch {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]Sketch, len(texts))
	parallel(len(texts), workers, func(i int) { out[i] = NewSketch(texts[i]) })
	return out
}

// nearDuplicates returns the pairs of texts whose sketches estimate a
// Jaccard similarity of at least min, as an online detector finds them:
// texts are sketched in parallel, then each is looked up in an Index and
// added to it, in order. Pairs are ordered by B, then by decreasing Jaccard.
func nearDuplicates(texts []string, min float64, opt Options) []textPair {
	sk := sketches(texts, 0)
	x := NewIndex(opt)
	var out []textPair
	for i := range sk {
		for _, c := range x.Insert(strconv.Itoa(i), &sk[i]) {
			if c.Jaccard >= min || c.Exact {
				a, _ := strconv.Atoi(c.ID)
				out = append(out, textPair{A: a, B: i, Jaccard: c.Jaccard})
			}
		}
	}
	return out
}

// labeled is an article with its gold cluster, for recall.
type labeled struct {
	Article article.Article
	Cluster string
}

// recallReport is the outcome of recall.
type recallReport struct {
	// Docs is the number of documents; GoldPairs the near-duplicate pairs
	// among them (word 5-gram Jaccard ≥ 0.5 over title and text).
	Docs, GoldPairs int
	// Candidates is the number of pairs the Index proposed.
	Candidates int
	// Related is the number of gold pairs that got a relation; Missed lists
	// the others.
	Related int
	Missed  []textPair
	// Kinds counts the relations found, by kind.
	Kinds map[Kind]int
	// CrossDuplicates counts duplicate or revision relations between
	// documents of different gold clusters; CrossShared counts
	// shared_passages relations between them.
	CrossDuplicates, CrossShared int
}

// recall runs near-duplicate detection as the engine would (each article's
// Text sketched, looked up in an Index, compared with every candidate, then
// added) and scores it against the gold near-duplicate pairs of docs. It
// stops early with ctx's error when ctx is done.
func recall(ctx context.Context, docs []labeled, opt Options) (recallReport, error) {
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = strings.TrimSpace(d.Article.Title + "\n" + d.Article.Text)
	}
	gold := exactPairs(texts, 5, 0.5)
	rep := recallReport{Docs: len(docs), GoldPairs: len(gold), Kinds: make(map[Kind]int)}
	related := make(map[[2]int]bool)
	x := NewIndex(opt)
	for i := range docs {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		a := &docs[i].Article
		sk := NewSketch(a.Text)
		for _, c := range x.Insert(strconv.Itoa(i), &sk) {
			j, _ := strconv.Atoi(c.ID)
			rep.Candidates++
			r := Compare(&docs[j].Article, a, opt)
			if r.Kind == None {
				continue
			}
			rep.Kinds[r.Kind]++
			related[[2]int{j, i}] = true
			if docs[j].Cluster != docs[i].Cluster {
				if r.Kind == SharedPassages {
					rep.CrossShared++
				} else {
					rep.CrossDuplicates++
				}
			}
		}
	}
	for _, p := range gold {
		if related[[2]int{p.A, p.B}] {
			rep.Related++
		} else {
			rep.Missed = append(rep.Missed, p)
		}
	}
	return rep, nil
}

// Recall returns Related/GoldPairs, or 1 when there are no gold pairs.
func (r recallReport) Recall() float64 {
	if r.GoldPairs == 0 {
		return 1
	}
	return float64(r.Related) / float64(r.GoldPairs)
}

// speedReport is the outcome of speed.
type speedReport struct {
	Articles, Workers int
	// Tokenize is the time of a plain tokenizing pass (article.CountWords
	// over every text, on Workers goroutines), the baseline.
	Tokenize time.Duration
	// Sketch is the time to sketch every text on Workers goroutines; Index
	// the time to look each up in an Index and add it, in order.
	Sketch, Index time.Duration
	// Pairs is the number of near-duplicate pairs found (estimated Jaccard
	// ≥ 0.5 or equal exact keys).
	Pairs int
	// IndexBytes is the growth of the live heap while the index was built.
	IndexBytes int64
}

// PerSecond returns the articles detected per second (sketch and index).
func (r speedReport) PerSecond() float64 {
	return float64(r.Articles) / (r.Sketch + r.Index).Seconds()
}

// Ratio returns the detection time over the plain tokenizing time.
func (r speedReport) Ratio() float64 {
	return (r.Sketch + r.Index).Seconds() / r.Tokenize.Seconds()
}

// speed times near-duplicate detection over texts (as nearDuplicates does
// it) against a plain tokenizing pass in the same run. Its figures depend
// on the machine and its load.
func speed(texts []string, opt Options) speedReport {
	r := speedReport{Articles: len(texts), Workers: runtime.GOMAXPROCS(0)}
	words := make([]int, len(texts))
	t0 := time.Now()
	parallel(len(texts), r.Workers, func(i int) { words[i] = article.CountWords(texts[i]) })
	r.Tokenize = time.Since(t0)

	t0 = time.Now()
	sk := sketches(texts, r.Workers)
	r.Sketch = time.Since(t0)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	t0 = time.Now()
	x := NewIndex(opt)
	for i := range sk {
		for _, c := range x.Insert(strconv.Itoa(i), &sk[i]) {
			if c.Jaccard >= 0.5 || c.Exact {
				r.Pairs++
			}
		}
	}
	r.Index = time.Since(t0)
	runtime.GC()
	runtime.ReadMemStats(&after)
	r.IndexBytes = int64(after.HeapAlloc) - int64(before.HeapAlloc)
	runtime.KeepAlive(x)
	return r
}

// parallel calls f(i) for i in [0, n) on workers goroutines.
func parallel(n, workers int, f func(int)) {
	const chunk = 256
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for lo := range next {
				for i := lo; i < min(lo+chunk, n); i++ {
					f(i)
				}
			}
		})
	}
	for lo := 0; lo < n; lo += chunk {
		next <- lo
	}
	close(next)
	wg.Wait()
}
