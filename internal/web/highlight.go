package web

import (
	"slices"
	"sort"
	"strings"
)

// mark is one annotated span of an article's text, in code points
// [start, end) as every stage reports offsets.
type mark struct {
	start, end int
	class      string // CSS classes
	title      string // tooltip; "" for none
	href       string // link target; "" for none
	id         string // anchor at the span's start; "" for none
}

// segment is a stretch of text under the same marks. Templates render its
// Text escaped inside one element (see the "segments" template); nothing in
// a segment is ever trusted as HTML.
type segment struct {
	Text  string
	Class string   // the marks' classes, "" for plain text
	Title string   // the marks' tooltips, joined
	Href  string   // the innermost mark's link
	IDs   []string // anchors of the marks that start here
}

// Link reports whether the segment is shown as a link: it has a target and
// text to read, not only white space (a link must say where it goes).
func (s segment) Link() bool { return s.Href != "" && strings.TrimSpace(s.Text) != "" }

// highlight cuts text at every mark's start and end and returns the pieces
// in order, each with the marks that cover it. Marks may nest and overlap;
// marks outside the text or empty are ignored, so offsets from any stage
// (or any input) can never make it fail.
func highlight(text string, marks []mark) []segment {
	runes := []rune(text)
	n := len(runes)
	valid := make([]mark, 0, len(marks))
	cuts := []int{0, n}
	for _, m := range marks {
		if m.start < 0 || m.end > n || m.start >= m.end {
			continue
		}
		valid = append(valid, m)
		cuts = append(cuts, m.start, m.end)
	}
	if n == 0 {
		return nil
	}
	sort.SliceStable(valid, func(i, j int) bool { return valid[i].start < valid[j].start })
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	out := make([]segment, 0, len(cuts))
	var active []mark
	next := 0 // next mark of valid to start
	for i := 0; i+1 < len(cuts); i++ {
		from, to := cuts[i], cuts[i+1]
		active = slices.DeleteFunc(active, func(m mark) bool { return m.end <= from })
		var ids []string
		for ; next < len(valid) && valid[next].start == from; next++ {
			active = append(active, valid[next])
			if valid[next].id != "" {
				ids = append(ids, valid[next].id)
			}
		}
		seg := covered(active)
		seg.Text, seg.IDs = string(runes[from:to]), ids
		if k := len(out) - 1; k >= 0 && ids == nil && same(out[k], seg) {
			out[k].Text += seg.Text
			continue
		}
		out = append(out, seg)
	}
	return out
}

// covered returns the segment attributes of text under the active marks,
// given in order of their starts.
func covered(active []mark) segment {
	var seg segment
	var classes, titles []string
	for _, m := range active {
		for _, c := range strings.Fields(m.class) {
			if !slices.Contains(classes, c) {
				classes = append(classes, c)
			}
		}
		if m.title != "" && !slices.Contains(titles, m.title) {
			titles = append(titles, m.title)
		}
		if m.href != "" {
			seg.Href = m.href // the innermost, latest-starting mark wins
		}
	}
	seg.Class = strings.Join(classes, " ")
	seg.Title = strings.Join(titles, "; ")
	return seg
}

func same(a, b segment) bool {
	return a.Class == b.Class && a.Title == b.Title && a.Href == b.Href
}

// paragraphs splits highlighted text at its line breaks into paragraphs,
// dropping those with nothing to show; a mark that spans a break goes on in
// the next paragraph.
func paragraphs(segs []segment) [][]segment {
	var out [][]segment
	var cur []segment
	show := false
	flush := func() {
		if show {
			out = append(out, cur)
		}
		cur, show = nil, false
	}
	for _, seg := range segs {
		for i, line := range strings.Split(seg.Text, "\n") {
			if i > 0 {
				flush()
			}
			piece := seg
			piece.Text = line
			if i > 0 {
				piece.IDs = nil
			}
			if line != "" || len(piece.IDs) > 0 {
				cur = append(cur, piece)
				show = show || strings.TrimSpace(line) != "" || len(piece.IDs) > 0
			}
		}
	}
	flush()
	return out
}

// snippetSegments splits a search snippet, whose matched words the store
// marks « like this », into plain and matched segments.
func snippetSegments(s string) []segment {
	var out []segment
	for s != "" {
		before, rest, found := strings.Cut(s, "«")
		if before != "" {
			out = append(out, segment{Text: before})
		}
		if !found {
			break
		}
		hit, after, _ := strings.Cut(rest, "»")
		if hit != "" {
			out = append(out, segment{Text: hit, Class: "hit"})
		}
		s = after
	}
	return out
}
