package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/store"
)

// Reasons a request fails, besides the store's ErrNotFound. status maps
// them to HTTP status codes; wrap them with %w to add detail.
var (
	errBadRequest    = errors.New("bad request")
	errNotFound      = errors.New("not found")
	errUnauthorized  = errors.New("missing or wrong bearer token")
	errWriteDisabled = errors.New("the write API is off: start the server with --token or STORYLINE_TOKEN set")
	errMethod        = errors.New("method not allowed")
)

// badRequest returns an error that status maps to 400.
func badRequest(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errBadRequest, fmt.Sprintf(format, args...))
}

// notFound turns the store's ErrNotFound for the named thing into the
// server's own, whose message is safe to show; other errors pass.
func notFound(kind, id string, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%w: %s %s", errNotFound, kind, id)
	}
	return err
}

// status maps an error to its HTTP status code and the message to show the
// client. It is the only place that does: handlers return errors, never
// status codes. Server errors get a generic message; the real one is
// logged.
func status(err error) (int, string) {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.Is(err, errNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, errBadRequest):
		return http.StatusBadRequest, err.Error()
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", tooLarge.Limit)
	case errors.Is(err, errUnauthorized):
		return http.StatusUnauthorized, err.Error()
	case errors.Is(err, errWriteDisabled):
		return http.StatusForbidden, err.Error()
	case errors.Is(err, errMethod):
		return http.StatusMethodNotAllowed, err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the request took too long"
	case errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable, "the request was cancelled"
	}
	return http.StatusInternalServerError, "internal server error"
}

// fail writes err as the response: JSON for the API and operational
// endpoints, an HTML page otherwise.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := status(err)
	level := slog.LevelDebug
	if code >= 500 {
		level = slog.LevelError
	}
	s.log.Log(r.Context(), level, "request failed", "path", r.URL.Path, "status", code, "err", err)
	if errors.Is(err, errUnauthorized) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="storyline"`)
	}
	if wantsJSON(r) {
		writeJSON(w, code, dossier.Error{Error: msg})
		return
	}
	s.render(w, r, code, errorView(code, msg))
}

// wantsJSON reports whether r is for the JSON API or an operational
// endpoint rather than a page.
func wantsJSON(r *http.Request) bool {
	p := r.URL.Path
	return p == "/api" || strings.HasPrefix(p, "/api/") || p == "/healthz" || p == "/metrics"
}
