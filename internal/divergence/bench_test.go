package divergence

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// ecbFile is the clustering benchmark, next to the repository.
const ecbFile = "../../../shared/bench/clustering/ecbplus_docs.jsonl.gz"

var flagged = flag.String("flagged", "", "file to write the divergences flagged on ECB+ to (default: a file in the OS temp dir)")

// TestBenchECB runs Compare over every gold event of ECB+ as a story and
// writes the divergences it flags for a hand check (testdata/handcheck.md
// records one). It skips when ../shared/bench is absent.
func TestBenchECB(t *testing.T) {
	f, err := os.Open(ecbFile)
	if err != nil {
		t.Skipf("no benchmark: %v", err)
	}
	defer f.Close()
	if testing.Short() {
		t.Skip("short")
	}
	path := *flagged
	if path == "" {
		path = filepath.Join(os.TempDir(), "divergence-ecbplus.md")
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	st, err := Bench(context.Background(), f, out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d stories, %d articles, %d claims; flagged divergences written to %s", st.Stories, st.Articles, st.Claims, path)
	for _, k := range slices.Sorted(mapsKeys(st.Divergences, st.Agreements)) {
		t.Logf("%-9s divergences %4d  agreements %4d", k, st.Divergences[k], st.Agreements[k])
	}
	if st.Stories != 86 || st.Articles != 982 {
		t.Errorf("read %d stories, %d articles; want 86, 982", st.Stories, st.Articles)
	}
}

// mapsKeys returns the keys of both maps.
func mapsKeys(a, b map[Kind]int) func(func(Kind) bool) {
	return func(yield func(Kind) bool) {
		for k := range a {
			if !yield(k) {
				return
			}
		}
		for k := range b {
			if _, ok := a[k]; !ok && !yield(k) {
				return
			}
		}
	}
}
