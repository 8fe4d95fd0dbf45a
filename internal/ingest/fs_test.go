package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

func gzipBytes(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

// ReadFS reads a folder of an fs.FS as Read reads one on disk: in lexical
// order, hidden folders left out, unknown types skipped, failures named.
func TestReadFS(t *testing.T) {
	text := "Officials met in Vienna on Monday to discuss the flood defences of the city and its river banks.\n"
	fsys := fstest.MapFS{
		"news/a.txt":          {Data: []byte(text)},
		"news/b.jsonl.gz":     {Data: gzipBytes(t, `{"title":"Rail strike","text":"Train drivers walked out on Tuesday over pay."}`+"\n"+`{"title":"Bad"}`+"\n")},
		"news/c.pdf":          {Data: []byte("%PDF-1.4")},
		"news/.git/d.txt":     {Data: []byte(text)},
		"news/sub/e.html":     {Data: []byte(`<html lang="en"><head><title>Port expands</title></head><body><article><p>The port of Lisbon will add two berths by 2027, the harbour authority said on Wednesday, after a year of talks with shipping lines and the city.</p></article></body></html>`)},
		"news/sub/empty.txt":  {Data: []byte("   \n")},
		"elsewhere/other.txt": {Data: []byte(text)},
	}
	var got []string
	err := New(Options{}).ReadFS(context.Background(), fsys, "news", func(res Result) error {
		switch {
		case res.Article != nil:
			got = append(got, "article "+res.Article.SourceRef)
		case res.Skipped:
			got = append(got, "skipped "+res.Ref)
		case res.Err != nil:
			got = append(got, "failed "+res.Ref)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"article news/a.txt", "article news/b.jsonl.gz#L1", "failed news/b.jsonl.gz",
		"skipped news/c.pdf", "article news/sub/e.html", "failed news/sub/empty.txt"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ReadFS:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// ReadStream names what it reads after the name given, in every format it
// sniffs.
func TestReadStream(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		want       []string
	}{
		{"body.txt", "The mayor opened the new tram line on Friday, two years late and over budget.\n", []string{"body.txt"}},
		{"upload", `{"text":"Grain exports rose by a tenth in May, the ministry said."}` + "\n" + `{"text":""}` + "\n", []string{"upload#L1", "failed upload"}},
		{"https://example.org/feed", `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Water tariffs</title><link>https://example.org/w</link><description>The council froze water tariffs for a year after a vote on Thursday.</description></item></channel></rss>`, []string{"https://example.org/feed#1"}},
	} {
		var got []string
		err := New(Options{}).ReadStream(context.Background(), tt.name, strings.NewReader(tt.body), func(res Result) error {
			switch {
			case res.Article != nil:
				got = append(got, res.Article.SourceRef)
			case res.Err != nil:
				got = append(got, "failed "+res.Ref)
				if !strings.Contains(res.Err.Error(), tt.name) {
					t.Errorf("%s: error %q does not name the input", tt.name, res.Err)
				}
			}
			return nil
		})
		if err != nil || strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("ReadStream(%s) = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
}
