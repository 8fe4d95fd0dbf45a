package text

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func texts(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"U.S. President Donald Trump", "U.S.|President|Donald|Trump"},
		{"Ukraine’s security", "Ukraine|’s|security"},
		{"Trump's team", "Trump|'s|team"},
		{"analysts' expectations", "analysts|'|expectations"},
		{"European leaders—who traveled", "European|leaders|—|who|traveled"},
		{"the Putin-Zelenskyy meeting", "the|Putin|-|Zelenskyy|meeting"},
		{"a U.S.-led force", "a|U.S.|-|led|force"},
		{"face-to-face", "face|-|to|-|face"},
		{"on 1996-08-22 it won 6-4", "on|1996-08-22|it|won|6-4"},
		{"F-16 and COVID-19", "F-16|and|COVID-19"},
		{"Vice President J.D. Vance", "Vice|President|J.D.|Vance"},
		{"Dr. Smith and Mr. Jones", "Dr.|Smith|and|Mr.|Jones"},
		{"John F. Kennedy", "John|F.|Kennedy"},
		{"in 2014.", "in|2014|."},
		{"“a major step forward,” stating", "“|a|major|step|forward|,|”|stating"},
		{"‘a major step forward’", "‘|a|major|step|forward|’"},
		{"I’d like them to stop", "I|’d|like|them|to|stop"},
		{"don't and can't", "do|n't|and|ca|n't"},
		{"they’re there, we’ll", "they|’re|there|,|we|’ll"},
		{"O'Brien and O’Neill", "O'Brien|and|O’Neill"},
		{"$90 billion and £600m, 76%", "$|90|billion|and|£|600m|,|76|%"},
		{"1,000 troops at 3.5 pct", "1,000|troops|at|3.5|pct"},
		{"AT&T and S&P 500", "AT&T|and|S&P|500"},
		{"“Article 5”-type guarantees", "“|Article|5|”|-|type|guarantees"},
		{"Wait... what?!", "Wait|...|what|?|!"},
		{"(Reuters) -- Moscow", "(|Reuters|)|--|Moscow"},
		{"'s", "'s"},
		{"n't", "n't"},
		{"Zelenskyy—urged", "Zelenskyy|—|urged"},
		{"Köln and São Paulo", "Köln|and|São|Paulo"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := texts(Tokenize(tt.in)); got != tt.want {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizeOffsets(t *testing.T) {
	in := "Zelenskyy’s “plan”—Kyiv"
	want := []Token{{Text: "Zelenskyy", Start: 0, End: 9}, {Text: "’s", Start: 9, End: 11},
		{Text: "“", Start: 12, End: 13}, {Text: "plan", Start: 13, End: 17}, {Text: "”", Start: 17, End: 18},
		{Text: "—", Start: 18, End: 19}, {Text: "Kyiv", Start: 19, End: 23}}
	got := Tokenize(in)
	if len(got) != len(want) {
		t.Fatalf("Tokenize(%q) = %v, want %v", in, got, want)
	}
	for i := range want {
		if g := got[i]; g.Text != want[i].Text || g.Start != want[i].Start || g.End != want[i].End {
			t.Errorf("token %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// checkTokens verifies the tokenizer's contract: tokens are non-empty,
// ordered, non-overlapping, free of white space, and each Text is the
// text's runes [Start, End) and bytes [ByteStart, ByteEnd).
func checkTokens(t *testing.T, text string, toks []Token) {
	t.Helper()
	rs := []rune(text)
	prev := 0
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(rs) {
			t.Fatalf("token %d %+v: bad offsets (prev end %d, len %d)", i, tok, prev, len(rs))
		}
		if string(rs[tok.Start:tok.End]) != string([]rune(tok.Text)) {
			t.Fatalf("token %d %+v: text %q at offsets", i, tok, string(rs[tok.Start:tok.End]))
		}
		if text[tok.ByteStart:tok.ByteEnd] != tok.Text {
			t.Fatalf("token %d %+v: text %q at byte offsets", i, tok, text[tok.ByteStart:tok.ByteEnd])
		}
		if strings.IndexFunc(tok.Text, unicode.IsSpace) >= 0 {
			t.Fatalf("token %d %q contains white space", i, tok.Text)
		}
		prev = tok.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"U.S. President Donald Trump’s", "Putin-Zelenskyy—urged", "don't 'n't' '",
		"1,000.5 3-4 F-16 A&B", "“Article 5”-type …", "\xff\xfe.a'", "a\u00ad\u200bb\nc\r\nd", "x.-y 'S n't"} {
		f.Add(s)
	}
	var z Tokenizer
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		checkTokens(t, text, toks)
		if again := z.Tokenize(text); !slices.Equal(again, toks) {
			t.Fatalf("a reused Tokenizer gives %v, Tokenize %v", again, toks)
		}
		n := 0
		for _, s := range Sentences(toks) {
			if len(s) == 0 {
				t.Fatal("empty sentence")
			}
			n += len(s)
		}
		if n != len(toks) {
			t.Fatalf("sentences hold %d tokens, want %d", n, len(toks))
		}
	})
}
