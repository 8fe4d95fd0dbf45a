package reuse

import (
	"math"
	"strings"
	"testing"
)

// pinnedExact is the exact key TestSketchStable expects.
const pinnedExact = 0x1b2af390f53d7424

// TestSketchStable pins sketch values: a change here breaks every persisted
// sketch and must come with a new sketchVersion.
func TestSketchStable(t *testing.T) {
	s := NewSketch("The specifics of a US contribution to any security guarantees for Ukraine are unclear.")
	got := []uint32{s.Min[0], s.Min[1], s.Min[64], s.Min[127]}
	want := []uint32{269131350, 939573476, 3321344340, 269131350}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("sketch values %d, want %d (bump sketchVersion if this is intended)", got, want)
		}
	}
	if s.Exact != pinnedExact {
		t.Fatalf("exact key %#x, want %#x", s.Exact, uint64(pinnedExact))
	}
}

func TestSketchEmpty(t *testing.T) {
	for _, text := range []string{"", "  \n ", "— … —"} {
		s := NewSketch(text)
		if !s.Empty() {
			t.Errorf("NewSketch(%q) not empty", text)
		}
		if j := s.Jaccard(&s); j != 0 {
			t.Errorf("empty Jaccard = %v, want 0", j)
		}
	}
	short := NewSketch("Hello there")
	if short.Empty() || short.Jaccard(&short) != 1 {
		t.Errorf("a text shorter than a shingle should still be sketched")
	}
	for _, v := range short.Min {
		if v == math.MaxUint32 {
			t.Fatal("densification left an empty bin")
		}
	}
}

func TestSketchMarshal(t *testing.T) {
	s := NewSketch(loadSeeds(t)[0].Text)
	b, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 1024 {
		t.Errorf("encoded sketch is %d bytes, want ≤ 1 KiB", len(b))
	}
	var got Sketch
	if err := got.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if got != s {
		t.Error("round trip changed the sketch")
	}
	for _, bad := range [][]byte{nil, b[:len(b)-1], append([]byte{9}, b[1:]...), append([]byte{1, 3}, b[2:]...)} {
		if err := got.UnmarshalBinary(bad); err == nil {
			t.Errorf("UnmarshalBinary(%d bytes, version %v) succeeded", len(bad), bad[:min(2, len(bad))])
		}
	}
}

// exactJaccard is the Jaccard similarity of the two texts' shingle sets as
// the sketch sees them.
func exactJaccard(a, b string) float64 {
	set := func(text string) map[uint64]bool {
		toks := tokenize(text)
		m := make(map[uint64]bool)
		for i := 0; i+ShingleSize <= len(toks); i++ {
			var h uint64
			for _, t := range toks[i : i+ShingleSize] {
				h = h*polyBase + t.key
			}
			m[h] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	n := 0
	for h := range sa {
		if sb[h] {
			n++
		}
	}
	return float64(n) / float64(len(sa)+len(sb)-n)
}

// TestJaccardEstimate checks that sketches estimate the Jaccard similarity
// within a few standard errors, over prefixes of the seeds of varied
// overlap.
func TestJaccardEstimate(t *testing.T) {
	arts := loadSeeds(t)
	words := strings.Fields(arts[3].Text)
	var sum float64
	n := 0
	for cut := 20; cut < len(words); cut += 40 {
		a := strings.Join(words[:cut], " ")
		b := strings.Join(words, " ")
		want := exactJaccard(a, b)
		sa, sb := NewSketch(a), NewSketch(b)
		got := sa.Jaccard(&sb)
		if math.Abs(got-want) > 0.15 {
			t.Errorf("prefix %d: estimate %.3f, exact %.3f", cut, got, want)
		}
		sum += math.Abs(got - want)
		n++
	}
	if mean := sum / float64(n); mean > 0.05 {
		t.Errorf("mean absolute error %.3f, want ≤ 0.05", mean)
	}
}
