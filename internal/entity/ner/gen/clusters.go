package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/storyline-news/storyline/internal/entity/ner"
	"github.com/storyline-news/storyline/internal/entity/ner/brown"
	"github.com/storyline-news/storyline/internal/text"
)

// clusters computes Brown clusters from the unlabelled news corpus, the GMB
// text and the CoNLL-2003 train and dev text (never test) and writes them
// as gzip'd "BITS<TAB>WORD<TAB>COUNT" lines.
func clusters(ctx context.Context, args []string) error {
	fs, bench := flags("clusters")
	out := fs.String("o", "data/clusters.txt.gz", "output file")
	k := fs.Int("c", 256, "number of clusters")
	min := fs.Int("min", 3, "minimum word count")
	fs.Parse(args)
	c := &brown.Corpus{}
	for _, f := range []string{"corpus/reuters21578.jsonl.gz", "corpus/bbc-fulltext.jsonl.gz"} {
		if err := addJSONL(c, filepath.Join(*bench, f)); err != nil {
			return err
		}
	}
	for _, f := range []string{"ner/gmb.txt.gz", "ner/conll2003-train.txt.gz", "ner/conll2003-dev.txt.gz"} {
		if err := addCoNLL(c, filepath.Join(*bench, f)); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "corpus: %d tokens, %d types\n", c.Tokens(), c.Types())
	start := time.Now()
	entries, err := brown.Cluster(ctx, c, brown.Options{Clusters: *k, MinCount: *min,
		Progress: func(done, total int) {
			if done%2000 == 0 || done == total {
				fmt.Fprintf(os.Stderr, "%d/%d words, %v\n", done, total, time.Since(start).Round(time.Second))
			}
		}})
	if err != nil {
		return err
	}
	return writeGzip(*out, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		for _, e := range entries {
			fmt.Fprintf(bw, "%s\t%s\t%d\n", e.Bits, e.Word, e.Count)
		}
		return bw.Flush()
	})
}

func addJSONL(c *brown.Corpus, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	dec := json.NewDecoder(zr)
	for {
		var rec struct{ Text string }
		if err := dec.Decode(&rec); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, s := range text.Sentences(text.Tokenize(rec.Text)) {
			words := make([]string, len(s))
			for i, t := range s {
				words[i] = ner.Normalize(t.Text)
			}
			c.Add(words)
		}
	}
}

func addCoNLL(c *brown.Corpus, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, d := range docs {
		for _, s := range d.Sentences {
			var words []string
			for _, w := range s.Words {
				for _, t := range text.Tokenize(w) {
					words = append(words, ner.Normalize(t.Text))
				}
			}
			c.Add(words)
		}
	}
	return nil
}

// writeGzip writes a deterministic gzip file (no name, no time) at path.
func writeGzip(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err := write(zw); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
