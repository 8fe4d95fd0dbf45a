package eval_test

import (
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/eval"
)

var ablation = flag.String("ablation", "", "print the ablation table for this split of ECB+ (../shared/bench/clustering)")

// TestAblation measures what each feature of the clusterer is worth on
// ECB+: each row turns features off (keeping the other defaults, not
// re-tuned) and reports pairwise and BCubed figures, mean ± standard
// deviation over 10 arrival orders. Run it with
//
//	go test ./internal/eval -run Ablation -ablation dev -v
func TestAblation(t *testing.T) {
	if *ablation == "" {
		t.Skip("no -ablation split")
	}
	f, err := os.Open("../../../shared/bench/clustering/ecbplus_docs.jsonl.gz")
	if err != nil {
		t.Skip("ECB+ benchmark not available:", err)
	}
	defer f.Close()
	docs, err := eval.ReadClusterDocs(f, *ablation)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("ECB+ %s, %d documents, 10 arrival orders\n", *ablation, len(docs))
	fmt.Println("| configuration | pairwise F1 | BCubed P | BCubed R | BCubed F1 |")
	fmt.Println("|---|---|---|---|---|")
	for _, r := range ablationRows() {
		rep, err := eval.ClusterScore(context.Background(), docs, r.opts, 10, 1)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("| %s | %s | %s | %s | %s |\n", r.name,
			meanSD(rep, func(s eval.ClusterScores) float64 { return s.Pairwise.F1 }),
			meanSD(rep, func(s eval.ClusterScores) float64 { return s.BCubed.P }),
			meanSD(rep, func(s eval.ClusterScores) float64 { return s.BCubed.R }),
			meanSD(rep, func(s eval.ClusterScores) float64 { return s.BCubed.F1 }))
	}
}

type ablationRow struct {
	name string
	opts cluster.Options
}

// ablationRows returns the configurations of the ablation table.
func ablationRows() []ablationRow {
	rows := []ablationRow{
		{"full", cluster.Options{}},
		{"threshold 0.24", cluster.Options{Threshold: 0.24}},
		{"threshold 0.32", cluster.Options{Threshold: 0.32}},
		{"merge threshold 0.4", cluster.Options{MergeThreshold: 0.4}},
		{"time decay (window 30 d, scale 180 d)", cluster.Options{TimeWindow: 30, TimeScale: 180}},
		{"words only (no names, years, numbers)", cluster.Options{Weights: cluster.Weights{Words: 1}}},
	}
	for _, n := range cluster.Features {
		rows = append(rows, ablationRow{"- " + n, ablate(cluster.Options{}, n)})
	}
	return append(rows, ablationRow{"- all (TF-IDF cosine, threshold 0.2)", ablate(cluster.Options{Threshold: 0.2}, cluster.Features...)})
}

// ablate is cluster.Ablate for names known to exist.
func ablate(o cluster.Options, names ...string) cluster.Options {
	o, err := cluster.Ablate(o, names...)
	if err != nil {
		panic(err)
	}
	return o
}

// meanSD formats the mean and standard deviation of f over the runs.
func meanSD(rep eval.ClusterReport, f func(eval.ClusterScores) float64) string {
	var sum, sq float64
	for _, s := range rep.Runs {
		sum += f(s)
	}
	m := sum / float64(len(rep.Runs))
	for _, s := range rep.Runs {
		sq += (f(s) - m) * (f(s) - m)
	}
	return fmt.Sprintf("%.3f ± %.3f", m, math.Sqrt(sq/float64(len(rep.Runs))))
}
