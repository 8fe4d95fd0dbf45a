package web

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/internal/archive"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/store"
)

// parsePageQuery reads the pages of an entity's stories and quotes from
// r's query: stories_limit, stories_cursor, quotes_limit, quotes_cursor.
func parsePageQuery(r *http.Request) (archive.PageQuery, error) {
	var q archive.PageQuery
	var err error
	if q.StoriesLimit, err = intParam(r, "stories_limit", 0, archive.MaxLimit); err != nil {
		return q, err
	}
	if q.QuotesLimit, err = intParam(r, "quotes_limit", 0, archive.MaxLimit); err != nil {
		return q, err
	}
	v := r.URL.Query()
	q.StoriesCursor, q.QuotesCursor = v.Get("stories_cursor"), v.Get("quotes_cursor")
	return q, nil
}

// parseEntityQuery reads type, limit and cursor from r's query.
func parseEntityQuery(r *http.Request) (archive.EntityQuery, error) {
	v := r.URL.Query()
	q := archive.EntityQuery{Type: v.Get("type"), Cursor: v.Get("cursor")}
	switch q.Type {
	case "", "person", "organization", "location", "other":
	default:
		return q, badRequest("type must be person, organization, location or other")
	}
	var err error
	q.Limit, err = intParam(r, "limit", 0, archive.MaxLimit)
	return q, err
}

// archiveEntity reads one archive entity, mapping the archive's errors to
// the server's.
func (s *Server) archiveEntity(ctx context.Context, id string, q archive.PageQuery) (dossier.EntityPage, error) {
	page, err := s.arch.Entity(ctx, id, q)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return page, notFound("entity", id, err)
	case errors.Is(err, archive.ErrCursor):
		return page, badRequest("invalid cursor: use the next value of a previous page")
	}
	return page, err
}

// archiveEntities reads a page of entities, mapping the archive's errors.
func (s *Server) archiveEntities(ctx context.Context, q archive.EntityQuery) (dossier.EntityList, error) {
	list, err := s.arch.Entities(ctx, q)
	if errors.Is(err, archive.ErrCursor) {
		return list, badRequest("invalid cursor: use the next value of a previous page")
	}
	return list, err
}

// entityOptions returns the story list's entity filter: the most
// mentioned entities, the selected one among them, and its name.
func (s *Server) entityOptions(ctx context.Context, selected string) ([]entityOption, string, error) {
	list, err := s.arch.Entities(ctx, archive.EntityQuery{Limit: entityMenu})
	if err != nil {
		return nil, "", err
	}
	var sel store.Entity
	if selected != "" {
		e, err := s.arch.Entity(ctx, selected, archive.PageQuery{StoriesLimit: 1, QuotesLimit: 1})
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, "", err
		}
		sel = store.Entity{ID: e.Entity.ID, Name: e.Entity.Name, Type: e.Entity.Type}
	}
	var out []entityOption
	listed := false
	for _, e := range list.Entities {
		out = append(out, entityOption{ID: e.ID, Name: e.Name, Type: e.Type, Selected: e.ID == sel.ID})
		listed = listed || e.ID == sel.ID
	}
	if sel.ID != "" && !listed {
		out = append(out, entityOption{ID: sel.ID, Name: sel.Name, Type: sel.Type, Selected: true})
	}
	return out, sel.Name, nil
}

// entityView is the entity page.
type entityView struct {
	Entity dossier.ArchiveEntity
	// Aliases and Roles are the entity's names and roles, written out.
	Aliases, Roles []string
	// FirstDay and LastDay span the days it is mentioned on; Days counts
	// them.
	FirstDay, LastDay string
	Days              int
	Stories           []summaryRow
	StoryTotal        int
	Quotes            []quoteRow
	QuoteTotal        int
	// MoreStories and MoreQuotes link to the next pages.
	MoreStories, MoreQuotes string
	// Doubt says why the engine may be wrong about this entity, or is "".
	Doubt string
}

// entityDoubt says why the engine may be wrong about an entity: seen too
// seldom to be sure of the name or its type, or a person only ever named
// by one word, who may be any of several people of that name and whom the
// stories that give a full name list apart.
func entityDoubt(e dossier.ArchiveEntity) string {
	switch {
	case e.Mentions <= 2 && e.Stories == 1:
		return "Seen only once or twice, in one story: the engine may have misread this name or its type."
	case e.Type == "person" && !strings.ContainsAny(strings.TrimSpace(e.Name), " \u00a0"):
		return "Only ever named by one word here: this may be several people of that name, and stories that give a full name list the person apart."
	}
	return ""
}

