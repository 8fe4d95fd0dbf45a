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
