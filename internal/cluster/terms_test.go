package cluster

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/article"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []token
	}{
		{"A 6.1 quake, 155,221 bags", []token{
			{text: "A", capital: true, initial: true},
			{text: "6.1", joined: true},
			{text: "quake", joined: true},
			{text: "155,221"},
			{text: "bags", joined: true},
		}},
		{"Hugh Jackman. He (the host)", []token{
			{text: "Hugh", capital: true, initial: true},
			{text: "Jackman", capital: true, joined: true},
			{text: "He", capital: true, initial: true},
			{text: "the"},
			{text: "host", joined: true},
		}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tokenize(nil, tt.in), cmp.AllowUnexported(token{})); diff != "" {
			t.Errorf("tokenize(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

// features returns the feature names of an article's title and text.
func features(title, text string) []string {
	voc := newVocab(&background{})
	x := newExtractor(Options{}.withDefaults(), voc)
	var out []string
	for _, f := range x.features(article.Article{Title: title, Text: text}) {
		out = append(out, voc.terms[f.id])
	}
	slices.Sort(out)
	return out
}

func TestFeatures(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              []string
	}{
		{"stems and stop words", "", "The hosts were hosting", []string{"host"}},
		{"numbers kept as written", "", "In 2013, 26 pirates; magnitude 6.1 and a 76ers fan",
			[]string{"2013", "26", "6.1", "76er", "fan", "magnitud", "pirat"}},
		{"names in a run, a run's words, a known sentence opener",
			"", "Hugh Jackman hosts. Jackman sings while Ellen DeGeneres watches on Friday.",
			[]string{"@degeneres", "@ellen", "@ellen_degeneres", "@hugh", "@hugh_jackman", "@jackman",
				"degener", "ellen", "host", "hugh", "jackman", "sing", "watch"}},
		{"dates are no topic", "", "Prices rose in February and fell on Monday, in March and in May.",
			[]string{"fell", "march", "may", "price", "rose"}}, // "march" and "may" are words too
		{"generic words of a name are no name of their own", "",
			"Data from Statistics Canada and the New Zealand Reserve Bank.",
			[]string{"@canada", "@new_zealand_reserve_bank", "@statistics_canada", "@zealand",
				"bank", "canada", "data", "new", "reserv", "statist", "zealand"}},
		{"a capital opening a sentence is no name", "", "Police said so.", []string{"polic", "said"}},
		{"title words are features, title capitals are not names", "Quake Hits Japan", "",
			[]string{"hit", "japan", "quak"}},
		{"transliterations meet", "", "talks with Zelenskyy and Zelenskiy",
			[]string{"@zelenski", "talk", "zelenskiy", "zelenskyy"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, features(tt.title, tt.text)); diff != "" {
				t.Errorf("features (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLeadWeighsMore(t *testing.T) {
	voc := newVocab(&background{})
	x := newExtractor(Options{}.withDefaults(), voc)
	text := "pirates " + strings.Repeat("filler ", leadWords) + "pirates"
	for _, f := range x.features(article.Article{Text: text}) {
		if voc.terms[f.id] == "pirat" && f.w != leadWeight+1 {
			t.Errorf("pirates counted %v, want %v (once in the lead, once after)", f.w, leadWeight+1)
		}
	}
}

func TestKindOf(t *testing.T) {
	for term, want := range map[string]uint8{
		"pirat": kindWord, "76er": kindWord, "@jackman": kindName, "@hugh_jackman": kindName,
		"2013": kindYear, "1987": kindYear, "2213": kindNumber, "6.1": kindNumber, "155,221": kindNumber,
	} {
		if got := kindOf(term); got != want {
			t.Errorf("kindOf(%q) = %d, want %d", term, got, want)
		}
	}
}
