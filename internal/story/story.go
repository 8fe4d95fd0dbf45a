// Package story assembles one story: the articles that one cluster holds
// and everything the analysis stages find in them.
//
// Build is the only place that runs the per-story stages in order; it takes
// plain articles (as stored) and returns plain values, so the same story is
// built the same way by `storyline digest`, `storyline show` and the web
// server.
package story

import (
	"cmp"
	"context"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/divergence"
	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/reuse"
	"github.com/storyline-news/storyline/internal/timeline"
)

// Story is one real-world event as storyline sees it.
type Story struct {
	ID       string
	Headline string
	// Articles are sorted by publication date, undated articles last, then
	// in the order they were given to Build.
	Articles []article.Article
	// FirstPublished and LastPublished span the articles' dates; both are
	// zero when no article is dated.
	FirstPublished time.Time
	LastPublished  time.Time
	// Reuse relates the articles that share text, with what each revision
	// changed.
	Reuse []Reuse
	// Origins say, per article in Articles order, how much of its text is
	// its own and from whom the rest comes.
	Origins []reuse.Origin
	// Analyses hold, per article in Articles order, what the per-article
	// stages found in it.
	Analyses []Analysis
	// Entities are the people, organizations, places and other names of
	// the story, most mentioned first.
	Entities []entity.Entity
	// Timeline holds the story's dated events, in date order.
	Timeline []timeline.Event
	// Divergences are the points on which the story's sources disagree;
	// Agreements, the figures and dates several of them confirm.
	Divergences []divergence.Divergence
	Agreements  []divergence.Agreement
	// Compared is the number of articles whose claims were compared, when
	// the story is too long to compare them all (see MaxCompared); zero
	// when every article was.
	Compared int
	// Why says, by article ID, why each article was put in the story, when
	// the caller knows (the engine fills it from the store).
	Why map[string]Why
}

// Why is the evidence for one article's place in a story: the similarity
// that decided it and the terms it shares with the story. The article that
// started the story has no score.
type Why struct {
	Score    float64
	Evidence []string
	// MergedFrom names the story the article first joined, when that story
	// was later merged into this one.
	MergedFrom string
}

// Reuse is one relation between two articles of the story; for a revision,
// Changes lists what the later version changed, paragraph by paragraph.
type Reuse struct {
	reuse.Relation
	Changes []reuse.Change
}

// Build assembles the story with the given ID from its articles, given in
// ingest order. It stops between articles and between stages, and within
// the reuse stage between pairs of articles, with ctx's error when ctx is
// done. Once the articles are analysed and dated, reuse, which needs
// nothing else, runs beside the stages that need their analyses.
func Build(ctx context.Context, id string, arts []article.Article) (Story, error) {
	sorted := SortArticles(arts)
	analyses, err := analyzeAll(ctx, sorted)
	if err != nil {
		return Story{}, err
	}
	s := Story{ID: id}
	s.Articles, s.Analyses = sortAnalyzed(sorted, analyses)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		ru      []Reuse
		origins []reuse.Origin
		ruErr   error
		wg      sync.WaitGroup
	)
	wg.Go(func() { ru, origins, ruErr = findReuse(ctx, s.Articles) })
	err = assemble(ctx, &s)
	if err != nil {
		cancel()
	}
	wg.Wait()
	if err = cmp.Or(err, ruErr); err != nil {
		return Story{}, err
	}
	s.Reuse, s.Origins = ru, origins
	return s, nil
}

// assemble fills in what s's articles say together: headline and dates,
// entities, quotes, timeline, divergences and agreements.
func assemble(ctx context.Context, s *Story) error {
	s.FirstPublished, s.LastPublished = Span(s.Articles)
	s.Headline = Headline(s.Articles)
	res := resolve(s.Articles, s.Analyses)
	if err := ctx.Err(); err != nil {
		return err
	}
	s.Entities = res.Entities
	for i := range s.Analyses {
		s.Analyses[i].Links = res.Links[i]
		s.Analyses[i].Quotes = quotes(s.Articles[i].Text, res.Links[i], res)
	}
	s.Timeline = buildTimeline(s.Articles, s.Analyses)
	if err := ctx.Err(); err != nil {
		return err
	}
	pick := comparable(s.Articles)
	if len(pick) < len(s.Articles) {
		s.Compared = len(pick)
	}
	s.Divergences, s.Agreements = compare(s.Articles, s.Analyses, res, pick)
	return ctx.Err()
}

// MaxCompared is the most articles of a story whose claims are compared
// with each other. Alignment compares every pair of claims, so its cost
// grows with the square of a story's length; a story of thousands of
// articles (a war, an election) is compared on a sample that still gives
// every outlet a voice (see comparable).
const MaxCompared = 150

// comparable returns the positions of the articles whose claims compare,
// ascending: all of them, or for a longer story MaxCompared taken outlet
// by outlet (each outlet's earliest article first, then each one's second,
// and so on), so that disagreements between outlets stay in sight.
func comparable(arts []article.Article) []int {
	if len(arts) <= MaxCompared {
		out := make([]int, len(arts))
		for i := range out {
			out[i] = i
		}
		return out
	}
	var outlets []string
	byOutlet := make(map[string][]int)
	for i, a := range arts {
		if byOutlet[a.Outlet] == nil {
			outlets = append(outlets, a.Outlet)
		}
		byOutlet[a.Outlet] = append(byOutlet[a.Outlet], i)
	}
	var out []int
	for round := 0; len(out) < MaxCompared; round++ {
		for _, o := range outlets {
			if round < len(byOutlet[o]) && len(out) < MaxCompared {
				out = append(out, byOutlet[o][round])
			}
		}
	}
	sort.Ints(out)
	return out
}

