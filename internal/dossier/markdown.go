package dossier

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes d as a Markdown document for people to read: one
// section per story with its articles, shared text, entities, quotes,
// timeline and divergences. Sections with nothing to show are left out.
func (d Dossier) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	articles := 0
	for _, s := range d.Stories {
		articles += len(s.Articles)
	}
	fmt.Fprintf(bw, "# Stories\n\n%s, %s.\n", plural(len(d.Stories), "story", "stories"),
		plural(articles, "article", "articles"))
	for _, s := range d.Stories {
		writeStory(bw, s)
	}
	return bw.Flush()
}

func writeStory(w *bufio.Writer, s Story) {
	fmt.Fprintf(w, "\n## %s\n\n", inline(s.Headline))
	fmt.Fprintf(w, "%s · %s · `%s`\n", span(s.FirstPublished, s.LastPublished),
		plural(len(s.Articles), "article", "articles"), s.ID)
	names := articleNames(s.Articles)
	writeArticles(w, s.Articles)
	writeReuse(w, s.Reuse, names)
	writeEntities(w, s.Entities)
	writeQuotes(w, s.Quotes, names)
	writeTimeline(w, s.Timeline, names)
	writeDivergences(w, s.Divergences, names)
	writeAgreements(w, s.Agreements, names)
	if s.Compared > 0 {
		fmt.Fprintf(w, "\n*Disagreements and confirmations are drawn from %d of the story's %d articles, taken outlet by outlet.*\n", s.Compared, len(s.Articles))
	}
}

func writeArticles(w *bufio.Writer, arts []Article) {
	names := articleNames(arts)
	fmt.Fprintf(w, "\n### Articles\n\n| # | Published | Title | Outlet | Words | Own text | Why here | Source |\n|---|---|---|---|---:|---|---|---|\n")
	for i, a := range arts {
		pub := orDash(a.Published)
		if a.Published != nil && a.PublishedInferred {
			pub += " (inferred)"
		}
		fmt.Fprintf(w, "| %d | %s | %s | %s | %d | %s | %s | %s |\n", i+1, pub, cell(orDash(a.Title)),
			cell(orDash(a.Outlet)), a.Words, ownText(a.Origin, names), why(a.Why), cell(a.SourceRef))
	}
}

// why says briefly why an article is in its story.
func why(w *Why) string {
	var out string
	switch {
	case w == nil:
		return "—"
	case w.StartedStory:
		out = "started the story"
	default:
		out = fmt.Sprintf("%.2f: %s", w.Score, cell(strings.Join(w.Shared, ", ")))
	}
	if w.MergedFrom != "" {
		out += " (in " + cell(w.MergedFrom) + ", merged into this story)"
	}
	return out
}

// ownText says how much of an article is its own text and from whom the
// rest comes.
func ownText(o *Origin, names map[string]string) string {
	if o == nil {
		return "100%"
	}
	parts := make([]string, len(o.SharedFrom))
	for i, s := range o.SharedFrom {
		parts[i] = fmt.Sprintf("%d chars from %s", s.Chars, names[s.Article])
	}
	return fmt.Sprintf("%.0f%% (%s)", 100*o.Original, strings.Join(parts, ", "))
}

func writeReuse(w *bufio.Writer, rs []Reuse, names map[string]string) {
	if len(rs) == 0 {
		return
	}
	fmt.Fprintf(w, "\n### Shared text\n\n")
	for _, r := range rs {
		fmt.Fprintf(w, "- %s and %s: %s, similarity %.2f, %s\n", names[r.A], names[r.B],
			r.Relation, r.Similarity, plural(len(r.Passages), "shared passage", "shared passages"))
		for _, p := range r.Passages {
			fmt.Fprintf(w, "  - [%d:%d] / [%d:%d] %s\n", p.AStart, p.AEnd, p.BStart, p.BEnd,
				quoteText(p.Text, 160))
		}
		writeChanges(w, r, names)
	}
}

