package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	dateparser "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/storyline-news/storyline/internal/article"
)

// parseHTML reads a web page: the main text, title, author and site name by
// go-trafilatura, the publication date by go-htmldate. hint is the charset
// of the HTTP Content-Type, "" when unknown (see charset.go).
func (r *Reader) parseHTML(ref string, data []byte, hint string) (*article.Article, error) {
	data, _, err := decode(data)
	if err != nil {
		return nil, err
	}
	data = dropControls(data)
	data, _ = toUTF8(data, hint, htmlDeclared(data))
	a, err := r.extractHTML(data)
	if err != nil {
		return nil, err
	}
	a.SourceRef = ref
	a.SetID()
	return a, nil
}

// extractHTML returns the article in an HTML page, without SourceRef and
// ID. go-trafilatura and its fallbacks are large third-party parsers; a
// panic in them on hostile input fails this one page, not the batch.
func (r *Reader) extractHTML(page []byte) (a *article.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("%w HTML: extractor failed: %v", ErrMalformed, p)
		}
	}()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("%w HTML: %v", ErrMalformed, err)
	}
	if nodeText(doc) == "" { // nothing but markup, code and navigation
		return nil, fmt.Errorf("%w HTML: no extractable text", ErrMalformed)
	}
	published := r.htmlDate(doc)
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		EnableFallback:   true,
		ExcludeComments:  true,
		HtmlDateOverride: &htmldate.Result{}, // the date comes from htmlDate
	})
	var text string
	if err == nil && res.ContentNode != nil {
		text = trimBoilerplate(nodeText(res.ContentNode), false)
	}
	if text == "" {
		return nil, fmt.Errorf("%w HTML: no extractable text", ErrMalformed)
	}
	md := res.Metadata
	outlet := outletName(cleanLine(md.Sitename))
	title := pageTitle(cleanLine(md.Title), outlet, md.URL)
	text = dropHeadline(text, title)
	return &article.Article{
		URL:       strings.TrimSpace(md.URL),
		Title:     title,
		Outlet:    outlet,
		Author:    pageAuthor(cleanLine(md.Author)),
		Published: published,
		Language:  pickLanguage(htmlLang(doc), text),
		Text:      text,
	}, nil
}

// dropHeadline removes the first line of text if it repeats the title,
// as a page's <h1> often does, unless nothing would be left.
func dropHeadline(text, title string) string {
	first, rest, ok := strings.Cut(text, "\n")
	if ok && title != "" && strings.EqualFold(first, title) {
		return rest
	}
	return text
}

// htmlDate returns the page's original publication date, preferring
// explicit metadata (meta elements, JSON-LD) over a date in the URL, as UTC
// midnight; the zero Time if none is found. The date is the day on the
// outlet's clock: a time given in UTC is moved to the page's own offset
// when the page gives it (see localDay). It runs go-htmldate in its fast
// mode, bounded by the injected clock so that a page reads the same on any
// day after it was published.
func (r *Reader) htmlDate(doc *html.Node) time.Time {
	now := r.now().UTC()
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		UseOriginalDate:     true,
		ExtractTime:         true,
		SkipExtensiveSearch: true,
		DeferUrlExtractor:   true,
		MinDate:             time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC),
		MaxDate:             now.AddDate(0, 0, 1),
		DateParserConfig:    &dateparser.Configuration{CurrentTime: now},
	})
	if err != nil || res.IsZero() {
		return time.Time{}
	}
	d := res.DateTime
	if _, off := d.Zone(); res.HasTime && res.HasTimezone && off == 0 {
		if day, ok := localDay(doc, d); ok {
			return day
		}
	}
	return midnight(d)
}

// htmlLang returns the lang attribute of the page's <html> element.
func htmlLang(doc *html.Node) string {
	for c := doc.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Html {
			for _, attr := range c.Attr {
				if attr.Key == "lang" {
					return attr.Val
				}
			}
		}
	}
	return ""
}

// PageDate returns the publication day that Read gives an HTML page (see
// htmlDate), or the zero Time when it finds none, whether or not the page
// has text to read: for the evaluation of dates alone.
func (r *Reader) PageDate(page []byte) (time.Time, error) {
	utf8Page, _ := toUTF8(page, htmlDeclared(page))
	doc, err := html.Parse(bytes.NewReader(utf8Page))
	if err != nil {
		return time.Time{}, fmt.Errorf("%w HTML: %v", ErrMalformed, err)
	}
	return r.htmlDate(doc), nil
}
