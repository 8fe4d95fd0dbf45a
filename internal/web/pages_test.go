package web

import (
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/story"
)

func TestStoriesPage(t *testing.T) {
	s := newSeeded(t, Options{})
	st := seedStory(t, s)
	body := get(t, s, "/", 200).body
	for _, want := range []string{`href="/stories/` + st.ID + `"`, st.Headline, "17–19 Aug 2025", "5 articles", `name="from"`} {
		if !strings.Contains(body, want) {
			t.Errorf("story list lacks %q", want)
		}
	}
	for _, tc := range []struct {
		query, want string
	}{
		{"from=2025-08-20", "No story matches these filters."},
		{"page=2", `Page 2 is past the end of the list: it has 1 page. <a href="/">Back to the first page</a>`},
		{"q=" + url.QueryEscape(`"security guarantees"`), `<mark class="hit">security guarantees</mark>`},
		{"q=nothingmatchesthis", "No article matches."},
	} {
		if body := get(t, s, "/?"+tc.query, 200).body; !strings.Contains(body, tc.want) {
			t.Errorf("/?%s lacks %q", tc.query, tc.want)
		}
	}
	r := get(t, s, "/?from=tomorrow", http.StatusBadRequest)
	if !strings.Contains(r.body, "from must be a date") || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Errorf("bad filter page: %s", r.body)
	}
}

func TestStoryPage(t *testing.T) {
	for _, tc := range []struct {
		name    string
		convert func(story.Story) dossier.Story
		want    []string
	}{
		{"as the stages find it", dossier.FromStory, []string{`<svg class="timeline-svg"`, `class="published"`,
			`id="quotes"`, `id="entities"`, `id="divergences"`}},
		{"everything", rich(nil), []string{`<svg class="timeline-svg"`,
			`class="event reported"`, `class="event expected"`, `class="period"`, `id="event-3"`, "Summit in Alaska",
			`href="/entities/e-00000000000000aa"`, "Zelenskiy, Zelenskyy", "Ukrainian President",
			"We are ready for peace.", "Speaker not identified", "reported speech",
			"when Putin and Zelensky will meet", "within two weeks"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSeeded(t, Options{}, tc.convert)
			st := seedStory(t, s)
			body := get(t, s, "/stories/"+st.ID, 200).body
			want := append([]string{st.Headline}, tc.want...)
			for _, a := range st.Articles {
				want = append(want, a.SourceRef, `href="/articles/`+a.ID+`?story=`+st.ID+`"`)
			}
			for _, r := range st.Reuse {
				if len(r.Passages) > 0 {
					want = append(want, `class="shared origin rel-`, `class="shared copy rel-`)
				}
			}
			for _, w := range want {
				if !strings.Contains(body, w) {
					t.Errorf("story page lacks %q", w)
				}
			}
			get(t, s, "/stories/s-0123456789abcdef", http.StatusNotFound)
		})
	}
}

func TestArticlePage(t *testing.T) {
	ent := "e-00000000000000aa"
	annotate := func(a article.Article) dossier.Annotation {
		an := dossier.NewAnnotation(a)
		an.Mentions = append(an.Mentions, dossier.Mention{Start: 0, End: 3, Text: "x", Type: "person", Entity: &ent})
		an.Entities = append(an.Entities, dossier.AnnotationEntity{ID: ent, Name: "Someone", Type: "person"})
		an.Quotes = append(an.Quotes, dossier.AnnotationQuote{Start: 5, End: 20, Text: "quoted", Direct: true})
		an.Timexes = append(an.Timexes, dossier.Timex{Start: 10, End: 30, Text: "on Monday", Type: "DATE", Value: "2025-08-18"})
		return an
	}
	s := newSeeded(t, Options{Annotate: annotate})
	st := seedStory(t, s)
	for _, a := range st.Articles {
		body := get(t, s, "/articles/"+a.ID, 200).body
		for _, w := range []string{a.SourceRef, `href="/stories/` + st.ID + `"`, `<a class="mention type-person" href="/entities/` + ent + `"`,
			`class="quote direct`, `class="quote direct timex"`, `title="DATE 2025-08-18"`, "Someone"} {
			if !strings.Contains(body, w) {
				t.Errorf("article %s lacks %q", a.ID, w)
			}
		}
	}
	for _, r := range st.Reuse {
		if r.Relation != "revision" {
			continue
		}
		for _, id := range []string{r.A, r.B} {
			body := get(t, s, "/articles/"+id+"?story="+st.ID, 200).body
			if !strings.Contains(body, `<table class="diff reflow">`) || !strings.Contains(body, "Revision:") {
				t.Errorf("article %s of a revision lacks the diff", id)
			}
		}
	}
	// A wrong story hint is not trusted.
	body := get(t, s, "/articles/"+st.Articles[0].ID+"?story=s-0123456789abcdef", 200).body
	if !strings.Contains(body, `href="/stories/`+st.ID+`"`) {
		t.Error("a wrong story hint hid the article's story")
	}
	get(t, s, "/articles/a-0123456789abcdef", http.StatusNotFound)
}

