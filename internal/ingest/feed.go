package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/storyline-news/storyline/internal/article"
)

// feedOptions says how to read a feed document.
type feedOptions struct {
	// mustBeFeed is false for an .xml file: a document that is not a feed
	// is then ErrUnsupported, not ErrMalformed.
	mustBeFeed bool
	// charset is the HTTP Content-Type's charset, "" when unknown.
	charset string
}

// readFeed reads an RSS or Atom feed, one article per item; the item's
// SourceRef is ref#N for the Nth item. An item with a link but no text is
// reported as skipped, with the item in Result.Item; one with neither fails
// with ErrEmpty. Relative item links are resolved (see feedBase).
func (r *Reader) readFeed(ctx context.Context, ref string, data []byte, opts feedOptions, fn func(Result) error) error {
	feed, err := parseFeed(data, opts)
	if err != nil {
		return fn(failure(ref, 0, err))
	}
	base := feedBase(ref, feed.Link)
	outlet := cleanLine(feed.Title)
	for i, item := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		itemRef := ref + "#" + strconv.Itoa(i+1)
		if err := fn(feedResult(itemRef, item, base, outlet, feed.Language)); err != nil {
			return err
		}
	}
	return nil
}

// feedResult returns the Result for one feed item.
func feedResult(ref string, item *gofeed.Item, base *url.URL, outlet, lang string) Result {
	a, err := feedArticle(ref, item, base, outlet, lang)
	switch {
	case errors.Is(err, errNoText) && a.URL != "":
		return Result{Ref: ref, Skipped: true, Reason: "feed item with a link but no text", Item: a}
	case err != nil:
		return failure(ref, 0, err)
	}
	return Result{Ref: ref, Article: a}
}

// parseFeed parses data as a feed with gofeed. The document is made UTF-8
// first when it is not (see charset.go); gofeed converts a declared
// encoding other than UTF-8 itself.
func parseFeed(data []byte, opts feedOptions) (feed *gofeed.Feed, err error) {
	data, utf16, err := decode(data)
	if err != nil {
		return nil, err
	}
	if utf16 {
		data = xmlEncoding.ReplaceAll(data, []byte("$1"))
	}
	data = dropControls(data)
	// More than sniffSize: an internal DTD subset may be long.
	if sniff(data[:min(len(data), 64<<10)]) != formatFeed {
		if !opts.mustBeFeed {
			return nil, fmt.Errorf("%w: XML that is not an RSS or Atom feed", ErrUnsupported)
		}
		return nil, fmt.Errorf("%w feed: no rss, RDF or feed root element", ErrMalformed)
	}
	data = feedUTF8(data, opts.charset)
	// gofeed is a third-party parser: a panic on hostile input fails this
	// feed, not the batch.
	defer func() {
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("%w feed: parser failed: %v", ErrMalformed, p)
		}
	}()
	feed, err = gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w feed: %v", ErrMalformed, err)
	}
	if len(feed.Items) == 0 {
		return nil, fmt.Errorf("%w: feed has no items", ErrEmpty)
	}
	return feed, nil
}

// feedUTF8 returns a feed document as UTF-8 without an encoding in its XML
// declaration, or, when it declares an encoding other than UTF-8 and no
// charset hint overrides it, as it is, for gofeed to convert.
func feedUTF8(data []byte, hint string) []byte {
	if declaresEncoding(data) && !utf8.Valid(data) && hint == "" {
		return data
	}
	out, converted := toUTF8(data, hint)
	if converted || declaresEncoding(data) {
		out = xmlEncoding.ReplaceAll(out, []byte("$1"))
	}
	return out
}

// xmlEncoding matches the encoding declaration of an XML document; its
// first group is the declaration without it.
var xmlEncoding = regexp.MustCompile(`^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["']([A-Za-z0-9._:-]*)["']`)

// declaresEncoding reports whether data's XML declaration names an encoding
// other than UTF-8.
func declaresEncoding(data []byte) bool {
	m := xmlEncoding.FindSubmatch(data[:min(len(data), 1024)])
	if m == nil {
		return false
	}
	enc := strings.ToLower(string(m[2]))
	return enc != "" && enc != "utf-8" && enc != "utf8"
}

// errNoText reports a feed item with no text; with a link, it is skipped
// and not an error (see readFeed).
var errNoText = fmt.Errorf("%w: item has no text", ErrEmpty)

// feedArticle returns the article in a feed item: its content (RSS
// content:encoded or Atom content), else its description or summary,
// cleaned of HTML. For an item with no text it returns the article without
// text and errNoText.
func feedArticle(ref string, item *gofeed.Item, base *url.URL, outlet, lang string) (*article.Article, error) {
	text, err := feedHTML(item.Content)
	if err == nil && text == "" {
		text, err = feedHTML(item.Description)
	}
	if err != nil {
		return nil, err
	}
	text = trimBoilerplate(text, false)
	a := &article.Article{
		SourceRef: ref,
		URL:       resolveLink(base, item.Link),
		Title:     feedTitle(item.Title),
		Outlet:    outlet,
		Author:    feedAuthors(item.Authors),
		Published: feedDate(item),
	}
	if text == "" {
		return a, errNoText
	}
	a.Language = pickLanguage(lang, text)
	a.Text = text
	a.SetID()
	return a, nil
}

