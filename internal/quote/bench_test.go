package quote

import "testing"

// BenchmarkExtract extracts the quotes of the five seed articles; one op is
// one article. The Quotes goal is 5,000 articles/s on one core, that is
// 200 µs/op.
func BenchmarkExtract(b *testing.B) {
	var texts []string
	size := 0
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		texts = append(texts, seedText(b, n))
		size += len(texts[len(texts)-1])
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(texts[i%len(texts)], Options{})
	}
}
