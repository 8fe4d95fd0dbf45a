package web

import (
	"net/http"
	"time"
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
	Filtered         bool
	Page             int
	Prev, Next       string
	Articles         int
	StoryCount       int
}

type entityOption struct {
	ID, Name, Type string
	Selected       bool
}

type hitRow struct {
	Title, Href, StoryHref string
	Snippet                []segment
}

// entityMenu is the number of entities offered in the story list's filter.
const entityMenu = 40

// storiesPage serves the story list: newest first, filtered by entity and
// dates, or the full-text search results for q.
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
	sums, more, err := s.selectStories(r.Context(), sq)
	if err != nil {
		return view{}, err
	}
	v := storiesView{Stories: summaryRows(sums), Entity: sq.Entity, Filtered: sq.filtered(), Page: n}
	if !sq.From.IsZero() {
		v.From = sq.From.Format(time.DateOnly)
	}
	if !sq.To.IsZero() {
		v.To = sq.To.Format(time.DateOnly)
	}
	if n > 1 {
		v.Prev = pageLink(sq, n-1)
	}
	if more {
		v.Next = pageLink(sq, n+1)
	}
	if v.Articles, v.StoryCount, err = s.eng.Counts(r.Context()); err != nil {
		return view{}, err
	}
	if v.Entities, v.EntityName, err = s.entityOptions(r.Context(), sq.Entity); err != nil {
		return view{}, err
	}
	return view{name: "stories.html", Title: "Stories", V: v}, nil
}

// searchLimit is the number of hits shown on the search page.
const searchLimit = 50

func (s *Server) searchPage(r *http.Request, q string) (view, error) {
	hits, spellings, err := s.arch.Search(r.Context(), q, searchLimit)
	if err != nil {
		return view{}, err
	}
	v := storiesView{Query: q, Hits: []hitRow{}, Spellings: spellings}
	for _, h := range hits {
		row := hitRow{Title: h.Title, Href: articleHref(h.ArticleID, h.StoryID), Snippet: snippetSegments(h.Snippet)}
		if row.Title == "" {
			row.Title = "Untitled article " + h.ArticleID
		}
		if validID(h.StoryID, storyPrefix) {
			row.StoryHref = storyHref(h.StoryID)
		}
		v.Hits = append(v.Hits, row)
	}
	return view{name: "stories.html", Title: "Search: " + q, Query: q, V: v}, nil
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
