package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/storyline-news/storyline/internal/gz"
)

// ReadClusters reads Brown clusters as written by the gen command: lines
// "BITS<TAB>WORD<TAB>COUNT", gzip'd or not. It returns the bit string of
// each word.
func ReadClusters(r io.Reader) (map[string]string, error) {
	br, err := gz.Reader(r)
	if err != nil {
		return nil, fmt.Errorf("read clusters: %w", err)
	}
	out := make(map[string]string)
	sc := bufio.NewScanner(br)
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("read clusters: line %d: want BITS<TAB>WORD", n)
		}
		out[f[1]] = f[0]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read clusters: %w", err)
	}
	return out, nil
}
