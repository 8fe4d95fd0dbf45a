package ner

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/entity"
	"github.com/storyline-news/storyline/internal/text"
)

func TestGazetteerMatch(t *testing.T) {
	tests := []struct {
		in   string
		list int
		want string // match code per token: - for none, B/I/L/U, lower case if the case differs
	}{
		{"U.S. President Donald Trump", gazCountry, "U - - -"},
		{"the United States of America said", gazCountry, "- B I I L -"},
		{"the united states", gazCountry, "- b l"},
		{"the European Union and NATO", gazOrg, "- B L - U"},
		{"in Guinea-Bissau today", gazCountry, "- B I L -"},
		{"Ukrainian troops", gazDemonym, "U -"},
		{"German Chancellor Friedrich Merz", gazTitle, "- U - -"},
		{"German Chancellor Friedrich Merz", gazPeople, "- - B L"},
		{"ate a turkey in Turkey", gazCountry, "- - u - U"},
	}
	g := defaultGazetteer()
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var words, lower []string
			for _, tok := range text.Tokenize(tt.in) {
				w := Normalize(tok.Text)
				words, lower = append(words, w), append(lower, strings.ToLower(w))
			}
			var got []string
			for _, codes := range g.match(words, lower) {
				c := codes[tt.list]
				switch {
				case c == 0:
					got = append(got, "-")
				case c&gazExact != 0:
					got = append(got, string("BILU"[c&^gazExact-1]))
				default:
					got = append(got, string("bilu"[c-1]))
				}
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("match(%q) in %s = %q, want %q", tt.in, gazFile[tt.list], s, tt.want)
			}
		})
	}
}

func TestDemonym(t *testing.T) {
	for word, want := range map[string]string{"Ukrainian": "Ukraine", "Britons": "United Kingdom", "French": "France", "Zelenskyy": ""} {
		got, ok := Demonym(word)
		if got != want || ok != (want != "") {
			t.Errorf("Demonym(%q) = %q, %v; want %q", word, got, ok, want)
		}
	}
}

func TestOverrides(t *testing.T) {
	g := defaultGazetteer()
	for _, tc := range []struct {
		text string
		typ  entity.Type
	}{{"Kremlin", entity.Organization}, {"White House", entity.Location}} {
		if got := g.overrides[tc.text]; got != tc.typ {
			t.Errorf("override of %q = %q, want %q", tc.text, got, tc.typ)
		}
	}
	for _, typ := range g.overrides {
		if !slices.Contains(storylineType[:], typ) {
			t.Errorf("override type %q is not a storyline type", typ)
		}
	}
}
