package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/entity/ner"
)

func TestScoreNERTags(t *testing.T) {
	tests := []struct {
		name                     string
		gold, pred               []string
		goldN, predN, correct, f int
	}{
		{"exact", []string{"B-PER", "I-PER", "O", "B-LOC"}, []string{"B-PER", "I-PER", "O", "B-LOC"}, 2, 2, 2, 100},
		{"wrong type", []string{"B-PER", "O"}, []string{"B-ORG", "O"}, 1, 1, 0, 0},
		{"short span", []string{"B-PER", "I-PER"}, []string{"B-PER", "O"}, 1, 1, 0, 0},
		{"adjacent entities", []string{"B-LOC", "B-LOC"}, []string{"B-LOC", "I-LOC"}, 2, 1, 0, 0},
		{"I after O starts an entity", []string{"O", "B-MISC"}, []string{"O", "I-MISC"}, 1, 1, 1, 100},
		{"I of another type starts one", []string{"B-PER", "B-ORG"}, []string{"B-PER", "I-ORG"}, 2, 2, 2, 100},
		{"missed", []string{"B-PER", "O", "B-LOC"}, []string{"B-PER", "O", "O"}, 2, 1, 1, 67},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			all, _ := scoreNERTags([][]string{tt.gold}, [][]string{tt.pred})
			if all.Gold != tt.goldN || all.Predicted != tt.predN || all.Correct != tt.correct || int(all.F1+0.5) != tt.f {
				t.Errorf("scoreNERTags(%v, %v) = %+v, want gold %d pred %d correct %d F1 %d",
					tt.gold, tt.pred, all, tt.goldN, tt.predN, tt.correct, tt.f)
			}
		})
	}
}

// taggerFunc adapts a function to NERTagger.
type taggerFunc func([][]string) [][]string

func (f taggerFunc) TagWords(doc [][]string) [][]string { return f(doc) }

func TestNERScore(t *testing.T) {
	in := "-DOCSTART- O\n\nPeter B-PER\nBlackburn I-PER\nin O\nBrussels B-LOC\n\nEU B-ORG\nrejects O\n\n"
	allO := taggerFunc(func(doc [][]string) [][]string {
		out := make([][]string, len(doc))
		for i, s := range doc {
			out[i] = make([]string, len(s))
			for j := range s {
				out[i][j] = "O"
				if s[j] == "Brussels" {
					out[i][j] = "B-LOC"
				}
			}
		}
		return out
	})
	rep, err := NERScore(context.Background(), allO, strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 1 || rep.Sentences != 2 || rep.Tokens != 6 {
		t.Errorf("counts = %d docs %d sentences %d tokens, want 1 2 6", rep.Documents, rep.Sentences, rep.Tokens)
	}
	if o := rep.Overall; o.Gold != 3 || o.Predicted != 1 || o.Correct != 1 || int(o.F1) != 50 {
		t.Errorf("overall = %+v, want gold 3 pred 1 correct 1 F1 50", o)
	}
	if len(rep.Types) != 3 || rep.Types[0].Type != "LOC" || rep.Types[0].F1 != 100 {
		t.Errorf("types = %+v, want LOC first with F1 100", rep.Types)
	}
	s := rep.String()
	for _, want := range []string{"LOC", "all", "86.86", "goal >= 88", "tokens/s"} {
		if !strings.Contains(s, want) {
			t.Errorf("String() lacks %q:\n%s", want, s)
		}
	}
}

// TestNERScoreCoNLL scores the shipped model on CoNLL-2003 test when the
// benchmark data is present (../shared/bench next to the repository). Dev
// is not scored: the shipped model is trained on train and dev.
func TestNERScoreCoNLL(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	for _, split := range []string{"test"} {
		path := filepath.Join("../../../shared/bench/ner", "conll2003-"+split+".txt.gz")
		f, err := os.Open(path)
		if err != nil {
			t.Skipf("benchmark data absent: %v", err)
		}
		rep, err := NERScore(context.Background(), ner.Default(), f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("CoNLL-2003 %s:\n%s", split, rep)
		if rep.Overall.F1 < 85 {
			t.Errorf("%s F1 = %.2f, want >= 85", split, rep.Overall.F1)
		}
	}
}
