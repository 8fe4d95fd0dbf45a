package web

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/store"
)

// articleRef is how pages refer to one article of a story: by its number
// in the story and a short name.
type articleRef struct {
	ID     string
	N      int
	Label  string // "#2"
	Name   string // outlet, title or file name
	Date   string // YYYY-MM-DD, "" when undated
	Anchor string // the article's column on the story page
	Href   string // the article's own page
}

// articleRefs numbers a story's articles in the story's order.
func articleRefs(s dossier.Story) []articleRef {
	out := make([]articleRef, len(s.Articles))
	for i, a := range s.Articles {
		out[i] = articleRef{
			ID: a.ID, N: i + 1, Label: "#" + strconv.Itoa(i+1), Name: articleName(a),
			Date: deref(a.Published), Anchor: "art-" + strconv.Itoa(i+1),
			Href: articleHref(a.ID, s.ID),
		}
	}
	return out
}

// refsTo returns the refs of the given article IDs; IDs of articles outside
// the story are named by their ID.
func refsTo(ids []string, refs []articleRef) []articleRef {
	out := make([]articleRef, 0, len(ids))
	for _, id := range ids {
		if r, ok := findRef(id, refs); ok {
			out = append(out, r)
		} else if validID(id, articlePrefix) {
			out = append(out, articleRef{ID: id, Label: id, Name: id, Href: articleHref(id, "")})
		}
	}
	return out
}

func findRef(id string, refs []articleRef) (articleRef, bool) {
	for _, r := range refs {
		if r.ID == id {
			return r, true
		}
	}
	return articleRef{}, false
}

// articleName is a short human name for an article: its outlet, else its
// title, else its file name.
func articleName(a dossier.Article) string {
	switch {
	case a.Outlet != nil && *a.Outlet != "":
		return *a.Outlet
	case a.Title != nil && *a.Title != "":
		return shorten(*a.Title, 60)
	}
	ref, _, _ := strings.Cut(a.SourceRef, "#")
	if b := path.Base(ref); b != "." && b != "/" {
		return b
	}
	return a.ID
}

func storyHref(id string) string  { return "/stories/" + id }
func entityHref(id string) string { return "/entities/" + id }

func articleHref(id, storyID string) string {
	if storyID == "" {
		return "/articles/" + id
	}
	return "/articles/" + id + "?story=" + url.QueryEscape(storyID)
}

// entityLink returns the page of an entity, or "" when id is not a valid
// entity ID (it comes from stage output and is checked like any input).
func entityLink(id *string) string {
	if id == nil || !validID(*id, entityPrefix) {
		return ""
	}
	return entityHref(*id)
}

