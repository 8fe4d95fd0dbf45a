package quote

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Cue patterns, each on sentences of the seeds.
func TestExtractCues(t *testing.T) {
	tests := []struct {
		name, text string
		want       []view
	}{
		{
			name: "telling reporters: before the quotation (002)",
			text: "Trump said the United States would play a role in ensuring Ukraine’s security, telling reporters: “We’ll give them good protection.”",
			want: []view{
				{Content: "the United States would play a role in ensuring Ukraine’s security", Speaker: "Trump", SpkText: "Trump", Cue: "said"},
				{Direct: true, Content: "We’ll give them good protection.", Speaker: "Trump", SpkText: "Trump", Cue: "telling reporters"},
			},
		},
		{
			name: "fragment inside a sentence (003)",
			text: "Zelenskyy praised the promise as “a major step forward,” stating that the guarantees would be “formalized on paper within the next week to 10 days.”",
			want: []view{
				{Content: "the promise", Speaker: "Zelenskyy", SpkText: "Zelenskyy", Cue: "praised"},
				{Direct: true, Content: "a major step forward", Speaker: "Zelenskyy", SpkText: "Zelenskyy", Cue: "praised"},
				{Content: "that the guarantees would be “formalized on paper within the next week to 10 days.”",
					Speaker: "Zelenskyy", SpkText: "Zelenskyy", Cue: "stating"},
				{Direct: true, Content: "formalized on paper within the next week to 10 days.", Speaker: "Zelenskyy",
					SpkText: "Zelenskyy", Cue: "stating"},
			},
		},
		{
			name: "a quotation after the cue with a comment after it (002)",
			text: "Trump was caught on a hot mic telling Macron: “I think he wants to make a deal. You understand that? As crazy as that sounds,” seemingly about Putin, according to a BBC report.",
			want: []view{
				{Content: "Trump was caught on a hot mic telling Macron: “I think he wants to make a deal. You understand that? As crazy as that sounds,” seemingly about Putin",
					SpkText: "a BBC report", Cue: "according to"},
				{Direct: true, Content: "I think he wants to make a deal. You understand that? As crazy as that sounds",
					Speaker: "Trump", SpkText: "Trump", Cue: "telling Macron"},
			},
		},
		{
			name: "with X saying (002)",
			text: "European leaders pushed back, with Merz saying, “I can’t imagine that the next meeting would take place without a ceasefire.”",
			want: []view{{Direct: true, Content: "I can’t imagine that the next meeting would take place without a ceasefire.",
				Speaker: "Merz", SpkText: "Merz", Cue: "saying"}},
		},
		{
			name: "split quotation with a reported aside (003)",
			text: "“When it comes to security, there’s going to be a lot of help,” Trump told reporters, adding that European nations would also be involved. “They are a first line of defense because they’re there, but we’ll help them out.”",
			want: []view{
				{Direct: true, Content: "When it comes to security, there’s going to be a lot of help … They are a first line of defense because they’re there, but we’ll help them out.",
					Speaker: "Trump", SpkText: "Trump", Cue: "told reporters", Frags: 2},
				{Content: "that European nations would also be involved", Speaker: "Trump", SpkText: "Trump", Cue: "adding"},
			},
		},
		{
			name: "cue in the next sentence, then a continuation (001)",
			text: "“It is important that America agrees to work with Europe to provide security guarantees for Ukraine.” Zelensky said. “But there are no details how it’ll work.”",
			want: []view{{Direct: true, Content: "It is important that America agrees to work with Europe to provide security guarantees for Ukraine. But there are no details how it’ll work.",
				Speaker: "Zelensky", SpkText: "Zelensky", Cue: "said", Frags: 2}},
		},
		{
			name: "multi-paragraph quotation (001)",
			text: "Zelensky said: “We need security to work in practice like Article 5 of NATO.\n\n“And we consider EU accession to be part of security guarantees.”",
			want: []view{{Direct: true, Content: "We need security to work in practice like Article 5 of NATO. And we consider EU accession to be part of security guarantees.",
				Speaker: "Zelensky", SpkText: "Zelensky", Cue: "said", Frags: 2}},
		},
		{
			name: "reported speech with told reporters that (002)",
			text: "Zelenskyy told reporters that security guarantees would include a $90 billion U.S. arms package.",
			want: []view{{Content: "that security guarantees would include a $90 billion U.S. arms package",
				Speaker: "Zelenskyy", SpkText: "Zelenskyy", Cue: "told reporters"}},
		},
		{
			name: "has said repeatedly that (000)",
			text: "Zelenskiy has said repeatedly that he’s willing to meet Putin.",
			want: []view{{Content: "that he’s willing to meet Putin", Speaker: "Zelenskiy", SpkText: "Zelenskiy", Cue: "said"}},
		},
		{
			name: "according to, first (003)",
			text: "According to German Chancellor Friedrich Merz, the two leaders will meet within the next two weeks.",
			want: []view{{Content: "the two leaders will meet within the next two weeks", Speaker: "Friedrich Merz",
				SpkText: "German Chancellor Friedrich Merz", Cue: "According to"}},
		},
		{
			name: "according to, last (000)",
			text: "The talks will include security guarantees and continued support for Ukraine, according to a German statement.",
			want: []view{{Content: "The talks will include security guarantees and continued support for Ukraine",
				SpkText: "a German statement", Cue: "according to"}},
		},
		{
			name: "trailing said the people (000)",
			text: "An alternative would be bolstering earlier plans coordinated by the UK and France, said the people.",
			want: []view{{Content: "An alternative would be bolstering earlier plans coordinated by the UK and France",
				SpkText: "the people", Cue: "said"}},
		},
		{
			name: "trailing X reported (000)",
			text: "Trump told European leaders on a call Saturday that he was prepared to contribute to security guarantees, Bloomberg reported earlier.",
			want: []view{
				{Content: "Trump told European leaders on a call Saturday that he was prepared to contribute to security guarantees",
					Speaker: "Bloomberg", SpkText: "Bloomberg", Cue: "reported"},
				{Content: "that he was prepared to contribute to security guarantees", Speaker: "Trump", SpkText: "Trump",
					Cue: "told European leaders"},
			},
		},
		{
			name: "citing a source is not content (000)",
			text: "The topic of a trilateral summit wasn’t raised during the meetings in Alaska, Russia’s state TV channel Vesti reported on Saturday, citing Russian presidential aide Yuri Ushakov.",
			want: []view{{Content: "The topic of a trilateral summit wasn’t raised during the meetings in Alaska",
				Speaker: "Vesti", SpkText: "Russia’s state TV channel Vesti", Cue: "reported"}},
		},
		{
			name: "citing unnamed officials is not content",
			text: "The plant will close next year, the newspaper reported, citing officials.",
			want: []view{{Content: "The plant will close next year", Speaker: "", SpkText: "the newspaper", Cue: "reported"}},
		},
		{
			name: "citing a reason is content",
			text: "The minister resigned on Friday, citing health reasons.",
			want: []view{{Content: "health reasons", SpkText: "The minister", Cue: "citing"}},
		},
		{
			name: "role phrase resolved to the person named with that title (002)",
			text: "The U.S. President said discussions focused on security guarantees for Ukraine. U.S. President Donald Trump hosted Zelenskyy.",
			want: []view{{Content: "discussions focused on security guarantees for Ukraine", Speaker: "Donald Trump",
				SpkText: "The U.S. President", Cue: "said"}},
		},
		{
			name: "a scare quote has no attribution (003)",
			text: "Russia is conducting a “special military operation” in Ukraine.",
			want: []view{},
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
