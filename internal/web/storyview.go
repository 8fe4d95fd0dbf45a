package web

import (
	"fmt"
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/dossier"
)

// Limits that keep a story page readable however big the story: its first
// articles stand side by side with their text, the others are listed.
const (
	maxColumns   = 8
	maxReuseRows = 40
	maxOutlets   = 12
)

// Limits of the story page's summary of a big story, one with more
// articles than stand side by side; the full page (?full=1) shows
// everything. Smaller stories are shown in full.
const (
	summaryEvents      = 40 // the events reported by most articles
	summaryEntities    = 20 // rows per group, most mentioned first
	summarySpeakers    = 12 // speakers with most quotes
	summaryQuotes      = 6  // per speaker, shown and folded
	summaryDivergences = 20
	summaryRefs        = 6 // articles cited in one line
)

// storyView is the story page.
type storyView struct {
	ID, Headline, Span string
	Outlets            string
	Refs               []articleRef
	Columns            []articleColumn
	More               []articleColumn // articles listed without their text
	Timeline           timelineView
	Reuse              []reuseRow
	MoreReuse          int // relations left out of Reuse
	Entities           []entityGroup
	EntityCount        int
	Quotes             []quoteGroup
	QuoteCount         int
	Divergences        []divergenceRow
	Compared           int // articles compared for divergences, when not all
	ArticleCount       int
	JSONHref           string
	// Full is set on the full page of a big story; Left counts what its
	// summary left out, and FullHref links to the page that has it.
	Full                  bool
	Left                  int
	FullHref, SummaryHref string
	MoreSpeakers          int // speakers left out of Quotes
	MoreDivergences       int
	// Doubt says how sure the engine is that the articles belong together.
	Doubt doubt
}

// articleColumn is one article shown beside the others, its shared
// passages highlighted.
type articleColumn struct {
	articleRef
	Title, Outlet, URL, Domain, SourceRef string
	Language, Published                   string
	Inferred                              bool
	Words                                 int
	Shared                                int // highlighted passages
	Own                                   string
	SharedFrom                            []shareRow
	Paras                                 [][]segment
	// CopyOf is the earlier article whose text this one repeats verbatim;
	// its column shows the text folded.
	CopyOf *articleRef
	// CopySame is how much of the text the two share: "100%" for an exact
	// copy.
	CopySame string
	// Weak is the low score with which the article joined the story, ""
	// when it joined with a good one (see weakScore).
	Weak string
}

// shareRow says how much of an article's text another article had first.
type shareRow struct {
	From  articleRef
	Chars int
}

// reuseRow is one relation between two articles.
type reuseRow struct {
	A, B       articleRef
	Relation   string
	Similarity string
	Passages   int
}

// summarized reports whether the story page of s is a summary, with a
// full page beside it: s has more articles than stand side by side.
func summarized(s dossier.Story) bool { return len(s.Articles) > maxColumns }

// newStoryView lays out a built story for the story page: all of it when
// full is set, else a summary within the limits above.
func newStoryView(b *built, full bool) storyView {
	s := b.wire
	refs := articleRefs(s)
	big := summarized(s)
	events := 0
	if big && !full {
		events = summaryEvents
	}
	v := storyView{
		ID: s.ID, Headline: s.Headline, Span: dateSpan(s.FirstPublished, s.LastPublished),
		Refs: refs, Timeline: layoutTimeline(s.Timeline, refs, s.LastPublished, events),
		Entities: entityGroups(entityRows(s.Entities, refs)), EntityCount: len(s.Entities),
		Quotes:     groupQuotes(s.Quotes, refs),
		QuoteCount: len(s.Quotes), Divergences: divergenceRows(s.Divergences, refs),
		Compared: s.Compared, ArticleCount: len(s.Articles),
		JSONHref: "/api/stories/" + s.ID, Outlets: outlets(s.Articles), Doubt: storyDoubt(s.Articles),
		Full: big && full, FullHref: storyHref(s.ID) + "?full=1", SummaryHref: storyHref(s.ID),
	}
	if big && !full {
		v.summarize()
	}
	shown := refs[:min(len(refs), maxColumns)]
	marks := passageMarks(s.Reuse, refs, shown)
	texts := make(map[string]string, len(shown))
	for _, a := range b.arts {
		if _, ok := findRef(a.ID, shown); ok {
			texts[a.ID] = a.Text
		}
	}
	for i, a := range s.Articles {
		col := articleColumn{articleRef: refs[i], Title: deref(a.Title), Outlet: deref(a.Outlet),
			URL: externalLink(a.URL), Domain: domain(a.URL), SourceRef: a.SourceRef, Language: deref(a.Language),
			Published: deref(a.Published), Inferred: a.PublishedInferred, Words: a.Words,
		}
		col.CopyOf, col.CopySame = copyOf(a.ID, s.Reuse, refs)
		if score, ok := weakJoin(a); ok {
			col.Weak = fmt.Sprintf("%.2f", score)
		}
		if o := a.Origin; o != nil {
			col.Own = fmt.Sprintf("%.0f%%", 100*o.Original)
			for _, sh := range o.SharedFrom {
				if r, ok := findRef(sh.Article, refs); ok {
					col.SharedFrom = append(col.SharedFrom, shareRow{From: r, Chars: sh.Chars})
				}
			}
		}
		if i >= len(shown) {
			v.More = append(v.More, col)
			continue
		}
		col.Shared, col.Paras = len(marks[a.ID]), paragraphs(highlight(texts[a.ID], marks[a.ID]))
		v.Columns = append(v.Columns, col)
	}
	v.Reuse, v.MoreReuse = reuseRows(s.Reuse, refs)
	return v
}

