package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/dossier"
)

func TestAPIStories(t *testing.T) {
	s := newSeeded(t, Options{})
	var sums []dossier.Summary
	decode(t, get(t, s, "/api/stories", 200).body, &sums)
	if len(sums) != 1 || sums[0].Articles != 5 || sums[0].Headline == "" {
		t.Fatalf("summaries = %+v, want one story of 5 articles", sums)
	}
	var d dossier.Dossier
	decode(t, get(t, s, "/api/stories?full=1", 200).body, &d)
	if d.Schema != dossier.Schema || d.GeneratedAt != "2026-11-22T10:00:00Z" {
		t.Errorf("dossier header = %q, %q", d.Schema, d.GeneratedAt)
	}
	if len(d.Stories) != 1 || len(d.Stories[0].Articles) != 5 || d.Stories[0].ID != sums[0].ID {
		t.Fatalf("full dossier stories = %+v", d.Stories)
	}
	for _, tc := range []struct {
		query string
		want  int // stories
	}{
		{"from=2025-08-19", 1},
		{"from=2025-08-20", 0},
		{"to=2025-08-17", 1},
		{"to=2025-08-16", 0},
		{"from=2025-08-01&to=2025-08-31", 1},
		{"limit=0", 1},
		{"offset=1", 0},
		{"entity=e-0123456789abcdef", 0},
	} {
		var got []dossier.Summary
		decode(t, get(t, s, "/api/stories?"+tc.query, 200).body, &got)
		if len(got) != tc.want {
			t.Errorf("GET /api/stories?%s: %d stories, want %d", tc.query, len(got), tc.want)
		}
	}
}

func TestAPIStoriesBadQuery(t *testing.T) {
	s := newSeeded(t, Options{})
	for _, q := range []string{"full=yes", "limit=-1", "limit=x", "offset=-3", "from=yesterday",
		"to=2025-13-01", "entity=../../etc", "entity=E-0123456789ABCDEF"} {
		r := get(t, s, "/api/stories?"+q, http.StatusBadRequest)
		var e dossier.Error
		decode(t, r.body, &e)
		if !strings.HasPrefix(e.Error, "bad request: ") {
			t.Errorf("GET /api/stories?%s: error %q", q, e.Error)
		}
	}
}

func TestAPIStory(t *testing.T) {
	s := newSeeded(t, Options{})
	st := seedStory(t, s)
	if len(st.Articles) != 5 || st.Headline == "" {
		t.Errorf("story = %+v", st)
	}
	for _, a := range st.Articles {
		if !validID(a.ID, articlePrefix) {
			t.Errorf("article ID %q", a.ID)
		}
	}
	r := get(t, s, "/api/stories/s-0123456789abcdef", http.StatusNotFound)
	if want := `{"error":"not found: story s-0123456789abcdef"}`; compact(r.body) != want {
		t.Errorf("404 body = %s, want %s", r.body, want)
	}
}

func TestBadIDs(t *testing.T) {
	s := newSeeded(t, Options{})
	for _, id := range []string{"s-123", "S-0123456789ABCDEF", "s-0123456789abcdeg", "s-0123456789abcdef0",
		"a-0123456789abcdef", "..%2F..%2Fetc%2Fpasswd", "s-0123456789abcde%00", "%27%20OR%201%3D1"} {
		for _, p := range []string{"/api/stories/", "/api/entities/", "/stories/", "/entities/"} {
			r := do(t, s, http.MethodGet, p+id, nil)
			if r.code != http.StatusBadRequest {
				t.Errorf("GET %s%s = %d, want 400", p, id, r.code)
			}
		}
	}
	for _, p := range []string{"/api/articles/s-0123456789abcdef", "/articles/e-0123456789abcdef", "/api/articles/x"} {
		get(t, s, p, http.StatusBadRequest)
	}
	// Paths that clean to another route never reach a handler with a dot
	// segment: the mux redirects them.
	if r := do(t, s, http.MethodGet, "/api/stories/../healthz", nil); r.code/100 != 3 || r.header.Get("Location") != "/api/healthz" {
		t.Errorf("dot segments: %d to %q, want a redirect to /api/healthz", r.code, r.header.Get("Location"))
	}
}

