package postgres

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
)

func TestTSQuery(t *testing.T) {
	for _, tt := range []struct {
		in, want string
	}{
		{"", ""},
		{"   \t\n", ""},
		{"Zelensky security guarantees", `'Zelensky' & 'security' & 'guarantees'`},
		{`"security guarantees" Zelensky`, `'security guarantees' & 'Zelensky'`},
		{`Putin "Zelensky meeting`, `'Putin' & 'Zelensky meeting'`}, // unclosed phrase
		{`""`, ""},
		{"secur*", `'secur':*`},
		{"secur** *", `'secur':*`},
		{"*secur", `'*secur'`},
		{"AND OR NOT & | ! <->", `'AND' & 'OR' & 'NOT'`}, // operators are words or nothing
		{"- -- ( ) : ^ + * ' «»", ""},
		{`O'Brien`, `'O''Brien'`},
		{`back\slash`, `'back\\slash'`},
		{"a:b", `'a:b'`},
		{"Зеленський", `'Зеленський'`},
		{"nul\x00byte", `'nul' & 'byte'`},
		{"bad\xffbyte", "'bad\uFFFDbyte'"},
	} {
		if got := tsQuery(tt.in); got != tt.want {
			t.Errorf("tsQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSearchFolding checks what the text search configuration does: case
// and accents folded, English stems, no stop words, prefixes (stemmed like
// the words they start, as SQLite's porter tokenizer does: "talks*" finds
// "talks", and "elys*", stemmed to "eli", does not find "Élysée" there
// either).
func TestSearchFolding(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	a := article.Article{Title: "Café talks", Language: "fr", SourceRef: "x.txt",
		Text: "The leaders were meeting at the Élysée on Monday; the talks continued."}
	a.SetID()
	if _, err := db.Commit(ctx, store.Batch{Articles: []article.Article{a}}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"cafe", "CAFÉ", "elysee", "meetings", "talk", "the", `"on monday"`, "contin*", "talks*"} {
		hits, err := db.Search(ctx, q, 10)
		if err != nil || len(hits) != 1 {
			t.Errorf("Search(%q) = %d hits, %v; want 1", q, len(hits), err)
		}
	}
	for _, q := range []string{`"monday on"`, "xyz*", "cafes elysee nothing"} {
		if hits, err := db.Search(ctx, q, 10); err != nil || len(hits) != 0 {
			t.Errorf("Search(%q) = %d hits, %v; want none", q, len(hits), err)
		}
	}
}

func TestPickSnippet(t *testing.T) {
	for _, tt := range []struct{ body, title, want string }{
		{"a \x02security\x03 \x02guarantees\x03 b", "", "a «security guarantees» b"},
		{"\x02one\x03, \x02two\x03", "", "«one», «two»"},
		{"no match « here »", "\x02Title\x03 words", "«Title» words"},
		{"no match", "no match either", "no match"},
	} {
		if got := store.PickSnippet(tt.body, tt.title, joinMarks); got != tt.want {
			t.Errorf("PickSnippet(%q, %q, joinMarks) = %q, want %q", tt.body, tt.title, got, tt.want)
		}
	}
}
