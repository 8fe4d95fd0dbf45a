package ner

import (
	"sync"

	"github.com/storyline-news/storyline/internal/text"
)

// scratch holds the buffers of one Tag call. Tag takes one from a pool and
// puts it back, so that tagging a stream of articles allocates little more
// than the mentions it returns.
type scratch struct {
	tok   text.Tokenizer
	sents [][]text.Token
	words [][]string
	wbuf  []string
	doc   docInfo
	// cache maps a document's token texts to their facts, and byLower
	// its lower-cased words; cleared, not reallocated, between documents.
	cache   map[string]docToken
	byLower map[string]*docWord
	infos   []*wordInfo
	dws     []*docWord
	strs    []string
	gaz     [][numGaz]uint8
	arena   []docWord
	score   scorer
	tags    [][]int
	tagBuf  []int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// grown returns s resized to n zero elements, reusing its array when it is
// large enough.
func grown[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}
