package ingest

import (
	"context"
	"fmt"
	"mime"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/article"
)

// Page is a web page fetched by someone else: a crawler, a WARC file, a
// feed follower.
type Page struct {
	// Ref names the page in Results and becomes the article's SourceRef.
	Ref string
	// URL is where the page was fetched from; it is the article's URL when
	// the page does not name a canonical one.
	URL string
	// ContentType is the HTTP Content-Type header, "" when unknown. Its
	// charset parameter decides how a Body that is not UTF-8 is decoded,
	// before the page's own declaration (see ContentTypeCharset).
	ContentType string
	// Body is the page's HTML.
	Body []byte
	// Date is when the page was fetched or archived: the publication time
	// when the page gives none. The zero Time means unknown.
	Date time.Time
}

// IsHTML reports whether a Content-Type header names an HTML page; an
// empty one is taken to be HTML.
func IsHTML(contentType string) bool {
	if contentType == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

// ReadPage reads the article in a fetched web page, as Read reads an .html
// file. It fails with ErrUnsupported for a Content-Type that is not HTML.
func (r *Reader) ReadPage(p Page) (*article.Article, error) {
	if !IsHTML(p.ContentType) {
		return nil, fmt.Errorf("%w: Content-Type %q", ErrUnsupported, p.ContentType)
	}
	body := p.Body
	if int64(len(body)) > r.opts.MaxSize {
		return nil, tooLarge(r.opts.MaxSize)
	}
	a, err := r.parseHTML(p.Ref, body, ContentTypeCharset(p.ContentType))
	if err != nil {
		return nil, err
	}
	if a.URL == "" {
		a.URL = strings.TrimSpace(p.URL)
	}
	if a.Published.IsZero() && !p.Date.IsZero() && !p.Date.After(r.now()) {
		a.Published = p.Date.UTC()
		a.PublishedInferred = true
	}
	a.SetID()
	return a, nil
}

// ReadFeed reads an RSS or Atom document fetched by someone else, one
// article per item, as Read reads a .rss file; ref names it (item N is
// ref#N) and, when it is an absolute URL, is what relative item links are
// resolved against. contentType is the HTTP Content-Type header, "" when
// unknown: its charset decides how a document that is not UTF-8 is
// decoded, before its XML declaration. Failures are reported to fn as
// Results and reading goes on; ReadFeed returns fn's first error, or ctx's.
func (r *Reader) ReadFeed(ctx context.Context, ref, contentType string, data []byte, fn func(Result) error) error {
	if int64(len(data)) > r.opts.MaxSize {
		return fn(failure(ref, 0, tooLarge(r.opts.MaxSize)))
	}
	return r.readFeed(ctx, ref, data, feedOptions{mustBeFeed: true, charset: ContentTypeCharset(contentType)}, fn)
}
