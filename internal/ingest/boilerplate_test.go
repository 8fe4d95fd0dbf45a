package ingest

import (
	"strings"
	"testing"
)

func TestTrimBoilerplate(t *testing.T) {
	const body = "Trump hosted Zelensky at the White House on Monday."
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"© credit", []string{body, "© PHOTO MANDEL NGAN / AFP"}, []string{body}},
		{"(c) credit", []string{"(c) 2025 Example News Ltd", body}, []string{body}},
		{"copyright year", []string{body, "Copyright 2025 Reuters. All rights reserved."}, []string{body}},
		{"photo colon", []string{body, "Photo: Andrew Harnik/Getty Images", body}, []string{body, body}},
		{"photo slash", []string{body, "PHOTO/REUTERS", body}, []string{body, body}},
		{"agency suffix", []string{body, "Brendan Smialowski/AFP via Getty Images", body}, []string{body, body}},
		{"parenthesised agency", []string{body, "(Reuters)"}, []string{body}},
		{"parenthesised photo", []string{"(AP Photo/Evan Vucci)", body}, []string{body}},
		{"related news with links", []string{body, "", "Related news", "Trump and Putin meet in Alaska", "", "Leaders to join Zelensky"}, []string{body}},
		{"related articles heading only", []string{body, "Related articles:"}, []string{body}},
		{"read more with headline", []string{body, "Read more: Trump and Putin meet in Alaska"}, []string{body}},
		{"continue reading", []string{body, "Continue reading…"}, []string{body}},
		{"reuters sign-off", []string{body, "Reporting by Olena Kovalenko in Kyiv; Editing by Mark Smith"}, []string{body}},
		{"feed footer", []string{body, "The post Talks end appeared first on Example News."}, []string{body}},
		{"stacked tail", []string{body, "© PHOTO AFP", "Related news", "Headline one", "Reporting by A; Editing by B"}, []string{body}},

		// Real text that must stay.
		{"inline agency dateline", []string{"KYIV (Reuters) - Ukraine said on Monday it had shot down 20 drones."}, nil},
		{"sentence mentioning a photo", []string{body, "The photo showed the leaders smiling in the Oval Office."}, nil},
		{"credit-like prose is long", []string{body, "Photo: the leaders had posed for a group picture before the talks began, and then they went inside for a long lunch with aides and advisers."}, nil},
		{"related in prose", []string{"Related news from the front was grim, officials said."}, nil},
		{"marker mid-text, sentences after", []string{body, "Read more", "The leaders then met again on Tuesday.", body}, nil},
		{"link list too long", append([]string{body, "Related"}, strings.Split(strings.Repeat("Headline x\n", 13), "\n")[:13]...), nil},
		{"credit mid-text with slash in prose", []string{body, "Prices rose 5% in the year to July, against 3%/4% forecast by AP economists and others in the survey."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Join(tt.in, "\n")
			want := in
			if tt.want != nil {
				want = strings.Join(tt.want, "\n")
			}
			if got := trimBoilerplate(in, true); got != want {
				t.Errorf("trimBoilerplate(%q)\n got %q\nwant %q", in, got, want)
			}
		})
	}
}
