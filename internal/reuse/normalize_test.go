package reuse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  Hello,\n\n  World\t! ", "hello, world !"},
		{"It’s “quoted” and ‘single’", `it's "quoted" and 'single'`},
		{"«Bonjour» „Hallo“", `"bonjour" "hallo"`},
		{"Cafe\u0301", "café"}, // NFD → NFC
		{"ZELENSKIY", "zelenskiy"},
		{"a\u00a0b\u2003c", "a b c"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// hashString is the reference definition of ExactKey's hash.
func hashString(s string) uint64 {
	h := hasher{h: fnvOffset}
	for i := range len(s) {
		h.byte(s[i])
	}
	return h.sum()
}

func TestExactKey(t *testing.T) {
	for _, s := range []string{"", " ", "a", "Hello,  “World”", "12345678", "123456789", "Cafe\u0301 au lait\n\nnext"} {
		if got, want := ExactKey(s), hashString(Normalize(s)); got != want {
			t.Errorf("ExactKey(%q) = %x, want hash of Normalize = %x", s, got, want)
		}
	}
	if ExactKey("It’s  HERE.\n") != ExactKey("it's here.") {
		t.Error("quote, case and space variants should share a key")
	}
	if ExactKey("It is here.") == ExactKey("It is there.") {
		t.Error("different texts share a key")
	}
}

func TestTokenize(t *testing.T) {
	type tok struct {
		Word       string
		Start, End int32
		Line       int32
		Sentence   bool
	}
	got := func(text string) []tok {
		var out []tok
		runes := []rune(text)
		for _, x := range tokenize(text) {
			w := string(runes[x.start:x.end])
			if text[x.bstart:x.bend] != w {
				t.Errorf("%q: byte span %q differs from code-point span %q", text, text[x.bstart:x.bend], w)
			}
			out = append(out, tok{w, x.start, x.end, x.line, x.sentence})
		}
		return out
	}
	tests := []struct {
		in   string
		want []tok
	}{
		{"It’ll be Zelensky’s.", []tok{{"It", 0, 2, 0, true}, {"’ll", 2, 5, 0, false}, {"be", 6, 8, 0, false},
			{"Zelensky", 9, 17, 0, false}, {"’s", 17, 19, 0, false}}},
		{"wasn't NATO-like\nnext", []tok{{"was", 0, 3, 0, true}, {"n't", 3, 6, 0, false}, {"NATO", 7, 11, 0, false},
			{"like", 12, 16, 0, false}, {"next", 17, 21, 1, true}}},
		{"Jesus' café. O'Brien", []tok{{"Jesus", 0, 5, 0, true}, {"café", 7, 11, 0, false}, {"O'Brien", 13, 20, 0, true}}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, got(tt.in)); diff != "" {
			t.Errorf("tokenize(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestLooseHash(t *testing.T) {
	same := [][]string{
		{"Zelenskiy", "Zelensky", "Zelenskyy", "ZELENSKY"},
		{"café", "cafe", "Cafe\u0301"},
		{"Volodymyr", "Volodimir"},
	}
	for _, group := range same {
		for _, w := range group[1:] {
			if looseHash(w) != looseHash(group[0]) {
				t.Errorf("looseHash(%q) != looseHash(%q)", w, group[0])
			}
		}
	}
	if looseHash("Putin") == looseHash("Trump") {
		t.Error("different words share a loose hash")
	}
	// Contractions read as their full forms.
	it := tokenize("it'll won't")
	full := tokenize("it will will not")
	for i := range full {
		if it[i].key != full[i].key {
			t.Errorf("token %d of contraction differs from its full form", i)
		}
	}
}
