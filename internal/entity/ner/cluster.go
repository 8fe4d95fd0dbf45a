package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
)

// ReadClusters reads Brown clusters as written by the gen command: lines
// "BITS<TAB>WORD<TAB>COUNT", gzip'd or not. It returns the bit string of
// each word.
func ReadClusters(r io.Reader) (map[string]string, error) {
	br := bufio.NewReader(r)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("read clusters: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
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