// doubleEscaped matches what is left of markup or entities in text taken
// from HTML: the sign that a feed escaped its HTML twice ("&amp;lt;p&amp;gt;").
var doubleEscaped = regexp.MustCompile(`(?i)</?(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|img|h[1-6]|blockquote|figure|figcaption|table|tr|td|iframe|script|style)(?:\s[^<>]*)?/?>|&(?:[a-z]{2,8}|#[0-9]{2,6}|#x[0-9a-f]{2,5});`)

// feedHTML returns the text of a feed's HTML, reading it a second time
// when the first reading leaves markup or entities behind.
func feedHTML(s string) (string, error) {
	text, err := htmlToText(s)
	if err == nil && doubleEscaped.MatchString(text) {
		text, err = htmlToText(text)
	}
	return text, err
}

// feedTitle returns an item title as one line of text: feeds often carry
// titles with HTML entities or markup left escaped.
func feedTitle(s string) string {
	if strings.ContainsAny(s, "<&") {
		if text, err := feedHTML(s); err == nil {
			s = text
		}
	}
	return cleanLine(s)
}

// feedBase returns the URL relative item links are resolved against: ref
// when it is the feed's absolute http(s) URL, else the channel's link when
// it is one, else nil. gofeed has resolved links against xml:base already.
func feedBase(ref, channelLink string) *url.URL {
	for _, s := range []string{ref, strings.TrimSpace(channelLink)} {
		if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u
		}
	}
	return nil
}

// resolveLink returns link resolved against base, or as given when it is
// absolute, base is nil or it does not parse.
func resolveLink(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" || base == nil {
		return link
	}
	u, err := url.Parse(link)
	if err != nil || u.IsAbs() {
		return link
	}
	return base.ResolveReference(u).String()
}

// feedAuthors returns the names of an item's authors, comma-separated.
func feedAuthors(people []*gofeed.Person) string {
	var names []string
	for _, p := range people {
		if p == nil {
			continue
		}
		if name := cleanLine(p.Name); name != "" {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

// feedDate returns an item's publication time, else its update time, as
// the wall clock of the feed (see wallClock); the zero Time if it has
// neither, or none that gofeed or oldDateLayouts parse.
func feedDate(item *gofeed.Item) time.Time {
	switch {
	case item.PublishedParsed != nil:
		return feedTime(item.Published, *item.PublishedParsed)
	case item.UpdatedParsed != nil:
		return feedTime(item.Updated, *item.UpdatedParsed)
	}
	for _, raw := range []string{item.Published, item.Updated} {
		if t, ok := parseOldDate(raw); ok {
			return t
		}
	}
	return time.Time{}
}

// oldDateLayouts are RFC 822 dates as old feeds and wire archives write
// them, which gofeed does not parse: two-digit years, a time without a
// colon ("03 Apr 02 1500 GMT").
var oldDateLayouts = []string{
	"02 Jan 06 1504 MST", "Mon, 02 Jan 06 1504 MST", "02 Jan 2006 1504 MST", "Mon, 02 Jan 2006 1504 MST",
	"02 Jan 06 15:04 MST", "Mon, 02 Jan 06 15:04 MST", "02 Jan 06 15:04:05 MST", "Mon, 02 Jan 06 15:04:05 MST",
	"02 Jan 06 1504 -0700", "02 Jan 06 15:04 -0700", "02 Jan 06 15:04:05 -0700", "Mon, 02 Jan 06 15:04:05 -0700",
}

// parseOldDate parses raw in one of oldDateLayouts as a wall clock. A
// named zone is accepted only when it is GMT, UT, UTC or Z: time.Parse
// gives any other abbreviation a zero offset, which would be a guess.
func parseOldDate(raw string) (time.Time, bool) {
	raw = strings.Join(strings.Fields(raw), " ")
	for _, layout := range oldDateLayouts {
		t, err := time.Parse(layout, raw)
		if err != nil {
			continue
		}
		if name, off := t.Zone(); off == 0 && strings.HasSuffix(layout, "MST") && !utcNames[name] {
			return time.Time{}, false
		}
		return wallClock(t), true
	}
	return time.Time{}, false
}

var utcNames = map[string]bool{"GMT": true, "UT": true, "UTC": true, "Z": true}

// feedLayouts are the date forms of RSS (RFC 822 and its variants) and Atom
// (RFC 3339) that carry a numeric offset.
var feedLayouts = []string{time.RFC3339, time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700"}

// feedTime returns the wall clock of a feed date: gofeed has parsed raw into
// parsed, but may have converted it to UTC on the way (it does for Atom), so
// raw is read again for its own offset; parsed is kept when raw has none.
func feedTime(raw string, parsed time.Time) time.Time {
	raw = strings.TrimSpace(raw)
	for _, layout := range feedLayouts {
		if t, err := time.Parse(layout, raw); err == nil && t.Equal(parsed) {
			return wallClock(t)
		}
	}
	return wallClock(parsed)
}
