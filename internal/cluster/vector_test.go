package cluster

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestHeaviestSelectsTheTopByWeight(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		vec := make([]feat, 1+rng.IntN(300))
		for i := range vec {
			// Few distinct weights, so that ties by ID matter.
			vec[i] = feat{int32(i), float32(rng.IntN(20))}
		}
		k := rng.IntN(len(vec) + 5)
		want := slices.Clone(vec)
		slices.SortFunc(want, byWeight)
		want = want[:min(k, len(want))]
		slices.SortFunc(want, byID)
		rng.Shuffle(len(vec), func(i, j int) { vec[i], vec[j] = vec[j], vec[i] })
		if len(vec) <= k {
			slices.SortFunc(vec, byID) // heaviest leaves short vectors as they are
		}
		if got := heaviest(vec, k); !slices.Equal(got, want) {
			t.Fatalf("case %d: heaviest(%d) = %v, want %v", n, k, got, want)
		}
	}
}

func TestAddVecAndDotKinds(t *testing.T) {
	voc := newVocab(&background{})
	word, name, year := voc.intern("quak"), voc.intern("@sendai"), voc.intern("2011")
	a := []feat{{word, 1}, {name, 2}}
	b := []feat{{word, 3}, {year, 1}}
	if got, want := addVec(a, b), []feat{{word, 4}, {name, 2}, {year, 1}}; !slices.Equal(got, want) {
		t.Errorf("addVec = %v, want %v", got, want)
	}
	if got, want := voc.dotKinds(a, b), [kinds]float64{kindWord: 3}; got != want {
		t.Errorf("dotKinds = %v, want %v", got, want)
	}
	if got, want := voc.sqKinds(addVec(a, b)), [kinds]float64{kindWord: 16, kindName: 4, kindYear: 1}; got != want {
		t.Errorf("sqKinds = %v, want %v", got, want)
	}
}

// TestDotKindsRandom checks dotKinds against a plain loop over random
// sorted vectors that share some features, adding in the same ID order.
func TestDotKindsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	voc := &vocab{kind: make([]uint8, 64)}
	for i := range voc.kind {
		voc.kind[i] = uint8(i % kinds)
	}
	randVec := func() []feat {
		var v []feat
		for id := range int32(64) {
			if rng.IntN(3) == 0 {
				v = append(v, feat{id, float32(rng.IntN(9))})
			}
		}
		return v
	}
	for n := range 500 {
		a, b := randVec(), randVec()
		var want [kinds]float64
		for _, x := range a {
			for _, y := range b {
				if x.id == y.id {
					want[voc.kind[x.id]] += float64(x.w) * float64(y.w)
				}
			}
		}
		if got := voc.dotKinds(a, b); got != want {
			t.Fatalf("case %d: dotKinds(%v, %v) = %v, want %v", n, a, b, got, want)
		}
	}
}

func TestBlend(t *testing.T) {
	w := Weights{Words: 0.6, Names: 0.3, Years: 0.2, YearConflict: 0.1}
	one := [kinds]float64{1, 1, 1, 0}
	tests := []struct {
		name string
		dot  [kinds]float64
		sb   [kinds]float64
		want float64
	}{
		{"identical", [kinds]float64{1, 1, 1, 0}, one, 1.1},
		{"years in conflict", [kinds]float64{1, 1, 0, 0}, one, 0.8},
		{"no years on one side", [kinds]float64{1, 1, 0, 0}, [kinds]float64{1, 1, 0, 0}, 0.9},
	}
	for _, tt := range tests {
		if got := blend(tt.dot, one, tt.sb, w); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("%s: blend = %v, want %v", tt.name, got, tt.want)
		}
	}
}
