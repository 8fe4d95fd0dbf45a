package eval

import (
	"context"
	"math"
	"os"
	"testing"

	"github.com/storyline-news/storyline/internal/cluster"
)

func TestScoreClustering(t *testing.T) {
	gold := []string{"a", "a", "a", "b", "b"}
	tests := []struct {
		name             string
		pred             []string
		pairwise, bcubed ClusterPRF
	}{
		{"perfect", []string{"x", "x", "x", "y", "y"}, ClusterPRF{1, 1, 1}, ClusterPRF{1, 1, 1}},
		{"singletons", []string{"1", "2", "3", "4", "5"}, ClusterPRF{1, 0, 0}, ClusterPRF{1, 0.4, 4.0 / 7}},
		// One cluster: pairs 10 predicted, 4 gold, 4 correct; BCubed
		// precision (3*3/5 + 2*2/5)/5 = 0.52.
		{"one cluster", []string{"x", "x", "x", "x", "x"}, ClusterPRF{0.4, 1, 4.0 / 7}, ClusterPRF{0.52, 1, 2 * 0.52 / 1.52}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScoreClustering(gold, tt.pred)
			if !closePRF(s.Pairwise, tt.pairwise) || !closePRF(s.BCubed, tt.bcubed) {
				t.Errorf("pairwise %+v bcubed %+v, want %+v %+v", s.Pairwise, s.BCubed, tt.pairwise, tt.bcubed)
			}
		})
	}
}

func closePRF(a, b ClusterPRF) bool {
	const eps = 1e-9
	return math.Abs(a.P-b.P) < eps && math.Abs(a.R-b.R) < eps && math.Abs(a.F1-b.F1) < eps
}

// TestClusterECBPlus scores clustering on the ECB+ dev split when the
// benchmark is beside the repository. It checks only that clustering beats
// the trivial baselines; `storyline eval cluster` prints the figures.
func TestClusterECBPlus(t *testing.T) {
	f, err := os.Open("../../../shared/bench/clustering/ecbplus_docs.jsonl.gz")
	if err != nil {
		t.Skip("ECB+ benchmark not available:", err)
	}
	defer f.Close()
	docs, err := ReadClusterDocs(f, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 197 {
		t.Fatalf("%d dev documents, want 197", len(docs))
	}
	rep, err := ClusterScore(context.Background(), docs, cluster.Options{}, 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	if m := rep.Mean(); m < 0.7 {
		t.Errorf("dev BCubed F1 %.3f is no better than one cluster per topic", m)
	}
}
