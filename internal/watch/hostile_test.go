package watch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// testTimeout is the request timeout of the hostile-host tests: every
// poll must end within about one of it, however many hosts misbehave.
const testTimeout = time.Second

// counts counts a server's requests by path.
type counts struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counts) add(path string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[path]++
}

func (c *counts) get(path string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[path]
}

// hostServer starts a server answering with h and counting requests.
func hostServer(t *testing.T, h http.HandlerFunc) (*httptest.Server, *counts) {
	c := &counts{n: map[string]int{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.add(r.URL.Path)
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, c
}

// hangingServer starts a server that answers nothing while hang is set,
// until the client gives up, and article pages otherwise.
func hangingServer(t *testing.T, hang *atomic.Bool) (*httptest.Server, *counts) {
	release := make(chan struct{})
	srv, c := hostServer(t, func(w http.ResponseWriter, r *http.Request) {
		if hang.Load() {
			select {
			case <-r.Context().Done():
			case <-release:
			}
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page(strings.Trim(r.URL.Path, "/")))
	})
	t.Cleanup(func() { close(release) }) // runs before srv.Close
	return srv, c
}

// retryServer starts a server that answers 503 with Retry-After: after.
func retryServer(t *testing.T, after string) (*httptest.Server, *counts) {
	return hostServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", after)
		w.WriteHeader(http.StatusServiceUnavailable)
	})
}

// loopServer starts a server that redirects every path to itself.
func loopServer(t *testing.T) (*httptest.Server, *counts) {
	return hostServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path, http.StatusFound)
	})
}

// timedReports keeps the reports of a watcher and when each came.
type timedReports struct {
	start time.Time
	byURL map[string]Report
	after map[string]time.Duration // since start
}

func (tr *timedReports) report(r Report) {
	tr.byURL[r.Feed] = r
	tr.after[r.Feed] = time.Since(tr.start)
}

// newHostileWatcher returns a watcher with testTimeout for which the host
// nowhere.invalid does not resolve.
func newHostileWatcher(t *testing.T, feeds []string, clk *clock) (*Watcher, *timedReports) {
	t.Helper()
	tr := &timedReports{byURL: map[string]Report{}, after: map[string]time.Duration{}}
	w, err := New(feeds, Options{AllowPrivate: true, HostDelay: time.Millisecond, Interval: time.Hour,
		Timeout: testTimeout, Now: clk.now, Report: tr.report})
	if err != nil {
		t.Fatal(err)
	}
	tr2 := w.client.Transport.(*http.Transport)
	dial := tr2.DialContext
	tr2.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if strings.HasPrefix(addr, "nowhere.invalid:") {
			return nil, &net.DNSError{Err: "no such host", Name: "nowhere.invalid", IsNotFound: true}
		}
		return dial(ctx, network, addr)
	}
	return w, tr
}

// timedPoll polls w once and returns how long it took.
func timedPoll(t *testing.T, w *Watcher, tr *timedReports, c *collector) time.Duration {
	t.Helper()
	tr.start = time.Now()
	poll(t, w, c)
	return time.Since(tr.start)
}

