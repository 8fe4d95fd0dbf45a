package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// cmpErrors compares errors by reason: an *Error matches another with the
// same Ref and Line whose reasons are errors.Is-related, so that a test can
// want &Error{Err: ErrEmpty} and get the detailed message.
var cmpErrors = cmp.Comparer(func(x, y error) bool {
	var ex, ey *Error
	if errors.As(x, &ex) && errors.As(y, &ey) {
		if ex.Ref != ey.Ref || ex.Line != ey.Line {
			return false
		}
		x, y = ex.Err, ey.Err
	}
	if x == nil || y == nil {
		return x == y
	}
	return x.Error() == y.Error() || errors.Is(x, y) || errors.Is(y, x)
})

// summary is what a test checks of a Result: articles by SourceRef and
// title, the rest whole.
type summary struct {
	Ref     string
	Title   string
	InputID string
	Err     error
	Skipped bool
}

func summarize(res []Result) []summary {
	var out []summary
	for _, r := range res {
		s := summary{Ref: r.Ref, InputID: r.InputID, Err: r.Err, Skipped: r.Skipped}
		if r.Article != nil {
			s.Title = r.Article.Title
		}
		out = append(out, s)
	}
	return out
}

func TestReadFolder(t *testing.T) {
	const dir = "testdata/folder"
	got := summarize(collect(t, New(Options{}), dir))
	want := []summary{
		{Ref: dir + "/README", Skipped: true},
		{Ref: dir + "/a.txt", Title: "Leaders meet at the White House"},
		{Ref: dir + "/b.htm", Title: "Summit ends"},
		{Ref: dir + "/empty-dir/.keep", Skipped: true},
		{Ref: dir + "/notes.pdf", Skipped: true},
		{Ref: dir + "/photo.gif", Skipped: true},
		{Ref: dir + "/sub/c.jsonl#L1", InputID: "s1"},
		{Ref: dir + "/sub/c.jsonl#L2", InputID: "s2"},
		{Ref: dir + "/sub/sitemap.xml", Skipped: true},
	}
	if diff := cmp.Diff(want, got, cmpErrors); diff != "" {
		t.Errorf("Read(%s) mismatch (-want +got):\n%s", dir, diff)
	}
}

// TestReadHostileFolder checks that each bad file is reported with its
// reason, and the good files are read.
func TestReadHostileFolder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"binary.txt":   "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00",
		"empty.html":   "",
		"latin1.txt":   "Caf\xe9 owners reopen after strikes.",
		"good.txt":     "Zelensky and European leaders met Trump at the White House.",
		"big.txt":      strings.Repeat("Long text. ", 200),
		"mixed.jsonl":  "{\"text\":\"good one\"}\n{\"text\": bad}\n{\"text\":\"good two\"}\n",
		"broken.rss":   "<?xml version=\"1.0\"?><rss><channel><title>x</title><item><title>unclosed",
		"notfeed.atom": "Just text in an .atom file.",
		"data.bin":     "\x00\x01",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := summarize(collect(t, New(Options{MaxSize: 1000}), dir))
	p := func(name string) string { return filepath.Join(dir, name) }
	fail := func(name string, line int, err error) summary {
		ref := p(name)
		return summary{Ref: ref, Err: &Error{Ref: ref, Line: line, Err: err}}
	}
	want := []summary{
		fail("big.txt", 0, ErrTooLarge),
		fail("binary.txt", 0, ErrBinary),
		fail("broken.rss", 0, ErrMalformed),
		{Ref: p("data.bin"), Skipped: true},
		fail("empty.html", 0, ErrEmpty),
		{Ref: p("good.txt")},
		fail("latin1.txt", 0, ErrNotUTF8),
		{Ref: p("mixed.jsonl") + "#L1"},
		fail("mixed.jsonl", 2, ErrMalformed),
		{Ref: p("mixed.jsonl") + "#L3"},
		fail("notfeed.atom", 0, ErrMalformed),
	}
	if diff := cmp.Diff(want, got, cmpErrors); diff != "" {
		t.Errorf("Read(hostile folder) mismatch (-want +got):\n%s", diff)
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "report.pdf")
	noExt := filepath.Join(dir, "README")
	sitemap := filepath.Join(dir, "sitemap.xml")
	for path, content := range map[string]string{pdf: "%PDF-1.4", noExt: "text", sitemap: `<?xml version="1.0"?><urlset/>`} {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "missing.txt")
	tests := []struct {
		ref  string
		want error
		msg  string
	}{
		{pdf, ErrUnsupported, pdf + `: unsupported file type ".pdf"`},
		{noExt, ErrUnsupported, noExt + ": unsupported file type (no extension)"},
		{sitemap, ErrUnsupported, sitemap + ": unsupported file type: XML that is not an RSS or Atom feed"},
		{missing, fs.ErrNotExist, missing + ": no such file or directory"},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(filepath.Base(tt.ref), func(t *testing.T) {
			res := collect(t, r, tt.ref)
			if len(res) != 1 || !errors.Is(res[0].Err, tt.want) || res[0].Ref != tt.ref {
				t.Fatalf("Read(%s) = %+v, want one %v", tt.ref, res, tt.want)
			}
			if got := res[0].Err.Error(); got != tt.msg {
				t.Errorf("message = %q, want %q", got, tt.msg)
			}
		})
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Ref: "a.jsonl", Line: 3, Err: ErrMalformed}, "a.jsonl:3: malformed"},
		{&Error{Ref: "dir/b.txt", Err: ErrBinary}, "dir/b.txt: binary content"},
		{&Error{Ref: "feed.rss#2", Err: ErrEmpty}, "feed.rss#2: empty"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.err, tt.err.Err) {
			t.Errorf("errors.Is(%v, %v) = false", tt.err, tt.err.Err)
		}
	}
}

