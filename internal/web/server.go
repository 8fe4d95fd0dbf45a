package web

import (
	"context"
	"errors"
	"fmt"
	"github.com/storyline-news/storyline/internal/archive"
	"github.com/storyline-news/storyline/internal/memo"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/story"
)

// Defaults used for zero Options fields.
const (
	// DefaultMaxBody is the largest request body accepted: 10 MiB.
	DefaultMaxBody = 10 << 20
	// DefaultRequestTimeout bounds the work of one read request.
	DefaultRequestTimeout = 10 * time.Second
	// DefaultIngestTimeout bounds the work of one POST /api/articles.
	DefaultIngestTimeout = 2 * time.Minute
	// DefaultCacheSize is the number of built stories kept in memory.
	DefaultCacheSize = 512
)

// Options configures a Server. The zero value is a good default: a read-only
// server that logs nothing.
type Options struct {
	// Token enables POST /api/articles for clients that send it as a bearer
	// token. "" turns the write API off.
	Token string
	// MaxBody is the largest request body accepted, in bytes; 0 means
	// DefaultMaxBody.
	MaxBody int64
	// RequestTimeout bounds one read request; 0 means DefaultRequestTimeout.
	RequestTimeout time.Duration
	// IngestTimeout bounds one POST /api/articles; 0 means
	// DefaultIngestTimeout.
	IngestTimeout time.Duration
	// CacheSize is the number of built stories kept; 0 means
	// DefaultCacheSize.
	CacheSize int
	// Logger receives one line per request and the server's life events;
	// nil discards them.
	Logger *slog.Logger
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// Annotate returns what the analysis stages found in one article. When
	// it is nil, an article's page shows what its story's stored analysis
	// found in it, and runs the stages as `storyline annotate` does only
	// when that is missing or out of date.
	Annotate func(article.Article) dossier.Annotation
}

func (o Options) withDefaults() Options {
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = DefaultRequestTimeout
	}
	if o.IngestTimeout <= 0 {
		o.IngestTimeout = DefaultIngestTimeout
	}
	if o.CacheSize <= 0 {
		o.CacheSize = DefaultCacheSize
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// annotationOf returns what the analysis found in a, whose story is b (nil
// when it has none): by Options.Annotate when set; else as stored with the
// story's analysis, or found again (once per built story) when that is
// missing or out of date.
func (s *Server) annotationOf(ctx context.Context, a article.Article, b *built) (dossier.Annotation, error) {
	fn := s.opts.Annotate
	if fn == nil {
		an, ok, err := s.eng.Annotation(ctx, a)
		if err != nil || ok {
			return an, err
		}
		fn = annotate
	}
	if b != nil {
		return b.annotation(a, fn), nil
	}
	return fn(a), nil
}

// annotate runs the per-article stages over a, as `storyline annotate`
// does.
func annotate(a article.Article) dossier.Annotation {
	an, ents := story.Analyze(&a)
	return dossier.Annotate(a, an, ents)
}

// freshPages bounds the pages kept by freshPage.
const freshPages = 256

// Server is storyline's HTTP server: pages, JSON API and operational
// endpoints over one engine. It is an http.Handler; Serve runs it on a
// listener. Its methods are safe for concurrent use.
type Server struct {
	eng     *engine.Engine
	opts    Options
	log     *slog.Logger
	pages   map[string]*template.Template
	metrics *metrics
	cache   *cache
	arch    *archive.Archive
	fresh   *memo.Memo[string, body] // pages that read the archive, by path and query
	outlets *outletIndex
	bg      *owner
	routes  []route
	mux     *http.ServeMux
}

// New returns a Server over eng. It panics if the embedded templates do not
// parse, which only a broken build can cause.
func New(eng *engine.Engine, opts Options) *Server {
	opts = opts.withDefaults()
	s := &Server{
		eng:     eng,
		opts:    opts,
		log:     opts.Logger,
		pages:   mustParsePages(),
		metrics: newMetrics(),
		mux:     http.NewServeMux(),
	}
	s.bg = newOwner()
	s.cache = newCache(eng, opts.CacheSize, s.bg)
	s.arch = archive.New(eng.Store())
	s.fresh = memo.New[string, body](archive.Fresh, freshPages)
	s.outlets = newOutletIndex(eng.Store())
	s.routes = s.routeTable()
	for _, rt := range s.routes {
		s.mux.Handle(rt.pattern, s.instrument(rt.pattern, rt.timeout(opts), rt.handler))
	}
	s.mux.Handle("/", s.instrument("other", opts.RequestTimeout, http.HandlerFunc(s.unmatched)))
	return s
}

// Close stops the story and index builds the server started in the
// background and waits for them to end; requests that waited for them fail.
// Call it after Serve has returned and before the engine's store is
// closed; requests served after Close that need a build fail.
func (s *Server) Close() {
	s.bg.close()
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	s.mux.ServeHTTP(w, r)
}

// ListenAndServe listens on the TCP address addr and serves until ctx is
// done (see Serve).
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("web: %w", err)
	}
	return s.Serve(ctx, ln)
}

// shutdownGrace is how long Serve waits for requests in flight once ctx is
// done.
const shutdownGrace = 10 * time.Second

// Serve serves HTTP on ln until ctx is done, then stops accepting
// connections and waits up to ten seconds for requests in flight to finish.
// It returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      s.opts.IngestTimeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		// Requests keep running during a graceful shutdown, so their
		// contexts must not end with ctx.
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	s.log.Info("serving", "addr", "http://"+ln.Addr().String())
	done := make(chan error, 1)
	// The answers net/http writes itself (431 for a header over
	// MaxHeaderBytes, 400) carry the security headers too.
	go func() { done <- hs.Serve(secureListener{ln}) }()
	select {
	case err := <-done:
		return fmt.Errorf("web: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "grace", shutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) {
		return fmt.Errorf("web: %w", serr)
	}
	if err != nil {
		return fmt.Errorf("web: shutdown: %w", err)
	}
	s.log.Info("stopped")
	return nil
}
