package engine

import (
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/article"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/story"
)

// summary returns the running summary of a story, creating it if needed.
func (e *Engine) summary(id string) *summary {
	s := e.summaries[id]
	if s == nil {
		s = &summary{id: id}
		e.summaries[id] = s
	}
	return s
}

// absorb adds the summary of story from to that of story into and drops
// it.
func (e *Engine) absorb(into, from string) {
	f := e.summaries[from]
	if f == nil {
		return
	}
	e.summary(into).absorb(f)
	delete(e.summaries, from)
}

// summary keeps what a story's stored summary needs without holding its
// articles: the date span, the count, and the headline candidates (story
// order: dated before undated, earlier first, first seen among equals).
type summary struct {
	id          string
	first, last time.Time
	count       int
	titled      candidate // earliest article with a title
	earliest    candidate // earliest article, for a headline from its text
}

// candidate is a possible headline and the date of the article it comes from.
type candidate struct {
	set       bool
	published time.Time
	headline  string
}

func (c candidate) later(p time.Time) bool {
	switch {
	case !c.set:
		return true
	case p.IsZero():
		return false
	case c.published.IsZero():
		return true
	}
	return p.Before(c.published)
}

func (s *summary) add(a article.Article) {
	s.count++
	if p := a.Published; !p.IsZero() {
		if s.first.IsZero() || p.Before(s.first) {
			s.first = p
		}
		if s.last.IsZero() || p.After(s.last) {
			s.last = p
		}
	}
	earliest, titled := s.earliest.later(a.Published), a.Title != "" && s.titled.later(a.Published)
	if !earliest && !titled {
		return
	}
	// The headline is copied: a title may be a slice of the whole input it
	// was read from, and a summary lives as long as its story.
	c := candidate{true, a.Published, strings.Clone(story.Headline([]article.Article{a}))}
	if earliest {
		s.earliest = c
	}
	if titled {
		s.titled = c
	}
}

// absorb adds t, another story's summary, to s.
func (s *summary) absorb(t *summary) {
	s.count += t.count
	if !t.first.IsZero() && (s.first.IsZero() || t.first.Before(s.first)) {
		s.first = t.first
	}
	if t.last.After(s.last) {
		s.last = t.last
	}
	for _, c := range []struct{ dst, src *candidate }{{&s.earliest, &t.earliest}, {&s.titled, &t.titled}} {
		if c.src.set && c.dst.later(c.src.published) {
			*c.dst = *c.src
		}
	}
}

func (s *summary) story() store.Story {
	headline := s.earliest.headline
	if s.titled.set {
		headline = s.titled.headline
	}
	return store.Story{
		ID:             s.id,
		Headline:       headline,
		FirstPublished: s.first,
		LastPublished:  s.last,
		Articles:       s.count,
	}
}
