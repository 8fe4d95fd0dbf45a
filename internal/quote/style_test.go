package quote

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Quotation styles: the same kind of sentence in every style of mark, taken
// from the seeds (002, 003, 004) or rewritten from them in another style.
func TestExtractStyles(t *testing.T) {
	tests := []struct {
		name, text string
		want       []view
	}{
		{
			name: "curly double, cue after (002)",
			text: "“Everyone is very happy about the possibility of PEACE for Russia/Ukraine,” Trump posted on Truth Social.",
			want: []view{{Direct: true, Content: "Everyone is very happy about the possibility of PEACE for Russia/Ukraine",
				Speaker: "Trump", SpkText: "Trump", Cue: "posted"}},
		},
		{
			name: "straight double, cue after",
			text: `"We love them," Trump said.`,
			want: []view{{Direct: true, Content: "We love them", Speaker: "Trump", SpkText: "Trump", Cue: "said"}},
		},
		{
			name: "straight opening, curly closing (004)",
			text: `Merz said on Monday that "he cannot imagine the next meeting taking place without a ceasefire”.`,
			want: []view{
				{Content: `that "he cannot imagine the next meeting taking place without a ceasefire”`,
					Speaker: "Merz", SpkText: "Merz", Cue: "said"},
				{Direct: true, Content: "he cannot imagine the next meeting taking place without a ceasefire",
					Speaker: "Merz", SpkText: "Merz", Cue: "said"},
			},
		},
		{
			name: "curly single, British",
			text: "‘We’ll give them good protection,’ Trump told reporters.",
			want: []view{{Direct: true, Content: "We’ll give them good protection", Speaker: "Trump",
				SpkText: "Trump", Cue: "told reporters"}},
		},
		{
			name: "straight single",
			text: "'We love them,' Trump said.",
			want: []view{{Direct: true, Content: "We love them", Speaker: "Trump", SpkText: "Trump", Cue: "said"}},
		},
		{
			name: "guillemets",
			text: "«We love them», Trump said.",
			want: []view{{Direct: true, Content: "We love them", Speaker: "Trump", SpkText: "Trump", Cue: "said"}},
		},
		{
			name: "doubled apostrophes of wire copy",
			text: "''We love them,'' Mr. Trump said.",
			want: []view{{Direct: true, Content: "We love them", Speaker: "Trump", SpkText: "Mr. Trump", Cue: "said"}},
		},
		{
			name: "apostrophes open nothing (004)",
			text: "Trump said the US would help assure Ukraine's security. It was Zelensky’s first visit since the leaders’ meeting.",
			want: []view{{Content: "the US would help assure Ukraine's security", Speaker: "Trump", SpkText: "Trump", Cue: "said"}},
		},
		{
			name: "single quotation nested in double",
			text: "“The answer you’d like me to give is, ‘I’m for the RFS, darn it,’” Cruz said.",
			want: []view{{Direct: true, Content: "The answer you’d like me to give is, ‘I’m for the RFS, darn it,’",
				Speaker: "Cruz", SpkText: "Cruz", Cue: "said"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := views(tt.text, Extract(tt.text, Options{}))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// A colon after a label opens a note, a credit or a table line, not speech;
// after a name it opens what the person said.
func TestColonLabels(t *testing.T) {
	for _, text := range []string{
		"Net 5,086,000 vs 4,120,000\nNOTE: Per shr calculated after payment of preferred dividends.",
		"Loans 299.2 mln vs 327.2 mln\nNote: 4th qtr not available. Year includes 1985 extraordinary gain.",
		"Editor's note: This story was updated to correct the company's name.",
		"Source: Statistics Canada figures for the second quarter.",
	} {
		if got := Extract(text, Options{}); len(got) != 0 {
			t.Errorf("Extract(%q) = %+v, want no quote", text, views(text, got))
		}
	}
	text := "Matthews: Well, speculation is bad for the markets."
	got := views(text, Extract(text, Options{}))
	if len(got) != 1 || got[0].SpkText != "Matthews" {
		t.Errorf("Extract(%q) = %+v, want one quote by Matthews", text, got)
	}
}
