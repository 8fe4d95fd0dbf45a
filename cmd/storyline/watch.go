package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store/postgres"
	"github.com/storyline-news/storyline/internal/watch"
)

// watchFlags are the settings of the watch command.
type watchFlags struct {
	interval, hostDelay, timeout time.Duration
	maxSize                      int64
	allowPrivate, once           bool
	state                        string
}

func (e *env) watchCommand(g *globalFlags) *cobra.Command {
	var f watchFlags
	cmd := &cobra.Command{
		Use:   "watch FEEDS",
		Short: "Follow the feeds listed in FEEDS and ingest their new and updated articles",
		Long: `watch polls the RSS and Atom feeds listed in FEEDS (a text file with one URL
per line, or an OPML export from a feed reader) every --interval and ingests
their new items into the store (--db, a SQLite file or a postgres:// URL; or
$STORYLINE_DB). Items that carry only a summary are completed from their page.
An item seen before is skipped unless its content changed; then it is
ingested again, as a new version of the article.

Requests are conditional (ETag, Last-Modified), spaced out per host
(--host-delay), bounded in time (--timeout) and size (--max-size), and backed
off exponentially after errors, honouring Retry-After up to 6 hours. Hosts
are polled concurrently: one that hangs or asks for a pause delays the others
by at most --timeout. An item whose page cannot be had is stored from the
feed's summary. Only public internet addresses are contacted unless
--allow-private is given.

What was seen is kept in a state file (--state; default: next to the SQLite
file, or next to FEEDS for PostgreSQL), so a restarted watch neither fetches
nor ingests again what it already did. One line per poll goes to stderr.
With --once, the exit status is 1 when a feed failed, and the last line
names the feeds that did.`,
		Example: `  storyline watch feeds.txt
  storyline --db postgres://news@db/news watch --interval 5m subscriptions.opml
  storyline watch --once feeds.txt   # poll every feed once, then exit`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.runWatch(cmd.Context(), g, f, args[0])
		},
	}
	fl := cmd.Flags()
	fl.DurationVar(&f.interval, "interval", 15*time.Minute, "time between two polls of a feed")
	fl.DurationVar(&f.hostDelay, "host-delay", 2*time.Second, "least time between two requests to one host")
	fl.DurationVar(&f.timeout, "timeout", 30*time.Second, "time limit of one request")
	fl.Int64Var(&f.maxSize, "max-size", 10<<20, "largest feed or page read, in bytes")
	fl.BoolVar(&f.allowPrivate, "allow-private", false, "allow private, loopback and link-local addresses")
	fl.BoolVar(&f.once, "once", false, "poll every feed that is due once, then exit")
	fl.StringVar(&f.state, "state", "", "state file (default: beside the SQLite file, or beside FEEDS)")
	return cmd
}

func (e *env) runWatch(ctx context.Context, g *globalFlags, f watchFlags, list string) (err error) {
	data, err := os.ReadFile(list)
	if err != nil {
		return err
	}
	feeds, err := watch.ParseList(data)
	if err != nil {
		return fmt.Errorf("%s: %w", list, err)
	}
	loc, err := storeLocation(g)
	if err != nil {
		return err
	}
	if f.state == "" {
		f.state = loc + ".watch.json"
		if postgres.IsDSN(loc) || loc == ":memory:" {
			f.state = list + ".state.json"
		}
	}
	eng, err := openEngine(ctx, loc, engineOptions(g))
	if err != nil {
		return err
	}
	defer closeStore(eng, &err)
	var polled int
	failed := make(map[string]bool)
	w, err := watch.New(feeds, watch.Options{
		Interval: f.interval, HostDelay: f.hostDelay, Timeout: f.timeout, MaxSize: f.maxSize,
		AllowPrivate: f.allowPrivate, StatePath: f.state, Now: e.now,
		Report: func(r watch.Report) { // called by one goroutine at a time
			fmt.Fprintln(e.stderr, reportLine(r))
			polled++
			if r.Err != nil {
				failed[r.Feed] = true
			}
		},
	})
	if err != nil {
		return err
	}
	sink := func(ctx context.Context, arts []article.Article) error {
		_, err := eng.Ingest(ctx, arts)
		return err
	}
	if f.once {
		if err := w.Poll(ctx, sink); err != nil {
			return err
		}
		return failures(feeds, failed, polled)
	}
	// Run returns only with an error: ctx's when interrupted, which is a
	// normal way to stop, or the one that stopped it.
	if err := w.Run(ctx, sink); ctx.Err() == nil {
		return err
	}
	return nil
}

// failures returns an error naming the feeds that failed, in list order,
// or nil if none did.
func failures(feeds []string, failed map[string]bool, polled int) error {
	var names []string
	for _, f := range feeds {
		if failed[f] {
			names = append(names, f)
		}
	}
	if len(names) == 0 {
		return nil
	}
	return fmt.Errorf("watch: %d of %d feeds polled failed: %s", len(names), polled, strings.Join(names, ", "))
}

// reportLine is the stderr line of one poll.
func reportLine(r watch.Report) string {
	next := r.Next.Format(time.RFC3339)
	switch {
	case r.Err != nil:
		return fmt.Sprintf("watch %s: %v; next poll %s", r.Feed, r.Err, next)
	case r.NotModified:
		return fmt.Sprintf("watch %s: not modified; next poll %s", r.Feed, next)
	}
	var items strings.Builder
	if r.Summaries+r.Deferred+r.Skipped > 0 {
		fmt.Fprintf(&items, "; %d from their summary, %d deferred, %d skipped", r.Summaries, r.Deferred, r.Skipped)
		for _, err := range r.Problems {
			fmt.Fprintf(&items, "; %v", err)
		}
	}
	return fmt.Sprintf("watch %s: %d new, %d updated, %d seen%s; next poll %s",
		r.Feed, r.New, r.Updated, r.Seen, items.String(), next)
}
