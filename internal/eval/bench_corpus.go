package eval

// The benchmark corpus and its enlargement by sampling and perturbing.

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/gz"
)

// BenchRecord is one article of the benchmark corpus, in the JSON Lines
// shape of ../shared/bench/corpus (other fields there are ignored).
type BenchRecord struct {
	ID     string `json:"id"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Date   string `json:"date,omitempty"`
	Outlet string `json:"outlet,omitempty"`
}

// ReadBenchCorpus reads the records of a JSON Lines corpus, gzip-compressed
// or not. Records without text are dropped.
func ReadBenchCorpus(r io.Reader) ([]BenchRecord, error) {
	in, err := gz.Reader(r)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(in)
	var out []BenchRecord
	for {
		var rec BenchRecord
		switch err := dec.Decode(&rec); {
		case err == io.EOF:
			return out, nil
		case err != nil:
			return nil, fmt.Errorf("record %d: %w", len(out)+1, err)
		}
		if strings.TrimSpace(rec.Text) != "" {
			out = append(out, rec)
		}
	}
}

// Perturbation rates of the generator, per token.
const (
	pNumber = 0.5  // a token with digits gets new digits
	pName   = 0.25 // a capitalised word inside a sentence becomes another
	pWord   = 0.1  // a lower-case word of 4+ letters becomes another
)

// A Generator enlarges a corpus to any number of articles, deterministically
// for a seed. Record n < len(corpus) is a corpus article unchanged, in
// arrival order (date order; undated articles spread at seeded positions);
// later records cycle through the corpus again in that order, one epoch per
// cycle, as perturbed copies: a new ID and URL, the paragraphs after the
// lead shuffled, some numbers, names and words substituted, and the date
// moved forward a year per epoch (±2 days), so that the stream stays in
// rough date order and no copy is an exact duplicate.
type Generator struct {
	base  []BenchRecord
	order []int32 // base indices in arrival order
	seed  uint64
	words []string // lower-case words sampled from the corpus
	names []string // capitalised words sampled from the corpus
}

// NewGenerator returns a Generator over base, which must not be empty.
func NewGenerator(base []BenchRecord, seed uint64) *Generator {
	g := &Generator{base: base, seed: seed}
	g.order = arrivalOrder(base, seed)
	g.words, g.names = vocabulary(base, 200_000)
	return g
}

// Record returns record n (n ≥ 0). Each record depends only on the corpus,
// the seed and n.
func (g *Generator) Record(n int) BenchRecord {
	k, epoch := n%len(g.base), n/len(g.base)
	r := g.base[g.order[k]]
	if epoch == 0 {
		return r
	}
	rng := rand.New(rand.NewPCG(g.seed, uint64(n)))
	r.ID = r.ID + "~" + strconv.Itoa(epoch)
	r.URL = "https://bench.invalid/" + r.ID
	r.Title = g.substitute(r.Title, rng)
	r.Text = g.substituteParagraphs(shuffleParagraphs(r.Text, rng), rng)
	r.Date = shiftDate(r.Date, 365*epoch+rng.IntN(5)-2)
	return r
}

// WriteJSONL writes records 0…n-1 to w, one JSON object per line.
func (g *Generator) WriteJSONL(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range n {
		if err := enc.Encode(g.Record(i)); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// benchDate is the date layout the generator writes.
const benchDate = "2006-01-02T15:04:05"

// parseBenchDate parses a corpus date.
func parseBenchDate(s string) (time.Time, bool) {
	for _, layout := range []string{benchDate, time.RFC3339, time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// shiftDate moves a corpus date by days; an empty or unreadable date is
// returned unchanged.
func shiftDate(s string, days int) string {
	t, ok := parseBenchDate(s)
	if !ok {
		return s
	}
	return t.AddDate(0, 0, days).Format(benchDate)
}

// arrivalOrder returns base's indices by date; undated records get a seeded
// random date between the earliest and the latest one.
func arrivalOrder(base []BenchRecord, seed uint64) []int32 {
	keys := make([]int64, len(base))
	lo, hi := int64(0), int64(0)
	for i, r := range base {
		t, ok := parseBenchDate(r.Date)
		keys[i] = -1
		if ok {
			keys[i] = t.Unix()
			if lo == 0 || keys[i] < lo {
				lo = keys[i]
			}
			hi = max(hi, keys[i])
		}
	}
	rng := rand.New(rand.NewPCG(seed, ^uint64(0)))
	order := make([]int32, len(base))
	for i := range keys {
		order[i] = int32(i)
		if keys[i] == -1 {
			keys[i] = lo + rng.Int64N(hi-lo+1)
		}
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(keys[a], keys[b]) })
	return order
}

// vocabulary samples the corpus's lower-case words and capitalised words,
// with repetition (so frequent words stay frequent), at most limit of each.
func vocabulary(base []BenchRecord, limit int) (words, names []string) {
	for _, r := range base {
		for _, tok := range strings.Fields(r.Text) {
			_, core, _ := splitToken(tok)
			switch {
			case isLowerWord(core) && len(words) < limit:
				words = append(words, core)
			case isCapitalWord(core) && len(names) < limit:
				names = append(names, core)
			}
		}
		if len(words) >= limit && len(names) >= limit {
			break
		}
	}
	return words, names
}

// shuffleParagraphs shuffles the paragraphs ("\n\n"-separated) after the
// first.
func shuffleParagraphs(text string, rng *rand.Rand) string {
	ps := strings.Split(text, "\n\n")
	if len(ps) < 3 {
		return text
	}
	rest := ps[1:]
	rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	return strings.Join(ps, "\n\n")
}

// substituteParagraphs substitutes tokens paragraph by paragraph, keeping
// the paragraph breaks.
func (g *Generator) substituteParagraphs(text string, rng *rand.Rand) string {
	ps := strings.Split(text, "\n\n")
	for i := range ps {
		ps[i] = g.substitute(ps[i], rng)
	}
	return strings.Join(ps, "\n\n")
}

// substitute replaces some numbers, names and words of s (space-separated
// tokens), keeping each token's surrounding punctuation.
func (g *Generator) substitute(s string, rng *rand.Rand) string {
	toks := strings.Split(s, " ")
	start := true // at a sentence start, where capitals are no names
	for i, tok := range toks {
		pre, core, post := splitToken(tok)
		switch {
		case strings.ContainsAny(core, "0123456789"):
			if rng.Float64() < pNumber {
				core = scrambleDigits(core, rng)
			}
		case isCapitalWord(core) && !start && len(g.names) > 0:
			if rng.Float64() < pName {
				core = g.names[rng.IntN(len(g.names))]
			}
		case isLowerWord(core) && len(core) >= 4 && len(g.words) > 0:
			if rng.Float64() < pWord {
				core = g.words[rng.IntN(len(g.words))]
			}
		}
		toks[i] = pre + core + post
		start = tok == "" || strings.ContainsAny(post, ".!?")
	}
	return strings.Join(toks, " ")
}

// splitToken splits a token into leading punctuation, a core that starts
// and ends with a letter or digit, and trailing punctuation.
func splitToken(tok string) (pre, core, post string) {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	i := strings.IndexFunc(tok, isWord)
	if i < 0 {
		return tok, "", ""
	}
	j := strings.LastIndexFunc(tok, isWord)
	_, size := utf8.DecodeRuneInString(tok[j:])
	return tok[:i], tok[i : j+size], tok[j+size:]
}

// scrambleDigits replaces every digit of s with a random one; a run of
// digits that started with a non-zero digit still does.
func scrambleDigits(s string, rng *rand.Rand) string {
	b := []byte(s)
	for i, c := range b {
		if c < '0' || c > '9' {
			continue
		}
		lead := i == 0 || b[i-1] < '0' || b[i-1] > '9'
		if lead && c != '0' {
			b[i] = byte('1' + rng.IntN(9))
		} else {
			b[i] = byte('0' + rng.IntN(10))
		}
	}
	return string(b)
}

// isLowerWord reports whether s is all lower-case ASCII letters.
func isLowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// isCapitalWord reports whether s is a capital ASCII letter followed by
// two or more lower-case ones, as a name ("Reuters", not "U.S" or "A").
func isCapitalWord(s string) bool {
	return len(s) >= 3 && s[0] >= 'A' && s[0] <= 'Z' && isLowerWord(s[1:])
}
