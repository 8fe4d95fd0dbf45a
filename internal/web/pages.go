package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
)

// assets holds the page templates and the static files.
//
//go:embed templates static
var assets embed.FS

// view is what a page handler returns: the template to render and the
// data for it. Title and Query fill the layout's title and search box.
type view struct {
	name  string
	Title string
	Query string
	// Description is the page's meta description, for search engines and
	// link previews; "" gives the site's.
	Description string
	V           any
}

// pageFunc handles one page request.
type pageFunc func(r *http.Request) (view, error)

func (s *Server) page(f pageFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := f(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		s.render(w, r, http.StatusOK, v)
	})
}

// cachedPage serves a page that is the same for every reader until the
// store grows (the story list, search results): it is rendered once per
// query and store generation, like the API's lists, and served gzipped to
// clients that take it.
func (s *Server) cachedPage(f pageFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, gz, err := s.cache.listBody(r.Context(), "page?"+r.URL.RawQuery, func() ([]byte, error) {
			v, err := f(r)
			if err != nil {
				return nil, err
			}
			return s.renderPage(v)
		})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeBody(w, r, "text/html; charset=utf-8", "no-cache", raw, gz)
	})
}

// body is a rendered page, plain and gzipped.
type body struct{ raw, gz []byte }

// freshPage serves a page that reads the archive (an entity's): rendered
// once per path and query and kept for archive.Fresh, the time the
// archive keeps its own answers, so that many readers of one page share
// one rendering.
func (s *Server) freshPage(f pageFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := s.fresh.Do(r.URL.Path+"?"+r.URL.RawQuery, func() (body, error) {
			v, err := f(r)
			if err != nil {
				return body{}, err
			}
			raw, err := s.renderPage(v)
			if err != nil {
				return body{}, err
			}
			return body{raw, gzipped(raw)}, nil
		})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeBody(w, r, "text/html; charset=utf-8", "no-cache", b.raw, b.gz)
	})
}

// render executes a page template into a buffer, so that a failing
// template never sends half a page, and writes it with the given status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, v view) {
	body, err := s.renderPage(v)
	if err != nil {
		s.log.Error("render", "template", v.name, "err", err)
		code = http.StatusInternalServerError
		body = []byte("<!doctype html><title>Error</title><p>Internal server error.</p>\n")
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(code)
	w.Write(body)
}

// mustParsePages parses each page template with the layout and the
// partials it uses.
func mustParsePages() map[string]*template.Template {
	funcs := template.FuncMap{"plural": plural, "humanDate": humanDate, "isoDate": isoDate,
		"minScore": func() string { return "0.28" }}
	names, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		panic(err)
	}
	pages := make(map[string]*template.Template)
	for _, n := range names {
		base := path.Base(n)
		if base == "layout.html" || base == "partials.html" {
			continue
		}
		pages[base] = template.Must(template.New(base).Funcs(funcs).
			ParseFS(assets, "templates/layout.html", "templates/partials.html", n))
	}
	return pages
}

// plural returns "1 article" or "n articles".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// isoDate reports whether s is a date that a time element's datetime
// accepts as it is: 2025-08-18, 2025-08 or 2025.
func isoDate(s string) bool {
	_, ok := parseDate(s)
	return ok
}

// errorPage is the data of error.html.
type errorPage struct {
	Status     int
	StatusText string
	Message    string
}

func errorView(code int, msg string) view {
	return view{name: "error.html", Title: http.StatusText(code),
		V: errorPage{Status: code, StatusText: http.StatusText(code), Message: msg}}
}

// static serves the embedded stylesheet and icon.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	data, err := fs.ReadFile(assets, "static/"+name)
	if !fs.ValidPath(name) || err != nil {
		s.fail(w, r, errNotFound)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// pageLink returns the story list URL for the given filters and page.
func pageLink(q storyQuery, page int) string {
	v := url.Values{}
	if q.Entity != "" {
		v.Set("entity", q.Entity)
	}
	if q.Outlet != "" {
		v.Set("outlet", q.Outlet)
	}
	if q.Sort != "" && q.Sort != sortNewest {
		v.Set("sort", q.Sort)
	}
	if !q.From.IsZero() {
		v.Set("from", q.From.Format(time.DateOnly))
	}
	if !q.To.IsZero() {
		v.Set("to", q.To.Format(time.DateOnly))
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return "/"
	}
	return "/?" + v.Encode()
}

// trimQuery returns the search query of r, trimmed and at most 200 runes.
func trimQuery(r *http.Request) string {
	return shorten(strings.TrimSpace(r.URL.Query().Get("q")), 200)
}
