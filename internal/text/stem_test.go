package text

import (
	"fmt"
	"sync"
	"testing"

	"github.com/kljensen/snowball/english"
)

func TestStemMatchesSnowball(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"running", "run"},
		{"negotiations", "negoti"},
		{"guarantees", "guarante"},
		{"ceasefire", "ceasefir"},
		{"a", "a"},
		{"", ""},
	} {
		for range 2 { // once stemmed, once from the cache
			if got := Stem(tc.in); got != tc.want {
				t.Errorf("Stem(%q) = %q, want %q", tc.in, got, tc.want)
			}
		}
	}
}

// Many goroutines stem more distinct words than the cache holds: every
// answer is Snowball's, and the cache stays bounded.
func TestStemConcurrentAndBounded(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 3 * shards * shardCap / 8 {
				w := fmt.Sprintf("word%dings", i*8+g)
				if got, want := Stem(w), english.Stem(w, false); got != want {
					t.Errorf("Stem(%q) = %q, want %q", w, got, want)
					return
				}
			}
		})
	}
	wg.Wait()
	for i := range cache {
		cache[i].mu.RLock()
		n := len(cache[i].stems)
		cache[i].mu.RUnlock()
		if n > shardCap {
			t.Errorf("shard %d holds %d stems, cap %d", i, n, shardCap)
		}
	}
}

func BenchmarkStem(b *testing.B) {
	words := []string{"negotiations", "security", "guarantees", "president", "meeting", "said", "ukrainian", "talks"}
	b.Run("cached", func(b *testing.B) {
		for i := range b.N {
			Stem(words[i%len(words)])
		}
	})
	b.Run("snowball", func(b *testing.B) {
		for i := range b.N {
			english.Stem(words[i%len(words)], false)
		}
	})
}
