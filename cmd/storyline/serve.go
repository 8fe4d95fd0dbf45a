package main

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/web"
)

// serveFlags are the flags of the serve command.
type serveFlags struct {
	addr    string
	demo    bool
	token   string
	maxBody int64
}

func (e *env) serveCommand(g *globalFlags) *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the stored stories as web pages and a JSON API",
		Long: `serve opens the store (--db) and serves it over HTTP: pages for reading the
stories (timeline, sources side by side with their shared text, entities,
quotes, divergences) at /, the JSON API under /api (described at
/api/openapi.json), health at /healthz and Prometheus metrics at /metrics.

--demo serves the bundled example articles from memory instead, with no setup.

POST /api/articles stores articles sent in the request body (any format
ingest reads). It is off unless a token is set with --token or the
STORYLINE_TOKEN environment variable; clients send it as
"Authorization: Bearer TOKEN".

The server stops gracefully on SIGINT or SIGTERM.`,
		Example: `  storyline serve --demo
  storyline serve --db news.db --addr 127.0.0.1:8080
  STORYLINE_TOKEN=secret storyline serve &
  curl -H "Authorization: Bearer secret" --data-binary @articles.jsonl localhost:8080/api/articles`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.serve(cmd, g, f)
		},
	}
	cmd.Flags().StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().BoolVar(&f.demo, "demo", false, "serve the bundled example articles from memory (no store needed)")
	cmd.Flags().StringVar(&f.token, "token", "", "bearer token that enables POST /api/articles (default $STORYLINE_TOKEN)")
	cmd.Flags().Int64Var(&f.maxBody, "max-body", web.DefaultMaxBody, "largest accepted request body, in bytes")
	return cmd
}

func (e *env) serve(cmd *cobra.Command, g *globalFlags, f serveFlags) (err error) {
	if f.demo && g.db != "" {
		return errors.New("--demo serves an in-memory store; leave out --db")
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	var eng *engine.Engine
	if f.demo {
		eng, err = openEngine(ctx, ":memory:", engine.Options{})
	} else {
		eng, err = e.openStore(ctx, g)
	}
	if err != nil {
		return err
	}
	defer closeStore(eng, &err)
	if f.demo {
		if err := web.Demo(ctx, eng); err != nil {
			return err
		}
	}
	token := f.token
	if token == "" {
		token = os.Getenv("STORYLINE_TOKEN")
	}
	if token == "" {
		log.Info("write API off: set --token or STORYLINE_TOKEN to enable POST /api/articles")
	}
	srv := web.New(eng, web.Options{Token: token, MaxBody: f.maxBody, Logger: log, Now: e.now})
	defer srv.Close() // after Serve, before the store closes
	// Stories left unanalysed (a store of an older version, an ingest
	// killed before its analysis) are analysed in the background while
	// the server answers; pages of those not done yet analyse them when
	// read. The analysis ends before the store is closed.
	dctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel() // first: a server that ends stops the analysis
	wg.Go(func() {
		start := time.Now()
		n, err := eng.Derive(dctx, nil)
		switch {
		case err != nil && dctx.Err() == nil:
			log.Error("analysing stories", "err", err, "stored", n)
		case n > 0:
			log.Info("stories analysed", "stories", n, "seconds", time.Since(start).Seconds())
		}
	})
	return srv.ListenAndServe(ctx, f.addr)
}
