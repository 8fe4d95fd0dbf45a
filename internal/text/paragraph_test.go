package text

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParagraphs(t *testing.T) {
	wrapped := "The ministry said on Tuesday that exports rose 4.5 percent\n" +
		"in March, the third monthly rise in a row.\n" +
		"Imports fell.\n"
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"One line.", []string{"One line."}},
		{"  Title\n\nFirst paragraph.\r\n\r\nSecond one. ", []string{"Title", "First paragraph.", "Second one."}},
		{"Headline\nBody text here.", []string{"Headline", "Body text here."}},
		{wrapped, []string{"The ministry said on Tuesday that exports rose 4.5 percent\nin March, the third monthly rise in a row.", "Imports fell."}},
		{"Kyiv – a city\u2029Köln, São Paulo", []string{"Kyiv – a city", "Köln, São Paulo"}},
	}
	for _, tt := range tests {
		var got []string
		rs := []rune(tt.in)
		for _, p := range Paragraphs(tt.in) {
			if s := string(rs[p.Start:p.End]); s != tt.in[p.ByteStart:p.ByteEnd] {
				t.Errorf("Paragraphs(%q): runes %q, bytes %q", tt.in, s, tt.in[p.ByteStart:p.ByteEnd])
			}
			got = append(got, tt.in[p.ByteStart:p.ByteEnd])
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Paragraphs(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestSoftWrap(t *testing.T) {
	long := "The ministry said on Tuesday that exports rose sharply"
	tests := []struct {
		in   string
		want bool
	}{
		{long + "\nin March", true},
		{long + ",\nin March", true},
		{long + ".\nIn March", false},
		{long + "\n\nIn March", false},
		{long + " \t\nin March", true},
		{"Short line\nnext", false},
		{strings.Repeat("é", 30) + "\nnext", true},
	}
	for _, tt := range tests {
		i := strings.LastIndexByte(tt.in, '\n')
		if tt.in[i-1] == '\n' {
			i--
		}
		if got := SoftWrap(tt.in, i); got != tt.want {
			t.Errorf("SoftWrap(%q, %d) = %v, want %v", tt.in, i, got, tt.want)
		}
	}
}
