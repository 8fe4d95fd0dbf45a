package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/unicode"

	"github.com/storyline-news/storyline/internal/article"
)

// withID returns a with its ID set.
func withID(a article.Article) *article.Article {
	a.SetID()
	return &a
}

func TestReadFeed(t *testing.T) {
	tests := []struct {
		ref  string
		want []Result
	}{
		{
			ref: "testdata/feed/content.rss",
			want: []Result{
				{Ref: "testdata/feed/content.rss#1", Article: withID(article.Article{
					SourceRef: "testdata/feed/content.rss#1",
					URL:       "https://www.kyivdailyherald.example/world/2025/08/18/trump-protection",
					Title:     "Trump promises Ukraine ‘good protection’ after White House talks",
					Outlet:    "Kyiv Daily Herald – World",
					Author:    "Olena Kovalenko",
					Published: date("2025-08-18T21:40:00Z"),
					Language:  "en",
					Text: "US president Donald Trump told Volodymyr Zelensky on Monday that the United States would help guarantee Ukraine’s security in any deal to end the war.\n" +
						"“When it comes to security, there’s going to be a lot of help,” Trump told reporters at the White House.\n" +
						"Talks with Putin\n" +
						"Trump said he had begun arranging a meeting between Zelensky and Russian president Vladimir Putin.",
				})},
				{Ref: "testdata/feed/content.rss#2", Article: withID(article.Article{
					SourceRef: "testdata/feed/content.rss#2",
					URL:       "https://www.kyivdailyherald.example/world/2025/08/19/europe-ceasefire",
					Title:     "European leaders push for ceasefire before next summit",
					Outlet:    "Kyiv Daily Herald – World",
					Author:    "Marta Hrytsenko",
					Published: date("2025-08-19T06:15:00Z"), // +0200: its own clock
					Language:  "en",
					Text: "German chancellor Friedrich Merz said he could not imagine the next meeting taking place without a ceasefire.\n" +
						"French president Emmanuel Macron backed the call, while Trump said a ceasefire was not necessary to reach a peace deal.",
				})},
				{Ref: "testdata/feed/content.rss#3", Skipped: true, Reason: "feed item with a link but no text", Item: &article.Article{
					SourceRef: "testdata/feed/content.rss#3",
					URL:       "https://www.kyivdailyherald.example/world/2025/08/18/gallery",
					Title:     "Photo gallery: the White House summit",
					Outlet:    "Kyiv Daily Herald – World",
					Published: date("2025-08-18T23:00:00Z"),
				}},
			},
		},
		{
			ref: "testdata/feed/description.xml", // ISO-8859-1, descriptions only
			want: []Result{
				{Ref: "testdata/feed/description.xml#1", Article: withID(article.Article{
					SourceRef: "testdata/feed/description.xml#1",
					URL:       "https://wire.example/2025/08/19/guarantees",
					Title:     "Zelensky says guarantees to be formalised within 10 days",
					Outlet:    "Wire Service Headlines",
					Published: date("2025-08-19T09:02:11Z"),
					Language:  "en",
					Text:      `Ukrainian president Volodymyr Zelensky said on Tuesday that security guarantees would be "formalised on paper" within the next week to 10 days — and that Kyiv had offered to buy about $90 billion of US weapons.`,
				})},
				{Ref: "testdata/feed/description.xml#2", Article: withID(article.Article{
					SourceRef: "testdata/feed/description.xml#2",
					URL:       "https://wire.example/2025/08/19/cafe",
					Title:     "Café owners in Kyiv reopen after strikes",
					Outlet:    "Wire Service Headlines",
					Language:  "en",
					Text:      "Owners of a café in central Kyiv reopened on Tuesday, a day after Russian strikes damaged the street.",
				})},
			},
		},
		{
			ref: "testdata/feed/atom.atom",
			want: []Result{
				{Ref: "testdata/feed/atom.atom#1", Article: withID(article.Article{
					SourceRef: "testdata/feed/atom.atom#1",
					URL:       "https://policyreview.example/2025/08/19/rutte-article-5",
					Title:     "Rutte: Article 5–style guarantees on the table",
					Outlet:    "Brussels Policy Review",
					Author:    "Pieter de Vries, Anna Nowak",
					Published: date("2025-08-19T10:30:00Z"), // +02:00: its own clock
					Language:  "en",
					Text: "NATO Secretary General Mark Rutte said that while NATO membership for Ukraine was not on the table, there was a discussion about Article 5-type security guarantees.\n" +
						"Article 5 of NATO’s founding treaty is the principle of collective defence.",
				})},
				{Ref: "testdata/feed/atom.atom#2", Article: withID(article.Article{
					SourceRef: "testdata/feed/atom.atom#2",
					URL:       "https://policyreview.example/2025/08/19/druzhba",
					Title:     "Hungary criticises strike on Druzhba pipeline",
					Outlet:    "Brussels Policy Review",
					Published: date("2025-08-19T08:00:00Z"), // <updated>: no <published>
					Language:  "en",
					Text:      "Hungary's foreign minister criticised a Ukrainian strike on the Druzhba pipeline, which supplies oil to Slovakia and Hungary.",
				})},
			},
		},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, collect(t, r, tt.ref), cmpErrors); diff != "" {
				t.Errorf("Read(%s) mismatch (-want +got):\n%s", tt.ref, diff)
			}
		})
	}
}

