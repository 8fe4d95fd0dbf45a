package ingest

import (
	"testing"
	"time"
)

// TestHTMLDateOutletClock covers issue 24's dates: a UTC timestamp in
// JSON-LD or a <meta> must not move an evening article to the next day
// when the page gives its own clock or day elsewhere.
func TestHTMLDateOutletClock(t *testing.T) {
	const utc = `<meta property="article:published_time" content="2025-03-04T03:00:00Z">`
	ld := func(s string) string {
		return `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"` + s + `"}</script>`
	}
	canonical := func(u string) string { return `<link rel="canonical" href="` + u + `">` }
	tests := []struct {
		name, head, body, want string
	}{
		{"UTC meta, local <time>", utc, `<p><time datetime="2025-03-03T22:00:00-05:00">3 March, 10pm</time></p>`, "2025-03-03"},
		{"UTC meta, local JSON-LD", utc + ld("2025-03-03T22:00:00-05:00"), "", "2025-03-03"},
		{"UTC JSON-LD, local <time> without colon in offset", ld("2025-03-04T03:00Z"), `<p><time datetime="2025-03-03T22:00-0500">10pm</time></p>`, "2025-03-03"},
		{"UTC meta, day in the URL", utc + canonical("https://news.example/world/2025/03/03/talks"), "", "2025-03-03"},
		{"UTC meta, URL day too far", utc + canonical("https://news.example/world/2025/02/25/talks"), "", "2025-03-04"},
		{"UTC meta, a different instant elsewhere", utc, `<p><time datetime="2025-03-02T22:00:00-05:00">x</time></p>`, "2025-03-04"},
		{"UTC meta alone", utc, "", "2025-03-04"},
		{"local meta", `<meta property="article:published_time" content="2025-03-03T22:00:00-08:00">`, "", "2025-03-03"},
		{"east of UTC", `<meta property="article:published_time" content="2025-03-03T20:30:00Z">` + ld("2025-03-04T05:30:00+09:00"), "", "2025-03-04"},
	}
	r := New(Options{Now: fixedNow})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := page(`<title>Talks</title>`+tt.head, append([]string{tt.body}, prose...)...)
			a, err := r.parseHTML("x.html", []byte(in), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Published.Format(time.DateOnly); got != tt.want {
				t.Errorf("Published = %s, want %s", got, tt.want)
			}
		})
	}
}