// TestHostileFeedHosts polls a healthy feed listed after three hostile
// ones: a host that never answers, one that asks for a pause of three
// years (Retry-After: 100000000) and a redirect loop. The healthy feed is
// read at once, the poll ends after one timeout, and each hostile feed is
// scheduled again within MaxBackoff.
func TestHostileFeedHosts(t *testing.T) {
	var hang atomic.Bool
	hang.Store(true)
	hanging, hangs := hangingServer(t, &hang)
	retry, retries := retryServer(t, "100000000")
	huge, _ := retryServer(t, "99999999999")
	loop, loops := loopServer(t)
	healthy := newNewsServer(t)
	healthy.setItems(item{title: "Leaders meet", link: "/news/full", content: longText("Leaders")},
		item{title: "Kremlin reacts", link: "/news/kremlin", description: "The Kremlin said no date was set."})
	feeds := []string{hanging.URL + "/feed.xml", retry.URL + "/feed.xml", huge.URL + "/feed.xml",
		loop.URL + "/feed.xml", healthy.URL + "/feed.xml"}
	clk := &clock{time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)}
	w, tr := newHostileWatcher(t, feeds, clk)
	var c collector

	took := timedPoll(t, w, tr, &c)
	t.Logf("poll took %v; healthy feed read after %v, hanging one given up after %v",
		took, tr.after[feeds[4]], tr.after[feeds[0]])
	if took > 3*testTimeout {
		t.Errorf("poll took %v, want about one timeout (%v)", took, testTimeout)
	}
	if got := tr.after[feeds[4]]; got >= testTimeout {
		t.Errorf("healthy feed read after %v, want within the timeout (%v)", got, testTimeout)
	}
	if r := tr.byURL[feeds[4]]; r.Err != nil || r.New != 2 || !r.Next.Equal(clk.t.Add(time.Hour)) {
		t.Errorf("healthy feed: %+v, want 2 new, next in 1h", r)
	}
	if len(c.got) != 1 || len(c.last()) != 2 || !strings.Contains(c.last()[1].Text, "Full page kremlin") {
		t.Errorf("ingested %d batches, want the healthy feed's 2 articles", len(c.got))
	}

	for _, tt := range []struct {
		feed      string
		permanent bool
		next      time.Duration
	}{
		{feeds[0], false, 15 * time.Minute}, // Interval/4
		{feeds[1], false, 6 * time.Hour},    // MaxBackoff, not three years
		{feeds[2], false, 6 * time.Hour},    // not 2273
		{feeds[3], true, 15 * time.Minute},
	} {
		r := tr.byURL[tt.feed]
		if r.Err == nil || permanent(r.Err) != tt.permanent || r.Next.Sub(clk.t) != tt.next {
			t.Errorf("%s: err %v (permanent %v), next in %v; want an error (permanent %v), next in %v",
				tt.feed, r.Err, permanent(r.Err), r.Next.Sub(clk.t), tt.permanent, tt.next)
		}
	}
	if !timeout(tr.byURL[feeds[0]].Err) {
		t.Errorf("hanging host: %v, want a timeout", tr.byURL[feeds[0]].Err)
	}
	if n := loops.get("/feed.xml"); n != 5 {
		t.Errorf("redirect loop followed for %d requests, want 5", n)
	}

	// An hour later only the hanging feed and the loop are due; the host
	// that asked for a pause is not asked before it is over.
	hang.Store(false)
	clk.t = clk.t.Add(time.Hour)
	timedPoll(t, w, tr, &c)
	if n := retries.get("/feed.xml"); n != 1 {
		t.Errorf("host asking for a pause got %d requests, want 1", n)
	}
	if n := hangs.get("/feed.xml"); n != 2 {
		t.Errorf("hanging host got %d requests, want 2", n)
	}
}