func TestAPIArticle(t *testing.T) {
	s := newSeeded(t, Options{})
	st := seedStory(t, s)
	for _, a := range st.Articles {
		var got dossier.ArticleResponse
		decode(t, get(t, s, "/api/articles/"+a.ID, 200).body, &got)
		if diff := cmp.Diff(a, got.Article); diff != "" {
			t.Errorf("article %s (-story +api):\n%s", a.ID, diff)
		}
		if got.Story == nil || *got.Story != st.ID {
			t.Errorf("article %s: story %v, want %s", a.ID, got.Story, st.ID)
		}
		if got.Annotation.ID != a.ID || got.Annotation.Text == "" || got.Annotation.Mentions == nil {
			t.Errorf("article %s: annotation %+v", a.ID, got.Annotation)
		}
	}
	get(t, s, "/api/articles/a-0123456789abcdef", http.StatusNotFound)
}

func TestAPIEntity(t *testing.T) {
	s := newSeeded(t, Options{})
	// Until the stages find entities there are none to serve.
	get(t, s, "/api/entities/e-00000000000000aa", http.StatusNotFound)

	s = newSeeded(t, Options{}, rich(nil))
	st := seedStory(t, s)
	// The story's own ID for the entity finds the archive entity, which is
	// also the one the tagger found as "Volodymyr Zelenskyy": one person,
	// one entity, its mentions and quotes summed.
	var got dossier.EntityPage
	decode(t, get(t, s, "/api/entities/e-00000000000000aa", 200).body, &got)
	e := got.Entity
	var tagged dossier.Entity
	for _, x := range st.Entities {
		if x.Name == "Volodymyr Zelenskyy" {
			tagged = x
		}
	}
	quotes := 0
	for _, q := range st.Quotes {
		if q.SpeakerEntity != nil && (*q.SpeakerEntity == tagged.ID || *q.SpeakerEntity == "e-00000000000000aa") {
			quotes++
		}
	}
	if tagged.ID == "" || e.Name != tagged.Name || e.Mentions != tagged.Mentions+7 || e.Stories != 1 || e.Quotes != quotes {
		t.Errorf("entity = %+v, want %s with %d mentions and %d quotes", e.EntitySummary, tagged.Name, tagged.Mentions+7, quotes)
	}
	for _, alias := range []string{"Zelenskiy", "Zelenskyy", "Volodymyr Zelensky"} {
		if !slices.ContainsFunc(e.Aliases, func(a dossier.Alias) bool { return a.Name == alias }) {
			t.Errorf("entity aliases %+v lack %q", e.Aliases, alias)
		}
	}
	if !slices.ContainsFunc(e.Roles, func(r dossier.Role) bool { return r.Role == "Ukrainian President" && r.First != nil }) {
		t.Errorf("entity roles = %+v", e.Roles)
	}
	if len(e.Days) == 0 {
		t.Errorf("entity has no mentions by day")
	}
	if got.Stories.Total != 1 || len(got.Stories.Items) != 1 || got.Stories.Items[0].ID != st.ID ||
		got.Stories.Items[0].Entity != tagged.ID || got.Stories.Next != nil {
		t.Errorf("entity stories = %+v", got.Stories)
	}
	if got.Quotes.Total != quotes || len(got.Quotes.Items) != quotes || got.Quotes.Items[0].Story != st.ID {
		t.Errorf("entity quotes = %+v, want the %d attributed ones", got.Quotes, quotes)
	}
	texts := map[string]bool{}
	for _, q := range got.Quotes.Items {
		texts[q.Text] = true
	}
	if !texts["We are ready for peace."] || !texts["guarantees would follow"] || texts["Nobody knows."] {
		t.Errorf("entity quotes lack the added ones or hold an unattributed one: %v", texts)
	}
	// Its archive ID finds the same, a quote per page.
	var first dossier.EntityPage
	decode(t, get(t, s, "/api/entities/"+e.ID+"?quotes_limit=1", 200).body, &first)
	if first.Entity.ID != e.ID || len(first.Quotes.Items) != 1 || first.Quotes.Next == nil {
		t.Fatalf("first page of quotes = %+v", first.Quotes)
	}
	var second dossier.EntityPage
	decode(t, get(t, s, "/api/entities/"+e.ID+"?quotes_limit=1&quotes_cursor="+*first.Quotes.Next, 200).body, &second)
	if len(second.Quotes.Items) != 1 || (second.Quotes.Next == nil) != (quotes == 2) || second.Quotes.Items[0] == first.Quotes.Items[0] {
		t.Errorf("second page of quotes = %+v", second.Quotes)
	}
	get(t, s, "/api/entities/"+e.ID+"?quotes_cursor=bogus", http.StatusBadRequest)
	var list dossier.EntityList
	decode(t, get(t, s, "/api/entities?type=person", 200).body, &list)
	if list.Total == 0 || !slices.ContainsFunc(list.Entities, func(x dossier.EntitySummary) bool { return x.ID == e.ID }) {
		t.Errorf("entity list = %+v, want %s in it", list, e.ID)
	}
	get(t, s, "/api/entities?type=planet", http.StatusBadRequest)
	var sums []dossier.Summary
	decode(t, get(t, s, "/api/stories?entity=e-00000000000000aa", 200).body, &sums)
	if len(sums) != 1 {
		t.Errorf("stories naming the entity: %d, want 1", len(sums))
	}
	get(t, s, "/api/entities/e-00000000000000ab", http.StatusNotFound)
}

