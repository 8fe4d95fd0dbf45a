package divergence

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// people are the entities the table tests name, by surface form.
var people = map[string]Mention{
	"Vladimir Putin":     {Entity: "e-putin", Name: "Vladimir Putin", Type: "person"},
	"Putin":              {Entity: "e-putin", Name: "Vladimir Putin", Type: "person"},
	"Volodymyr Zelensky": {Entity: "e-zel", Name: "Volodymyr Zelensky", Type: "person"},
	"Zelensky":           {Entity: "e-zel", Name: "Volodymyr Zelensky", Type: "person"},
	"Zelenskiy":          {Entity: "e-zel", Name: "Volodymyr Zelensky", Type: "person"},
	"Zelenskyy":          {Entity: "e-zel", Name: "Volodymyr Zelensky", Type: "person"},
	"J.D. Vance":         {Entity: "e-vance", Name: "J.D. Vance", Type: "person"},
	"JD Vance":           {Entity: "e-vance", Name: "J.D. Vance", Type: "person"},
	"Ukraine":            {Entity: "e-ua", Name: "Ukraine", Type: "location"},
	"Texas":              {Entity: "e-tx", Name: "Texas", Type: "location"},
	"Ohio":               {Entity: "e-oh", Name: "Ohio", Type: "location"},
}

// tagged returns newDoc with the mentions of people found in text,
// longest names first.
func tagged(id, date, text string) Doc {
	d := newDoc(id, date, text)
	taken := make([]bool, len(text))
	for _, n := range []string{"Vladimir Putin", "Volodymyr Zelensky", "J.D. Vance", "JD Vance",
		"Putin", "Zelenskiy", "Zelenskyy", "Zelensky", "Ukraine", "Texas", "Ohio"} {
		for i := 0; ; {
			k := strings.Index(text[i:], n)
			if k < 0 {
				break
			}
			s, e := i+k, i+k+len(n)
			i = e
			if taken[s] || (e < len(text) && text[e] >= 'a' && text[e] <= 'z') {
				continue
			}
			for j := s; j < e; j++ {
				taken[j] = true
			}
			m := people[n]
			m.Start, m.End = utf8.RuneCountInString(text[:s]), utf8.RuneCountInString(text[:e])
			d.Mentions = append(d.Mentions, m)
		}
	}
	return d
}

// outcome is what the table tests check of Compare: each divergence's
// kind and variant values, and each agreement's kind and value.
type outcome struct {
	Divergences []string
	Agreements  []string
}

