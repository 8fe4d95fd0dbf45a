package cluster

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// titleWeight is how much more a title term counts than a body term: a
// headline names the event in few words.
const titleWeight = 2

// termCounts returns the stemmed, stop-word-free terms of an article's title
// and body with their weighted counts.
func termCounts(title, text string) map[string]float64 {
	counts := make(map[string]float64)
	addTerms(counts, title, titleWeight)
	addTerms(counts, text, 1)
	return counts
}

// addTerms adds the terms of s to counts with weight w.
func addTerms(counts map[string]float64, s string, w float64) {
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		if t := term(s[start:end]); t != "" {
			counts[t] += w
		}
		start = -1
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
}

// term maps one word to its index term, or "" for words that carry no topic:
// stop words, single characters and bare numbers.
func term(word string) string {
	w := strings.ToLower(word)
	if len([]rune(w)) < 2 || english.IsStopWord(w) || isNumber(w) {
		return ""
	}
	return english.Stem(w, false)
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// weighted is one term with its weight in a vector.
type weighted struct {
	term string
	w    float64
}

// topTerms returns the n heaviest entries of v, heaviest first, ties broken
// by term so the result does not depend on map order.
func topTerms(v map[string]float64, n int) []weighted {
	out := make([]weighted, 0, len(v))
	for t, w := range v {
		out = append(out, weighted{t, w})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].w != out[j].w {
			return out[i].w > out[j].w
		}
		return out[i].term < out[j].term
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// normalize scales v to unit length in place.
func normalize(v []weighted) {
	var sum float64
	for _, w := range v {
		sum += w.w * w.w
	}
	if sum == 0 {
		return
	}
	norm := math.Sqrt(sum)
	for i := range v {
		v[i].w /= norm
	}
}
