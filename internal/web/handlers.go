package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/store"

	"github.com/storyline-news/storyline/internal/dossier"
)

// storiesView is the story list, or the search results when Query is set.
type storiesView struct {
	Query string
	// Spellings are the other spellings of the name searched for that the
	// search added.
	Spellings        []string
	Stories          []summaryRow
	Hits             []hitRow
	Entity, From, To string
	EntityName       string
	Entities         []entityOption
	Outlet           string
	Outlets          []outletOption
	Sort             string
	Filtered         bool
	// Matches is the number of stories the filters select, or of hits on
	// the search pages shown so far and this one.
	Matches    int
	Page       int
	Pages      int    // pages of the list; Page > Pages is past the end
	First      string // the first page, when Page is past the end
	FirstHit   int    // the number of the first hit on this page
	Prev, Next string
	Articles   int
	StoryCount int
}

type entityOption struct {
	ID, Name, Type string
	Selected       bool
}

type outletOption struct {
	Name     string
	Articles int
	Selected bool
}

type hitRow struct {
	Title, Href       string
	Snippet           []segment
	Date, Outlet      string
	Story             *summaryRow
	Domain            string
	PublishedInferred bool
}

// entityMenu and outletMenu are the numbers of entities and outlets
// offered in the story list's filters.
const (
	entityMenu = 40
	outletMenu = 60
)

// storiesPage serves the story list: filtered by entity, outlet and dates,
// newest first or biggest first; or the full-text search results for q.
func (s *Server) storiesPage(r *http.Request) (view, error) {
	if q := trimQuery(r); q != "" {
		return s.searchPage(r, q)
	}
	sq, err := parseStoryQuery(r, 0)
	if err != nil {
		return view{}, err
	}
	n, err := intParam(r, "page", 1, 1<<20)
	if err != nil {
		return view{}, err
	}
	n = max(n, 1)
	sq.Limit, sq.Offset = pageSize, (n-1)*pageSize
	sums, total, err := s.selectStories(r.Context(), sq)
	if err != nil {
		return view{}, err
	}
	if err := s.outlets.update(r.Context()); err != nil {
		return view{}, err
	}
	v := storiesView{Stories: s.summaryRows(sums), Entity: sq.Entity, Outlet: sq.Outlet, Sort: sq.Sort,
		Filtered: sq.filtered(), Matches: total, Page: n, Pages: (total + pageSize - 1) / pageSize}
	if !sq.From.IsZero() {
		v.From = sq.From.Format(time.DateOnly)
	}
	if !sq.To.IsZero() {
		v.To = sq.To.Format(time.DateOnly)
	}
	switch {
	case n > v.Pages && n > 1:
		v.First = pageLink(sq, 1)
	case n > 1:
		v.Prev = pageLink(sq, n-1)
	}
	if n < v.Pages {
		v.Next = pageLink(sq, n+1)
	}
	if v.Articles, v.StoryCount, err = s.eng.Counts(r.Context()); err != nil {
		return view{}, err
	}
	if v.Entities, v.EntityName, err = s.entityOptions(r.Context(), sq.Entity); err != nil {
		return view{}, err
	}
	v.Outlets = outletOptions(s.outlets.top(outletMenu), sq.Outlet)
	desc := fmt.Sprintf("%d stories from %d news articles, each with its timeline, its sources side by side, who is named and quoted, and where the sources disagree.", v.StoryCount, v.Articles)
	return view{name: "stories.html", Title: "Stories", Description: desc, V: v}, nil
}

// outletOptions returns the outlet filter's choices, the selected one
// among them even when it is not one of the top outlets.
func outletOptions(top []outletCount, selected string) []outletOption {
	out := make([]outletOption, 0, len(top)+1)
	listed := false
	for _, o := range top {
		out = append(out, outletOption{Name: o.Name, Articles: o.Articles, Selected: o.Name == selected})
		listed = listed || o.Name == selected
	}
	if selected != "" && !listed {
		out = append(out, outletOption{Name: selected, Selected: true})
	}
	return out
}

