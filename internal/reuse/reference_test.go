package reuse

import (
	"cmp"
	"github.com/storyline-news/storyline/internal/article"
	"slices"
)

// This file keeps the first, quadratic versions of the functions that
// were made to scale, as the reference their results must equal.

// refMatchParagraphs is matchParagraphs as it was: every pair of
// paragraphs, each against every passage.
func refMatchParagraphs(po, pn []Paragraph, passages []Passage) []int {
	type pair struct {
		i, j int
		sim  float64
	}
	var pairs []pair
	for i := range po {
		for j := range pn {
			if s := refParagraphSimilarity(po[i], pn[j], passages); s >= editedMin {
				pairs = append(pairs, pair{i, j, s})
			}
		}
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		return cmp.Or(cmp.Compare(y.sim, x.sim), cmp.Compare(x.j, y.j), cmp.Compare(x.i, y.i))
	})
	match := make([]int, len(pn))
	for j := range match {
		match[j] = -1
	}
	used := make([]bool, len(po))
	for _, p := range pairs {
		if match[p.j] < 0 && !used[p.i] {
			match[p.j], used[p.i] = p.i, true
		}
	}
	return match
}

// refParagraphSimilarity returns the fraction of the code points of o and
// n that lie in passages joining them, counted in both.
func refParagraphSimilarity(o, n Paragraph, passages []Passage) float64 {
	in := 0
	for _, p := range passages {
		a := min(p.AEnd, o.End) - max(p.AStart, o.Start)
		b := min(p.BEnd, n.End) - max(p.BStart, n.Start)
		if a > 0 && b > 0 {
			in += a + b
		}
	}
	if total := o.End - o.Start + n.End - n.Start; total > 0 {
		return min(1, float64(in)/float64(total))
	}
	return 0
}

// refDiff is Diff as it was, on refMatchParagraphs.
func refDiff(old, new *article.Article, passages []Passage) []Change {
	po, pn := paragraphs(old.Text), paragraphs(new.Text)
	match := refMatchParagraphs(po, pn, passages)
	matched := make([]bool, len(po))
	for _, i := range match {
		if i >= 0 {
			matched[i] = true
		}
	}
	var out []Change
	removed := func(from int) {
		for k := from; k < len(po) && !matched[k]; k++ {
			out = append(out, Change{Op: Removed, Old: po[k]})
		}
	}
	removed(0)
	for j, p := range pn {
		i := match[j]
		if i < 0 {
			out = append(out, Change{Op: Added, New: p})
			continue
		}
		c := Change{Op: Edited, Old: po[i], New: p, Similarity: refParagraphSimilarity(po[i], p, passages)}
		if Normalize(c.Old.Text) == Normalize(c.New.Text) {
			c.Op = Kept
		}
		out = append(out, c)
		removed(i + 1)
	}
	return out
}

// refRelations is Relations as it was: every pair aligned, origins found
// by scanning every cover.
func refRelations(arts []article.Article, opt Options) []Relation {
	opt = opt.withDefaults()
	es := make([]*entry, len(arts))
	for i := range arts {
		es[i] = newEntry(&arts[i], i)
	}
	slices.SortFunc(es, chrono)
	var rels []Relation
	ranks := make(map[string]int, len(es))
	for i, x := range es {
		if _, ok := ranks[x.art.ID]; !ok {
			ranks[x.art.ID] = i
		}
		for _, y := range es[i+1:] {
			if r := compare(x, y, opt); r.Kind != None {
				rels = append(rels, r)
			}
		}
	}
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
	return rels
}

// refAttribute is attribute as it was: every cover tried on every stretch
// between cuts.
func refAttribute(cs []cover, ranks map[string]int) []Share {
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
