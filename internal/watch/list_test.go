package watch

import (
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseList(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string
		wantErr  bool
	}{
		{"lines", "# my feeds\nhttps://a.example/rss\n\n  http://b.example/atom.xml  \nhttps://a.example/rss\n",
			[]string{"https://a.example/rss", "http://b.example/atom.xml"}, false},
		{"opml", `<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head><body>
			<outline text="News"><outline type="rss" text="A" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/>
			<outline text="B" xmlUrl="https://b.example/feed"/></outline><outline text="folder only"/></body></opml>`,
			[]string{"https://a.example/rss", "https://b.example/feed"}, false},
		{"not http", "ftp://a.example/feed\n", nil, true},
		{"relative", "/feed.xml\n", nil, true},
		{"file", "file:///etc/passwd\n", nil, true},
		{"empty", "# nothing\n\n", nil, true},
		{"bad opml", "<opml><body><outline xmlUrl=", nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseList([]byte(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseList error = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseList (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseListLongLine(t *testing.T) {
	in := "https://a.example/rss\nhttps://b.example/" + strings.Repeat("x", 2<<20) + "\n"
	if _, err := ParseList([]byte(in)); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("ParseList of a 2 MiB line: error %v, want one naming line 2", err)
	}
}

// FuzzParseList checks that any input either fails or gives a non-empty
// list of distinct absolute http(s) URLs.
func FuzzParseList(f *testing.F) {
	f.Add([]byte("# feeds\nhttps://a.example/rss\nhttp://b.example/atom.xml\n"))
	f.Add([]byte(`<opml><body><outline xmlUrl="https://a.example/rss"><outline xmlUrl="https://a.example/rss"/></outline></body></opml>`))
	f.Add([]byte("<opml><body><outline xmlUrl="))
	f.Add([]byte("javascript:alert(1)\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		urls, err := ParseList(data)
		if err != nil {
			return
		}
		if len(urls) == 0 {
			t.Fatal("no error and no feeds")
		}
		seen := map[string]bool{}
		for _, s := range urls {
			u, perr := url.Parse(s)
			if perr != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Fatalf("accepted %q", s)
			}
			if seen[s] {
				t.Fatalf("%q listed twice", s)
			}
			seen[s] = true
		}
	})
}
