package cluster

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/storyline-news/storyline/internal/article"
)

var backgroundDir = flag.String("background", "", "write background.txt.gz from the corpus *.jsonl.gz files in this folder")

// TestWriteBackground regenerates the background table (go generate) from
// the unlabelled news of ../shared/bench/corpus: every document's features,
// extracted as for clustering with every feature kind on, counted once per
// document.
func TestWriteBackground(t *testing.T) {
	if *backgroundDir == "" {
		t.Skip("no -background folder")
	}
	paths, err := filepath.Glob(filepath.Join(*backgroundDir, "*.jsonl.gz"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus files in %s: %v", *backgroundDir, err)
	}
	sort.Strings(paths)
	voc := newVocab(&background{})
	x := newExtractor(Options{}.withDefaults(), voc)
	df := make(map[string]int32)
	docs := 0
	for _, p := range paths {
		n, err := countFile(p, x, voc, df)
		if err != nil {
			t.Fatal(err)
		}
		docs += n
	}
	if err := writeBackground("background.txt.gz", docs, df); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents, %d features", docs, len(df))
}

// countFile adds the features of the documents of one JSON Lines file to df
// and returns how many documents it read.
func countFile(path string, x *extractor, voc *vocab, df map[string]int32) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	n := 0
	for ; sc.Scan(); n++ {
		var d struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return n, fmt.Errorf("%s: %w", path, err)
		}
		for _, f := range x.features(article.Article{Title: d.Title, Text: d.Text}) {
			df[voc.terms[f.id]]++
		}
	}
	return n, sc.Err()
}

// writeBackground writes the table in the format of backgroundFile.
func writeBackground(path string, docs int, df map[string]int32) error {
	var terms []string
	for t, n := range df {
		if n >= minBackgroundDF {
			terms = append(terms, t)
		}
	}
	sort.Strings(terms)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintf(w, "docs %d\n", docs)
	for _, t := range terms {
		fmt.Fprintf(w, "%s %d\n", t, df[t])
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

func TestShippedBackground(t *testing.T) {
	b := loadBackground(true)
	if b.docs < 20000 {
		t.Fatalf("background of %d documents, want the 21k of the corpus", b.docs)
	}
	// Common words are in most documents, names and rare words in few.
	if said, pirate := b.df("said"), b.df("pirat"); said < b.docs/2 || pirate == 0 || pirate > said/100 {
		t.Errorf("df(said) = %d, df(pirat) = %d of %d documents", said, pirate, b.docs)
	}
	if b.df("@reuters") == 0 {
		t.Error("no names in the background table")
	}
	if empty := loadBackground(false); empty.docs != 0 || empty.df("said") != 0 {
		t.Errorf("background not wanted, got %d documents", empty.docs)
	}
}