func TestAPISearch(t *testing.T) {
	s := newSeeded(t, Options{})
	st := seedStory(t, s)
	var hits []dossier.Hit
	decode(t, get(t, s, "/api/search?q="+url.QueryEscape(`"security guarantees"`), 200).body, &hits)
	if len(hits) == 0 {
		t.Fatal("no hits for a phrase every seed has")
	}
	for _, h := range hits {
		if h.Story == nil || *h.Story != st.ID || !strings.Contains(h.Snippet, "«") {
			t.Errorf("hit %+v", h)
		}
	}
	decode(t, get(t, s, "/api/search?q=Zelensky&limit=2", 200).body, &hits)
	if len(hits) != 2 {
		t.Errorf("limit=2 gave %d hits", len(hits))
	}
	decode(t, get(t, s, "/api/search?q=%3Cscript%3E%20OR%20%27", 200).body, &hits)
	get(t, s, "/api/search", http.StatusBadRequest)
	get(t, s, "/api/search?q=%20", http.StatusBadRequest)
	get(t, s, "/api/search?q=x&limit=many", http.StatusBadRequest)
}

func TestUnmatched(t *testing.T) {
	s := newSeeded(t, Options{})
	for _, tc := range []struct {
		method, target string
		code           int
		allow, ctype   string
	}{
		{"GET", "/api/nothing", 404, "", "application/json"},
		{"GET", "/nothing", 404, "", "text/html"},
		{"DELETE", "/api/stories", 405, "GET", "application/json"},
		{"POST", "/api/stories", 405, "GET", "application/json"},
		{"GET", "/api/articles", 405, "POST", "application/json"},
		{"PUT", "/stories/s-0123456789abcdef", 405, "GET", "text/html"},
	} {
		r := do(t, s, tc.method, tc.target, nil)
		if r.code != tc.code || r.header.Get("Allow") != tc.allow || !strings.HasPrefix(r.header.Get("Content-Type"), tc.ctype) {
			t.Errorf("%s %s = %d, Allow %q, %s; want %d, %q, %s", tc.method, tc.target, r.code,
				r.header.Get("Allow"), r.header.Get("Content-Type"), tc.code, tc.allow, tc.ctype)
		}
	}
}

func TestHealthz(t *testing.T) {
	s := newSeeded(t, Options{})
	if got := compact(get(t, s, "/healthz", 200).body); got != `{"status":"ok","articles":5,"stories":1}` {
		t.Errorf("healthz = %s", got)
	}
}

func TestTimeout(t *testing.T) {
	s := newSeeded(t, Options{RequestTimeout: 1})
	for _, p := range []string{"/api/stories", "/stories/s-0123456789abcdef", "/healthz"} {
		r := do(t, s, http.MethodGet, p, nil)
		if r.code != http.StatusServiceUnavailable {
			t.Errorf("GET %s with an expired deadline = %d, want 503", p, r.code)
		}
	}
}

// compact removes the JSON encoder's indentation.
func compact(s string) string {
	var b strings.Builder
	inString := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' && (i == 0 || s[i-1] != '\\'):
			inString = !inString
		case !inString && (c == ' ' || c == '\n'):
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
