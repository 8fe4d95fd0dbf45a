package timex

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkExtract measures Extract on the seed articles, one article per
// iteration; b.N/s is articles per second on one core.
func BenchmarkExtract(b *testing.B) {
	paths, err := filepath.Glob("../../examples/ukraine-talks/*.txt")
	if err != nil || len(paths) == 0 {
		b.Skip("no seed articles")
	}
	var texts []string
	size := 0
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	dct := time.Date(2025, 8, 19, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Extract(texts[i%len(texts)], dct)
	}
}
