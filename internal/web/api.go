package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
)

// apiFunc handles one API request and returns the value to encode as the
// JSON body of a 200 response, or an error for fail.
type apiFunc func(r *http.Request) (any, error)

func (s *Server) api(f apiFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := f(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	})
}

// writeJSON writes v as an indented JSON response with the given status.
func writeJSON(w http.ResponseWriter, code int, v any) {
	body, err := encodeJSON(v)
	if err != nil {
		code = http.StatusInternalServerError
		body = []byte(`{"error": "internal server error"}` + "\n")
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(body)
}

// apiStoryList serves GET /api/stories (see apiStories). A list of
// summaries is the same for every client until the store grows, so it is
// encoded once per query and generation and served gzipped when asked.
// Every answer says in X-Total-Count how many stories the query selects,
// and, when more follow the page, links the next one (Link, rel="next",
// with a cursor that stays put as stories are added).
func (s *Server) apiStoryList(w http.ResponseWriter, r *http.Request) {
	q, err := parseStoryQuery(r, 0)
	var full bool
	if err == nil {
		full, err = boolParam(r, "full")
	}
	if err == nil {
		err = s.pageHeaders(w, r, q)
	}
	// A list by entity reads the archive, which the analysis of new
	// articles updates after their commit: it is not kept.
	if err != nil || full || q.Entity != "" {
		s.api(s.apiStories).ServeHTTP(w, r)
		return
	}
	key := fmt.Sprintf("%s|%q|%s|%d|%d|%d|%d|%d|%s", q.Entity, q.Outlet, q.Sort, q.From.Unix(), q.To.Unix(), q.Since.UnixNano(), q.Limit, q.Offset, q.Cursor)
	raw, gz, err := s.cache.listBody(r.Context(), key, func() ([]byte, error) {
		v, err := s.apiStories(r)
		if err != nil {
			return nil, err
		}
		return encodeJSON(v)
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeBody(w, r, "application/json; charset=utf-8", "no-store", raw, gz)
}

// pageHeaders sets the total and the next page's link of a story list.
func (s *Server) pageHeaders(w http.ResponseWriter, r *http.Request, q storyQuery) error {
	sums, more, total, err := s.selectCounted(r.Context(), q)
	if err != nil {
		return err
	}
	w.Header().Set("X-Total-Count", strconv.Itoa(total))
	if more && len(sums) > 0 {
		v := r.URL.Query()
		v.Del("offset")
		v.Set("cursor", storyCursor(sums[len(sums)-1]))
		w.Header().Set("Link", "<"+r.URL.Path+"?"+v.Encode()+`>; rel="next"`)
	}
	return nil
}

// apiStories serves GET /api/stories: story summaries, or with full=1 the
// whole dossier of the selected stories.
func (s *Server) apiStories(r *http.Request) (any, error) {
	q, err := parseStoryQuery(r, 0)
	if err != nil {
		return nil, err
	}
	full, err := boolParam(r, "full")
	if err != nil {
		return nil, err
	}
	sums, _, err := s.selectStories(r.Context(), q)
	if err != nil {
		return nil, err
	}
	if !full {
		out := make([]dossier.Summary, len(sums))
		for i, sum := range sums {
			out[i] = dossier.FromSummary(sum)
		}
		return out, nil
	}
	d := dossier.Dossier{
		Schema:      dossier.Schema,
		GeneratedAt: s.opts.Now().UTC().Format(time.RFC3339),
		Stories:     make([]dossier.Story, 0, len(sums)),
	}
	for _, sum := range sums {
		b, err := s.cache.story(r.Context(), sum.ID)
		if err != nil {
			return nil, notFound("story", sum.ID, err)
		}
		d.Stories = append(d.Stories, b.wire)
	}
	return d, nil
}

// apiArticle serves GET /api/articles/{id}.
func (s *Server) apiArticle(r *http.Request) (any, error) {
	id, err := pathID(r, "article", articlePrefix)
	if err != nil {
		return nil, err
	}
	a, err := s.eng.Article(r.Context(), id)
	if err != nil {
		return nil, notFound("article", id, err)
	}
	b, err := s.articleStory(r.Context(), id, "")
	if err != nil {
		return nil, err
	}
	out := dossier.ArticleResponse{Article: dossier.FromArticle(a)}
	out.Article.SourceRef = safeSourceRef(out.Article.SourceRef)
	if out.Annotation, err = s.annotationOf(r.Context(), a, b); err != nil {
		return nil, err
	}
	if b == nil {
		out.Annotation.SourceRef = out.Article.SourceRef
		return out, nil
	}
	out.Story = &b.wire.ID
	if wa, ok := b.article(id); ok {
		out.Article = wa // with what the story knows of it: inferred dates, origin
	}
	out.Annotation.SourceRef = out.Article.SourceRef
	return out, nil
}

// apiEntity serves GET /api/entities/{id}: one archive entity, with a
// page of its stories and one of its quotes.
func (s *Server) apiEntity(r *http.Request) (any, error) {
	id, err := pathID(r, "entity", entityPrefix)
	if err != nil {
		return nil, err
	}
	q, err := parsePageQuery(r)
	if err != nil {
		return nil, err
	}
	return s.archiveEntity(r.Context(), id, q)
}

// apiEntities serves GET /api/entities: a page of the archive's entities,
// most mentioned first.
func (s *Server) apiEntities(r *http.Request) (any, error) {
	q, err := parseEntityQuery(r)
	if err != nil {
		return nil, err
	}
	return s.archiveEntities(r.Context(), q)
}

// maxSearchOffset bounds how far search pages go: each page reads the
// hits before it.
const maxSearchOffset = 10000

// apiSearch serves GET /api/search?q=, a page of hits from offset.
func (s *Server) apiSearch(r *http.Request) (any, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return nil, badRequest("the query parameter q is required")
	}
	limit, err := intParam(r, "limit", defaultSearchLimit, maxSearchLimit)
	if err != nil {
		return nil, err
	}
	if limit == 0 {
		limit = maxSearchLimit // the store reads 0 as "every hit"
	}
	offset, err := intParam(r, "offset", 0, maxSearchOffset)
	if err != nil {
		return nil, err
	}
	hits, _, err := s.arch.Search(r.Context(), q, offset+limit)
	if err != nil {
		return nil, err
	}
	hits = hits[min(offset, len(hits)):]
	out := make([]dossier.Hit, len(hits))
	for i, h := range hits {
		out[i] = dossier.FromHit(h)
	}
	return out, nil
}

// apiOpenAPI serves the OpenAPI document of the API.
func (s *Server) apiOpenAPI(r *http.Request) (any, error) {
	return openAPI(s.routes), nil
}

// healthz reports whether the server can read its store.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	articles, stories, err := s.eng.Counts(r.Context())
	if err != nil {
		s.log.Error("health check", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, dossier.Error{Error: "store unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, dossier.Health{Status: "ok", Articles: articles, Stories: stories})
}
