package divergence

import (
	"slices"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/quote"
)

// Quotes converts the output of quote.Extract on text to the Quotes of a
// Doc.
func Quotes(text string, qs []quote.Quote) []Quote {
	rs := []rune(text)
	out := make([]Quote, 0, len(qs))
	for _, q := range qs {
		named := false
		if 0 <= q.SpeakerStart && q.SpeakerStart < q.SpeakerEnd && q.SpeakerEnd <= len(rs) {
			named = capitalizedName(string(rs[q.SpeakerStart:q.SpeakerEnd]))
		}
		out = append(out, Quote{Start: q.Start, End: q.End, Speaker: q.Speaker,
			Entity: q.SpeakerEntity, Direct: q.Direct, Named: named})
	}
	return out
}

// minQuoteWords is the length a quotation must have to be matched across
// articles: short ones ("We love them.") are said by many.
const minQuoteWords = 6

// quoteOverlap is the share of words (Jaccard) two quotations must have in
// common to be one quotation.
const quoteOverlap = 0.6

// quoted is a direct quotation attributed to a person.
type quoted struct {
	doc   int
	q     Quote
	name  string
	words map[string]bool
}

// quoteSpeakers returns a speaker divergence for each direct quotation
// that articles attribute to different people. Reported speech does not
// count: outlets citing different sources for one fact do not disagree.
// Nor do speakers an earlier stage resolved from a pronoun ("…,” he
// said), the likeliest attribution errors. Speakers who share a surname
// ("Boone Isaacs", "Cheryl Boone Isaacs") are one.
func (s *story) quoteSpeakers() []Divergence {
	var qs []quoted
	for d, doc := range s.docs {
		names := entityNames(doc.Mentions)
		t := s.texts[d]
		for _, q := range doc.Quotes {
			if !q.Direct || !q.Named || !s.people[q.Entity] || q.Start < 0 || q.End > len(t.runes) || q.Start >= q.End {
				continue
			}
			ws := quoteWords(t.slice(q.Start, q.End))
			if len(ws) >= minQuoteWords {
				qs = append(qs, quoted{doc: d, q: q, name: cmpOr(names[q.Entity], q.Speaker), words: ws})
			}
		}
	}
	var out []Divergence
	used := make([]bool, len(qs))
	for i := range qs {
		if used[i] {
			continue
		}
		g := []int{i}
		for j := i + 1; j < len(qs); j++ {
			if !used[j] && qs[j].doc != qs[i].doc && jaccard(qs[i].words, qs[j].words) >= quoteOverlap {
				g, used[j] = append(g, j), true
			}
		}
		if d, ok := s.speakerDivergence(qs, g); ok {
			out = append(out, d)
		}
	}
	return out
}

// speakerDivergence reports the quotations g when they name different
// speakers.
func (s *story) speakerDivergence(qs []quoted, g []int) (Divergence, bool) {
	var names []string
	by := make(map[string][]Source)
	for _, i := range g {
		n := qs[i].name
		for _, m := range names {
			if sameSpeaker(m, n) {
				n = m
				break
			}
		}
		if by[n] == nil {
			names = append(names, n)
		}
		t := s.texts[qs[i].doc]
		src := Source{Article: s.docs[qs[i].doc].ID, Start: qs[i].q.Start, End: qs[i].q.End,
			Text: t.slice(qs[i].q.Start, qs[i].q.End), Speaker: qs[i].name}
		by[n] = append(by[n], src)
	}
	if len(names) < 2 {
		return Divergence{}, false
	}
	first := by[names[0]][0].Text
	d := Divergence{Topic: "who said “" + shorten(first, 10) + "”", Kind: Speaker}
	for _, n := range names {
		v := Variant{Value: n, Sources: by[n]}
		for _, src := range by[n] {
			if !slices.Contains(v.Articles, src.Article) {
				v.Articles = append(v.Articles, src.Article)
			}
		}
		d.Variants = append(d.Variants, v)
	}
	return d, true
}

// sameSpeaker reports whether two names are one person's: they share
// their last word ("Inspector Gaskin", "Dave Gaskin").
func sameSpeaker(a, b string) bool {
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	return len(wa) > 0 && len(wb) > 0 && wa[len(wa)-1] == wb[len(wb)-1]
}

// quoteWords returns the lower-case words of a quotation.
func quoteWords(s string) map[string]bool {
	out := make(map[string]bool)
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		out[w] = true
	}
	return out
}

// jaccard returns the Jaccard similarity of two word sets.
func jaccard(a, b map[string]bool) float64 {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// shorten returns the first n words of s, with "…" when it had more.
func shorten(s string, n int) string {
	f := strings.Fields(plain(s))
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "…"
}

// cmpOr returns a, or b when a is empty.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// capitalizedName reports whether s reads as a name: every word
// capitalized but particles ("Ursula von der Leyen"), not a pronoun or a
// role ("he", "the Ukrainian president").
func capitalizedName(s string) bool {
	f := strings.Fields(s)
	for _, w := range f {
		if !capitalized(w) && w != "von" && w != "der" && w != "de" && w != "van" {
			return false
		}
	}
	return len(f) > 0 && !pronounStart(s) && !strings.HasPrefix(s, "The ")
}