const rssItem = `<item><title>Talks</title><description>Leaders met in Washington on Monday.</description></item>`

func rss(items string) string {
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>` + items + `</channel></rss>`
}

func TestParseFeed(t *testing.T) {
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(
		strings.Replace(rss(rssItem), `<?xml version="1.0"?>`, `<?xml version="1.0" encoding="UTF-16"?>`, 1))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		in    string
		texts []string
		err   error
	}{
		{"RSS", rss(rssItem), []string{"Leaders met in Washington on Monday."}, nil},
		{"UTF-16 with BOM and declaration", utf16, []string{"Leaders met in Washington on Monday."}, nil},
		{"RSS 1.0", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>F</title></channel>` +
			`<item><title>T</title><link>https://x.example/1</link><description>RDF item text.</description></item></rdf:RDF>`, []string{"RDF item text."}, nil},
		{"item HTML too deep", rss(`<item><description>` + strings.Repeat("&lt;b&gt;", 600) + `x</description></item>`), nil, ErrMalformed},
		{"no items", rss(""), nil, ErrEmpty},
		{"unclosed", `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>T`, nil, ErrMalformed},
		{"not a feed", `<html><body>Not a feed</body></html>`, nil, ErrMalformed},
		{"undeclared Latin-1", rss("<item><description>Caf\xe9</description></item>"), []string{"Café"}, nil},
		{"binary", "<rss>\x00\x00\x00", nil, ErrBinary},
		{"empty", "", nil, ErrEmpty},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var texts []string
			var errs []error
			err := r.readFeed(context.Background(), "f.rss", []byte(tt.in), feedOptions{mustBeFeed: true}, func(res Result) error {
				if res.Err != nil {
					errs = append(errs, res.Err)
				} else {
					texts = append(texts, res.Article.Text)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.texts, texts); diff != "" {
				t.Errorf("texts mismatch (-want +got):\n%s", diff)
			}
			if tt.err == nil && len(errs) > 0 || tt.err != nil && (len(errs) != 1 || !errors.Is(errs[0], tt.err)) {
				t.Errorf("errors = %v, want %v", errs, tt.err)
			}
		})
	}
}

func TestFeedTimeKeepsTheFeedsClock(t *testing.T) {
	utc := func(s string) time.Time { return date(s) }
	tests := []struct {
		raw    string
		parsed time.Time
		want   time.Time
	}{
		// gofeed converts Atom dates to UTC: the raw text still has the offset.
		{"2025-03-03T22:00:00-08:00", utc("2025-03-04T06:00:00Z"), utc("2025-03-03T22:00:00Z")},
		{"Tue, 19 Aug 2025 06:15:00 +0200", time.Date(2025, 8, 19, 6, 15, 0, 0, time.FixedZone("", 7200)), utc("2025-08-19T06:15:00Z")},
		{"Tue, 19 Aug 2025 09:02:11 GMT", utc("2025-08-19T09:02:11Z"), utc("2025-08-19T09:02:11Z")},
		// Raw text that disagrees with what gofeed parsed, or that no layout
		// reads: the parsed time, on its own clock.
		{"2025-03-03T22:00:00-08:00", utc("2025-01-01T00:00:00Z"), utc("2025-01-01T00:00:00Z")},
		{"3rd of March", time.Date(2025, 3, 3, 22, 0, 0, 0, time.FixedZone("", -8*3600)), utc("2025-03-03T22:00:00Z")},
	}
	for _, tt := range tests {
		if got := feedTime(tt.raw, tt.parsed); !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("feedTime(%q, %v) = %v, want %v", tt.raw, tt.parsed, got, tt.want)
		}
	}
}

