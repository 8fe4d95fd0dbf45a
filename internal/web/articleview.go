package web

import (
	"fmt"
	"sort"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
)

// articleView is the article page.
type articleView struct {
	Ref                                   articleRef
	Title, Outlet, URL, Domain, SourceRef string
	Language                              string
	Published                             string
	Inferred                              bool
	Words                                 int
	Story                                 *summaryRow
	Paras                                 [][]segment
	Entities                              []entityRow
	Quotes                                []quoteGroup
	Timexes                               []timexRow
	Mentions                              int
	Revisions                             []revisionView
	JSONHref                              string
	// Weak is the low score with which the article joined its story, ""
	// when it joined with a good one or started it.
	Weak string
}

type timexRow struct {
	Text, Type, Value string
}

// revisionView shows what changed between two versions of an article,
// paragraph by paragraph, with what one version lacks marked in the other.
type revisionView struct {
	Other      articleRef
	OlderFirst bool // the other version is the older one
	Similarity string
	OldRef     articleRef
	NewRef     articleRef
	Rows       []revisionRow
}

// revisionRow is one paragraph of a revision: Op is kept, edited, added or
// removed.
type revisionRow struct {
	Op       string
	Old, New []segment
}

// newArticleView lays out an article, what the stages found in it, and its
// story when it has one (b may be nil).
func newArticleView(a article.Article, an dossier.Annotation, b *built) articleView {
	meta := dossier.FromArticle(a)
	meta.SourceRef = safeSourceRef(meta.SourceRef)
	if b != nil {
		if wa, ok := b.article(a.ID); ok {
			meta = wa // with what the story knows of it: inferred dates, origin
		}
	}
	v := articleView{
		Ref:   articleRef{ID: a.ID, Label: articleName(meta), Name: articleName(meta), Date: deref(meta.Published)},
		Title: a.Title, Outlet: a.Outlet, URL: externalLink(meta.URL), Domain: domain(meta.URL), SourceRef: meta.SourceRef,
		Language: a.Language, Published: deref(meta.Published), Inferred: meta.PublishedInferred,
		Words: meta.Words, Paras: paragraphs(highlight(an.Text, annotationMarks(an))),
		Mentions: len(an.Mentions), JSONHref: "/api/articles/" + a.ID,
	}
	for _, t := range an.Timexes {
		v.Timexes = append(v.Timexes, timexRow{Text: t.Text, Type: t.Type, Value: t.Value})
	}
	var refs []articleRef
	if b != nil {
		refs = articleRefs(b.wire)
		if r, ok := findRef(a.ID, refs); ok {
			v.Ref = r
		}
		row := summaryRow{ID: b.wire.ID, Href: storyHref(b.wire.ID), Headline: b.wire.Headline,
			Span: dateSpan(b.wire.FirstPublished, b.wire.LastPublished), Articles: len(b.wire.Articles)}
		v.Story = &row
		if score, ok := weakJoin(meta); ok {
			v.Weak = fmt.Sprintf("%.2f", score)
		}
		v.Revisions = revisions(a, b, refs)
	}
	v.Entities = annotationEntities(an)
	v.Quotes = groupQuotes(annotationQuotes(an), refs)
	return v
}

// annotationMarks turns an annotation into highlight marks: mentions link
// to their entities, quotes and speakers and time expressions are marked.
func annotationMarks(an dossier.Annotation) []mark {
	var ms []mark
	for _, q := range an.Quotes {
		kind := "reported"
		if q.Direct {
			kind = "direct"
		}
		who := "unknown speaker"
		if q.Speaker != nil {
			who = *q.Speaker
		}
		ms = append(ms, mark{start: q.Start, end: q.End, class: "quote " + kind,
			title: fmt.Sprintf("%s quote: %s", kind, who)})
		if q.SpeakerStart != nil && q.SpeakerEnd != nil {
			ms = append(ms, mark{start: *q.SpeakerStart, end: *q.SpeakerEnd, class: "speaker",
				title: "speaker: " + who})
		}
	}
	for _, m := range an.Mentions {
		ms = append(ms, mark{start: m.Start, end: m.End, class: "mention type-" + classToken(m.Type),
			title: m.Type + ": " + m.Text, href: entityLink(m.Entity)})
	}
	for _, t := range an.Timexes {
		ms = append(ms, mark{start: t.Start, end: t.End, class: "timex",
			title: fmt.Sprintf("%s %s", t.Type, t.Value)})
	}
	return ms
}