// externalLink returns u if it is an absolute http or https URL, and ""
// otherwise, so that article data can never produce a javascript: or
// data: link (html/template would neutralise them too).
func externalLink(u *string) string {
	if u == nil {
		return ""
	}
	p, err := url.Parse(*u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// summaryRow is one story in a list.
type summaryRow struct {
	ID, Href, Headline, Span string
	Articles                 int
	// Outlets names the story's outlets, when known.
	Outlets string
}

func summaryRows(ss []store.Story) []summaryRow {
	out := make([]summaryRow, len(ss))
	for i, s := range ss {
		d := dossier.FromSummary(s)
		out[i] = summaryRow{ID: s.ID, Href: storyHref(s.ID), Headline: s.Headline,
			Span: dateSpan(d.FirstPublished, d.LastPublished), Articles: s.Articles}
	}
	return out
}

// dateSpan formats a story's dates for people: "17 Aug 2025",
// "17–19 Aug 2025" or "28 Jul – 2 Aug 2025".
func dateSpan(first, last *string) string {
	if first == nil || last == nil {
		return "undated"
	}
	a, errA := time.Parse(time.DateOnly, *first)
	b, errB := time.Parse(time.DateOnly, *last)
	switch {
	case errA != nil || errB != nil:
		return *first + " – " + *last
	case a.Equal(b):
		return a.Format("2 Jan 2006")
	case a.Year() != b.Year():
		return a.Format("2 Jan 2006") + " – " + b.Format("2 Jan 2006")
	case a.Month() != b.Month():
		return a.Format("2 Jan") + " – " + b.Format("2 Jan 2006")
	}
	return fmt.Sprintf("%d–%s", a.Day(), b.Format("2 Jan 2006"))
}

// humanDate formats an ISO date for people: "17 Aug 2025", "Aug 2025" or
// "2025"; other values pass unchanged.
func humanDate(s string) string {
	for _, f := range [...]struct{ in, out string }{{time.DateOnly, "2 Jan 2006"}, {"2006-01", "Jan 2006"}} {
		if t, err := time.Parse(f.in, s); err == nil {
			return t.Format(f.out)
		}
	}
	return s
}

// entityRow is one entity in a table.
type entityRow struct {
	ID, Href, Name, Type string
	Aliases, Roles       string
	Mentions             int
	Articles             []articleRef
	MoreRefs             int // articles left out of Articles
}

func entityRows(es []dossier.Entity, refs []articleRef) []entityRow {
	out := make([]entityRow, len(es))
	for i, e := range es {
		id := e.ID
		out[i] = entityRow{ID: e.ID, Href: entityLink(&id), Name: e.Name, Type: e.Type,
			Aliases: strings.Join(e.Aliases, ", "), Roles: strings.Join(e.Roles, ", "),
			Mentions: e.Mentions, Articles: refsTo(e.Articles, refs)}
	}
	return out
}

// entityGroup is the entities of one type. Rows are those named more than
// once; More, shown folded, those named once.
type entityGroup struct {
	Title      string
	Rows, More []entityRow
	Left       int    // rows the story page's summary leaves out
	FullHref   string // where they are
}

// entityGroups groups entity rows by type: people, organisations, places,
// then the rest.
func entityGroups(rows []entityRow) []entityGroup {
	groups := []entityGroup{{Title: "People"}, {Title: "Organisations"}, {Title: "Places"}, {Title: "Other"}}
	for _, r := range rows {
		g := &groups[3]
		switch r.Type {
		case "person":
			g = &groups[0]
		case "organization":
			g = &groups[1]
		case "location":
			g = &groups[2]
		}
		if r.Mentions > 1 || len(g.Rows) < 3 {
			g.Rows = append(g.Rows, r)
		} else {
			g.More = append(g.More, r)
		}
	}
	return slices.DeleteFunc(groups, func(g entityGroup) bool { return len(g.Rows) == 0 })
}

// quotesShown is the number of a speaker's quotes shown before the rest
// are folded.
const quotesShown = 4

// quoteGroup is the quotes of one speaker: Quotes shown, More folded.
type quoteGroup struct {
	Speaker  string // "" for quotes without a resolved speaker
	Href     string
	Quotes   []quoteRow
	More     []quoteRow
	Count    int
	Left     int    // quotes the story page's summary leaves out
	FullHref string // where they are
}

type quoteRow struct {
	Text    string
	Direct  bool
	Article articleRef
	Story   *summaryRow // on pages that span stories
}

// groupQuotes groups quotes by speaker entity (or name), speakers with the
// most quotes first, unattributed quotes last.
func groupQuotes(qs []dossier.Quote, refs []articleRef) []quoteGroup {
	var groups []*quoteGroup
	byKey := map[string]*quoteGroup{}
	for _, q := range qs {
		key, name := "", ""
		switch {
		case q.SpeakerEntity != nil:
			key, name = "e:"+*q.SpeakerEntity, deref(q.Speaker)
		case q.Speaker != nil:
			key, name = "n:"+*q.Speaker, *q.Speaker
		}
		g := byKey[key]
		if g == nil {
			g = &quoteGroup{Speaker: name, Href: entityLink(q.SpeakerEntity)}
			byKey[key] = g
			groups = append(groups, g)
		}
		row := quoteRow{Text: q.Text, Direct: q.Direct}
		if r, ok := findRef(q.Article, refs); ok {
			row.Article = r
		}
		g.Quotes = append(g.Quotes, row)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if (a.Speaker == "") != (b.Speaker == "") {
			return b.Speaker == ""
		}
		return len(a.Quotes) > len(b.Quotes)
	})
	out := make([]quoteGroup, len(groups))
	for i, g := range groups {
		out[i] = *g
		out[i].Count = len(g.Quotes)
		if len(g.Quotes) > quotesShown+1 {
			out[i].Quotes, out[i].More = g.Quotes[:quotesShown], g.Quotes[quotesShown:]
		}
	}
	return out
}

// divergenceRow is one point of disagreement.
type divergenceRow struct {
	Topic    string
	Variants []variantRow
}

type variantRow struct {
	Value    string
	Articles []articleRef
	MoreRefs int
}

func divergenceRows(ds []dossier.Divergence, refs []articleRef) []divergenceRow {
	out := make([]divergenceRow, len(ds))
	for i, d := range ds {
		out[i].Topic = d.Topic
		for _, v := range d.Variants {
			out[i].Variants = append(out[i].Variants, variantRow{Value: v.Value, Articles: refsTo(v.Articles, refs)})
		}
	}
	return out
}

// classToken returns s if it is a plain lower-case word usable as part of
// a CSS class name, and "other" otherwise.
func classToken(s string) string {
	if s == "" || strings.IndexFunc(s, func(r rune) bool { return (r < 'a' || r > 'z') && r != '_' }) >= 0 {
		return "other"
	}
	return s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	if len(rs) <= n {
		return string(rs)
	}
	return strings.TrimSpace(string(rs[:n-1])) + "…"
}
