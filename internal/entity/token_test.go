package entity

import (
	"reflect"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string // words, "+" marks a possessive, "|" a break after
	}{
		{"U.S. President Donald Trump’s talks", []string{"U.S.", "President", "Donald", "Trump+", "talks"}},
		{"Steve Witkoff, Trump’s special envoy, said", []string{"Steve", "Witkoff|", "Trump+", "special", "envoy|", "said"}},
		{"NATO Secretary-General Mark Rutte.", []string{"NATO", "Secretary-General", "Mark", "Rutte|"}},
		{"Vice President J.D. Vance and JD Vance", []string{"Vice", "President", "J.D.", "Vance", "and", "JD", "Vance"}},
		{"the Putin-Zelenskyy meeting", []string{"the", "Putin-Zelenskyy", "meeting"}},
		{"It’ll be Zelensky’s visit", []string{"It’ll", "be", "Zelensky+", "visit"}},
		{"leaders’ talks. Mr. Merz", []string{"leaders+", "talks|", "Mr.", "Merz"}},
		{"end.\nNew", []string{"end|", "New"}},
		{"«Élysée»", []string{"Élysée|"}},
		{"Acme Corp. and Gov. Newsom", []string{"Acme", "Corp.", "and", "Gov.", "Newsom"}},
		{"Sens. Warren and Sanders‘s bill", []string{"Sens.", "Warren", "and", "Sanders+", "bill"}},
	}
	for _, tt := range tests {
		var got []string
		for _, w := range words(tt.in, 0, len(tt.in), nil) {
			s := tt.in[w.s:w.e]
			if w.poss {
				s += "+"
			}
			if w.brk {
				s += "|"
			}
			got = append(got, s)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
