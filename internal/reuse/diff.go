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
// first.
func Diff(old, new *article.Article, passages []Passage) []Change {
	po, pn := paragraphs(old.Text), paragraphs(new.Text)
	match := matchParagraphs(po, pn, passages)
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
		c := Change{Op: Edited, Old: po[i], New: p, Similarity: paragraphSimilarity(po[i], p, passages)}
		if Normalize(c.Old.Text) == Normalize(c.New.Text) {
			c.Op = Kept
		}
		out = append(out, c)
		removed(i + 1)
	}
	return out
}

// matchParagraphs returns, for each new paragraph, the index of its matched
// old paragraph or -1.
func matchParagraphs(po, pn []Paragraph, passages []Passage) []int {
	type pair struct {
		i, j int
		sim  float64
	}
	var pairs []pair
	for i := range po {
		for j := range pn {
			if s := paragraphSimilarity(po[i], pn[j], passages); s >= editedMin {
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

// paragraphSimilarity returns the fraction of the code points of o and n
// that lie in passages joining them, counted in both.
func paragraphSimilarity(o, n Paragraph, passages []Passage) float64 {
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
