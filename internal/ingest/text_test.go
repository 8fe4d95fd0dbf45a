package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/article"
)

const seeds = "../../examples/ukraine-talks"

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t, err = time.Parse(time.DateOnly, s)
	}
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// TestSeeds checks the required results on the five seed articles.
func TestSeeds(t *testing.T) {
	tests := []struct {
		file       string
		published  string
		title      string
		first      string
		last       string
		paragraphs int
	}{
		{"000_a1ebcd8b6ec8c988.txt", "2025-08-17", "",
			"The talks will include, among other things,", "in a rush to implement fresh penalties on Russia’s trading partners.", 10},
		{"001_285625dd8339d7ad.txt", "2025-08-18", "",
			"It’ll be Zelensky’s first visit in the White House", "peace dal and “not a mere Ceasefire Agreement.”", 11},
		{"002_b9a3e59ce27e83b7.txt", "2025-08-19", "",
			"The U.S. President said discussions focused on security guarantees", "He said the details could be worked out within 10 days.", 13},
		{"003_545589a7eaafdb4a.txt", "", "",
			"On Monday, U.S. President Donald Trump told President Volodymyr Zelenskyy", "and has destroyed vast parts of the country.", 37},
		{"004_dee0729d4e97f3c0.txt", "", "Ukraine talks result in US security guarantees and potential Putin-Zelensky meeting",
			"Ukrainian president Volodymyr Zelensky and several European leaders met", "prompting criticism from Hungary’s foreign minister.", 12},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ref := filepath.Join(seeds, tt.file)
			res := collect(t, r, ref)
			if len(res) != 1 || res[0].Article == nil {
				t.Fatalf("Read(%s) = %+v, want one article", ref, res)
			}
			a := res[0].Article
			if got := a.DateString(); got != tt.published {
				t.Errorf("published = %q, want %q", got, tt.published)
			}
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if !strings.HasPrefix(a.Text, tt.first) || !strings.HasSuffix(a.Text, tt.last) {
				t.Errorf("text = %q…%q, want %q…%q", a.Text[:60], a.Text[len(a.Text)-60:], tt.first, tt.last)
			}
			if got := len(article.Paragraphs(a.Text)); got != tt.paragraphs {
				t.Errorf("%d paragraphs, want %d", got, tt.paragraphs)
			}
			for _, bad := range []string{"date 2025", "Related news", "© PHOTO", "AFP", "\r", "\n\n\n", " \n"} {
				if strings.Contains(a.Text, bad) {
					t.Errorf("text contains %q", bad)
				}
			}
			want := article.Article{ID: a.ID, SourceRef: ref, Title: tt.title, Language: "en", Text: a.Text}
			if tt.published != "" {
				want.Published = date(tt.published)
			}
			if diff := cmp.Diff(want, *a); diff != "" {
				t.Errorf("article mismatch (-want +got):\n%s", diff)
			}
			if a.ID != article.NewID("", "", a.Title, a.Text) {
				t.Errorf("ID %q is not the content ID", a.ID)
			}
		})
	}
}

