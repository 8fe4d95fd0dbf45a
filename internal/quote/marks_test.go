package quote

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// regionTexts returns the content of every quoted region of s.
func regionTexts(s string) []string {
	toks := tokenize(nil, s)
	var out []string
	for _, r := range pairMarks(nil, s, toks) {
		out = append(out, s[toks[r.lo].b0:toks[r.hi-1].b1])
	}
	return out
}

func TestPairMarks(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"curly", "“We love them,” he said.", []string{"We love them"}},
		{"straight", `"We love them," he said.`, []string{"We love them"}},
		{"mixed straight and curly (004)", `that "he cannot imagine a ceasefire”.`, []string{"he cannot imagine a ceasefire"}},
		{"single", "‘Not Fit To Serve,’ he said.", []string{"Not Fit To Serve"}},
		{"apostrophes", "Trump’s plan, Ukraine's security and the leaders’ meeting.", nil},
		{"plural possessive inside single quotes", "‘The leaders’ plan is good,’ he said.", []string{"The leaders’ plan is good"}},
		{"guillemets", "«Oui», dit-il.", []string{"Oui"}},
		{"doubled apostrophes", "''We love them,'' he said.", []string{"We love them"}},
		{"nested single in double", "“He said, ‘No.’ Then he left,” she said.", []string{"He said, ‘No.’ Then he left"}},
		{"closing mark after a space", `"They said, 'Clinton,' " he said.`, []string{"They said, 'Clinton,'"}},
		{"unclosed ends with the paragraph", "“It never ends\n\nNext paragraph.", []string{"It never ends"}},
		{"two paragraphs, one quotation", "“First part.\n\n“Second part.”", []string{"First part.", "Second part."}},
		{"marks around no word", "He wrote “ ” and left.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, regionTexts(tt.text)); diff != "" {
				t.Errorf("regions of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestPairMarksContinuation(t *testing.T) {
	s := "“First part.\n\n“Second part.”"
	rs := pairMarks(nil, s, tokenize(nil, s))
	if len(rs) != 2 || rs[0].cont || !rs[1].cont {
		t.Errorf("regions %+v: want the second to continue the first", rs)
	}
}

func TestTokenize(t *testing.T) {
	s := "U.S. President J.D. Vance (D-N.Y.) said Sen. Trump’s anti-missile $90.5 plan.\n\nNext"
	var got []string
	for _, tk := range tokenize(nil, s) {
		if tk.kind == kBreak {
			got = append(got, "¶")
			continue
		}
		got = append(got, s[tk.b0:tk.b1])
	}
	want := []string{"U.S.", "President", "J.D.", "Vance", "(", "D-N.Y.", ")", "said", "Sen.", "Trump’s",
		"anti-missile", "$", "90.5", "plan", ".", "¶", "Next"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tokenize mismatch (-want +got):\n%s", diff)
	}
}

func TestSplitSentences(t *testing.T) {
	s := "“It is important. But there are no details.” Zelensky said. Mr. Trump met him in the U.S. on Monday.\nNew paragraph"
	x := extractors.Get().(*extractor)
	x.reset(s, nil)
	var got []string
	for _, st := range x.sents {
		got = append(got, x.span(st.lo, st.hi).Text)
	}
	want := []string{"“It is important. But there are no details.”", "Zelensky said.",
		"Mr. Trump met him in the U.S. on Monday.", "New paragraph"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentences mismatch (-want +got):\n%s", diff)
	}
}
