package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/dossier"
)

func TestSafeSourceRef(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"examples/ukraine-talks/ap.txt", "examples/ukraine-talks/ap.txt"},
		{"news/2025/feed.jsonl#3", "news/2025/feed.jsonl#3"},
		{"/home/alice/private/news/feed.jsonl#3", "feed.jsonl#3"},
		{"/srv/data/a.html", "a.html"},
		{`C:\Users\alice\news\a.html`, "a.html"},
		{`\\server\share\a.html#2`, "a.html#2"},
		{"file:///srv/data/a.warc.gz#rec-1", "a.warc.gz#rec-1"},
		{"../../etc/news.jsonl#1", "news.jsonl#1"},
		{"~/news.jsonl", "news.jsonl"},
		{"-#4", "-#4"},
		{"api#2", "api#2"},
		{"https://news.example.com/feed.xml#item-9", "https://news.example.com/feed.xml#item-9"},
		{"https://user:secret@news.example.com/feed.xml", "https://news.example.com/feed.xml"},
	} {
		if got := safeSourceRef(tc.in); got != tc.want {
			t.Errorf("safeSourceRef(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNoServerPaths ingests an article read from an absolute path and
// checks that neither its pages nor the API show that path.
func TestNoServerPaths(t *testing.T) {
	s := newSeeded(t, Options{Token: testToken})
	body := `{"title": "Harbour town floods", "outlet": "Example Post", "url": "https://www.example.com/floods", "published": "2025-09-01", "text": "A storm flooded the harbour town of Example on Monday, the mayor said."}`
	r := do(t, s, http.MethodPost, "/api/articles?ref=/srv/secret/inbox/feed.jsonl", strings.NewReader(body), "Authorization", "Bearer "+testToken)
	if r.code != 200 {
		t.Fatal(r.body)
	}
	var hits []dossier.Hit
	decode(t, get(t, s, "/api/search?q=harbour", 200).body, &hits)
	if len(hits) != 1 || hits[0].Story == nil {
		t.Fatalf("hits %+v", hits)
	}
	id, story := hits[0].Article, *hits[0].Story
	for _, p := range []string{"/articles/" + id, "/stories/" + story, "/api/articles/" + id, "/api/stories/" + story, "/api/stories?full=1"} {
		b := get(t, s, p, 200).body
		if strings.Contains(b, "/srv/secret") {
			t.Errorf("%s shows the server path", p)
		}
		if !strings.Contains(b, "feed.jsonl") {
			t.Errorf("%s does not name the file", p)
		}
	}
	page := get(t, s, "/articles/"+id, 200).body
	for _, w := range []string{`<a href="https://www.example.com/floods" rel="noopener noreferrer nofollow">Read it at example.com</a>`, "Example Post"} {
		if !strings.Contains(page, w) {
			t.Errorf("article page lacks %q", w)
		}
	}
}
