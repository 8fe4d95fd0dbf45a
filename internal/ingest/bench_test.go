package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// seedTexts returns the bodies of the seed articles.
func seedTexts(b *testing.B) [][]byte {
	b.Helper()
	paths, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no seeds: %v", err)
	}
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// BenchmarkParseText reads the five seed articles.
func BenchmarkParseText(b *testing.B) {
	texts := seedTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			if _, err := parseText("seed.txt", t); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadJSONL reads 1,000 records shaped like the bench corpus, the
// seed texts with titles, dates and extra fields.
func BenchmarkReadJSONL(b *testing.B) {
	texts := seedTexts(b)
	var in bytes.Buffer
	for i := range 1000 {
		line, err := json.Marshal(map[string]any{
			"id": i, "title": "Ukraine talks", "text": string(texts[i%len(texts)]),
			"date": "1987-02-26T15:01:01", "outlet": "Reuters", "category": nil, "topics": []string{"cocoa"},
		})
		if err != nil {
			b.Fatal(err)
		}
		in.Write(line)
		in.WriteByte('\n')
	}
	r := New(Options{})
	b.SetBytes(int64(in.Len()))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := r.readJSONL(context.Background(), "bench.jsonl", bytes.NewReader(in.Bytes()), func(res Result) error {
			if res.Err != nil {
				b.Fatal(res.Err)
			}
			n++
			return nil
		})
		if err != nil || n != 1000 {
			b.Fatalf("read %d records: %v", n, err)
		}
	}
}

// BenchmarkParseHTML reads the realistic news page.
func BenchmarkParseHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/html/news.html")
	if err != nil {
		b.Fatal(err)
	}
	r := New(Options{Now: fixedNow})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.parseHTML("news.html", data, ""); err != nil {
			b.Fatal(err)
		}
	}
}
