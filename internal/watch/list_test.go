package watch

import (
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
