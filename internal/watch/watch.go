// Package watch follows news feeds: it polls a list of RSS and Atom feeds
// on a schedule and hands the new and updated articles in them to the rest
// of the pipeline, the live source of storyline's ingest.
//
// A Watcher polls each feed with a conditional GET (ETag, Last-Modified),
// spaces out requests to one host, backs off exponentially after errors
// (honouring Retry-After on 429 and 5xx), bounds every request in time and
// size, and fetches an item's page when the feed carries only a summary.
// Hosts are polled concurrently, each host's feeds one after the other, and
// no request waits for a host that asked for a pause or stopped answering:
// a hostile host delays the others by at most Options.Timeout. An item
// whose page fails for good is stored from its summary; one whose page
// fails for now is left for the next poll (and stored from its summary
// after a few), without holding back the feed's other items.
// An item seen before is skipped unless its content changed, in which case
// it is ingested again: a new article, which the reuse stage relates to the
// earlier one as a revision. What it has seen is kept in a state file, so a
// restarted watcher does not fetch or ingest again what it already did.
//
// Connections go only to public internet addresses unless
// Options.AllowPrivate is set: the check runs on the address actually
// dialed, after name resolution, so neither a private name nor DNS
// rebinding reaches an internal service (SSRF).
package watch

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/ingest"
)

// Options configures a Watcher. The zero value is a good default.
type Options struct {
	// Interval is the time between two polls of a feed (default 15m).
	Interval time.Duration
	// HostDelay is the least time between two requests to one host
	// (default 2s).
	HostDelay time.Duration
	// MaxBackoff bounds the wait after repeated failures (default 6h); the
	// wait doubles from Interval/4 with each failure in a row. It bounds a
	// Retry-After too.
	MaxBackoff time.Duration
	// Timeout bounds each request, connection to last byte (default 30s).
	// A host that does not answer in time is not asked again for
	// Interval/4.
	Timeout time.Duration
	// Parallel is the number of hosts polled at once (default 8).
	Parallel int
	// MaxSize is the largest response read, in bytes (default 10 MiB).
	MaxSize int64
	// SummaryWords: an item with fewer words is taken to be a summary,
	// and its page is fetched (default 150).
	SummaryWords int
	// AllowPrivate allows connections to private, loopback, link-local
	// and other non-public addresses.
	AllowPrivate bool
	// UserAgent is sent with every request (default "storyline-watch/1").
	UserAgent string
	// StatePath is the state file; "" keeps the state in memory only.
	StatePath string
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// Report, when set, is called after each poll of a feed, by one
	// goroutine at a time.
	Report func(Report)
}