// summaryRows lays out story summaries with their outlets.
func (s *Server) summaryRows(ss []store.Story) []summaryRow {
	rows := summaryRows(ss)
	for i := range rows {
		rows[i].Outlets = outletList(s.outlets.outlets(rows[i].ID))
	}
	return rows
}

// outletList writes out a story's outlets, the first few of them.
func outletList(os []string) string {
	if len(os) > maxOutlets {
		return strings.Join(os[:maxOutlets], ", ") + fmt.Sprintf(" and %d more", len(os)-maxOutlets)
	}
	return strings.Join(os, ", ")
}

// searchLimit is the number of hits shown on a search page; maxSearchPage
// bounds how far the pages go.
const (
	searchLimit   = 50
	maxSearchPage = 200
)

func (s *Server) searchPage(r *http.Request, q string) (view, error) {
	n, err := intParam(r, "page", 1, maxSearchPage)
	if err != nil {
		return view{}, err
	}
	n = max(n, 1)
	offset := (n - 1) * searchLimit
	hits, spellings, err := s.arch.Search(r.Context(), q, offset+searchLimit+1)
	if err != nil {
		return view{}, err
	}
	v := storiesView{Query: q, Hits: []hitRow{}, Spellings: spellings, Page: n, FirstHit: offset + 1}
	more := len(hits) > offset+searchLimit
	hits = hits[min(offset, len(hits)):min(offset+searchLimit, len(hits))]
	v.Matches = offset + len(hits)
	for _, h := range hits {
		row, err := s.hitRow(r, h)
		if err != nil {
			return view{}, err
		}
		v.Hits = append(v.Hits, row)
	}
	link := func(page int) string {
		vals := url.Values{"q": {q}}
		if page > 1 {
			vals.Set("page", strconv.Itoa(page))
		}
		return "/?" + vals.Encode()
	}
	if n > 1 {
		v.Prev = link(n - 1)
	}
	if more && n < maxSearchPage {
		v.Next = link(n + 1)
	}
	return view{name: "stories.html", Title: "Search: " + q, Query: q, V: v}, nil
}

// hitRow lays out one search hit with its article's date and outlet and
// its story's headline.
func (s *Server) hitRow(r *http.Request, h store.Hit) (hitRow, error) {
	row := hitRow{Title: h.Title, Href: articleHref(h.ArticleID, h.StoryID), Snippet: snippetSegments(h.Snippet)}
	if row.Title == "" {
		row.Title = "Untitled article " + h.ArticleID
	}
	a, err := s.eng.Article(r.Context(), h.ArticleID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return row, err
	}
	if err == nil {
		meta := dossier.FromArticle(a)
		row.Date, row.Outlet, row.Domain = deref(meta.Published), a.Outlet, domain(meta.URL)
	}
	if validID(h.StoryID, storyPrefix) {
		row.Story = &summaryRow{ID: h.StoryID, Href: storyHref(h.StoryID), Headline: "its story"}
		if sum, ok := s.cache.summary(r.Context(), h.StoryID); ok {
			*row.Story = summaryRows([]store.Story{sum})[0]
		}
	}
	return row, nil
}

// articlePage serves one article with its annotations.
func (s *Server) articlePage(r *http.Request) (view, error) {
	id, err := pathID(r, "article", articlePrefix)
	if err != nil {
		return view{}, err
	}
	a, err := s.eng.Article(r.Context(), id)
	if err != nil {
		return view{}, notFound("article", id, err)
	}
	b, err := s.articleStory(r.Context(), id, r.URL.Query().Get("story"))
	if err != nil {
		return view{}, err
	}
	an, err := s.annotationOf(r.Context(), a, b)
	if err != nil {
		return view{}, err
	}
	v := newArticleView(a, an, b)
	title := v.Title
	if title == "" {
		title = v.Ref.Name
	}
	return view{name: "article.html", Title: title, V: v}, nil
}
