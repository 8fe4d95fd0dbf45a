package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// warcRecord is one record of a test WARC file.
type warcRecord struct {
	typ, uri, date string
	block          string // the HTTP message, for request and response records
}

// response returns a response record holding an HTTP response.
func response(uri, date, status, contentType, body string) warcRecord {
	head := "HTTP/1.1 " + status + "\r\n"
	if contentType != "" {
		head += "Content-Type: " + contentType + "\r\n"
	}
	head += fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body))
	return warcRecord{typ: "response", uri: uri, date: date, block: head + body}
}

// bytes returns the record as WARC/1.0 text.
func (w warcRecord) bytes() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: %s\r\n", w.typ, w.date)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%08x-0000-0000-0000-000000000000>\r\n", len(w.block))
	if w.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", w.uri)
	}
	ct := "application/http; msgtype=" + w.typ
	switch {
	case w.typ == "warcinfo":
		ct = "application/warc-fields"
	case strings.HasPrefix(w.uri, "dns:"):
		ct = "text/dns"
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", ct, len(w.block), w.block)
	return b.Bytes()
}

// warcFile returns the records as a WARC file, each record its own gzip
// member when gz is set (CC-NEWS's .warc.gz).
func warcFile(t testing.TB, gz bool, recs ...warcRecord) []byte {
	t.Helper()
	var out bytes.Buffer
	for _, r := range recs {
		if !gz {
			out.Write(r.bytes())
			continue
		}
		zw := gzip.NewWriter(&out)
		zw.Write(r.bytes())
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes()
}

// articlePage returns an HTML news page; canonical adds og:url, dated a
// publication date.
func articlePage(title, canonical string, dated bool, body string) string {
	var head string
	if canonical != "" {
		head += `<meta property="og:url" content="` + canonical + `">`
	}
	if dated {
		head += `<meta property="article:published_time" content="2025-08-18T09:30:00Z">`
	}
	var paras string
	for i := range 4 {
		paras += fmt.Sprintf("<p>%s Paragraph %d carries enough words for the extractor to keep it as the main text of this page.</p>\n", body, i+1)
	}
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>` + title + `</title>` + head +
		`</head><body><article><h1>` + title + `</h1>` + paras + `</article></body></html>`
}

// ccNews returns a WARC in the shape of a CC-NEWS file: warcinfo, then
// request and response pairs, and the responses that hold no article.
func ccNews() []warcRecord {
	const date = "2025-08-19T06:00:00Z"
	latin1 := strings.ReplaceAll(articlePage("Café talks in Paris", "", true,
		"Le président a parlé au café."), `<meta charset="utf-8">`, "")
	latin1 = string(bytes.ReplaceAll([]byte(latin1), []byte("é"), []byte{0xe9}))
	return []warcRecord{
		{typ: "warcinfo", date: date, block: "software: test\r\nformat: WARC File Format 1.0\r\n"},
		{typ: "request", uri: "https://a.example/talks", date: date, block: "GET /talks HTTP/1.1\r\nHost: a.example\r\n\r\n"},
		response("https://a.example/talks", date, "200 OK", "text/html; charset=utf-8",
			articlePage("Leaders meet at the White House", "https://a.example/world/talks", true, "European leaders met in Washington.")),
		response("https://b.example/undated", date, "200 OK", "text/html",
			articlePage("Kremlin sets no date", "", false, "The Kremlin said no date had been set.")),
		response("https://c.example/image.jpg", date, "200 OK", "image/jpeg", "\xff\xd8\xff\xe0 not a page"),
		response("https://c.example/missing", date, "404 Not Found", "text/html", "<p>Not found</p>"),
		response("https://d.example/cafe", date, "200 OK", "text/html; charset=ISO-8859-1", latin1),
		{typ: "metadata", uri: "https://d.example/cafe", date: date, block: "fetchTimeMs: 12\r\n"},
	}
}

// readWARCFile writes data to a file named name and reads it.
func readWARCFile(t *testing.T, name string, data []byte, opts Options) []Result {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	opts.Now = fixedNow
	var out []Result
	err := New(opts).Read(context.Background(), path, func(res Result) error {
		checkResult(t, path, res, true)
		out = append(out, res)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return out
}

func TestReadWARC(t *testing.T) {
	for _, tt := range []struct {
		name string
		gz   bool
	}{{"cc-news.warc.gz", true}, {"plain.warc", false}, {"UPPER.WARC.GZ", true}} {
		t.Run(tt.name, func(t *testing.T) {
			all := readWARCFile(t, tt.name, warcFile(t, tt.gz, ccNews()...), Options{})
			var res []Result
			var skipped []string
			for _, r := range all {
				if r.Skipped {
					skipped = append(skipped, r.Ref[strings.LastIndexByte(r.Ref, '#'):]+" "+r.Reason)
				} else {
					res = append(res, r)
				}
			}
			wantSkipped := []string{"#1 warcinfo record", "#2 request record", `#5 HTTP Content-Type "image/jpeg", not HTML`, "#6 HTTP status 404", "#8 metadata record"}
			if fmt.Sprint(skipped) != fmt.Sprint(wantSkipped) {
				t.Errorf("skipped:\n got %q\nwant %q", skipped, wantSkipped)
			}
			if len(res) != 3 {
				t.Fatalf("%d results, want 3 articles: %+v", len(res), res)
			}
			type got struct{ ref, url, title, published string }
			var gots []got
			for _, r := range res {
				if r.Err != nil {
					t.Fatalf("%s: %v", r.Ref, r.Err)
				}
				a := r.Article
				gots = append(gots, got{r.Ref[strings.LastIndexByte(r.Ref, '#'):], a.URL, a.Title, a.Published.Format(time.RFC3339)})
				if a.Published.Format(time.RFC3339) == "2025-08-19T06:00:00Z" != a.PublishedInferred {
					t.Errorf("%s: PublishedInferred = %v for %v", r.Ref, a.PublishedInferred, a.Published)
				}
			}
			want := []got{
				{"#3", "https://a.example/world/talks", "Leaders meet at the White House", "2025-08-18T00:00:00Z"}, // htmldate keeps the day
				{"#4", "https://b.example/undated", "Kremlin sets no date", "2025-08-19T06:00:00Z"},
				{"#7", "https://d.example/cafe", "Café talks in Paris", "2025-08-18T00:00:00Z"}, // htmldate keeps the day
			}
			if fmt.Sprint(want) != fmt.Sprint(gots) {
				t.Errorf("articles:\n got %v\nwant %v", gots, want)
			}
			if !strings.Contains(res[2].Article.Text, "président a parlé au café") {
				t.Errorf("Latin-1 page not decoded: %q", res[2].Article.Text)
			}
		})
	}
}

