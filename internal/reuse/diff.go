package reuse

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/article"
)

// Op is what a revision did to one paragraph.
type Op string

// The paragraph operations of a revision.
const (
	// Kept is a paragraph that is the same in both versions once normalized.
	Kept Op = "kept"
	// Edited is a paragraph matched with one of the other version that
	// differs from it in small ways.
	Edited Op = "edited"
	// Added is a paragraph only the new version has.
	Added Op = "added"
	// Removed is a paragraph only the old version has.
	Removed Op = "removed"
)

// editedMin is the least similarity of two paragraphs that Diff matches.
const editedMin = 0.5

// Paragraph is one line of an article's Text, trimmed of space: code
// points [Start, End).
type Paragraph struct {
	Start, End int
	Text       string
}

// Change is what a revision did to one paragraph.
type Change struct {
	Op Op
	// Old is the paragraph in the old version; zero for Added.
	Old Paragraph
	// New is the paragraph in the new version; zero for Removed.
	New Paragraph
	// Similarity of Old and New: the fraction of their code points inside
	// the passages they share, counted in both (0 for Added and Removed).
	Similarity float64
}

// Diff returns the paragraph-by-paragraph changes from old to new, given
// the passages they share (a Relation's Passages, old being its A). Two
// paragraphs match when their Similarity is at least 0.5, each with at most
// one, most similar first. Changes follow the new version's order; a removed
// paragraph comes right after the change of the old paragraph before it, or
// first. Its cost grows with the paragraphs and passages, and with the
// pairs of paragraphs that passages join.
func Diff(old, new *article.Article, passages []Passage) []Change {
	po, pn := paragraphs(old.Text), paragraphs(new.Text)
	match, sims := matchParagraphs(po, pn, passages)
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
		c := Change{Op: Edited, Old: po[i], New: p, Similarity: sims[j]}
		if Normalize(c.Old.Text) == Normalize(c.New.Text) {
			c.Op = Kept
		}
		out = append(out, c)
		removed(i + 1)
	}
	return out
}

// matchParagraphs returns, for each new paragraph, the index of its matched
// old paragraph or -1, and the similarity of the two (see
// paragraphSimilarity). Only pairs that a passage joins can be similar, so
// it visits those alone: per passage, the paragraphs it overlaps in either
// text (one each for passages that Align returns, which stay within a line).
func matchParagraphs(po, pn []Paragraph, passages []Passage) ([]int, []float64) {
	type pair struct {
		i, j int
		sim  float64
	}
	in := make(map[[2]int]int) // old, new paragraph → code points in passages joining them
	for _, p := range passages {
		io, jo := overlapping(po, p.AStart), overlapping(pn, p.BStart)
		for i := io; i < len(po) && po[i].Start < p.AEnd; i++ {
			a := min(p.AEnd, po[i].End) - max(p.AStart, po[i].Start)
			for j := jo; j < len(pn) && pn[j].Start < p.BEnd && a > 0; j++ {
				if b := min(p.BEnd, pn[j].End) - max(p.BStart, pn[j].Start); b > 0 {
					in[[2]int{i, j}] += a + b
				}
			}
		}
	}
	var pairs []pair
	for k, n := range in {
		o, p := po[k[0]], pn[k[1]]
		if s := min(1, float64(n)/float64(o.End-o.Start+p.End-p.Start)); s >= editedMin {
			pairs = append(pairs, pair{k[0], k[1], s})
		}
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		return cmp.Or(cmp.Compare(y.sim, x.sim), cmp.Compare(x.j, y.j), cmp.Compare(x.i, y.i))
	})
	match := make([]int, len(pn))
	for j := range match {
		match[j] = -1
	}
	sims := make([]float64, len(pn))
	used := make([]bool, len(po))
	for _, p := range pairs {
		if match[p.j] < 0 && !used[p.i] {
			match[p.j], used[p.i], sims[p.j] = p.i, true, p.sim
		}
	}
	return match, sims
}

// overlapping returns the index of the first of ps, which are ordered and
// disjoint, that ends after start.
func overlapping(ps []Paragraph, start int) int {
	k, _ := slices.BinarySearchFunc(ps, start, func(p Paragraph, t int) int { return cmp.Compare(p.End, t+1) })
	return k
}

// paragraphs returns the non-blank lines of text, trimmed, with code-point
// offsets.
func paragraphs(text string) []Paragraph {
	var out []Paragraph
	cp, lineCP, lineB := 0, 0, 0
	flush := func(end int) {
		line := text[lineB:end]
		start := lineCP
		for len(line) > 0 {
			r, n := utf8.DecodeRuneInString(line)
			if !unicode.IsSpace(r) {
				break
			}
			line, start = line[n:], start+1
		}
		for len(line) > 0 {
			r, n := utf8.DecodeLastRuneInString(line)
			if !unicode.IsSpace(r) {
				break
			}
			line = line[:len(line)-n]
		}
		if line != "" {
			out = append(out, Paragraph{Start: start, End: start + utf8.RuneCountInString(line), Text: line})
		}
	}
	for i, r := range text {
		if r == '\n' {
			flush(i)
			lineB, lineCP = i+1, cp+1
		}
		cp++
	}
	flush(len(text))
	return out
}