// outlets lists the distinct outlets of a story's articles.
func outlets(arts []dossier.Article) string {
	var out []string
	for _, a := range arts {
		if a.Outlet != nil && !slices.Contains(out, *a.Outlet) {
			out = append(out, *a.Outlet)
		}
	}
	if len(out) > maxOutlets {
		return strings.Join(out[:maxOutlets], ", ") + fmt.Sprintf(" and %d more", len(out)-maxOutlets)
	}
	return strings.Join(out, ", ")
}

// copyOf returns the earlier article of the story whose text the article
// id repeats verbatim (a duplicate relation), or nil.
func copyOf(id string, rs []dossier.Reuse, refs []articleRef) (*articleRef, string) {
	for _, r := range rs {
		if r.B == id && r.Relation == "duplicate" {
			if ra, ok := findRef(r.A, refs); ok {
				return &ra, fmt.Sprintf("%.0f%%", 100*r.Similarity)
			}
		}
	}
	return nil, ""
}

// reuseRows returns the first relations for the table, and how many were
// left out.
func reuseRows(rs []dossier.Reuse, refs []articleRef) ([]reuseRow, int) {
	var out []reuseRow
	for _, r := range rs {
		ra, okA := findRef(r.A, refs)
		rb, okB := findRef(r.B, refs)
		if !okA || !okB {
			continue
		}
		if len(out) == maxReuseRows {
			return out, len(rs) - maxReuseRows
		}
		out = append(out, reuseRow{A: ra, B: rb, Relation: strings.ReplaceAll(r.Relation, "_", " "),
			Similarity: fmt.Sprintf("%.0f%%", 100*r.Similarity), Passages: len(r.Passages)})
	}
	return out, 0
}

// passageMarks returns, per article ID of the shown articles, the marks of
// the passages it shares with other articles of the story. In the earlier
// article (A, the passage's origin) a passage links to its copy in the
// later one (B), and back; when the other article is not shown, to its page.
func passageMarks(rs []dossier.Reuse, refs, shown []articleRef) map[string][]mark {
	out := map[string][]mark{}
	link := func(r articleRef, anchor string) string {
		if _, ok := findRef(r.ID, shown); ok {
			return "#" + anchor
		}
		return r.Href
	}
	for i, r := range rs {
		ra, okA := findRef(r.A, refs)
		rb, okB := findRef(r.B, refs)
		_, showA := findRef(r.A, shown)
		_, showB := findRef(r.B, shown)
		if !okA || !okB || !showA && !showB {
			continue
		}
		rel := classToken(r.Relation)
		for j, p := range r.Passages {
			idA, idB := fmt.Sprintf("r%dp%da", i, j), fmt.Sprintf("r%dp%db", i, j)
			out[r.A] = append(out[r.A], mark{start: p.AStart, end: p.AEnd, id: idA, href: link(rb, idB),
				class: "shared origin rel-" + rel,
				title: fmt.Sprintf("Also in %s %s (%s); first published here", rb.Label, rb.Name, r.Relation)})
			first := ra
			if o, ok := findRef(p.Origin, refs); ok {
				first = o // an earlier article than A may carry it too
			}
			out[r.B] = append(out[r.B], mark{start: p.BStart, end: p.BEnd, id: idB, href: link(ra, idA),
				class: "shared copy rel-" + rel,
				title: fmt.Sprintf("Also in %s %s (%s); first published in %s %s", ra.Label, ra.Name, r.Relation, first.Label, first.Name)})
		}
	}
	return out
}

// summarize cuts the page's lists to the summary's limits, counting what
// it leaves out.
func (v *storyView) summarize() {
	v.Left, v.Timeline.FullHref = v.Timeline.Left, v.FullHref+"#timeline"
	for i := range v.Timeline.Items {
		it := &v.Timeline.Items[i]
		it.Articles, it.MoreRefs = capRefs(it.Articles)
	}
	for i := range v.Entities {
		g := &v.Entities[i]
		if n := len(g.Rows) + len(g.More); n > summaryEntities {
			g.Left, g.FullHref = n-summaryEntities, v.FullHref+"#entities"
			if len(g.Rows) > summaryEntities {
				g.Rows = g.Rows[:summaryEntities]
			}
			g.More = g.More[:summaryEntities-len(g.Rows)]
			v.Left += g.Left
		}
		for _, rows := range [][]entityRow{g.Rows, g.More} {
			for j := range rows {
				rows[j].Articles, rows[j].MoreRefs = capRefs(rows[j].Articles)
			}
		}
	}
	if n := len(v.Quotes); n > summarySpeakers {
		v.MoreSpeakers = n - summarySpeakers
		for _, g := range v.Quotes[summarySpeakers:] {
			v.Left += g.Count
		}
		v.Quotes = v.Quotes[:summarySpeakers]
	}
	for i := range v.Quotes {
		g := &v.Quotes[i]
		if g.Count > summaryQuotes {
			g.Left, g.FullHref = g.Count-summaryQuotes, v.FullHref+"#quotes"
			g.More = g.More[:summaryQuotes-len(g.Quotes)]
			v.Left += g.Left
		}
	}
	if n := len(v.Divergences); n > summaryDivergences {
		v.MoreDivergences = n - summaryDivergences
		v.Left += v.MoreDivergences
		v.Divergences = v.Divergences[:summaryDivergences]
	}
	for i := range v.Divergences {
		for j := range v.Divergences[i].Variants {
			vr := &v.Divergences[i].Variants[j]
			vr.Articles, vr.MoreRefs = capRefs(vr.Articles)
		}
	}
}

// capRefs returns the first of refs that the summary cites in one line,
// and how many it leaves out.
func capRefs(refs []articleRef) ([]articleRef, int) {
	if len(refs) <= summaryRefs {
		return refs, 0
	}
	return refs[:summaryRefs], len(refs) - summaryRefs
}
