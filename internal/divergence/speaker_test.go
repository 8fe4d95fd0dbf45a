package divergence

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// quotedDoc returns a Doc whose text quotes words, attributed to the person
// named by speaker, with or without the name at the quotation.
func quotedDoc(id, words, speaker, entity string, named bool) Doc {
	text := "“" + words + ",” " + speaker + " said."
	d := Doc{ID: id, Text: text}
	start := 1
	end := start + utf8.RuneCountInString(words)
	d.Quotes = []Quote{{Start: start, End: end, Speaker: speaker, Entity: entity, Direct: true, Named: named}}
	s := utf8.RuneCountInString(text[:strings.Index(text, speaker)])
	d.Mentions = []Mention{{Start: s, End: s + utf8.RuneCountInString(speaker), Entity: entity, Name: speaker, Type: "person"}}
	return d
}

func TestQuoteSpeakers(t *testing.T) {
	const words = "This game was without a doubt 100 percent on my shoulders"
	tests := []struct {
		name string
		docs []Doc
		want []string
	}{
		{"one quotation, two people", []Doc{
			quotedDoc("a", words, "Peyton Hillis", "e-hillis", true),
			quotedDoc("b", words, "Brady Quinn", "e-quinn", true),
		}, []string{"Peyton Hillis a", "Brady Quinn b"}},
		{"one person, two names", []Doc{
			quotedDoc("a", words, "Inspector Gaskin", "e-g1", true),
			quotedDoc("b", words, "Dave Gaskin", "e-g2", true),
		}, nil},
		{"a resolved pronoun does not count", []Doc{
			quotedDoc("a", words, "Peyton Hillis", "e-hillis", false),
			quotedDoc("b", words, "Brady Quinn", "e-quinn", true),
		}, nil},
		{"different quotations", []Doc{
			quotedDoc("a", words, "Peyton Hillis", "e-hillis", true),
			quotedDoc("b", "We will be back next season and we will win it all", "Brady Quinn", "e-quinn", true),
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			divs, _ := Compare(tc.docs)
			var got []string
			for _, d := range divs {
				if d.Kind != Speaker {
					continue
				}
				for _, v := range d.Variants {
					got = append(got, v.Value+" "+strings.Join(v.Articles, ","))
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("speaker divergences (-want +got):\n%s", diff)
			}
		})
	}
}
