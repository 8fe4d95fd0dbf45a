package reuse

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/article"
)

// TestRobustness prints the robustness table on BBC articles (go test -run
// Robustness -v). Only the unedited copies must all be found.
func TestRobustness(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	arts := readArticles(t, bbcFile)
	rows, err := robustness(context.Background(), arts, editLevels(), 400, 1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n| edit | copies | recall | as duplicate | false pairs | false-positive rate | candidates/copy |\n|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %.3f | %d | %d | %.2g | %.1f |\n", r.Edit.Name, r.Copies, r.Recall(),
			r.Duplicates, r.FalsePairs, r.FalseRate(), float64(r.Candidates)/float64(r.Copies))
	}
	t.Log(b.String())
	if rows[0].Recall() != 1 {
		t.Errorf("unedited copies: recall %.3f, want 1", rows[0].Recall())
	}
}

// editLevel describes how robustness changes an article into an edited copy.
type editLevel struct {
	// Name labels the level in reports.
	Name string
	// Reorder shuffles the paragraphs.
	Reorder bool
	// Words is the fraction of words replaced by words of another article.
	Words float64
	// Sentences is the fraction of sentences removed; as many sentences of
	// another article are inserted at random places.
	Sentences float64
	// Respell respells every capitalized word of 4 letters or more that does
	// not start a sentence (names, mostly), each consistently.
	Respell bool
}

// editLevels returns the edit levels that robustness measures, mildest
// first.
func editLevels() []editLevel {
	return []editLevel{
		{Name: "copy"},
		{Name: "names respelled", Respell: true},
		{Name: "reordered, 1% words", Reorder: true, Words: 0.01},
		{Name: "reordered, 2% words, 5% sentences", Reorder: true, Words: 0.02, Sentences: 0.05},
		{Name: "reordered, 5% words, 10% sentences, respelled", Reorder: true, Words: 0.05, Sentences: 0.10, Respell: true},
		{Name: "reordered, 10% words, 20% sentences, respelled", Reorder: true, Words: 0.10, Sentences: 0.20, Respell: true},
	}
}

// robustnessRow is the outcome of robustness for one edit level.
type robustnessRow struct {
	Edit editLevel
	// Copies is the number of edited copies looked up; Recalled how many
	// got a relation with their original, Duplicates how many of those as
	// duplicate.
	Copies, Recalled, Duplicates int
	// FalsePairs counts relations between a copy and an article that
	// neither its original nor its donor (the article its new sentences and
	// words come from) is related to; Negatives is the number of such pairs that could have been
	// related (copies × (articles − 2)).
	FalsePairs, Negatives int
	// Candidates is the total number of candidates the Index returned.
	Candidates int
}

// Recall returns Recalled/Copies.
func (r robustnessRow) Recall() float64 { return ratio(r.Recalled, r.Copies) }

