package ner

import (
	"bytes"
	"math"
	"path/filepath"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/text"
)

// TestScorerMatchesFeatures checks that the cached emission scores equal
// the sums over the feature lists that training uses.
func TestScorerMatchesFeatures(t *testing.T) {
	m := Default()
	src := "U.S. President Donald Trump met Zelenskyy in Washington. Trump said the Kremlin agreed.\nNATO TALKS"
	sents := text.Sentences(text.Tokenize(src))
	words := make([][]string, len(sents))
	for i, s := range sents {
		for _, tok := range s {
			words[i] = append(words[i], tok.Text)
		}
	}
	d := m.prepare(words)
	sc := m.newScorer(d)
	sc.full = true
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

// TestPlainWindows checks that scoring only O where a token's feature
// window has no capitals (see plainWindow) tags texts as scoring every
// token does, names with lower-case words inside them included.
func TestPlainWindows(t *testing.T) {
	m := Default()
	texts := []string{
		"Shares of the iPhone maker rose after eBay and adidas reported results on the exchange in the afternoon.",
		"The Bank of the Philippine Islands and the Lord of the Rings trilogy were mentioned by the head of state.",
		"She met Ursula von der Leyen and the president of the European Commission at the summit in the spring.",
		"prices rose by 3 per cent in 2024 and fell by a quarter in 2025, according to data published on monday.",
	}
	names, _ := filepath.Glob("../../../examples/ukraine-talks/*.txt")
	for _, n := range names {
		texts = append(texts, seedText(t, filepath.Base(n)))
	}
	plain, all := 0, 0
	for _, text := range texts {
		fast := m.tag(new(scratch), text)
		sc := new(scratch)
		sc.score.full = true
		full := m.tag(sc, text)
		if !slices.Equal(fast, full) {
			t.Errorf("%.40q: tagged %v with plain windows skipped, %v without", text, fast, full)
		}
		for _, s := range sc.doc.sents {
			for i := range s.info {
				all++
				if plainWindow(&s, i) {
					plain++
				}
			}
		}
	}
	t.Logf("%d of %d tokens in plain windows", plain, all)
	if plain == 0 || plain == all {
		t.Errorf("%d of %d tokens in plain windows: the test exercises nothing", plain, all)
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
