package web

import (
	"compress/gzip"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// gzipMin is the smallest body worth compressing, when its length is known.
const gzipMin = 512

// gzipPool keeps gzip writers between responses: each holds buffers of
// several hundred kilobytes.
var gzipPool = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.DefaultCompression)
	return zw
}}

// gzipWriter compresses a response on the fly when the client accepts gzip
// and the body is text (pages, JSON, CSS, SVG, metrics). A handler that
// sets Content-Encoding itself, as the story page does with its body kept
// gzipped, passes through; so do ranges, HEAD, and bodies without content.
type gzipWriter struct {
	http.ResponseWriter
	r       *http.Request
	zw      *gzip.Writer
	decided bool
}

func newGzipWriter(w http.ResponseWriter, r *http.Request) *gzipWriter {
	return &gzipWriter{ResponseWriter: w, r: r}
}

func (g *gzipWriter) WriteHeader(code int) {
	if !g.decided {
		g.decided = true
		g.start(code)
	}
	g.ResponseWriter.WriteHeader(code)
}

// start decides, as the header goes out, whether to compress the body.
func (g *gzipWriter) start(code int) {
	h := g.Header()
	if !compressible(h.Get("Content-Type")) || h.Get("Content-Encoding") != "" {
		return
	}
	if !strings.Contains(strings.Join(h.Values("Vary"), ","), "Accept-Encoding") {
		h.Add("Vary", "Accept-Encoding")
	}
	if n, err := strconv.Atoi(h.Get("Content-Length")); err == nil && n < gzipMin {
		return
	}
	if code < 200 || code == http.StatusNoContent || code == http.StatusNotModified ||
		code == http.StatusPartialContent || g.r.Method == http.MethodHead ||
		g.r.Header.Get("Range") != "" || !acceptsGzip(g.r) {
		return
	}
	h.Del("Content-Length")
	h.Set("Content-Encoding", "gzip")
	g.zw = gzipPool.Get().(*gzip.Writer)
	g.zw.Reset(g.ResponseWriter)
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	if !g.decided {
		g.WriteHeader(http.StatusOK)
	}
	if g.zw != nil {
		return g.zw.Write(b)
	}
	return g.ResponseWriter.Write(b)
}

// close ends the compressed body, if any.
func (g *gzipWriter) close() error {
	if g.zw == nil {
		return nil
	}
	err := g.zw.Close()
	gzipPool.Put(g.zw)
	g.zw = nil
	return err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (g *gzipWriter) Unwrap() http.ResponseWriter { return g.ResponseWriter }

// compressible reports whether a body of the content type gains from gzip.
func compressible(contentType string) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.TrimSpace(strings.ToLower(mt))
	return strings.HasPrefix(mt, "text/") || mt == "application/json" || mt == "image/svg+xml"
}
