package watch

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// A headline-only feed in ISO-8859-1, whose charset only the HTTP header
// gives and whose links are relative: each item is read from its page, the
// Latin-1 text comes out right, and an item whose page has no text is
// counted and named, not stored empty.
func TestHeadlineOnlyLatin1Feed(t *testing.T) {
	feed := `<rss version="2.0"><channel><title>Café Wire</title><link>/</link>` +
		`<item><title>Café owners meet in Zürich</title><link>news/cafe</link><pubDate>Mon, 18 Aug 2025 09:30:00 GMT</pubDate></item>` +
		`<item><title>Gone</title><link>/news/none</link><pubDate>Mon, 18 Aug 2025 10:30:00 GMT</pubDate></item>` +
		`</channel></rss>`
	latin1, err := charmap.ISO8859_1.NewEncoder().String(feed)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml; charset=ISO-8859-1")
			fmt.Fprint(w, latin1)
		case "/news/cafe":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Café owners meet in Zürich</title></head><body><article><h1>Café owners meet in Zürich</h1>`+
				longText("Café owners")+`</article></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	clk := &clock{t: time.Date(2025, 8, 18, 12, 0, 0, 0, time.UTC)}
	w, reports := newTestWatcher(t, []string{srv.URL + "/feed.xml"}, clk, filepath.Join(t.TempDir(), "state.json"))
	var c collector
	poll(t, w, &c)
	got := c.last()
	if len(got) != 1 {
		t.Fatalf("stored %d articles, want the one whose page has text: %+v", len(got), got)
	}
	a := got[0]
	if a.URL != srv.URL+"/news/cafe" {
		t.Errorf("URL = %q, want the relative link resolved against the feed", a.URL)
	}
	if !strings.Contains(a.Title, "Café owners meet in Zürich") || !strings.Contains(a.Text, "Café owners: paragraph 1") {
		t.Errorf("article = %q / %.80q, want the page's text in UTF-8", a.Title, a.Text)
	}
	r := (*reports)[len(*reports)-1]
	if r.Skipped != 1 || r.New != 1 {
		t.Errorf("report: new %d, skipped %d; want 1 and 1", r.New, r.Skipped)
	}
	named := false
	for _, p := range r.Problems {
		named = named || strings.Contains(p.Error(), "/news/none")
	}
	if !named {
		t.Errorf("the item without text is not named: %v", r.Problems)
	}
}