func TestReadStdin(t *testing.T) {
	news, err := os.ReadFile("testdata/html/news.html")
	if err != nil {
		t.Fatal(err)
	}
	rss, err := os.ReadFile("testdata/feed/content.rss")
	if err != nil {
		t.Fatal(err)
	}
	atom, err := os.ReadFile("testdata/feed/atom.atom")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		want []summary
	}{
		{"text", " date 2025-08-17 Leaders met.\n", []summary{{Ref: "-"}}},
		{"text starting with <", "<3 to all the leaders who met today.", []summary{{Ref: "-"}}},
		{"JSON Lines", "\n  {\"id\":1,\"text\":\"one\"}\n{\"text\":\"two\",\"title\":\"Two\"}", []summary{{Ref: "-#L2", InputID: "1"}, {Ref: "-#L3", Title: "Two"}}},
		{"HTML", string(news), []summary{{Ref: "-", Title: "Zelensky and European leaders meet Trump at White House"}}},
		{"RSS", string(rss), []summary{
			{Ref: "-#1", Title: "Trump promises Ukraine ‘good protection’ after White House talks"},
			{Ref: "-#2", Title: "European leaders push for ceasefire before next summit"},
			{Ref: "-#3", Skipped: true},
		}},
		{"Atom", string(atom), []summary{{Ref: "-#1", Title: "Rutte: Article 5–style guarantees on the table"}, {Ref: "-#2", Title: "Hungary criticises strike on Druzhba pipeline"}}},
		{"other XML", `<?xml version="1.0"?><urlset/>`, []summary{{Ref: "-", Err: &Error{Ref: "-", Err: ErrUnsupported}}}},
		{"empty", "", []summary{{Ref: "-", Err: &Error{Ref: "-", Err: ErrEmpty}}}},
		{"binary", "\x00\x01\x02", []summary{{Ref: "-", Err: &Error{Ref: "-", Err: ErrBinary}}}},
		{"too large", strings.Repeat("x", 5000), []summary{{Ref: "-", Err: &Error{Ref: "-", Err: ErrTooLarge}}}},
		{"gzipped JSON Lines", gzipString("{\"id\":1,\"text\":\"one\"}\n"), []summary{{Ref: "-#L1", InputID: "1"}}},
		{"gzipped text too large", gzipString(strings.Repeat("x", 5000)), []summary{{Ref: "-", Err: &Error{Ref: "-", Err: ErrTooLarge}}}},
		{"broken gzip", "\x1f\x8bnot gzip at all, just text", []summary{{Ref: "-", Err: &Error{Ref: "-", Err: ErrMalformed}}}},
		{"truncated gzip", gzipString("Leaders met and talked for hours in Washington on Monday.")[:30], []summary{{Ref: "-", Err: &Error{Ref: "-", Err: ErrMalformed}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Options{Stdin: strings.NewReader(tt.in), MaxSize: 4096, Now: fixedNow})
			if tt.name == "HTML" || tt.name == "RSS" || tt.name == "Atom" {
				r = New(Options{Stdin: strings.NewReader(tt.in), Now: fixedNow})
			}
			got := summarize(collect(t, r, "-"))
			if diff := cmp.Diff(tt.want, got, cmpErrors); diff != "" {
				t.Errorf("Read(-) mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want format
	}{
		{"", formatText},
		{"Plain text.", formatText},
		{"\uFEFF  {\"text\":\"x\"}", formatJSONL},
		{"<!DOCTYPE html><html>", formatHTML},
		{"<!-- comment --><html lang=en>", formatHTML},
		{"<body><p>fragment", formatHTML},
		{"<p>fragment", formatHTML},
		{"<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">", formatFeed},
		{"<?xml version=\"1.0\"?><?xml-stylesheet href=\"s.xsl\"?><rdf:RDF xmlns:rdf=\"x\">", formatFeed},
		{"<feed xmlns=\"http://www.w3.org/2005/Atom\">", formatFeed},
		{"<?xml version=\"1.0\"?><!DOCTYPE html><html>", formatHTML},
		{"<?xml version=\"1.0\"?><urlset>", formatUnknown},
		{"<?xml version=\"1.0\"?>", formatUnknown},
		{"<3 you", formatText},
		{"<!-- unterminated", formatHTML},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("sniff(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFormatOf(t *testing.T) {
	tests := map[string]format{
		"a.txt": formatText, "A.TXT": formatText, "a.html": formatHTML, "a.htm": formatHTML,
		"a.rss": formatFeed, "a.atom": formatFeed, "a.xml": formatXML, "a.jsonl": formatJSONL,
		"a.ndjson": formatJSONL, "a.json": formatUnknown, "a.pdf": formatUnknown, "README": formatUnknown,
		"dir.txt/a": formatUnknown, "a.jsonl.gz": formatJSONL, "a.HTML.GZ": formatHTML, "a.txt.gz": formatText,
		"a.warc.gz": formatWARC, "a.gz": formatUnknown, "a.pdf.gz": formatUnknown, "a.jsonl.gz.gz": formatUnknown,
	}
	for path, want := range tests {
		if got := formatOf(path); got != want {
			t.Errorf("formatOf(%q) = %v, want %v", path, got, want)
		}
	}
}

// gzipString returns s gzipped.
func gzipString(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// TestReadGzipped reads gzipped files in a folder as the files they
// hold, and names a .gz file that is not gzip data.
func TestReadGzipped(t *testing.T) {
	news, err := os.ReadFile("testdata/html/news.html")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"a.jsonl.gz": gzipString("{\"id\":\"x1\",\"text\":\"Leaders met in Washington.\"}\n{\"id\":\"x2\",\"text\":\"Talks went on.\"}\n"),
		"b.html.gz":  gzipString(string(news)),
		"c.txt.gz":   "plain text, not gzipped",
		"d.pdf.gz":   gzipString("%PDF-1.4"),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := summarize(collect(t, New(Options{Now: fixedNow}), dir))
	want := []summary{
		{Ref: filepath.Join(dir, "a.jsonl.gz") + "#L1", InputID: "x1"},
		{Ref: filepath.Join(dir, "a.jsonl.gz") + "#L2", InputID: "x2"},
		{Ref: filepath.Join(dir, "b.html.gz"), Title: "Zelensky and European leaders meet Trump at White House"},
		{Ref: filepath.Join(dir, "c.txt.gz"), Err: &Error{Ref: filepath.Join(dir, "c.txt.gz"), Err: ErrMalformed}},
		{Ref: filepath.Join(dir, "d.pdf.gz"), Skipped: true},
	}
	if diff := cmp.Diff(want, got, cmpErrors); diff != "" {
		t.Errorf("Read(folder of .gz files) mismatch (-want +got):\n%s", diff)
	}
}

// TestReadStops checks that an error from the callback, or a cancelled
// context, stops Read and is returned.
func TestReadStops(t *testing.T) {
	stop := errors.New("stop")
	r := New(Options{})
	n := 0
	err := r.Read(context.Background(), seeds, func(Result) error {
		n++
		return fs.SkipDir // must not be taken for WalkDir's own
	})
	if !errors.Is(err, fs.SkipDir) || n != 1 {
		t.Errorf("Read with failing callback = %v after %d calls, want fs.SkipDir after 1", err, n)
	}
	n = 0
	err = r.Read(context.Background(), "testdata/jsonl/articles.jsonl", func(Result) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Read(jsonl) with failing callback = %v after %d calls, want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = r.Read(ctx, seeds, func(Result) error { t.Error("callback called after cancel"); return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Read(cancelled) = %v, want context.Canceled", err)
	}
}

// TestReadDeterministic checks that reading twice gives the same articles
// in the same order.
func TestReadDeterministic(t *testing.T) {
	r := New(Options{Now: fixedNow})
	for _, ref := range []string{seeds, "testdata"} {
		first, second := collect(t, r, ref), collect(t, r, ref)
		if diff := cmp.Diff(first, second, cmpErrors); diff != "" {
			t.Errorf("Read(%s) differs between runs (-first +second):\n%s", ref, diff)
		}
	}
}

// TestReadConcurrent reads the fixtures from several goroutines at once
// with one Reader; run with -race.
func TestReadConcurrent(t *testing.T) {
	r := New(Options{Now: fixedNow})
	want := collect(t, r, "testdata")
	errs := make(chan string, 4)
	for range 4 {
		go func() {
			var got []Result
			err := r.Read(context.Background(), "testdata", func(res Result) error {
				got = append(got, res)
				return nil
			})
			if diff := cmp.Diff(want, got, cmpErrors); err != nil || diff != "" {
				errs <- fmt.Sprintf("concurrent Read: %v, mismatch (-want +got):\n%s", err, diff)
				return
			}
			errs <- ""
		}()
	}
	for range 4 {
		if msg := <-errs; msg != "" {
			t.Error(msg)
		}
	}
}
