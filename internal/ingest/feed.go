package ingest

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/storyline-news/storyline/internal/article"
)

// readFeed reads an RSS or Atom feed, one article per item; the item's
// SourceRef is ref#N for the Nth item. Unless mustBeFeed, as for an .xml
// file, a document that is not a feed is ErrUnsupported.
func (r *Reader) readFeed(ctx context.Context, ref string, data []byte, mustBeFeed bool, fn func(Result) error) error {
	feed, err := parseFeed(data, mustBeFeed)
	if err != nil {
		return fn(failure(ref, 0, err))
	}
	outlet := cleanLine(feed.Title)
	for i, item := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		itemRef := ref + "#" + strconv.Itoa(i+1)
		if err := emitArticle(itemRef, fn)(feedArticle(itemRef, item, outlet, feed.Language)); err != nil {
			return err
		}
	}
	return nil
}

// parseFeed parses data as a feed with gofeed, which converts a declared
// encoding other than UTF-8.
func parseFeed(data []byte, mustBeFeed bool) (feed *gofeed.Feed, err error) {
	data, utf16, err := decode(data)
	if err != nil {
		return nil, err
	}
	if utf16 {
		data = xmlEncoding.ReplaceAll(data, []byte("$1"))
	}
	if sniff(data[:min(len(data), sniffSize)]) != formatFeed {
		if !mustBeFeed {
			return nil, fmt.Errorf("%w: XML that is not an RSS or Atom feed", ErrUnsupported)
		}
		return nil, fmt.Errorf("%w feed: no rss, RDF or feed root element", ErrMalformed)
	}
	if err := checkUTF8(data); err != nil && !declaresEncoding(data) {
		return nil, err
	}
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

// feedArticle returns the article in a feed item: its content (RSS
// content:encoded or Atom content), else its description or summary,
// cleaned of HTML.
func feedArticle(ref string, item *gofeed.Item, outlet, lang string) (*article.Article, error) {
	text, err := htmlToText(item.Content)
	if err == nil && text == "" {
		text, err = htmlToText(item.Description)
	}
	if err != nil {
		return nil, err
	}
	text = trimBoilerplate(text, false)
	if text == "" {
		return nil, fmt.Errorf("%w: item has no text", ErrEmpty)
	}
	a := &article.Article{
		SourceRef: ref,
		URL:       strings.TrimSpace(item.Link),
		Title:     feedTitle(item.Title),
		Outlet:    outlet,
		Author:    feedAuthors(item.Authors),
		Published: feedDate(item),
		Language:  pickLanguage(lang, text),
		Text:      text,
	}
	a.SetID()
	return a, nil
}

// feedTitle returns an item title as one line of text: feeds often carry
// titles with HTML entities or markup left escaped.
func feedTitle(s string) string {
	if strings.ContainsAny(s, "<&") {
		if text, err := htmlToText(s); err == nil {
			s = text
		}
	}
	return cleanLine(s)
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
// neither.
func feedDate(item *gofeed.Item) time.Time {
	switch {
	case item.PublishedParsed != nil:
		return feedTime(item.Published, *item.PublishedParsed)
	case item.UpdatedParsed != nil:
		return feedTime(item.Updated, *item.UpdatedParsed)
	}
	return time.Time{}
}

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
