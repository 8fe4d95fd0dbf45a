package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/cluster"
)

func TestZZTune(t *testing.T) {
	for _, split := range []string{"train", "dev"} {
		f, err := os.Open("../../../shared/bench/clustering/ecbplus_docs.jsonl.gz")
		if err != nil {
			t.Skip()
		}
		docs, _ := ReadClusterDocs(f, split)
		f.Close()
		rep, _ := ClusterScore(context.Background(), docs, cluster.Options{}, 10, 1)
		m, sd := rep.meanSD(func(s ClusterScores) float64 { return s.BCubed.F1 })
		p, _ := rep.meanSD(func(s ClusterScores) float64 { return s.BCubed.P })
		r2, _ := rep.meanSD(func(s ClusterScores) float64 { return s.BCubed.R })
		fmt.Printf("%s B3 F1 %.3f ± %.3f  P %.3f R %.3f\n", split, m, sd, p, r2)
	}
	// Reuters 10k: story sizes.
	f, err := os.Open("/tmp/r10k.jsonl")
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	c := cluster.New(cluster.Options{})
	size := map[string]int{}
	into := map[string]string{}
	for sc.Scan() {
		var r struct {
			ID, Title, Text, Published string
		}
		json.Unmarshal(sc.Bytes(), &r)
		a := article.Article{ID: r.ID, Title: r.Title, Text: r.Text}
		if tm, err := time.Parse(time.DateOnly, r.Published[:min(10, len(r.Published))]); err == nil {
			a.Published = tm
		}
		d := c.Assign(a)
		size[d.StoryID]++
		for _, m := range d.Merged {
			into[m] = d.StoryID
		}
	}
	final := map[string]int{}
	for id, n := range size {
		for into[id] != "" {
			id = into[id]
		}
		final[id] += n
	}
	var sizes []int
	multi := 0
	for _, n := range final {
		sizes = append(sizes, n)
		if n > 1 {
			multi++
		}
	}
	slices.Sort(sizes)
	slices.Reverse(sizes)
	fmt.Printf("reuters10k: %d stories, %d with 2+, largest %v\n", len(final), multi, sizes[:10])
}
