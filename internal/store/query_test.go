package store

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSplitQuery(t *testing.T) {
	tests := []struct {
		in   string
		want []QueryTerm
	}{
		{`Zelensky security`, []QueryTerm{{Text: "Zelensky"}, {Text: "security"}}},
		{`"security guarantees" Zelen*`, []QueryTerm{{Text: "security guarantees"}, {Text: "Zelen", Prefix: true}}},
		{`"unclosed phrase`, []QueryTerm{{Text: "unclosed phrase"}}},
		{`- * "" ?? NEAR(`, []QueryTerm{{Text: "NEAR("}}},
		{"a\x00b", []QueryTerm{{Text: "a"}, {Text: "b"}}},
		{`talks talks Talks talks*`, []QueryTerm{{Text: "talks"}, {Text: "Talks"}, {Text: "talks", Prefix: true}}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := SplitQuery(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("SplitQuery(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestSplitQueryBounds(t *testing.T) {
	// Thousands of words, as a client may send: the first distinct ones.
	if got := SplitQuery(strings.Repeat("a ", 5000)); len(got) != 1 {
		t.Errorf("5,000 times one word: %d terms, want 1", len(got))
	}
	var words []string
	for i := range 100 {
		words = append(words, fmt.Sprintf("w%d", i))
	}
	got := SplitQuery(strings.Join(words, " "))
	if len(got) != MaxQueryTerms || got[0].Text != "w0" || got[MaxQueryTerms-1].Text != fmt.Sprintf("w%d", MaxQueryTerms-1) {
		t.Errorf("100 words: %d terms (%v…), want the first %d", len(got), got[:min(3, len(got))], MaxQueryTerms)
	}
	// A long query is cut on a character boundary.
	long := `"` + strings.Repeat("é", MaxQueryBytes) + `"`
	got = SplitQuery(long)
	if len(got) != 1 || !utf8.ValidString(got[0].Text) || len(got[0].Text) > MaxQueryBytes {
		t.Errorf("long phrase: %d terms, valid %v", len(got), len(got) == 1 && utf8.ValidString(got[0].Text))
	}
}

func FuzzSplitQuery(f *testing.F) {
	for _, s := range []string{`Zelensky "security guarantees" Zelen*`, `""*"`, "a\x00\xff b", strings.Repeat("x ", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		terms := SplitQuery(q)
		if len(terms) > MaxQueryTerms {
			t.Fatalf("%d terms", len(terms))
		}
		seen := map[QueryTerm]bool{}
		for _, term := range terms {
			if seen[term] {
				t.Fatalf("term %+v twice", term)
			}
			seen[term] = true
			if !utf8.ValidString(term.Text) || strings.ContainsFunc(term.Text, unicode.IsControl) ||
				!strings.ContainsFunc(term.Text, isWordRune) || strings.Contains(term.Text, `"`) {
				t.Fatalf("term %q", term.Text)
			}
		}
	})
}
