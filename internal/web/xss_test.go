package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/dossier"
	"github.com/storyline-news/storyline/internal/story"
)

// xssPayloads try every way into a page: markup, event handlers,
// javascript: URLs, SVG, breaking out of attributes and of the title, and
// template actions. Each one, if it ran, would set window.__xss or the
// document's title.
var xssPayloads = []string{
	`<script>window.__xss=1;document.title='pwned'</script>`,
	`<img src=x onerror="window.__xss=2;document.title='pwned'">`,
	`<svg onload="window.__xss=3"><circle r="9"></circle></svg>`,
	`<svg><script>window.__xss=4</script></svg>`,
	`</title><script>window.__xss=5</script>`,
	`"><script>window.__xss=6</script>`,
	`'><img src=x onerror=window.__xss=7>`,
	`<a href="javascript:window.__xss=8">click</a>`,
	`javascript:window.__xss=9`,
	`{{.}} {{template "layout" .}} {{printf "%s" "x"}}`,
	`<iframe src="javascript:window.__xss=10"></iframe>`,
	`<body onload=window.__xss=11>`,
	`<details open ontoggle=window.__xss=12>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=13>`,
	`<style>@import url(javascript:window.__xss=14)</style>`,
	`</textarea></mark></a><script>alert(15)</script>`,
}

// xssArticles returns JSON Lines articles that carry the payloads in their
// titles, outlets, URLs and texts.
func xssArticles() string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for i, p := range xssPayloads {
		u := "https://example.org/x" + url.PathEscape(p)
		if i%3 == 0 {
			u = "javascript:window.__xss=99"
		}
		enc.Encode(map[string]any{
			"title":     "Harbour flood " + p,
			"outlet":    p,
			"url":       u,
			"published": "2025-09-0" + string(rune('1'+i%8)),
			"text": "The harbour of Example flooded on Monday " + p + " and the mayor said the market hall " +
				"would stay closed for a week. " + p + "\n\nBoats were lifted onto the quay, witnesses said. " + p,
		})
	}
	return b.String()
}

// xssOptions make every story and article carry payloads in everything the
// analysis stages produce too, with marks over the payloads: the server's
// options, and the stories' wire form for the engine.
func xssOptions() (Options, func(story.Story) dossier.Story) {
	payload := strings.Join(xssPayloads, " ")
	convert := rich(func(d *dossier.Story) {
		for i := range d.Entities {
			d.Entities[i].Name += payload
			d.Entities[i].Aliases = append(d.Entities[i].Aliases, xssPayloads...)
			d.Entities[i].Roles = append(d.Entities[i].Roles, payload)
			d.Entities[i].Type = `person"><script>window.__xss=20</script>`
		}
		for i := range d.Quotes {
			d.Quotes[i].Text += payload
			if d.Quotes[i].Speaker != nil {
				s := *d.Quotes[i].Speaker + payload
				d.Quotes[i].Speaker = &s
			}
		}
		for i := range d.Timeline {
			d.Timeline[i].Text += payload
		}
		d.Divergences[0].Topic += payload
		d.Divergences[0].Variants[0].Value += payload
	})
	return Options{
		Token: testToken,
		Annotate: func(a article.Article) dossier.Annotation {
			an := dossier.NewAnnotation(a)
			bad := `e-"><script>window.__xss=21</script>`
			n := len([]rune(a.Text))
			for i := 0; i+40 < n; i += 37 {
				an.Mentions = append(an.Mentions, dossier.Mention{Start: i, End: i + 20, Text: payload, Type: "person", Entity: &bad})
				an.Quotes = append(an.Quotes, dossier.AnnotationQuote{Start: i + 10, End: i + 40, Text: payload, Speaker: &bad})
				an.Timexes = append(an.Timexes, dossier.Timex{Start: i + 5, End: i + 15, Text: payload, Type: payload, Value: payload})
			}
			an.Entities = append(an.Entities, dossier.AnnotationEntity{ID: bad, Name: payload, Type: payload, Roles: []string{payload}})
			return an
		},
	}, convert
}

// newXSSServer returns a seeded server that also holds the payload
// articles, posted through the API.
func newXSSServer(t testing.TB) *Server {
	t.Helper()
	opts, convert := xssOptions()
	s := newSeeded(t, opts, convert)
	r := do(t, s, http.MethodPost, "/api/articles", strings.NewReader(xssArticles()), "Authorization", "Bearer "+testToken)
	if r.code != 200 {
		t.Fatalf("posting the payload articles: %d %s", r.code, r.body)
	}
	return s
}

// xssPages lists every page of s worth attacking.
func xssPages(t testing.TB, s *Server) []string {
	t.Helper()
	pages := []string{"/", "/?q=" + url.QueryEscape(xssPayloads[0]), "/?q=harbour", "/?entity=e-00000000000000aa",
		"/entities/e-00000000000000aa", "/" + url.PathEscape(xssPayloads[0]), "/?from=" + url.QueryEscape(xssPayloads[1])}
	var sums []dossier.Summary
	decode(t, get(t, s, "/api/stories", 200).body, &sums)
	for _, sum := range sums {
		pages = append(pages, "/stories/"+sum.ID)
		var st dossier.Story
		decode(t, get(t, s, "/api/stories/"+sum.ID, 200).body, &st)
		for _, a := range st.Articles {
			pages = append(pages, "/articles/"+a.ID)
		}
	}
	return pages
}

// allowedElements are the elements the templates write; a page holding any
// other was injected into.
var allowedElements = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "link": true, "body": true, "header": true,
	"a": true, "img": true, "form": true, "label": true, "input": true, "button": true, "main": true,
	"footer": true, "section": true, "h1": true, "h2": true, "h3": true, "p": true, "span": true, "nav": true,
	"ol": true, "ul": true, "li": true, "div": true, "article": true, "mark": true, "svg": true, "line": true,
	"text": true, "circle": true, "rect": true, "polygon": true, "figure": true, "figcaption": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "dl": true, "dt": true,
	"dd": true, "time": true, "select": true, "option": true, "strong": true, "blockquote": true,
	"code": true, "aside": true, "details": true, "summary": true,
}

// TestXSSMarkup parses every page holding payloads and checks that none
// produced markup: only the templates' elements, no event handler
// attributes, no javascript: URLs, no image but the icon.
func TestXSSMarkup(t *testing.T) {
	s := newXSSServer(t)
	for _, p := range xssPages(t, s) {
		r := do(t, s, http.MethodGet, p, nil)
		if r.code >= 500 {
			t.Errorf("GET %s = %d", p, r.code)
		}
		for _, problem := range markupProblems(r.body) {
			t.Errorf("GET %s: %s", p, problem)
		}
	}
}

func markupProblems(page string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if !allowedElements[tok.Data] {
			out = append(out, "injected element <"+tok.Data+">")
		}
		for _, a := range tok.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			switch {
			case strings.HasPrefix(a.Key, "on"):
				out = append(out, "event handler attribute "+a.Key+" on <"+tok.Data+">")
			case (a.Key == "href" || a.Key == "src" || a.Key == "action") && !strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://"):
				out = append(out, "unexpected URL in "+a.Key+": "+a.Val)
			case tok.Data == "img" && a.Key == "src" && a.Val != "/static/icon.svg":
				out = append(out, "image from "+a.Val)
			}
		}
	}
}