func outcomeOf(divs []Divergence, agrs []Agreement) outcome {
	var o outcome
	for _, d := range divs {
		var vs []string
		for _, v := range d.Variants {
			vs = append(vs, v.Value+" "+strings.Join(v.Articles, ","))
		}
		o.Divergences = append(o.Divergences, string(d.Kind)+": "+strings.Join(vs, " | "))
	}
	for _, a := range agrs {
		o.Agreements = append(o.Agreements, string(a.Kind)+": "+a.Value+" "+strings.Join(a.Articles, ","))
	}
	return o
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		want  outcome
	}{{
		name: "one amount three ways",
		texts: []string{
			"Zelensky said Ukraine would buy $90 billion of U.S. weapons.",
			"Ukraine offered to purchase 90 billion dollars of American arms, Zelensky said.",
			"Zelensky said Ukraine will buy $90bn of U.S. weapons.",
		},
		want: outcome{Agreements: []string{"amount: $90bn a,b,c"}},
	}, {
		name: "one deadline two ways",
		texts: []string{
			"Putin and Zelensky will meet within a week, officials said.",
			"A meeting between Zelensky and Putin will take place within seven days.",
		},
		want: outcome{Agreements: []string{"deadline: within a week a,b"}},
	}, {
		name: "a deadline told apart",
		texts: []string{
			"Putin and Zelensky could meet within a week, officials said.",
			"A bilateral meeting between Zelensky and Putin could take place within two weeks.",
		},
		want: outcome{Divergences: []string{"deadline: within a week a | within two weeks b"}},
	}, {
		name: "a death toll told apart",
		texts: []string{
			"The earthquake killed 12 people in the mountain villages.",
			"Officials said the earthquake killed 15 people in the villages.",
		},
		want: outcome{Divergences: []string{"count: 12 people a | 15 people b"}},
	}, {
		name: "bounds and rounding agree",
		texts: []string{
			"The war has killed or wounded more than a million people.",
			"The war has killed or wounded 1.2 million people.",
		},
		want: outcome{},
	}, {
		name: "different subjects, different figures",
		texts: []string{
			"The storm killed 12 people in Texas on Monday.",
			"The carmaker hired 40 people in Ohio on Friday.",
		},
		want: outcome{},
	}, {
		name: "different people, different counts",
		texts: []string{
			"Putin has met Trump seven times.",
			"Zelensky has met Trump three times.",
		},
		want: outcome{},
	}, {
		name: "a figure in a list does not diverge",
		texts: []string{
			"He ran for 269 yards and two touchdowns on 83 carries.",
			"He ran for 201 yards and two touchdowns on 29 carries.",
		},
		want: outcome{Agreements: []string{"count: two touchdowns a,b"}},
	}, {
		name: "spellings across outlets",
		texts: []string{
			"Zelenskiy arrived. J.D. Vance spoke.",
			"Volodymyr Zelensky arrived. JD Vance spoke.",
			"Zelenskyy arrived.",
		},
		want: outcome{Divergences: []string{"spelling: Zelenskiy a | Zelensky b | Zelenskyy c"}},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var docs []Doc
			for i, text := range tc.texts {
				docs = append(docs, tagged(string(rune('a'+i)), "2025-08-18", text))
			}
			got := outcomeOf(Compare(docs))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Compare (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCompareDeterministic(t *testing.T) {
	docs := docsOf(seedArticles(t))
	d1, a1 := Compare(docs)
	for range 3 {
		d2, a2 := Compare(docs)
		if diff := cmp.Diff(outcomeOf(d1, a1), outcomeOf(d2, a2)); diff != "" {
			t.Fatalf("Compare differs between runs (-first +later):\n%s", diff)
		}
	}
}

func TestCompareEmpty(t *testing.T) {
	if d, a := Compare(nil); d != nil || a != nil {
		t.Errorf("Compare(nil) = %v, %v", d, a)
	}
	if d, a := Compare([]Doc{{ID: "a"}, {ID: "b", Text: "Nothing here."}}); d != nil || a != nil {
		t.Errorf("Compare(empty docs) = %v, %v", d, a)
	}
}

// Topics name what a figure measures: the scale before a reading, and what
// happened to the people counted.
func TestTopicNames(t *testing.T) {
	tests := []struct {
		texts []string
		topic string
	}{
		{[]string{
			"A magnitude 6.4 earthquake struck eastern Turkey on Sunday, the agency said.",
			"A magnitude 6.2 earthquake hit eastern Turkey on Sunday, officials said.",
		}, "magnitude of the earthquake"},
		{[]string{
			"The earthquake struck the province on Sunday, killing 12 people in the mountain villages.",
			"The earthquake struck the province on Sunday, killing 15 people in the villages.",
		}, "number of people killed"},
		{[]string{
			"The storm hit the coast, injuring 40 residents near the harbour.",
			"The storm hit the coast, injuring 45 residents near the harbour.",
		}, "number of residents injured"},
		{[]string{
			"The vote will take place within a week, officials said.",
			"The vote will take place within two weeks.",
		}, "when the vote will take place"},
		{[]string{
			"Trump said his meeting with Putin will take place within a week.",
			"Trump said his meeting with Putin will take place within two weeks.",
		}, "when the meeting with Putin will take place"},
		{[]string{
			"The quake killed 10 people on the island. As many as 80 people were also wounded.",
			"The quake killed 10 people. It killed 612 people and injured more than 1,400 in 2005.",
			"Ten people were killed in the quake and about 50 hurt.",
		}, "number of people injured"},
	}
	for _, tc := range tests {
		var docs []Doc
		for i, text := range tc.texts {
			docs = append(docs, tagged(string(rune('a'+i)), "2025-08-18", text))
		}
		divs, _ := Compare(docs)
		var topics []string
		for _, d := range divs {
			topics = append(topics, d.Topic)
		}
		if !slices.Contains(topics, tc.topic) {
			t.Errorf("%q\ndivergence topics %q, want %q among them", tc.texts, topics, tc.topic)
		}
	}
}
