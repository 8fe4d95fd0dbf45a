package divergence

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline-news/storyline/internal/timex"
)

// newDoc returns a Doc of text published on date, with its time
// expressions and no entities.
func newDoc(id, date, text string) Doc {
	dct, _ := time.Parse(time.DateOnly, date)
	return Doc{ID: id, Text: text, Published: dct, Timexes: timex.Extract(text, dct)}
}

// brief is the part of a claim the table tests check.
type brief struct {
	Kind  Kind
	Text  string
	Value string
}

func briefs(cs []Claim) []brief {
	var out []brief
	for _, c := range cs {
		out = append(out, brief{c.Kind, c.Text, c.Value})
	}
	return out
}

func TestClaims(t *testing.T) {
	tests := []struct {
		text string
		want []brief
	}{
		{"Security guarantees would include a $90 billion U.S. arms package.",
			[]brief{{Amount, "$90 billion", "USD 90000000000"}}},
		{"Ukraine offered to purchase approximately $90 billion worth of U.S. weapons.",
			[]brief{{Amount, "approximately $90 billion", "USD 90000000000"}}},
		{"Ukraine will buy 90 billion dollars of weapons, or $90bn.",
			[]brief{{Amount, "90 billion dollars", "USD 90000000000"}, {Amount, "$90bn", "USD 90000000000"}}},
		{"Thieves took $137-million of jewels and €85 million in cash.",
			[]brief{{Amount, "$137-million", "USD 137000000"}, {Amount, "€85 million", "EUR 85000000"}}},
		{"The war has killed or wounded more than a million people.",
			[]brief{{Count, "more than a million people", "1000000 people"}}},
		{"Zelenskyy thanked Trump at least eight times.",
			[]brief{{Count, "at least eight times", "8 time"}}},
		{"A 6.1-magnitude quake hit; 37 people were killed.",
			[]brief{{Count, "6.1-magnitude", "6.1 magnitude"}, {Count, "37 people", "37 people"}}},
		{"The judge gave him seven consecutive life sentences.",
			[]brief{{Count, "seven", "7 sentenc"}}},
		{"A 33-year-old man was arrested.",
			[]brief{{Count, "33-year-old", "33 age"}}},
		{"Greek stocks plunged 5.4 per cent and bonds 3 percent.",
			[]brief{{Percent, "5.4 per cent", "5.4%"}, {Percent, "3 percent", "3%"}}},
		// Labels, years, references and broken numbers are not figures.
		{"Article 5 of NATO's treaty dates from 1949.", nil},
		{"The two leaders will hold three-way talks.", nil},
		{"It was valued at $4. 9 million, at 11:47 on 9/11.", nil},
		{"One side or the other will win.", nil},
		// Time expressions are claims of their own.
		{"He said the details could be worked out within 10 days.",
			[]brief{{Deadline, "within 10 days", "P10D"}}},
		{"The guarantees would be formalized within the next week to 10 days.",
			[]brief{{Deadline, "within the next week to 10 days", "P7D/P10D"}}},
		{"He could organize a meeting as early as within a week.",
			[]brief{{Deadline, "as early as within a week", "P7D"}}},
		{"Trump met Putin in Alaska on Friday.",
			[]brief{{Date, "on Friday", "2025-08-15"}}},
		{"The jury deliberated for 12 hours before the verdict.",
			[]brief{{Duration, "12 hours", "PT12H"}}},
		// A date that says when something was said, or a dateline, is not.
		{"Steve Witkoff said on Sunday that talks went well.", nil},
		{"Updated: 4:08 p.m. ET", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := briefs(Claims(newDoc("a", "2025-08-18", tc.text)))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Claims(%q) (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestClaimModifiers(t *testing.T) {
	tests := []struct {
		text string
		mod  string
	}{
		{"more than 300 people", modMin},
		{"at least 12 homes", modMin},
		{"nearly 235,000 comments", modMax},
		{"up to 70 vessels", modMax},
		{"about 150 metres", modApprox},
		{"an estimated $2 million", modApprox},
		{"12 miles", modExact},
	}
	for _, tc := range tests {
		cs := Claims(newDoc("a", "2025-08-18", "They counted "+tc.text+" there."))
		if len(cs) != 1 || cs[0].val.mod != tc.mod || cs[0].Text != tc.text {
			t.Errorf("Claims(%q) = %+v, want one claim with modifier %q", tc.text, briefs(cs), tc.mod)
		}
	}
}

func TestSpeakerOfClaim(t *testing.T) {
	text := "Zelenskyy told reporters that Ukraine would buy $90 billion of weapons."
	d := newDoc("a", "2025-08-19", text)
	d.Mentions = []Mention{{Start: 0, End: 9, Entity: "e-z", Name: "Volodymyr Zelensky", Type: "person"}}
	d.Quotes = []Quote{{Start: 26, End: 71, Speaker: "Zelenskyy", Entity: "e-z"}}
	cs := Claims(d)
	if len(cs) != 1 || cs[0].Speaker != "Volodymyr Zelensky" || cs[0].SpeakerEntity != "e-z" {
		t.Errorf("Claims = %+v, want one claim attributed to Volodymyr Zelensky", cs)
	}
}
