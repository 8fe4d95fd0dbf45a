package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/article"
)

// sentinels are the reasons an input may fail with.
var sentinels = []error{ErrEmpty, ErrBinary, ErrNotUTF8, ErrTooLarge, ErrUnsupported, ErrMalformed}

// checkResult fails t unless res is well formed: exactly one of Article,
// Err and Skipped; an article that passes checkArticle; an *Error naming
// an input under ref with one of the sentinel reasons; a skipped item or
// record that says why, and a skipped feed item with a link and no text.
func checkResult(t *testing.T, ref string, res Result, cleaned bool) {
	t.Helper()
	switch {
	case res.Article != nil && res.Err == nil && !res.Skipped:
		if res.Ref != res.Article.SourceRef || !strings.HasPrefix(res.Ref, ref) {
			t.Errorf("result Ref %q, article SourceRef %q, input %q", res.Ref, res.Article.SourceRef, ref)
		}
		checkArticle(t, res.Article, cleaned)
	case res.Article == nil && res.Err != nil && !res.Skipped:
		var e *Error
		if !errors.As(res.Err, &e) || e.Ref != res.Ref || !strings.HasPrefix(e.Ref, ref) || e.Line < 0 {
			t.Errorf("error %#v is not an *Error about %q", res.Err, ref)
		}
		if !isSentinel(res.Err) {
			t.Errorf("error %q wraps no Err* reason", res.Err)
		}
	case res.Article == nil && res.Err == nil && res.Skipped:
		if !strings.HasPrefix(res.Ref, ref) || res.Ref != ref && res.Reason == "" {
			t.Errorf("skipped %+v: no reason, or not under %q", res, ref)
		}
		if res.Item != nil && (res.Item.URL == "" || res.Item.Text != "" || res.Item.SourceRef != res.Ref) {
			t.Errorf("skipped item %+v: want a link, no text, SourceRef %q", res.Item, res.Ref)
		}
	default:
		t.Errorf("result %+v: want exactly one of Article, Err, Skipped", res)
	}
}

func isSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// checkArticle fails t unless a has a content ID, valid UTF-8 fields and a
// non-blank text; cleaned text must also be normalised as cleanText does.
func checkArticle(t *testing.T, a *article.Article, cleaned bool) {
	t.Helper()
	if a.ID == "" || a.ID != article.NewID(a.URL, a.Outlet, a.Title, a.Text) {
		t.Errorf("ID %q is not the content ID", a.ID)
	}
	for name, s := range map[string]string{"SourceRef": a.SourceRef, "URL": a.URL, "Title": a.Title, "Outlet": a.Outlet, "Author": a.Author, "Language": a.Language, "Text": a.Text} {
		if !utf8.ValidString(s) {
			t.Errorf("%s is not valid UTF-8: %q", name, s)
		}
	}
	for name, s := range map[string]string{"Title": a.Title, "Outlet": a.Outlet, "Author": a.Author} {
		if strings.ContainsAny(s, "\r\n\t") || s != strings.TrimSpace(s) {
			t.Errorf("%s is not one trimmed line: %q", name, s)
		}
	}
	if strings.TrimSpace(a.Text) == "" {
		t.Errorf("blank text %q", a.Text)
	}
	if !a.Published.IsZero() && a.Published.Location() != time.UTC {
		t.Errorf("Published %v is not in UTC", a.Published)
	}
	if cleaned {
		checkCleaned(t, a.Text)
	}
}

// checkCleaned fails t unless text is as cleanText leaves it.
func checkCleaned(t *testing.T, text string) {
	t.Helper()
	if text != strings.TrimSpace(text) || strings.Contains(text, "\n\n\n") {
		t.Errorf("text not trimmed or has blank runs: %q", text)
	}
	for _, line := range strings.Split(text, "\n") {
		if line != strings.TrimSpace(line) {
			t.Errorf("line not trimmed: %q", line)
		}
	}
	if i := strings.IndexFunc(text, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }); i >= 0 {
		t.Errorf("control character at %d in %q", i, text)
	}
}