func (o Options) withDefaults() Options {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.Interval, 15*time.Minute)
	def(&o.HostDelay, 2*time.Second)
	def(&o.MaxBackoff, 6*time.Hour)
	def(&o.Timeout, 30*time.Second)
	if o.MaxSize <= 0 {
		o.MaxSize = ingest.DefaultMaxSize
	}
	if o.Parallel <= 0 {
		o.Parallel = 8
	}
	if o.SummaryWords <= 0 {
		o.SummaryWords = 150
	}
	if o.UserAgent == "" {
		o.UserAgent = "storyline-watch/1"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Report tells what one poll of a feed did.
type Report struct {
	Feed string
	// NotModified reports a 304 answer to the conditional GET.
	NotModified bool
	// New and Updated count the items ingested: never seen, or seen with
	// other content. Seen counts the items skipped as already ingested.
	New, Updated, Seen int
	// Summaries counts the items ingested from the feed's summary because
	// their page failed for good (New and Updated count them too);
	// Deferred, the items left for the next poll because their page failed
	// for now; Skipped, the items of the feed that could not be read (no
	// text, say).
	Summaries, Deferred, Skipped int
	// Problems says why, for each of those items.
	Problems []error
	// Err is why the poll failed, if it did: the feed could not be
	// fetched or read.
	Err error
	// Next is when the feed is due again.
	Next time.Time
}

// Sink takes the articles of one poll of one feed; the watcher remembers
// them as ingested only if Sink returns nil.
type Sink func(ctx context.Context, arts []article.Article) error

// Watcher follows a list of feeds. Its methods must not be called
// concurrently.
type Watcher struct {
	feeds  []string
	opts   Options
	client *http.Client
	reader *ingest.Reader
	hosts  *hosts
	// mu guards state while a poll runs: the goroutine polling a feed
	// reads the feed's state freely, but changes it, saves the state and
	// calls Sink and Report only under mu.
	mu    sync.Mutex
	state *stateFile
}

// New returns a Watcher of the feeds at the given URLs, with the state
// kept at opts.StatePath.
func New(feeds []string, opts Options) (*Watcher, error) {
	opts = opts.withDefaults()
	for _, f := range feeds {
		if err := checkURL(f); err != nil {
			return nil, fmt.Errorf("watch: %w", err)
		}
	}
	st, err := loadState(opts.StatePath)
	if err != nil {
		return nil, err
	}
	return &Watcher{
		feeds:  feeds,
		opts:   opts,
		client: newClient(opts),
		reader: ingest.New(ingest.Options{MaxSize: opts.MaxSize, Now: opts.Now}),
		hosts:  newHosts(opts.Now),
		state:  st,
	}, nil
}

// Run polls the feeds as they fall due until ctx is done, and returns
// ctx's error, or the first error of sink or of saving the state.
func (w *Watcher) Run(ctx context.Context, sink Sink) error {
	for {
		if err := w.Poll(ctx, sink); err != nil {
			return err
		}
		if err := sleep(ctx, w.untilNext()); err != nil {
			return err
		}
	}
}

// Poll polls every feed that is due, once: the hosts concurrently (at
// most Options.Parallel at a time), each host's feeds in list order. A
// feed that fails is reported and backed off; Poll returns only ctx's
// error, sink's, or a failure to save the state, and stops at the first.
func (w *Watcher) Poll(ctx context.Context, sink Sink) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	slots := make(chan struct{}, w.opts.Parallel)
	var wg sync.WaitGroup
	for _, feeds := range w.due() {
		wg.Go(func() {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-slots }()
			for _, f := range feeds {
				if err := w.pollFeed(ctx, f, sink); err != nil {
					cancel(err)
					return
				}
			}
		})
	}
	wg.Wait()
	return context.Cause(ctx)
}

// due returns the feeds due now, grouped by host in list order.
func (w *Watcher) due() [][]string {
	now := w.opts.Now()
	byHost := make(map[string]int)
	var queues [][]string
	for _, f := range w.feeds {
		if w.state.feed(f).Next.After(now) {
			continue
		}
		host := f
		if u, err := url.Parse(f); err == nil {
			host = strings.ToLower(u.Host)
		}
		i, ok := byHost[host]
		if !ok {
			i = len(queues)
			byHost[host] = i
			queues = append(queues, nil)
		}
		queues[i] = append(queues[i], f)
	}
	return queues
}

// schedule sets when the feed is due again: after Interval, or after a
// back-off that doubles with each failure in a row, and not before a
// Retry-After; never later than MaxBackoff.
func (w *Watcher) schedule(fs *feedState, rep *Report) {
	now := w.opts.Now()
	if rep.Err == nil {
		fs.Failures = 0
		fs.Next = now.Add(w.opts.Interval)
		rep.Next = fs.Next
		return
	}
	fs.Failures++
	wait := w.opts.Interval / 4
	for i := 1; i < fs.Failures && wait < w.opts.MaxBackoff; i++ {
		wait *= 2
	}
	if at := retryAt(rep.Err, now); at.Sub(now) > wait {
		wait = at.Sub(now)
	}
	fs.Next = now.Add(min(wait, w.opts.MaxBackoff))
	rep.Next = fs.Next
}

// untilNext returns the time until the earliest feed is due.
func (w *Watcher) untilNext() time.Duration {
	now := w.opts.Now()
	next := now.Add(w.opts.Interval)
	for _, f := range w.feeds {
		if n := w.state.feed(f).Next; n.Before(next) {
			next = n
		}
	}
	return next.Sub(now)
}
