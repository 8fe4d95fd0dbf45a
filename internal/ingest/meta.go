package ingest

import (
	"net/url"
	"strings"
	"unicode"
)

// Metadata as pages give it, and as the extractor reads it, carries the
// outlet's name in the title, URLs for outlets and datelines for authors.

// titleSeparators part a headline from the outlet's name in a <title>.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "}

// pageTitle returns title without a trailing " - Outlet" or " | Outlet":
// the last segment is dropped when it names outlet or the page's host. A
// segment that names neither ("Live | Day 500") stays.
func pageTitle(title, outlet, pageURL string) string {
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if sameName(tail, outlet) || sameName(tail, hostName(pageURL)) {
			return head
		}
	}
	return title
}

// sameName reports whether a and b name the same outlet, ignoring case,
// spaces and punctuation, and a leading "www." or trailing domain.
func sameName(a, b string) bool {
	a, b = nameKey(a), nameKey(b)
	return a != "" && b != "" && (a == b || strings.TrimSuffix(a, "com") == b || strings.TrimSuffix(b, "com") == a)
}

func nameKey(s string) string {
	s = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "www.")
	for _, tld := range []string{".com", ".co.uk", ".org", ".net", ".news"} {
		s = strings.TrimSuffix(s, tld)
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// hostName returns the host of an absolute URL without "www.", or "".
func hostName(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// outletName returns an outlet given as a URL ("https://www.example.com/")
// as its host ("example.com"), and any other name as it is.
func outletName(s string) string {
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
		if h := hostName(s); h != "" {
			return h
		}
	case strings.HasPrefix(lower, "www.") && !strings.Contains(s, " "):
		return strings.TrimSuffix(lower[len("www."):], "/")
	}
	return s
}

// months are the month names and abbreviations a dateline may hold.
var months = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "january": true, "february": true,
	"march": true, "april": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true,
}

// pageAuthor returns the authors go-trafilatura found, "; "-separated, as
// a comma-separated list. A list that holds a date ("Reuters; Washington;
// Nov") is a dateline the extractor took for bylines: only its first
// name, the agency or author, is kept.
func pageAuthor(s string) string {
	parts := strings.Split(s, ";")
	var names []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if isDatePart(p) {
			if len(names) > 1 {
				names = names[:1]
			}
			break
		}
		if p != "" {
			names = append(names, p)
		}
	}
	return strings.Join(names, ", ")
}

// isDatePart reports whether s is a month, a day or a year: a part of a
// dateline, not a name.
func isDatePart(s string) bool {
	words := strings.Fields(strings.ToLower(strings.Trim(s, ".,")))
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ".,")
		if !months[w] && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
			return false
		}
	}
	return true
}