// FalseRate returns FalsePairs/Negatives.
func (r robustnessRow) FalseRate() float64 { return ratio(r.FalsePairs, r.Negatives) }

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// robustness indexes arts, then, for each edit level, makes an edited copy
// of sample articles drawn with the given seed, looks each copy up in the
// index as the engine would (Candidates, then Compare with each), and counts
// how often its original is found and how often other articles are
// wrongly related to it. The same inputs give the same table. It stops
// early with ctx's error when ctx is done.
func robustness(ctx context.Context, arts []article.Article, levels []editLevel, sample int, seed uint64, opt Options) ([]robustnessRow, error) {
	texts := make([]string, len(arts))
	for i := range arts {
		texts[i] = arts[i].Text
	}
	sk := sketches(texts, 0)
	x := NewIndex(opt)
	for i := range sk {
		x.Add(strconv.Itoa(i), &sk[i])
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	sources := rng.Perm(len(arts))[:min(sample, len(arts))]
	truth := make(map[[2]int]bool) // memo: are two originals related?
	var rows []robustnessRow
	for _, e := range levels {
		row := robustnessRow{Edit: e}
		for _, s := range sources {
			if err := ctx.Err(); err != nil {
				return rows, err
			}
			donor := (s + 1 + rng.IntN(len(arts)-1)) % len(arts)
			cp := article.Article{ID: "copy", Text: edit(arts[s].Text, arts[donor].Text, e, rng)}
			robustLookup(x, arts, &cp, s, donor, truth, opt, &row)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// robustLookup looks cp, an edited copy of arts[src], up and counts the
// outcome in row.
func robustLookup(x *Index, arts []article.Article, cp *article.Article, src, donor int,
	truth map[[2]int]bool, opt Options, row *robustnessRow) {
	row.Copies++
	row.Negatives += len(arts) - 2
	sk := NewSketch(cp.Text)
	cands := x.Candidates(&sk)
	row.Candidates += len(cands)
	for _, c := range cands {
		j, _ := strconv.Atoi(c.ID)
		r := Compare(&arts[j], cp, opt)
		switch {
		case r.Kind == None || j == donor:
		case j == src:
			row.Recalled++
			if r.Kind == Duplicate {
				row.Duplicates++
			}
		case !related(arts, src, j, truth, opt) && !related(arts, donor, j, truth, opt):
			row.FalsePairs++
		}
	}
}

// related reports whether arts[i] and arts[j] are related, memoized in
// truth.
func related(arts []article.Article, i, j int, truth map[[2]int]bool, opt Options) bool {
	k := [2]int{min(i, j), max(i, j)}
	t, ok := truth[k]
	if !ok {
		t = Compare(&arts[k[0]], &arts[k[1]], opt).Kind != None
		truth[k] = t
	}
	return t
}

// edit returns an edited copy of text as e says, taking new sentences and
// words from donor.
func edit(text, donor string, e editLevel, rng *rand.Rand) string {
	paras := splitParagraphs(text)
	extra := sentences(strings.Join(splitParagraphs(donor), " "))
	vocab := strings.Fields(donor)
	if e.Sentences > 0 {
		paras = editSentences(paras, extra, e.Sentences, rng)
	}
	if e.Words > 0 && len(vocab) > 0 {
		for i, p := range paras {
			w := strings.Fields(p)
			for k := range w {
				if rng.Float64() < e.Words {
					w[k] = vocab[rng.IntN(len(vocab))]
				}
			}
			paras[i] = strings.Join(w, " ")
		}
	}
	if e.Respell {
		paras = respell(paras, rng)
	}
	if e.Reorder {
		rng.Shuffle(len(paras), func(i, j int) { paras[i], paras[j] = paras[j], paras[i] })
	}
	return strings.Join(paras, "\n\n")
}

func splitParagraphs(text string) []string { return article.Paragraphs(text) }

// sentences splits a paragraph after each . ! or ? that a space follows.
func sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(p); i++ {
		if (p[i] == '.' || p[i] == '!' || p[i] == '?') && p[i+1] == ' ' {
			out = append(out, p[start:i+1])
			start = i + 2
		}
	}
	if start < len(p) {
		out = append(out, p[start:])
	}
	return out
}

// editSentences removes each sentence with probability frac and inserts as
// many sentences of extra at random places.
func editSentences(paras, extra []string, frac float64, rng *rand.Rand) []string {
	var ps [][]string
	removed := 0
	for _, p := range paras {
		ss := slices.DeleteFunc(sentences(p), func(string) bool {
			if rng.Float64() < frac {
				removed++
				return true
			}
			return false
		})
		ps = append(ps, ss)
	}
	for ; removed > 0 && len(extra) > 0 && len(ps) > 0; removed-- {
		i := rng.IntN(len(ps))
		ps[i] = slices.Insert(ps[i], rng.IntN(len(ps[i])+1), extra[rng.IntN(len(extra))])
	}
	out := paras[:0:0]
	for _, ss := range ps {
		if len(ss) > 0 {
			out = append(out, strings.Join(ss, " "))
		}
	}
	return out
}

// respell respells the names in paras, each the same way everywhere.
func respell(paras []string, rng *rand.Rand) []string {
	spelled := make(map[string]string)
	out := make([]string, len(paras))
	for i, p := range paras {
		w := strings.Fields(p)
		for k, word := range w {
			r, _ := utf8.DecodeRuneInString(word)
			if k == 0 || !unicode.IsUpper(r) || len(word) < 4 || strings.HasSuffix(w[k-1], ".") {
				continue
			}
			if _, ok := spelled[word]; !ok {
				spelled[word] = respellWord(word, rng)
			}
			w[k] = spelled[word]
		}
		out[i] = strings.Join(w, " ")
	}
	return out
}

// respellWord changes one letter of word the way transliterations differ:
// y and i, c and k, a doubled or undoubled consonant, a dropped h, or one
// vowel for another.
func respellWord(word string, rng *rand.Rand) string {
	b := []byte(word)
	for range 8 {
		i := 1 + rng.IntN(len(b)-1)
		switch c := b[i]; {
		case c == 'y' || c == 'i':
			b[i] = 'i' + 'y' - c
		case c == 'c' || c == 'k':
			b[i] = 'c' + 'k' - c
		case c == 'h':
			return string(append(b[:i:i], b[i+1:]...))
		case strings.IndexByte("aeou", c) >= 0:
			b[i] = "eoua"[strings.IndexByte("aeou", c)]
		case 'b' <= c && c <= 'z':
			return string(slices.Insert(b, i, c))
		default:
			continue
		}
		return string(b)
	}
	return word
}