// TestHostilePages polls a feed of summaries whose pages misbehave: a name
// that does not resolve, file: and gopher: links, a redirect loop, a host
// that asks for a pause of three years, a host that never answers. The
// feed is read in about one timeout and not backed off; items whose page
// fails for good are stored from their summary, the others after
// maxTries polls.
func TestHostilePages(t *testing.T) {
	var hang atomic.Bool
	hang.Store(true)
	hanging, hangs := hangingServer(t, &hang)
	retry, retries := retryServer(t, "100000000")
	loop, _ := loopServer(t)
	srv := newNewsServer(t)
	summary := func(name, link string) item {
		return item{title: "Item " + name, link: link, description: "Officials said " + name + " was discussed."}
	}
	srv.setItems(
		item{title: "Full", link: "/news/full", content: longText("Full")},
		summary("page", "/news/page"),
		summary("dns", "http://nowhere.invalid/news"),
		summary("file", "file:///etc/passwd"),
		summary("gopher", "gopher://example.org/1/news"),
		summary("loop", loop.URL+"/news"),
		summary("retry", retry.URL+"/news/a"),
		summary("retry2", retry.URL+"/news/b"),
		summary("hang", hanging.URL+"/news/a"),
		summary("hang2", hanging.URL+"/news/b"),
	)
	feed := srv.URL + "/feed.xml"
	clk := &clock{time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)}
	w, tr := newHostileWatcher(t, []string{feed}, clk)
	var c collector

	took := timedPoll(t, w, tr, &c)
	t.Logf("poll took %v", took)
	if took > 3*testTimeout {
		t.Errorf("poll took %v, want about one timeout (%v)", took, testTimeout)
	}
	r := tr.byURL[feed]
	if r.Err != nil || !r.Next.Equal(clk.t.Add(time.Hour)) {
		t.Errorf("feed: err %v, next in %v; want no error, next in 1h", r.Err, r.Next.Sub(clk.t))
	}
	if r.New != 6 || r.Summaries != 4 || r.Deferred != 4 || len(r.Problems) != 8 {
		t.Errorf("report %+v, want 6 new, 4 from their summary, 4 deferred, 8 problems", r)
	}
	for _, link := range []string{"nowhere.invalid", "file:", "gopher:", loop.URL, retry.URL + "/news/a",
		retry.URL + "/news/b", hanging.URL + "/news/a", hanging.URL + "/news/b"} {
		if !strings.Contains(fmt.Sprint(r.Problems), link) {
			t.Errorf("problems %v do not name %s", r.Problems, link)
		}
	}
	stored := map[string]string{}
	for _, a := range c.last() {
		stored[a.Title] = a.Text
	}
	for _, name := range []string{"dns", "file", "gopher", "loop"} {
		if got := stored["Item "+name]; got != "Officials said "+name+" was discussed." {
			t.Errorf("item %s stored as %q, want its summary", name, got)
		}
	}
	if !strings.Contains(stored["Full story page"], "Full page page") {
		t.Errorf("healthy page not stored: %v", stored)
	}
	// One request to each host that failed: the second waits for nobody.
	if a, b := retries.get("/news/a"), retries.get("/news/b"); a+b != 1 {
		t.Errorf("host asking for a pause got %d+%d requests, want 1", a, b)
	}
	if a, b := hangs.get("/news/a"), hangs.get("/news/b"); a+b != 1 {
		t.Errorf("hanging host got %d+%d requests, want 1", a, b)
	}

	// The hanging host is back; the other still wants its pause. After
	// maxTries polls, its items are stored from their summary.
	hang.Store(false)
	for i := 2; i <= maxTries; i++ {
		clk.t = clk.t.Add(time.Hour)
		poll(t, w, &c)
	}
	r = tr.byURL[feed]
	stored = map[string]string{}
	for _, batch := range c.got[1:] {
		for _, a := range batch {
			stored[a.URL] = a.Text
		}
	}
	if r.Err != nil || r.Deferred != 0 || r.Summaries != 2 || len(stored) != 4 {
		t.Errorf("poll %d: report %+v, stored %d; want the last 2 items from their summary", maxTries, r, len(stored))
	}
	if !strings.Contains(stored[hanging.URL+"/news/a"], "Full page news/a") {
		t.Errorf("the hanging host's page was not stored once it answered: %q", stored[hanging.URL+"/news/a"])
	}
	if got := stored[retry.URL+"/news/b"]; got != "Officials said retry2 was discussed." {
		t.Errorf("item of a host on pause stored as %q, want its summary", got)
	}
	if n := retries.get("/news/a") + retries.get("/news/b"); n != 1 {
		t.Errorf("host asking for a pause got %d requests, want 1", n)
	}
}

func TestPermanent(t *testing.T) {
	u := "http://example.org/a"
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{&StatusError{Status: 404}, true},
		{&StatusError{Status: 410}, true},
		{&StatusError{Status: 400}, true},
		{&StatusError{Status: 408}, false},
		{&StatusError{Status: 429}, false},
		{&StatusError{Status: 500}, false},
		{&StatusError{Status: 503, RetryAfter: time.Hour}, false},
		{&HostError{Err: &StatusError{Status: 404}}, false},
		{&url.Error{Op: "Get", URL: u, Err: &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", IsNotFound: true}}}, true},
		{&url.Error{Op: "Get", URL: u, Err: &net.OpError{Op: "dial", Err: &net.DNSError{Err: "timeout", IsTimeout: true}}}, false},
		{&url.Error{Op: "Get", URL: u, Err: &net.DNSError{Err: "server misbehaving", IsTemporary: true}}, false},
		{fmt.Errorf("GET %s: %w", u, ErrUnsupportedScheme), true},
		{&url.Error{Op: "Get", URL: u, Err: fmt.Errorf("redirect to gopher://x: %w", ErrUnsupportedScheme)}, true},
		{&url.Error{Op: "Get", URL: u, Err: errRedirects}, true},
		{&url.Error{Op: "Get", URL: u, Err: &net.OpError{Op: "dial", Err: ErrForbiddenAddress}}, true},
		{fmt.Errorf("GET %s: %w of 10", u, errTooLarge), true},
		{&url.Error{Op: "Get", URL: u, Err: &net.OpError{Op: "read", Err: syscall.ECONNRESET}}, false},
		{&url.Error{Op: "Get", URL: u, Err: &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}}, false},
		{&url.Error{Op: "Get", URL: u, Err: context.DeadlineExceeded}, false},
		{errors.New("unexpected EOF"), false},
	} {
		if got := permanent(tt.err); got != tt.want {
			t.Errorf("permanent(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
