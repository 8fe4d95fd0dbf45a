package watch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
)

// newsServer serves one RSS feed, with ETag validation, and article pages.
type newsServer struct {
	*httptest.Server
	mu       sync.Mutex
	items    []item
	version  int            // part of the ETag; bumped by setItems
	fail     []int          // statuses to answer the next feed requests with
	requests map[string]int // path → requests
	ignoreIf bool           // answer 200 even when the ETag matches
}

type item struct {
	title, link, description, content string
}

func newNewsServer(t *testing.T) *newsServer {
	s := &newsServer{requests: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *newsServer) setItems(items ...item) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items, s.version = items, s.version+1
}

func (s *newsServer) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[path]
}

func (s *newsServer) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[r.URL.Path]++
	switch {
	case r.URL.Path == "/feed.xml" && len(s.fail) > 0:
		status := s.fail[0]
		s.fail = s.fail[1:]
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "3600")
		}
		w.WriteHeader(status)
	case r.URL.Path == "/feed.xml":
		etag := fmt.Sprintf(`"v%d"`, s.version)
		if r.Header.Get("If-None-Match") == etag && !s.ignoreIf {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss(s.URL, s.items))
	case strings.HasPrefix(r.URL.Path, "/news/"):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page(strings.TrimPrefix(r.URL.Path, "/news/")))
	case r.URL.Path == "/big.xml":
		fmt.Fprint(w, strings.Repeat("<!-- padding -->", 10000))
	default:
		http.NotFound(w, r)
	}
}

func rss(base string, items []item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test Wire</title><language>en</language>`)
	for _, it := range items {
		link := base + it.link
		if strings.Contains(it.link, ":") {
			link = it.link // absolute
		}
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><pubDate>Mon, 18 Aug 2025 09:30:00 GMT</pubDate><description>%s</description>",
			it.title, link, it.description)
		if it.content != "" {
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>", it.content)
		}
		b.WriteString("</item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// longText returns a body long enough not to count as a summary.
func longText(topic string) string {
	var ps []string
	for i := range 6 {
		ps = append(ps, fmt.Sprintf("<p>%s: paragraph %d reports what officials said on Monday about the talks, "+
			"the security guarantees under discussion and the meeting planned for later in the month in Washington.</p>", topic, i+1))
	}
	return strings.Join(ps, "\n")
}

func page(slug string) string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Full story ` + slug + `</title></head><body><article><h1>Full story ` +
		slug + `</h1>` + longText("Full page "+slug) + `</article></body></html>`
}

// clock is a settable clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// collector is a Sink that keeps what it was given.
type collector struct{ got [][]article.Article }

func (c *collector) sink(_ context.Context, arts []article.Article) error {
	c.got = append(c.got, arts)
	return nil
}

func (c *collector) last() []article.Article {
	if len(c.got) == 0 {
		return nil
	}
	return c.got[len(c.got)-1]
}

func newTestWatcher(t *testing.T, feeds []string, clk *clock, state string) (*Watcher, *[]Report) {
	t.Helper()
	var reports []Report
	w, err := New(feeds, Options{AllowPrivate: true, HostDelay: time.Millisecond, Interval: time.Hour,
		StatePath: state, Now: clk.now, Report: func(r Report) { reports = append(reports, r) }})
	if err != nil {
		t.Fatal(err)
	}
	return w, &reports
}

func poll(t *testing.T, w *Watcher, c *collector) {
	t.Helper()
	if err := w.Poll(context.Background(), c.sink); err != nil {
		t.Fatalf("Poll: %v", err)
	}
}

