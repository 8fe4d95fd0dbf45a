package web

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/ingest"
)

// ingestBatch is the number of articles stored per transaction.
const ingestBatch = 1000

// apiIngest serves POST /api/articles: the body is read as `storyline
// ingest -` reads standard input (JSON Lines, RSS or Atom, HTML or text,
// sniffed from its start) and the articles are stored.
func (s *Server) apiIngest(r *http.Request) (any, error) {
	if err := authorize(r, s.opts.Token); err != nil {
		return nil, err
	}
	ref, err := sourceRef(r)
	if err != nil {
		return nil, err
	}
	arts, out, err := s.readBody(r, ref)
	if err != nil {
		return nil, err
	}
	if len(arts) == 0 && len(out.Failed) > 0 {
		return nil, badRequest("no article could be read: %s", out.Failed[0].Error)
	}
	defer s.cache.invalidate()
	for start := 0; start < len(arts); start += ingestBatch {
		st, err := s.eng.Ingest(r.Context(), arts[start:min(start+ingestBatch, len(arts))])
		if err != nil {
			return nil, err
		}
		out.Ingested += st.Ingested
		out.Duplicates += st.Duplicates
	}
	s.log.Info("ingested", "ref", ref, "read", out.Read, "ingested", out.Ingested,
		"duplicates", out.Duplicates, "failed", len(out.Failed))
	return out, nil
}

// maxInflation bounds a gzipped request body once decompressed, as a
// multiple of the body limit: news text compresses three to five times, a
// gzip bomb a thousand.
const maxInflation = 8

// readBody reads the articles in r's body, naming them after ref. A body
// over the limit is refused before any of it is parsed: at once when its
// Content-Length says so, else once the limit is read (parsing 11 MiB of
// tiny JSON Lines records took 28 s).
func (s *Server) readBody(r *http.Request, ref string) ([]article.Article, dossier.IngestResponse, error) {
	out := dossier.IngestResponse{Articles: []string{}, Failed: []dossier.IngestFailure{}}
	if r.ContentLength > s.opts.MaxBody {
		return nil, out, &http.MaxBytesError{Limit: s.opts.MaxBody}
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, s.opts.MaxBody))
	if err != nil {
		return nil, out, err
	}
	var arts []article.Article
	maxInflated := maxInflation * s.opts.MaxBody
	rd := ingest.New(ingest.Options{MaxSize: s.opts.MaxBody, MaxStdin: maxInflated, Now: s.opts.Now})
	err = rd.ReadStream(r.Context(), ref, bytes.NewReader(body), func(res ingest.Result) error {
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(res.Err, &tooLarge):
			return tooLarge
		case errors.Is(res.Err, ingest.ErrInflated):
			return &http.MaxBytesError{Limit: maxInflated}
		case res.Err != nil:
			out.Failed = append(out.Failed, dossier.IngestFailure{Ref: res.Ref, Error: res.Err.Error()})
		case res.Article != nil:
			a := *res.Article
			arts = append(arts, a)
			out.Articles = append(out.Articles, a.ID)
			out.Read++
		}
		return nil
	})
	return arts, out, err
}

// maxRefLen is the longest source name a client may give.
const maxRefLen = 200

// sourceRef returns the name under which the body's articles are stored:
// the query parameter ref (a file name or URL the client read them from),
// or "api".
func sourceRef(r *http.Request) (string, error) {
	ref := r.URL.Query().Get("ref")
	if ref == "" {
		return "api", nil
	}
	if len(ref) > maxRefLen || strings.IndexFunc(ref, func(c rune) bool {
		return !unicode.IsPrint(c) || c == '#'
	}) >= 0 {
		return "", badRequest("ref must be at most %d printable characters without '#'", maxRefLen)
	}
	return ref, nil
}
