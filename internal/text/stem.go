package text

import (
	"hash/maphash"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// shards and shardCap bound the stem cache: 64 shards of at most 4,096
// words, 262,144 in all, more than the distinct words of a year of news in
// practice; a full shard starts afresh.
const (
	shards   = 64
	shardCap = 4096
)

type shard struct {
	mu    sync.RWMutex
	stems map[string]string
}

var (
	seed  = maphash.MakeSeed()
	cache [shards]shard
)

// Stem returns the Snowball (Porter2) stem of the lower-case English word
// w, as english.Stem(w, false) does. Stemming is most of the cost of
// comparing sentences, and news repeats its words: the stems are cached.
func Stem(w string) string {
	sh := &cache[maphash.String(seed, w)%shards]
	sh.mu.RLock()
	s, ok := sh.stems[w]
	sh.mu.RUnlock()
	if ok {
		return s
	}
	s = english.Stem(w, false)
	sh.mu.Lock()
	if sh.stems == nil || len(sh.stems) >= shardCap {
		sh.stems = make(map[string]string, shardCap/4)
	}
	// w may be a slice of a whole article: keep a copy, not the article.
	sh.stems[strings.Clone(w)] = s
	sh.mu.Unlock()
	return s
}