// entityPage serves one archive entity across the stories that name it,
// a page of stories and of quotes at a time.
func (s *Server) entityPage(r *http.Request) (view, error) {
	id, err := pathID(r, "entity", entityPrefix)
	if err != nil {
		return view{}, err
	}
	q, err := parsePageQuery(r)
	if err != nil {
		return view{}, err
	}
	page, err := s.archiveEntity(r.Context(), id, q)
	if err != nil {
		return view{}, err
	}
	e := page.Entity
	v := entityView{Entity: e, StoryTotal: page.Stories.Total, QuoteTotal: page.Quotes.Total, Days: len(e.Days), Doubt: entityDoubt(e)}
	for _, a := range e.Aliases {
		if a.Name != e.Name {
			v.Aliases = append(v.Aliases, a.Name)
		}
	}
	for _, r := range e.Roles {
		v.Roles = append(v.Roles, r.Role+roleSpan(r))
	}
	if n := len(e.Days); n > 0 {
		v.FirstDay, v.LastDay = e.Days[0].Day, e.Days[n-1].Day
	}
	byID := map[string]*summaryRow{}
	for _, st := range page.Stories.Items {
		v.Stories = append(v.Stories, summaryRow{ID: st.ID, Href: storyHref(st.ID), Headline: st.Headline,
			Span: dateSpan(st.FirstPublished, st.LastPublished), Articles: st.Articles})
	}
	for i := range v.Stories {
		byID[v.Stories[i].ID] = &v.Stories[i]
	}
	for _, q := range page.Quotes.Items {
		row := quoteRow{Text: q.Text, Direct: q.Direct, Story: byID[q.Story]}
		if row.Story == nil {
			row.Story = &summaryRow{ID: q.Story, Href: storyHref(q.Story), Headline: "its story"}
		}
		if validID(q.Article, articlePrefix) {
			row.Article = articleRef{ID: q.Article, Label: "article", Href: articleHref(q.Article, q.Story)}
		}
		v.Quotes = append(v.Quotes, row)
	}
	if page.Stories.Next != nil {
		v.MoreStories = pageHref(r, "stories_cursor", *page.Stories.Next)
	}
	if page.Quotes.Next != nil {
		v.MoreQuotes = pageHref(r, "quotes_cursor", *page.Quotes.Next)
	}
	return view{name: "entity.html", Title: e.Name, V: v}, nil
}

// roleSpan writes the days a role spans: " (since 17 Aug 2025)" style.
func roleSpan(r dossier.Role) string {
	if r.First == nil {
		return ""
	}
	return " (" + dateSpan(r.First, r.Last) + ")"
}

// pageHref returns the request's path and query with one parameter set.
func pageHref(r *http.Request, name, value string) string {
	v := url.Values{}
	for k, vs := range r.URL.Query() {
		if k == "stories_cursor" || k == "quotes_cursor" || k == "stories_limit" || k == "quotes_limit" {
			v[k] = vs
		}
	}
	v.Set(name, value)
	return r.URL.Path + "?" + strings.ReplaceAll(v.Encode(), "+", "%20")
}

// apiExport serves GET /api/export: the stories a query selects, whole,
// one JSON object per line, streamed from the stored analysis as they are
// read. X-Total-Count says how many follow. An error after the first line
// can only end the stream early: a reader compares the lines it got with
// the count.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) {
	q, err := parseStoryQuery(r, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sums, _, total, err := s.selectCounted(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ids := make([]string, len(sums))
	for i, sum := range sums {
		ids[i] = sum.ID
	}
	h := w.Header()
	h.Set("Content-Type", "application/x-ndjson; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Total-Count", strconv.Itoa(min(total, len(ids))))
	w.WriteHeader(http.StatusOK)
	bw := bufio.NewWriterSize(w, 64<<10)
	err = s.eng.EachDossier(r.Context(), ids, func(d dossier.Story) error {
		return dossier.WriteStoryLine(bw, d)
	})
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		s.log.Warn("export ended early", "err", err)
	}
}
