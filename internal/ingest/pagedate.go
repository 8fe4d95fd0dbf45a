package ingest

import (
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page's date is the day on the outlet's clock (see wallClock). Pages
// often give their publication time twice, in UTC in one place (JSON-LD,
// a <meta>) and on their own clock in another (a <time> element, another
// <meta>), or once in UTC with their own day in the URL; go-htmldate takes
// the first it finds, and an evening article given in UTC moves to the
// next day. localDay puts it back.

// stampPattern matches an ISO 8601 timestamp with a time and an offset.
var stampPattern = regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})\b`)

// urlDatePattern matches a date in a URL's path: /2025/03/03/ or
// /2025-03-03/.
var urlDatePattern = regexp.MustCompile(`/(\d{4})[/-](\d{2})[/-](\d{2})(?:[/-]|$)`)

// localDay returns the day of t, a time go-htmldate found in UTC, on the
// page's own clock: the wall clock of another timestamp of the page that
// names the same instant with a non-zero offset, else the date in the
// page's URL when it is t's day or the one before or after and an offset
// of -12 to +14 hours from t could give it. ok is false when the page says
// nothing more.
func localDay(doc *html.Node, t time.Time) (day time.Time, ok bool) {
	stamps, urls := pageStamps(doc)
	for _, s := range stamps {
		if _, off := s.Zone(); off != 0 && s.Equal(t) {
			return midnight(s), true
		}
	}
	for _, u := range urls {
		m := urlDatePattern.FindStringSubmatch(u)
		if m == nil {
			continue
		}
		d, err := time.Parse(time.DateOnly, m[1]+"-"+m[2]+"-"+m[3])
		if err != nil {
			continue
		}
		// The URL's day must begin at most 14 hours after t and end at
		// most 12 hours before it.
		if !d.After(t.Add(14*time.Hour)) && d.AddDate(0, 0, 1).After(t.Add(-12*time.Hour)) {
			return d, true
		}
	}
	return time.Time{}, false
}

// pageStamps returns the timestamps with an offset in a page's <meta>
// contents, <time> datetimes and JSON-LD, and its canonical URLs.
func pageStamps(doc *html.Node) (stamps []time.Time, urls []string) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			var vals []string
			switch tag(n) {
			case atom.Meta:
				vals = append(vals, attr(n, "content"))
				if p := attr(n, "property"); p == "og:url" {
					urls = append(urls, attr(n, "content"))
				}
			case atom.Time:
				vals = append(vals, attr(n, "datetime"))
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					urls = append(urls, attr(n, "href"))
				}
			case atom.Script:
				if strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil {
					vals = append(vals, n.FirstChild.Data)
				}
			}
			for _, v := range vals {
				for _, m := range stampPattern.FindAllStringSubmatch(v, 20) {
					zone := m[3]
					if len(zone) == 5 { // +0100
						zone = zone[:3] + ":" + zone[3:]
					}
					if s, err := time.Parse(time.RFC3339Nano, m[1]+"T"+withSeconds(m[2])+zone); err == nil {
						stamps = append(stamps, s)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return stamps, urls
}

// withSeconds returns hh:mm as hh:mm:00, and longer times as they are.
func withSeconds(hm string) string {
	if len(hm) == len("15:04") {
		return hm + ":00"
	}
	return hm
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func midnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
