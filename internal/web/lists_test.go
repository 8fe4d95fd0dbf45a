package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/dossier"
)

// newListServer returns a seeded server with two more stories: a big one
// from twelve outlets and one article from the Village Gazette.
func newListServer(t *testing.T) (*Server, []dossier.Summary) {
	s := newSeeded(t, Options{Token: testToken})
	var b strings.Builder
	for i := range 12 {
		fmt.Fprintf(&b, `{"title": "Harbour town floods, report %d", "outlet": "Outlet %d", "published": "2025-09-%02d", "text": "A storm flooded the harbour town of Example on Monday, the mayor said. Boats were lifted onto the quay and the old market hall was under water. Report number %d."}`+"\n", i, i, 1+i%5, i)
	}
	b.WriteString(`{"title": "Chess club elects its new chair", "outlet": "Village Gazette", "url": "https://www.gazette.example/chess", "published": "2025-10-02", "text": "The chess club of Upper Example elected a new chair on Tuesday after a long vote in the parish hall."}` + "\n")
	if r := do(t, s, http.MethodPost, "/api/articles", strings.NewReader(b.String()), "Authorization", "Bearer "+testToken); r.code != 200 {
		t.Fatal(r.body)
	}
	var sums []dossier.Summary
	decode(t, get(t, s, "/api/stories", 200).body, &sums)
	if len(sums) != 3 {
		t.Fatalf("%d stories, want 3", len(sums))
	}
	return s, sums
}

func TestStoryListFilters(t *testing.T) {
	s, sums := newListServer(t)
	for _, tc := range []struct {
		query string
		want  []string
		not   []string
	}{
		{"", []string{`<option value="Village Gazette">Village Gazette (1)</option>`, "Chess club elects", "Village Gazette</span>", "Outlet 0, Outlet 1"},
			[]string{"stories match", "story matches"}},
		{"outlet=Village+Gazette", []string{"1 story matches with an article from Village Gazette.", "Chess club elects",
			`<option value="Village Gazette" selected>`}, []string{"Harbour town floods"}},
		{"outlet=Nobody", []string{"0 stories match", "No story matches these filters."}, nil},
		{"sort=articles", []string{`<option value="articles" selected>`}, nil},
		{"from=2025-09-01&to=2025-09-30", []string{"1 story matches.", "Harbour town floods"}, []string{"Chess club"}},
		{"outlet=Nobody&page=3", []string{"Page 3 is past the end of the list: no story matches."}, nil},
	} {
		body := get(t, s, "/?"+tc.query, 200).body
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("/?%s lacks %q", tc.query, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(body, w) {
				t.Errorf("/?%s has %q", tc.query, w)
			}
		}
	}
	// Most articles first: the floods (12), the seeds (5), the chess club.
	var seeds string
	for _, sum := range sums {
		if sum.Articles == 5 {
			seeds = sum.Headline
		}
	}
	body := get(t, s, "/?sort=articles", 200).body
	if a, b, c := strings.Index(body, "Harbour town floods"), strings.Index(body, seeds), strings.Index(body, "Chess club"); seeds == "" || !(a < b && b < c) {
		t.Errorf("sort=articles: positions %d, %d, %d of %q", a, b, c, seeds)
	}
	var got []dossier.Summary
	decode(t, get(t, s, "/api/stories?sort=articles&outlet="+url.QueryEscape("Outlet 3"), 200).body, &got)
	if len(got) != 1 || got[0].Articles != 12 {
		t.Errorf("API outlet filter: %+v", got)
	}
	get(t, s, "/api/stories?sort=oldest", http.StatusBadRequest)
}

func TestSearchPaging(t *testing.T) {
	s, _ := newListServer(t)
	body := get(t, s, "/?q=harbour", 200).body
	for _, w := range []string{"Articles 1–12", `<time datetime="2025-09-0`, "Outlet ", "In the story <a href=\"/stories/s-", "12 articles"} {
		if !strings.Contains(body, w) {
			t.Errorf("search page lacks %q", w)
		}
	}
	if body := get(t, s, "/?q=chess", 200).body; !strings.Contains(body, "Village Gazette · gazette.example") {
		t.Error("a hit does not name its outlet and domain")
	}
	if body := get(t, s, "/?q=harbour&page=2", 200).body; !strings.Contains(body, "page 2 is past the last hit") {
		t.Error("a search page past the last hit does not say so")
	}
	var all, second []dossier.Hit
	decode(t, get(t, s, "/api/search?q=harbour&limit=200", 200).body, &all)
	decode(t, get(t, s, "/api/search?q=harbour&limit=5&offset=10", 200).body, &second)
	if len(all) != 12 || len(second) != 2 || second[0].Article != all[10].Article {
		t.Errorf("search offset: %d hits, %d from offset 10", len(all), len(second))
	}
}
