package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
)

const jsonlBody = `{"id": 1, "url": "https://example.org/a", "title": "Storm floods the harbour town", "outlet": "Example Post", "published": "2025-09-01", "text": "A storm flooded the harbour town of Example on Monday, the mayor said. Boats were lifted onto the quay and the old market hall was under water."}
{"id": 2, "url": "https://example.org/b", "title": "Harbour town counts storm damage", "outlet": "Example Daily", "published": "2025-09-02", "text": "The harbour town of Example counted the damage after a storm flooded its quay. The mayor said the old market hall would reopen within a month."}
`

func TestIngestToken(t *testing.T) {
	body := func() *strings.Reader { return strings.NewReader(jsonlBody) }
	off := newSeeded(t, Options{})
	r := do(t, off, http.MethodPost, "/api/articles", body(), "Authorization", "Bearer "+testToken)
	if r.code != http.StatusForbidden || !strings.Contains(r.body, `"error"`) {
		t.Errorf("write API off: %d %s, want 403 with a JSON error", r.code, r.body)
	}
	on := newSeeded(t, Options{Token: testToken})
	for _, auth := range []string{"", "Bearer", "Bearer ", "Bearer wrong", "Basic " + testToken, "Bearer  " + testToken, "Bearer " + testToken + "x"} {
		r := do(t, on, http.MethodPost, "/api/articles", body(), "Authorization", auth)
		if r.code != http.StatusUnauthorized || r.header.Get("WWW-Authenticate") == "" {
			t.Errorf("Authorization %q: %d (WWW-Authenticate %q), want 401", auth, r.code, r.header.Get("WWW-Authenticate"))
		}
	}
	if got := compact(get(t, on, "/healthz", 200).body); !strings.Contains(got, `"articles":5`) {
		t.Errorf("refused requests stored articles: %s", got)
	}
	// The scheme is case-insensitive.
	if r := do(t, on, http.MethodPost, "/api/articles", body(), "Authorization", "bearer "+testToken); r.code != http.StatusOK {
		t.Errorf(`Authorization "bearer <token>": %d %s, want 200`, r.code, r.body)
	}
}

func TestIngestFormats(t *testing.T) {
	s := newSeeded(t, Options{Token: testToken})
	auth := []string{"Authorization", "Bearer " + testToken}
	// The story list is cached until the store grows: ask for it first.
	var before []dossier.Summary
	decode(t, get(t, s, "/api/stories", 200).body, &before)
	if gz := do(t, s, http.MethodGet, "/api/stories", nil, "Accept-Encoding", "gzip"); gz.header.Get("Content-Encoding") != "gzip" {
		t.Errorf("story list not gzipped: %v", gz.header)
	}
	for _, tc := range []struct {
		name, body string
		read       int
	}{
		{"jsonl", jsonlBody, 2},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Times</title>
<item><title>Bridge reopens after repairs</title><link>https://feed.example/bridge</link><pubDate>Tue, 02 Sep 2025 08:00:00 GMT</pubDate>
<description>The old bridge over the river reopened on Tuesday after two years of repairs, the city council said in a statement.</description></item></channel></rss>`, 1},
		{"html", `<!doctype html><html><head><title>Library opens late</title></head><body><article><h1>Library opens late</h1>
<p>The city library will open until midnight during the exam weeks, its director announced on Wednesday.</p>
<p>Students had asked for longer hours for years, and the council found the money in this year's budget.</p></article></body></html>`, 1},
		{"text", "Ferry service resumes\n\nThe island ferry resumed its service on Thursday after the storm, the operator said. Timetables are back to normal.", 1},
	} {
		r := do(t, s, http.MethodPost, "/api/articles?ref=upload/"+tc.name, strings.NewReader(tc.body), auth...)
		if r.code != 200 {
			t.Fatalf("%s: %d %s", tc.name, r.code, r.body)
		}
		var got dossier.IngestResponse
		decode(t, r.body, &got)
		if got.Read != tc.read || got.Ingested != tc.read || len(got.Articles) != tc.read || len(got.Failed) != 0 {
			t.Errorf("%s: %+v", tc.name, got)
		}
		var a dossier.ArticleResponse
		decode(t, get(t, s, "/api/articles/"+got.Articles[0], 200).body, &a)
		if !strings.HasPrefix(a.Article.SourceRef, "upload/"+tc.name) || a.Story == nil {
			t.Errorf("%s: stored as %q in story %v", tc.name, a.Article.SourceRef, a.Story)
		}
	}
	// The same articles again are duplicates.
	r := do(t, s, http.MethodPost, "/api/articles", strings.NewReader(jsonlBody), auth...)
	var got dossier.IngestResponse
	decode(t, r.body, &got)
	if got.Read != 2 || got.Ingested != 0 || got.Duplicates != 2 {
		t.Errorf("re-posted: %+v", got)
	}
	// New stories show at once, in the API and on the pages.
	var sums []dossier.Summary
	decode(t, get(t, s, "/api/stories", 200).body, &sums)
	if len(sums) < 3 || len(sums) <= len(before) {
		t.Errorf("after ingest: %d stories, %d before", len(sums), len(before))
	}
	if page := get(t, s, "/", 200).body; !strings.Contains(page, "Storm floods the harbour town") {
		t.Error("the story list lacks the new story")
	}
}

