package sqlite

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/store/storetest"
)

func TestMatchQuery(t *testing.T) {
	for _, tt := range []struct {
		in, want string
	}{
		{"", ""},
		{"   \t\n", ""},
		{"Zelensky security guarantees", `"Zelensky" "security" "guarantees"`},
		{`"security guarantees" Zelensky`, `"security guarantees" "Zelensky"`},
		{`Putin "Zelensky meeting`, `"Putin" "Zelensky meeting"`}, // unclosed phrase
		{`before"inside"after`, `"before" "inside" "after"`},      // quotes split words
		{`""`, ""},                 // empty phrase
		{`" - "`, ""},              // phrase without words
		{"secur*", `"secur" *`},    // prefix
		{"secur** *", `"secur" *`}, // bare stars dropped
		{"*secur", `"*secur"`},     // a leading star is punctuation
		{"AND OR NOT NEAR", `"AND" "OR" "NOT" "NEAR"`}, // operators are words
		{"a:b title:x", `"a:b" "title:x"`},             // column filters are not
		{"NEAR(a b) (c OR d)", `"NEAR(a" "b)" "(c" "OR" "d)"`},
		{"- -- ( ) : ^ + * ' «»", ""}, // no words at all
		{`O"Brien`, `"O" "Brien"`},
		{`Kyiv's`, `"Kyiv's"`},
		{"Зеленський Путін", `"Зеленський" "Путін"`},
		{"1945", `"1945"`}, // digits are words
		{"naïve café", `"naïve" "café"`},
		{"a\u00a0b", `"a" "b"`}, // no-break space separates
		{`say ""hi""`, `"say" "hi"`},
		{`"she said ""no"""`, `"she said " "no"`},
		{"x\"\"y", `"x" "y"`},
		{`"unterminated * prefix`, `"unterminated * prefix"`}, // * inside a phrase is text
		{"Putin-Zelensky", `"Putin-Zelensky"`},
		{"\"a\"\"b\"", `"a" "b"`},
		{"tab\tseparated\nwords", `"tab" "separated" "words"`},
		{`emb"edded`, `"emb" "edded"`},
		{"🙂 ok", `"ok"`},                       // symbols are not words
		{"a\x00b \"c\x00d\"", `"a" "b" "c d"`}, // NUL would end the FTS5 query
		{"\xff\xfeok", "\"\ufffd\ufffdok\""},   // invalid UTF-8
	} {
		if got := matchQuery(tt.in); got != tt.want {
			t.Errorf("matchQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// FuzzSearch checks that no query is an FTS5 syntax error.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"", `"`, "AND", "-", "a:b", "*", "(", "NEAR(a b)", `"x" OR y*`, "Zelensky -Putin"} {
		f.Add(q)
	}
	db := openTest(f, Memory)
	if _, err := db.Commit(context.Background(), storetest.Batch("s", storetest.Articles(16))); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := db.Search(context.Background(), q, 5); err != nil {
			t.Errorf("Search(%q): %v (FTS5 query %s)", q, err, matchQuery(q))
		}
	})
}

// TestSearchFolding checks what the sqlite tokenizer adds to the contract:
// accents are folded and English words are stemmed.
func TestSearchFolding(t *testing.T) {
	db := openTest(t, Memory)
	a := article.Article{
		Title:    "Zürich talks",
		Text:     "The negotiators guaranteed a café meeting in Zürich; Zelenskyy's delegation agreed.",
		Language: "en",
	}
	a.SetID()
	if _, err := db.Commit(context.Background(), store.Batch{Articles: []article.Article{a}}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"zurich", "ZÜRICH", "cafe", "guarantee", "guarantees", "negotiator", "agree*", "Zelenskyy"} {
		hits, err := db.Search(context.Background(), q, 0)
		if err != nil || len(hits) != 1 {
			t.Errorf("Search(%q) = %d hits, %v; want 1", q, len(hits), err)
		}
	}
}