// addSeeds adds every file under dir whose name ends in one of exts to f's
// corpus.
func addSeeds(f *testing.F, dir string, exts ...string) {
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, ext := range exts {
			if strings.HasSuffix(path, ext) {
				data, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				f.Add(data)
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
}

func FuzzText(f *testing.F) {
	addSeeds(f, seeds, ".txt")
	addSeeds(f, "testdata/folder", ".txt")
	for _, s := range []string{"", " date 2025-08-17 x", "date 2025-02-30\n\n", "Title here\n\nBody", "\xff\xfeA\x00", "© PHOTO\nRelated news\nx", "a\r\n\r\n\r\nb \u0301"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parseText("f.txt", data)
		if err != nil {
			if a != nil || !isSentinel(err) {
				t.Fatalf("parseText = %v, %v", a, err)
			}
			return
		}
		checkResult(t, "f.txt", Result{Ref: a.SourceRef, Article: a}, true)
		if p := a.Published; !p.IsZero() && !p.Equal(p.Truncate(24*time.Hour)) {
			t.Errorf("marker date %v is not midnight", p)
		}
	})
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, "testdata", ".html", ".htm")
	for _, s := range []string{"", "<p>x", "<html lang=xx><title>T</title><body><article><h1>T</h1><p>Body text here.</p>", "<meta charset=koi8-r><p>\xc1\xc2", "<script>x</script>",
		"<form><p>in a form</p></form>", "<p>stray \x00 NUL \xff byte</p>", `<meta property="article:published_time" content="2025-03-04T03:00:00Z"><time datetime="2025-03-03T22:00-0500">`} {
		f.Add([]byte(s))
	}
	r := New(Options{Now: fixedNow})
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := r.parseHTML("f.html", data, "")
		if err != nil {
			if a != nil || !isSentinel(err) {
				t.Fatalf("parseHTML = %v, %v", a, err)
			}
			return
		}
		checkResult(t, "f.html", Result{Ref: a.SourceRef, Article: a}, true)
	})
}

func FuzzFeed(f *testing.F) {
	addSeeds(f, "testdata", ".rss", ".atom", ".xml")
	f.Add([]byte(rss(rssItem)))
	f.Add([]byte(rss(`<item><title>&lt;b&gt;T&amp;amp;</title><content:encoded xmlns:content="x">&lt;p&gt;Hi</content:encoded></item>`)))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "&#233;">]><rss><channel><item><link>/a</link><pubDate>03 Apr 02 1500 GMT</pubDate></item></channel></rss>`))
	f.Add([]byte("<rss><channel><item><description>Caf\xe9 &amp;lt;p&amp;gt;x\x00</description></item></channel></rss>"))
	r := New(Options{})
	f.Fuzz(func(t *testing.T, data []byte) {
		err := r.readFeed(context.Background(), "f.rss", data, feedOptions{mustBeFeed: true}, func(res Result) error {
			checkResult(t, "f.rss", res, true)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzJSONL reads arbitrary bytes as JSON Lines.
func FuzzJSONL(f *testing.F) {
	addSeeds(f, "testdata", ".jsonl")
	for _, s := range []string{"", "{}", "\n\n{\"text\":\"a\"}\r\n", `{"text":"x","published":"2025-08-18T10:00:00"}`, `{"html":"<p>x</p>","id":1}`, "{\"text\":\"\xff\"}"} {
		f.Add([]byte(s))
	}
	r := New(Options{MaxSize: 1 << 12})
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		err := r.readJSONL(context.Background(), "f.jsonl", bytes.NewReader(data), func(res Result) error {
			checkResult(t, "f.jsonl", res, false)
			var e *Error
			if errors.As(res.Err, &e) && e.Line > lines {
				t.Errorf("error on line %d of %d", e.Line, lines)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzJSONLVerbatim checks that a record's text comes out byte for byte.
func FuzzJSONLVerbatim(f *testing.F) {
	for _, s := range []string{"plain", "  lead and trail  ", "a\r\nb\n\n\n\tc", "© PHOTO AFP\nRelated news", "\u0065\u0301 NFD", "<p>not html</p>", "\u2028sep\u0085"} {
		f.Add(s, "Title", "2025-08-18")
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, text, title, published string) {
		line, err := json.Marshal(map[string]string{"text": text, "title": title, "published": published})
		if err != nil {
			t.Skip()
		}
		var got []Result
		if err := r.readJSONL(context.Background(), "f.jsonl", bytes.NewReader(line), func(res Result) error {
			checkResult(t, "f.jsonl", res, false)
			got = append(got, res)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 {
			t.Fatalf("%d results for one line", len(got))
		}
		_, dateErr := parseDate(published)
		ok := utf8.ValidString(text) && strings.TrimSpace(text) != "" && dateErr == nil && !strings.ContainsRune(text, 0)
		if a := got[0].Article; ok && (a == nil || a.Text != text) {
			t.Errorf("text %q came out as %+v", text, got[0])
		}
	})
}

// FuzzSniff reads arbitrary standard input, whatever format it sniffs as.
func FuzzSniff(f *testing.F) {
	addSeeds(f, "testdata", ".txt", ".html", ".htm", ".rss", ".atom", ".xml", ".jsonl")
	for _, s := range []string{"", "{", "<", "<?xml?>", "<!doctype html>", "<rss", "<feed>", "\uFEFF<rdf:RDF>",
		"\x1f\x8b", gzipString("{\"text\":\"x\"}\n"), gzipString("<rss><channel><item><title>t</title></item></channel></rss>")} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = sniff(data)
		r := New(Options{Stdin: bytes.NewReader(data), MaxSize: 1 << 16, Now: fixedNow})
		err := r.Read(context.Background(), "-", func(res Result) error {
			checkResult(t, "-", res, !strings.Contains(res.Ref, "#L"))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