// compare finds where the articles at positions pick disagree and what
// they agree on.
func compare(arts []article.Article, ans []Analysis, res entity.Result, pick []int) ([]divergence.Divergence, []divergence.Agreement) {
	docs := make([]divergence.Doc, len(pick))
	for k, i := range pick {
		a := arts[i]
		d := divergence.Doc{ID: a.ID, Text: a.Text, Published: a.Published, Timexes: ans[i].Timexes,
			Quotes: divergence.Quotes(a.Text, ans[i].Quotes)}
		for _, l := range ans[i].Links {
			m := divergence.Mention{Start: l.Start, End: l.End, Entity: l.Entity, Type: l.Type}
			if e, ok := res.Entity(l.Entity); ok {
				m.Name = e.Name
			}
			d.Mentions = append(d.Mentions, m)
		}
		docs[k] = d
	}
	return divergence.Compare(docs)
}

// buildTimeline dates the story's events from its articles' analyses.
func buildTimeline(arts []article.Article, ans []Analysis) []timeline.Event {
	docs := make([]timeline.Doc, len(arts))
	for i, a := range arts {
		d := timeline.Doc{ArticleID: a.ID, Text: a.Text, Published: a.Published, Timexes: ans[i].Timexes}
		for _, l := range ans[i].Links {
			if l.Entity != "" {
				d.Entities = append(d.Entities, timeline.Span{Start: l.Start, End: l.End, Entity: l.Entity})
			}
		}
		docs[i] = d
	}
	return timeline.Build(docs, timeline.Options{})
}

// findReuse relates the story's articles that share text and computes each
// article's origins.
func findReuse(ctx context.Context, arts []article.Article) ([]Reuse, []reuse.Origin, error) {
	rels, err := reuse.Relations(ctx, arts, reuse.Options{})
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[string]*article.Article, len(arts))
	for i := range arts {
		byID[arts[i].ID] = &arts[i]
	}
	out := make([]Reuse, 0, len(rels))
	for _, r := range rels {
		ru := Reuse{Relation: r}
		if r.Kind == reuse.Revision {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			ru.Changes = reuse.Diff(byID[r.A], byID[r.B], r.Passages)
		}
		out = append(out, ru)
	}
	return out, reuse.Origins(arts, rels), nil
}

// sortAnalyzed sorts articles again once inferred dates are known, keeping
// each analysis with its article.
func sortAnalyzed(arts []article.Article, ans []Analysis) ([]article.Article, []Analysis) {
	idx := make([]int, len(arts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		return before(arts[idx[i]].Published, arts[idx[j]].Published)
	})
	outA := make([]article.Article, len(arts))
	outN := make([]Analysis, len(arts))
	for i, k := range idx {
		outA[i], outN[i] = arts[k], ans[k]
	}
	return outA, outN
}

// before orders publication dates: dated before undated, earlier first.
func before(a, b time.Time) bool {
	if a.IsZero() || b.IsZero() {
		return !a.IsZero() && b.IsZero()
	}
	return a.Before(b)
}

// SortArticles returns a copy of arts sorted by publication date, undated
// last, keeping the given order among equals.
func SortArticles(arts []article.Article) []article.Article {
	out := append([]article.Article(nil), arts...)
	sort.SliceStable(out, func(i, j int) bool { return before(out[i].Published, out[j].Published) })
	return out
}

// Span returns the earliest and latest publication dates among arts, or two
// zero times when none is dated.
func Span(arts []article.Article) (first, last time.Time) {
	for _, a := range arts {
		p := a.Published
		if p.IsZero() {
			continue
		}
		if first.IsZero() || p.Before(first) {
			first = p
		}
		if last.IsZero() || p.After(last) {
			last = p
		}
	}
	return first, last
}

// maxHeadline is the longest headline, in runes, made from body text.
const maxHeadline = 120

// Headline picks a story's headline from articles sorted as SortArticles
// does: the title of the earliest titled article, or else the first sentence
// of the first article, shortened at a word boundary.
func Headline(sorted []article.Article) string {
	for _, a := range sorted {
		if t := strings.TrimSpace(a.Title); t != "" {
			return t
		}
	}
	if len(sorted) == 0 {
		return ""
	}
	return shorten(firstSentence(sorted[0].Text), maxHeadline)
}

// firstSentence returns the text up to the first sentence end: a full stop,
// question or exclamation mark followed by a space and a capital letter, or
// a line break.
func firstSentence(text string) string {
	text = strings.TrimSpace(text)
	rs := []rune(text)
	for i, r := range rs {
		if r == '\n' {
			return strings.TrimSpace(string(rs[:i]))
		}
		if (r == '.' || r == '?' || r == '!') && i+2 < len(rs) &&
			rs[i+1] == ' ' && unicode.IsUpper(rs[i+2]) && !abbreviation(rs[:i]) {
			return string(rs[:i+1])
		}
	}
	return text
}

// abbreviation reports whether the word that ends the runes is a short
// abbreviation such as "U.S" or "Mr", after which a full stop ends no
// sentence.
func abbreviation(before []rune) bool {
	start := len(before)
	for start > 0 && !unicode.IsSpace(before[start-1]) {
		start--
	}
	word := string(before[start:])
	if strings.Contains(word, ".") {
		return true
	}
	switch word {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Jr", "Sr", "Prof":
		return true
	}
	return false
}

// shorten cuts s to at most n runes at a word boundary, marking the cut
// with an ellipsis.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := n - 1
	for cut > n/2 && !unicode.IsSpace(rs[cut]) {
		cut--
	}
	return strings.TrimRightFunc(string(rs[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}) + "…"
}
