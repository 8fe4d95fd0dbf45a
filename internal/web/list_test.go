package web

import (
	"bufio"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/dossier"
)

// The story list pages by cursor with a total, and ?since= keeps the
// stories that changed after a time; the export streams them whole.
func TestAPIStoryCursorSinceExport(t *testing.T) {
	s := newSeeded(t, Options{Token: testToken})
	before := time.Now().Add(-time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	more := `{"url": "https://example.org/c", "title": "Parliament passes the budget", "outlet": "Example Post", "published": "2025-10-01", "text": "Parliament passed the budget on Tuesday after a night of debate, the speaker said. The opposition voted against it."}` + "\n"
	r := do(t, s, http.MethodPost, "/api/articles", strings.NewReader(jsonlBody+more), "Authorization", "Bearer "+testToken)
	if r.code != http.StatusOK {
		t.Fatalf("ingest: %d %s", r.code, r.body)
	}
	var all []dossier.Summary
	resp := get(t, s, "/api/stories", 200)
	decode(t, resp.body, &all)
	if n, _ := strconv.Atoi(resp.header.Get("X-Total-Count")); n != len(all) || len(all) < 3 {
		t.Fatalf("X-Total-Count %q for %d stories", resp.header.Get("X-Total-Count"), len(all))
	}
	if resp.header.Get("Link") != "" {
		t.Errorf("a whole list links a next page: %s", resp.header.Get("Link"))
	}
	// One story per page, following the links, gives the whole list.
	var paged []string
	next := "/api/stories?limit=1"
	for range len(all) + 1 {
		resp := get(t, s, next, 200)
		var page []dossier.Summary
		decode(t, resp.body, &page)
		for _, p := range page {
			paged = append(paged, p.ID)
		}
		link := resp.header.Get("Link")
		if link == "" {
			break
		}
		u, ok := strings.CutPrefix(strings.TrimSuffix(link, `>; rel="next"`), "<")
		if !ok {
			t.Fatalf("Link header %q", link)
		}
		next = u
	}
	var want []string
	for _, a := range all {
		want = append(want, a.ID)
	}
	if strings.Join(paged, " ") != strings.Join(want, " ") {
		t.Errorf("pages by cursor: %v, want %v", paged, want)
	}
	get(t, s, "/api/stories?cursor=bogus", http.StatusBadRequest)
	get(t, s, "/api/stories?since=yesterday", http.StatusBadRequest)

	// Since the time before the ingest: the stories it made, not the seed.
	var changed []dossier.Summary
	resp = get(t, s, "/api/stories?since="+url.QueryEscape(before.UTC().Format(time.RFC3339Nano)), 200)
	decode(t, resp.body, &changed)
	if len(changed) != len(all)-1 {
		t.Errorf("since before the ingest: %d stories, want %d", len(changed), len(all)-1)
	}
	for _, c := range changed {
		if c.Updated == nil || c.Headline == "" {
			t.Errorf("changed story %+v has no update time", c)
		}
		if strings.Contains(c.Headline, "Ukraine") {
			t.Errorf("the seed story, unchanged, is listed as changed: %s", c.Headline)
		}
	}

	// The export streams the same stories whole, one per line.
	resp = get(t, s, "/api/export?since="+url.QueryEscape(before.UTC().Format(time.RFC3339Nano)), 200)
	if ct := resp.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/x-ndjson") {
		t.Errorf("export Content-Type %q", ct)
	}
	sc := bufio.NewScanner(strings.NewReader(resp.body))
	sc.Buffer(nil, 1<<24)
	lines := 0
	for sc.Scan() {
		var st dossier.Story
		decode(t, sc.Text(), &st)
		if st.ID != changed[lines].ID || len(st.Articles) != changed[lines].Articles {
			t.Errorf("export line %d: story %s with %d articles, want %s", lines, st.ID, len(st.Articles), changed[lines].ID)
		}
		lines++
	}
	if n, _ := strconv.Atoi(resp.header.Get("X-Total-Count")); lines != len(changed) || n != lines {
		t.Errorf("export: %d lines, X-Total-Count %q, want %d", lines, resp.header.Get("X-Total-Count"), len(changed))
	}
}