// writeChanges prints what a revision changed, paragraph by paragraph;
// kept paragraphs are only counted.
func writeChanges(w *bufio.Writer, r Reuse, names map[string]string) {
	if len(r.Changes) == 0 {
		return
	}
	kept := 0
	fmt.Fprintf(w, "  - what %s changed in %s:\n", names[r.B], names[r.A])
	for _, c := range r.Changes {
		switch c.Op {
		case "kept":
			kept++
		case "edited":
			fmt.Fprintf(w, "    - edited: %s → %s\n", quoteText(c.OldText, 120), quoteText(c.NewText, 120))
		case "added":
			fmt.Fprintf(w, "    - added: %s\n", quoteText(c.NewText, 160))
		case "removed":
			fmt.Fprintf(w, "    - removed: %s\n", quoteText(c.OldText, 160))
		}
	}
	fmt.Fprintf(w, "    - %s kept unchanged\n", plural(kept, "paragraph", "paragraphs"))
}

func writeEntities(w *bufio.Writer, es []Entity) {
	if len(es) == 0 {
		return
	}
	fmt.Fprintf(w, "\n### Entities\n\n| Name | Type | Also written | Roles | Mentions |\n|---|---|---|---|---:|\n")
	for _, e := range es {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %d |\n", cell(e.Name), e.Type,
			cell(strings.Join(e.Aliases, ", ")), cell(strings.Join(e.Roles, ", ")), e.Mentions)
	}
}

func writeQuotes(w *bufio.Writer, qs []Quote, names map[string]string) {
	if len(qs) == 0 {
		return
	}
	fmt.Fprintf(w, "\n### Quotes\n\n")
	for _, q := range qs {
		speaker := "unknown speaker"
		if q.Speaker != nil {
			speaker = *q.Speaker
		}
		kind := "said"
		if !q.Direct {
			kind = "reportedly said"
		}
		fmt.Fprintf(w, "- **%s** %s %s (%s)\n", inline(speaker), kind, quoteText(q.Text, 300), names[q.Article])
	}
}

func writeTimeline(w *bufio.Writer, es []Event, names map[string]string) {
	if len(es) == 0 {
		return
	}
	fmt.Fprintf(w, "\n### Timeline\n\n")
	for _, e := range es {
		mark := ""
		if e.Kind == "expected" {
			mark = " (expected)"
		}
		fmt.Fprintf(w, "- **%s**%s %s (%s)\n", e.Date, mark, inline(e.Text), listNames(e.Articles, names))
	}
}

func writeDivergences(w *bufio.Writer, ds []Divergence, names map[string]string) {
	if len(ds) == 0 {
		return
	}
	fmt.Fprintf(w, "\n### Where the sources disagree\n\n")
	for _, d := range ds {
		fmt.Fprintf(w, "- %s\n", inline(d.Topic))
		for _, v := range d.Variants {
			fmt.Fprintf(w, "  - %s (%s)\n", quoteText(v.Value, 200), listNames(v.Articles, names))
		}
	}
}

func writeAgreements(w *bufio.Writer, as []Agreement, names map[string]string) {
	if len(as) == 0 {
		return
	}
	fmt.Fprintf(w, "\n### What the sources confirm\n\n")
	for _, a := range as {
		fmt.Fprintf(w, "- %s: %s (%s)\n", inline(a.Topic), quoteText(a.Value, 200), listNames(a.Articles, names))
	}
}

// articleNames numbers a story's articles as the Articles table does, so
// that other sections can refer to them briefly.
func articleNames(arts []Article) map[string]string {
	m := make(map[string]string, len(arts))
	for i, a := range arts {
		m[a.ID] = fmt.Sprintf("#%d", i+1)
	}
	return m
}

func listNames(ids []string, names map[string]string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = names[id]
	}
	return strings.Join(out, ", ")
}

func span(first, last *string) string {
	switch {
	case first == nil:
		return "undated"
	case *first == *last:
		return *first
	}
	return *first + " – " + *last
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func orDash(s *string) string {
	if s == nil {
		return "—"
	}
	return *s
}

// inline makes article text safe inside one Markdown line: line breaks
// become spaces and characters that Markdown or HTML would interpret are
// escaped.
func inline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return mdEscaper.Replace(s)
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`,
)

// cell makes text safe inside a Markdown table cell.
func cell(s string) string { return inline(s) }

// quoteText shortens s to n runes and puts it in quotation marks.
func quoteText(s string, n int) string {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	if len(rs) > n {
		rs = append(rs[:n-1], '…')
	}
	return "“" + inline(string(rs)) + "”"
}
