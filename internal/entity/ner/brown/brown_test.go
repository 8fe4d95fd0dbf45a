package brown

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// toyCorpus generates sentences "DET NOUN VERB DET NOUN" over small word
// classes, so a good clustering separates determiners, nouns and verbs.
func toyCorpus(n int) *Corpus {
	det := []string{"the", "a", "this", "that"}
	noun := []string{"dog", "cat", "man", "city", "car", "house"}
	verb := []string{"sees", "likes", "finds", "hears"}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(ws []string) string { return ws[rng.IntN(len(ws))] }
	c := &Corpus{}
	for range n {
		c.Add([]string{pick(det), pick(noun), pick(verb), pick(det), pick(noun)})
	}
	return c
}

// TestIncrementalLoss checks the O(C²) loss updates against losses
// recomputed from scratch after every step.
func TestIncrementalLoss(t *testing.T) {
	c := toyCorpus(300)
	vocab := c.vocabulary(1)
	st := newState(c, vocab, 4)
	check := func(step string) {
		for i, s := range st.act {
			for _, u := range st.act[i+1:] {
				got, want := st.loss[s*st.k+u], st.lossFull(s, u)
				if math.Abs(got-want) > 1e-9 {
					t.Fatalf("%s: loss(%d,%d) = %g, want %g", step, s, u, got, want)
				}
			}
		}
	}
	for r := range vocab {
		st.add(st.freeSlot(), int32(r))
		check(fmt.Sprintf("add %d", r))
		if len(st.act) == st.k {
			a, b := st.best()
			st.merge(a, b, false)
			check(fmt.Sprintf("merge after %d", r))
		}
	}
}

func TestCluster(t *testing.T) {
	got, err := Cluster(context.Background(), toyCorpus(2000), Options{Clusters: 3, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	class := map[string]string{}
	for _, e := range got {
		class[e.Word] = e.Bits
	}
	same := func(ws ...string) bool {
		for _, w := range ws[1:] {
			if class[w] != class[ws[0]] {
				return false
			}
		}
		return true
	}
	if !same("the", "a", "this", "that") || !same("dog", "cat", "man", "city", "car", "house") ||
		!same("sees", "likes", "finds", "hears") || class["the"] == class["dog"] || class["dog"] == class["sees"] {
		var b strings.Builder
		for _, e := range got {
			fmt.Fprintf(&b, "%s %s\n", e.Bits, e.Word)
		}
		t.Errorf("clusters do not follow the word classes:\n%s", b.String())
	}
	for _, a := range got {
		for _, b := range got {
			if a.Bits != b.Bits && strings.HasPrefix(b.Bits, a.Bits) {
				t.Fatalf("bits %q of %q is a prefix of %q of %q: not a leaf", a.Bits, a.Word, b.Bits, b.Word)
			}
		}
	}
	again, _ := Cluster(context.Background(), toyCorpus(2000), Options{Clusters: 3, MinCount: 1})
	if fmt.Sprint(again) != fmt.Sprint(got) {
		t.Error("Cluster is not deterministic")
	}
}
