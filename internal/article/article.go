// Package article defines the Article, the unit every storyline stage works
// on, and the small pure functions that derive its identity and basic
// properties: a content-derived ID, a word count and a language guess.
//
// Readers in package ingest produce Articles; every later stage (reuse,
// cluster, entity, quote, timex, timeline, divergence) reads them and never
// changes them. Offsets that later stages report are Unicode code points into
// Article.Text.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
)

// Article is one news article after reading and cleaning.
type Article struct {
	// ID is derived from the article's content (see NewID): the same article
	// read twice, from any path, gets the same ID.
	ID string
	// SourceRef is the path or URL exactly as the article came in, with a
	// "#N" suffix naming the item when one file holds several articles.
	SourceRef string
	// URL is the article's canonical address, when known.
	URL string
	// Title is the headline, when known.
	Title string
	// Outlet is the publisher's name (a feed title, a site name), when known.
	Outlet string
	// Author is the byline, when known.
	Author string
	// Published is the publication time; the zero Time means unknown. It is
	// never the ingest time.
	Published time.Time
	// PublishedInferred reports that Published was derived by storyline (from
	// the text or the story) rather than given by the input.
	PublishedInferred bool
	// Language is a BCP 47 language code such as "en", or "" when unknown.
	Language string
	// Text is the cleaned body text. All offsets refer to it.
	Text string
}

// NewID returns the content-derived ID of an article with the given fields.
// The source reference and the outlet's spelling of dates do not take part,
// so re-reading one article from another path yields the same ID, while two
// outlets publishing the same text under their own URLs or names stay apart.
func NewID(url, outlet, title, text string) string {
	h := sha256.New()
	for _, s := range []string{url, outlet, title, text} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "a-" + hex.EncodeToString(h.Sum(nil)[:8])
}

// SetID sets a.ID from a's content.
func (a *Article) SetID() {
	a.ID = NewID(a.URL, a.Outlet, a.Title, a.Text)
}

// Words returns the number of words in a's body text: maximal runs of letters
// and digits, so that punctuation and dashes do not count.
func (a *Article) Words() int {
	return CountWords(a.Text)
}

// CountWords returns the number of maximal runs of letters, digits and
// in-word apostrophes or hyphens in s.
func CountWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				n++
				in = true
			}
			continue
		}
		if in && (r == '\'' || r == '’' || r == '-') {
			continue
		}
		in = false
	}
	return n
}

// HasDate reports whether a's publication date is known.
func (a *Article) HasDate() bool { return !a.Published.IsZero() }

// DateString returns a's publication date as YYYY-MM-DD, or "" when unknown.
func (a *Article) DateString() string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.UTC().Format(time.DateOnly)
}

// Paragraphs splits text into paragraphs at line breaks, trimming space and
// dropping empty lines. It is used by readers and stages that work per
// paragraph; offsets must be computed on Text itself, not on its result.
func Paragraphs(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}
