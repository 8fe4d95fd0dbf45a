package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
)

// storiesView is the story list, or the search results when Query is set.
type storiesView struct {
	Query            string
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
	if idx := s.index.peek(r.Context()); idx != nil {
		v.Entities, v.EntityName = entityOptions(idx, sq.Entity)
	}
	return view{name: "stories.html", Title: "Stories", V: v}, nil
}

// entityOptions returns the entity filter's choices, the selected entity
// among them, and the selected entity's name.
func entityOptions(idx *index, selected string) ([]entityOption, string) {
	var out []entityOption
	name := ""
	for i, en := range idx.ranked {
		e := en.entity
		if i >= entityMenu && e.ID != selected {
			continue
		}
		out = append(out, entityOption{ID: e.ID, Name: e.Name, Type: e.Type, Selected: e.ID == selected})
		if e.ID == selected {
			name = e.Name
		}
	}
	return out, name
}

// searchLimit is the number of hits shown on the search page.
const searchLimit = 50

func (s *Server) searchPage(r *http.Request, q string) (view, error) {
	hits, err := s.eng.Search(r.Context(), q, searchLimit)
	if err != nil {
		return view{}, err
	}
	v := storiesView{Query: q, Hits: []hitRow{}}
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
	var an dossier.Annotation
	if b != nil {
		an = b.annotation(a, s.opts.Annotate)
	} else {
		an = s.opts.Annotate(a)
	}
	v := newArticleView(a, an, b)
	title := v.Title
	if title == "" {
		title = v.Ref.Name
	}
	return view{name: "article.html", Title: title, V: v}, nil
}

// entityView is the entity page.
type entityView struct {
	Entity  entityRow
	Stories []summaryRow
	Quotes  []quoteRow
	// Indexing notes that the stories are still being read.
	Indexing string
}

// entityPage serves one entity across the stories that name it.
func (s *Server) entityPage(r *http.Request) (view, error) {
	id, err := pathID(r, "entity", entityPrefix)
	if err != nil {
		return view{}, err
	}
	idx, en, err := s.entity(r.Context(), id)
	if err != nil {
		return view{}, err
	}
	v := entityView{Entity: entityRows([]dossier.Entity{en.entity}, nil)[0], Stories: summaryRows(en.stories)}
	if idx.partial() {
		v.Indexing = fmt.Sprintf("Still reading the store: %d of %d stories so far, newest first. This page may be incomplete.", idx.indexed, idx.total)
	}
	byID := map[string]*summaryRow{}
	for i := range v.Stories {
		byID[v.Stories[i].ID] = &v.Stories[i]
	}
	for _, q := range en.quotes {
		row := quoteRow{Text: q.Text, Direct: q.Direct, Story: byID[q.Story]}
		if validID(q.Article, articlePrefix) {
			row.Article = articleRef{ID: q.Article, Label: "article", Href: articleHref(q.Article, q.Story)}
		}
		v.Quotes = append(v.Quotes, row)
	}
	return view{name: "entity.html", Title: en.entity.Name, V: v}, nil
}
