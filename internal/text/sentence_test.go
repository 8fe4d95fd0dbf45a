package text

import (
	"strings"
	"testing"
)

func sentenceTexts(text string) string {
	var out []string
	for _, s := range Sentences(Tokenize(text)) {
		out = append(out, texts(s))
	}
	return strings.Join(out, " / ")
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Putin denies it. Trump agreed.", "Putin|denies|it|. / Trump|agreed|."},
		{"U.S. President Donald Trump met him.", "U.S.|President|Donald|Trump|met|him|."},
		{"weapons from the U.S. He also said no.", "weapons|from|the|U.S. / He|also|said|no|."},
		{"talks with the U.S. Treasury ended", "talks|with|the|U.S.|Treasury|ended"},
		{"Mr. Smith met Dr. Jones.", "Mr.|Smith|met|Dr.|Jones|."},
		{"Vice President J.D. Vance spoke.", "Vice|President|J.D.|Vance|spoke|."},
		{"“We love them.” Zelenskyy thanked him.", "“|We|love|them|.|” / Zelenskyy|thanked|him|."},
		{"he said. \"We love them.\"", "he|said|. / \"|We|love|them|.|\""},
		{"Is it over? No, it is not!", "Is|it|over|? / No|,|it|is|not|!"},
		{"It fell 3.5 percent to 1,000.", "It|fell|3.5|percent|to|1,000|."},
		{"the word... and then", "the|word|...|and|then"},
		{"Headline Without Stop\nBody text here.", "Headline|Without|Stop / Body|text|here|."},
		{"one line\n\nnext paragraph", "one|line / next|paragraph"},
		{"It ended (finally). Then", "It|ended|(|finally|)|. / Then"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := sentenceTexts(tt.in); got != tt.want {
				t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