func TestIngestBadBodies(t *testing.T) {
	s := newSeeded(t, Options{Token: testToken, MaxBody: 1 << 10})
	auth := []string{"Authorization", "Bearer " + testToken}
	big := strings.Repeat("All work and no play. ", 100)
	for _, tc := range []struct {
		name, target, body string
		code               int
	}{
		{"too large text", "/api/articles", big, http.StatusRequestEntityTooLarge},
		{"too large jsonl", "/api/articles", `{"title": "x", "text": "` + big + `"}` + "\n", http.StatusRequestEntityTooLarge},
		{"binary", "/api/articles", "\x00\x01\x02\x03binary", http.StatusBadRequest},
		{"bad json", "/api/articles", "{not json\n", http.StatusBadRequest},
		{"empty", "/api/articles", "", http.StatusBadRequest},
		{"bad ref", "/api/articles?ref=a%23b", "Some text here.", http.StatusBadRequest},
		{"control ref", "/api/articles?ref=a%0Ab", "Some text here.", http.StatusBadRequest},
	} {
		r := do(t, s, http.MethodPost, tc.target, strings.NewReader(tc.body), auth...)
		var e dossier.Error
		decode(t, r.body, &e)
		if r.code != tc.code || e.Error == "" {
			t.Errorf("%s: %d %q, want %d", tc.name, r.code, e.Error, tc.code)
		}
	}
	// A small gzip body that inflates past 8 times the limit: refused
	// without reading it all, nothing stored.
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	line := []byte(`{"title": "Bomb", "text": "` + strings.Repeat("boom ", 150) + `"}` + "\n")
	for range 40 {
		zw.Write(line)
	}
	zw.Close()
	if bomb.Len() > 1<<10 {
		t.Fatalf("the gzip bomb is %d bytes, over the body limit", bomb.Len())
	}
	stories := func() int {
		var list []dossier.Summary
		decode(t, get(t, s, "/api/stories", http.StatusOK).body, &list)
		return len(list)
	}
	before := stories()
	r := do(t, s, http.MethodPost, "/api/articles", bytes.NewReader(bomb.Bytes()), auth...)
	if r.code != http.StatusRequestEntityTooLarge {
		t.Errorf("gzip bomb: %d %s, want 413", r.code, r.body)
	}
	if after := stories(); after != before {
		t.Errorf("gzip bomb: %d stories after, %d before", after, before)
	}

	// A body with good and bad lines stores the good ones and names the bad.
	mixed := "{bad\n" + strings.SplitAfter(jsonlBody, "\n")[0]
	r = do(t, s, http.MethodPost, "/api/articles", bytes.NewReader([]byte(mixed)), auth...)
	var got dossier.IngestResponse
	decode(t, r.body, &got)
	if r.code != 200 || got.Ingested != 1 || len(got.Failed) != 1 || got.Failed[0].Ref != "api" {
		t.Errorf("mixed body: %d %+v", r.code, got)
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// TestIngestSizeFirst posts a body of tiny JSON Lines records over the
// limit: with a Content-Length, it is refused unread; without one, it is
// read up to the limit and refused before a record is parsed. (They used
// to be parsed up to the limit first: 14 s for this body, 46 s with -race.)
func TestIngestSizeFirst(t *testing.T) {
	const limit = 1 << 20
	s := newSeeded(t, Options{Token: testToken, MaxBody: limit})
	tiny := `{"title": "T", "text": "Tiny."}` + "\n"
	body := strings.Repeat(tiny, limit/len(tiny)+1000)
	for _, known := range []bool{true, false} {
		cr := &countingReader{r: strings.NewReader(body)}
		req := httptest.NewRequest(http.MethodPost, "/api/articles", cr)
		req.Header.Set("Authorization", "Bearer "+testToken)
		req.ContentLength = -1 // chunked: unknown length
		if known {
			req.ContentLength = int64(len(body))
		}
		rec := httptest.NewRecorder()
		start := time.Now()
		s.ServeHTTP(rec, req)
		took := time.Since(start)
		t.Logf("Content-Length known %v: %d after %v, %d bytes read", known, rec.Code, took, cr.n)
		if rec.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("Content-Length known %v: %d %s, want 413", known, rec.Code, rec.Body)
		}
		if known && cr.n != 0 {
			t.Errorf("Content-Length over the limit: %d bytes read, want none", cr.n)
		}
		if !known && (cr.n > limit+64<<10 || took > time.Second) {
			t.Errorf("unknown length: %d bytes read in %v, want the limit (%d) read at once", cr.n, took, limit)
		}
	}
}