func TestEntityPage(t *testing.T) {
	s := newSeeded(t, Options{}, rich(nil))
	st := seedStory(t, s)
	body := get(t, s, "/entities/e-00000000000000aa", 200).body
	for _, w := range []string{"Volodymyr Zelenskyy", "Volodymyr Zelensky,", "Zelenskiy", "Ukrainian President",
		`href="/stories/` + st.ID + `"`, "We are ready for peace.", "guarantees would follow"} {
		if !strings.Contains(body, w) {
			t.Errorf("entity page lacks %q", w)
		}
	}
	if strings.Contains(body, "Nobody knows.") {
		t.Error("entity page shows an unattributed quote")
	}
	list := get(t, s, "/?entity=e-00000000000000aa", 200).body
	if !strings.Contains(list, st.Headline) || !strings.Contains(list, "Stories naming <strong>Volodymyr Zelenskyy</strong>") {
		t.Error("the story list filtered by entity lacks the story")
	}
	get(t, s, "/entities/e-00000000000000ab", http.StatusNotFound)
}

func TestStatic(t *testing.T) {
	s := newSeeded(t, Options{})
	r := get(t, s, "/static/style.css", 200)
	if !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") || r.header.Get("Cache-Control") == "" {
		t.Errorf("style.css headers: %v", r.header)
	}
	get(t, s, "/static/icon.svg", 200)
	for _, p := range []string{"/static/nope.css", "/static/..%2Ftemplates%2Flayout.html", "/static/%2e%2e"} {
		if r := do(t, s, http.MethodGet, p, nil); r.code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, r.code)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	s := newSeeded(t, Options{})
	st := seedStory(t, s)
	for _, p := range []string{"/", "/stories/" + st.ID, "/articles/" + st.Articles[0].ID, "/api/stories",
		"/static/style.css", "/nothing", "/api/nothing", "/metrics", "/healthz", "/stories/bad"} {
		r := do(t, s, http.MethodGet, p, nil)
		h := r.header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") ||
			!strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: CSP %q", p, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", p, h)
		}
	}
}

// TestBigStory checks that a story with more articles than fit side by side
// shows the first ones in columns and lists the others.
func TestBigStory(t *testing.T) {
	s := newSeeded(t, Options{Token: testToken})
	var b strings.Builder
	for i := range maxColumns + 4 {
		fmt.Fprintf(&b, `{"title": "Harbour town floods, report %d", "outlet": "Outlet %d", "published": "2025-09-%02d", "text": "A storm flooded the harbour town of Example on Monday, the mayor said. Boats were lifted onto the quay and the old market hall was under water. Report number %d."}`+"\n", i, i, 1+i%5, i)
	}
	r := do(t, s, http.MethodPost, "/api/articles", strings.NewReader(b.String()), "Authorization", "Bearer "+testToken)
	if r.code != 200 {
		t.Fatal(r.body)
	}
	var sums []dossier.Summary
	decode(t, get(t, s, "/api/stories", 200).body, &sums)
	if sums[0].Articles != maxColumns+4 {
		t.Fatalf("the flood reports make stories %+v, want one of %d", sums, maxColumns+4)
	}
	page := get(t, s, "/stories/"+sums[0].ID, 200).body
	if n := strings.Count(page, `<article class="column"`); n != maxColumns {
		t.Errorf("%d columns, want %d", n, maxColumns)
	}
	if !strings.Contains(page, "4 more articles") || !strings.Contains(page, fmt.Sprintf(`<tr id="art-%d">`, maxColumns+4)) {
		t.Error("the articles beyond the columns are not listed")
	}
	if !strings.Contains(page, "3 articles</text>") {
		t.Error("the timeline does not group articles published on one day")
	}
	full := get(t, s, "/stories/"+sums[0].ID+"?full=1", 200).body
	if !strings.Contains(full, `<a href="/stories/`+sums[0].ID+`">Summary</a>`) {
		t.Error("the full page does not link back to the summary")
	}
	if strings.Contains(page, ">Summary</a>") {
		t.Error("the summary links to itself")
	}
}

// TestGzip checks that every page and API response goes out gzipped to a
// client that takes it, and plain to one that does not.
func TestGzip(t *testing.T) {
	s := newSeeded(t, Options{}, rich(nil))
	st := seedStory(t, s)
	for _, p := range []string{"/stories/" + st.ID, "/api/stories/" + st.ID, "/", "/?page=2",
		"/?q=" + url.QueryEscape("security guarantees"), "/articles/" + st.Articles[0].ID,
		"/entities/e-00000000000000aa", "/nothing", "/stories/s-0123456789abcdef", "/api/stories",
		"/api/stories?full=1", "/api/articles/" + st.Articles[0].ID, "/api/entities", "/api/entities/e-00000000000000aa",
		"/api/search?q=guarantees", "/api/openapi.json", "/api/nothing", "/static/style.css", "/metrics"} {
		plain := do(t, s, http.MethodGet, p, nil)
		r := do(t, s, http.MethodGet, p, nil, "Accept-Encoding", "br, gzip;q=0.8")
		if r.code != plain.code {
			t.Errorf("%s: %d gzipped, %d plain", p, r.code, plain.code)
		}
		if r.header.Get("Content-Encoding") != "gzip" || !strings.Contains(r.header.Get("Vary"), "Accept-Encoding") {
			t.Fatalf("%s: headers %v", p, r.header)
		}
		zr, err := gzip.NewReader(strings.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		unzipped, _ := io.ReadAll(zr)
		if p != "/metrics" && string(unzipped) != plain.body { // the metrics count the requests
			t.Errorf("%s: gzipped body differs from the plain one", p)
		}
		if r := do(t, s, http.MethodGet, p, nil, "Accept-Encoding", "gzip;q=0"); r.header.Get("Content-Encoding") != "" {
			t.Errorf("%s: gzip sent to a client that refuses it", p)
		}
	}
}