// TestReadFeedItems covers issue 24's feed classes and issue 27's DTD.
func TestReadFeedItems(t *testing.T) {
	const desc = `<description>Leaders met in Washington on Monday.</description>`
	tests := []struct {
		name, ref, in string
		want          []string // per item: URL | date | text, or the skip or error
	}{
		{"relative link, feed URL", "https://news.example/feeds/world.rss",
			rss(`<item><link>/2025/08/18/talks</link>` + desc + `</item><item><link>talks-2</link>` + desc + `</item>`),
			[]string{"https://news.example/2025/08/18/talks |  | Leaders met in Washington on Monday.", "https://news.example/feeds/talks-2 |  | Leaders met in Washington on Monday."}},
		{"relative link, channel link", "f.rss",
			strings.Replace(rss(`<item><link>/2025/08/18/talks</link>`+desc+`</item>`), "<title>Feed</title>", "<title>Feed</title><link>https://news.example/world/</link>", 1),
			[]string{"https://news.example/2025/08/18/talks |  | Leaders met in Washington on Monday."}},
		{"relative link, xml:base", "https://feeds.example/x.rss",
			`<rss version="2.0"><channel xml:base="https://news.example/world/"><title>F</title><item><link>talks</link>` + desc + `</item></channel></rss>`,
			[]string{"https://news.example/world/talks |  | Leaders met in Washington on Monday."}},
		{"double-escaped HTML", "f.rss",
			rss(`<item><title>A &amp;amp; B</title><description>&amp;lt;p&amp;gt;Leaders met.&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;They talked &amp;amp;amp; ate.&amp;lt;/p&amp;gt;</description></item>`),
			[]string{" |  | Leaders met.\nThey talked & ate."}},
		{"dates gofeed does not parse", "f.rss",
			rss(`<item><pubDate>03 Apr 02 1500 GMT</pubDate>` + desc + `</item><item><pubDate>Wed, 03 Apr 02 15:00 EST</pubDate>` + desc + `</item>`),
			[]string{" | 2002-04-03T15:00:00Z | Leaders met in Washington on Monday.", " |  | Leaders met in Washington on Monday."}},
		{"link but no text", "f.rss",
			rss(`<item><title>Gallery</title><link>https://news.example/gallery</link></item><item><title>Nothing</title></item>`),
			[]string{"skipped: feed item with a link but no text: https://news.example/gallery", "f.rss#2: empty: item has no text"}},
		{"internal DTD subset", "f.rss",
			`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY nbsp "&#160;"> <!ENTITY mdash "&#8212;">]>` + rss(`<item>` + desc + `</item>`)[len(`<?xml version="1.0"?>`):],
			[]string{" |  | Leaders met in Washington on Monday."}},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := r.ReadFeed(context.Background(), tt.ref, "", []byte(tt.in), func(res Result) error {
				switch {
				case res.Skipped:
					got = append(got, "skipped: "+res.Reason+": "+res.Item.URL)
				case res.Err != nil:
					got = append(got, res.Err.Error())
				default:
					a := res.Article
					d := ""
					if !a.Published.IsZero() {
						d = a.Published.Format(time.RFC3339)
					}
					got = append(got, a.URL+" | "+d+" | "+a.Text)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadXMLWithDTD checks that an .xml feed with an internal DTD subset
// in a folder is read, not skipped as XML that is no feed (issue 27).
func TestReadXMLWithDTD(t *testing.T) {
	dir := t.TempDir()
	in := `<?xml version="1.0"?>` + "\n" + `<!DOCTYPE rss [` + "\n" + `<!ENTITY eacute "&#233;">` + "\n" + `]>` + "\n" +
		`<rss version="2.0"><channel><title>F</title>` + rssItem + `</channel></rss>`
	if err := os.WriteFile(filepath.Join(dir, "feed.xml"), []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	got := summarize(collect(t, New(Options{}), dir))
	want := []summary{{Ref: filepath.Join(dir, "feed.xml#1"), Title: "Talks"}}
	if diff := cmp.Diff(want, got, cmpErrors); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}
