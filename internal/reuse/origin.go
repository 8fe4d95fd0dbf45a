package reuse

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/article"
)

// Origin tells how much of an article's text is its own and how much it
// carries from earlier articles, and from which. Lengths are code points of
// the article's Text.
type Origin struct {
	// Article is the article's ID.
	Article string
	// Length is the length of its text.
	Length int
	// Original is the length of the text outside every passage it shares
	// with an earlier article.
	Original int
	// Shares says from whom the rest comes: each shared code point counts
	// once, for the earliest article carrying it. Ordered by that article's
	// publication order.
	Shares []Share
}

// Share is the part of an article's text that first appeared in another.
type Share struct {
	// From is the ID of the earliest article carrying the text.
	From string
	// Length is the number of code points.
	Length int
}

// OriginalFraction returns Original/Length, or 1 for an empty text.
func (o Origin) OriginalFraction() float64 {
	if o.Length == 0 {
		return 1
	}
	return float64(o.Original) / float64(o.Length)
}

// cover is a stretch [start, end) of one article's text that first appeared
// in article origin.
type cover struct {
	start, end int
	origin     string
}

// setOrigins sets Passage.Origin in rels, which Relations has ordered by the
// publication rank of A: a passage's origin is the earliest article among A
// and those that A carries at least half the passage from.
func setOrigins(rels []Relation, ranks map[string]int) {
	covers := make(map[string][]cover)
	for i := range rels {
		r := &rels[i]
		for j := range r.Passages {
			p := &r.Passages[j]
			p.Origin = r.A
			for _, c := range covers[r.A] {
				n := min(c.end, p.AEnd) - max(c.start, p.AStart)
				if 2*n >= p.AEnd-p.AStart && ranks[c.origin] < ranks[p.Origin] {
					p.Origin = c.origin
				}
			}
			covers[r.B] = append(covers[r.B], cover{p.BStart, p.BEnd, p.Origin})
		}
	}
}

// Origins returns the Origin of each of arts, in order, from rels, the
// relations that Relations returned for arts.
func Origins(arts []article.Article, rels []Relation) []Origin {
	ranks := rank(arts)
	covers := make(map[string][]cover)
	for _, r := range rels {
		for _, p := range r.Passages {
			from := cmp.Or(p.Origin, r.A)
			covers[r.B] = append(covers[r.B], cover{p.BStart, p.BEnd, from})
		}
	}
	out := make([]Origin, len(arts))
	for i := range arts {
		a := &arts[i]
		o := Origin{Article: a.ID, Length: utf8.RuneCountInString(a.Text)}
		o.Shares = attribute(covers[a.ID], ranks)
		o.Original = o.Length
		for _, s := range o.Shares {
			o.Original -= s.Length
		}
		out[i] = o
	}
	return out
}

// attribute counts each code point under cs once, for the earliest origin
// covering it.
func attribute(cs []cover, ranks map[string]int) []Share {
	var cuts []int
	for _, c := range cs {
		cuts = append(cuts, c.start, c.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	total := make(map[string]int)
	for k := 0; k+1 < len(cuts); k++ {
		from := ""
		for _, c := range cs {
			if c.start <= cuts[k] && cuts[k+1] <= c.end && (from == "" || ranks[c.origin] < ranks[from]) {
				from = c.origin
			}
		}
		if from != "" {
			total[from] += cuts[k+1] - cuts[k]
		}
	}
	shares := make([]Share, 0, len(total))
	for from, n := range total {
		shares = append(shares, Share{From: from, Length: n})
	}
	slices.SortFunc(shares, func(x, y Share) int {
		return cmp.Or(cmp.Compare(ranks[x.From], ranks[y.From]), cmp.Compare(x.From, y.From))
	})
	return shares
}
