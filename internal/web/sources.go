package web

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/storyline-news/storyline/internal/dossier"
)

// safeSourceRef returns the form of an article's source_ref that pages and
// the API show. A web address stays as it is, without any user name or
// password in it; a file keeps a relative path that does not climb out of
// the folder it was ingested from, and otherwise only its base name, so that
// no absolute path of the server's file system is ever shown. The fragment
// (#3, the record in the file) is kept. `storyline digest` writes the
// source_ref as given: this form is the server's alone.
func safeSourceRef(ref string) string {
	if u, err := url.Parse(ref); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		u.User = nil
		return u.String()
	}
	file, frag, hasFrag := strings.Cut(ref, "#")
	file = strings.TrimPrefix(file, "file://")
	if absolute(file) || climbs(file) {
		file = file[strings.LastIndexAny(file, `/\`)+1:]
	}
	if hasFrag {
		return file + "#" + frag
	}
	return file
}

// absolute reports whether p is an absolute path on Unix or Windows.
func absolute(p string) bool {
	return strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) || strings.HasPrefix(p, "~") ||
		len(p) >= 2 && p[1] == ':' && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z')
}

// climbs reports whether a relative path has a ".." element.
func climbs(p string) bool {
	for _, el := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '\\' }) {
		if el == ".." {
			return true
		}
	}
	return false
}

// safeArticles returns a copy of arts with their source_ref in the form
// safeSourceRef gives.
func safeArticles(arts []dossier.Article) []dossier.Article {
	out := make([]dossier.Article, len(arts))
	for i, a := range arts {
		a.SourceRef = safeSourceRef(a.SourceRef)
		out[i] = a
	}
	return out
}

// domain returns the host of an article's address without "www.", or "".
func domain(u *string) string {
	link := externalLink(u)
	if link == "" {
		return ""
	}
	p, _ := url.Parse(link)
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// Clustering doubts. An article joins a story when its similarity to the
// story reaches the clustering threshold (0.28 by default, see package
// cluster); one that joined below weakScore was a near thing, and pages
// say so rather than show the story as certain.
const weakScore = 0.4

// doubt says how sure the engine is that a story's articles belong
// together, from the assignment scores the dossier carries (articles[].why).
type doubt struct {
	// Single is set for a story of one article: nothing confirms it.
	Single bool
	// Weak counts the articles that joined with a low score; Lowest is the
	// lowest such score.
	Weak   int
	Lowest string
}

func storyDoubt(arts []dossier.Article) doubt {
	d := doubt{Single: len(arts) == 1}
	lowest := 1.0
	for _, a := range arts {
		if s, ok := weakJoin(a); ok {
			d.Weak++
			lowest = min(lowest, s)
		}
	}
	if d.Weak > 0 {
		d.Lowest = fmt.Sprintf("%.2f", lowest)
	}
	return d
}

// weakJoin returns the score with which a joined its story, and whether it
// was low.
func weakJoin(a dossier.Article) (float64, bool) {
	if a.Why == nil || a.Why.StartedStory {
		return 0, false
	}
	return a.Why.Score, a.Why.Score < weakScore
}