// TestWatchIngestsUpdatesAndResumes follows one feed through its life:
// first poll, unchanged feed (304), an updated item, and a restart.
func TestWatchIngestsUpdatesAndResumes(t *testing.T) {
	srv := newNewsServer(t)
	full := item{title: "Leaders meet", link: "/news/full", description: "Short.", content: longText("Leaders")}
	summary := item{title: "Kremlin reacts", link: "/news/kremlin", description: "The Kremlin said no date was set."}
	srv.setItems(full, summary)
	clk := &clock{time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)}
	state := filepath.Join(t.TempDir(), "watch.json")
	w, reports := newTestWatcher(t, []string{srv.URL + "/feed.xml"}, clk, state)
	var c collector

	poll(t, w, &c)
	arts := c.last()
	if len(arts) != 2 || (*reports)[0].New != 2 {
		t.Fatalf("first poll ingested %d articles (report %+v), want 2", len(arts), (*reports)[0])
	}
	if !strings.Contains(arts[1].Text, "Full page kremlin") || arts[1].Title != "Full story kremlin" {
		t.Errorf("summary-only item: got %q / %.60q, want the page's article", arts[1].Title, arts[1].Text)
	}
	if got := arts[1].Published; !got.Equal(time.Date(2025, 8, 18, 9, 30, 0, 0, time.UTC)) || arts[1].PublishedInferred {
		t.Errorf("page article published %v (inferred %v), want the feed's date", got, arts[1].PublishedInferred)
	}

	poll(t, w, &c) // not due yet: no request
	clk.t = clk.t.Add(time.Hour)
	poll(t, w, &c) // due: 304
	if n := srv.count("/feed.xml"); n != 2 || !(*reports)[1].NotModified || len(c.got) != 1 {
		t.Errorf("after an hour: %d feed requests, report %+v, %d ingests; want 2, not modified, 1", n, (*reports)[1], len(c.got))
	}

	full.content = longText("Leaders, updated")
	srv.setItems(full, summary)
	clk.t = clk.t.Add(time.Hour)
	poll(t, w, &c)
	if r := (*reports)[2]; len(c.got) != 2 || len(c.last()) != 1 || r.Updated != 1 || r.Seen != 1 {
		t.Fatalf("updated item: ingests %d, last %d articles, report %+v; want one updated article", len(c.got), len(c.last()), r)
	}
	if c.last()[0].ID == arts[0].ID || c.last()[0].URL != arts[0].URL {
		t.Errorf("updated item: same ID %s or other URL %s: want a new version of %s", c.last()[0].ID, c.last()[0].URL, arts[0].URL)
	}

	// A restarted watcher, with a server that ignores the ETag: nothing is
	// ingested or fetched again.
	srv.ignoreIf = true
	w2, reports2 := newTestWatcher(t, []string{srv.URL + "/feed.xml"}, clk, state)
	poll(t, w2, &c) // not due: the schedule survived too
	clk.t = clk.t.Add(time.Hour)
	poll(t, w2, &c)
	if r := (*reports2)[0]; len(c.got) != 2 || r.Seen != 2 || r.New+r.Updated != 0 {
		t.Errorf("after restart: %d ingests, report %+v; want nothing new", len(c.got), r)
	}
	if n := srv.count("/news/kremlin"); n != 1 {
		t.Errorf("the summary's page was fetched %d times, want once", n)
	}
}

// TestWatchBackOff checks the schedule after failures: exponential back-off
// from Interval/4, Retry-After honoured, and the normal interval after a
// success.
func TestWatchBackOff(t *testing.T) {
	srv := newNewsServer(t)
	srv.setItems(item{title: "T", link: "/news/a", content: longText("A")})
	srv.fail = []int{503, 500, 429, 404}
	clk := &clock{time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)}
	w, reports := newTestWatcher(t, []string{srv.URL + "/feed.xml"}, clk, "")
	var c collector
	want := []time.Duration{15 * time.Minute, 30 * time.Minute, time.Hour /* Retry-After 3600 > 1h */, 2 * time.Hour, time.Hour}
	for i, wait := range want {
		poll(t, w, &c)
		r := (*reports)[i]
		if got := r.Next.Sub(clk.t); got != wait {
			t.Errorf("poll %d (err %v): next in %v, want %v", i, r.Err, got, wait)
		}
		clk.t = r.Next
	}
	var se *StatusError
	if !errors.As((*reports)[2].Err, &se) || se.Status != 429 || se.RetryAfter != time.Hour {
		t.Errorf("429 reported as %v, want a StatusError with Retry-After 1h", (*reports)[2].Err)
	}
	if len(c.got) != 1 {
		t.Errorf("%d ingests, want 1 after the failures", len(c.got))
	}
}

func TestWatchSizeLimit(t *testing.T) {
	srv := newNewsServer(t)
	clk := &clock{time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)}
	var reports []Report
	w, err := New([]string{srv.URL + "/big.xml"}, Options{AllowPrivate: true, MaxSize: 50000,
		Now: clk.now, Report: func(r Report) { reports = append(reports, r) }})
	if err != nil {
		t.Fatal(err)
	}
	var c collector
	poll(t, w, &c)
	if len(reports) != 1 || reports[0].Err == nil || !strings.Contains(reports[0].Err.Error(), "limit") {
		t.Errorf("160 kB feed with a 50 kB limit: report %+v, want a size error", reports)
	}
}
