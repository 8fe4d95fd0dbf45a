package cluster

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:generate go test -run TestWriteBackground -background ../../../shared/bench/corpus

// backgroundFile holds document frequencies of features in a corpus of
// past news (see background_test.go for how it is made): a line
// "docs N", then one "feature df" line per feature held by at least
// minBackgroundDF documents, sorted by feature, gzip-compressed.
//
//go:embed background.txt.gz
var backgroundFile []byte

// minBackgroundDF is the least document frequency written to the table:
// rarer features are as good as unseen.
const minBackgroundDF = 2

// background holds document frequencies from a corpus of past news.
type background struct {
	docs int
	dfs  map[string]int32
}

func (b *background) df(t string) int {
	if b == nil {
		return 0
	}
	return int(b.dfs[t])
}

// shippedBackground parses backgroundFile once per process; the table is
// read-only afterwards and shared by every Clusterer.
var shippedBackground = sync.OnceValue(func() *background {
	b, err := parseBackground(backgroundFile)
	if err != nil {
		panic("cluster: embedded background table: " + err.Error())
	}
	return b
})

// loadBackground returns the shipped table, or an empty one when the
// stream's own document frequencies are to be used alone.
func loadBackground(use bool) *background {
	if !use {
		return &background{}
	}
	return shippedBackground()
}

// parseBackground reads a table in the format of backgroundFile.
func parseBackground(data []byte) (*background, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(zr)
	b := &background{dfs: make(map[string]int32)}
	for n := 1; sc.Scan(); n++ {
		t, num, ok := strings.Cut(sc.Text(), " ")
		x, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("line %d: malformed %q", n, sc.Text())
		}
		if n == 1 && t == "docs" {
			b.docs = x
			continue
		}
		b.dfs[t] = int32(x)
	}
	return b, sc.Err()
}