// TestReadWARCShapes covers issue 24's WARC classes: a file gzipped as one
// stream, and a crawler's DNS and other non-HTTP records.
func TestReadWARCShapes(t *testing.T) {
	recs := ccNews()
	dns := warcRecord{typ: "response", uri: "dns:a.example", date: "2025-08-19T06:00:00Z", block: "20250819060000\na.example. 300 IN A 192.0.2.1\n"}
	var oneStream bytes.Buffer
	zw := gzip.NewWriter(&oneStream)
	zw.Write(warcFile(t, false, recs...))
	zw.Close()
	tests := []struct {
		name     string
		data     []byte
		articles int
		skipped  int
	}{
		{"one-stream.warc.gz", oneStream.Bytes(), 3, 5},
		{"member-per-record.warc.gz", warcFile(t, true, recs...), 3, 5},
		{"dns.warc.gz", warcFile(t, true, recs[0], dns, recs[2]), 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			articles, skipped := 0, 0
			for _, r := range readWARCFile(t, tt.name, tt.data, Options{}) {
				switch {
				case r.Err != nil:
					t.Errorf("%s: %v", r.Ref, r.Err)
				case r.Skipped:
					skipped++
				default:
					articles++
				}
			}
			if articles != tt.articles || skipped != tt.skipped {
				t.Errorf("%d articles, %d skipped; want %d, %d", articles, skipped, tt.articles, tt.skipped)
			}
		})
	}
}

func TestReadWARCLimitsAndDamage(t *testing.T) {
	recs := ccNews()
	big := response("https://e.example/big", "2025-08-19T06:00:00Z", "200 OK", "text/html",
		articlePage("Big", "", true, strings.Repeat("word ", 5000)))
	data := warcFile(t, true, append([]warcRecord{big}, recs[2])...)
	res := readWARCFile(t, "limit.warc.gz", data, Options{MaxSize: 10000})
	if len(res) != 2 || !errors.Is(res[0].Err, ErrTooLarge) || res[1].Article == nil {
		t.Errorf("record over MaxSize then a good one: %+v, want ErrTooLarge then an article", res)
	}

	// A file cut in the middle of a record: the records before it are read,
	// then one failure.
	whole := warcFile(t, true, recs...)
	res = readWARCFile(t, "cut.warc.gz", whole[:len(whole)-40], Options{})
	if len(res) == 0 || res[len(res)-1].Err == nil || !errors.Is(res[len(res)-1].Err, ErrMalformed) {
		t.Errorf("truncated file: %+v, want articles then ErrMalformed", res)
	}
	if res := readWARCFile(t, "empty.warc", nil, Options{}); len(res) != 0 {
		t.Errorf("empty file: %+v, want nothing", res)
	}
}

// FuzzWARC feeds arbitrary bytes to the WARC reader: it must not panic or
// hang, and every Result must be well formed.
func FuzzWARC(f *testing.F) {
	recs := ccNews()
	f.Add(warcFile(f, true, recs...))
	f.Add(warcFile(f, false, recs[:3]...))
	f.Add(warcFile(f, true, recs[2])[:100])
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n"))
	f.Add([]byte{})
	r := New(Options{Now: fixedNow, MaxSize: 1 << 16})
	f.Fuzz(func(t *testing.T, data []byte) {
		err := r.readWARC(context.Background(), "f.warc", bytes.NewReader(data), func(res Result) error {
			checkResult(t, "f.warc", res, true)
			return nil
		})
		if err != nil {
			t.Fatalf("readWARC = %v, want failures reported as Results", err)
		}
	})
}