// TestSeedParagraphSeparators checks that paragraphs keep the input's
// separators: blank lines in 000, single line breaks in 003.
func TestSeedParagraphSeparators(t *testing.T) {
	r := New(Options{})
	for file, want := range map[string]int{"000_a1ebcd8b6ec8c988.txt": 9, "003_545589a7eaafdb4a.txt": 0} {
		a := collect(t, r, filepath.Join(seeds, file))[0].Article
		if got := strings.Count(a.Text, "\n\n"); got != want {
			t.Errorf("%s: %d blank-line separators, want %d", file, got, want)
		}
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want article.Article // without SourceRef, ID and Language
	}{
		{
			name: "marker, CRLF, trailing spaces, blank runs",
			in:   " date 2025-08-17 First paragraph here.  \r\n\r\n\r\n\r\nSecond paragraph.\t\r\nThird line.\r\n\r\n",
			want: article.Article{Published: date("2025-08-17"), Text: "First paragraph here.\n\nSecond paragraph.\nThird line."},
		},
		{
			name: "marker alone on its line",
			in:   "date 2024-02-29\nBody text.\n",
			want: article.Article{Published: date("2024-02-29"), Text: "Body text."},
		},
		{
			name: "impossible date is text",
			in:   "date 2025-02-30 Body text.",
			want: article.Article{Text: "date 2025-02-30 Body text."},
		},
		{
			name: "marker not at start is text",
			in:   "Body text.\ndate 2025-08-17 more",
			want: article.Article{Text: "Body text.\ndate 2025-08-17 more"},
		},
		{
			name: "marker then title",
			in:   " date 2025-08-18 Leaders meet at the White House\n\nBody text.",
			want: article.Article{Published: date("2025-08-18"), Title: "Leaders meet at the White House", Text: "Body text."},
		},
		{
			name: "title needs a blank line",
			in:   "Leaders meet at the White House\nBody text.",
			want: article.Article{Text: "Leaders meet at the White House\nBody text."},
		},
		{
			name: "sentence is not a title",
			in:   "Leaders met at the White House.\n\nBody text.",
			want: article.Article{Text: "Leaders met at the White House.\n\nBody text."},
		},
		{
			name: "question is not a title",
			in:   "Will Putin meet Zelensky?\n\nBody text.",
			want: article.Article{Text: "Will Putin meet Zelensky?\n\nBody text."},
		},
		{
			name: "quoted headline is a title",
			in:   "Zelensky: “A major step forward”\n\nBody text.",
			want: article.Article{Title: "Zelensky: “A major step forward”", Text: "Body text."},
		},
		{
			name: "byline is not a title",
			in:   "By Olena Kovalenko\n\nBody text.",
			want: article.Article{Text: "By Olena Kovalenko\n\nBody text."},
		},
		{
			name: "one word is not a title",
			in:   "WASHINGTON\n\nBody text.",
			want: article.Article{Text: "WASHINGTON\n\nBody text."},
		},
		{
			name: "title alone stays the body",
			in:   "Leaders meet at the White House\n\n",
			want: article.Article{Text: "Leaders meet at the White House"},
		},
		{
			name: "credits and related links",
			in:   "Body one.\n© PHOTO MANDEL NGAN / AFP\nBody two.\n\nPhoto: Andrew Harnik/Getty Images\n\nRelated news\nTrump and Putin meet in Alaska\nEuropean leaders to join Zelensky",
			want: article.Article{Text: "Body one.\nBody two."},
		},
		{
			name: "agency sign-off and read more",
			in:   "Body text.\n\n(Reporting by Olena Kovalenko; Editing by Mark Smith)\n(Reuters)\nRead more: Trump and Putin meet in Alaska",
			want: article.Article{Text: "Body text."},
		},
		{
			name: "real text that looks like boilerplate stays",
			in:   "Related news from Kyiv was grim.\n\nRead more about the summit in our report, he said, before leaving the room.\n\nThe photo showed the leaders smiling.\n\nRelated news\nThe talks ended without a deal. Both sides blamed each other for the failure.",
			want: article.Article{Text: "Related news from Kyiv was grim.\n\nRead more about the summit in our report, he said, before leaving the room.\n\nThe photo showed the leaders smiling.\n\nRelated news\nThe talks ended without a deal. Both sides blamed each other for the failure."},
		},
		{
			name: "controls and NFD",
			in:   "Cafe\u0301 owners\u0007 reopen.\x1b",
			want: article.Article{Text: "Caf\u00e9 owners reopen."},
		},
		{
			name: "UTF-8 BOM",
			in:   "\uFEFFBody text.",
			want: article.Article{Text: "Body text."},
		},
		{
			name: "UTF-16 with BOM",
			in:   "\xff\xfeB\x00o\x00d\x00y\x00\xe9\x00\n\x00",
			want: article.Article{Text: "Body\u00e9"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseText("x.txt", []byte(tt.in))
			if err != nil {
				t.Fatalf("parseText(%q): %v", tt.in, err)
			}
			tt.want.SourceRef, tt.want.ID, tt.want.Language = "x.txt", a.ID, a.Language
			if diff := cmp.Diff(tt.want, *a); diff != "" {
				t.Errorf("parseText(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseTextErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \r\n\t\n", ErrEmpty},
		{"only boilerplate", "© PHOTO MANDEL NGAN / AFP\nRelated news", ErrEmpty},
		{"NUL bytes", "PK\x03\x04\x00\x00text", ErrBinary},
		{"control characters", strings.Repeat("\x01\x02\x03ab", 100), ErrBinary},
		{"Latin-1", "Caf\xe9 owners reopen.", ErrNotUTF8},
		{"truncated rune", "Zelensky\xe2\x80", ErrNotUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseText("x.txt", []byte(tt.in))
			if !errors.Is(err, tt.want) {
				t.Errorf("parseText(%q) = %+v, %v; want %v", tt.in, a, err, tt.want)
			}
		})
	}
}

// collect returns everything r reads from ref.
func collect(t testing.TB, r *Reader, ref string) []Result {
	t.Helper()
	var out []Result
	err := r.Read(context.Background(), ref, func(res Result) error {
		out = append(out, res)
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%q): %v", ref, err)
	}
	return out
}
