package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"
)

// route is one entry of the server's routing table.
type route struct {
	// pattern is a net/http ServeMux pattern with its method.
	pattern string
	handler http.Handler
	// write marks a route that ingests; it gets the longer timeout.
	write bool
	// long marks a route that streams a long answer; it gets the longer
	// timeout too.
	long bool
	// op describes an API route for the OpenAPI document; nil for pages
	// and operational endpoints.
	op *operation
}

func (rt route) timeout(o Options) time.Duration {
	if rt.write || rt.long {
		return o.IngestTimeout
	}
	return o.RequestTimeout
}

// method and path split the route's pattern.
func (rt route) method() string { m, _, _ := strings.Cut(rt.pattern, " "); return m }
func (rt route) path() string   { _, p, _ := strings.Cut(rt.pattern, " "); return p }

// routeTable lists every route the server serves. The OpenAPI document is
// generated from the API entries, so the two cannot drift apart.
func (s *Server) routeTable() []route {
	return []route{
		{pattern: "GET /{$}", handler: s.cachedPage(s.storiesPage)},
		{pattern: "GET /stories/{id}", handler: http.HandlerFunc(s.storyPage)},
		{pattern: "GET /articles/{id}", handler: s.page(s.articlePage)},
		{pattern: "GET /entities/{id}", handler: s.freshPage(s.entityPage)},
		{pattern: "GET /static/{file}", handler: http.HandlerFunc(s.static)},
		{pattern: "GET /healthz", handler: http.HandlerFunc(s.healthz)},
		{pattern: "GET /metrics", handler: http.HandlerFunc(s.serveMetrics)},
		{pattern: "GET /api/stories", handler: http.HandlerFunc(s.apiStoryList), op: opStories()},
		{pattern: "GET /api/stories/{id}", handler: http.HandlerFunc(s.apiStory), op: opStory()},
		{pattern: "GET /api/articles/{id}", handler: s.api(s.apiArticle), op: opArticle()},
		{pattern: "POST /api/articles", handler: s.api(s.apiIngest), write: true, op: opIngest()},
		{pattern: "GET /api/export", handler: http.HandlerFunc(s.apiExport), long: true, op: opExport()},
		{pattern: "GET /api/entities", handler: s.api(s.apiEntities), op: opEntities()},
		{pattern: "GET /api/entities/{id}", handler: s.api(s.apiEntity), op: opEntity()},
		{pattern: "GET /api/search", handler: s.api(s.apiSearch), op: opSearch()},
		{pattern: "GET /api/openapi.json", handler: s.api(s.apiOpenAPI), op: opOpenAPI()},
	}
}

// instrument wraps a route's handler with what every request gets: a
// deadline, recovery from panics, metrics and a log line.
func (s *Server) instrument(name string, timeout time.Duration, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		rec := &recorder{ResponseWriter: w}
		r = r.WithContext(ctx)
		r.Body = http.MaxBytesReader(rec, r.Body, s.opts.MaxBody)
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "route", name, "panic", v, "stack", string(debug.Stack()))
				if rec.status == 0 {
					s.fail(rec, r, errors.New("panic"))
				}
			}
			d := time.Since(start)
			s.metrics.observe(name, rec.code(), d)
			s.log.LogAttrs(ctx, slog.LevelInfo, "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.String("route", name), slog.Int("status", rec.code()),
				slog.Duration("duration", d), slog.Int64("bytes", rec.bytes))
		}()
		// Every response that is text goes out gzipped to clients that
		// take it; rec counts the bytes sent.
		gz := newGzipWriter(rec, r)
		h.ServeHTTP(gz, r)
		if err := gz.close(); err != nil {
			s.log.Debug("gzip", "path", r.URL.Path, "err", err)
		}
	})
}

// unmatched answers requests that no route matches: 405 when the path
// exists for another method, 404 otherwise.
func (s *Server) unmatched(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method {
			continue
		}
		alt := r.Clone(r.Context())
		alt.Method = m
		if _, p := s.mux.Handler(alt); p != "" && p != "/" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		s.fail(w, r, errMethod)
		return
	}
	s.fail(w, r, errNotFound)
}

// recorder remembers the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (rec *recorder) WriteHeader(code int) {
	if rec.status == 0 {
		rec.status = code
	}
	rec.ResponseWriter.WriteHeader(code)
}

func (rec *recorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	n, err := rec.ResponseWriter.Write(b)
	rec.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (rec *recorder) Unwrap() http.ResponseWriter { return rec.ResponseWriter }

func (rec *recorder) code() int {
	if rec.status == 0 {
		return http.StatusOK
	}
	return rec.status
}
