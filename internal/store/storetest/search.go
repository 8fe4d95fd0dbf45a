package storetest

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

// rankingPair returns two articles that both mention the grain corridor, one
// in its title and body, the other only in its body.
func rankingPair() (inTitle, inBody article.Article) {
	inTitle = article.Article{
		SourceRef: "ranking/title.txt", Outlet: "Atlantic Wire", Language: "en",
		Title: "Grain corridor deal reached in Istanbul",
		Text: "Negotiators from Ukraine, Russia and Turkey agreed on Friday to reopen the Black Sea " +
			"grain corridor after weeks of talks mediated by the United Nations, officials said.",
	}
	inBody = article.Article{
		SourceRef: "ranking/body.txt", Outlet: "Market Journal", Language: "en",
		Title: "Black Sea shipping resumes as insurers cut premiums",
		Text: "Insurers said on Monday that cargo ships were again sailing from Odesa under the grain " +
			"corridor deal, and that premiums had started to fall from record levels.",
	}
	inTitle.SetID()
	inBody.SetID()
	return inTitle, inBody
}

// marked matches one match marked in a snippet.
var marked = regexp.MustCompile(`«([^«»]*)»`)

// testSearch checks ranking, snippets, the hit fields, phrases and limits.
func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	if hits, err := s.Search(ctx, "Zelensky", 10); err != nil || len(hits) != 0 {
		t.Fatalf("Search of an empty store = %v, %v; want no hits, no error", hits, err)
	}
	as := fixtures()
	inTitle, inBody := rankingPair()
	commit(t, s, fixtureBatch(as))
	commit(t, s, store.Batch{Articles: []article.Article{inBody, inTitle}}) // body first: rank, not order
	hits := search(t, s, "grain corridor", 10)
	if got := hitIDs(hits); !slices.Equal(got, []string{inTitle.ID, inBody.ID}) {
		t.Errorf(`Search("grain corridor") = %q, want the title match %s, then %s`, got, inTitle.ID, inBody.ID)
	}
	for _, h := range hits {
		checkSnippet(t, h, "grain", "corridor")
	}
	for _, tt := range []struct {
		query string
		want  []string // IDs in any order
	}{
		{"Kremlin", []string{as[fxKremlin].ID}},
		{"KREMLIN ushakov", []string{as[fxKremlin].ID}},
		{"heatwave", []string{as[fxWildfires].ID}},
		{"Зеленський", []string{as[fxKyiv].ID}},
		{`"security guarantees"`, []string{as[fxWhiteHouse].ID, as[fxAlaska].ID}},
		{`"guarantees security"`, nil},
		{"Zelensky wildfires", nil}, // every word must match
		{"unheardofword", nil},
	} {
		got := hitIDs(search(t, s, tt.query, 0))
		if diff := cmp.Diff(tt.want, got, equateEmpty, sortStrings); diff != "" {
			t.Errorf("Search(%q) (-want +got):\n%s", tt.query, diff)
		}
	}
	checkHitFields(t, s, as)
}

var sortStrings = cmpopts.SortSlices(func(a, b string) bool { return a < b })

// checkHitFields checks the fields of hits, the rank order and the limit.
func checkHitFields(t *testing.T, s store.Store, as []article.Article) {
	t.Helper()
	hits := search(t, s, "Alaska", 0)
	want := store.Hit{ArticleID: as[fxAlaska].ID, StoryID: "s-talks", Title: as[fxAlaska].Title}
	if len(hits) != 1 || hits[0].ArticleID != want.ArticleID || hits[0].StoryID != want.StoryID || hits[0].Title != want.Title {
		t.Errorf("Search(Alaska) = %+v, want one hit %+v", hits, want)
	}
	hits = search(t, s, "euro dollar", 0)
	if len(hits) != 1 || hits[0].StoryID != "" {
		t.Errorf(`Search("euro dollar") = %+v, want one hit without a story`, hits)
	}
	all := search(t, s, "Ukraine", 0)
	if len(all) < 4 {
		t.Fatalf("Search(Ukraine) = %d hits, want at least 4", len(all))
	}
	if !slices.IsSortedFunc(all, func(a, b store.Hit) int { return cmpFloat(a.Rank, b.Rank) }) {
		t.Errorf("Search(Ukraine) hits are not in rank order: %+v", all)
	}
	if top := search(t, s, "Ukraine", 2); len(top) != 2 || top[0].ArticleID != all[0].ArticleID {
		t.Errorf("Search(Ukraine, limit 2) = %d hits, want the first 2 of %d", len(top), len(all))
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// checkSnippet checks that h's snippet marks matches and only words that
// start with one of words.
func checkSnippet(t *testing.T, h store.Hit, words ...string) {
	t.Helper()
	ms := marked.FindAllStringSubmatch(h.Snippet, -1)
	if len(ms) == 0 {
		t.Errorf("snippet of %s marks nothing: %q", h.ArticleID, h.Snippet)
	}
	for _, m := range ms {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(strings.ToLower(m[1]), w) }) {
			t.Errorf("snippet of %s marks %q, which is none of %q: %q", h.ArticleID, m[1], words, h.Snippet)
		}
	}
	if n := len(strings.Fields(marked.ReplaceAllString(h.Snippet, "$1"))); n > 40 {
		t.Errorf("snippet of %s has %d words, want a short extract: %q", h.ArticleID, n, h.Snippet)
	}
}

// testSearchHostile runs queries that a query language would choke on: none
// may fail, and the ones without a word find nothing.
func testSearchHostile(t *testing.T, s store.Store) {
	commit(t, s, fixtureBatch(fixtures()))
	before := snapshot(t, s)
	empty := []string{"", "   ", `"`, `""`, `" "`, "-", "*", "**", "(", ")", "()", ":", "^", "+", "--", `\`, "'", "«»", "…"}
	for _, q := range empty {
		if hits := search(t, s, q, 10); len(hits) != 0 {
			t.Errorf("Search(%q) = %d hits, want none: the query has no words", q, len(hits))
		}
	}
	odd := []string{"AND", "OR", "NOT", "NEAR", "a:b", "title:Zelensky", "Zelensky -Putin", "Putin-Zelensky",
		`"unclosed phrase`, `Zelensky"`, `"a" "b"`, "NEAR(Zelensky Putin)", "secur*", "*secur", "{title}: x",
		"Zelensky AND", "OR Putin", "(Zelensky OR", "x^2", "'; DROP TABLE articles; --", "100%", "_",
		"zelensky*putin", "c++", "l'Ukraine", "Kyiv/Kiev", "#Ukraine", "@Zelensky", "ü", "日本", "🙂",
		"Zelensky\x00Putin", "\x00", "\xff\xfe", "Kyiv\xc3"} // NUL and invalid UTF-8 come through HTTP too
	for _, q := range odd {
		search(t, s, q, 10)
	}
	checkUnchanged(t, s, before)
	if hits := search(t, s, "Putin-Zelensky", 10); len(hits) == 0 {
		t.Errorf(`Search("Putin-Zelensky") found nothing, want the Kremlin article`)
	}
}

// search runs s.Search and fails the test on error.
func search(t *testing.T, s store.Store, query string, limit int) []store.Hit {
	t.Helper()
	hits, err := s.Search(context.Background(), query, limit)
	if err != nil {
		t.Fatalf("Search(%q, %d): %v", query, limit, err)
	}
	return hits
}

func hitIDs(hits []store.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ArticleID)
	}
	return out
}
