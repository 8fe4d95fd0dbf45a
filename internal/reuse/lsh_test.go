package reuse

import (
	"slices"
	"strconv"
	"sync"
	"testing"
)

func TestIndex(t *testing.T) {
	arts := loadSeeds(t)
	x := NewIndex(Options{})
	for _, a := range arts {
		s := NewSketch(a.Text)
		x.Add(a.ID, &s)
	}
	empty := NewSketch("")
	x.Add("empty", &empty)
	if x.Len() != len(arts)+1 {
		t.Fatalf("Len = %d, want %d", x.Len(), len(arts)+1)
	}
	if c := x.Candidates(&empty); len(c) != 0 {
		t.Errorf("empty sketch has candidates %v", c)
	}
	// Each seed finds itself, exactly, first.
	for _, a := range arts {
		s := NewSketch(a.Text)
		c := x.Candidates(&s)
		if len(c) == 0 || c[0].ID != a.ID || c[0].Jaccard != 1 || !c[0].Exact {
			t.Errorf("%s: candidates %v, want itself first", a.SourceRef, c)
		}
	}
	// 001 is a revision of 000: the index proposes it.
	s := NewSketch(arts[1].Text)
	found := false
	for _, c := range x.Candidates(&s) {
		found = found || c.ID == arts[0].ID
	}
	if !found {
		t.Error("000 is not a candidate for 001")
	}
	// Insert finds what Candidates finds, then adds.
	want := x.Candidates(&s)
	if got := x.Insert("001 again", &s); !slices.Equal(got, want) {
		t.Errorf("Insert = %v, want %v", got, want)
	}
	c := x.Candidates(&s)
	if len(c) != len(want)+1 || !slices.ContainsFunc(c, func(c Candidate) bool { return c.ID == "001 again" }) {
		t.Errorf("after Insert, candidates %v", c)
	}
}

// TestIndexConcurrent adds and queries from several goroutines; run it with
// -race.
func TestIndexConcurrent(t *testing.T) {
	arts := loadSeeds(t)
	x := NewIndex(Options{})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i, a := range arts {
				s := NewSketch(a.Text)
				x.Add(strconv.Itoa(g*10+i), &s)
				x.Candidates(&s)
			}
		})
	}
	wg.Wait()
	if x.Len() != 4*len(arts) {
		t.Errorf("Len = %d, want %d", x.Len(), 4*len(arts))
	}
}