func annotationEntities(an dossier.Annotation) []entityRow {
	counts := map[string]int{}
	for _, m := range an.Mentions {
		if m.Entity != nil {
			counts[*m.Entity]++
		}
	}
	es := make([]dossier.Entity, len(an.Entities))
	for i, e := range an.Entities {
		es[i] = dossier.Entity{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: e.Aliases,
			Roles: e.Roles, Mentions: counts[e.ID]}
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].Mentions > es[j].Mentions })
	return entityRows(es, nil)
}

func annotationQuotes(an dossier.Annotation) []dossier.Quote {
	out := make([]dossier.Quote, len(an.Quotes))
	for i, q := range an.Quotes {
		out[i] = dossier.Quote{Text: q.Text, Speaker: q.Speaker, SpeakerEntity: q.SpeakerEntity,
			Article: an.ID, Direct: q.Direct}
	}
	return out
}

// revisions returns the revision diffs between a and the other versions of
// it in its story. Each change of the reuse stage's paragraph diff is a row;
// within it, text outside the passages the versions share is marked as
// deleted (old) or inserted (new). Without a paragraph diff the whole texts
// make one row.
func revisions(a article.Article, b *built, refs []articleRef) []revisionView {
	texts := map[string]string{}
	for _, x := range b.arts {
		texts[x.ID] = x.Text
	}
	var out []revisionView
	for _, r := range b.wire.Reuse {
		if r.Relation != "revision" || (r.A != a.ID && r.B != a.ID) {
			continue
		}
		oldRef, okA := findRef(r.A, refs)
		newRef, okB := findRef(r.B, refs)
		if !okA || !okB {
			continue
		}
		v := revisionView{OldRef: oldRef, NewRef: newRef, Other: newRef,
			Similarity: fmt.Sprintf("%.0f%%", 100*r.Similarity)}
		if r.B == a.ID {
			v.Other, v.OlderFirst = oldRef, true
		}
		v.Rows = revisionRows(r, texts[r.A], texts[r.B])
		out = append(out, v)
	}
	return out
}

func revisionRows(r dossier.Reuse, oldText, newText string) []revisionRow {
	var as, bs [][2]int
	for _, p := range r.Passages {
		as = append(as, [2]int{p.AStart, p.AEnd})
		bs = append(bs, [2]int{p.BStart, p.BEnd})
	}
	del := gaps(oldText, as, "del", "not in the later version")
	ins := gaps(newText, bs, "ins", "new in the later version")
	if len(r.Changes) == 0 {
		return []revisionRow{{Op: "edited", Old: highlight(oldText, del), New: highlight(newText, ins)}}
	}
	rows := make([]revisionRow, 0, len(r.Changes))
	for _, c := range r.Changes {
		row := revisionRow{Op: classToken(c.Op)}
		if c.OldStart != nil && c.OldEnd != nil {
			row.Old = within(oldText, del, *c.OldStart, *c.OldEnd)
		}
		if c.NewStart != nil && c.NewEnd != nil {
			row.New = within(newText, ins, *c.NewStart, *c.NewEnd)
		}
		rows = append(rows, row)
	}
	return rows
}

// within highlights the code points [start, end) of text with the parts of
// marks that fall inside.
func within(text string, marks []mark, start, end int) []segment {
	runes := []rune(text)
	if start < 0 || end > len(runes) || start >= end {
		return nil
	}
	var ms []mark
	for _, m := range marks {
		if m.end > start && m.start < end {
			m.start, m.end = max(m.start, start)-start, min(m.end, end)-start
			ms = append(ms, m)
		}
	}
	return highlight(string(runes[start:end]), ms)
}

// gaps returns marks over the parts of text that no span covers, ignoring
// white space alone.
func gaps(text string, spans [][2]int, class, title string) []mark {
	n := len([]rune(text))
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	var out []mark
	pos := 0
	for _, s := range append(spans, [2]int{n, n}) {
		if s[0] > pos && !blank(text, pos, s[0]) {
			out = append(out, mark{start: pos, end: s[0], class: class, title: title})
		}
		pos = max(pos, s[1])
	}
	return out
}

// blank reports whether the code points [from, to) of text are all white
// space.
func blank(text string, from, to int) bool {
	i := 0
	for _, r := range text {
		if i >= to {
			break
		}
		if i >= from && r != ' ' && r != '\n' && r != '\t' && r != '\r' {
			return false
		}
		i++
	}
	return true
}
