package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestWatchCommand follows a local feed: the first run ingests its items
// (the summary-only one from its page), a second run ingests nothing, and
// a run after an item changed ingests its new version.
func TestWatchCommand(t *testing.T) {
	var version atomic.Int32
	body := func(topic string) string {
		return strings.Repeat("<p>"+topic+" officials said on Monday that the talks on security guarantees would go on in Washington next week.</p>", 8)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		base := "http://" + r.Host
		switch r.URL.Path {
		case "/feed.xml":
			fmt.Fprintf(w, `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Local Wire</title>
<item><title>Talks go on</title><link>%s/a</link><pubDate>Mon, 18 Aug 2025 09:30:00 GMT</pubDate><content:encoded><![CDATA[%s]]></content:encoded></item>
<item><title>Kremlin reacts</title><link>%s/b</link><pubDate>Mon, 18 Aug 2025 10:00:00 GMT</pubDate><description>The Kremlin said no date was set.</description></item>
</channel></rss>`, base, body(fmt.Sprintf("Version %d:", version.Load())), base)
		case "/b":
			fmt.Fprint(w, `<html><head><title>Kremlin reacts</title></head><body><article><h1>Kremlin reacts</h1>`+body("Kremlin")+`</article></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	list := filepath.Join(dir, "feeds.txt")
	os.WriteFile(list, []byte("# test feeds\n"+srv.URL+"/feed.xml\n"), 0o644)
	db := filepath.Join(dir, "s.db")
	now := fixedNow
	watch := func(want string) {
		t.Helper()
		var out, errb bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
			now: func() time.Time { return now }, terminal: func(io.Writer) bool { return false }}
		code := e.run(context.Background(), []string{"--db", db, "watch", "--once", "--allow-private", "--host-delay", "1ms", list})
		if code != 0 || !strings.Contains(errb.String(), want) || want == "" && errb.Len() > 0 {
			t.Errorf("watch at %v: exit %d, stderr %q; want %q", now, code, errb.String(), want)
		}
	}
	watch("2 new, 0 updated, 0 seen")
	if _, err := os.Stat(db + ".watch.json"); err != nil {
		t.Errorf("no state file beside the store: %v", err)
	}
	watch("") // not due: polls nothing
	now = now.Add(time.Hour)
	watch("0 new, 0 updated, 2 seen") // a restarted watch remembers
	version.Add(1)
	now = now.Add(time.Hour)
	watch("0 new, 1 updated, 1 seen")
	r := storyline(t, "", "--db", db, "search", "--format", "json", "Version")
	if got := strings.Count(r.stdout, `"article":`); got != 2 {
		t.Errorf("search for the updated item found %d articles, want both versions:\n%s", got, r.stdout)
	}
	r = storyline(t, "", "--db", db, "search", "--format", "json", "Kremlin")
	if !strings.Contains(r.stdout, "Kremlin reacts") {
		t.Errorf("the summary-only item's page was not stored: %s", r.stdout)
	}
}

// TestWatchOnceFailures runs watch --once over a healthy feed listed after
// hostile ones (a 404, a host that never answers, a host asking for a pause
// of three years): the healthy feed is stored, including an item whose
// link is a file: URL (from its summary), the run ends after about one
// --timeout, and the exit status is 1 with the failed feeds named.
func TestWatchOnceFailures(t *testing.T) {
	release := make(chan struct{})
	hanging := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer hanging.Close()
	defer close(release) // before hanging.Close, which waits for its handlers
	pause := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "100000000")
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer pause.Close()
	text := strings.Repeat("<p>Officials said on Monday that the talks on security guarantees would go on in Washington next week.</p>", 12)
	healthy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintf(w, `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Local Wire</title>
<item><title>Talks go on</title><link>http://%s/a</link><content:encoded><![CDATA[%s]]></content:encoded></item>
<item><title>Local file</title><link>file:///etc/passwd</link><description>The ministry said the file was closed.</description></item>
</channel></rss>`, r.Host, text)
	}))
	defer healthy.Close()

	dir := t.TempDir()
	watch := func(name string, feeds ...string) (code int, stderr string, took time.Duration) {
		t.Helper()
		list := filepath.Join(dir, name+".txt")
		os.WriteFile(list, []byte(strings.Join(feeds, "\n")), 0o644)
		var out, errb bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
			now: func() time.Time { return fixedNow }, terminal: func(io.Writer) bool { return false }}
		start := time.Now()
		code = e.run(context.Background(), []string{"--db", filepath.Join(dir, name+".db"), "watch", "--once",
			"--allow-private", "--host-delay", "1ms", "--timeout", "1s", list})
		return code, errb.String(), time.Since(start)
	}

	failing := []string{healthy.URL + "/gone.xml", hanging.URL + "/feed.xml", pause.URL + "/feed.xml"}
	code, stderr, took := watch("mixed", append(failing, healthy.URL+"/feed.xml")...)
	t.Logf("watch --once took %v:\n%s", took, stderr)
	want := "storyline: watch: 3 of 4 feeds polled failed: " + strings.Join(failing, ", ") + "\n"
	if code != 1 || !strings.HasSuffix(stderr, want) {
		t.Errorf("exit %d, stderr ends %q; want 1, %q", code, stderr[strings.LastIndex(stderr[:len(stderr)-1], "\n")+1:], want)
	}
	if !strings.Contains(stderr, "/feed.xml: 2 new, 0 updated, 0 seen; 1 from their summary") ||
		!strings.Contains(stderr, "file:///etc/passwd: not an http or https URL") {
		t.Errorf("the healthy feed's line does not count its 2 articles and the file: link:\n%s", stderr)
	}
	if !strings.Contains(stderr, "HTTP 503 Service Unavailable; next poll 2026-11-22T16:00:00Z") { // in 6h
		t.Errorf("Retry-After: 100000000 not capped to a next poll within hours:\n%s", stderr)
	}
	if took > 4*time.Second {
		t.Errorf("watch --once took %v, want about one --timeout (1s)", took)
	}
	r := storyline(t, "", "--db", filepath.Join(dir, "mixed.db"), "search", "--format", "json", "ministry")
	if !strings.Contains(r.stdout, "Local file") {
		t.Errorf("the item with a file: link was not stored from its summary: %s", r.stdout)
	}

	code, stderr, _ = watch("failing", failing[0])
	if want := "storyline: watch: 1 of 1 feeds polled failed: " + failing[0] + "\n"; code != 1 || !strings.HasSuffix(stderr, want) {
		t.Errorf("every feed failed: exit %d, stderr %q; want 1, ending %q", code, stderr, want)
	}
}
