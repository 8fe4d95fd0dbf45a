package web

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHighlight(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		marks []mark
		want  []segment
	}{
		{"no marks", "plain text", nil, []segment{{Text: "plain text"}}},
		{"empty text", "", []mark{{start: 0, end: 1, class: "x"}}, nil},
		{"one mark", "abcdef", []mark{{start: 2, end: 4, class: "m", title: "t", href: "/e", id: "i"}},
			[]segment{{Text: "ab"}, {Text: "cd", Class: "m", Title: "t", Href: "/e", IDs: []string{"i"}}, {Text: "ef"}}},
		{"whole text", "abc", []mark{{start: 0, end: 3, class: "m"}}, []segment{{Text: "abc", Class: "m"}}},
		{"code points, not bytes", "Zelenskyy’s “yes” — «no»", []mark{{start: 12, end: 17, class: "q"}},
			[]segment{{Text: "Zelenskyy’s "}, {Text: "“yes”", Class: "q"}, {Text: " — «no»"}}},
		{"nested", "abcdefgh", []mark{{start: 1, end: 7, class: "quote"}, {start: 3, end: 5, class: "mention", href: "/e/1"}},
			[]segment{{Text: "a"}, {Text: "bc", Class: "quote"}, {Text: "de", Class: "quote mention", Href: "/e/1"},
				{Text: "fg", Class: "quote"}, {Text: "h"}}},
		{"overlapping", "abcdef", []mark{{start: 0, end: 4, class: "a", title: "A"}, {start: 2, end: 6, class: "b", title: "B"}},
			[]segment{{Text: "ab", Class: "a", Title: "A"}, {Text: "cd", Class: "a b", Title: "A; B"}, {Text: "ef", Class: "b", Title: "B"}}},
		{"same class merges", "abcdef", []mark{{start: 0, end: 2, class: "a"}, {start: 2, end: 4, class: "a"}},
			[]segment{{Text: "abcd", Class: "a"}, {Text: "ef"}}},
		{"anchor keeps a cut", "abcd", []mark{{start: 0, end: 2, class: "a"}, {start: 2, end: 4, class: "a", id: "x"}},
			[]segment{{Text: "ab", Class: "a"}, {Text: "cd", Class: "a", IDs: []string{"x"}}}},
		{"bad offsets ignored", "abc", []mark{{start: -1, end: 2, class: "a"}, {start: 2, end: 9, class: "b"},
			{start: 2, end: 2, class: "c"}, {start: 3, end: 1, class: "d"}}, []segment{{Text: "abc"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := highlight(tc.text, tc.marks)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("highlight (-want +got):\n%s", diff)
			}
			var joined strings.Builder
			for _, s := range got {
				joined.WriteString(s.Text)
			}
			if joined.String() != tc.text {
				t.Errorf("segments join to %q, want the text back", joined.String())
			}
		})
	}
}

func TestSnippetSegments(t *testing.T) {
	got := snippetSegments("…the «security» «guarantees» for «Ukraine")
	want := []segment{{Text: "…the "}, {Text: "security", Class: "hit"}, {Text: " "},
		{Text: "guarantees", Class: "hit"}, {Text: " for "}, {Text: "Ukraine", Class: "hit"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("snippetSegments (-want +got):\n%s", diff)
	}
}

// TestSegmentsEscape renders hostile text and marks through the real
// template: nothing of the text may come out as markup.
func TestSegmentsEscape(t *testing.T) {
	text := `<script>alert(1)</script> <img src=x onerror="alert(2)"> {{.}} </title><svg onload=alert(3)>`
	segs := highlight(text, []mark{
		{start: 0, end: 8, class: `x" onclick="alert(4)`, title: `"><script>alert(5)</script>`, href: "javascript:alert(6)"},
		{start: 26, end: 60, class: "quote", title: "</mark><b>", id: `"><i>`},
	})
	tmpl := mustParsePages()["story.html"]
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "segments", segs); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "<img", "<svg", "<b>", "<i>", `" onclick`, "javascript:", "</title>"} {
		if strings.Contains(out, bad) {
			t.Errorf("rendered segments contain %q:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "alert(1)&lt;/script&gt;") || !strings.Contains(out, "{{.") {
		t.Errorf("rendered segments lost the text:\n%s", out)
	}
	var _ template.HTML // the package never converts article data to template.HTML
}

func TestParagraphs(t *testing.T) {
	segs := highlight("One.\n\nTwo three\nfour.\n \n", []mark{{start: 10, end: 20, class: "m", id: "x"}})
	got := paragraphs(segs)
	want := [][]segment{
		{{Text: "One."}},
		{{Text: "Two "}, {Text: "three", Class: "m", IDs: []string{"x"}}},
		{{Text: "four", Class: "m"}, {Text: "."}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
}
