package dossier

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/quote"
	"github.com/storyline-news/storyline/internal/story"
)

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func TestStoriesSortedNewestFirstUndatedLast(t *testing.T) {
	stories := []story.Story{
		{ID: "s-b"},
		{ID: "s-old", LastPublished: day("2025-01-01"), FirstPublished: day("2025-01-01")},
		{ID: "s-a"},
		{ID: "s-new", LastPublished: day("2025-08-19"), FirstPublished: day("2025-08-17")},
		{ID: "s-new0", LastPublished: day("2025-08-19"), FirstPublished: day("2025-08-19")},
	}
	d := New(stories, day("2026-01-01"))
	var got []string
	for _, s := range d.Stories {
		got = append(got, s.ID)
	}
	want := []string{"s-new", "s-new0", "s-old", "s-a", "s-b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("story order (-want +got):\n%s", diff)
	}
}

func TestJSONShape(t *testing.T) {
	a := article.Article{ID: "a-1", SourceRef: "x.txt", Text: "Two words", Published: day("2025-08-17")}
	d := New([]story.Story{{ID: "s-1", Headline: "H", Articles: []article.Article{a}}}, day("2026-11-22"))
	var buf bytes.Buffer
	if err := d.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got["schema"] != Schema || got["generated_at"] != "2026-11-22T00:00:00Z" {
		t.Errorf("header = %v, %v", got["schema"], got["generated_at"])
	}
	s := got["stories"].([]any)[0].(map[string]any)
	for _, k := range []string{"reuse", "entities", "quotes", "timeline", "divergences"} {
		if l, ok := s[k].([]any); !ok || len(l) != 0 {
			t.Errorf("%s = %#v, want an empty list", k, s[k])
		}
	}
	if s["first_published"] != nil {
		t.Errorf("first_published = %v, want null", s["first_published"])
	}
	art := s["articles"].([]any)[0].(map[string]any)
	want := map[string]any{
		"id": "a-1", "source_ref": "x.txt", "outlet": nil, "url": nil, "title": nil,
		"published": "2025-08-17", "published_inferred": false, "language": nil, "words": 2.0,
	}
	if diff := cmp.Diff(want, art); diff != "" {
		t.Errorf("article (-want +got):\n%s", diff)
	}
}

func TestMarkdownEscapesArticleText(t *testing.T) {
	a := article.Article{ID: "a-1", SourceRef: "evil|file.txt", Title: "<script>alert(1)</script> | *bold* [x](javascript:alert(1))"}
	d := New([]story.Story{{ID: "s-1", Headline: "# <img src=x onerror=alert(1)>\nsecond line", Articles: []article.Article{a}}}, time.Time{})
	var buf bytes.Buffer
	if err := d.WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script>", "<img", "[x](javascript", "evil|file", "\nsecond line"} {
		if strings.Contains(out, bad) {
			t.Errorf("Markdown contains %q unescaped:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, `&lt;script&gt;`) || !strings.Contains(out, `\|`) {
		t.Errorf("Markdown lacks the escaped forms:\n%s", out)
	}
}

func TestAnnotationHasEmptyLists(t *testing.T) {
	var buf bytes.Buffer
	a := article.Article{ID: "a-1", SourceRef: "-#L1", Text: "Zelensky said “yes”."}
	if err := NewAnnotation(a).WriteJSONL(&buf); err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a-1","source_ref":"-#L1","published":null,"published_inferred":false,"text":"Zelensky said “yes”.","mentions":[],"entities":[],"quotes":[],"timexes":[]}` + "\n"
	if got := buf.String(); got != want {
		t.Errorf("annotation\n got %s\nwant %s", got, want)
	}
}

func TestComparedArticles(t *testing.T) {
	arts := []article.Article{{ID: "a-1"}, {ID: "a-2"}, {ID: "a-3"}}
	for _, tc := range []struct {
		compared int
		json, md string // wanted in the output; "" = the field or note is absent
	}{
		{0, "", ""},
		{2, `"compared_articles": 2`, "drawn from 2 of the story's 3 articles"},
	} {
		d := New([]story.Story{{ID: "s-1", Articles: arts, Compared: tc.compared}}, time.Time{})
		var js, md bytes.Buffer
		if err := d.WriteJSON(&js); err != nil {
			t.Fatal(err)
		}
		if err := d.WriteMarkdown(&md); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(js.String(), "compared_articles"); got != (tc.json != "") || !strings.Contains(js.String(), tc.json) {
			t.Errorf("Compared %d: JSON has compared_articles %v, want %q:\n%s", tc.compared, got, tc.json, js.String())
		}
		if got := strings.Contains(md.String(), "drawn from"); got != (tc.md != "") || !strings.Contains(md.String(), tc.md) {
			t.Errorf("Compared %d: Markdown note %v, want %q:\n%s", tc.compared, got, tc.md, md.String())
		}
	}
}

// A quotation split around its cue is one quote of the quote stage and one
// annotation per fragment, each span covering quoted words only.
func TestAnnotationSplitQuote(t *testing.T) {
	text := "“This is a historic day,” said Friedrich Merz. “We have made progress.”"
	runes := []rune(text)
	qs := quote.Extract(text, quote.Options{})
	if len(qs) != 1 || len(qs[0].Fragments) != 2 {
		t.Fatalf("quote stage: %+v, want one quote of two fragments", qs)
	}
	got := annotationQuotes(qs[0])
	want := []string{"This is a historic day", "We have made progress."}
	if len(got) != len(want) {
		t.Fatalf("%d annotation quotes, want %d: %+v", len(got), len(want), got)
	}
	for i, q := range got {
		if q.Text != want[i] || string(runes[q.Start:q.End]) != q.Text {
			t.Errorf("quote %d: %q at [%d:%d] (%q), want %q", i, q.Text, q.Start, q.End, string(runes[q.Start:q.End]), want[i])
		}
		if q.Speaker == nil || *q.Speaker != "Friedrich Merz" || q.Cue == nil || *q.Cue != "said" {
			t.Errorf("quote %d: speaker %v, cue %v", i, q.Speaker, q.Cue)
		}
	}
}
