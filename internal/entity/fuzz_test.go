package entity

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSplitPerson checks the word, role and name parsers on any text: they
// must not panic, and what they return must lie within the text.
func FuzzSplitPerson(f *testing.F) {
	for _, s := range []string{
		"U.S. President Donald Trump’s", "NATO secretary general Mark Rutte", "the Ukrainian president",
		"Steve Witkoff, Trump’s special envoy,", "Ursula von der Leyen", "J.D. Vance", "Mr. Merz Jr.",
		"former Russia’s Vice President", "’s", "...", "Secretary of State", "A.B.C.D.", "von der",
	} {
		f.Add(s)
	}
	t := loadTables()
	f.Fuzz(func(tt *testing.T, text string) {
		ws := words(text, 0, len(text), nil)
		for k, w := range ws {
			if w.s < 0 || w.s >= w.e || w.e > w.pe || w.pe > len(text) || (k > 0 && w.s < ws[k-1].pe) {
				tt.Fatalf("word %d %+v out of place in %q", k, w, text)
			}
		}
		p := &parser{t: t, text: text}
		r, roleEnd, first := p.splitPerson(ws)
		if roleEnd > first || first > len(ws) {
			tt.Fatalf("splitPerson(%q) = %v, %d, %d", text, r, roleEnd, first)
		}
		if first < len(ws) {
			n := p.parseName(ws[first:])
			if !strings.Contains(text, n.full) || !strings.Contains(n.full, n.surname) || n.surname == "" {
				tt.Fatalf("parseName(%q) = %+v", text, n)
			}
		}
		for j := 0; j <= len(ws); j++ {
			if _, k, ok := p.roleBefore(ws, j); ok && (k < 0 || k >= j) {
				tt.Fatalf("roleBefore(%q, %d) starts at %d", text, j, k)
			}
			if j < len(ws) {
				if _, e, ok := p.roleAt(ws, j); ok && (e <= j || e > len(ws)) {
					tt.Fatalf("roleAt(%q, %d) ends at %d", text, j, e)
				}
			}
		}
		if !utf8.ValidString(text) {
			return
		}
		if got := foldString(text); !utf8.ValidString(got) {
			tt.Fatalf("fold(%q) = %q, invalid UTF-8", text, got)
		}
	})
}

// FuzzResolve resolves a text with mentions cut from it by the fuzzer's
// spans: links must match their text, name entities of the result, and come
// out the same twice.
func FuzzResolve(f *testing.F) {
	f.Add("U.S. President Donald Trump met Zelenskiy. Trump’s envoy, the Ukrainian president, left.", []byte{0, 27, 32, 42, 44, 49, 57, 80})
	f.Add("Zelensky and von der Leyen; the US president.", []byte{0, 8, 13, 26, 3, 40})
	f.Add("“É” — Ünal Özkan’s", []byte{0, 3, 6, 18, 1, 1})
	f.Fuzz(func(t *testing.T, text string, spans []byte) {
		n := utf8.RuneCountInString(text)
		types := []Type{Person, Organization, Location, Other, "PER"}
		var ms []Mention
		for i := 0; i+1 < len(spans); i += 2 {
			ms = append(ms, Mention{Start: int(spans[i]) % (n + 2), End: int(spans[i+1]) % (n + 2), Type: types[i/2%len(types)]})
		}
		docs := []Doc{{ArticleID: "a", Text: text, Mentions: ms}, {ArticleID: "b", Text: text, Mentions: ms}}
		res := Resolve(docs)
		ids := map[string]bool{}
		for _, e := range res.Entities {
			ids[e.ID] = true
		}
		runes := []rune(text)
		for _, ls := range res.Links {
			for _, l := range ls {
				// Invalid UTF-8 counts one code point a byte, as []rune does.
				if l.Start < 0 || l.End > len(runes) || l.Start >= l.End || string(runes[l.Start:l.End]) != string([]rune(l.Text)) {
					t.Fatalf("link %+v does not match %q", l, text)
				}
				if l.Entity != "" && !ids[l.Entity] {
					t.Fatalf("link %+v names no entity", l)
				}
			}
		}
		if again := Resolve(docs); !reflect.DeepEqual(again, res) {
			t.Fatalf("Resolve is not deterministic on %q", text)
		}
	})
}
