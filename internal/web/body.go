package web

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// rendered is a response body made once, kept with the story it shows, and
// kept gzipped too: a story page is the same for every reader until the
// story changes, and a cache entry lives exactly that long.
type rendered struct {
	once    sync.Once
	raw, gz []byte
	err     error
}

// get returns the body, making it with make the first time.
func (c *rendered) get(make func() ([]byte, error)) (raw, gz []byte, err error) {
	c.once.Do(func() {
		if c.raw, c.err = make(); c.err == nil {
			c.gz = gzipped(c.raw)
		}
	})
	return c.raw, c.gz, c.err
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// writeBody writes a ready body, gzipped when the client accepts it and gz
// is there.
func writeBody(w http.ResponseWriter, r *http.Request, contentType, cacheControl string, raw, gz []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", cacheControl)
	h.Add("Vary", "Accept-Encoding")
	body := raw
	if gz != nil && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = gz
	}
	// With its length known, the body goes out in one write, not chunked.
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// acceptsGzip reports whether r's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			q := strings.ToLower(strings.ReplaceAll(params, " ", ""))
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// encodeJSON returns v as indented JSON with a final newline.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderPage executes a page template into bytes.
func (s *Server) renderPage(v view) ([]byte, error) {
	var buf bytes.Buffer
	if err := s.pages[v.name].ExecuteTemplate(&buf, "layout", v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// storyPage serves one story: a summary of a big story, or with ?full=1
// all of it. Each is rendered once per built story.
func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	b, err := s.storyFor(r)
	if err == nil && b.wire.ID != r.PathValue("id") {
		// The story was merged into b's: its page moved there.
		to := "/stories/" + b.wire.ID
		if r.URL.RawQuery != "" {
			to += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, to, http.StatusMovedPermanently)
		return
	}
	if err == nil {
		// A story small enough to show in full has one page.
		full := r.URL.Query().Get("full") == "1" && summarized(b.wire)
		page := &b.page
		if full {
			page = &b.full
		}
		var raw, gz []byte
		raw, gz, err = page.get(func() ([]byte, error) {
			return s.renderPage(view{name: "story.html", Title: b.wire.Headline, V: newStoryView(b, full)})
		})
		if err == nil {
			writeBody(w, r, "text/html; charset=utf-8", "no-cache", raw, gz)
			return
		}
	}
	s.fail(w, r, err)
}

// apiStory serves GET /api/stories/{id}: one story in the dossier's shape,
// encoded once per built story.
func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	b, err := s.storyFor(r)
	if err == nil {
		var raw, gz []byte
		raw, gz, err = b.json.get(func() ([]byte, error) { return encodeJSON(b.wire) })
		if err == nil {
			writeBody(w, r, "application/json; charset=utf-8", "no-store", raw, gz)
			return
		}
	}
	s.fail(w, r, err)
}

// storyFor returns the built story that r's {id} names.
func (s *Server) storyFor(r *http.Request) (*built, error) {
	id, err := pathID(r, "story", storyPrefix)
	if err != nil {
		return nil, err
	}
	b, err := s.cache.story(r.Context(), id)
	if err != nil {
		return nil, notFound("story", id, err)
	}
	return b, nil
}
