package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/article"
)

// fixedNow is the clock the tests read web pages at.
func fixedNow() time.Time { return date("2025-11-25") }

func TestParseHTMLNewsPage(t *testing.T) {
	const ref = "testdata/html/news.html"
	r := New(Options{Now: fixedNow})
	res := collect(t, r, ref)
	if len(res) != 1 || res[0].Article == nil {
		t.Fatalf("Read(%s) = %+v, want one article", ref, res)
	}
	want := article.Article{
		SourceRef: ref,
		URL:       "https://www.kyivdailyherald.example/world/2025/08/18/zelensky-trump-white-house",
		Title:     "Zelensky and European leaders meet Trump at White House",
		Outlet:    "Kyiv Daily Herald",
		Author:    "Olena Kovalenko",
		Published: date("2025-08-18"),
		Language:  "en",
		Text: strings.Join([]string{
			"Ukrainian president Volodymyr Zelensky and several European leaders met US president Donald Trump at the White House on Monday to discuss possible steps to end the war in Ukraine.",
			"Trump said the United States would help assure Ukraine’s security, and that a meeting between Zelensky and Russian president Vladimir Putin was being worked out. “We’ll give them good protection,” he told reporters in the Oval Office.",
			"Security guarantees",
			"Zelensky said security guarantees would include a $90 billion package of US weapons, and that the details would be “formalized on paper within the next week to 10 days.”",
			"German chancellor Friedrich Merz said he could not imagine the next meeting taking place without a ceasefire, while Trump said a ceasefire was not necessary to reach a peace deal.",
			"French president Emmanuel Macron, UK prime minister Keir Starmer, Italian prime minister Giorgia Meloni and NATO secretary general Mark Rutte also attended the talks in Washington.",
			"Meanwhile, fighting continued on the ground. On Tuesday morning, Ukraine reported new Russian strikes on its energy infrastructure, just hours after the talks ended.",
		}, "\n"),
	}
	want.SetID()
	if diff := cmp.Diff(want, *res[0].Article); diff != "" {
		t.Errorf("Read(%s) mismatch (-want +got):\n%s", ref, diff)
	}
}

// page wraps body paragraphs in a minimal page with the given head.
func page(head string, paragraphs ...string) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head>" + head + "</head><body><article>\n")
	for _, p := range paragraphs {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

var prose = []string{
	"Ukraine and its European allies met the US president in Washington on Monday to discuss security guarantees for Kyiv after the Alaska summit.",
	"The leaders agreed that their officials would work out the details of the guarantees in the coming days, and that talks with Russia would follow.",
}

var german = []string{
	"Bundeskanzler Friedrich Merz sagte am Montag in Washington, er könne sich ein nächstes Treffen ohne Waffenruhe nicht vorstellen, und forderte mehr Druck auf Russland.",
	"Der ukrainische Präsident Selenskyj und mehrere europäische Staats- und Regierungschefs hatten sich zuvor mit US-Präsident Donald Trump im Weißen Haus getroffen, um über Sicherheitsgarantien für die Ukraine zu sprechen.",
}

func TestParseHTML(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want article.Article // Text is compared only if set
	}{
		{
			name: "JSON-LD date beats the date in the URL",
			in: page(`<title>Talks in Washington</title><link rel="canonical" href="https://news.example/2024/01/02/talks">`+
				`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks in Washington","datePublished":"2025-08-18T10:00:00Z","author":{"@type":"Person","name":"Anna Nowak"},"publisher":{"@type":"Organization","name":"News Example"}}</script>`, prose...),
			want: article.Article{URL: "https://news.example/2024/01/02/talks", Title: "Talks in Washington", Outlet: "News Example", Author: "Anna Nowak", Published: date("2025-08-18"), Language: "en"},
		},
		{
			name: "h1 repeating the title is dropped; lang from <html>",
			in: strings.NewReplacer("<html>", `<html lang="de-AT">`, "<article>", "<article><h1>Merz fordert Waffenruhe</h1>").
				Replace(page(`<meta property="og:title" content="Merz fordert Waffenruhe">`, german...)),
			want: article.Article{Title: "Merz fordert Waffenruhe", Text: strings.Join(german, "\n"), Language: "de"},
		},
		{
			name: "declared windows-1252",
			in:   page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Caf\xe9 owners reopen</title>", "Owners of a caf\xe9 in central Kyiv reopened on Tuesday \x96 a day after Russian strikes damaged the street, they told reporters outside the building."),
			want: article.Article{Title: "Café owners reopen", Text: "Owners of a café in central Kyiv reopened on Tuesday – a day after Russian strikes damaged the street, they told reporters outside the building.", Language: "en"},
		},
		{
			name: "date after Now is no date",
			in:   page(`<title>Talks</title><meta property="article:published_time" content="2026-03-01T10:00:00Z">`, prose...),
			want: article.Article{Title: "Talks", Language: "en"},
		},
	}
	r := New(Options{Now: fixedNow})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := r.parseHTML("x.html", []byte(tt.in), "")
			if err != nil {
				t.Fatalf("parseHTML: %v", err)
			}
			tt.want.SourceRef, tt.want.ID = "x.html", a.ID
			if tt.want.Text == "" {
				tt.want.Text = strings.Join(prose, "\n")
			}
			if diff := cmp.Diff(tt.want, *a); diff != "" {
				t.Errorf("parseHTML mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseHTMLErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty file", "", ErrEmpty},
		{"white space", "\n\n  \n", ErrEmpty},
		{"no text", "<!doctype html><html><head><title>Only a title</title></head><body><nav><a href='/'>Home</a></nav></body></html>", ErrMalformed},
		{"only script", "<html><body><script>var x = 1;</script></body></html>", ErrMalformed},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrBinary},
	}
	r := New(Options{Now: fixedNow})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := r.parseHTML("x.html", []byte(tt.in), "")
			if !errors.Is(err, tt.want) {
				t.Errorf("parseHTML = %+v, %v; want %v", a, err, tt.want)
			}
		})
	}
}

func TestHTMLToText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text &amp; entities &#8212; here", "plain text & entities — here"},
		{"<p>One</p><p>Two <b>bold</b>\n  words</p>", "One\nTwo bold words"},
		{"a<br>b<br/>c", "a\nb\nc"},
		{"<ul><li>first</li><li>second</li></ul>", "first\nsecond"},
		{"<p>Text</p><script>alert(1)</script><style>p{}</style><figure><img src=x><figcaption>© PHOTO AFP</figcaption></figure>", "Text"},
		{"<pre>line 1\n  line 2</pre>", "line 1\nline 2"},
		{"<table><tr><td>a</td><td>b</td></tr></table>", "a b"},
		{"<div><p>unclosed <i>tags", "unclosed tags"},
		{"5 < 6 and 7 > 3", "5 < 6 and 7 > 3"},
		{"", ""},
		{strings.Repeat("<div>", 500) + "deep" + strings.Repeat("</div>", 500), "deep"},
	}
	for _, tt := range tests {
		got, err := htmlToText(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("htmlToText(%.40q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	deep := strings.Repeat("<div>", 600) + "deep"
	if got, err := htmlToText(deep); !errors.Is(err, ErrMalformed) {
		t.Errorf("htmlToText(600 nested divs) = %q, %v; want ErrMalformed", got, err)
	}
}

func TestHTMLFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.html")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	res := collect(t, New(Options{}), path)
	want := []Result{{Ref: path, Err: &Error{Ref: path, Err: ErrEmpty}}}
	if diff := cmp.Diff(want, res, cmpErrors); diff != "" {
		t.Errorf("Read(empty.html) mismatch (-want +got):\n%s", diff)
	}
}
