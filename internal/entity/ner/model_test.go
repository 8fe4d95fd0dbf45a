package ner

import (
	"bytes"
	"math"
	"testing"
)

// TestScorerMatchesFeatures checks that the cached emission scores equal
// the sums over the feature lists that training uses.
func TestScorerMatchesFeatures(t *testing.T) {
	m := Default()
	text := "U.S. President Donald Trump met Zelenskyy in Washington. Trump said the Kremlin agreed.\nNATO TALKS"
	sents := SplitSentences(Tokenize(text))
	words := make([][]string, len(sents))
	for i, s := range sents {
		for _, tok := range s {
			words[i] = append(words[i], tok.Text)
		}
	}
	d := m.prepare(words)
	sc := m.newScorer(d)
	for si := range d.sents {
		em := sc.emissions(si)
		for i := range d.sents[si].words {
			want := make([]float32, numTags)
			m.addWeights(want, d.features(si, i, nil))
			for tg := range want {
				if got := em[i*numTags+tg]; math.Abs(float64(got-want[tg])) > 1e-3 {
					t.Fatalf("sentence %d token %d tag %s: score %g, want %g", si, i, tagName(tg), got, want[tg])
				}
			}
		}
	}
}

func TestSaveLoad(t *testing.T) {
	m := Default()
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	first := buf.Bytes()
	m2, err := Load(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if err := m2.Save(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, buf2.Bytes()) {
		t.Error("Save(Load(Save(m))) differs from Save(m)")
	}
	if len(m2.feats) != len(m.feats) || m2.trans != m.trans || m2.end != m.end || len(m2.clusters) != len(m.clusters) {
		t.Fatal("loaded model differs in size")
	}
	for i := range m.weights {
		if m.weights[i] != m2.weights[i] {
			t.Fatalf("weight %d: %g after load, want %g", i, m2.weights[i], m.weights[i])
		}
	}
	if _, err := Load(bytes.NewReader(first[:len(first)/2])); err == nil {
		t.Error("Load of a truncated model succeeded")
	}
	if _, err := Load(bytes.NewReader([]byte("not a model"))); err == nil {
		t.Error("Load of garbage succeeded")
	}
}
